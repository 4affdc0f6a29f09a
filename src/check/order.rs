//! The order of two meetings: "Lee first met Zhao, then ... Li", "Before meeting Li, Lee met
//! Zhao", "Earlier Tuesday, Lee met Zhao" (in a story about the meeting with Li), "met Zhao
//! ahead of his meeting with Li". Each statement becomes an ordinal claim anchored on its cue
//! word ("first", "Before", "Earlier"), keyed by the unordered pair of people met; the claims of
//! a pair agree when every source puts the meetings in the same order and conflict otherwise.
//!
//! Only these few wordings are read, with both people resolved by the names machinery and the
//! story's protagonist (the one doing the meeting) left out: an order is claimed only when it
//! is plainly stated.

use super::claims::ClaimInfo;
use super::names::People;
use super::Draft;
use crate::collections::VecMap;
use crate::model::{Extraction, Kind, Mention, Qualifier, Quantity, Span, Value};
use crate::report::{Claim, Verdict};
use crate::scan::{is_word, lit_at, skip_ws, word_at, ws_len};

/// The rule name of order claims.
pub const RULE: &str = "check.order";

// The patterns below were regexes (kept in the tests, which prove the scanners give the same
// results). Their semantics, reproduced by hand: a word byte is ASCII [0-9A-Za-z_] (a
// non-ASCII char is never a word char), letters match ASCII case-insensitively, and
// "whitespace" is the Unicode White_Space set of `ws!()` (see `ws_len`).

/// One-word meeting verbs ("met", "talked"), each a whole word.
const MEET_WORDS: &[&str] = &["met", "meets", "meeting", "talked"];

/// Verbs that meet when followed by whitespace and "talks" ("held talks").
const MEET_TALKS: &[&str] = &["held", "holds"];

/// Whole words saying a sentence is about a meeting.
const MEETING_WORDS: &[&str] = &[
    "met", "meet", "meets", "meeting", "talks", "luncheon", "summit",
];

/// The cues of "Before meeting Y" and "... after his talks with Y" ("ahead of" also there).
const BEFORE_AFTER: &[&str] = &["before", "after"];

/// The possessives of "before his meeting with" ("ahead of the summit with" also takes "the").
const POSSESSIVES: &[&str] = &["his", "her", "their"];

/// Meeting nouns of "ahead of his meeting with", each optionally plural with -s.
const AHEAD_NOUNS: &[&str] = &["meeting", "talks", "luncheon", "summit"];

/// What "Earlier" may be followed by, besides a weekday name: words joined by whitespace.
const EARLIER_WHEN: &[&[&str]] = &[
    &["today"],
    &["that", "day"],
    &["the", "same", "day"],
    &["in", "the", "day"],
];

/// The end of at least one whitespace char at `i`.
fn ws1(s: &str, i: usize) -> Option<usize> {
    let j = skip_ws(s, i);
    (j > i).then_some(j)
}

/// The end of `lit` at `i` when a word ends there (`lit\b`, `lit` ending in a word byte).
fn word_lit_at(s: &str, i: usize, lit: &str) -> Option<usize> {
    lit_at(s, i, lit).filter(|&e| !word_at(s, e))
}

/// The end of the words of `seq` at `i`, joined by whitespace.
fn seq_at(s: &str, i: usize, seq: &[&str]) -> Option<usize> {
    let mut pos = i;
    for (k, w) in seq.iter().enumerate() {
        if k > 0 {
            pos = ws1(s, pos)?;
        }
        pos = lit_at(s, pos, w)?;
    }
    Some(pos)
}

/// The maximal runs of word bytes of `s`, as byte ranges, in text order.
fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while b.get(i).is_some_and(|&c| !is_word(c)) {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(|&c| is_word(c)) {
            i += 1;
        }
        (i > start).then_some((start, i))
    })
}

/// True when the word `s[a..e]` is one of `list` (ASCII case-insensitively).
fn word_in(s: &str, (a, e): (usize, usize), list: &[&str]) -> bool {
    s.as_bytes()
        .get(a..e)
        .is_some_and(|w| list.iter().any(|l| w.eq_ignore_ascii_case(l.as_bytes())))
}

