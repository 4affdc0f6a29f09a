//! A small tokenizer for the numeric extractor: words, digit runs (with thousands
//! separators and decimals) and single punctuation characters, each with its byte
//! range in the normalized text and whether whitespace precedes it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    /// A run of letters ("people", "Korea", "bn").
    Word,
    /// A run of digits, with `,` thousands groups and one or more `.` decimals
    /// ("1,234", "9.69", ".08", "192.168.1.2").
    Num,
    /// Any other single character ("$", "%", "-", "(", "£").
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// First byte in the normalized text (32 bits: tokens are many, texts are far smaller).
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it is.
    pub kind: Tk,
    /// Whitespace (or the start of the text) comes right before it.
    pub sp: bool,
}

/// Splits `text` into tokens. Commas join digits only as thousands groups (exactly three
/// digits follow), so "22,24" is two numbers and "1,234" one; a period joins digits on
/// both sides ("2.14"), or starts a number when no letter or digit precedes it (".08").
#[cfg(test)]
pub fn lex(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    lex_into(text, &mut out);
    out
}

/// [`lex`] into `out` (emptied first), reusing its allocation.
pub fn lex_into(text: &str, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let n = b.len();
    out.clear();
    out.reserve(n / 4);
    let mut i = 0;
    let mut sp = true;
    while i < n {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\n' {
            sp = true;
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit()
            || (c == b'.'
                && i + 1 < n
                && b[i + 1].is_ascii_digit()
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        {
            i += 1;
            while i < n {
                let d = b[i];
                if d.is_ascii_digit() || (d == b'.' && i + 1 < n && b[i + 1].is_ascii_digit()) {
                    i += 1;
                } else if d == b',' && thousands_group(b, i) {
                    i += 4;
                } else if d == b',' && indian_groups(b, i) > 0 {
                    i += indian_groups(b, i);
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: pos(start),
                end: pos(i),
                kind: Tk::Num,
                sp,
            });
        } else if c.is_ascii_alphabetic() || (c >= 0x80 && starts_letter(text, i)) {
            while i < n {
                let d = b[i];
                if d.is_ascii_alphabetic() {
                    i += 1;
                } else if d >= 0x80 && starts_letter(text, i) {
                    i += char_len(d);
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: pos(start),
                end: pos(i),
                kind: Tk::Word,
                sp,
            });
        } else {
            i += char_len(c);
            out.push(Tok {
                start: pos(start),
                end: pos(i.min(n)),
                kind: Tk::Punct,
                sp,
            });
        }
        sp = false;
    }
}

/// A byte offset as stored in a [`Tok`].
fn pos(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Tok {
    /// First byte in the normalized text.
    #[inline]
    pub fn s(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    #[inline]
    pub fn e(&self) -> usize {
        self.end as usize
    }
}

/// A comma at `i` followed by exactly three digits: a thousands group.
fn thousands_group(b: &[u8], i: usize) -> bool {
    b.get(i + 1..i + 4)
        .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
}

/// Indian grouping after a comma at `i`: one or more ",dd" groups then a ",ddd" group
/// ("12,34,567"). Returns the bytes to consume up to the last comma (the last group is
/// then read as a thousands group), or 0.
fn indian_groups(b: &[u8], i: usize) -> usize {
    let mut k = i;
    let mut pairs = 0;
    while b.get(k) == Some(&b',')
        && b.get(k + 1..k + 3)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && b.get(k + 3) == Some(&b',')
    {
        k += 3;
        pairs += 1;
    }
    if pairs > 0 && thousands_group(b, k) {
        k - i
    } else {
        0
    }
}

/// Length of the UTF-8 sequence starting with byte `c`.
fn char_len(c: u8) -> usize {
    match c {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

/// True when a letter starts at byte `i` (a char boundary).
fn starts_letter(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(t: &str) -> Vec<&str> {
        lex(t).into_iter().map(|k| &t[k.s()..k.e()]).collect()
    }

    #[test]
    fn splits_numbers_words_and_punctuation() {
        assert_eq!(
            show("$1,234.5 bn, 22,24 and .08% of São 192.168.1.2 1,2345 €5 12,34,567.89 22,24,26"),
            vec![
                "$",
                "1,234.5",
                "bn",
                ",",
                "22",
                ",",
                "24",
                "and",
                ".08",
                "%",
                "of",
                "São",
                "192.168.1.2",
                "1",
                ",",
                "2345",
                "€",
                "5",
                "12,34,567.89",
                "22",
                ",",
                "24",
                ",",
                "26"
            ]
        );
    }
}
