//! Decimal text to `f64` and back, for the figures of news text, without the standard
//! library's general float parser and printer.
//!
//! Why: `str::parse::<f64>` links the Eisel-Lemire tables (a 10 KB table of powers of five
//! that does not compress) and `format!("{:.6}")` links Grisu/Dragon; together ~13 KB of the
//! gzipped wasm (measured 2026-11-22). The figures here are digit strings from the scanners
//! ("2.14", "306", "0.5"), where both jobs are simple:
//! - [`parse_decimal`] is exact (correctly rounded, equal to `str::parse`) whenever the digits
//!   without the point form an integer below 2^53 and the fraction has at most 22 digits, the
//!   classic fast path (one exact integer, one exact power of ten, one rounded division). Longer
//!   figures (more than 15 significant digits) are rounded twice, at most one unit in the last
//!   place away from `str::parse`; a news figure never has that many.
//! - [`fixed6`] is exact: the same digits as `format!("{x:.6}")` for every `f64`.
//! - [`parse_int`] and [`parse_uint`] read integers exactly as `str::parse::<i64>` and
//!   `::<u64>` do, so that one function serves every integer type (the standard library's is
//!   one copy per type).

/// Powers of ten that are exact in an `f64` (10^0..=10^22).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Parses `digits[.digits]` (ASCII digits, at most one point, at least one digit; no sign, no
/// exponent, no separators) as `str::parse::<f64>` would. `None` for anything else.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The significant digits as an integer (leading zeros skipped), and the power of ten
    // that scales it back: value = mantissa * 10^(dropped) / 10^(frac digits kept).
    let mut mantissa: u64 = 0;
    let mut digits = 0u32; // significant digits taken into `mantissa`
    let mut dropped: i32 = 0; // integer digits beyond the 19 that fit
    let mut scale: i32 = 0; // fraction digits taken into `mantissa`
    for b in int.bytes() {
        if digits < 19 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            if mantissa > 0 {
                digits += 1;
            }
        } else {
            dropped += 1;
        }
    }
    for b in frac.bytes() {
        if digits < 19 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            if mantissa > 0 {
                digits += 1;
            }
            scale += 1;
        }
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    let exp = dropped - scale;
    // `as f64` rounds to nearest; below 2^53 it is exact.
    let m = mantissa as f64;
    Some(if exp >= 0 {
        match POW10.get(exp as usize) {
            Some(p) => m * p,
            None => m * 10f64.powi(exp),
        }
    } else {
        match POW10.get(exp.unsigned_abs() as usize) {
            Some(p) => m / p,
            None => m / 10f64.powi(-exp),
        }
    })
}

/// `x` with six decimals, exactly as `format!("{x:.6}")` prints it ("2.140000", "-0.500000",
/// "NaN", "inf").
pub fn fixed6(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let neg = x.is_sign_negative();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let a = x.abs();
    if a.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // a = m * 2^e exactly.
    let bits = a.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac_bits = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (frac_bits, -1074)
    } else {
        (frac_bits | (1u64 << 52), exp_bits - 1075)
    };
    if e >= 0 {
        // An integer: its decimal digits (may exceed u128), then ".000000".
        out.push_str(&big_decimal(m, e.unsigned_abs()));
        out.push_str(".000000");
        return out;
    }
    // a * 10^6 = m * 10^6 / 2^k, rounded half to even.
    // a = int + rem / 2^k; the fraction is rem * 10^6 / 2^k, rounded half to even (a carry
    // goes into the integer part). Shifts and multiplications only: a u128 division or
    // `Display` would link compiler-builtins' 128-bit division and printer (~2.5 KB of wasm).
    let k = e.unsigned_abs();
    let (int, rem) = if k >= 64 {
        (0, m)
    } else {
        (m >> k, m & ((1u64 << k) - 1))
    };
    let p = u128::from(rem) * 1_000_000; // < 2^73
    let frac = if k >= 128 {
        0 // p < 2^73, so p / 2^k < 1/2^55: rounds to 0
    } else {
        let q = p >> k;
        let r = p - (q << k);
        let half = 1u128 << (k - 1);
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    // frac <= 10^6; at 10^6 the fraction rounded up into the next integer.
    let (int, frac) = if frac >= 1_000_000 {
        (int + 1, 0)
    } else {
        (int, frac as u32)
    };
    out.push_str(&format!("{int}.{frac:06}"));
    out
}

