//! Word tokens of the normalized text for the factual-mention rules: each word with its
//! offsets, its lower-case form, capitalization, a trailing possessive, and its sentence.

use crate::text::Doc;
use crate::text::Lowercase;

/// One word of [`Doc::text`]. Kept to 16 bytes: the rules walk the whole token array many
/// times, and on long texts that walk is bound by memory traffic (a 10 MB text has 1.7
/// million words).
#[derive(Debug, Clone)]
pub struct Tok {
    /// First byte.
    start: u32,
    /// One past the last byte of the word, without a possessive "'s".
    end: u32,
    /// Index of its sentence in [`Doc::sentences`].
    sent: u32,
    /// Bits 0-23: its word-class bits (see `data::class`; a test checks they fit); bits 24-25: the length of the
    /// possessive (0, 1 or 2 bytes); then [`SP`], [`NOT_ASCII`], [`HYPHEN`], [`CAP`],
    /// [`UPPER`], [`SENT_START`].
    bits: u32,
}

/// [`Tok::bits`]: the word-class bits.
const CLASS: u32 = (1 << 24) - 1;
/// [`Tok::bits`]: where the length of the possessive is.
const POSS_SHIFT: u32 = 24;
/// [`Tok::bits`]: exactly one space separates the word (after its possessive) from the next.
const SP: u32 = 1 << 26;
/// [`Tok::bits`]: the word is not ASCII; its lower-case form is in [`Tokens::lower_buf`]
/// (found through [`Tokens::others`]), not in [`Tokens::lower`].
const NOT_ASCII: u32 = 1 << 27;
/// [`Tok::bits`]: the word has a hyphen in it ("Lee-Xi", "Jae-myung").
const HYPHEN: u32 = 1 << 28;
/// [`Tok::bits`]: [`Tok::cap`].
const CAP: u32 = 1 << 29;
/// [`Tok::bits`]: [`Tok::upper`].
const UPPER: u32 = 1 << 30;
/// [`Tok::bits`]: [`Tok::sent_start`].
const SENT_START: u32 = 1 << 31;

/// The word classes that put a word in [`Tokens::marked`] (besides capitalization).
const MARKED_CLASSES: u32 = super::data::class::TITLE_HEAD
    | super::data::class::TITLE_TAIL
    | super::data::class::VENUE_TRIGGER
    | super::data::class::SPEECH;

impl Tok {
    /// First byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the word, without a possessive "'s".
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// One past the possessive, or `end`.
    pub fn full_end(&self) -> usize {
        self.end as usize + self.poss_len()
    }

    /// The length of the possessive: 0, 1 ("'") or 2 ("'s") bytes.
    fn poss_len(&self) -> usize {
        ((self.bits >> POSS_SHIFT) & 3) as usize
    }

    /// Index of its sentence in [`Doc::sentences`].
    pub fn sent(&self) -> usize {
        self.sent as usize
    }

    /// Its word-class bits (see `data::class`).
    #[inline]
    pub fn class(&self) -> u32 {
        self.bits & CLASS
    }

    /// The first character is upper case (or a digit-led code like "G20" counts as capitalized).
    #[inline]
    pub fn cap(&self) -> bool {
        self.bits & CAP != 0
    }

    /// Two or more letters, all upper case ("ROK", "NPC").
    #[inline]
    pub fn upper(&self) -> bool {
        self.bits & UPPER != 0
    }

    /// Followed by a possessive "'s" or "'".
    #[inline]
    pub fn poss(&self) -> bool {
        self.poss_len() != 0
    }

    /// The first word of its sentence.
    #[inline]
    pub fn sent_start(&self) -> bool {
        self.bits & SENT_START != 0
    }

    /// The word has a hyphen in it.
    pub fn hyphen(&self) -> bool {
        self.bits & HYPHEN != 0
    }
}

/// The words of a document, in order.
pub struct Tokens<'t> {
    /// The normalized text.
    pub text: &'t str,
    /// The normalized text with ASCII letters lower-cased ([`Doc::lower`]).
    pub lower: &'t str,
    /// The words.
    pub toks: Vec<Tok>,
    /// The lower-case forms of the words that are not ASCII, back to back
    /// (one allocation for the whole text).
    pub lower_buf: String,
    /// For each word that is not ASCII, in text order: its first byte and the range of its
    /// lower-case form in [`Tokens::lower_buf`].
    others: Vec<(u32, u32, u32)>,
    /// The indices of the capitalized words ([`Tok::cap`]), in order: the passes that look
    /// only at capitalized words walk this instead of every word.
    pub caps: Vec<u32>,
    /// The indices of the words that are capitalized or a title head, the second word of
    /// a title head, a venue trigger or a verb of saying, in order: the passes that start
    /// only at such words walk this (about a quarter of the words) instead of every word.
    pub marked: Vec<u32>,
}

