//! A tiny seeded pseudo-random generator (SplitMix64).
//!
//! The engine has no other source of randomness: the scenario's seed goes in here and
//! every "random" choice (smoltcp's per-host seed, hence its ISNs; the client's ephemeral
//! port) comes out, so the same seed always gives the same bytes.

/// SplitMix64 (Steele, Lea, Flood 2014): one `u64` of state, good enough for ISNs and ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 pseudo-random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A port in the IANA dynamic range 49152–65535 (what Linux calls ephemeral ports
    /// starts at 32768; IANA's range is the one textbooks teach).
    pub fn ephemeral_port(&mut self) -> u16 {
        // 16384 ports: the low 14 bits are uniform.
        49152 + (self.next_u64() & 0x3FFF) as u16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }

    #[test]
    fn ephemeral_ports_stay_in_range() {
        let mut r = SplitMix64::new(1);
        for _ in 0..10_000 {
            let p = r.ephemeral_port();
            assert!(p >= 49152);
        }
    }
}
