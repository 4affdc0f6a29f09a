//! Comparison rules: whether two claims about the same measure state the same value
//! (after hedges, precision, units, currencies, date resolution and time zones), and the
//! verdict, cause and explanation of a group of them.

use super::claims::{ClaimInfo, WEEKDAYS};
use crate::collections::{VecMap, VecSet};
use crate::model::{DateValue, Kind, Qualifier, Quantity, Value};
use crate::num::parse_int;
use crate::report::Verdict;
use crate::text::Lowercase;

/// How two values relate, with the name of the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// Compatible values.
    Same(&'static str),
    /// Incompatible values.
    Differ(&'static str),
    /// Cannot be compared (unresolved date, currencies without a stated conversion).
    Unknown(&'static str),
}

/// Looks up the claim of a linked mention (same source, mention index).
pub trait Linked {
    /// The claim of mention `mention` of source `source`, if any.
    fn linked(&self, source: usize, mention: usize) -> Option<&ClaimInfo>;
}

fn rel_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The interval a figure stands for, given its hedge.
fn hedge_interval(q: &Quantity, qual: Qualifier, scale: f64) -> (f64, f64) {
    let v = q.value * scale;
    let p = q.precision.abs() * scale;
    let (lo, hi) = match qual {
        Qualifier::Exact => (v - p / 2.0, v + p / 2.0),
        Qualifier::Approximate => (v.min(v * 0.9) - p / 2.0, v.max(v * 1.1) + p / 2.0),
        Qualifier::AtLeast => (v, v * 1.25 + p),
        Qualifier::MoreThan => (v, v * 1.25 + p),
        Qualifier::AtMost => (v * 0.75 - p, v),
        Qualifier::LessThan => (v * 0.75 - p, v),
        Qualifier::Range => (q.low * scale - p / 2.0, q.high * scale + p / 2.0),
    };
    // The extractor's own interval, when finite and wider ("hundreds" is 200 to 999).
    let (lo, hi) = if qual != Qualifier::Exact
        && q.low.is_finite()
        && q.high.is_finite()
        && q.high < 1e300
        && q.low <= q.high
    {
        (lo.min(q.low * scale), hi.max(q.high * scale))
    } else {
        (lo, hi)
    };
    (lo.min(hi), hi.max(lo))
}

/// Compares two figures in the same unit, scaled by `sa`/`sb` (seconds per unit for durations).
pub fn quantities(
    a: &Quantity,
    qa: Qualifier,
    sa: f64,
    b: &Quantity,
    qb: Qualifier,
    sb: f64,
) -> Rel {
    let (va, vb) = (a.value * sa, b.value * sb);
    let share = |q: &Quantity| q.unit.as_deref() == Some(super::claims::FRACTION);
    if share(a) && share(b) {
        return shares(va, qa, vb, qb);
    }
    if qa == Qualifier::Exact && qb == Qualifier::Exact {
        if rel_eq(va, vb) {
            return Rel::Same("same_value");
        }
        let (pa, pb) = (a.precision.abs() * sa, b.precision.abs() * sb);
        if pa > 0.0 && pb > 0.0 && !rel_eq(pa, pb) {
            // Round the finer figure to the coarser precision.
            let (fine, coarse, pc) = if pa < pb { (va, vb, pb) } else { (vb, va, pa) };
            if rel_eq((fine / pc).round() * pc, coarse) {
                return Rel::Same("rounding");
            }
        }
        return Rel::Differ("value_mismatch");
    }
    let (la, ha) = hedge_interval(a, qa, sa);
    let (lb, hb) = hedge_interval(b, qb, sb);
    if la <= hb && lb <= ha {
        Rel::Same("within_hedge")
    } else {
        Rel::Differ("outside_hedge")
    }
}

/// Days since 1970-01-01 of an ISO date.
pub fn days(iso: &str) -> Option<i64> {
    let mut it = iso.get(..10)?.split('-');
    let y = parse_int(it.next()?)?;
    let m = parse_int(it.next()?)?;
    let d = parse_int(it.next()?)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// The weekday name of an ISO date.
pub fn weekday_of(iso: &str) -> Option<&'static str> {
    let d = days(iso)?;
    // 1970-01-01 was a Thursday (index 3).
    WEEKDAYS.get((d + 3).rem_euclid(7) as usize).copied()
}

fn minutes(t: &str) -> Option<i64> {
    let mut it = t.split(':');
    let h = parse_int(it.next()?)?;
    let m = parse_int(it.next().unwrap_or("0"))?;
    Some(h * 60 + m)
}

/// The UTC instant (minutes since epoch) of a date with a clock time and a known zone.
fn instant(d: &DateValue) -> Option<i64> {
    let day = days(d.start.as_deref()?)?;
    let t = minutes(d.time.as_deref()?)?;
    Some(day * 1440 + t - i64::from(d.utc_offset_minutes?))
}

fn weekday_name(d: &DateValue) -> Option<String> {
    if let Some(w) = &d.weekday {
        return Some(w.lowercase());
    }
    match (&d.start, &d.end) {
        (Some(s), Some(e)) if s == e => weekday_of(s).map(str::to_string),
        _ => None,
    }
}

/// Compares two dates or times.
pub fn dates(a: &DateValue, b: &DateValue) -> Rel {
    if let (Some(ia), Some(ib)) = (instant(a), instant(b)) {
        return if (ia - ib).abs() <= 1 {
            if a.utc_offset_minutes != b.utc_offset_minutes {
                Rel::Same("same_instant_across_zones")
            } else {
                Rel::Same("same_time")
            }
        } else {
            Rel::Differ("time_mismatch")
        };
    }
    // Clock times without a calendar day: compare the times (in one zone, or both known).
    if let (Some(ta), Some(tb)) = (
        a.time.as_deref().and_then(minutes),
        b.time.as_deref().and_then(minutes),
    ) {
        if a.start.is_none() || b.start.is_none() || a.start == b.start {
            // A bare clock time in a news report is local time, as "local time" says
            // outright: two local times compare as they stand.
            let local = |d: &DateValue| {
                d.utc_offset_minutes.is_none()
                    && d.zone.as_deref().map_or(true, |z| z == "local time")
            };
            let shift = match (a.utc_offset_minutes, b.utc_offset_minutes) {
                (Some(x), Some(y)) => Some(i64::from(x) - i64::from(y)),
                _ if local(a) && local(b) => Some(0),
                _ => None,
            };
            return match shift {
                Some(d) if (ta - d - tb).rem_euclid(1440) == 0 => Rel::Same("same_time"),
                Some(_) if a.start.is_none() || b.start.is_none() || a.start == b.start => {
                    Rel::Differ("time_mismatch")
                }
                _ => Rel::Unknown("time_zone_unknown"),
            };
        }
    }
    match (
        a.start.as_deref().and_then(days),
        a.end.as_deref().and_then(days),
        b.start.as_deref().and_then(days),
        b.end.as_deref().and_then(days),
    ) {
        (Some(sa), ea, Some(sb), eb) => {
            let ea = ea.unwrap_or(sa);
            let eb = eb.unwrap_or(sb);
            if sa <= eb && sb <= ea {
                if sa == sb && ea == eb {
                    if a.time.is_some() && b.time.is_some() && a.time != b.time {
                        return Rel::Differ("time_mismatch");
                    }
                    Rel::Same("same_date")
                } else {
                    Rel::Same("date_within_range")
                }
            } else if (a.time.is_some() && a.utc_offset_minutes.is_some()
                || b.time.is_some() && b.utc_offset_minutes.is_some())
                && (sa - eb).abs() <= 1
                && (sb - ea).abs() <= 1
            {
                // "2345 GMT Sunday" is Monday morning in Beijing.
                Rel::Same("time_zone")
            } else if (sa - eb).abs().min((sb - ea).abs()) > 14 {
                // Weeks apart: an earlier occasion mentioned in passing, not the same event.
                Rel::Unknown("different_occasions")
            } else {
                Rel::Differ("date_mismatch")
            }
        }
        _ => match (weekday_name(a), weekday_name(b)) {
            (Some(wa), Some(wb)) if wa == wb => Rel::Same("same_weekday"),
            _ => Rel::Unknown("unresolved_date"),
        },
    }
}

/// Content words of a venue or title, for containment.
fn words(s: &str) -> VecSet<String> {
    const STOP: &[&str] = &["the", "of", "a", "an", "in", "at", "and", "'s", "s"];
    s.lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// Role words that change what a title means.
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "former",
    "acting",
    "interim",
    "assistant",
    "ex",
];

/// Compares two titles of the same person.
fn titles(a: &str, b: &str) -> Rel {
    let (wa, wb) = (words(a), words(b));
    let ma: VecSet<&str> = TITLE_MODIFIERS
        .iter()
        .copied()
        .filter(|m| wa.contains(*m))
        .collect();
    let mb: VecSet<&str> = TITLE_MODIFIERS
        .iter()
        .copied()
        .filter(|m| wb.contains(*m))
        .collect();
    let common = wa
        .intersection(&wb)
        .filter(|w| !TITLE_MODIFIERS.contains(&w.as_str()))
        .count();
    if ma != mb && common > 0 {
        return Rel::Differ("title_mismatch");
    }
    if wa == wb || wa.is_subset(&wb) || wb.is_subset(&wa) {
        return Rel::Same("same_title");
    }
    // People hold several titles at once: different wording is not a contradiction.
    Rel::Unknown("different_titles")
}

/// Compares two venues: the same when one name contains the other or the other's sentence names it.
fn venues(a: &ClaimInfo, ta: &str, b: &ClaimInfo, tb: &str) -> Rel {
    let (wa, wb) = (words(ta), words(tb));
    if wa.is_empty() || wb.is_empty() {
        return Rel::Unknown("empty_venue");
    }
    if wa.is_subset(&wb) || wb.is_subset(&wa) {
        return Rel::Same("same_venue");
    }
    let (sa, sb) = (words(&a.sentence), words(&b.sentence));
    if wa.is_subset(&sb) || wb.is_subset(&sa) {
        return Rel::Same("venue_within_place");
    }
    Rel::Differ("venue_mismatch")
}

/// Compares the values of two claims about the same measure.
/// Compares two shares of a whole as proportions: equal within 0.0001 ("two-thirds" and
/// "2/3"); "more than half" is anything above one half up to the whole.
fn shares(va: f64, qa: Qualifier, vb: f64, qb: Qualifier) -> Rel {
    const EPS: f64 = 1e-4;
    let interval = |v: f64, q: Qualifier| match q {
        Qualifier::Exact | Qualifier::Range => (v - EPS, v + EPS),
        Qualifier::Approximate => (v * 0.9 - EPS, v * 1.1 + EPS),
        Qualifier::AtLeast | Qualifier::MoreThan => (v - EPS, 1.0 + EPS),
        Qualifier::AtMost | Qualifier::LessThan => (-EPS, v + EPS),
    };
    if qa == Qualifier::Exact && qb == Qualifier::Exact {
        return if (va - vb).abs() <= EPS {
            Rel::Same("same_value")
        } else {
            Rel::Differ("value_mismatch")
        };
    }
    let ((la, ha), (lb, hb)) = (interval(va, qa), interval(vb, qb));
    if la <= hb && lb <= ha {
        Rel::Same("within_hedge")
    } else {
        Rel::Differ("outside_hedge")
    }
}

pub fn compare(a: &ClaimInfo, b: &ClaimInfo, link: &dyn Linked) -> Rel {
    let (ma, mb) = (&a.claim.mention, &b.claim.mention);
    match (&ma.value, &mb.value) {
        (Value::Quantity(qa), Value::Quantity(qb)) => {
            if qa.unit != qb.unit {
                if ma.kind == Kind::Money {
                    // Only through a conversion the sources state.
                    let la = ma.linked.and_then(|i| link.linked(a.source_index, i));
                    let lb = mb.linked.and_then(|i| link.linked(b.source_index, i));
                    for (x, y) in [(la, Some(b)), (Some(a), lb), (la, lb)] {
                        if let (Some(x), Some(y)) = (x, y) {
                            let (Some(qx), Some(qy)) = (
                                x.claim.mention.value.quantity(),
                                y.claim.mention.value.quantity(),
                            ) else {
                                continue;
                            };
                            if qx.unit == qy.unit {
                                return match quantities(
                                    qx,
                                    x.claim.mention.qualifier,
                                    1.0,
                                    qy,
                                    y.claim.mention.qualifier,
                                    1.0,
                                ) {
                                    Rel::Same(_) => Rel::Same("stated_conversion"),
                                    other => other,
                                };
                            }
                        }
                    }
                    return Rel::Unknown("different_currency");
                }
                return Rel::Unknown("different_unit");
            }
            quantities(qa, ma.qualifier, a.sign, qb, mb.qualifier, b.sign)
        }
        (Value::Date(da), Value::Date(db)) => dates(da, db),
        (Value::Duration(da), Value::Duration(db)) => {
            let unit = |d: &crate::model::DurationValue| {
                if d.amount.value.abs() > 0.0 {
                    d.seconds / d.amount.value
                } else {
                    1.0
                }
            };
            quantities(
                &da.amount,
                ma.qualifier,
                unit(da),
                &db.amount,
                mb.qualifier,
                unit(db),
            )
        }
        (Value::Text(ta), Value::Text(tb)) => match ma.kind {
            Kind::Venue => venues(a, &ta.canonical, b, &tb.canonical),
            Kind::Title => titles(&ta.canonical, &tb.canonical),
            _ => {
                if ta.canonical == tb.canonical {
                    Rel::Same("same_value")
                } else {
                    Rel::Unknown("different_text")
                }
            }
        },
        _ => Rel::Unknown("different_value_types"),
    }
}

/// Claims for which one article stating two values is reported as an internal conflict:
/// head counts of one toll or group and durations. Crowds, votes, buildings, jobs and the
/// like are counted per place and per time within one story, so two of them in one article
/// are more often two places than a contradiction.
fn internal_checkable(c: &ClaimInfo) -> bool {
    const PER_PLACE: &[&str] = &[
        "count/crowd/",
        "count/votes/",
        "count/seats/",
        "count/users/",
        "count/jobs/",
        "count/deliveries/",
        "count/buildings",
        "count/without power/",
        "count/-/",
    ];
    match c.claim.mention.kind {
        Kind::Count => !c
            .block
            .as_deref()
            .is_some_and(|b| PER_PLACE.iter().any(|p| b.starts_with(p))),
        Kind::Duration => true,
        _ => false,
    }
}

/// Preference among "same" causes: the most informative one explains the agreement.
fn same_rank(c: &str) -> u8 {
    match c {
        "same_instant_across_zones" | "time_zone" => 9,
        "stated_conversion" => 8,
        "same_weekday" => 7,
        "within_hedge" => 6,
        "rounding" => 5,
        "date_within_range" => 4,
        "venue_within_place" => 3,
        "same_venue" | "same_title" => 2,
        _ => 1,
    }
}

fn quote(c: &ClaimInfo) -> String {
    let text = c.claim.mention.text.trim();
    // A bare figure says little on its own: name what it counts ("161" companies).
    let noun = match &c.claim.mention.noun {
        Some(n) if !text.chars().any(char::is_alphabetic) => {
            let n = super::claims::singular(n);
            if n.is_empty() || matches!(n.as_str(), "magnitude" | "crowd" | "toll" | "total") {
                String::new()
            } else {
                format!(" {}", super::claims::plural(&n))
            }
        }
        _ => String::new(),
    };
    format!("{} says \u{201c}{text}\u{201d}{noun}", c.source_name)
}

/// Everything [`compare`] reads of a claim: claims with equal keys compare alike with any
/// other claim, so each distinct value is compared once.
fn compare_key(c: &ClaimInfo) -> String {
    let m = &c.claim.mention;
    let venue = if m.kind == Kind::Venue {
        c.sentence.as_str()
    } else {
        ""
    };
    let linked = match (m.kind, m.linked) {
        (Kind::Money, Some(l)) => format!("{}:{l}", c.source_index),
        _ => String::new(),
    };
    // The value as its JSON (every field, floats in shortest round-trip form), not its Debug
    // text: Debug would link float printing into the wasm for this key alone.
    let value = crate::json::to_string(&m.value);
    format!(
        "{}\u{1f}{value}\u{1f}{}\u{1f}{}\u{1f}{linked}\u{1f}{venue}",
        m.kind as u8,
        m.qualifier as u8,
        c.sign.to_bits()
    )
}

/// [`compare`] over the members of a group, once per pair of distinct values.
struct Compared<'a> {
    members: &'a [&'a ClaimInfo],
    link: &'a dyn Linked,
    /// Class of each member (members with the same [`compare_key`] share one).
    class: Vec<usize>,
    /// A member of each class.
    rep: Vec<usize>,
    /// Results by (class, class), row-major.
    memo: std::cell::RefCell<Vec<Option<Rel>>>,
}