/// A meeting verb at `i`, ending at a word boundary: "met", "held talks"...; its end.
fn meet_at(s: &str, i: usize) -> Option<usize> {
    if let Some(e) = MEET_WORDS.iter().find_map(|w| word_lit_at(s, i, w)) {
        return Some(e);
    }
    MEET_TALKS
        .iter()
        .find_map(|w| lit_at(s, i, w))
        .and_then(|e| ws1(s, e))
        .and_then(|j| word_lit_at(s, j, "talks"))
}

/// The first meeting verb ("met", "held talks") of `s` as a whole word: its byte range.
fn meet_verb(s: &str) -> Option<(usize, usize)> {
    words(s).find_map(|(a, e)| {
        if word_in(s, (a, e), MEET_WORDS) {
            Some((a, e))
        } else if word_in(s, (a, e), MEET_TALKS) {
            meet_at(s, a).map(|end| (a, end))
        } else {
            None
        }
    })
}

/// True when `s` has a whole word saying it is about a meeting ("met", "talks", "summit").
fn meeting_word(s: &str) -> bool {
    words(s).any(|w| word_in(s, w, MEETING_WORDS))
}

/// A cue and its whole match: byte ranges of the cue word and of the statement.
type Cue = ((usize, usize), (usize, usize));

/// `,? ws+ (and ws+)? then\b` at `p`: the end of "then".
fn then_at(s: &str, p: usize) -> Option<usize> {
    let i = if s.as_bytes().get(p) == Some(&b',') {
        p + 1
    } else {
        p
    };
    let j = ws1(s, i)?;
    lit_at(s, j, "and")
        .and_then(|k| ws1(s, k))
        .and_then(|k| word_lit_at(s, k, "then"))
        .or_else(|| word_lit_at(s, j, "then"))
}

/// "first met X, then": the first "first" + meeting verb followed, within the clause (no `.`
/// or `;`), by the nearest ", then" / "and then".
fn first_then(s: &str) -> Option<Cue> {
    words(s).find_map(|(a, e)| {
        if !word_in(s, (a, e), &["first"]) {
            return None;
        }
        let mut q = meet_at(s, ws1(s, e)?)?;
        loop {
            if let Some(end) = then_at(s, q) {
                return Some(((a, e), (a, end)));
            }
            match s.get(q..).and_then(|t| t.chars().next()) {
                Some(c) if c != '.' && c != ';' => q += c.len_utf8(),
                _ => return None,
            }
        }
    })
}

/// "meeting (with)", "talks with", "his meeting with" at `p`, then one whitespace char: the end.
fn meeting_with_at(s: &str, p: usize) -> Option<usize> {
    let with_ws = |i: usize| lit_at(s, i, "with").and_then(|k| ws1_char(s, k));
    if let Some(m) = lit_at(s, p, "meeting") {
        return ws1(s, m).and_then(with_ws).or_else(|| ws1_char(s, m));
    }
    if let Some(m) = lit_at(s, p, "talks") {
        return ws1(s, m).and_then(with_ws);
    }
    let d = POSSESSIVES.iter().find_map(|w| lit_at(s, p, w))?;
    let n = ws1(s, d)?;
    let n = ["meeting", "talks"].iter().find_map(|w| lit_at(s, n, w))?;
    ws1(s, n).and_then(with_ws)
}

/// The end of exactly one whitespace char at `i`.
fn ws1_char(s: &str, i: usize) -> Option<usize> {
    match ws_len(s, i) {
        0 => None,
        n => Some(i + n),
    }
}

/// "Before meeting Y," / "after talks with Y" at the start of `s` or after a comma or
/// semicolon: the cue "before"/"after" and the whole match (from the comma) up to the person.
fn before_after(s: &str) -> Option<Cue> {
    let at = |start: usize, c: usize| -> Option<Cue> {
        let cue = BEFORE_AFTER.iter().find_map(|w| lit_at(s, c, w))?;
        let end = meeting_with_at(s, ws1(s, cue)?)?;
        Some(((c, cue), (start, end)))
    };
    at(0, 0).or_else(|| {
        s.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b',' || b == b';')
            .find_map(|(i, _)| at(i, skip_ws(s, i + 1)))
    })
}

