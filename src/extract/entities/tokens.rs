//! Word tokens of the normalized text for the factual-mention rules: each word with its
//! offsets, its lower-case form, capitalization, a trailing possessive, and its sentence.

use crate::text::Doc;

/// One word of [`Doc::text`].
#[derive(Debug, Clone)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte of the word, without a possessive "'s".
    pub end: usize,
    /// One past the possessive, or `end`.
    pub full_end: usize,
    /// The word in lower case, without the possessive.
    pub lower: Word,
    /// The first character is upper case (or a digit-led code like "G20" counts as capitalized).
    pub cap: bool,
    /// Two or more letters, all upper case ("ROK", "NPC").
    pub upper: bool,
    /// Followed by a possessive "'s" or "'".
    pub poss: bool,
    /// Its word-class bits (see `data::class`).
    pub class: u32,
    /// Index of its sentence in [`Doc::sentences`].
    pub sent: usize,
    /// The first word of its sentence.
    pub sent_start: bool,
}

/// A short string stored inline (most words), or on the heap when long: lower-casing every
/// word of an article then costs no allocation.
#[derive(Clone)]
pub enum Word {
    /// Up to 22 bytes, inline.
    Inline(u8, [u8; 22]),
    /// Longer words.
    Heap(Box<str>),
}

impl Word {
    /// A word from a string.
    pub fn new(s: &str) -> Word {
        let b = s.as_bytes();
        if b.len() <= 22 {
            let mut buf = [0u8; 22];
            if let Some(dst) = buf.get_mut(..b.len()) {
                dst.copy_from_slice(b);
            }
            Word::Inline(b.len() as u8, buf)
        } else {
            Word::Heap(s.into())
        }
    }

    /// The lower-case form of `s`, without allocating for short ASCII words.
    pub fn lowercase(s: &str) -> Word {
        if s.len() <= 22 && s.is_ascii() {
            let mut buf = [0u8; 22];
            for (d, c) in buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            Word::Inline(s.len() as u8, buf)
        } else {
            Word::new(&s.to_lowercase())
        }
    }

    /// The word as a string slice.
    pub fn as_str(&self) -> &str {
        match self {
            Word::Inline(n, buf) => buf
                .get(..usize::from(*n))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            Word::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Word> for &str {
    fn eq(&self, other: &Word) -> bool {
        *self == other.as_str()
    }
}

/// The words of a document, in order.
pub struct Tokens<'t> {
    /// The normalized text.
    pub text: &'t str,
    /// The words.
    pub toks: Vec<Tok>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl<'t> Tokens<'t> {
    /// Splits the normalized text of `doc` into words.
    pub fn new(doc: &'t Doc<'_>) -> Tokens<'t> {
        let text = doc.text.as_str();
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 6);
        let mut it = text.char_indices().peekable();
        let mut sent_idx = 0usize;
        let mut last_sent = usize::MAX;
        while let Some((i, c)) = it.next() {
            if !is_word_char(c) {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            let mut seg_len = 1usize; // letters in the current '.'-separated segment
            let mut has_dot = false;
            let mut poss = false;
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    seg_len += 1;
                    it.next();
                    continue;
                }
                let next = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                let next_word = next.is_some_and(is_word_char);
                match d {
                    '\'' => {
                        // "'s" possessive (followed by a non-word char) ends the word.
                        let after_s = text.get(j + 2..).and_then(|r| r.chars().next());
                        if next == Some('s') && !after_s.is_some_and(is_word_char) {
                            poss = true;
                            break;
                        }
                        if next_word {
                            end = j + 1;
                            it.next();
                            continue;
                        }
                        // Plural possessive: "Sciences'".
                        if text.get(start..end).is_some_and(|w| w.ends_with('s')) {
                            poss = true;
                        }
                        break;
                    }
                    '-' if next_word => {
                        end = j + 1;
                        seg_len = 0;
                        it.next();
                        continue;
                    }
                    '.' if seg_len == 1
                        && next.is_some_and(|n| n.is_alphabetic() && n.is_uppercase())
                        && text
                            .get(j + 2..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(|n| n == '.') =>
                    {
                        // Initialism: "U.S.", "U.N.".
                        end = j + 1;
                        seg_len = 0;
                        has_dot = true;
                        it.next();
                        continue;
                    }
                    '.' if has_dot && seg_len == 1 => {
                        end = j + 1;
                        it.next();
                        break;
                    }
                    _ => break,
                }
            }
            let mut full_end = end;
            if poss {
                let rest = text.get(end..).unwrap_or("");
                full_end = if rest.starts_with("'s") {
                    end + 2
                } else {
                    end + 1
                };
                // Consume the possessive from the iterator.
                while it.peek().is_some_and(|&(j, _)| j < full_end) {
                    it.next();
                }
            }
            let word = text.get(start..end).unwrap_or("");
            let first = word.chars().next().unwrap_or(' ');
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let cap = first.is_uppercase();
            let upper = letters >= 2
                && word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            let sent = {
                // Sentences are in order; advance monotonically.
                while sent_idx + 1 < doc.sentences.len()
                    && doc.sentences.get(sent_idx).is_some_and(|s| s.end <= start)
                {
                    sent_idx += 1;
                }
                sent_idx
            };
            let sent_start = sent != last_sent;
            last_sent = sent;
            let lower = Word::lowercase(word);
            toks.push(Tok {
                start,
                end,
                full_end,
                class: super::data::LEXICON.class(lower.as_str()),
                lower,
                cap,
                upper,
                poss,
                sent,
                sent_start,
            });
        }
        Tokens { text, toks }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The word at `i`, if any.
    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// True when word `i` has any of the class bits in `mask`.
    pub fn is(&self, i: usize, mask: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.class & mask != 0)
    }

    /// The lower-case word at `i`, or "".
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    /// The text between word `i` (after its possessive) and word `i + 1`.
    pub fn gap(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.full_end..b.start).unwrap_or(""),
            _ => "",
        }
    }

    /// Word `i` and word `i + 1` are separated by exactly one space, with no possessive on `i`.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.poss) && self.gap(i) == " "
    }

    /// Like [`Tokens::joined`] but allowing a possessive on word `i`.
    pub fn joined_poss(&self, i: usize) -> bool {
        self.gap(i) == " "
    }

    /// The text of words `a..b` (from the start of `a` to the end of `b - 1`, without its possessive).
    pub fn span_text(&self, a: usize, b: usize) -> &str {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if x.start <= y.end => self.text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// Byte range of words `a..b`.
    pub fn range(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if x.start <= y.end => x.start..y.end,
            _ => 0..0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_possessives_and_initialisms() {
        let doc = Doc::new(
            "China's National People's Congress met U.S. envoys. Sciences' Jae-myung O'Brien",
        );
        let t = Tokens::new(&doc);
        let words: Vec<(&str, bool)> = t
            .toks
            .iter()
            .map(|k| (&doc.text[k.start..k.end], k.poss))
            .collect();
        assert_eq!(
            words,
            vec![
                ("China", true),
                ("National", false),
                ("People", true),
                ("Congress", false),
                ("met", false),
                ("U.S.", false),
                ("envoys", false),
                ("Sciences", true),
                ("Jae-myung", false),
                ("O'Brien", false),
            ]
        );
        assert!(t.toks[0].sent_start && !t.toks[1].sent_start && t.toks[7].sent_start);
        assert!(t.joined(1) && !t.joined(0) && t.joined_poss(0));
    }
}
