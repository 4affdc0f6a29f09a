//! The people of a document: full names found by pattern or anchor, every later occurrence
//! of them, their short forms ("Lee" for "Lee Jae Myung"), and acronyms defined in the text.

use super::data::{class, Lexicon};
use super::tokens::Tokens;
use crate::collections::VecMap;
use crate::text::{name_key, name_key_into};
use crate::words::{words, WordList};

/// One occurrence of a full name: words `a..b`.
#[derive(Debug, Clone)]
pub struct Occ {
    /// First word.
    pub a: usize,
    /// One past the last word.
    pub b: usize,
    /// The canonical name.
    pub key: String,
}

/// The people (and defined acronyms) of a document.
#[derive(Debug, Default)]
pub struct People {
    /// Full-name occurrences in text order.
    pub occurrences: Vec<Occ>,
    /// Per word: index + 1 of the occurrence starting there (0: none).
    by_start: Vec<u32>,
    /// Per word: index + 1 of the occurrence ending just before it (0: none).
    by_end: Vec<u32>,
    /// Short form (lower case) -> (word index of a full-name occurrence, canonical name).
    shorts: VecMap<String, Vec<(usize, String)>>,
    /// The keys of `shorts`, as a [`Sieve`]: most capitalized words are no short form.
    short_sieve: Sieve,
    /// Defined acronyms: "ROK" -> "republic of korea".
    pub acronyms: VecMap<String, String>,
    /// Single-word short forms in the text: (word index, canonical name).
    short_uses: Vec<(usize, String)>,
    /// Per sentence: written in Title Case (a headline), where names are not guessed.
    title_case: Vec<bool>,
}

/// A 1024-bit filter of words: a clear bit proves a word is not among those inserted, so
/// asking a document's name maps about a word that is in none of them (most capitalized
/// words) costs a multiply and a bit test instead of a binary search over strings.
#[derive(Debug, Default)]
pub struct Sieve([u64; 16]);

impl Sieve {
    /// The bit of `w`: from its length and its first and last bytes.
    fn bit(w: &str) -> usize {
        let b = w.as_bytes();
        let f = u32::from(b.first().copied().unwrap_or(0));
        let l = u32::from(b.last().copied().unwrap_or(0));
        let x = f | l << 8 | (b.len() as u32) << 16;
        (x.wrapping_mul(0x9e37_79b1) >> 22) as usize
    }

    /// Adds `w`.
    pub fn insert(&mut self, w: &str) {
        let i = Self::bit(w);
        if let Some(x) = self.0.get_mut(i / 64) {
            *x |= 1 << (i % 64);
        }
    }

    /// False when `w` was certainly not inserted.
    pub fn may_contain(&self, w: &str) -> bool {
        let i = Self::bit(w);
        self.0.get(i / 64).is_some_and(|x| x >> (i % 64) & 1 != 0)
    }
}

/// Syllable onsets, two bytes each, a space padding the shorter ones ("  " is no onset): a
/// fixed-width table, as `syllabic` walks it for every candidate given name (no pointer and
/// length per entry, and no splitting of a joined list on each walk).
const ONSETS: &[[u8; 2]] = &[
    *b"zh", *b"ch", *b"sh", *b"kk", *b"tt", *b"pp", *b"ss", *b"jj", *b"hs", *b"ts", *b"tz", *b"b ",
    *b"c ", *b"d ", *b"f ", *b"g ", *b"h ", *b"j ", *b"k ", *b"l ", *b"m ", *b"n ", *b"p ", *b"q ",
    *b"r ", *b"s ", *b"t ", *b"w ", *b"x ", *b"y ", *b"z ", *b"  ",
];
static CODAS: WordList = WordList::new(words![
    "ng", "n", "m", "l", "k", "p", "t", "c", "r", "w", ""
]);

/// `s` without the prefix `p`, if it starts with it (a byte loop: the prefixes are one or
/// two bytes, too short for a `memcmp` call to pay).
fn strip<'a>(s: &'a [u8], p: &[u8]) -> Option<&'a [u8]> {
    if s.len() < p.len() || !p.iter().zip(s).all(|(a, b)| a == b) {
        return None;
    }
    s.get(p.len()..)
}

