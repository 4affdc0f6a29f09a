//! Hand-written scanners for the check's attribution and scope patterns ("according to the
//! U.S. Geological Survey", "police said", "said Jane Doe", "in Northern California", "rose to
//! about", "killing at least"): the same contract and results as the regexes they replace
//! (leftmost-first, ASCII `\b`/`\w`, the Unicode whitespace set of `ws!()`), without the regex
//! engine. Each scanner names its original pattern; the differential test below runs both.

use crate::scan::{is_word, lit_at, lit_exact, skip_ws, word_at, word_end, ws_at};
use crate::words::{words, WordList};

/// A scanner: the leftmost match starting at or after `from`, as
/// (group start, group end, match end).
pub(super) type Scan = fn(&str, usize) -> Option<(usize, usize, usize)>;

/// The spans of capture group 1 of every successive match of `scan` in `s` (what
/// `captures_iter` gives: each search starts where the previous match ended).
pub(super) fn groups(s: &str, scan: Scan) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (gs, ge, end) = scan(s, at)?;
        // Every match holds at least one char, so this always moves on.
        at = end.max(at + 1);
        Some((gs, ge))
    })
}

/// No word byte right before `i` (`\b` before a word char).
fn word_starts(t: &[u8], i: usize) -> bool {
    !i.checked_sub(1).is_some_and(|j| word_at(t, j))
}

/// `lit` (ASCII) at `i`, ASCII case-insensitively.
fn at_ci(t: &[u8], i: usize, lit: &str) -> bool {
    lit_at(t, i, lit).is_some()
}

/// `lit` at `i`, case-sensitively.
fn at_cs(t: &[u8], i: usize, lit: &str) -> bool {
    lit_exact(t, i, lit).is_some()
}

/// The first of `words` at `i` as a whole word (`(?:a|b)\b`): its end.
fn keyword(t: &[u8], i: usize, words: &[&str], ci: bool) -> Option<usize> {
    let e = word_end(t, i);
    let w = t.get(i..e)?;
    words
        .iter()
        .any(|k| {
            if ci {
                w.eq_ignore_ascii_case(k.as_bytes())
            } else {
                w == k.as_bytes()
            }
        })
        .then_some(e)
}

/// The first of `lits` at `i` (ASCII case-insensitively): its length.
fn lit_ci(t: &[u8], i: usize, lits: &[&str]) -> Option<usize> {
    lits.iter().find(|l| at_ci(t, i, l)).map(|l| l.len())
}

/// The end of a run of name chars starting at `i`: `(?:[\w'.-]|\x{2019})*`, or without the
/// dot `(?:[\w'-]|\x{2019})*`.
fn name_run(t: &[u8], mut i: usize, dot: bool) -> usize {
    loop {
        match t.get(i) {
            Some(&b) if is_word(b) || b == b'\'' || b == b'-' || dot && b == b'.' => i += 1,
            Some(0xE2) if t.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => i += 3,
            _ => return i,
        }
    }
}

/// What ends a lazily repeated name at `q`: `[,.;]`, `$` or `ws(?:key|...)\b` (they cannot
/// both match at one place, so their order does not matter): the match end.
fn lazy_end(t: &str, q: usize, keys: &[&str]) -> Option<usize> {
    let b = t.as_bytes();
    if q == b.len() {
        return Some(q);
    }
    if matches!(b.get(q), Some(b',' | b'.' | b';')) {
        return Some(q + 1);
    }
    keyword(b, q + ws_at(t, q)?, keys, true)
}

/// `(?:ARTICLE )?(NAME{0,max}?)` and then one of `ends`, at `g`: each optional article in
/// pattern order, then none (leftmost-first). (group start, group end, match end).
fn name_after_article(
    t: &str,
    g: usize,
    articles: &[&[&str]],
    max: usize,
    ends: &[&str],
) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    articles
        .iter()
        .map(|a| lit_ci(b, g, a))
        .chain([Some(0)])
        .flatten()
        .find_map(|art| lazy_name(t, g + art, 0, max, ends).map(|(ge, e)| (g + art, ge, e)))
}

/// `((?:[\w'.-]|\x{2019})+(?:ws(?:[\w'.-]|\x{2019})+){0,max}?)END` from `p`, `END` being
/// [`lazy_end`]: (group end, match end). A word is taken whole first, then shorter; for each
/// length the name stops there before it takes one more word.
fn lazy_name(t: &str, p: usize, reps: usize, max: usize, keys: &[&str]) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let r = name_run(b, p, true);
    if r == p {
        return None;
    }
    if let Some(e) = lazy_end(t, r, keys) {
        return Some((r, e));
    }
    if reps < max {
        if let Some(w) = ws_at(t, r) {
            if let Some(x) = lazy_name(t, r + w, reps + 1, max, keys) {
                return Some(x);
            }
        }
    }
    // A shorter word is followed by a name char: only a "." can end the match there.
    let inner = b.get(p + 1..r)?;
    let k = inner.iter().rposition(|&c| c == b'.')?;
    Some((p + 1 + k, p + 2 + k))
}