impl<'a> Compared<'a> {
    fn new(members: &'a [&'a ClaimInfo], link: &'a dyn Linked) -> Compared<'a> {
        // One or two members: each its own class (at most one pair to compare either way, so
        // the keys would cost more than they save; `compare` gives the same answer).
        if members.len() <= 2 {
            let n = members.len();
            return Compared {
                members,
                link,
                class: (0..n).collect(),
                rep: (0..n).collect(),
                memo: std::cell::RefCell::new(vec![None; n * n]),
            };
        }
        let mut ids: VecMap<&str, usize> = VecMap::new();
        let mut rep = Vec::new();
        let class = members
            .iter()
            .enumerate()
            .map(|(i, c)| {
                *ids.entry(c.compare_key.get_or_init(|| compare_key(c)).as_str())
                    .or_insert_with(|| {
                        rep.push(i);
                        rep.len() - 1
                    })
            })
            .collect();
        let k = rep.len();
        Compared {
            members,
            link,
            class,
            rep,
            memo: std::cell::RefCell::new(vec![None; k * k]),
        }
    }

    /// `compare(members[i], members[j])`.
    fn rel(&self, i: usize, j: usize) -> Rel {
        let k = self.rep.len();
        let (Some(&ci), Some(&cj)) = (self.class.get(i), self.class.get(j)) else {
            return Rel::Unknown("different_value_types");
        };
        let slot = ci * k + cj;
        if let Some(Some(r)) = self.memo.borrow().get(slot) {
            return *r;
        }
        let r = match (
            self.rep.get(ci).and_then(|&x| self.members.get(x)),
            self.rep.get(cj).and_then(|&x| self.members.get(x)),
        ) {
            (Some(a), Some(b)) => compare(a, b, self.link),
            _ => Rel::Unknown("different_value_types"),
        };
        if let Some(s) = self.memo.borrow_mut().get_mut(slot) {
            *s = Some(r);
        }
        r
    }
}