/// True if `s` (lower-case ASCII) reads as 1..=`max` romanized Korean/Chinese syllables.
fn syllabic(s: &[u8], max: usize) -> bool {
    if s.is_empty() {
        return true;
    }
    if max == 0 {
        return false;
    }
    for onset in ONSETS {
        let len = onset.iter().position(|&c| c == b' ').unwrap_or(2);
        let Some(rest) = strip(s, onset.get(..len).unwrap_or(&[])) else {
            continue;
        };
        for glide in ["w", "y", ""] {
            let Some(r2) = strip(rest, glide.as_bytes()) else {
                continue;
            };
            let vowels = r2.iter().take_while(|c| b"aeiou".contains(c)).count();
            for nv in (1..=vowels.min(3)).rev() {
                let r3 = &r2[nv..];
                for coda in CODAS.iter() {
                    if let Some(r4) = strip(r3, coda.as_bytes()) {
                        if syllabic(r4, max - 1) {
                            return true;
                        }
                    }
                }
            }
        }
    }
    false
}

/// How many syllables a given-name word may have per hyphen part, and whether it reads as one.
fn given_word(w: &str, max_per_part: usize) -> bool {
    if w.is_empty() || !w.is_ascii() {
        return false;
    }
    // One or two parts ("jinping", "jae-myung"), without collecting them.
    let (first, second) = match w.split_once('-') {
        Some((_, b)) if b.as_bytes().contains(&b'-') => return false,
        Some((a, b)) => (a, Some(b)),
        None => (w, None),
    };
    let per = if second.is_some() { 2 } else { max_per_part };
    let reads = |p: &str| {
        !p.is_empty() && p.bytes().all(|c| c.is_ascii_lowercase()) && syllabic(p.as_bytes(), per)
    };
    reads(first) && second.map_or(true, reads)
}

