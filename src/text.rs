//! Text preparation: a normalized copy of the article for matching (straight quotes,
//! ASCII dashes, plain spaces), the map back to original offsets, UTF-16 offsets, and
//! sentence boundaries. Extractors match on [`Doc::text`]; spans are reported in the original.

use crate::model::Span;
use crate::words::{words, WordList, Words};
use std::ops::Range;

/// An article prepared for extraction.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text as given.
    pub original: &'a str,
    /// The normalized text the rules match on.
    pub text: String,
    /// Where `text` differs from `original`, in text order; identical stretches between
    /// them map byte for byte. Sparse: news text has a few curly quotes and dashes per line.
    edits: Vec<Edit>,
    /// For each non-ASCII char of `original`: the byte offset just after it and how many
    /// fewer UTF-16 code units than UTF-8 bytes the text up to there has.
    utf16_savings: Vec<(u32, u32)>,
    /// Sentences as ranges of `text`, in order, covering every non-blank stretch.
    pub sentences: Vec<Range<usize>>,
    /// `text` with ASCII letters lower-cased (same length and offsets), built on first use
    /// and shared by the extractors instead of each making its own copy.
    lower: std::sync::OnceLock<String>,
}

/// Where the last [`Doc::span_near`] lookup landed in the document's offset maps.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpanCursor {
    /// Index into the edits.
    edit: usize,
    /// Index into the UTF-16 savings.
    utf16: usize,
}

/// `v.partition_point(pred)` (`pred` holds on a prefix of `v`), searched from `hint`:
/// a few steps forward when the answer is at or a little after it, a bisection otherwise.
fn partition_from<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let h = hint.min(v.len());
    if h > 0 && !v.get(h - 1).is_some_and(&pred) {
        return v.partition_point(pred);
    }
    let mut i = h;
    for _ in 0..8 {
        match v.get(i) {
            Some(x) if pred(x) => i += 1,
            _ => return i,
        }
    }
    i + v.get(i..).map_or(0, |rest| rest.partition_point(pred))
}

/// Maps one character to its matching form, or `None` to keep it.
fn normalize_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{ff07}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ff02}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{fe63}'
        | '\u{ff0d}' => "-",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{202f}' | '\u{2002}' | '\u{2003}'
        | '\u{3000}' => " ",
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => "",
        '\u{2026}' => "...",
        '\u{2028}' | '\u{2029}' => "\n",
        '\r' => "",
        _ => return None,
    })
}

/// A stretch where the normalized text differs from the original: `norm_len` bytes of
/// `Doc::text` at `norm` stand for `orig_len` bytes of the original at `orig` (one char).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    norm: u32,
    norm_len: u32,
    orig: u32,
    orig_len: u32,
}

impl<'a> Doc<'a> {
    /// Prepares `original` for extraction. Runs of ASCII are copied whole; only the
    /// characters that change or are wider in UTF-8 than in UTF-16 are recorded.
    pub fn new(original: &'a str) -> Doc<'a> {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut edits = Vec::new();
        let mut utf16_savings = Vec::new();
        let mut saved = 0u32;
        let mut run = 0usize;
        let mut i = 0usize;
        while i < bytes.len() {
            // Eight bytes at a time while none is non-ASCII or '\r' (most of a text).
            while let Some(chunk) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(chunk);
                let w = u64::from_le_bytes(w);
                const LOW: u64 = 0x0101_0101_0101_0101;
                const HIGH: u64 = 0x8080_8080_8080_8080;
                let cr = w ^ (LOW * u64::from(b'\r'));
                // `(x - LOW) & !x & HIGH` is non-zero exactly when `x` has a zero byte
                // (here: a '\r'); the high bits of `w` are its non-ASCII bytes.
                let special = (w | (cr.wrapping_sub(LOW) & !cr)) & HIGH;
                if special != 0 {
                    break;
                }
                i += 8;
            }
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 && b != b'\r' {
                i += 1;
                continue;
            }
            text.push_str(&original[run..i]);
            let c = original[i..].chars().next().unwrap_or('\u{fffd}');
            let len = c.len_utf8();
            if len > 1 {
                saved += (len - c.len_utf16()) as u32;
                utf16_savings.push(((i + len) as u32, saved));
            }
            match normalize_char(c) {
                Some(rep) => {
                    edits.push(Edit {
                        norm: text.len() as u32,
                        norm_len: rep.len() as u32,
                        orig: i as u32,
                        orig_len: len as u32,
                    });
                    text.push_str(rep);
                }
                None => text.push(c),
            }
            i += len;
            run = i;
        }
        text.push_str(&original[run..]);
        let sentences = split_sentences(&text);
        Doc {
            original,
            text,
            edits,
            utf16_savings,
            sentences,
            lower: std::sync::OnceLock::new(),
        }
    }