/// Whether two figures are in the same unit (currency, noun), or both without one.
fn same_unit(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    fn unit(c: &ClaimInfo) -> Option<Option<&str>> {
        c.claim.mention.value.quantity().map(|q| q.unit.as_deref())
    }
    unit(a) == unit(b)
}

/// The verdict on claims that are about the same measure (and comparable in scope).
pub fn judge(members: &[&ClaimInfo], link: &dyn Linked) -> (Verdict, String, String) {
    let Some(first) = members.first() else {
        return (Verdict::SingleSource, "single_source".into(), String::new());
    };
    let what = &first.description;
    let sources: VecSet<usize> = members.iter().map(|c| c.source_index).collect();
    // Figures of one source that differ are different items ("14 billion pounds of cuts,
    // including 4.8 billion from welfare"): another source matching either of them is not
    // contradicted by the other. In one sentence they are never a contradiction; in
    // different sentences a head count or duration is (an internal mismatch).
    let same_sentence = |a: &ClaimInfo, b: &ClaimInfo| {
        a.source_index == b.source_index
            && a.claim.mention.sentence.start == b.claim.mention.sentence.start
    };
    let n = members.len();
    let cmp = Compared::new(members, link);
    let mut siblings: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in i + 1..n {
            if members[i].source_index == members[j].source_index
                && matches!(cmp.rel(i, j), Rel::Differ(_))
            {
                siblings[i].push(j);
                siblings[j].push(i);
            }
        }
    }
    let matched_by_sibling = |i: usize, j: usize| {
        siblings[i]
            .iter()
            .any(|&s| s != j && matches!(cmp.rel(s, j), Rel::Same(_)))
            || siblings[j]
                .iter()
                .any(|&s| s != i && matches!(cmp.rel(i, s), Rel::Same(_)))
    };
    let mut differ: Option<(usize, usize, &'static str)> = None;
    let mut same_cross: Option<&'static str> = None;
    let mut unknown: Option<&'static str> = None;
    for i in 0..members.len() {
        for j in i + 1..members.len() {
            let (a, b) = (members[i], members[j]);
            let cross = a.source_index != b.source_index;
            let rel = match cmp.rel(i, j) {
                // One article naming two dates, ordinals or venues for what looks like one
                // event is more often two events than a contradiction: only figures count.
                Rel::Differ(_) if !cross && !internal_checkable(a) => Rel::Unknown("same_source"),
                Rel::Differ(_) if same_sentence(a, b) => Rel::Unknown("different_items"),
                Rel::Differ(_) if matched_by_sibling(i, j) => Rel::Unknown("different_items"),
                r => r,
            };
            match rel {
                Rel::Differ(c) => {
                    // Prefer a cross-source pair as the evidence, then one in the same unit
                    // ("$71 million" against "$80 million", not "2.5 billion lira" against
                    // "$80 million" when both sources give the lira figure and its dollars).
                    let rank = |x: &ClaimInfo, y: &ClaimInfo| {
                        (x.source_index != y.source_index, same_unit(x, y))
                    };
                    let better = match differ {
                        None => true,
                        Some((x, y, _)) => rank(a, b) > rank(members[x], members[y]),
                    };
                    if better {
                        differ = Some((i, j, c));
                    }
                }
                Rel::Same(c) if cross => {
                    if same_cross.map_or(true, |s| same_rank(c) > same_rank(s)) {
                        same_cross = Some(c);
                    }
                }
                Rel::Same(_) => {}
                Rel::Unknown(c) => {
                    if cross || unknown.is_none() {
                        unknown = Some(c);
                    }
                }
            }
        }
    }
    if let Some((i, j, cause)) = differ {
        let (a, b) = (members[i], members[j]);
        let internal = a.source_index == b.source_index;
        let changed = a.claim.mention.kind == Kind::Count
            && (a.updated
                || b.updated
                || (!internal
                    && a.published.is_some()
                    && b.published.is_some()
                    && a.published != b.published));
        let (cause, expl) = if changed && internal {
            (
                "updated_over_time",
                format!(
                    "{} gives the {what} as both \u{201c}{}\u{201d} and \u{201c}{}\u{201d}, as it changed over time; make sure the latest figure is used.",
                    a.source_name,
                    a.claim.mention.text.trim(),
                    b.claim.mention.text.trim()
                ),
            )
        } else if changed {
            // Earlier publication first.
            let (a, b) = if a.published <= b.published {
                (a, b)
            } else {
                (b, a)
            };
            let when = match (&a.published, &b.published) {
                (Some(pa), Some(pb)) if pa != pb => format!(" (published {pa} and {pb})"),
                _ => String::new(),
            };
            (
                "updated_over_time",
                format!(
                    "The {what} changed between reports: {} and {}{when}; make sure the latest figure is used.",
                    quote(a),
                    quote(b)
                ),
            )
        } else if internal {
            (
                "internal_mismatch",
                format!(
                    "The same article gives two different values for the {what}: \u{201c}{}\u{201d} and \u{201c}{}\u{201d}.",
                    a.claim.mention.text.trim(),
                    b.claim.mention.text.trim()
                ),
            )
        } else {
            (
                cause,
                format!(
                    "The sources disagree on the {what}: {} but {}.",
                    quote(a),
                    quote(b)
                ),
            )
        };
        return (Verdict::Conflict, cause.to_string(), expl);
    }
    if sources.len() < 2 {
        return (
            Verdict::SingleSource,
            "single_source".into(),
            format!(
                "Only {} states the {what} (\u{201c}{}\u{201d}); no other source confirms it.",
                first.source_name,
                first.claim.mention.text.trim()
            ),
        );
    }
    if let Some(cause) = same_cross {
        let how = match cause {
            "within_hedge" => "the hedged figures overlap",
            "rounding" => "the figures round to each other",
            "same_weekday" => "the weekday matches the date",
            "stated_conversion" => "the amounts match through the conversion a source states",
            "same_instant_across_zones" | "time_zone" => {
                "the times match once time zones are accounted for"
            }
            "date_within_range" => "one date falls within the other",
            "venue_within_place" | "same_venue" => "the places name the same venue",
            "same_title" => "the titles are the same",
            _ => "the values are the same",
        };
        return (
            Verdict::Agree,
            cause.to_string(),
            format!("{} sources agree on the {what}: {how}.", sources.len()),
        );
    }
    let cause = unknown.unwrap_or("not_comparable");
    let why = match cause {
        "unresolved_date" => "a date could not be pinned to the calendar (no publication date or weekday to compare), so it cannot be checked",
        "different_currency" => "the amounts are in different currencies and no source states the conversion",
        "different_titles" => "the titles differ, but one person can hold several titles",
        _ => "the values cannot be compared",
    };
    (
        Verdict::NotComparable,
        cause.to_string(),
        format!("For the {what}, {why}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clock time of the first time mention in `text`.
    fn clock(text: &str) -> DateValue {
        let opts = crate::ExtractOptions::published("2026-09-15");
        let mentions = crate::extract(text, &opts).unwrap_or_default();
        match mentions
            .into_iter()
            .find(|m| m.kind == Kind::Time)
            .map(|m| m.value)
        {
            Some(crate::model::Value::Date(d)) => d,
            other => panic!("no time in {text:?}: {other:?}"),
        }
    }

    #[test]
    fn a_bare_clock_time_is_local_time() {
        let bare = clock("The storm hit land at 2 p.m. with strong winds.");
        let local = clock("The storm hit land at 2 p.m. local time with strong winds.");
        let later = clock("The storm hit land at 3 p.m. local time with strong winds.");
        let gmt = clock("The storm hit land at 0600 GMT with strong winds.");
        assert_eq!(dates(&bare, &local), Rel::Same("same_time"));
        assert_eq!(dates(&bare, &later), Rel::Differ("time_mismatch"));
        assert_eq!(dates(&local, &later), Rel::Differ("time_mismatch"));
        // Local time against a named zone: the local zone is not known.
        assert_eq!(dates(&local, &gmt), Rel::Unknown("time_zone_unknown"));
        assert_eq!(dates(&bare, &gmt), Rel::Unknown("time_zone_unknown"));
    }

    fn q(v: f64, p: f64) -> Quantity {
        Quantity::exact(v, p)
    }

    #[test]
    fn precision_and_hedges() {
        use Qualifier::*;
        assert_eq!(
            quantities(&q(9.69e6, 1e4), Exact, 1.0, &q(9.7e6, 1e5), Exact, 1.0),
            Rel::Same("rounding")
        );
        assert_eq!(
            quantities(&q(46.8e6, 1e5), Exact, 1.0, &q(46.9e6, 1e5), Exact, 1.0),
            Rel::Differ("value_mismatch")
        );
        assert_eq!(
            quantities(&q(400.0, 1.0), MoreThan, 1.0, &q(412.0, 1.0), Exact, 1.0),
            Rel::Same("within_hedge")
        );
        assert_eq!(
            quantities(&q(400.0, 1.0), MoreThan, 1.0, &q(1000.0, 1.0), Exact, 1.0),
            Rel::Differ("outside_hedge")
        );
        assert_eq!(
            quantities(
                &q(400.0, 1.0),
                Approximate,
                1.0,
                &q(400.0, 1.0),
                Approximate,
                1.0
            ),
            Rel::Same("within_hedge")
        );
        assert_eq!(
            quantities(&q(161.0, 1.0), Exact, 1.0, &q(200.0, 1.0), Exact, 1.0),
            Rel::Differ("value_mismatch")
        );
    }

    #[test]
    fn weekdays_of_dates() {
        assert_eq!(weekday_of("2026-01-06"), Some("tuesday"));
        assert_eq!(weekday_of("2026-01-07"), Some("wednesday"));
        assert_eq!(weekday_of("2026-01-04"), Some("sunday"));
        assert_eq!(weekday_of("2000-02-29"), Some("tuesday"));
    }

    fn day(s: &str) -> DateValue {
        DateValue {
            timex: s.into(),
            start: Some(s.into()),
            end: Some(s.into()),
            granularity: crate::model::Granularity::Day,
            basis: crate::model::Basis::Explicit,
            weekday: None,
            time: None,
            zone: None,
            utc_offset_minutes: None,
        }
    }

    #[test]
    fn dates_across_zones_and_unresolved() {
        assert_eq!(
            dates(&day("2026-01-06"), &day("2026-01-06")),
            Rel::Same("same_date")
        );
        assert_eq!(
            dates(&day("2026-01-06"), &day("2026-01-07")),
            Rel::Differ("date_mismatch")
        );
        let mut gmt = day("2026-01-04");
        gmt.time = Some("23:45".into());
        gmt.utc_offset_minutes = Some(0);
        let mut bj = day("2026-01-05");
        bj.time = Some("07:45".into());
        bj.utc_offset_minutes = Some(480);
        assert_eq!(dates(&gmt, &bj), Rel::Same("same_instant_across_zones"));
        assert_eq!(dates(&gmt, &day("2026-01-05")), Rel::Same("time_zone"));
        let mut tue = day("XXXX-WXX-2");
        tue.start = None;
        tue.end = None;
        tue.weekday = Some("tuesday".into());
        assert_eq!(dates(&tue, &day("2026-01-06")), Rel::Same("same_weekday"));
        assert_eq!(
            dates(&tue, &day("2026-01-07")),
            Rel::Unknown("unresolved_date")
        );
    }

    #[test]
    fn titles_and_modifiers() {
        assert_eq!(
            titles("premier", "chinese premier"),
            Rel::Same("same_title")
        );
        assert_eq!(
            titles("president", "vice president"),
            Rel::Differ("title_mismatch")
        );
        assert_eq!(
            titles("president", "general secretary"),
            Rel::Unknown("different_titles")
        );
    }
}