thread_local! {
    /// The word buffer of [`Tokens::new`], kept between documents.
    static TOKS: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl<'t> Tokens<'t> {
    /// Splits the normalized text of `doc` into words.
    pub fn new(doc: &'t Doc<'_>) -> Tokens<'t> {
        let text = doc.text.as_str();
        let lower = doc.lower();
        let mut toks: Vec<Tok> = crate::extract::take_scratch(&TOKS);
        toks.reserve(text.len() / 6);
        let mut lower_buf = String::new();
        let mut others = Vec::new();
        let mut caps = Vec::new();
        let mut marked = Vec::new();
        let bytes = text.as_bytes();
        // The char at byte `j` (fast for ASCII), or `None` past the end or off a boundary.
        let ch = |j: usize| -> Option<char> {
            let b = *bytes.get(j)?;
            if b < 0x80 {
                Some(char::from(b))
            } else {
                text.get(j..)?.chars().next()
            }
        };
        let lex = &*super::data::LEXICON;
        let mut sent_idx = 0usize;
        let mut last_sent = usize::MAX;
        let mut i = 0usize;
        while i < bytes.len() {
            // Spaces and ASCII punctuation between words, a byte at a time.
            if bytes
                .get(i)
                .is_some_and(|&b| b < 0x80 && !b.is_ascii_alphanumeric())
            {
                i += 1;
                continue;
            }
            let Some(c) = ch(i) else {
                i += 1;
                continue;
            };
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            let mut seg_len = 1usize; // letters in the current '.'-separated segment
            let mut has_dot = false;
            let mut hyphen = false;
            // Only the chars taken through `ch` can be wider than a byte.
            let mut ascii = c.is_ascii();
            let mut poss = false;
            let mut j = end;
            loop {
                // Runs of ASCII letters and digits (most of a word) a byte at a time.
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                    end = j;
                    seg_len += 1;
                }
                let Some(d) = ch(j) else {
                    break;
                };
                if is_word_char(d) {
                    ascii &= d.is_ascii();
                    end = j + d.len_utf8();
                    seg_len += 1;
                    j = end;
                    continue;
                }
                let next = ch(j + d.len_utf8());
                let next_word = next.is_some_and(is_word_char);
                match d {
                    '\'' => {
                        // "'s" possessive (followed by a non-word char) ends the word.
                        if next == Some('s') && !ch(j + 2).is_some_and(is_word_char) {
                            poss = true;
                            break;
                        }
                        if next_word {
                            end = j + 1;
                            j = end;
                            continue;
                        }
                        // Plural possessive: "Sciences'".
                        if bytes.get(end.wrapping_sub(1)) == Some(&b's') {
                            poss = true;
                        }
                        break;
                    }
                    '-' if next_word => {
                        end = j + 1;
                        seg_len = 0;
                        hyphen = true;
                        j = end;
                        continue;
                    }
                    '.' if seg_len == 1
                        && next.is_some_and(|n| n.is_alphabetic() && n.is_uppercase())
                        && ch(j + 2) == Some('.') =>
                    {
                        // Initialism: "U.S.", "U.N.".
                        end = j + 1;
                        seg_len = 0;
                        has_dot = true;
                        j = end;
                        continue;
                    }
                    '.' if has_dot && seg_len == 1 => {
                        end = j + 1;
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
            }
            i = full_end;
            let word = text.get(start..end).unwrap_or("");
            let in_text = ascii;
            let (cap, upper) = if in_text {
                // The same tests on bytes.
                let wb = word.as_bytes();
                let cap = wb.first().is_some_and(u8::is_ascii_uppercase);
                let upper = cap
                    && wb.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
                    && !wb.iter().any(u8::is_ascii_lowercase);
                (cap, upper)
            } else {
                let first = word.chars().next().unwrap_or(' ');
                let cap = first.is_uppercase();
                let upper = cap
                    && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && word
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                (cap, upper)
            };
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
            let u = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
            // ASCII words (nearly all) are read from the lower-cased text itself.
            let class = if in_text {
                lex.class_in(lower, start, end)
            } else {
                let lo = lower_buf.len();
                lower_buf.push_str(&word.lowercase());
                others.push((u(start), u(lo), u(lower_buf.len())));
                lex.class_in(&lower_buf, lo, lower_buf.len())
            };
            if let Some(prev) = toks.last_mut() {
                let pe = prev.full_end();
                if start == pe + 1 && bytes.get(pe) == Some(&b' ') {
                    prev.bits |= SP;
                }
            }
            if cap {
                caps.push(u(toks.len()));
            }
            if cap || class & MARKED_CLASSES != 0 {
                marked.push(u(toks.len()));
            }
            // The possessive is "'s" or "'": 0 to 2 bytes.
            let poss_len = u32::try_from(full_end - end).unwrap_or(0) & 3;
            let flag = |on: bool, bit: u32| if on { bit } else { 0 };
            toks.push(Tok {
                start: u(start),
                end: u(end),
                sent: u(sent),
                bits: (class & CLASS)
                    | poss_len << POSS_SHIFT
                    | flag(!in_text, NOT_ASCII)
                    | flag(hyphen, HYPHEN)
                    | flag(cap, CAP)
                    | flag(upper, UPPER)
                    | flag(sent_start, SENT_START),
            });
        }
        Tokens {
            text,
            lower,
            toks,
            lower_buf,
            others,
            caps,
            marked,
        }
    }

    /// Gives the word buffer back for the next document (see
    /// [`crate::extract::take_scratch`]).
    pub fn recycle(self) {
        crate::extract::keep_scratch(&TOKS, self.toks);
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
    #[inline]
    pub fn is(&self, i: usize, mask: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.bits & CLASS & mask != 0)
    }

    /// A word of this document as written (without its possessive).
    pub fn word(&self, tok: &Tok) -> &str {
        self.text.get(tok.start()..tok.end()).unwrap_or("")
    }

    /// The lower-case form of a word of this document.
    #[inline]
    pub fn lw(&self, tok: &Tok) -> &str {
        if tok.bits & NOT_ASCII == 0 {
            return self.lower.get(tok.start()..tok.end()).unwrap_or("");
        }
        match self.others.binary_search_by_key(&tok.start, |o| o.0) {
            Ok(k) => self
                .others
                .get(k)
                .and_then(|o| self.lower_buf.get(o.1 as usize..o.2 as usize))
                .unwrap_or(""),
            Err(_) => "",
        }
    }

    /// The lower-case word at `i`, or "".
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| self.lw(t))
    }

    /// The text between word `i` (after its possessive) and word `i + 1`.
    pub fn gap(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.full_end()..b.start()).unwrap_or(""),
            _ => "",
        }
    }

    /// Word `i` and word `i + 1` are separated by exactly one space, with no possessive on `i`.
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.poss() && t.bits & SP != 0)
    }

    /// Like [`Tokens::joined`] but allowing a possessive on word `i`.
    pub fn joined_poss(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.bits & SP != 0)
    }

    /// The text of words `a..b` (from the start of `a` to the end of `b - 1`, without its possessive).
    pub fn span_text(&self, a: usize, b: usize) -> &str {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if x.start <= y.end => {
                self.text.get(x.start()..y.end()).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Byte range of words `a..b`.
    pub fn range(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if x.start <= y.end => x.start()..y.end(),
            _ => 0..0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word's class bits fit below a token's flags.
    #[test]
    fn class_bits_fit_in_a_token() {
        let lex = &*super::super::data::LEXICON;
        assert!(lex.classes.values().all(|&c| c & !CLASS == 0));
        assert_eq!(super::super::data::class::NOT_NAME & !CLASS, 0);
    }

    #[test]
    fn class_in_a_buffer_is_the_class_of_the_word() {
        let lex = &*super::super::data::LEXICON;
        let words = [
            "president",
            "the",
            "minister",
            "of",
            "secretary",
            "a",
            "lee",
            "guesthouse",
            "spokesperson",
            "xyzzy",
            "internationalization",
            "kim",
            "seoul",
            "said",
        ];
        let buf = words.join(" ") + " ";
        let mut at = 0;
        for w in words {
            let (lo, hi) = (at, at + w.len());
            assert_eq!(lex.class_in(&buf, lo, hi), lex.class(w), "{w}");
            // At the very end of the buffer too (the fallback path).
            assert_eq!(lex.class_in(w, 0, w.len()), lex.class(w), "{w}");
            at = hi + 1;
        }
        assert!(lex.class("president") != 0 && lex.class("the") != 0);
        assert_eq!(lex.class_in("", 0, 0), 0);
    }

    #[test]
    fn splits_words_possessives_and_initialisms() {
        let doc = Doc::new(
            "China's National People's Congress met U.S. envoys. Sciences' Jae-myung O'Brien",
        );
        let t = Tokens::new(&doc);
        let words: Vec<(&str, bool)> = t
            .toks
            .iter()
            .map(|k| (&doc.text[k.start()..k.end()], k.poss()))
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
        assert!(t.toks[0].sent_start() && !t.toks[1].sent_start() && t.toks[7].sent_start());
        assert!(t.joined(1) && !t.joined(0) && t.joined_poss(0));
    }

    #[test]
    fn lower_case_forms_of_ascii_and_other_words() {
        let doc = Doc::new("\u{c9}COLE Bank's \u{d1}and\u{fa}s' Zo\u{eb} SEOUL \u{130}stanbul x");
        let t = Tokens::new(&doc);
        let lows: Vec<&str> = (0..t.len()).map(|i| t.lower(i)).collect();
        assert_eq!(
            lows,
            vec![
                "\u{e9}cole",
                "bank",
                "\u{f1}and\u{fa}s",
                "zo\u{eb}",
                "seoul",
                "i\u{307}stanbul",
                "x"
            ]
        );
        let ends: Vec<usize> = t.toks.iter().map(|k| k.full_end() - k.end()).collect();
        assert_eq!(ends, vec![0, 2, 1, 0, 0, 0, 0]);
        assert_eq!(t.lower(99), "");
        assert!(std::mem::size_of::<Tok>() <= 16);
    }
}