    /// [`Doc::text`] with ASCII letters lower-cased: byte for byte the same offsets and char
    /// boundaries (other chars are kept as they are). Built once per document.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_ascii_lowercase())
    }

    /// The original byte offset of byte `p` of the normalized text (`p <= text.len()`);
    /// a byte inside a replacement maps to the start of the original char it replaced.
    #[cfg(test)]
    fn original_at(&self, p: usize) -> usize {
        self.original_near(p, &mut 0)
    }

    /// [`Doc::original_at`], searching the edits from `*hint` (the answer for an earlier
    /// offset) and leaving there the answer's index: offsets asked in text order cost a
    /// step or two instead of a bisection.
    fn original_near(&self, p: usize, hint: &mut usize) -> usize {
        let i = partition_from(&self.edits, *hint, |e| e.norm as usize <= p);
        *hint = i;
        match i.checked_sub(1).and_then(|i| self.edits.get(i)) {
            None => p,
            Some(e) if p < (e.norm + e.norm_len) as usize => e.orig as usize,
            Some(e) => (e.orig + e.orig_len) as usize + p - (e.norm + e.norm_len) as usize,
        }
    }

    /// Maps a range of [`Doc::text`] to the range of the original text it came from.
    ///
    /// A normalized character that expanded ("—" to "--") maps to the whole original character.
    pub fn to_original(&self, r: Range<usize>) -> Range<usize> {
        self.to_original_near(r, &mut SpanCursor::default())
    }

    /// [`Doc::to_original`] with a cursor for ranges asked in text order.
    fn to_original_near(&self, r: Range<usize>, cur: &mut SpanCursor) -> Range<usize> {
        let start = self.original_near(r.start.min(self.text.len()), &mut cur.edit);
        let mut hint = cur.edit;
        let end = if r.end == 0 {
            0
        } else if r.end >= self.text.len() {
            self.original.len()
        } else {
            // End after the original char containing the last normalized byte.
            let last = self.original_near(r.end - 1, &mut hint);
            let next = self.original_near(r.end, &mut hint);
            if next > last {
                next
            } else {
                // Same original char (expansion): include it whole.
                let ch = self
                    .original
                    .get(last..)
                    .and_then(|s| s.chars().next())
                    .map_or(0, char::len_utf8);
                last + ch
            }
        };
        start..end.max(start)
    }

    /// The UTF-16 offset of a byte offset of the original text (a char boundary).
    pub fn utf16_at(&self, byte: usize) -> usize {
        self.utf16_near(byte, &mut 0)
    }

    /// [`Doc::utf16_at`], searching from `*hint` as [`Doc::original_near`] does.
    fn utf16_near(&self, byte: usize, hint: &mut usize) -> usize {
        let byte = byte.min(self.original.len());
        let i = partition_from(&self.utf16_savings, *hint, |&(end, _)| end as usize <= byte);
        *hint = i;
        byte - i
            .checked_sub(1)
            .and_then(|i| self.utf16_savings.get(i))
            .map_or(0, |s| s.1 as usize)
    }

    /// The full [`Span`] (bytes and UTF-16) of a range of the normalized text.
    pub fn span(&self, r: Range<usize>) -> Span {
        self.span_near(r, &mut SpanCursor::default())
    }

    /// [`Doc::span`] for ranges asked in text order (by start): `cur` remembers where the
    /// last one was found, so each lookup steps forward instead of bisecting the maps.
    /// Any order gives the same answers; text order is only faster.
    pub fn span_near(&self, r: Range<usize>, cur: &mut SpanCursor) -> Span {
        let o = self.to_original_near(r, cur);
        let start_utf16 = self.utf16_near(o.start, &mut cur.utf16);
        let mut hint = cur.utf16;
        Span {
            start: o.start,
            end: o.end,
            start_utf16,
            end_utf16: self.utf16_near(o.end, &mut hint),
        }
    }

    /// The index of the sentence containing normalized offset `pos` (the last one before it
    /// if `pos` falls between sentences).
    pub fn sentence_index(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.end <= pos {
                std::cmp::Ordering::Less
            } else if s.start > pos {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The sentence (normalized range) containing `pos`.
    pub fn sentence_at(&self, pos: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_index(pos))
            .cloned()
            .unwrap_or(0..self.text.len())
    }

    /// The UTF-16 length of the original text.
    pub fn len_utf16(&self) -> usize {
        self.utf16_at(self.original.len())
    }
}