/// "ahead of / before / after his meeting with " inside `s`: the cue and the whole match.
fn ahead_of(s: &str) -> Option<Cue> {
    words(s).find_map(|(a, e)| {
        let cue = if word_in(s, (a, e), &["ahead"]) {
            lit_at(s, ws1(s, e)?, "of")?
        } else if word_in(s, (a, e), BEFORE_AFTER) {
            e
        } else {
            return None;
        };
        let p = ws1(s, cue)?;
        let end = POSSESSIVES.iter().chain(&["the"]).find_map(|d| {
            let n = ws1(s, lit_at(s, p, d)?)?;
            AHEAD_NOUNS.iter().find_map(|w| {
                let m = lit_at(s, n, w)?;
                let with_ws = |i: usize| {
                    ws1(s, i)
                        .and_then(|k| lit_at(s, k, "with"))
                        .and_then(|k| ws1_char(s, k))
                };
                lit_at(s, m, "s").and_then(with_ws).or_else(|| with_ws(m))
            })
        })?;
        Some(((a, cue), (a, end)))
    })
}

/// "Earlier Tuesday," / "Earlier in the day," opening `s` (after any non-word chars): the
/// cue "Earlier" and the whole match from the start of `s` to the comma.
fn earlier(s: &str) -> Option<Cue> {
    let i = s.bytes().position(is_word)?;
    let e = lit_at(s, i, "earlier")?;
    let p = ws1(s, e)?;
    let when = |q: usize| -> Option<usize> {
        let w = words(s.get(q..)?).next().filter(|w| w.0 == 0)?;
        let word = s.get(q..q + w.1)?;
        let end = if word.len() <= 9
            && crate::extract::dates::is_weekday_name(&word.to_ascii_lowercase())
        {
            q + w.1
        } else {
            EARLIER_WHEN.iter().find_map(|seq| seq_at(s, q, seq))?
        };
        let c = skip_ws(s, end);
        (s.as_bytes().get(c) == Some(&b',')).then_some(c + 1)
    };
    let end = lit_at(s, p, "on")
        .and_then(|o| ws1(s, o))
        .and_then(when)
        .or_else(|| when(p))?;
    Some(((i, e), (0, end)))
}

/// One stated order: the cue word and the two people, earlier first.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the cue word in the original text.
    pub cue: (usize, usize),
    /// Byte range of the sentence.
    pub sentence: (usize, usize),
    /// Canonical key of the person met first.
    pub earlier: String,
    /// Canonical key of the person met later.
    pub later: String,
}

/// People (not the protagonist) whose occurrences lie in `a..b`, in text order.
fn others<'p>(people: &'p People, main: Option<&str>, a: usize, b: usize) -> Vec<&'p str> {
    people
        .occurrences
        .iter()
        .filter(|o| o.start >= a && o.end <= b && Some(o.key.as_str()) != main)
        .map(|o| o.key.as_str())
        .collect()
}

/// The first person met after a meeting verb in `a..b`.
fn met_in(text: &str, people: &People, main: Option<&str>, a: usize, b: usize) -> Option<String> {
    let hay = text.get(a..b)?;
    let (_, v) = meet_verb(hay)?;
    others(people, main, a + v, b)
        .first()
        .map(|k| k.to_string())
}

/// The person the story's main meeting is with: the first person other than the protagonist
/// in the first sentences that speak of a meeting.
fn main_counterpart(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    people: &People,
    main: Option<&str>,
) -> Option<(String, usize)> {
    sentences
        .iter()
        .filter(|s| !others(people, main, s.start, s.end).is_empty())
        .take(3)
        .find(|s| text.get(s.start..s.end).is_some_and(meeting_word))
        .and_then(|s| {
            others(people, main, s.start, s.end)
                .first()
                .map(|k| (k.to_string(), s.end))
        })
}