/// A continuation after a capitalized name: the match end when it matches at `q`.
type Cont<'a> = &'a dyn Fn(usize) -> Option<usize>;

/// `[A-Z]NAME*(?:ws(?:of ws)?[A-Z]NAME*){0,max}` then `cont`, greedily, from `p`:
/// (group end, match end). NAME is [`name_run`]'s class (with or without the dot).
fn cap_name(
    t: &str,
    p: usize,
    reps: usize,
    max: usize,
    dot: bool,
    cont: Cont<'_>,
) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    if !b.get(p).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let r = name_run(b, p + 1, dot);
    if reps < max {
        if let Some(w) = ws_at(t, r) {
            let q = r + w;
            if at_cs(b, q, "of") {
                if let Some(w2) = ws_at(t, q + 2) {
                    if let Some(x) = cap_name(t, q + 2 + w2, reps + 1, max, dot, cont) {
                        return Some(x);
                    }
                }
            }
            if let Some(x) = cap_name(t, q, reps + 1, max, dot, cont) {
                return Some(x);
            }
        }
    }
    (p + 1..=r)
        .rev()
        .filter(|&cut| t.is_char_boundary(cut))
        .find_map(|cut| cont(cut).map(|e| (cut, e)))
}

/// `(?:the ws)?` then [`cap_name`] from `p`.
fn the_cap_name(
    t: &str,
    p: usize,
    max: usize,
    dot: bool,
    cont: Cont<'_>,
) -> Option<(usize, usize)> {
    if at_cs(t.as_bytes(), p, "the") {
        if let Some(w) = ws_at(t, p + 3) {
            if let Some(x) = cap_name(t, p + 3 + w, 0, max, dot, cont) {
                return Some(x);
            }
        }
    }
    cap_name(t, p, 0, max, dot, cont)
}

/// Words ending a name after "according to": "according to the agency, ...", "according to
/// the survey's data".
static ACCORDING_ENDS: WordList = WordList::new(words![
    "said",
    "show",
    "shows",
    "showed",
    "data",
    "figures",
    "estimate",
    "estimates",
]);

/// `ATTRIB_ACCORDING`: `(?i)\baccording to (?:the |an? )?((?:[\w'.-]|\x{2019})+(?:ws(?:[\w'.-]|
/// \x{2019})+){0,6}?)(?:[,.;]|$|ws(?:said|show|shows|showed|data|figures|estimates?)\b)`.
pub(super) fn according(t: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    (from..b.len())
        .filter(|&p| word_starts(b, p) && at_ci(b, p, "according to "))
        .find_map(|p| {
            let g = p + "according to ".len();
            name_after_article(t, g, &[&["the "], &["an ", "a "]], 6, &ACCORDING_ENDS)
        })
}

/// What a source's figures are called before "from the agency" (`estimates?`: the plural
/// first).
static FROM_HEADS: WordList = WordList::new(words![
    "statistics ",
    "data ",
    "figures ",
    "estimates ",
    "estimate ",
    "numbers ",
    "a report ",
    "a tally ",
    "a count ",
    "a statement ",
]);
/// How the figures relate to their source.
const FROM_LINKS: &[&str] = &["from ", "by ", "released by ", "published by ", "of "];
/// Verbs ending the source's name: "data from the ministry showed".
const FROM_ENDS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "indicate",
    "indicated",
    "put",
    "said",
];

/// `ATTRIB_FROM`: `(?i)\b(?:statistics|data|figures|estimates?|numbers|a (?:report|tally|count|
/// statement)) (?:from|by|released by|published by|of) (?:the )?(NAME{0,5}?)(?:ws(?:show|shows|
/// showed|indicate|indicated|put|said)\b|[,.;]|$)`.
pub(super) fn figures_from(t: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    (from..b.len())
        .filter(|&p| word_starts(b, p))
        .find_map(|p| {
            let h = p + lit_ci(b, p, &FROM_HEADS)?;
            let g = h + lit_ci(b, h, FROM_LINKS)?;
            name_after_article(t, g, &[&["the "]], 5, FROM_ENDS)
        })
}

/// Verbs of a measurement ("measured by", "the survey measured").
const MEASURE_VERBS: &[&str] = &["measured", "recorded", "estimated", "put", "registered"];

/// `ATTRIB_MEASURED`: `(?i)\b(?:measured|recorded|estimated|put|registered)ws(?:itws)?by
/// (?:the )?(NAME{0,5}?)(?:ws(?:at|as)\b|[,.;]|$)`.
pub(super) fn measured_by(t: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    (from..b.len())
        .filter(|&p| word_starts(b, p))
        .find_map(|p| {
            let v = p + lit_ci(b, p, MEASURE_VERBS)?;
            let mut q = v + ws_at(t, v)?;
            if at_ci(b, q, "it") {
                if let Some(w) = ws_at(t, q + 2) {
                    q += 2 + w;
                }
            }
            let g = q + lit_ci(b, q, &["by "])?;
            name_after_article(t, g, &[&["the "]], 5, &["at", "as"])
        })
}

