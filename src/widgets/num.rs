//! Numbers as text, with integer arithmetic only. Rust's float formatting (`{}` and `{:.N}`
//! on an `f64`) links its shortest and exact digit generators and their big-number code,
//! about 15 KB of wasm in every bundle; the app only ever writes drawing coordinates and
//! fixed-point figures, which these functions write from integers.

/// Powers of ten up to 10^9 (a `decimals` or `shift` beyond that is clamped).
const POW10: [u64; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

fn pow10(n: u32) -> u64 {
    POW10[(n as usize).min(POW10.len() - 1)]
}

/// `units / 10^decimals` written with exactly `decimals` digits after the point.
fn split(units: u64, decimals: u32, negative: bool) -> String {
    let sign = if negative && units > 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{units}");
    }
    let p = pow10(decimals);
    let width = decimals as usize;
    format!("{sign}{}.{:0width$}", units / p, units % p)
}

/// `|x| · 10^decimals`, rounded half away from zero; `None` for NaN, infinities and values
/// too large to be a coordinate or a figure of this app.
fn scaled(x: f64, decimals: u32) -> Option<u64> {
    #[allow(clippy::cast_precision_loss)]
    let v = (x.abs() * pow10(decimals) as f64).round();
    // Below 2^53 the rounded value is an exact integer.
    (v.is_finite() && v < 9.0e15).then(|| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let u = v as u64;
        u
    })
}

/// `x` rounded half away from zero to `decimals` digits after the point, written with
/// exactly that many digits ("1.50"). NaN, infinities and huge values write 0.
#[must_use]
pub fn fixed(x: f64, decimals: u32) -> String {
    split(scaled(x, decimals).unwrap_or(0), decimals, x < 0.0)
}

/// A drawing coordinate or a short figure: `x` to two decimals, without trailing zeros
/// ("12", "12.5", "0.25").
#[must_use]
pub fn short(x: f64) -> String {
    let u = scaled(x, 2).unwrap_or(0);
    let negative = x < 0.0;
    match u % 100 {
        0 => split(u / 100, 0, negative),
        r if r % 10 == 0 => split(u / 10, 1, negative),
        _ => split(u, 2, negative),
    }
}

/// `n / 10^shift`, exactly, rounded half up to `decimals` digits after the point
/// (`decimals` ≤ `shift`): microseconds as seconds are `ratio(us, 6, 3)` ("1.235").
#[must_use]
pub fn ratio(n: u64, shift: u32, decimals: u32) -> String {
    let decimals = decimals.min(shift);
    let div = pow10(shift - decimals);
    let units = n / div + u64::from((n % div) * 2 >= div && div > 1);
    split(units, decimals, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True when `x · 10^d` lies exactly halfway between two integers (there Rust's
    /// formatter rounds to even, these functions away from zero).
    fn tie(x: f64, d: u32) -> bool {
        let v = x.abs() * pow10(d) as f64;
        (v - v.trunc() - 0.5).abs() < 1e-9
    }

    /// Rust's own float formatter is the oracle, away from exact ties.
    #[test]
    fn fixed_and_short_write_what_the_float_formatter_writes() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut checked = 0;
        for i in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let scale = [1.0, 10.0, 1000.0, 1e6][i % 4];
            let x = ((seed % 2_000_000) as f64 / 1000.0 - 1000.0) * scale / 1000.0;
            for d in 0..=3 {
                if tie(x, d) {
                    continue;
                }
                let rust = format!("{x:.prec$}", prec = d as usize);
                // Rust writes "-0.0" for tiny negatives; a figure of nothing has no sign.
                let rust = if rust.trim_start_matches(['-', '0', '.']).is_empty() {
                    rust.trim_start_matches('-').to_string()
                } else {
                    rust
                };
                assert_eq!(fixed(x, d), rust, "fixed({x}, {d})");
                checked += 1;
            }
            if !tie(x, 2) {
                let two: f64 = format!("{x:.2}").parse().unwrap_or(f64::NAN);
                let rust = format!("{}", if two == 0.0 { 0.0 } else { two });
                assert_eq!(short(x), rust, "short({x})");
            }
        }
        assert!(checked > 70_000);
    }

    #[test]
    fn exact_ratios_round_half_up() {
        assert_eq!(ratio(0, 6, 3), "0.000");
        assert_eq!(ratio(1_234_567, 6, 3), "1.235");
        assert_eq!(ratio(1_234_500, 6, 3), "1.235");
        assert_eq!(ratio(1_234_499, 6, 3), "1.234");
        assert_eq!(ratio(200_000, 6, 3), "0.200");
        assert_eq!(ratio(60_000_000, 6, 3), "60.000");
        assert_eq!(ratio(1_050, 3, 1), "1.1");
        assert_eq!(ratio(999_950, 3, 1), "1000.0");
        assert_eq!(ratio(7, 0, 0), "7");
        assert_eq!(ratio(u64::MAX, 6, 3), "18446744073709.552");
        // Against the float formatter where the quotient is not a tie.
        for us in (0..5_000_000u64).step_by(977) {
            if us % 1000 != 500 {
                assert_eq!(ratio(us, 6, 3), format!("{:.3}", us as f64 / 1e6), "{us}");
            }
        }
    }

    #[test]
    fn odd_values_write_zero_and_keep_their_sign() {
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(fixed(f64::INFINITY, 0), "0");
        assert_eq!(short(-12.5), "-12.5");
        assert_eq!(short(-0.001), "0");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(short(1e300), "0");
    }
}