/// Finds the stated meeting orders of one source.
pub fn find(text: &str, people: &People) -> Vec<Found> {
    let main = people.protagonist();
    let sentences = crate::text::split_sentences(text);
    let counterpart = main_counterpart(text, &sentences, people, main);
    let mut out = Vec::new();
    for s in &sentences {
        let Some(sent) = text.get(s.clone()) else {
            continue;
        };
        let (a, b) = (s.start, s.end);
        let earlier_cue = earlier(sent);
        if others(people, main, a, b).len() < 2 && earlier_cue.is_none() {
            continue;
        }
        let mut push = |cue: (usize, usize), earlier: Option<String>, later: Option<String>| {
            if let (Some(e), Some(l)) = (earlier, later) {
                if e != l {
                    out.push(Found {
                        cue,
                        sentence: (a, b),
                        earlier: e,
                        later: l,
                    });
                }
            }
        };
        if let Some(((c0, c1), (_, end))) = first_then(sent) {
            let x = others(people, main, a + c1, a + end)
                .first()
                .map(|k| k.to_string());
            let y = others(people, main, a + end, b)
                .first()
                .map(|k| k.to_string());
            push((a + c0, a + c1), x, y);
            continue;
        }
        if let Some(((c0, c1), (_, end))) = before_after(sent) {
            // The person of the "Before meeting Y" phrase, up to its comma.
            let rest = sent.get(end..).unwrap_or("");
            let phrase_end = a + end + rest.find([',', ';']).unwrap_or(rest.len());
            let y = others(people, main, a + end, phrase_end)
                .first()
                .map(|k| k.to_string());
            let x = met_in(text, people, main, phrase_end, b);
            let before = sent
                .get(c0..c1)
                .is_some_and(|c| c.eq_ignore_ascii_case("before"));
            let (e, l) = if before { (x, y) } else { (y, x) };
            push((a + c0, a + c1), e, l);
            continue;
        }
        if let Some(((c0, c1), (_, end))) = ahead_of(sent) {
            let y = others(people, main, a + end, b)
                .first()
                .map(|k| k.to_string());
            let x = met_in(text, people, main, a, a + c0);
            let after = sent
                .get(c0..c1)
                .is_some_and(|c| c.eq_ignore_ascii_case("after"));
            let (e, l) = if after { (y, x) } else { (x, y) };
            push((a + c0, a + c1), e, l);
            continue;
        }
        if let (Some(((c0, c1), (_, end))), Some((y, after))) = (earlier_cue, &counterpart) {
            if a >= *after {
                let x = met_in(text, people, main, a + end, b);
                push((a + c0, a + c1), x, Some(y.clone()));
            }
        }
    }
    out
}

fn utf16(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.encode_utf16().count())
}

fn span(text: &str, (a, b): (usize, usize)) -> Span {
    Span {
        start: a,
        end: b,
        start_utf16: utf16(text, a),
        end_utf16: utf16(text, b),
    }
}

/// The claims of one source's stated orders, numbered after its mention claims.
pub fn claims(
    found: &[Found],
    text: &str,
    people: &People,
    published: Option<&String>,
    si: usize,
    ext: &Extraction,
) -> Vec<ClaimInfo> {
    let n = ext.mentions.len();
    let name = |k: &str| people.display.get(k).cloned().unwrap_or_else(|| k.into());
    found
        .iter()
        .enumerate()
        .filter_map(|(k, f)| {
            let (first, second) = if f.earlier <= f.later {
                (&f.earlier, &f.later)
            } else {
                (&f.later, &f.earlier)
            };
            // The position of the meeting with the first of the sorted pair.
            let position = if first == &f.earlier { 1.0 } else { 2.0 };
            let cue = span(text, f.cue);
            let sentence = span(text, f.sentence);
            let mention = Mention {
                kind: Kind::Ordinal,
                text: text.get(f.cue.0..f.cue.1)?.to_string(),
                start: cue.start,
                end: cue.end,
                start_utf16: cue.start_utf16,
                end_utf16: cue.end_utf16,
                value: Value::Quantity(Quantity::exact(position, 1.0)),
                qualifier: Qualifier::Exact,
                noun: Some("meeting".into()),
                sentence,
                linked: None,
                rule: RULE.into(),
            };
            let source_name = match &ext.source.metadata.outlet {
                Some(o) if !o.value.trim().is_empty() => {
                    format!("{} ({})", o.value.trim(), ext.source.id)
                }
                _ => ext.source.id.clone(),
            };
            let pair = vec![first.clone(), second.clone()];
            Some(ClaimInfo {
                claim: Claim {
                    id: format!("{}#{}", ext.source.id, n + k + 1),
                    source: ext.source.id.clone(),
                    mention,
                    display: format!("{} before {}", f.earlier, f.later),
                    measure: Some(format!("order/meetings/{first}+{second}")),
                    subjects: vec![name(&f.earlier), name(&f.later)],
                    scope: None,
                    attribution: None,
                },
                source_index: si,
                published: published.cloned(),
                block: None,
                participants: pair,
                by_participants: true,
                place: None,
                period: None,
                body: None,
                who: None,
                thing: None,
                updated: false,
                description: format!(
                    "order of the meetings ({}\u{2013}{})",
                    name(first),
                    name(second)
                ),
                sign: 1.0,
                sentence: text.get(f.sentence.0..f.sentence.1)?.to_string(),
                source_name,
                mention_index: n + k,
                compare_key: std::cell::OnceCell::new(),
            })
        })
        .collect()
}