/// The base letter, lower case, of a Latin letter with a diacritic ("Ł", "ł" -> 'l'; "É",
/// "é" -> 'e'; "İ" -> 'i'), for the letters of Latin-1 and Latin Extended-A; `None` for any
/// other char.
fn latin_base(c: char) -> Option<char> {
    // Base letters of U+00E0..=U+00FF, and of U+00C0..=U+00DE 32 below them ('-': not a
    // letter with a diacritic: '\u{f7}', '\u{d7}', '\u{df}').
    const LATIN1: &[u8; 32] = b"aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    // Base letters of U+0100..=U+017F (upper- and lower-case forms alternate).
    const EXTENDED_A: &[u8; 128] =
        b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    let base = match u32::from(c) {
        n @ 0xC0..=0xDE => LATIN1.get(n as usize - 0xC0),
        n @ 0xE0..=0xFF => LATIN1.get(n as usize - 0xE0),
        n @ 0x100..=0x17F => EXTENDED_A.get(n as usize - 0x100),
        _ => None,
    };
    base.filter(|&&b| b != b'-').map(|&b| char::from(b))
}

/// The comparison key of a name: lower case, hyphens, periods and underscores as spaces,
/// curly apostrophes straightened, Latin diacritics dropped, a leading "the" dropped,
/// whitespace collapsed. "Lee Jae-myung", "LEE Jae Myung" and "Lee  Jae-Myung" share the key
/// "lee jae myung"; "Rafał Trzaskowski" and "Rafal Trzaskowski" share "rafal trzaskowski".
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name_key_into(&mut out, name);
    out
}

/// Writes [`name_key`] of `name` into `out` (cleared first; its allocation reused).
pub fn name_key_into(out: &mut String, name: &str) {
    out.clear();
    for c in name.chars() {
        let c = match c {
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '.' | '_' | '\u{a0}' => ' ',
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(b) = latin_base(c) {
            out.push(b);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    // Trimmed in place, and without a leading "the " (split off: a second allocation only
    // for the names that have one, without linking String::drain into the wasm).
    out.truncate(out.trim_end().len());
    if out.starts_with("the ") {
        let rest = out.split_off(4);
        *out = rest;
    }
}

/// Abbreviations after which a period does not end a sentence (lower case, without the dot).
const ABBREVIATIONS: Words = words![
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "mt", "ft", "lt",
    "col", "capt", "sgt", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "u.s", "u.k", "u.n",
    "e.g", "i.e", "a.m", "p.m", "approx", "est", "dept", "univ", "ave", "blvd", "fig", "vol",
    "pres", "rev", "hon", "messrs", "adm", "gens", "maj", "cmdr", "supt", "reps", "sens", "govs",
    "atty", "amb", "insp", "det", "cpl", "pvt", "mme", "mlle", "ph.d", "m.d", "b.a", "m.a", "d.c",
    "l.a", "calif", "fla", "ariz", "colo", "conn", "mich", "minn", "okla", "tenn", "tex", "wyo",
    "neb", "nev", "ala", "ark", "wis", "n.y", "n.j", "n.c", "s.c", "n.d", "s.d", "n.h", "n.m",
    "r.i", "w.va",
];

/// [`ABBREVIATIONS`] sorted, for bisection: the list is looked up at nearly every period.
static ABBREVIATIONS_SORTED: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<&'static str> = ABBREVIATIONS.iter().collect();
        v.sort_unstable();
        v
    });

/// Abbreviations that may also end a sentence ("... in the U.S. The next ..."): after them
/// a period splits when the next word is a common sentence opener.
static FINAL_ABBREVIATIONS: WordList = WordList::new(words![
    "etc", "inc", "corp", "co", "ltd", "jr", "sr", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c", "l.a",
    "n.y", "n.j", "ph.d", "m.d", "st", "ave", "blvd", "est",
]);

/// Words that open sentences far more often than they follow an abbreviation inside one.
const SENTENCE_OPENERS: Words = words![
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "However",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "There",
    "Officials",
    "Police",
    "According",
    "Earlier",
    "Later",
    "Last",
    "Since",
    "During",
    "Despite",
    "Although",
    "Still",
    "Yet",
    "So",
    "Then",
    "Now",
    "Today",
    "Some",
    "Many",
    "Most",
    "Both",
    "Other",
    "Such",
    "Its",
];

/// Full month names: "January. 07, 2026" (a Dong-A style header) does not split before the day.
static MONTH_NAMES: WordList = WordList::new(words![
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]);

/// Longest sentence, in bytes. Longer stretches (tables, lists, text without punctuation)
/// are cut at the last space before the limit, so work done per sentence stays bounded:
/// edited news sentences are far shorter (the seeds' longest line is ~630 bytes).
pub const MAX_SENTENCE_BYTES: usize = 1000;

/// Splits normalized text into sentences: at `.`, `!`, `?` (with closing quotes and brackets)
/// followed by space and a non-lowercase start, and at blank lines and line breaks.
/// Periods after known abbreviations, initials and inside numbers do not split.
/// No sentence is longer than [`MAX_SENTENCE_BYTES`].
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in split_sentences_uncapped(text) {
        let mut start = r.start;
        while r.end - start > MAX_SENTENCE_BYTES {
            let mut cut = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // Prefer the last space before the limit; a run without one is cut hard.
            let end = rfind_byte(&text[start..cut], b' ').map_or(cut, |p| start + p);
            let end = if end == start { cut } else { end };
            out.push(start..end);
            start = end;
            while start < r.end && text.as_bytes()[start] == b' ' {
                start += 1;
            }
        }
        if start < r.end {
            out.push(start..r.end);
        }
    }
    out
}

