//! The byte-level primitives the hand-written scanners of the check and the metadata reader
//! share. They keep the conventions of the ASCII-mode patterns (`(?-u)`) those scanners
//! replaced: a word byte is `[0-9A-Za-z_]`, case folding is ASCII only, and whitespace is the
//! Unicode White_Space set (\t-\r, space, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
//! U+2029, U+202F, U+205F, U+3000). Offsets are byte offsets into `&str` or `&[u8]`; any
//! offset is accepted (past the end there is nothing) and nothing panics.

/// True for a word byte (`\w` in ASCII mode).
pub fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when the byte at `i` is a word byte.
pub fn word_at<S: AsRef<[u8]> + ?Sized>(s: &S, i: usize) -> bool {
    s.as_ref().get(i).copied().is_some_and(is_word)
}

/// True at a word boundary (`\b`): a word byte on exactly one side of `i`.
pub fn boundary<S: AsRef<[u8]> + ?Sized>(s: &S, i: usize) -> bool {
    let before = i.checked_sub(1).is_some_and(|j| word_at(s, j));
    before != word_at(s, i)
}

/// The end of the run of word bytes from `i` (`i` itself when there is none).
pub fn word_end<S: AsRef<[u8]> + ?Sized>(s: &S, mut i: usize) -> usize {
    while word_at(s, i) {
        i += 1;
    }
    i
}

/// The byte length of the whitespace char starting at `i`, if there is one.
pub fn ws_at<S: AsRef<[u8]> + ?Sized>(s: &S, i: usize) -> Option<usize> {
    match s.as_ref().get(i..)? {
        [b'\t'..=b'\r' | b' ', ..] => Some(1),
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// The byte length of the whitespace char starting at `i`, or 0.
pub fn ws_len<S: AsRef<[u8]> + ?Sized>(s: &S, i: usize) -> usize {
    ws_at(s, i).unwrap_or(0)
}

/// The end of the run of whitespace from `i` (`i` itself when there is none).
pub fn skip_ws<S: AsRef<[u8]> + ?Sized>(s: &S, mut i: usize) -> usize {
    while let Some(n) = ws_at(s, i) {
        i += n;
    }
    i
}

/// The end of the ASCII `lit` at `i`, matched ASCII case-insensitively.
pub fn lit_at<S: AsRef<[u8]> + ?Sized>(s: &S, i: usize, lit: &str) -> Option<usize> {
    let end = i.checked_add(lit.len())?;
    s.as_ref()
        .get(i..end)
        .filter(|b| b.eq_ignore_ascii_case(lit.as_bytes()))
        .map(|_| end)
}

/// The end of `lit` at `i`, matched exactly.
pub fn lit_exact<S: AsRef<[u8]> + ?Sized>(s: &S, i: usize, lit: &str) -> Option<usize> {
    let end = i.checked_add(lit.len())?;
    s.as_ref()
        .get(i..end)
        .filter(|b| *b == lit.as_bytes())
        .map(|_| end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_the_unicode_white_space_set() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("{c}x");
            let expected = c.is_whitespace().then(|| c.len_utf8());
            assert_eq!(ws_at(&s, 0), expected, "{c:?}");
        }
        assert_eq!(skip_ws("a \u{A0}\u{3000}b", 1), 7);
        assert_eq!(ws_at("a", 5), None);
    }

    #[test]
    fn words_boundaries_and_literals() {
        assert!(boundary("a b", 0) && boundary("a b", 1) && !boundary("ab", 1));
        assert!(!boundary("é", 0), "a non-ASCII char is not a word byte");
        assert_eq!(word_end("ab_9-c", 0), 4);
        assert_eq!(lit_at("Said so", 0, "said"), Some(4));
        assert_eq!(lit_exact("Said so", 0, "said"), None);
        assert_eq!(lit_at("sa", 0, "said"), None);
        assert_eq!(lit_at("said", usize::MAX, "x"), None);
    }
}