/// `ATTRIB_SUBJECT_MEASURED` (case-sensitive): `\b((?:the ws)?[A-Z]NAME*(?:ws(?:of ws)?
/// [A-Z]NAME*){0,5}) ws(?:had ws|has ws)?(?:initially ws|first ws|later ws)?(?:measured|
/// recorded|registered|put|estimated)\b`.
pub(super) fn subject_measured(t: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    let cont = |q: usize| {
        let mut q = q + ws_at(t, q)?;
        for words in [&["had", "has"][..], &["initially", "first", "later"]] {
            if let Some(k) = words.iter().find(|w| at_cs(b, q, w)) {
                if let Some(w) = ws_at(t, q + k.len()) {
                    q += k.len() + w;
                }
            }
        }
        keyword(b, q, MEASURE_VERBS, false)
    };
    (from..b.len())
        .filter(|&p| word_starts(b, p))
        .find_map(|p| the_cap_name(t, p, 5, true, &cont).map(|(ge, e)| (p, ge, e)))
}

/// Generic sources before "said" (ASCII case-insensitive), in pattern order.
static SAID_GENERIC: WordList = WordList::new(words![
    "police",
    "organisers",
    "organizers",
    "officials",
    "authorities",
    "rescuers",
    "the government",
    "state media",
    "local media",
    "the ministry",
    "the company",
    "the organisers",
    "the organizers",
]);
/// Verbs of a source speaking ("officials said", "organizers estimated").
static SAID_VERBS: WordList = WordList::new(words![
    "said",
    "says",
    "reported",
    "estimated",
    "estimates",
    "put",
    "counted",
    "told",
]);

/// `(?:,(?u-i:[^,.;]){1,100},)?ws(?:said|...)\b` at `q`: the match end.
fn said_cont(t: &str, q: usize) -> Option<usize> {
    let b = t.as_bytes();
    let mut q = q;
    if b.get(q) == Some(&b',') {
        // An apposition: one to 100 chars without , . ; then a comma.
        let rest = t.get(q + 1..)?;
        let (n, close) = rest
            .char_indices()
            .take(101)
            .enumerate()
            .find(|(_, (_, c))| matches!(c, ',' | '.' | ';'))
            .map(|(n, (i, c))| (n, (c == ',').then_some(i)))?;
        let i = close.filter(|_| (1..=100).contains(&n))?;
        q += 1 + i + 1;
    }
    keyword(b, q + ws_at(t, q)?, &SAID_VERBS, false)
}

/// `ATTRIB_SAID`: `\b((?i:police|organi[sz]ers|officials|authorities|rescuers|the government|
/// state media|local media|the ministry|the company|the organi[sz]ers)|(?:the ws)?[A-Z]NAME*
/// (?:ws(?:of ws)?[A-Z]NAME*){0,5})(?:,(?u-i:[^,.;]){1,100},)?ws(?:said|says|reported|
/// estimated|estimates|put|counted|told)\b`.
pub(super) fn said(t: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    let cont = |q: usize| said_cont(t, q);
    (from..b.len())
        .filter(|&p| word_starts(b, p))
        .find_map(|p| {
            lit_ci(b, p, &SAID_GENERIC)
                .and_then(|n| said_cont(t, p + n).map(|e| (p + n, e)))
                .or_else(|| the_cap_name(t, p, 5, true, &cont))
                .map(|(ge, e)| (p, ge, e))
        })
}

/// Generic sources after "said" (ASCII case-insensitive), in pattern order.
static SAID_AFTER_GENERIC: WordList = WordList::new(words![
    "police",
    "organisers",
    "organizers",
    "officials",
    "authorities",
    "rescuers",
    "state media",
    "local media",
]);

/// `ws*(?:[,.;"]|\x{201d}|$)` at `q`: the match end.
fn said_after_cont(t: &str, q: usize) -> Option<usize> {
    let q = skip_ws(t, q);
    match t.get(q..)?.chars().next() {
        None => Some(q),
        Some(c @ (',' | '.' | ';' | '"' | '\u{201d}')) => Some(q + c.len_utf8()),
        Some(_) => None,
    }
}

/// `ATTRIB_SAID_AFTER`: `\b(?:said|according to|reported)ws((?i:police|organi[sz]ers|
/// officials|authorities|rescuers|state media|local media)|(?:the ws)?[A-Z]NAME*(?:ws(?:of ws)?
/// [A-Z]NAME*){0,5})ws*(?:(?:[,.;"]|\x{201d})|$)`.
pub(super) fn said_after(t: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = t.as_bytes();
    let cont = |q: usize| said_after_cont(t, q);
    (from..b.len())
        .filter(|&p| word_starts(b, p))
        .find_map(|p| {
            let lead = ["said", "according to", "reported"]
                .iter()
                .find(|l| at_cs(b, p, l))?;
            let g = p + lead.len() + ws_at(t, p + lead.len())?;
            lit_ci(b, g, &SAID_AFTER_GENERIC)
                .and_then(|n| said_after_cont(t, g + n).map(|e| (g + n, e)))
                .or_else(|| the_cap_name(t, g, 5, true, &cont))
                .map(|(ge, e)| (g, ge, e))
        })
}

