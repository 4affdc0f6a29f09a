//! The cross-source check: turns mentions into claims (measure, subjects, scope,
//! attribution), blocks and aligns claims about the same measure, and gives every group a verdict.
//!
//! - [`claims`]: mention -> claim. The measure comes from the kind, the counted noun and cue
//!   words placed around the figure (a verb right before it, the predicate after it, a copula
//!   "the toll rose to"); events for dates, venues and ordinals from the nearest event word
//!   and the people taking part (clause first, pronouns to the story's protagonist, "the two
//!   leaders" to the two most mentioned). Scope is a place (right after the figure, in its
//!   clause, or an introductory "In Boston,"), a period (a date span in the clause) and the
//!   people or named thing the figure is about; attribution from "according to", "X said",
//!   "measured by". Figures of periods more than a year before publication are background.
//! - [`names`]: people of a document, short forms, roles ("the premier"), speakers.
//! - [`align`]: blocks by measure key (near-linear: no all-pairs across blocks), splits by
//!   participants, then by stated scope and attribution; parts whose values agree merge back.
//! - [`order`]: stated orders of two meetings ("first met X, then Y"), one claim per
//!   statement, agreeing or conflicting by pair of people.
//! - [`verdict`]: hedges as intervals, precision rounding, stated currency conversions,
//!   resolved dates, weekdays, time zones; a source's own differing figures are different
//!   items; conflicts between reports published on different days (or worded "rose to") are
//!   `updated_over_time`.
//!
//! When unsure whether two claims are about the same thing, they are kept apart: a false
//! alarm costs more than a missed conflict. Output is deterministic (ordered maps, sorted groups).

pub mod align;
mod attrib;
pub mod claims;
mod cues;
pub mod names;
pub mod order;
pub mod verdict;

use crate::aliases::AliasTable;
use crate::collections::{VecMap, VecSet};
use crate::model::{Basis, Extraction, Kind};
use crate::report::{Group, Report, Verdict};
use crate::text::{self, Join, Lowercase};
use claims::ClaimInfo;
use serde::{Deserialize, Serialize};

/// Options for the check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckOptions {
    /// Extra alias sets, each a list of names for one entity, canonical name first
    /// (`[["Blue House", "Cheong Wa Dae", "the presidential office"]]`).
    pub aliases: Vec<Vec<String>>,
}

/// Checks the extractions of several sources against each other.
///
/// Without the texts, measures are derived from the mentions alone (their nouns); prefer
/// [`run_with_texts`], which reads the sentence around each mention.
pub fn run(extractions: Vec<Extraction>, options: &CheckOptions) -> Report {
    run_with_texts(extractions, &[], options)
}

/// Checks the extractions of several sources against each other, reading each source's
/// text (`texts[i]` is the original text of `extractions[i]`, the one mention offsets refer to).
pub fn run_with_texts(
    extractions: Vec<Extraction>,
    texts: &[&str],
    options: &CheckOptions,
) -> Report {
    let aliases = AliasTable::with_extra(&options.aliases);
    let infos = claims::build(&extractions, texts, &aliases);
    report(&extractions, infos)
}

/// Aligns the claims of several sources (made by [`claims::build`], or its steps) and gives
/// every group its verdict: the report.
pub fn report(extractions: &[Extraction], infos: Vec<ClaimInfo>) -> Report {
    let borrowed: Vec<&Extraction> = extractions.iter().collect();
    let groups = groups(&borrowed, &infos);
    let sources: Vec<_> = extractions.iter().map(|e| e.source.clone()).collect();
    let claims: Vec<_> = infos.into_iter().map(|c| c.claim).collect();
    Report::new(sources, claims, groups)
}

/// The groups of a report: the claims of several sources (`infos`, by source then text
/// order) aligned, each group with its verdict. [`report`] is these plus the sources and claims;
/// the extractions are borrowed (a [`crate::session::Session`] keeps its own). One type, not
/// generic over owned and borrowed: the two copies of the alignment were 4.8 KB of the wasm
/// (0.3 KB gzipped).
pub fn groups(extractions: &[&Extraction], infos: &[ClaimInfo]) -> Vec<Group> {
    make_groups(infos, extractions)
}