/// True when word `i` can be part of a person's name.
pub fn nameable(t: &Tokens<'_>, lex: &Lexicon, i: usize) -> bool {
    let Some(tok) = t.get(i) else { return false };
    if !tok.cap() || tok.upper() {
        return false;
    }
    let _ = lex;
    if tok.class() & class::NOT_NAME != 0 {
        return false;
    }
    let word = t.word(tok);
    word.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

impl People {
    /// Finds the people of a document.
    pub fn find(t: &Tokens<'_>, lex: &Lexicon) -> People {
        let mut p = People {
            title_case: title_case_sentences(t),
            ..Default::default()
        };
        // Discovery: name -> short form.
        let mut keys: VecMap<String, String> = VecMap::default();
        // Allocates only for a name not seen before.
        let mut kbuf = String::new();
        let mut add = |keys: &mut VecMap<String, String>, a: usize, b: usize, east_asian: bool| {
            name_key_into(&mut kbuf, t.span_text(a, b));
            if keys.contains_key(kbuf.as_str()) {
                return;
            }
            let short_i = if east_asian { a } else { b - 1 };
            keys.insert(kbuf.clone(), t.lower(short_i).to_string());
        };
        // Both kinds of name start with a capitalized word.
        for i in t.caps.iter().map(|&i| i as usize) {
            if let Some(b) = p.east_asian(t, lex, i) {
                add(&mut keys, i, b, true);
            } else if let Some(b) = p.western(t, lex, i) {
                add(&mut keys, i, b, false);
            }
        }
        // How often each capitalized word stands alone (no capitalized word joined before or
        // after). Only asked about words joined to a following verb of saying: the others
        // are not counted (most capitalized words, each a map lookup).
        let mut asked = Sieve::default();
        // Verbs of saying are marked.
        for k in t.marked.iter().map(|&k| k as usize) {
            if k > 0 && t.is(k, class::SPEECH) && t.joined(k - 1) {
                asked.insert(t.lower(k - 1));
            }
        }
        let mut alone: VecMap<&str, usize> = VecMap::default();
        for i in t.caps.iter().map(|&i| i as usize) {
            let Some(tok) = t.get(i) else { continue };
            let before = i > 0 && t.joined(i - 1) && t.toks[i - 1].cap();
            let after = t.joined(i) && t.get(i + 1).is_some_and(|x| x.cap());
            if tok.cap() && !before && !after && asked.may_contain(t.lw(tok)) {
                *alone.entry(t.lw(tok)).or_default() += 1;
            }
        }
        // Title heads and capitalized words (all a name can follow or start at) are marked.
        for i in t.marked.iter().map(|&i| i as usize) {
            let Some(tok) = t.get(i) else { continue };
            // After a title head: "Secretary of State Marco Rubio" / "President Emmanuel Macron".
            let head = !tok.poss() && tok.class() & class::TITLE_HEAD != 0 && t.joined(i);
            // After an honorific: "Mr. Smith".
            let honorific = tok.cap()
                && tok.end() - tok.start() <= 4
                && (matches!(t.lw(tok), "mr" | "mrs" | "ms" | "dr")
                    || super::abbreviated_title(t.lw(tok)).is_some())
                && matches!(t.gap(i), " " | ". ");
            if head || honorific {
                let k = i + 1;
                if p.east_asian(t, lex, k).is_none() {
                    let b = run(t, lex, k);
                    if b >= k + 2 && !p.in_title_case(t, k) {
                        add(&mut keys, k, b, false);
                    }
                }
            }
            // Before a verb of saying or an appositive title: "Wang Junsheng said", "Jane Doe, the ... minister".
            if nameable(t, lex, i) && (i == 0 || !(t.joined(i - 1) && t.toks[i - 1].cap())) {
                let b = run(t, lex, i);
                if b >= i + 2 && !p.in_title_case(t, i) && p.east_asian(t, lex, i).is_none() {
                    // A verb of saying alone does not tell a person from a company
                    // ("Morgan Stanley said"): the surname must also stand alone somewhere.
                    let said = t.joined(b - 1)
                        && t.is(b, class::SPEECH)
                        && alone.get(t.lower(b - 1)).is_some_and(|&n| n > 0);
                    let appositive = t.gap(b - 1) == ", " && appositive_ahead(t, b);
                    if said || appositive {
                        add(&mut keys, i, b, false);
                    }
                }
            }
        }
        // Every occurrence of a discovered name.
        let firsts: crate::collections::VecSet<&str> =
            keys.keys().filter_map(|k| k.split(' ').next()).collect();
        let mut first_sieve = Sieve::default();
        for w in &firsts {
            first_sieve.insert(w);
        }
        let mut covered = vec![false; t.len()];
        let mut buf = String::new();
        p.by_start = vec![0; t.len() + 1];
        p.by_end = vec![0; t.len() + 1];
        // Occurrences start at a capitalized word, after the previous occurrence.
        let mut next = 0;
        for i in t.caps.iter().map(|&i| i as usize) {
            if i < next {
                continue;
            }
            let mut found = None;
            let first = t.lower(i).split(['-', '.']).next().unwrap_or("");
            if first_sieve.may_contain(first) && firsts.contains(first) {
                for len in (2..=4).rev() {
                    let last_cap = t.get(i + len - 1).is_some_and(|x| x.cap());
                    let linked = |x: usize| {
                        t.joined(x)
                            || (t.gap(x) == ". "
                                && t.get(x).is_some_and(|w| w.end() - w.start() == 1))
                    };
                    if i + len > t.len() || !last_cap || !(i..i + len - 1).all(linked) {
                        continue;
                    }
                    name_key_into(&mut buf, t.span_text(i, i + len));
                    if let Some((key, short)) = keys.get_key_value(buf.as_str()) {
                        found = Some((len, key.clone(), short.clone()));
                        break;
                    }
                }
            }
            if let Some((len, key, short)) = found {
                let n = u32::try_from(p.occurrences.len() + 1).unwrap_or(0);
                if let Some(x) = p.by_start.get_mut(i) {
                    *x = n;
                }
                if let Some(x) = p.by_end.get_mut(i + len) {
                    *x = n;
                }
                p.short_sieve.insert(&short);
                p.shorts.entry(short).or_default().push((i, key.clone()));
                p.occurrences.push(Occ {
                    a: i,
                    b: i + len,
                    key,
                });
                for c in covered.iter_mut().skip(i).take(len) {
                    *c = true;
                }
                next = i + len;
            }
        }
        // Single-word short forms.
        for i in t.caps.iter().map(|&i| i as usize) {
            let Some(tok) = t.get(i) else { continue };
            if !tok.cap() || covered.get(i).copied().unwrap_or(true) || !p.is_short(t.lw(tok)) {
                continue;
            }
            if t.joined(i) && nameable(t, lex, i + 1) {
                continue;
            }
            if i > 0 && t.joined(i - 1) {
                let prev = &t.toks[i - 1];
                if prev.cap()
                    && prev.class() & (class::TITLE_HEAD | class::STOP | class::MODIFIER) == 0
                {
                    continue;
                }
            }
            if let Some(key) = p.resolve_short(t.lw(tok), i) {
                p.short_uses.push((i, key));
            }
        }
        p.find_acronyms(t);
        p
    }

    /// True when word `i` is in a sentence written in Title Case (a headline).
    pub fn in_title_case(&self, t: &Tokens<'_>, i: usize) -> bool {
        t.get(i)
            .and_then(|tok| self.title_case.get(tok.sent()))
            .copied()
            .unwrap_or(false)
    }

    /// A Korean or Chinese "Family Given" name at word `i`: its end.
    fn east_asian(&self, t: &Tokens<'_>, lex: &Lexicon, i: usize) -> Option<usize> {
        let tok = t.get(i)?;
        if !tok.cap() || tok.poss() || tok.class() & class::SURNAME == 0 || !t.joined(i) {
            return None;
        }
        if self.in_title_case(t, i) {
            return None;
        }
        let g = t.get(i + 1)?;
        if !g.cap() || g.upper() || !nameable(t, lex, i + 1) {
            return None;
        }
        // A place like "Hong Kong" is not a person.
        let place = tok.class() & class::PLACE_FIRST != 0
            && lex.places.get(t.lw(tok)).is_some_and(|v| {
                v.iter()
                    .any(|(w, _)| w.len() == 2 && w.get(1).is_some_and(|x| *x == t.lw(g)))
            });
        if place {
            return None;
        }
        let b = if t.lw(g).as_bytes().contains(&b'-') {
            given_word(t.lw(g), 1).then_some(i + 2)?
        } else if given_word(t.lw(g), 1)
            && t.joined(i + 1)
            && t.get(i + 2).is_some_and(|x| x.cap() && !x.upper())
            && nameable(t, lex, i + 2)
            && given_word(t.lower(i + 2), 1)
        {
            i + 3
        } else {
            given_word(t.lw(g), 2).then_some(i + 2)?
        };
        (!names_a_place(t, b)).then_some(b)
    }

    /// A Western name opening with a common first name at word `i`: its end.
    fn western(&self, t: &Tokens<'_>, lex: &Lexicon, i: usize) -> Option<usize> {
        let tok = t.get(i)?;
        if !tok.cap() || tok.poss() || tok.class() & class::FIRST_NAME == 0 || !t.joined(i) {
            return None;
        }
        if self.in_title_case(t, i) {
            return None;
        }
        let b = run(t, lex, i);
        if b < i + 2 {
            return None;
        }
        (!names_a_place(t, b)).then_some(b)
    }

    /// A full name (Korean/Chinese or Western with a known first name) at word `k`: its end.
    pub fn full_name_at(&self, t: &Tokens<'_>, lex: &Lexicon, k: usize) -> Option<usize> {
        self.east_asian(t, lex, k)
            .or_else(|| self.western(t, lex, k))
    }

    /// A name at word `k` when something anchors it (a title before it): a known
    /// occurrence, a full name, or one to three nameable words.
    pub fn anchored_name(&self, t: &Tokens<'_>, lex: &Lexicon, k: usize) -> Option<usize> {
        if let Some(o) = self.occurrence_at(k) {
            return Some(o.b);
        }
        if let Some(b) = self.full_name_at(t, lex, k) {
            return Some(b);
        }
        let b = run(t, lex, k);
        (b > k).then_some(b)
    }

    /// The full-name occurrence starting at word `k`.
    pub fn occurrence_at(&self, k: usize) -> Option<&Occ> {
        let i = *self.by_start.get(k)? as usize;
        self.occurrences.get(i.checked_sub(1)?)
    }

    /// The full-name occurrence ending just before word `b`.
    pub fn occurrence_ending_at(&self, b: usize) -> Option<&Occ> {
        let i = *self.by_end.get(b)? as usize;
        self.occurrences.get(i.checked_sub(1)?)
    }

    /// The full name a short form at word `pos` stands for: the nearest full name before it
    /// with that short form, else the first after it.
    pub fn resolve_short(&self, short: &str, pos: usize) -> Option<String> {
        if !self.short_sieve.may_contain(short) {
            return None;
        }
        let list = self.shorts.get(short)?;
        // The list is in text order: the last one before `pos`, else the first after it.
        let before = list.partition_point(|(a, _)| *a < pos);
        let pick = match before.checked_sub(1) {
            Some(i) => list.get(i),
            None => list.get(before..)?.iter().find(|(a, _)| *a > pos),
        };
        pick.map(|(_, k)| k.clone())
    }

    /// True when `w` (lower case) is the short form of a person of the document.
    pub fn is_short(&self, w: &str) -> bool {
        self.short_sieve.may_contain(w) && self.shorts.contains_key(w)
    }

    /// Single-word short forms of the document: (word index, canonical name).
    pub fn short_forms(&self) -> &[(usize, String)] {
        &self.short_uses
    }

    /// "Republic of Korea (ROK)": registers "ROK".
    fn find_acronyms(&mut self, t: &Tokens<'_>) {
        // Acronyms are capitalized.
        for j in t.caps.iter().map(|&j| j as usize).filter(|&j| j >= 1) {
            let Some(tok) = t.get(j) else { continue };
            if !tok.upper() || t.gap(j - 1) != " (" || !t.gap(j).starts_with(')') {
                continue;
            }
            let acr = t.word(tok);
            if self.acronyms.contains_key(acr) || acr.len() > 8 {
                continue;
            }
            // The capitalized chunk before the parenthesis.
            let end = j;
            let mut s = j - 1;
            while s > 0
                && t.joined(s - 1)
                && (t.toks[s - 1].cap() || matches!(t.lower(s - 1), "of" | "the" | "and" | "for"))
            {
                s -= 1;
            }
            for start in s..end {
                let w = &t.toks[start];
                let function_word =
                    w.class() & class::STOP != 0 && w.class() & class::ORG_OPENER == 0;
                if !w.cap() || w.class() & class::TITLE_HEAD != 0 || function_word {
                    continue;
                }
                if initials_match(t, start, end, acr) {
                    let full = name_key(t.span_text(start, end));
                    self.acronyms.insert(acr.to_string(), full);
                    break;
                }
            }
        }
    }
}

/// True when `acr` reads as an abbreviation of words `a..b`: its first letter opens the
/// first word and its letters appear in order in the words ("KOTRA", "ROK").
fn initials_match(t: &Tokens<'_>, a: usize, b: usize, acr: &str) -> bool {
    let letters: Vec<char> = acr.chars().collect();
    // ASCII upper case: the acronyms matched are ASCII ("KOTRA"), and `str::to_uppercase`
    // would link Unicode's upper-case table into the wasm for them.
    let text = t.span_text(a, b).to_ascii_uppercase();
    if letters.len() < 2 || text.chars().next() != letters.first().copied() {
        return false;
    }
    let mut it = text.chars();
    letters.iter().all(|l| it.any(|c| c == *l))
}

/// Lower-case particles inside names ("Ursula von der Leyen", "Mohammed bin Salman").
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "la"
            | "le"
            | "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "dos"
            | "das"
            | "du"
            | "ter"
    )
}