/// The decimal digits of `m * 2^e`.
fn big_decimal(m: u64, e: u32) -> String {
    // Little-endian base-10^9 limbs.
    let mut limbs: Vec<u32> = vec![(m % 1_000_000_000) as u32];
    let mut rest = m / 1_000_000_000;
    while rest > 0 {
        limbs.push((rest % 1_000_000_000) as u32);
        rest /= 1_000_000_000;
    }
    for _ in 0..e {
        let mut carry = 0u32;
        for l in limbs.iter_mut() {
            let v = *l * 2 + carry;
            *l = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut s = String::new();
    for (i, l) in limbs.iter().rev().enumerate() {
        if i == 0 {
            s.push_str(&l.to_string());
        } else {
            s.push_str(&format!("{l:09}"));
        }
    }
    s
}

/// The value of a non-empty run of ASCII digits, `None` for anything else or on overflow.
fn digits_value(b: &[u8]) -> Option<u64> {
    if b.is_empty() {
        return None;
    }
    b.iter().try_fold(0u64, |v, &d| {
        if d.is_ascii_digit() {
            v.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        } else {
            None
        }
    })
}

/// An integer as `str::parse::<i64>` reads it: an optional `+` or `-`, then ASCII digits.
/// `None` where it gives an error (empty, other characters, overflow).
pub fn parse_int(s: &str) -> Option<i64> {
    match s.as_bytes().split_first() {
        Some((b'-', rest)) => 0i64.checked_sub_unsigned(digits_value(rest)?),
        Some((b'+', rest)) => i64::try_from(digits_value(rest)?).ok(),
        _ => i64::try_from(digits_value(s.as_bytes())?).ok(),
    }
}

/// An unsigned integer as `str::parse::<u64>` reads it: an optional `+`, then ASCII digits.
/// Narrower types: `parse_uint(s).and_then(|v| u32::try_from(v).ok())`.
pub fn parse_uint(s: &str) -> Option<u64> {
    match s.as_bytes().split_first() {
        Some((b'+', rest)) => digits_value(rest),
        _ => digits_value(s.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_read_as_the_standard_library_reads_them() {
        let cases = [
            "",
            "+",
            "-",
            "0",
            "-0",
            "+0",
            "7",
            "+7",
            "-7",
            "007",
            "12a",
            "a12",
            " 1",
            "1 ",
            "1.0",
            "+-1",
            "-+1",
            "--1",
            "\u{661}",
            "4294967295",
            "4294967296",
            "-2147483648",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "2026",
        ];
        for c in cases {
            assert_eq!(parse_int(c), c.parse::<i64>().ok(), "{c:?}");
            assert_eq!(parse_uint(c), c.parse::<u64>().ok(), "{c:?}");
            let u32_ = parse_uint(c).and_then(|v| u32::try_from(v).ok());
            assert_eq!(u32_, c.parse::<u32>().ok(), "{c:?}");
            let i8_ = parse_int(c).and_then(|v| i8::try_from(v).ok());
            assert_eq!(i8_, c.parse::<i8>().ok(), "{c:?}");
        }
    }

    use crate::testing::Rng;

    #[test]
    fn news_figures_parse_exactly_as_the_standard_library() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut cases: Vec<String> = [
            "0",
            "00",
            "0.0",
            ".5",
            "5.",
            "2.14",
            "306",
            "46.9",
            "1.2",
            "0.1",
            "0.3",
            "1234567.891",
            "9007199254740991",
            "9007199254740993",
            "0.000001",
            "3.14159265358979",
            "12345678901234567890",
            "1.7976931348623157",
            "007.50",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for _ in 0..200_000 {
            let int_len = (rng.next() % 10) as usize;
            let frac_len = (rng.next() % 8) as usize;
            let mut s = String::new();
            for _ in 0..int_len {
                s.push(char::from(b'0' + (rng.next() % 10) as u8));
            }
            if frac_len > 0 || s.is_empty() {
                s.push('.');
                for _ in 0..frac_len.max(1) {
                    s.push(char::from(b'0' + (rng.next() % 10) as u8));
                }
            }
            cases.push(s);
        }
        for s in &cases {
            let want: f64 = s.parse().expect("valid decimal");
            let digits = s.trim_start_matches(['0', '.']).replace('.', "");
            let got = parse_decimal(s).expect("parses");
            if digits.len() <= 15 {
                assert_eq!(got.to_bits(), want.to_bits(), "{s}");
            } else {
                // Beyond 15 significant digits: within one unit in the last place.
                let d = got.to_bits().abs_diff(want.to_bits());
                assert!(d <= 1, "{s}: {got} vs {want}");
            }
        }
    }

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for s in [
            "", ".", "-1", "+1", "1e5", "1,000", "1.2.3", " 1", "1 ", "١", "inf", "NaN",
        ] {
            assert_eq!(parse_decimal(s), None, "{s:?}");
        }
    }

    #[test]
    fn six_decimals_are_the_standard_librarys() {
        let mut rng = Rng(88172645463325252);
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            2.5,
            1e-7,
            5e-7,
            4.9999995e-7,
            0.1,
            2.14,
            -2.14,
            1e21,
            1.5e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            123456.7890125,
            0.0000005,
            0.0000015,
            2.0000005,
            0.9999995,
            0.99999949999,
            1.9999999,
            -7.9999996,
            4503599627370495.5,
            9007199254740991.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for _ in 0..100_000 {
            xs.push(f64::from_bits(rng.next()));
            let m = (rng.next() % 10_000_000_000) as f64;
            xs.push(m / POW10[(rng.next() % 12) as usize]);
        }
        for x in xs {
            assert_eq!(fixed6(x), format!("{x:.6}"), "{x:e}");
        }
    }
}