/// Finds the claim of a linked mention.
struct Lookup<'a> {
    claims: &'a [ClaimInfo],
    index: VecMap<(usize, usize), usize>,
}

impl verdict::Linked for Lookup<'_> {
    fn linked(&self, source: usize, mention: usize) -> Option<&ClaimInfo> {
        self.index
            .get(&(source, mention))
            .and_then(|&i| self.claims.get(i))
    }
}

/// A group before ids are given.
struct Draft {
    verdict: Verdict,
    cause: String,
    explanation: String,
    members: Vec<usize>,
    measure: String,
    kind: Kind,
}

fn draft(infos: &[ClaimInfo], members: Vec<usize>, link: &Lookup<'_>) -> Option<Draft> {
    let refs: Vec<&ClaimInfo> = members.iter().filter_map(|&i| infos.get(i)).collect();
    let first = refs.first()?;
    let (verdict, cause, explanation) = verdict::judge(&refs, link);
    Some(Draft {
        verdict,
        cause,
        explanation,
        measure: first.description.clone(),
        kind: first.claim.mention.kind,
        members,
    })
}

fn general(desc: &str) -> String {
    text::find_str(desc, " (")
        .and_then(|p| desc.get(..p))
        .unwrap_or(desc)
        .to_string()
}

/// What follows the first " (" of a description, up to the next " (" if any (the second
/// piece of `description.split(" (")`).
fn second_part(desc: &str) -> Option<&str> {
    let rest = desc.get(text::find_str(desc, " (")? + 2..)?;
    Some(
        text::find_str(rest, " (")
            .and_then(|q| rest.get(..q))
            .unwrap_or(rest),
    )
}

fn scope_label(c: &ClaimInfo, feature: &str) -> String {
    let mut parts = Vec::new();
    if feature == "different_subject" {
        if !c.participants.is_empty() {
            if let Some(p) = second_part(&c.description) {
                parts.push(p.trim_end_matches(')').to_string());
            }
        } else if let Some(w) = &c.who {
            parts.push(w.replace('+', ", "));
        }
        if let Some(t) = &c.thing {
            parts.push(t.clone());
        }
    }
    if feature != "different_subject" {
        if let Some(p) = &c.place {
            parts.push(p.clone());
        }
        if let Some(p) = &c.period {
            parts.push(p.clone());
        }
        if let Some(b) = &c.claim.attribution {
            parts.push(format!("per {b}"));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.joined(", "))
    }
}

fn not_comparable(infos: &[ClaimInfo], members: Vec<usize>, feature: &str) -> Option<Draft> {
    let first = infos.get(*members.first()?)?;
    let what = match feature {
        "different_subject" => "different people or events",
        "different_attribution" => "figures attributed to different bodies",
        _ => "different scopes (place, period or leg of a trip)",
    };
    let mut seen = VecSet::new();
    let listed: Vec<String> = members
        .iter()
        .filter_map(|&i| infos.get(i))
        .filter(|c| seen.insert((c.claim.source.clone(), c.claim.display.clone())))
        .take(4)
        .map(|c| {
            format!(
                "{} \u{201c}{}\u{201d}{}",
                c.source_name,
                c.claim.mention.text.trim(),
                scope_label(c, feature)
            )
        })
        .collect();
    Some(Draft {
        verdict: Verdict::NotComparable,
        cause: feature.to_string(),
        explanation: format!(
            "These look alike but are about {what}, so they do not contradict each other: {}.",
            listed.joined("; ")
        ),
        measure: general(&first.description),
        kind: first.claim.mention.kind,
        members,
    })
}