/// One to three joined nameable words starting at `k` (with particles between them): their
/// end (`k` when none).
fn run(t: &Tokens<'_>, lex: &Lexicon, k: usize) -> usize {
    let mut b = k;
    let mut words = 0;
    while words < 3 && nameable(t, lex, b) {
        b += 1;
        words += 1;
        if t.get(b - 1).is_some_and(|x| x.poss()) || !t.joined(b - 1) {
            break;
        }
        // Particles followed by a name word.
        let mut p = b;
        while p < b + 2
            && is_particle(t.lower(p))
            && t.get(p).is_some_and(|x| !x.cap())
            && t.joined(p)
        {
            p += 1;
        }
        if p > b {
            if nameable(t, lex, p) {
                b = p;
            } else {
                break;
            }
        }
        // A middle initial: "Robert F. Kennedy".
        let initial = t
            .get(b)
            .is_some_and(|x| x.cap() && x.end() - x.start() == 1 && t.word(x).is_ascii());
        if initial && t.gap(b) == ". " && nameable(t, lex, b + 1) {
            b += 1;
        }
    }
    b
}

/// After ", ": an optional article, up to four words, and a title head.
fn appositive_ahead(t: &Tokens<'_>, k: usize) -> bool {
    let mut k = k;
    if matches!(t.lower(k), "a" | "an" | "the") {
        k += 1;
    }
    (k..k + 5).any(|j| {
        t.get(j)
            .is_some_and(|w| !w.poss() && w.class() & class::TITLE_HEAD != 0)
            && (k..j).all(|x| t.joined_poss(x))
    })
}