/// Groups the order claims by pair of people: agree when every claim states the same
/// order, conflict when one says the reverse.
pub(super) fn groups(infos: &[ClaimInfo]) -> Vec<Draft> {
    let mut pairs: VecMap<&str, Vec<usize>> = VecMap::new();
    for (i, c) in infos.iter().enumerate() {
        if c.claim.mention.rule == RULE {
            if let Some(m) = &c.claim.measure {
                pairs.entry(m.as_str()).or_default().push(i);
            }
        }
    }
    let mut out = Vec::new();
    for members in pairs.into_values() {
        let refs: Vec<&ClaimInfo> = members.iter().filter_map(|&i| infos.get(i)).collect();
        let Some(first) = refs.first() else { continue };
        let mut sources: Vec<usize> = refs.iter().map(|c| c.source_index).collect();
        sources.sort_unstable();
        sources.dedup();
        let reversed = refs.iter().find(|c| c.claim.display != first.claim.display);
        let said = |c: &ClaimInfo| {
            format!(
                "{} \u{201c}{}\u{201d}: {} before {}",
                c.source_name,
                c.claim.mention.text.trim(),
                c.claim.subjects.first().map_or("", String::as_str),
                c.claim.subjects.get(1).map_or("", String::as_str)
            )
        };
        let (verdict, cause, explanation) = if let Some(r) = reversed {
            (
                Verdict::Conflict,
                "order_mismatch",
                format!(
                    "The sources disagree on which meeting came first: {}; {}.",
                    said(first),
                    said(r)
                ),
            )
        } else if sources.len() > 1 {
            (
                Verdict::Agree,
                "same_order",
                format!(
                    "All {} sources say the meeting with {} came before the one with {}.",
                    sources.len(),
                    first.claim.subjects.first().map_or("", String::as_str),
                    first.claim.subjects.get(1).map_or("", String::as_str)
                ),
            )
        } else {
            (
                Verdict::SingleSource,
                "single_source",
                format!(
                    "Only {} states the order of the meetings: {} before {}.",
                    first.source_name,
                    first.claim.subjects.first().map_or("", String::as_str),
                    first.claim.subjects.get(1).map_or("", String::as_str)
                ),
            )
        };
        out.push(Draft {
            verdict,
            cause: cause.into(),
            explanation,
            measure: first.description.clone(),
            kind: Kind::Ordinal,
            members,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    //! Differential tests: every scanner against the regex it replaced, on every sentence of
    //! the seeds, the eval clusters and the Recognizers-Text inputs, on the slices the call
    //! sites pass, on hand-written edge cases and on random strings of the patterns' words.
    use super::*;
    use regex::Regex;

    const MEET: &str = concat!(
        r"(?:met|meets|meeting|held",
        ws!(),
        r"+talks|holds",
        ws!(),
        r"+talks|talked)"
    );

    fn re(p: &str) -> Regex {
        Regex::new(p).expect("valid regex")
    }

    /// The original patterns, as they were in this file and in check/mod.rs.
    struct Originals {
        first_then: Regex,
        before_after: Regex,
        earlier: Regex,
        ahead_of: Regex,
        meet_verb: Regex,
        meeting_word: Regex,
        day_of_visit: Regex,
    }

    fn originals() -> Originals {
        Originals {
            first_then: re(&format!(
                concat!(
                    r"(?-u)(?i)\b(first)",
                    ws!(),
                    r"+{MEET}\b(?u-i:[^.;])*?,?",
                    ws!(),
                    r"+(?:and",
                    ws!(),
                    r"+)?then\b"
                ),
                MEET = MEET
            )),
            before_after: re(concat!(
                r"(?-u)(?i)(?:^|[,;]",
                ws!(),
                r"*)(before|after)",
                ws!(),
                r"+(?:meeting(?:",
                ws!(),
                r"+with)?|talks",
                ws!(),
                r"+with|(?:his|her|their)",
                ws!(),
                r"+(?:meeting|talks)",
                ws!(),
                r"+with)",
                ws!()
            )),
            earlier: re(concat!(
                r"(?-u)(?i)^(?u-i:[^0-9A-Za-z_])*(earlier)",
                ws!(),
                r"+(?:on",
                ws!(),
                r"+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|that",
                ws!(),
                r"+day|the",
                ws!(),
                r"+same",
                ws!(),
                r"+day|in",
                ws!(),
                r"+the",
                ws!(),
                r"+day)",
                ws!(),
                r"*,"
            )),
            ahead_of: re(concat!(
                r"(?-u)(?i)\b(ahead",
                ws!(),
                r"+of|before|after)",
                ws!(),
                r"+(?:his|her|their|the)",
                ws!(),
                r"+(?:meeting|talks|luncheon|summit)s?",
                ws!(),
                r"+with",
                ws!()
            )),
            meet_verb: re(&format!(r"(?-u)(?i)\b{MEET}\b")),
            meeting_word: re(r"(?-u)(?i)\b(?:met|meets?|meeting|talks|luncheon|summit)\b"),
            day_of_visit: re(concat!(
                r"(?-u)(?i)^(?:[\s-]|(?u-i:[\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]))*(?:day",
                ws!(),
                r"+)?of",
                ws!(),
                r"+(?:his|her|their|the|a|an|its)?",
                ws!(),
                r"*(?:[\w-]+",
                ws!(),
                r"+){0,3}(?:visit|trip|tour|stay)\b"
            )),
        }
    }

    /// Group 1 and group 0 of the first match of `r` in `s`.
    fn cue(r: &Regex, s: &str) -> Option<Cue> {
        let c = r.captures(s)?;
        let (g1, g0) = (c.get(1)?, c.get(0)?);
        Some(((g1.start(), g1.end()), (g0.start(), g0.end())))
    }

    /// Runs the regex `f` only when `t` contains one of the words its pattern cannot match
    /// without (ASCII case-insensitively), else gives its no-match answer: a regex is slow in a
    /// debug build, and this keeps the corpus test fast. `RAW` turns the shortcut off.
    fn unless_absent<T: Default>(t: &str, needed: &[&str], f: impl FnOnce() -> T) -> T {
        let lower = t.to_ascii_lowercase();
        if RAW.with(|r| r.get()) || needed.iter().any(|w| lower.contains(w)) {
            f()
        } else {
            T::default()
        }
    }

    thread_local! {
        /// When set, every regex runs (the exhaustive test).
        static RAW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Asserts every scanner agrees with its regex on `s`.
    fn same(o: &Originals, s: &str) {
        let want = unless_absent(s, &["first"], || cue(&o.first_then, s));
        assert_eq!(first_then(s), want, "first_then {s:?}");
        let want = unless_absent(s, &["before", "after"], || cue(&o.before_after, s));
        assert_eq!(before_after(s), want, "before_after {s:?}");
        let want = unless_absent(s, &["with"], || cue(&o.ahead_of, s));
        assert_eq!(ahead_of(s), want, "ahead_of {s:?}");
        let want = unless_absent(s, &["earlier"], || cue(&o.earlier, s));
        assert_eq!(earlier(s), want, "earlier {s:?}");
        let want = unless_absent(s, &["met", "meet", "talks", "luncheon", "summit"], || {
            o.meeting_word.is_match(s)
        });
        assert_eq!(meeting_word(s), want, "meeting_word {s:?}");
        same_slice(o, s);
    }

    /// Asserts the scanners used on slices (`met_in`, the day-of-visit test) agree on `t`.
    fn same_slice(o: &Originals, t: &str) {
        let want = unless_absent(t, &["met", "meet", "held", "holds", "talked"], || {
            o.meet_verb.find(t).map(|m| (m.start(), m.end()))
        });
        assert_eq!(meet_verb(t), want, "meet_verb {t:?}");
        // The pattern is anchored: "day" or "of" must open `t` after whitespace and hyphens
        // (Rust's White_Space is the set of `ws!()`).
        let head = t.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
        let want = unless_absent(head.get(..3).unwrap_or(head), &["day", "of"], || {
            o.day_of_visit.is_match(t)
        });
        assert_eq!(crate::check::day_of_visit(t), want, "day_of_visit {t:?}");
    }

    /// Asserts the slice scanners agree on the slices of `s` the call sites cut: from a word
    /// start, comma or semicolon to the end, from the start to a word start, and from a word
    /// end to the end (the day-of-visit test starts after an ordinal); every char boundary
    /// when `all`.
    fn same_cuts(o: &Originals, s: &str, all: bool) {
        let b = s.as_bytes();
        for i in (1..s.len()).filter(|&i| s.is_char_boundary(i)) {
            let start = word_at(s, i) && !word_at(s, i - 1);
            let end = !word_at(s, i) && word_at(s, i - 1);
            let stop = matches!(b.get(i), Some(b',' | b';'));
            if all || start || stop || end {
                same_slice(o, s.get(i..).unwrap_or(""));
            }
            if all || start {
                same_slice(o, s.get(..i).unwrap_or(""));
            }
        }
    }

    /// A random string of `PIECES` (xorshift state `x`).
    fn random(x: &mut u64) -> String {
        let mut next = || {
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            *x
        };
        let n = 1 + (next() % 12) as usize;
        (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect()
    }

    /// The sentences of the seeds, the eval clusters and the Recognizers-Text inputs.
    fn corpus() -> Vec<String> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut texts = Vec::new();
        let mut read_dir = |dir: &str, ext: &str| {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .expect("corpus dir")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            paths.sort();
            for p in paths {
                if p.is_dir() {
                    for f in std::fs::read_dir(&p).expect("eval dir").flatten() {
                        if f.path().extension().is_some_and(|x| x == ext) {
                            texts.push(std::fs::read_to_string(f.path()).expect("UTF-8"));
                        }
                    }
                } else if p.extension().is_some_and(|x| x == ext) {
                    texts.push(std::fs::read_to_string(&p).expect("UTF-8"));
                }
            }
        };
        read_dir("seeds", "txt");
        read_dir("tests/eval", "md");
        let mut out = Vec::new();
        for t in &texts {
            for r in crate::text::split_sentences(t) {
                out.extend(t.get(r).map(str::to_string));
            }
        }
        let rt = format!("{root}/tests/recognizers-text");
        let mut files: Vec<_> = std::fs::read_dir(rt)
            .expect("recognizers-text")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        for f in files {
            let body = std::fs::read_to_string(f).expect("UTF-8");
            for line in body.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
                out.extend(v["input"].as_str().map(str::to_string));
            }
        }
        out
    }

    /// Hand-written ordering statements and traps.
    const EDGES: &[&str] = &[
        "",
        " ",
        "Before meeting Li, Lee met Zhao.",
        "Before meeting with Li, Lee met Zhao",
        "before meeting  with\u{a0}Li",
        "Before meeting withdrawn Li",
        "Before meeting\u{a0}Li",
        "Before meeting",
        "Before meetings with Li",
        ", after talks with Li",
        "; after his talks with Xi",
        "X,\u{2009}before their meeting with Y",
        "X,\u{a0} AFTER HER MEETING WITH Y",
        "Earlier Tuesday, Lee met Zhao.",
        "\u{201c}Earlier on Tuesday , Lee met Zhao",
        "Earlier on\u{a0}tuesday\u{a0},",
        "Earlier that  day, he met",
        "Earlier the same day,",
        "Earlier in the day,",
        "Earlier in the day",
        "Earlier Tuesdays, x",
        "Earlier today,",
        "Earlier todays,",
        "Earlier on, he met",
        "Earlier on on Monday,",
        "— Earlier Friday, x",
        "1 Earlier Friday, x",
        "Earlierr Friday,",
        "Lee first met Zhao, then Li.",
        "Lee first met Zhao and then Li.",
        "Lee first met Zhao; then Li.",
        "Lee first held talks with Zhao,  and  then with Li",
        "first holds\u{2003}talks with Zhao then Li",
        "first meets Zhao, then, Li, then Li",
        "firstmet Zhao, then",
        "first metZhao, then",
        "first met Zhao, thence",
        "first met Zhao, and thenceforth, then Li",
        "First met x,then y",
        "first first met x , then",
        "Lee met Zhao ahead of his talks with Li.",
        "Lee met Zhao ahead  of the summits with Li",
        "Lee met Zhao ahead of their meetingss with Li",
        "Lee met Zhao ahead of theirs meeting with Li",
        "Lee met Zhao after the luncheon with\u{202f}Li",
        "Lee met Zhao before her summit with",
        "aheadof his talks with Li",
        "the meeting summit talks luncheon meets meet met",
        "Lee\u{2019}s meeting",
        "held talks",
        "held  talksx held\ttalks",
        "heldtalks talked",
        "day two of the visit",
        "day of his four-day visit",
        "of his four-day state visit",
        "of a three day long visit",
        "of the first official state visit",
        " - of their visits",
        "of thevisit",
        "of avisit",
        "of an-visit",
        "of its trip-",
        "of its tour_",
        "day\u{a0}of\u{3000}the stay",
        "dayof the visit",
        "of",
        "of ",
        "DAY OF HIS VISIT",
        "of his long long long long visit",
        "of his long long long visit",
        "of his long, visit",
        "\u{85}of the trip",
    ];

    /// Words of the patterns and nearby traps, for random strings.
    const PIECES: &[&str] = &[
        "first", "met", "meets", "meet", "meeting", "held", "holds", "talks", "talked", "then",
        "and", "before", "after", "ahead", "of", "his", "her", "their", "the", "a", "an", "its",
        "with", "luncheon", "summit", "s", "earlier", "on", "tuesday", "today", "that", "day",
        "same", "in", "visit", "trip", "tour", "stay", "Li", "x", "-", "_", "1", " ", " ", " ",
        "  ", ",", ", ", ";", ".", "\u{a0}", "\u{2009}", "\u{2019}", "\u{201c}", "\t", "\n",
        "Before", "AFTER", "Then", "MET", "\u{85}", "\u{3000}",
    ];

    #[test]
    fn scanners_match_the_regexes_they_replaced() {
        let o = originals();
        for s in EDGES {
            same(&o, s);
            same_cuts(&o, s, true);
        }
        for s in corpus() {
            same(&o, &s);
            same_cuts(&o, &s, false);
        }
        let mut x = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3_000 {
            same(&o, &random(&mut x));
        }
    }

    /// The same on every char boundary of the corpus and on 200 000 random strings (slow in a
    /// debug build: `cargo test --release -- --ignored`).
    #[test]
    #[ignore]
    fn scanners_match_the_regexes_everywhere() {
        RAW.with(|r| r.set(true));
        let o = originals();
        for s in corpus() {
            same_cuts(&o, &s, true);
        }
        let mut x = 0x2545_f491_4f6c_dd1d;
        for _ in 0..200_000 {
            same(&o, &random(&mut x));
        }
    }

    #[test]
    fn scanners_find_ordering_statements() {
        let s = "Before meeting Li, Lee met Zhao.";
        assert_eq!(before_after(s), Some(((0, 6), (0, 15))));
        assert_eq!(meet_verb(s), Some((7, 14)));
        assert_eq!(meet_verb("Li, Lee met Zhao."), Some((8, 11)));
        let s = "Lee first met Zhao, and then Li.";
        assert_eq!(first_then(s), Some(((4, 9), (4, 28))));
        assert_eq!(earlier("Earlier Tuesday, x"), Some(((0, 7), (0, 16))));
        assert_eq!(earlier("Earlier, x"), None);
        assert!(meeting_word("the summit."));
        assert!(!meeting_word("the summits."));
        assert!(crate::check::day_of_visit("-day of his four-day visit"));
        assert!(!crate::check::day_of_visit("day of his four-day visits"));
    }
}