fn split_sentences_uncapped(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let n = bytes.len();
    let push = |out: &mut Vec<Range<usize>>, s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if lead + trail < seg.len() {
            out.push(s + lead..e - trail);
        }
    };
    while i < n {
        i = next_stop(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over closing punctuation.
            let mut j = i + 1;
            while j < n && matches!(bytes[j], b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?') {
                j += 1;
            }
            let at_space = j >= n || bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\n';
            if at_space && (b != b'.' || period_splits(text, i, j)) {
                // The next visible char must not be lower case ("e.g. this" goes on).
                let mut k = j;
                while k < n && (bytes[k] == b' ' || bytes[k] == b'\t') {
                    k += 1;
                }
                let next_ok = k >= n || !bytes[k].is_ascii_lowercase();
                if next_ok {
                    push(&mut out, start, j);
                    start = j;
                    i = j;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, n);
    out
}

/// The first byte at or after `i` that can end a sentence (`.`, `!`, `?`, a line break), or
/// the end: eight bytes at a time through the stretches between them.
fn next_stop(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Non-zero when a byte of `w` equals `c` (never misses one; a borrow may also flag
    // a byte above a match, which the byte loop below sorts out).
    let has = |w: u64, c: u8| {
        let x = w ^ ONES.wrapping_mul(u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([b'.'; 8]));
        if has(w, b'.') | has(w, b'!') | has(w, b'?') | has(w, b'\n') != 0 {
            break;
        }
        i += 8;
    }
    while let Some(b) = bytes.get(i) {
        if matches!(b, b'.' | b'!' | b'?' | b'\n') {
            break;
        }
        i += 1;
    }
    i
}

/// True when the period at `dot` (closing punctuation up to `after`) may end a sentence:
/// not after an abbreviation or initial, unless that abbreviation can end a sentence and a
/// common sentence opener follows; "No." is an abbreviation only before a number, and a
/// full month name only before a day.
fn period_splits(text: &str, dot: usize, after: usize) -> bool {
    let rest = text
        .get(after..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t']);
    let next_word: &str = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next_digit = rest.chars().next().is_some_and(|c| c.is_ascii_digit());
    let word = word_before(text, dot);
    let mut buf = [0u8; 16];
    let lower = lower_short(word, &mut buf);
    let listed = |list: &[&str]| lower.is_some_and(|l| list.contains(&l));
    if matches!(lower, Some("no" | "nos")) {
        return !next_digit;
    }
    if listed(&MONTH_NAMES) && next_digit {
        return false;
    }
    if !is_abbreviation(text, dot) {
        return true;
    }
    let opener = SENTENCE_OPENERS.contains(next_word);
    let initial = word.len() == 1;
    opener && (initial || listed(&FINAL_ABBREVIATIONS))
}

/// `word` with ASCII letters lower-cased, in `buf` (no allocation at every period), or
/// `None` when it is longer than 16 bytes: then it is in none of the word lists the
/// sentence splitter consults (their longest word is 9 bytes, a test checks).
fn lower_short<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let dst = buf.get_mut(..word.len())?;
    dst.copy_from_slice(word.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).ok()
}

/// The word (letters, digits and periods) ending just before byte `dot`.
fn word_before(text: &str, dot: usize) -> &str {
    let before = text.get(..dot).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    before.get(start..).unwrap_or("")
}

/// True when the period at `dot` closes an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let word = word_before(text, dot);
    if word.is_empty() {
        return false;
    }
    // Single capital letter: an initial ("Kim J. Lee").
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    let mut buf = [0u8; 16];
    // A longer word is no abbreviation (nor short enough for the dotted rule below).
    let Some(lower) = lower_short(word, &mut buf) else {
        return false;
    };
    ABBREVIATIONS_SORTED.binary_search(&lower).is_ok()
        || (lower.as_bytes().contains(&b'.')
            && lower.len() <= 6
            && lower.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// Lower-casing char by char, for the check's and extractors' word comparisons.
///
/// `str::to_lowercase` also applies Unicode's final-sigma rule (a capital sigma at the end of
/// a word becomes "ς"), which links the "case ignorable" table into the wasm; a word test
/// never needs it. Otherwise the same as `str::to_lowercase`.
pub trait Lowercase {
    /// The text with every char lower-cased (`char::to_lowercase`).
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        if self.is_ascii() {
            return self.to_ascii_lowercase();
        }
        let mut out = String::with_capacity(self.len());
        out.extend(self.chars().flat_map(char::to_lowercase));
        out
    }
}

/// The byte offset of the first `needle` in `hay` (`str::find` with a `&str` pattern; an
/// empty needle is found at 0).
///
/// The standard searcher (Two-Way) is ~2 KB of the wasm for the dozen places that look for a
/// word in a sentence or a name in an article; this one finds the needle's first byte with
/// the byte search `str::find(char)` uses (memchr, a word at a time), then compares.
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    find_str_from(hay, needle, 0)
}

/// Whether `needle` occurs in `hay` (`str::contains` with a `&str` pattern; see [`find_str`]).
pub fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// The byte offsets of the non-overlapping occurrences of `needle` in `hay`, left to right
/// (`str::match_indices` with a `&str` pattern, for a non-empty needle; an empty needle
/// finds nothing). See [`find_str`].
pub fn find_all<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        let at = find_str_from(hay, needle, from?)?;
        from = Some(at + needle.len());
        Some(at)
    })
}