/// Words opening a place after a figure ("in Texas", "across the Gulf of Mexico").
const PLACE_WORDS: &[&str] = &["to", "in", "across", "throughout", "inside"];

/// `PLACE_AFTER` (group 1): `^(?u-i:[^,.;:()]){0,30}?\b(?:to|in|across|throughout|inside)ws
/// ((?:the ws)?[A-Z](?:[\w'-]|\x{2019})*(?:ws(?:of ws)?[A-Z](?:[\w'-]|\x{2019})*){0,3})`.
pub(super) fn place_after(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    let mut chars = t.char_indices();
    for _ in 0..=30 {
        let (q, c) = chars.next().map_or((t.len(), None), |(q, c)| (q, Some(c)));
        if word_starts(b, q) {
            let found = PLACE_WORDS.iter().filter(|w| at_cs(b, q, w)).find_map(|w| {
                let g = q + w.len() + ws_at(t, q + w.len())?;
                the_cap_name(t, g, 3, false, &Some).map(|(ge, _)| (g, ge))
            });
            if let Some((g, ge)) = found {
                return t.get(g..ge);
            }
        }
        // The lazy prefix takes one more char, none of `,.;:()`.
        if let None | Some(',' | '.' | ';' | ':' | '(' | ')') = c {
            return None;
        }
    }
    None
}

/// Verbs and prepositions a figure is the complement of ("the toll rose to", "was").
static COPULAS: WordList = WordList::new(words![
    "rose",
    "risen",
    "rises",
    "climbed",
    "climbs",
    "stood",
    "stands",
    "reached",
    "reaches",
    "jumped",
    "increased",
    "grew",
    "hit",
    "hits",
    "was",
    "is",
    "were",
    "are",
    "at",
    "to",
    "of",
    "totaled",
    "totalled",
    "came to",
    "from",
    "including",
    "with",
    "among",
    "by",
]);
/// Hedges between a copula and its figure ("rose to about").
static COPULA_HEDGES: WordList = WordList::new(words![
    "about",
    "around",
    "at least",
    "more than",
    "nearly",
    "almost",
    "some",
    "over",
]);

/// Where `lit` (ASCII, case-insensitive) then one `ws!()` char end the text at `end`: the
/// start of `lit`.
fn ends_with_word_ws(t: &str, end: usize, lit: &str) -> Option<usize> {
    let c = t
        .get(..end)?
        .chars()
        .next_back()
        .filter(|&c| c.is_whitespace())?;
    let a = (end - c.len_utf8()).checked_sub(lit.len())?;
    at_ci(t.as_bytes(), a, lit).then_some(a)
}

/// `COPULA_BEFORE`: `(?i)\b(?:rose|...|by)ws(?:tows|atws)?(?:aboutws|...|overws)?$`.
pub(super) fn copula_before(t: &str) -> bool {
    let b = t.as_bytes();
    let hedged = std::iter::once(Some(t.len())).chain(
        COPULA_HEDGES
            .iter()
            .map(|h| ends_with_word_ws(t, t.len(), h)),
    );
    hedged.flatten().any(|e1| {
        [
            Some(e1),
            ends_with_word_ws(t, e1, "to"),
            ends_with_word_ws(t, e1, "at"),
        ]
        .into_iter()
        .flatten()
        .any(|e2| {
            COPULAS
                .iter()
                .any(|v| ends_with_word_ws(t, e2, v).is_some_and(|s| word_starts(b, s)))
        })
    })
}

/// Hedges and articles between a verb and its figure ("killing at least 126").
static GAP_HEDGES: WordList = WordList::new(words![
    "at least",
    "more than",
    "fewer than",
    "less than",
    "nearly",
    "about",
    "around",
    "some",
    "over",
    "almost",
    "roughly",
    "an estimated",
    "estimated",
    "up to",
    "the",
    "a",
    "an",
    "of",
    "to",
    "by",
]);

/// `HEDGE_GAP`: `(?i)^(?:[\s,]|UNICODE_WS)*(?:(?:at least|...|by)ws+)*$`.
pub(super) fn hedge_gap(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b.get(i) == Some(&b',') {
            i += 1;
        } else if let Some(w) = ws_at(t, i) {
            i += w;
        } else {
            break;
        }
    }
    // Every phrase ends at a whitespace run, so the places it can reach are the next word or
    // the one after (two-word phrases): at most two pending positions.
    let mut pending = [Some(i), None];
    loop {
        let q = match pending {
            [Some(x), Some(y)] => x.min(y),
            [Some(x), None] | [None, Some(x)] => x,
            [None, None] => return false,
        };
        if q == b.len() {
            return true;
        }
        pending = pending.map(|p| p.filter(|&p| p != q));
        for h in GAP_HEDGES.iter() {
            if !at_ci(b, q, h) {
                continue;
            }
            let Some(w) = ws_at(t, q + h.len()) else {
                continue;
            };
            let next = skip_ws(t, q + h.len() + w);
            if !pending.contains(&Some(next)) {
                if let Some(slot) = pending.iter_mut().find(|p| p.is_none()) {
                    *slot = Some(next);
                }
            }
        }
    }
}

