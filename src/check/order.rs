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
use crate::model::{Extraction, Kind, Mention, Qualifier, Quantity, Span, Value};
use crate::report::{Claim, Verdict};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The rule name of order claims.
pub const RULE: &str = "check.order";

/// A verb of meeting someone.
const MEET: &str = concat!(
    r"(?:met|meets|meeting|held",
    ws!(),
    r"+talks|holds",
    ws!(),
    r"+talks|talked)"
);

/// "first met X, then ... Y".
static FIRST_THEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
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
    ))
    .expect("valid regex")
});

/// "Before meeting Y, ..." / "After meeting X, ..." at a clause start.
static BEFORE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
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
    ))
    .expect("valid regex")
});

/// "Earlier Tuesday," / "Earlier in the day," / "Earlier that day," at the sentence start.
static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
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
    ))
    .expect("valid regex")
});

/// "... ahead of / before / after his meeting with Y" inside the sentence.
static AHEAD_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
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
    ))
    .expect("valid regex")
});

/// A meeting verb ("met", "held talks with") before a person.
static MEET_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u)(?i)\b{MEET}\b")).expect("valid regex"));

/// A word saying a sentence is about a meeting.
static MEETING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)(?i)\b(?:met|meets?|meeting|talks|luncheon|summit)\b").expect("valid regex")
});

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
    let v = MEET_VERB.find(hay)?;
    others(people, main, a + v.end(), b)
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
        .find(|s| {
            text.get(s.start..s.end)
                .is_some_and(|t| MEETING_WORD.is_match(t))
        })
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
        if others(people, main, a, b).len() < 2 && !EARLIER.is_match(sent) {
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
        if let Some(c) = FIRST_THEN.captures(sent) {
            if let (Some(cue), Some(all)) = (c.get(1), c.get(0)) {
                let x = others(people, main, a + cue.end(), a + all.end())
                    .first()
                    .map(|k| k.to_string());
                let y = others(people, main, a + all.end(), b)
                    .first()
                    .map(|k| k.to_string());
                push((a + cue.start(), a + cue.end()), x, y);
                continue;
            }
        }
        if let Some(c) = BEFORE_AFTER.captures(sent) {
            if let (Some(cue), Some(all)) = (c.get(1), c.get(0)) {
                // The person of the "Before meeting Y" phrase, up to its comma.
                let rest = sent.get(all.end()..).unwrap_or("");
                let phrase_end = a + all.end() + rest.find([',', ';']).unwrap_or(rest.len());
                let y = others(people, main, a + all.end(), phrase_end)
                    .first()
                    .map(|k| k.to_string());
                let x = met_in(text, people, main, phrase_end, b);
                let before = cue.as_str().eq_ignore_ascii_case("before");
                let (e, l) = if before { (x, y) } else { (y, x) };
                push((a + cue.start(), a + cue.end()), e, l);
                continue;
            }
        }
        if let Some(c) = AHEAD_OF.captures(sent) {
            if let (Some(cue), Some(all)) = (c.get(1), c.get(0)) {
                let y = others(people, main, a + all.end(), b)
                    .first()
                    .map(|k| k.to_string());
                let x = met_in(text, people, main, a, a + cue.start());
                let after = cue.as_str().eq_ignore_ascii_case("after");
                let (e, l) = if after { (y, x) } else { (x, y) };
                push((a + cue.start(), a + cue.end()), e, l);
                continue;
            }
        }
        if let Some(c) = EARLIER.captures(sent) {
            if let (Some(cue), Some(all), Some((y, after))) = (c.get(1), c.get(0), &counterpart) {
                if a >= *after {
                    let x = met_in(text, people, main, a + all.end(), b);
                    push((a + cue.start(), a + cue.end()), x, Some(y.clone()));
                }
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
            })
        })
        .collect()
}

/// Groups the order claims by pair of people: agree when every claim states the same
/// order, conflict when one says the reverse.
pub(super) fn groups(infos: &[ClaimInfo]) -> Vec<Draft> {
    let mut pairs: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
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