/// [`find_str`] from byte `from` on (a char boundary). A match starts at a char boundary,
/// since the needle's first byte is not a continuation byte.
fn find_str_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let n = needle.as_bytes();
    let Some((&first, rest)) = n.split_first() else {
        return (from <= hay.len()).then_some(from);
    };
    let h = hay.as_bytes();
    let mut i = from;
    loop {
        let j = if first.is_ascii() {
            // `j + 1` is then a char boundary again.
            i + hay.get(i..)?.find(char::from(first))?
        } else {
            i + h.get(i..)?.iter().position(|&b| b == first)?
        };
        if h.get(j + 1..j + n.len()) == Some(rest) {
            return Some(j);
        }
        i = j + 1;
    }
}

/// The byte offset of the last `b` (ASCII) in `s` (`str::rfind` with an ASCII char, without
/// the reverse char searcher and `memrchr` it links into the wasm for seven call sites).
pub fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    s.as_bytes().iter().rposition(|&x| x == b)
}

/// What follows the last `b` (ASCII) in `s`, or all of `s` (`s.rsplit(b).next()`).
pub fn after_last(s: &str, b: u8) -> &str {
    rfind_byte(s, b).and_then(|i| s.get(i + 1..)).unwrap_or(s)
}

/// `s` without every repetition of `suffix` at its end (`str::trim_end_matches` with a
/// `&str` pattern, which links the reverse Two-Way searcher into the wasm for two words).
pub fn trim_end_str<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    if suffix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// `s` without every repetition of `prefix` at its start (`str::trim_start_matches` with a
/// `&str` pattern; see [`trim_end_str`]).
pub fn trim_start_str<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// Joining words with a separator, for the names, measures and lists the reports print.
///
/// `[S]::join` is a generic copy loop per element type (its `String` and `&str` copies were
/// 2.3 KB of the wasm); this is the same result from a plain loop.
pub trait Join {
    /// The parts with `sep` between each two (`[S]::join`).
    fn joined(&self, sep: &str) -> String;
}