fn make_groups(infos: &[ClaimInfo], extractions: &[&Extraction]) -> Vec<Group> {
    let mut index = VecMap::new();
    for (i, c) in infos.iter().enumerate() {
        index.insert((c.source_index, c.mention_index), i);
    }
    let link = Lookup {
        claims: infos,
        index,
    };
    let mut drafts: Vec<Draft> = Vec::new();
    for members in align::blocks(infos, &link).into_values() {
        let classes = align::by_participants(&members, infos);
        let mut class_drafts: Vec<Vec<Draft>> = Vec::new();
        for class in &classes {
            let (parts, feature) = align::by_scope(class, infos, &link);
            let mut ds: Vec<Draft> = parts
                .into_iter()
                .filter_map(|p| draft(infos, p, &link))
                .collect();
            if let Some(f) = feature {
                ds.retain(|d| d.verdict != Verdict::SingleSource);
                if let Some(nc) = not_comparable(infos, class.clone(), f) {
                    ds.push(nc);
                }
            }
            class_drafts.push(ds);
        }
        // Different subjects whose values differ: show them side by side.
        // Dates of different events are plainly different; other look-alikes ("third
        // meeting" of Lee and Li next to "second summit" of Lee and Xi) are shown side by side.
        let is_date = members
            .first()
            .and_then(|&i| infos.get(i))
            .is_some_and(|c| matches!(c.claim.mention.kind, Kind::Date | Kind::Time));
        let mut involved: VecSet<usize> = VecSet::new();
        for a in 0..classes.len() {
            if is_date {
                break;
            }
            for b in a + 1..classes.len() {
                if align::any_differ(&classes[a], &classes[b], infos, &link) {
                    involved.insert(a);
                    involved.insert(b);
                }
            }
        }
        if !involved.is_empty() {
            let mut all: Vec<usize> = involved
                .iter()
                .flat_map(|&k| classes[k].iter().copied())
                .collect();
            all.sort_unstable();
            for &k in &involved {
                if let Some(ds) = class_drafts.get_mut(k) {
                    ds.retain(|d| d.verdict != Verdict::SingleSource);
                }
            }
            if let Some(nc) = not_comparable(infos, all, "different_subject") {
                drafts.push(nc);
            }
        }
        drafts.extend(class_drafts.into_iter().flatten());
    }
    drafts.extend(order::groups(infos));
    drafts.extend(self_checks(infos, extractions));
    drafts.extend(day_of_visit_checks(infos, extractions, &link.index));
    let order = |v: Verdict| match v {
        Verdict::Conflict => 0,
        Verdict::NotComparable => 1,
        Verdict::Agree => 2,
        _ => 3,
    };
    drafts.sort_by(|a, b| {
        order(a.verdict)
            .cmp(&order(b.verdict))
            .then(a.members.first().cmp(&b.members.first()))
            .then(a.members.len().cmp(&b.members.len()))
    });
    drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| {
            let mut sources: Vec<usize> = d
                .members
                .iter()
                .filter_map(|&i| infos.get(i))
                .map(|c| c.source_index)
                .collect();
            sources.sort_unstable();
            sources.dedup();
            Group {
                id: format!("g{}", n + 1),
                measure: d.measure,
                kind: d.kind,
                verdict: d.verdict,
                cause: d.cause,
                explanation: d.explanation,
                claims: d
                    .members
                    .iter()
                    .filter_map(|&i| infos.get(i))
                    .map(|c| c.claim.id.clone())
                    .collect(),
                sources: sources
                    .into_iter()
                    .filter_map(|s| extractions.get(s))
                    .map(|e| e.source.id.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Determiners of "day of his visit" (optional there).
const VISIT_DETS: &[&str] = &["his", "her", "their", "the", "a", "an", "its"];

/// The trip nouns of "day of his visit".
const VISIT_NOUNS: &[&str] = &["visit", "trip", "tour", "stay"];

/// True when `s` opens with "(day) of his four-day visit" after whitespace or hyphens: "of",
/// an optional determiner, at most three words (ASCII word chars and hyphens, each followed
/// by whitespace) and a trip noun ending at a word boundary. Letters match ASCII
/// case-insensitively; whitespace is the `ws!()` set (see `order::ws_len`). This was a regex,
/// kept in the tests to prove the scanner gives the same answers.
fn day_of_visit(s: &str) -> bool {
    use crate::scan::{lit_at, skip_ws, word_at, ws_len};
    let ws1 = |i: usize| Some(skip_ws(s, i)).filter(|&j| j > i);
    // Whitespace or hyphens first.
    let mut i = 0;
    loop {
        match (ws_len(s, i), s.as_bytes().get(i)) {
            (0, Some(b'-')) => i += 1,
            (0, _) => break,
            (n, _) => i += n,
        }
    }
    let of = lit_at(s, i, "day")
        .and_then(ws1)
        .and_then(|d| lit_at(s, d, "of"))
        .or_else(|| lit_at(s, i, "of"));
    let Some(p) = of.and_then(ws1) else {
        return false;
    };
    // No determiner, or one followed by optional whitespace.
    let starts = std::iter::once(p).chain(
        VISIT_DETS
            .iter()
            .filter_map(|d| lit_at(s, p, d).map(|e| skip_ws(s, e))),
    );
    for mut q in starts {
        for words in 0..=3 {
            if VISIT_NOUNS
                .iter()
                .any(|w| lit_at(s, q, w).is_some_and(|e| !word_at(s, e)))
            {
                return true;
            }
            if words == 3 {
                break;
            }
            let mut t = q;
            while word_at(s, t) || s.as_bytes().get(t) == Some(&b'-') {
                t += 1;
            }
            match ws1(t) {
                Some(next) if t > q => q = next,
                _ => break,
            }
        }
    }
    false
}

/// A resolved single day, as days since the epoch.
fn single_day(m: &crate::model::Mention) -> Option<i64> {
    let d = m.value.date()?;
    match (&d.start, &d.end) {
        (Some(s), Some(e)) if s == e => verdict::days(s),
        _ => None,
    }
}

/// "the third day of a four-day visit" on a date that does not fit the stated start.
fn day_of_visit_checks(
    infos: &[ClaimInfo],
    extractions: &[&Extraction],
    index: &VecMap<(usize, usize), usize>,
) -> Vec<Draft> {
    let mut out = Vec::new();
    for (si, ext) in extractions.iter().enumerate() {
        // The stated start of the trip: the first resolved arrival date.
        let start = infos
            .iter()
            .filter(|c| c.source_index == si && c.block.as_deref() == Some("date/arrival"))
            .find_map(|c| single_day(&c.claim.mention).map(|d| (d, c.mention_index)));
        let Some((start_day, start_idx)) = start else {
            continue;
        };
        for (mi, m) in ext.mentions.iter().enumerate() {
            if m.kind != Kind::Ordinal
                || m.noun.as_deref().map(claims::singular).as_deref() != Some("day")
            {
                continue;
            }
            let after = infos
                .get(*index.get(&(si, mi)).unwrap_or(&usize::MAX))
                .map(|c| c.sentence.as_str())
                .unwrap_or("");
            let rel = m.end.saturating_sub(m.sentence.start);
            if !after.get(rel..).is_some_and(day_of_visit) {
                continue;
            }
            let Some(n) = m
                .value
                .quantity()
                .map(|q| q.value)
                .filter(|n| (1.0..=366.0).contains(n))
            else {
                continue;
            };
            // The date of that day: a resolved day in the same sentence, else the one before.
            let day = ext.mentions[..mi]
                .iter()
                .enumerate()
                .rev()
                .chain(
                    ext.mentions
                        .iter()
                        .enumerate()
                        .skip(mi + 1)
                        .filter(|(_, o)| o.sentence.start == m.sentence.start),
                )
                .filter(|(_, o)| {
                    o.kind == Kind::Date
                        && o.sentence.start <= m.sentence.start
                        && o.end + 400 >= m.start
                })
                .find_map(|(k, o)| single_day(o).map(|d| (d, k)));
            let Some((day, day_idx)) = day else { continue };
            let expected = start_day + n as i64 - 1;
            if day == expected {
                continue;
            }
            let mut members: Vec<usize> = [start_idx, day_idx, mi]
                .iter()
                .filter_map(|k| index.get(&(si, *k)).copied())
                .collect();
            members.sort_unstable();
            members.dedup();
            out.push(Draft {
                verdict: Verdict::Conflict,
                cause: "internal_day_of_visit_mismatch".into(),
                explanation: format!(
                    "{} calls {} day {} of the trip, but a trip that began on the date it states makes that day {}.",
                    ext.source.id,
                    ext.mentions.get(day_idx).map_or("that date", |o| o.text.trim()),
                    crate::model::format_number(n),
                    crate::model::format_number((day - start_day + 1) as f64)
                ),
                measure: "day of the trip".into(),
                kind: Kind::Ordinal,
                members,
            });
        }
    }
    out
}

/// "tuesday" -> "Tuesday" (weekday names, so ASCII: `char::to_uppercase` would link
/// Unicode's upper-case table into the wasm for them).
fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

/// Checks each article against itself: a weekday that does not match the date it names.
fn self_checks(infos: &[ClaimInfo], extractions: &[&Extraction]) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut index = VecMap::new();
    for (i, c) in infos.iter().enumerate() {
        index.insert((c.source_index, c.mention_index), i);
    }
    for (si, ext) in extractions.iter().enumerate() {
        for (mi, m) in ext.mentions.iter().enumerate() {
            let Some(d) = m.value.date() else { continue };
            if m.kind != Kind::Date {
                continue;
            }
            // A weekday stated with an explicit date in one mention.
            let mut pair: Option<(usize, String, String)> = None;
            if let (Some(w), Some(s), Some(e)) = (&d.weekday, &d.start, &d.end) {
                if s == e && d.basis != Basis::WeekdayRelative && d.basis != Basis::Unresolved {
                    if let Some(actual) = verdict::weekday_of(s) {
                        if actual != w.lowercase() {
                            pair = Some((mi, w.lowercase(), s.clone()));
                        }
                    }
                }
            }
            // "Wednesday, Jan. 6, 2026" found as two mentions.
            let lower = text::trim_start_str(m.text.trim(), "on ").lowercase();
            if pair.is_none() && claims::WEEKDAYS.contains(&lower.as_str()) {
                if let Some(next) = ext.mentions.get(mi + 1) {
                    let gap = next.start.saturating_sub(m.end);
                    if next.kind == Kind::Date && next.start >= m.end && gap <= 3 {
                        if let Some(nd) = next.value.date() {
                            if let (Some(s), Some(e)) = (&nd.start, &nd.end) {
                                if s == e
                                    && matches!(
                                        nd.basis,
                                        Basis::Explicit | Basis::PublicationRelative
                                    )
                                {
                                    if let Some(actual) = verdict::weekday_of(s) {
                                        if actual != lower {
                                            pair = Some((mi + 1, lower.clone(), s.clone()));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let Some((target, stated, date)) = pair else {
                continue;
            };
            let mut members: Vec<usize> = [mi, target]
                .iter()
                .filter_map(|&k| index.get(&(si, k)).copied())
                .collect();
            members.sort_unstable();
            members.dedup();
            let actual = capitalized(verdict::weekday_of(&date).unwrap_or("another day"));
            let stated = capitalized(&stated);
            out.push(Draft {
                verdict: Verdict::Conflict,
                cause: "internal_weekday_mismatch".into(),
                explanation: format!(
                    "{} names {stated} for {date}, but {date} is a {actual}.",
                    ext.source.id
                ),
                measure: format!("weekday of {date}"),
                kind: Kind::Date,
                members,
            });
        }
    }
    out
}