/// Marks sentences written in Title Case (headlines): four or more words, and every
/// lower-case word a minor one ("of", "in", "the").
fn title_case_sentences(t: &Tokens<'_>) -> Vec<bool> {
    let n = t.toks.last().map_or(0, |x| x.sent() + 1);
    let mut words = vec![0usize; n];
    let mut plain = vec![false; n];
    for tok in &t.toks {
        let (Some(w), Some(p)) = (words.get_mut(tok.sent()), plain.get_mut(tok.sent())) else {
            continue;
        };
        *w += 1;
        if *p {
            // Already known not to be Title Case: only the word count matters now.
            continue;
        }
        let lower_word = t.lw(tok).chars().next().is_some_and(char::is_lowercase);
        if !lower_word {
            continue;
        }
        let minor = matches!(
            t.lw(tok),
            "a" | "an"
                | "the"
                | "and"
                | "but"
                | "or"
                | "nor"
                | "for"
                | "of"
                | "on"
                | "in"
                | "at"
                | "to"
                | "by"
                | "with"
                | "as"
                | "vs"
                | "from"
                | "into"
                | "over"
                | "up"
        );
        if !minor {
            *p = true;
        }
    }
    words
        .iter()
        .zip(&plain)
        .map(|(&w, &p)| w >= 4 && !p)
        .collect()
}