impl<S: AsRef<str>> Join for [S] {
    fn joined(&self, sep: &str) -> String {
        let len = self
            .iter()
            .map(|p| p.as_ref().len() + sep.len())
            .sum::<usize>();
        let mut out = String::with_capacity(len.saturating_sub(sep.len()));
        for (i, p) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(p.as_ref());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_a_word_is_the_standard_search() {
        let hays = [
            "",
            "a",
            "according to the ministry, according to",
            "aaaaab aab ab b",
            "Se\u{f1}or se\u{f1}ora \u{f1}\u{f1}\u{f1} caf\u{e9}",
            "\u{2014}--\u{2014} -- --- \u{2013}",
            "by by by",
        ];
        let needles = [
            "",
            "a",
            "ab",
            "aab",
            "according to",
            "\u{f1}",
            "\u{f1}\u{f1}",
            "--",
            "by ",
            "zz",
            "caf\u{e9}",
            "\u{2013}",
            "\u{2014}",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains_str(h, n), h.contains(n), "{h:?} {n:?}");
                if !n.is_empty() {
                    let std: Vec<usize> = h.match_indices(n).map(|(i, _)| i).collect();
                    assert_eq!(find_all(h, n).collect::<Vec<_>>(), std, "{h:?} {n:?}");
                }
            }
        }
        assert_eq!(find_all("abc", "").count(), 0);
    }

    #[test]
    fn the_last_byte_is_found_as_rfind_finds_it() {
        for s in [
            "",
            "a",
            "a/b",
            "a/b/c",
            "/",
            "b/",
            "caf\u{e9}/s\u{e9}oul",
            "no slash",
        ] {
            assert_eq!(rfind_byte(s, b'/'), s.rfind('/'), "{s:?}");
            assert_eq!(Some(after_last(s, b'/')), s.rsplit('/').next(), "{s:?}");
        }
    }

    #[test]
    fn trimming_a_word_is_the_standard_trim() {
        for w in [
            "",
            "'s",
            "Korea's",
            "Korea's's",
            "s's",
            "on on Tuesday",
            "on",
            "Tuesday on ",
        ] {
            for p in ["", "'s", "on ", "s", "Tuesday"] {
                assert_eq!(trim_end_str(w, p), w.trim_end_matches(p), "{w:?} {p:?}");
                assert_eq!(trim_start_str(w, p), w.trim_start_matches(p), "{w:?} {p:?}");
            }
        }
    }

    #[test]
    fn joined_is_the_standard_join() {
        let strs: [&[&str]; 4] = [&[], &[""], &["Lee"], &["Lee", "Jae-myung", "", "Xi"]];
        for parts in strs {
            for sep in ["", " ", ", ", "\u{2013}"] {
                assert_eq!(parts.joined(sep), parts.join(sep), "{parts:?} {sep:?}");
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                assert_eq!(owned.joined(sep), owned.join(sep), "{parts:?} {sep:?}");
            }
        }
    }

    #[test]
    fn lowercase_is_the_standard_one_without_the_final_sigma_rule() {
        for s in [
            "",
            "Lee Jae-myung",
            "ÉLYSÉE Palace",
            "Ünal, Øresund, Łódź, ĞÜŞ",
            "İstanbul",
            "Москва И ПЕКИН",
            "Straße ǅ ǈ",
            "ΑΘΗΝΑ",
            "tab\tand\nlines 123 $%",
        ] {
            assert_eq!(s.lowercase(), s.to_lowercase(), "{s}");
        }
        // The one difference: a capital sigma ending a word stays a medial sigma.
        assert_eq!("ΟΔΟΣ".lowercase(), "οδοσ");
        assert_eq!("ΟΔΟΣ".to_lowercase(), "οδος");
    }

    /// The allocation-twice form `name_key` had: lower-cases char by char, then trims and
    /// strips "the " into a new string.
    fn name_key_reference(name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        for c in name.chars() {
            let c = match c {
                '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '.' | '_' | '\u{a0}' => ' ',
                '\u{2019}' | '\u{2018}' => '\'',
                c => c,
            };
            if c.is_whitespace() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            } else if let Some(b) = latin_base(c) {
                out.push(b);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        let trimmed = out.trim_end();
        trimmed.strip_prefix("the ").unwrap_or(trimmed).to_string()
    }

    #[test]
    fn special_chars_are_found_at_every_offset_of_the_word_skip() {
        // Doc::new skips eight ASCII bytes at a time: a '\r' or a non-ASCII char at any
        // offset (and two in one chunk) must still be seen, and the offsets mapped back.
        let ascii = "abcdefghijklmnopqrstuvwx";
        for (special, norm) in [("\r", ""), ("\u{e9}", "\u{e9}"), ("\u{2019}", "'")] {
            for p in 0..=ascii.len() {
                let original = format!("{}{special}{}", &ascii[..p], &ascii[p..]);
                let doc = Doc::new(&original);
                assert_eq!(doc.text, format!("{}{norm}{}", &ascii[..p], &ascii[p..]));
                let end = p + norm.len();
                assert_eq!(
                    doc.original_at(end),
                    p + special.len(),
                    "{special:?} at {p}"
                );
                let twice = format!("{original}\r{original}");
                let doc = Doc::new(&twice);
                assert_eq!(doc.text.len(), 2 * (ascii.len() + norm.len()), "{p}");
            }
        }
    }

    #[test]
    fn sentence_word_lists_fit_the_lower_case_buffer() {
        let lists = [
            &MONTH_NAMES[..],
            &FINAL_ABBREVIATIONS[..],
            &ABBREVIATIONS_SORTED[..],
        ];
        for w in lists.iter().flat_map(|l| l.iter()) {
            assert!(w.len() <= 16 && *w == w.to_ascii_lowercase(), "{w}");
        }
        let mut buf = [0u8; 16];
        assert_eq!(lower_short("Sept", &mut buf), Some("sept"));
        assert_eq!(lower_short("Internationalization", &mut buf), None);
        assert!(!is_abbreviation("Internationalization. Then", 20));
        assert!(is_abbreviation("Gen. Lee", 3));
    }

    #[test]
    fn name_keys_drop_latin_diacritics() {
        for (name, key) in [
            ("Rafa\u{142} Trzaskowski", "rafal trzaskowski"),
            ("Jos\u{e9} Ra\u{fa}l Mulino", "jose raul mulino"),
            ("\u{c9}lys\u{e9}e", "elysee"),
            ("T\u{fc}rkiye", "turkiye"),
            ("Recep Tayyip Erdo\u{11f}an", "recep tayyip erdogan"),
            ("Andrej Babi\u{161}", "andrej babis"),
            ("\u{17d}i\u{17e}ek \u{141}\u{f3}d\u{17a}", "zizek lodz"),
            ("\u{130}stanbul", "istanbul"),
        ] {
            assert_eq!(name_key(name), key, "{name}");
        }
        // Other scripts and signs are kept as they are (lower-cased).
        assert_eq!(
            name_key("\u{3a3}\u{3c9} 6\u{f7}2 \u{5f20}"),
            "\u{3c3}\u{3c9} 6\u{f7}2 \u{5f20}"
        );
        assert_eq!(name_key("Stra\u{df}e"), "stra\u{df}e");
        // Into a buffer that held another key: the same key.
        let mut buf = String::from("lee jae myung");
        name_key_into(&mut buf, "The Rafa\u{142} ");
        assert_eq!(buf, "rafal");
    }

    #[test]
    fn name_key_is_the_reference_key() {
        for n in [
            "Lee Jae-myung",
            "The Blue House",
            "the ",
            "The",
            "THE  Hague ",
            "U.S. Ambassador ",
            "Kim  Hea\u{a0}Kyung",
            "S\u{e1}nchez O\u{2019}Brien",
            "\u{130}stanbul \u{3a3}\u{3a3}",
            "tab\there\x0bvt\u{2003}em\u{3000}",
            "",
            " - . _ ",
            "Stra\u{df}e \u{1e9e}",
        ] {
            assert_eq!(name_key(n), name_key_reference(n), "{n:?}");
        }
    }

    #[test]
    fn maps_normalized_ranges_back_to_original_bytes_and_utf16() {
        let s = "Lee\u{2019}s “second” summit — on Jan. 6 🎉 400 people";
        let d = Doc::new(s);
        assert!(d.text.contains("Lee's \"second\" summit -- on Jan. 6"));
        let i = d.text.find("second").unwrap();
        let sp = d.span(i..i + 6);
        assert_eq!(&s[sp.start..sp.end], "second");
        let i = d.text.find("400 people").unwrap();
        let sp = d.span(i..i + 10);
        assert_eq!(&s[sp.start..sp.end], "400 people");
        let utf16: Vec<u16> = s.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[sp.start_utf16..sp.end_utf16]).unwrap(),
            "400 people"
        );
        let i = d.text.find("--").unwrap();
        let sp = d.span(i..i + 2);
        assert_eq!(&s[sp.start..sp.end], "—");
        let sp = d.span(i..i + 1);
        assert_eq!(&s[sp.start..sp.end], "—");
    }

    #[test]
    fn offsets_match_a_char_by_char_reference() {
        let s = "\u{feff}A\u{2019}b \u{2014} c\r\n\u{200b}\u{200b}\u{201c}é🎉x\u{2026} \u{a0}end\u{2014}";
        let d = Doc::new(s);
        // Reference: normalized byte -> original char start, built char by char.
        let mut reference = Vec::new();
        for (i, c) in s.char_indices() {
            let n = normalize_char(c).map_or(c.len_utf8(), str::len);
            reference.extend(std::iter::repeat_n(i, n));
        }
        reference.push(s.len());
        assert_eq!(reference.len(), d.text.len() + 1);
        for (p, &want) in reference.iter().enumerate() {
            if d.text.is_char_boundary(p) {
                assert_eq!(d.original_at(p), want, "byte {p} of {:?}", d.text);
            }
        }
        for (i, _) in s.char_indices().chain([(s.len(), ' ')]) {
            assert_eq!(d.utf16_at(i), s[..i].encode_utf16().count(), "utf16 at {i}");
        }
    }

    #[test]
    fn spans_with_a_cursor_match_spans_without_in_any_order() {
        let s = "\u{201c}A\u{2019}b\u{201d} \u{2014} c\r\n\u{200b}\u{201c}\u{e9}\u{1f389}x\u{2026} \u{a0}end\u{2014} and \u{2018}so\u{2019} on \u{2013} 12\u{2009}000 \u{e9}t\u{e9} \u{201c}q\u{201d}.";
        let d = Doc::new(s);
        let bounds: Vec<usize> = (0..=d.text.len())
            .filter(|&p| d.text.is_char_boundary(p))
            .collect();
        let mut ranges = Vec::new();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in bounds.iter().skip(k).take(12) {
                ranges.push(a..b);
            }
        }
        // In text order, then backwards, then interleaved: one cursor throughout.
        let mut order = ranges.clone();
        order.extend(ranges.iter().rev().cloned());
        order.extend(ranges.iter().step_by(7).cloned());
        order.extend(ranges.iter().step_by(3).rev().cloned());
        let mut cur = SpanCursor::default();
        for r in order {
            assert_eq!(d.span_near(r.clone(), &mut cur), d.span(r.clone()), "{r:?}");
        }
    }

    #[test]
    fn name_keys_fold_romanization_variants() {
        for n in [
            "Lee Jae Myung",
            "Lee Jae-myung",
            "LEE Jae-myung",
            "Lee  Jae\u{2011}Myung",
        ] {
            assert_eq!(name_key(n), "lee jae myung", "{n}");
        }
        assert_eq!(name_key("the Blue House"), "blue house");
        assert_eq!(
            name_key("Diaoyutai State Guesthouse."),
            "diaoyutai state guesthouse"
        );
    }

    #[test]
    fn splits_sentences_after_non_ascii_without_panicking() {
        let d = Doc::new("Banknotes: 5 \u{20ac}, 100 \u{20ac}. Next \u{20ac}.");
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn abbreviations_that_end_sentences_and_no_as_a_word() {
        let t = "No. I will not. Sales rose in the U.S. The rest fell. Posted January. 07, 2026 08:58. Gov. Gavin Newsom spoke at 9 a.m. He left. It was Plan B. The end came.";
        let d = Doc::new(t);
        let ss: Vec<&str> = d.sentences.iter().map(|r| &d.text[r.clone()]).collect();
        assert_eq!(
            ss,
            vec![
                "No.",
                "I will not.",
                "Sales rose in the U.S.",
                "The rest fell.",
                "Posted January. 07, 2026 08:58.",
                "Gov. Gavin Newsom spoke at 9 a.m.",
                "He left.",
                "It was Plan B.",
                "The end came."
            ]
        );
    }

    #[test]
    fn caps_sentence_length_at_spaces_and_char_boundaries() {
        let t = format!("{} {}", "one two ".repeat(400), "é".repeat(700));
        let d = Doc::new(&t);
        assert!(d.sentences.len() > 3, "{}", d.sentences.len());
        for r in &d.sentences {
            assert!(r.end - r.start <= MAX_SENTENCE_BYTES);
            assert!(!d.text[r.clone()].starts_with(' ') && !d.text[r.clone()].is_empty());
        }
        // Nothing but the spaces at the cuts is lost (the run of "é" is cut hard).
        let pieces: String = d.sentences.iter().map(|r| &d.text[r.clone()]).collect();
        assert_eq!(pieces.replace(' ', ""), t.replace(' ', ""));
    }

    #[test]
    fn next_stop_finds_what_a_byte_loop_finds() {
        let t = "ab.cdefghijklmnop!qrstuvwxyz0123456789?\u{e9}\u{2014}x\n.......abcdefghijklmnopqrstuvw";
        let b = t.as_bytes();
        for i in 0..=b.len() {
            let want = (i..b.len())
                .find(|&j| matches!(b[j], b'.' | b'!' | b'?' | b'\n'))
                .unwrap_or(b.len());
            assert_eq!(next_stop(b, i), want, "from {i}");
        }
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations() {
        let t = "BEIJING, Jan. 6 (Xinhua) -- Li met Lee. He is the No. 2 official.\nNext line! And \"quoted.\" Then U.S. officials said so.";
        let d = Doc::new(t);
        let ss: Vec<&str> = d.sentences.iter().map(|r| &d.text[r.clone()]).collect();
        assert_eq!(
            ss,
            vec![
                "BEIJING, Jan. 6 (Xinhua) -- Li met Lee.",
                "He is the No. 2 official.",
                "Next line!",
                "And \"quoted.\"",
                "Then U.S. officials said so."
            ]
        );
    }
}