/// `NOUN_GAP`: `^ws*(?:[A-Za-z-]+ws+){0,2}$`.
pub(super) fn noun_gap(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = skip_ws(t, 0);
    for _ in 0..2 {
        if i == b.len() {
            return true;
        }
        let s = i;
        while b
            .get(i)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'-')
        {
            i += 1;
        }
        let e = skip_ws(t, i);
        if i == s || e == i {
            return false;
        }
        i = e;
    }
    i == b.len()
}

/// Plural heads after a rank ("second-highest officials").
const PLURALS: &[&str] = &["officials", "leaders", "members", "figures"];

/// `PLURAL_AFTER`: `(?i)^(?:[\s-]|UNICODE_WS)*(?:and\b|(?:highest|ranking|[\w-]+)?ws?
/// (?:officials|leaders|members|figures))`.
pub(super) fn plural_after(t: &str) -> bool {
    let b = t.as_bytes();
    let plural = |r: usize| lit_ci(b, r, PLURALS).is_some();
    let mut q = 0;
    loop {
        if at_ci(b, q, "and") && !b.get(q + 3).copied().is_some_and(is_word) {
            return true;
        }
        // An optional word (any part of the [\w-] run here), an optional space, the plural.
        let mut e = q;
        while b.get(e).is_some_and(|&c| is_word(c) || c == b'-') {
            e += 1;
        }
        if (q..=e).any(plural) || ws_at(t, e).is_some_and(|w| plural(e + w)) {
            return true;
        }
        // The leading run of spaces and dashes may stop anywhere.
        match t.get(q..).and_then(|s| s.chars().next()) {
            Some(c) if c == '-' || c.is_whitespace() => q += c.len_utf8(),
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The original patterns, verbatim from claims.rs before the scanners replaced them
    /// (compiled once for all tests).
    static PATTERNS: std::sync::LazyLock<Vec<(&'static str, Regex)>> =
        std::sync::LazyLock::new(patterns);

    fn patterns() -> Vec<(&'static str, Regex)> {
        let re = |p: &str| Regex::new(p).expect("valid regex");
        vec![
            (
                "according",
                re(concat!(
                    r"(?-u)(?i)\baccording to (?:the |an? )?((?:[\w'.-]|\x{2019})+(?:",
                    ws!(),
                    r"(?:[\w'.-]|\x{2019})+){0,6}?)(?:[,.;]|$|",
                    ws!(),
                    r"(?:said|show|shows|showed|data|figures|estimates?)\b)"
                )),
            ),
            (
                "figures_from",
                re(concat!(
                    r"(?-u)(?i)\b(?:statistics|data|figures|estimates?|numbers|a (?:report|tally|count|statement)) (?:from|by|released by|published by|of) (?:the )?((?:[\w'.-]|\x{2019})+(?:",
                    ws!(),
                    r"(?:[\w'.-]|\x{2019})+){0,5}?)(?:",
                    ws!(),
                    r"(?:show|shows|showed|indicate|indicated|put|said)\b|[,.;]|$)"
                )),
            ),
            (
                "measured_by",
                re(concat!(
                    r"(?-u)(?i)\b(?:measured|recorded|estimated|put|registered)",
                    ws!(),
                    r"(?:it",
                    ws!(),
                    r")?by (?:the )?((?:[\w'.-]|\x{2019})+(?:",
                    ws!(),
                    r"(?:[\w'.-]|\x{2019})+){0,5}?)(?:",
                    ws!(),
                    r"(?:at|as)\b|[,.;]|$)"
                )),
            ),
            (
                "subject_measured",
                re(concat!(
                    r"(?-u)\b((?:the",
                    ws!(),
                    r")?[A-Z](?:[\w'.-]|\x{2019})*(?:",
                    ws!(),
                    r"(?:of",
                    ws!(),
                    r")?[A-Z](?:[\w'.-]|\x{2019})*){0,5})",
                    ws!(),
                    r"(?:had",
                    ws!(),
                    r"|has",
                    ws!(),
                    r")?(?:initially",
                    ws!(),
                    r"|first",
                    ws!(),
                    r"|later",
                    ws!(),
                    r")?(?:measured|recorded|registered|put|estimated)\b"
                )),
            ),
            (
                "said",
                re(concat!(
                    r"(?-u)\b((?i:police|organi[sz]ers|officials|authorities|rescuers|the government|state media|local media|the ministry|the company|the organi[sz]ers)|(?:the",
                    ws!(),
                    r")?[A-Z](?:[\w'.-]|\x{2019})*(?:",
                    ws!(),
                    r"(?:of",
                    ws!(),
                    r")?[A-Z](?:[\w'.-]|\x{2019})*){0,5})(?:,(?u-i:[^,.;]){1,100},)?",
                    ws!(),
                    r"(?:said|says|reported|estimated|estimates|put|counted|told)\b"
                )),
            ),
            (
                "said_after",
                re(concat!(
                    r#"(?-u)\b(?:said|according to|reported)"#,
                    ws!(),
                    r#"((?i:police|organi[sz]ers|officials|authorities|rescuers|state media|local media)|(?:the"#,
                    ws!(),
                    r#")?[A-Z](?:[\w'.-]|\x{2019})*(?:"#,
                    ws!(),
                    r#"(?:of"#,
                    ws!(),
                    r#")?[A-Z](?:[\w'.-]|\x{2019})*){0,5})"#,
                    ws!(),
                    r#"*(?:(?:[,.;"]|\x{201d})|$)"#
                )),
            ),
            (
                "place_after",
                re(concat!(
                    r"(?-u)^(?u-i:[^,.;:()]){0,30}?\b(?:to|in|across|throughout|inside)",
                    ws!(),
                    r"((?:the",
                    ws!(),
                    r")?[A-Z](?:[\w'-]|\x{2019})*(?:",
                    ws!(),
                    r"(?:of",
                    ws!(),
                    r")?[A-Z](?:[\w'-]|\x{2019})*){0,3})"
                )),
            ),
            (
                "copula_before",
                re(concat!(
                    r"(?-u)(?i)\b(?:rose|risen|rises|climbed|climbs|stood|stands|reached|reaches|jumped|increased|grew|hit|hits|was|is|were|are|at|to|of|totaled|totalled|came to|from|including|with|among|by)",
                    ws!(),
                    r"(?:to",
                    ws!(),
                    r"|at",
                    ws!(),
                    r")?(?:about",
                    ws!(),
                    r"|around",
                    ws!(),
                    r"|at least",
                    ws!(),
                    r"|more than",
                    ws!(),
                    r"|nearly",
                    ws!(),
                    r"|almost",
                    ws!(),
                    r"|some",
                    ws!(),
                    r"|over",
                    ws!(),
                    r")?$"
                )),
            ),
            (
                "hedge_gap",
                re(concat!(
                    r"(?-u)(?i)^(?:[\s,]|(?u-i:[\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]))*(?:(?:at least|more than|fewer than|less than|nearly|about|around|some|over|almost|roughly|an estimated|estimated|up to|the|a|an|of|to|by)",
                    ws!(),
                    r"+)*$"
                )),
            ),
            (
                "noun_gap",
                re(concat!(
                    r"(?-u)^",
                    ws!(),
                    r"*(?:[A-Za-z-]+",
                    ws!(),
                    r"+){0,2}$"
                )),
            ),
            (
                "plural_after",
                re(concat!(
                    r"(?-u)(?i)^(?:[\s-]|(?u-i:[\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]))*(?:and\b|(?:highest|ranking|[\w-]+)?",
                    ws!(),
                    r"?(?:officials|leaders|members|figures))"
                )),
            ),
        ]
    }

    /// The scanners, by the names of [`patterns`].
    const SCANS: &[(&str, Scan)] = &[
        ("according", according),
        ("figures_from", figures_from),
        ("measured_by", measured_by),
        ("subject_measured", subject_measured),
        ("said", said),
        ("said_after", said_after),
    ];
    /// A whole-text test.
    type Test = fn(&str) -> bool;
    /// The whole-text tests, by the names of [`patterns`].
    const TESTS: &[(&str, Test)] = &[
        ("copula_before", copula_before),
        ("hedge_gap", hedge_gap),
        ("noun_gap", noun_gap),
        ("plural_after", plural_after),
    ];

    /// Runs scanner and regex on `t` and returns a description of the first difference.
    fn differs(name: &str, re: &Regex, t: &str) -> Option<String> {
        if let Some((_, scan)) = SCANS.iter().find(|s| s.0 == name) {
            let want: Vec<(usize, usize)> = re
                .captures_iter(t)
                .filter_map(|c| c.get(1).map(|g| (g.start(), g.end())))
                .collect();
            let got: Vec<(usize, usize)> = groups(t, *scan).collect();
            return (want != got)
                .then(|| format!("{name} on {t:?}: regex {want:?}, scanner {got:?}"));
        }
        if let Some((_, test)) = TESTS.iter().find(|s| s.0 == name) {
            let (want, got) = (re.is_match(t), test(t));
            return (want != got).then(|| format!("{name} on {t:?}: regex {want}, scanner {got}"));
        }
        let want = re.captures(t).and_then(|c| c.get(1)).map(|g| g.as_str());
        let got = place_after(t);
        (want != got).then(|| format!("{name} on {t:?}: regex {want:?}, scanner {got:?}"))
    }

    /// Hand-written edge cases: sources, appositions, non-ASCII spaces, curly quotes, case.
    const EDGES: &[&str] = &[
        "",
        " ",
        "according to the U.S. Geological Survey",
        "according to the U.S. Geological Survey, the quake",
        "According to an estimate by the agency, 40 died.",
        "according to A.B.C.D",
        "according to the, said",
        "according to U.S.",
        "according to 1 2 3 4 5 6 7 8 said",
        "according to one two three four five six seven.",
        "according to one two three four five six seven eight",
        "according to the ministry\u{a0}said",
        "according\u{a0}to the ministry",
        "ACCORDING TO THE MINISTRY SHOWED",
        "according to officials\u{2019} figures.",
        "data from the U.S. Census Bureau show",
        "Data released by the ministry on Tuesday indicated that",
        "a tally by Reuters, which",
        "estimates from the UN put the toll",
        "estimate of the WHO.",
        "statistics of the bank",
        "figures published by the office of statistics said",
        "measured by the USGS at 7.1",
        "was put it by the agency as",
        "recorded\u{2009}it\u{a0}by seismologists, who",
        "The U.S. Geological Survey measured the quake",
        "the U.S. Geological Survey had initially measured",
        "the Survey has later put",
        "China Earthquake Networks Center first recorded",
        "The Bank of Korea estimated",
        "police said",
        "Police said",
        "POLICE SAID",
        "policemen said",
        "Police Chief John Smith said",
        "said Jane Doe, a spokeswoman,",
        "Jane Doe, a spokeswoman, said",
        "Jane Doe, a spokeswoman for the U.S. agency, said",
        "Jane Doe,, said",
        "the government\u{a0}said",
        "The Ministry of Health said",
        "the organizers estimates",
        "officials told",
        "said police.",
        "said police",
        "said Police Chief Smith.",
        "said Mr. Smith. He added",
        "said Smith.Jones",
        "reported state media \u{201d}",
        "according to Xinhua\"",
        "said the Ministry of Foreign Affairs;",
        "said O\u{2019}Brien,",
        "said O\u{2019}Brien\u{2019}s",
        "said O'Neil-Smith .",
        "in Texas",
        "100 people in the Gulf of Mexico",
        " were killed across Northern California on",
        " inside the Old City of Jerusalem of Israel of Palestine",
        " to the",
        ", in Texas",
        "xyz abc def ghi jkl mno pqr stu vw in Texas",
        "xyz abc def ghi jkl mno pqr stu v in Texas",
        "(in Texas)",
        "in\u{a0}Texas",
        "the toll rose to ",
        "the toll rose to about\u{a0}",
        "it came to ",
        "it came  to ",
        "arose to ",
        "was at least ",
        "stood at more than ",
        "of some ",
        "by",
        "by ",
        " at least ",
        ", at least ",
        "at least",
        "an estimated ",
        "an estimated an estimated an estimated x",
        " \u{a0}, the an of ",
        "up to the ",
        "people ",
        "people in ",
        "people  in  boats ",
        "-",
        " and",
        " andy",
        " - and ",
        " senior officials",
        "-highest officials",
        "\u{a0}xofficials",
        "officials",
        " high-ranking\u{a0}leaders",
        "\u{2009}members",
    ];

    /// Every char-boundary prefix and suffix of `t`.
    fn cuts(t: &str) -> impl Iterator<Item = &str> {
        t.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(t.len()))
            .flat_map(move |i| [&t[..i], &t[i..]])
    }

    #[test]
    fn scanners_match_the_patterns_on_edge_cases() {
        let pats = &*PATTERNS;
        let mut bad = Vec::new();
        for e in EDGES {
            for t in cuts(e) {
                for (name, re) in pats {
                    bad.extend(differs(name, re, t));
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Random strings built from the tokens the patterns care about.
    #[test]
    fn scanners_match_the_patterns_on_random_texts() {
        const TOKENS: &[&str] = &[
            "according to ",
            "the ",
            "The ",
            "a ",
            "an ",
            "U.S.",
            "Survey",
            "said",
            "says",
            "police",
            "Police",
            "of",
            "of ",
            " ",
            "\u{a0}",
            "\u{2019}",
            "'",
            ".",
            ",",
            ";",
            "-",
            "\"",
            "\u{201d}",
            "Smith",
            "x",
            "by ",
            "measured",
            "put",
            "it ",
            "had ",
            "first ",
            "data ",
            "from ",
            "show",
            "at",
            "at least ",
            "in ",
            "to ",
            "rose ",
            "an estimated ",
            "officials",
            "and",
            "highest",
            "(",
            ":",
            "7",
            "\u{2009}",
            "Jane Doe, a spokeswoman, ",
        ];
        let pats = &*PATTERNS;
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut bad = Vec::new();
        for _ in 0..1500 {
            let len = next(12);
            let t: String = (0..len).map(|_| TOKENS[next(TOKENS.len())]).collect();
            for (name, re) in pats {
                bad.extend(differs(name, re, &t));
            }
        }
        bad.truncate(20);
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// The texts of the corpus: the articles (seeds, eval clusters) and the Recognizers-Text
    /// inputs.
    fn corpus() -> (Vec<String>, Vec<String>) {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut paths: Vec<std::path::PathBuf> = Vec::new();
        let mut read_dir = |dir: &str, ext: &str| {
            let Ok(rd) = std::fs::read_dir(format!("{root}/{dir}")) else {
                return;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() || p.extension().is_some_and(|x| x == ext) {
                    paths.push(p);
                }
            }
        };
        read_dir("seeds", "txt");
        read_dir("tests/eval", "md");
        read_dir("tests/recognizers-text", "jsonl");
        let (mut texts, mut inputs) = (Vec::new(), Vec::new());
        for p in paths {
            if p.is_dir() {
                for e in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                    if e.path().extension().is_some_and(|x| x == "md") {
                        texts.extend(std::fs::read_to_string(e.path()));
                    }
                }
            } else if p.extension().is_some_and(|x| x == "jsonl") {
                let body = std::fs::read_to_string(&p).unwrap_or_default();
                for line in body.lines() {
                    let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                    if let Some(s) = v.get("input").and_then(|s| s.as_str()) {
                        inputs.push(s.to_string());
                    }
                }
            } else {
                texts.extend(std::fs::read_to_string(&p));
            }
        }
        (texts, inputs)
    }

    /// Every sentence of the corpus through every pattern, and around every word the windows
    /// the call sites pass: the text after a figure (`place_after`, `plural_after`), the text
    /// before it (`copula_before`) and the gaps between a cue and a figure (`hedge_gap`,
    /// `noun_gap`).
    #[test]
    fn scanners_match_the_patterns_on_the_corpus() {
        let (articles, inputs) = corpus();
        assert!(
            articles.len() > 20 && inputs.len() > 1000,
            "corpus not found"
        );
        let pats = &*PATTERNS;
        let pat = |n: &str| pats.iter().find(|p| p.0 == n).map(|p| &p.1);
        let (Some(place), Some(plural), Some(copula), Some(hedge), Some(noun)) = (
            pat("place_after"),
            pat("plural_after"),
            pat("copula_before"),
            pat("hedge_gap"),
            pat("noun_gap"),
        ) else {
            panic!("patterns missing");
        };
        let mut bad = Vec::new();
        let mut windows = 0usize;
        let mut sentences = 0usize;
        for (k, text) in articles.iter().chain(&inputs).enumerate() {
            for r in crate::text::split_sentences(text) {
                let Some(s) = text.get(r) else { continue };
                sentences += 1;
                for (name, re) in pats.iter().take(SCANS.len()) {
                    bad.extend(differs(name, re, s));
                }
                // The windows around figures, in the articles (regex in a debug build is
                // slow: the inputs' sentences alone keep this test short).
                if k >= articles.len() {
                    continue;
                }
                let b = s.as_bytes();
                let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
                let starts: Vec<usize> = (0..b.len())
                    .filter(|&i| alnum(i) && (i == 0 || !alnum(i - 1)))
                    .collect();
                let ends: Vec<usize> = (1..=b.len())
                    .filter(|&i| alnum(i - 1) && !alnum(i))
                    .collect();
                let floor = |mut i: usize| {
                    while !s.is_char_boundary(i) {
                        i -= 1;
                    }
                    i
                };
                // Figures start with a digit; their cues and nouns end words before them.
                for &p in starts.iter().filter(|&&p| b[p].is_ascii_digit()) {
                    let lead = &s[floor(p.saturating_sub(60))..p];
                    bad.extend(differs("copula_before", copula, lead));
                    for &e in ends.iter().filter(|&&e| e <= p && e + 40 >= p) {
                        bad.extend(differs("hedge_gap", hedge, &s[e..p]));
                        windows += 1;
                    }
                }
                for &e in ends.iter().filter(|&&e| b[e - 1].is_ascii_digit()) {
                    bad.extend(differs("place_after", place, &s[e..]));
                    let after = &s[e..floor((e + 40).min(s.len()))];
                    bad.extend(differs("plural_after", plural, after));
                    for &p in starts.iter().filter(|&&p| p >= e && p <= e + 20) {
                        bad.extend(differs("noun_gap", noun, &s[e..p]));
                        windows += 1;
                    }
                }
            }
        }
        assert!(sentences > 2500 && windows > 1000, "{sentences} {windows}");
        bad.truncate(20);
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Long untrusted runs (no spaces, dots and dashes between capitals, a long apposition)
    /// give the regexes' answers and do not panic.
    #[test]
    fn scanners_match_the_patterns_on_long_runs() {
        let pats = &*PATTERNS;
        let texts = [
            "A.".repeat(500),
            "A-".repeat(500) + " said",
            format!("Jane Doe,{}, said", " x".repeat(49)),
            format!("Jane Doe,{}, said", " x".repeat(51)),
            "according to ".repeat(80),
            "\u{2019}A".repeat(300) + ".",
        ];
        let mut bad = Vec::new();
        for t in &texts {
            for (name, re) in pats {
                bad.extend(differs(name, re, t));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
