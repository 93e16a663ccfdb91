//! The Internet checksum (RFC 1071) for IPv4 headers and the TCP/UDP pseudo-header.
//!
//! A header whose checksum is right sums (with its checksum field in place) to `0xffff`,
//! so [`verify_ipv4_header`] and [`verify_l4`] just check that.

/// One's-complement sum of `data` as big-endian 16-bit words (odd byte padded with zero),
/// folded to 16 bits, not yet complemented.
pub fn sum(data: &[u8]) -> u16 {
    fold(sum32(data))
}

fn sum32(data: &[u8]) -> u64 {
    let mut acc: u64 = 0;
    let mut chunks = data.chunks_exact(2);
    for c in &mut chunks {
        acc += u64::from(u16::from_be_bytes([c[0], c[1]]));
    }
    if let [last] = chunks.remainder() {
        acc += u64::from(u16::from_be_bytes([*last, 0]));
    }
    acc
}

/// Sum with the (even-aligned) 16-bit word at `skip` counted as zero.
fn sum32_skipping(data: &[u8], skip: usize) -> u64 {
    if !skip.is_multiple_of(2) || skip + 2 > data.len() {
        return sum32(data);
    }
    sum32(&data[..skip]) + sum32(&data[skip + 2..])
}

fn fold(mut acc: u64) -> u16 {
    while acc > 0xffff {
        acc = (acc & 0xffff) + (acc >> 16);
    }
    acc as u16
}

/// The IPv4 header checksum to put in bytes 10..12 of `header` (whatever they hold now).
pub fn ipv4_header(header: &[u8]) -> u16 {
    !fold(sum32_skipping(header, 10))
}

/// Whether an IPv4 header (checksum field included) checks out.
pub fn verify_ipv4_header(header: &[u8]) -> bool {
    sum(header) == 0xffff
}

/// The 12 bytes of the IPv4 pseudo-header (RFC 9293 §3.1, RFC 768) that the TCP/UDP
/// checksum covers besides the segment: source address, destination address, a zero byte,
/// the protocol (6 TCP, 17 UDP) and the TCP/UDP length (`len`, header + payload).
pub fn pseudo_header_bytes(src: [u8; 4], dst: [u8; 4], protocol: u8, len: usize) -> [u8; 12] {
    let len = (len & 0xffff) as u16; // callers pass an IPv4 payload length, always < 65536
    let mut buf = [0u8; 12];
    buf[0..4].copy_from_slice(&src);
    buf[4..8].copy_from_slice(&dst);
    buf[9] = protocol;
    buf[10..12].copy_from_slice(&len.to_be_bytes());
    buf
}

/// One's-complement sum of the IPv4 pseudo-header ([`pseudo_header_bytes`]).
pub fn pseudo_header(src: [u8; 4], dst: [u8; 4], protocol: u8, len: usize) -> u16 {
    sum(&pseudo_header_bytes(src, dst, protocol, len))
}

/// The TCP/UDP checksum of `segment` (header + payload) with its checksum field at
/// `checksum_at` (an even offset) counted as zero. For UDP a result of 0 is sent as `0xffff` (see [`udp`]).
pub fn l4(src: [u8; 4], dst: [u8; 4], protocol: u8, segment: &[u8], checksum_at: usize) -> u16 {
    let acc = u64::from(pseudo_header(src, dst, protocol, segment.len()))
        + sum32_skipping(segment, checksum_at);
    !fold(acc)
}

/// The UDP checksum as sent: [`l4`], with 0 replaced by `0xffff` (RFC 768).
pub fn udp(src: [u8; 4], dst: [u8; 4], datagram: &[u8]) -> u16 {
    match l4(src, dst, 17, datagram, 6) {
        0 => 0xffff,
        c => c,
    }
}

/// Whether a TCP/UDP segment (checksum field in place) checks out against its pseudo-header.
pub fn verify_l4(src: [u8; 4], dst: [u8; 4], protocol: u8, segment: &[u8]) -> bool {
    let acc = u64::from(pseudo_header(src, dst, protocol, segment.len())) + sum32(segment);
    fold(acc) == 0xffff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1071_example() {
        // RFC 1071 section 3: sum of 0001 f203 f4f5 f6f7 is ddf2.
        assert_eq!(
            sum(&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]),
            0xddf2
        );
    }

    #[test]
    fn ipv4_header_roundtrip() {
        let mut h = [
            0x45, 0x00, 0x00, 0x34, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0xaa, 0xbb, 192, 168, 1,
            10, 192, 168, 1, 20,
        ];
        let c = ipv4_header(&h);
        assert_eq!(c, 0xa521);
        h[10..12].copy_from_slice(&c.to_be_bytes());
        assert!(verify_ipv4_header(&h));
        assert_eq!(ipv4_header(&h), c);
    }
}