/// True when the name ending before word `end` runs straight into a capitalized place,
/// organization or venue head ("Han River", "Kim Dae-jung Convention Center"): then the
/// words name a place or an organization, not a person.
fn names_a_place(t: &Tokens<'_>, end: usize) -> bool {
    t.joined(end - 1)
        && t.get(end).is_some_and(|next| {
            next.cap() && next.class() & (class::GEO | class::ORG_HEAD | class::VENUE_HEAD) != 0
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_matched_in_upper_case() {
        // (text, first word, acronym, matches)
        for (text, first, acr, want) in [
            (
                "the Korea Trade-Investment Promotion Agency (KOTRA) said",
                1,
                "KOTRA",
                true,
            ),
            ("the Republic of Korea (ROK) said", 1, "ROK", true),
            (
                "the \u{d6}sterreichische Volkspartei (\u{d6}VP) said",
                1,
                "\u{d6}VP",
                true,
            ),
            ("the Trade Agency of Korea (KOTRA) said", 1, "KOTRA", false),
            ("the Republic of Korea (ROK) said", 2, "ROK", false),
        ] {
            let doc = crate::text::Doc::new(text);
            let t = Tokens::new(&doc);
            let end = (0..t.len()).find(|&j| t.get(j).is_some_and(|k| t.word(k) == acr));
            let end = end.expect("the acronym is a token");
            assert_eq!(initials_match(&t, first, end, acr), want, "{text}");
        }
    }

    #[test]
    fn romanized_syllables() {
        for w in [
            "jinping",
            "qiang",
            "leji",
            "jining",
            "jiacheng",
            "junsheng",
            "koo",
            "kyung",
            "myung",
            "jae-myung",
            "sung-lac",
            "yu-jung",
            "hea",
        ] {
            assert!(given_word(w, 2), "{w}");
        }
        for w in [
            "river", "street", "avenue", "said", "march", "dynasty", "county", "holds",
        ] {
            assert!(!given_word(w, 2), "{w}");
        }
    }
}
