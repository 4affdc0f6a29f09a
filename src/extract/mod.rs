//! The extraction pipeline: prepares the text, runs every extractor over it, resolves
//! overlapping candidates, and anchors each surviving mention to the original text.
//!
//! Extractors (`numbers`, `dates`, `entities`) push [`Candidate`]s in normalized-text
//! offsets; this module owns everything they share: overlap rules, sentence evidence,
//! byte and UTF-16 offsets, and links between mentions.

pub mod currency;
pub mod dates;
pub mod entities;
pub mod numbers;
pub mod rules;

use crate::error::{validate_text, Error};
use crate::model::{Kind, Mention, Qualifier, Quantity, TextValue, Value};
use crate::text::{Doc, SpanCursor};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Options for extraction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractOptions {
    /// The date relative expressions are resolved against ("today" for the article):
    /// its publication date, ISO `YYYY-MM-DD` (a time part `THH:MM:SS` is allowed and ignored).
    /// Without it, weekdays and partial dates stay unresolved.
    pub published: Option<String>,
    /// Only report these kinds (all when `None`).
    pub kinds: Option<Vec<Kind>>,
}

impl ExtractOptions {
    /// Options with a publication date.
    pub fn published(date: &str) -> ExtractOptions {
        ExtractOptions {
            published: Some(date.to_string()),
            kinds: None,
        }
    }
}

/// Parses an ISO date (`YYYY-MM-DD`, optionally followed by `T...`) for the `name`d option.
pub fn parse_iso_date(name: &str, s: &str) -> Result<crate::civil::Date, Error> {
    let day = s.trim().split(['T', ' ']).next().unwrap_or("");
    iso_date(day).ok_or_else(|| Error::InvalidOption {
        name: name.to_string(),
        detail: format!(
            "{} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-06",
            crate::json::to_string(s)
        ),
    })
}

/// The date of a `YYYY-MM-DD` or `YYYYMMDD` string, optionally followed by a `T...` time
/// (ignored), as `jiff`'s date parser reads them (the crate no longer links jiff; its tests
/// still compare against it).
pub(crate) fn iso_date(s: &str) -> Option<crate::civil::Date> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        let digits = b.get(r)?;
        digits.iter().try_fold(0i32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i32::from(c - b'0'))
        })
    };
    let (y, m, d, rest) = if b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        (num(0..4)?, num(5..7)?, num(8..10)?, 10)
    } else {
        (num(0..4)?, num(4..6)?, num(6..8)?, 8)
    };
    if !matches!(b.get(rest), None | Some(b'T' | b't')) {
        return None;
    }
    let (y, m, d) = (
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    );
    crate::civil::Date::new(y, m, d)
}

/// What the extractors see: the prepared text and the date to resolve against.
#[derive(Debug)]
pub struct Context<'d, 'a> {
    /// The prepared text.
    pub doc: &'d Doc<'a>,
    /// The publication date, if known.
    pub published: Option<crate::civil::Date>,
}

/// A mention found by an extractor, in normalized-text offsets, before overlap resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Range of [`Doc::text`].
    pub range: Range<usize>,
    /// What it is.
    pub kind: Kind,
    /// Its normalized value.
    pub value: CandidateValue,
    /// Its hedge.
    pub qualifier: Qualifier,
    /// The noun it is about.
    pub noun: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
    /// The range of another candidate stating the same figure (a currency conversion).
    pub linked: Option<Range<usize>>,
}

/// A candidate's [`Value`], with dates and durations (160 bytes, against 56 for a quantity
/// and 72 for a text value) boxed: a candidate is 160 bytes instead of 248. A text has about
/// one candidate per 50 bytes, three in four of them entities, and each is written once and
/// read once: at 10 MB the smaller candidates are 18 MB less memory to fault in.
#[derive(Debug, Clone, PartialEq)]
pub enum CandidateValue {
    /// [`Value::Quantity`].
    Quantity(Quantity),
    /// [`Value::Text`].
    Text(TextValue),
    /// Any other value (dates, times, durations: about one candidate in ten).
    Boxed(Box<Value>),
}

impl From<Value> for CandidateValue {
    fn from(v: Value) -> CandidateValue {
        match v {
            Value::Quantity(q) => CandidateValue::Quantity(q),
            Value::Text(t) => CandidateValue::Text(t),
            v => CandidateValue::Boxed(Box::new(v)),
        }
    }
}

impl CandidateValue {
    /// The value itself.
    pub fn into_value(self) -> Value {
        match self {
            CandidateValue::Quantity(q) => Value::Quantity(q),
            CandidateValue::Text(t) => Value::Text(t),
            CandidateValue::Boxed(v) => *v,
        }
    }

    /// Moves the value out, leaving a quantity (no allocation) in its place.
    fn take(&mut self) -> CandidateValue {
        std::mem::replace(self, CandidateValue::Quantity(Quantity::exact(0.0, 0.0)))
    }
}

/// Overlaps are resolved within a layer: numbers, dates and durations form one layer;
/// titles, venues and entities another (a title may contain a name).
fn layer(kind: Kind) -> u8 {
    match kind {
        Kind::Title | Kind::Venue | Kind::Entity => 1,
        _ => 0,
    }
}

/// Which kind wins when two candidates cover exactly the same text.
fn priority(kind: Kind) -> u8 {
    match kind {
        Kind::Date => 12,
        Kind::Time => 11,
        Kind::Duration => 10,
        Kind::Money => 9,
        Kind::PercentagePoints => 8,
        Kind::Percent => 7,
        Kind::Rank => 6,
        Kind::Ordinal => 5,
        Kind::Count => 4,
        Kind::Title => 3,
        Kind::Venue => 2,
        Kind::Entity => 1,
    }
}

/// Keeps, per layer, the longest candidates that do not overlap (ties: higher priority, then
/// earlier), and returns the survivors in text order.
pub fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    let kept = survivors(&cands);
    let mut out = Vec::with_capacity(kept.len());
    for i in kept {
        if let Some(c) = cands.get_mut(i) {
            out.push(take_candidate(c));
        }
    }
    out
}

/// Moves a candidate out, leaving an empty one (no allocation) in its place.
fn take_candidate(c: &mut Candidate) -> Candidate {
    Candidate {
        range: c.range.clone(),
        kind: c.kind,
        value: c.value.take(),
        qualifier: c.qualifier,
        noun: c.noun.take(),
        rule: c.rule,
        linked: c.linked.take(),
    }
}

/// The indices of the candidates [`resolve_overlaps`] keeps, in text order.
///
/// Candidates are large and scattered: the orderings are computed on small keys, and a
/// candidate itself is read only to break a tie between two of the same length, priority
/// and start (by rule name, then by index, as a stable sort of the candidates would).
fn survivors(cands: &[Candidate]) -> Vec<usize> {
    let fits = |x: usize| u32::try_from(x).is_ok();
    if fits(cands.len()) && cands.iter().all(|c| fits(c.range.end)) {
        return survivors_packed(cands);
    }
    survivors_wide(cands)
}

/// [`survivors`] for candidates whose offsets or indices need more than 32 bits.
fn survivors_wide(cands: &[Candidate]) -> Vec<usize> {
    // (length, priority, start, index), longest first.
    let mut order: Vec<(usize, u8, usize, usize)> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.range.start < c.range.end)
        .map(|(i, c)| {
            (
                c.range.end - c.range.start,
                priority(c.kind),
                c.range.start,
                i,
            )
        })
        .collect();
    order.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then_with(|| by_rule(cands, a.3, b.3))
            .then(a.3.cmp(&b.3))
    });
    let limit = order.iter().map(|o| o.0 + o.2).max().unwrap_or(0);
    let mut taken = [Taken::new(limit), Taken::new(limit)];
    // (start, end, layer, index) of each survivor.
    let mut kept: Vec<(usize, usize, u8, usize)> = Vec::with_capacity(order.len());
    for (len, _, start, i) in order {
        let Some(c) = cands.get(i) else { continue };
        let l = layer(c.kind);
        let end = start + len;
        if taken[usize::from(l)].claim(start, end) {
            kept.push((start, end, l, i));
        }
    }
    // Within a layer the survivors are disjoint, so (start, end, layer) is unique: an
    // unstable sort gives the one order.
    kept.sort_unstable();
    kept.into_iter().map(|k| k.3).collect()
}

/// [`survivors`] when every offset and index fits in 32 bits (any text the crate accepts):
/// each ordering sorts one packed integer per candidate instead of a tuple compared field
/// by field (the two sorts were 4% of an extraction).
fn survivors_packed(cands: &[Candidate]) -> Vec<usize> {
    let order = order_packed(cands);
    let limit = cands.iter().map(|c| c.range.end).max().unwrap_or(0);
    let mut taken = [Taken::new(limit), Taken::new(limit)];
    // start << 72 | end << 40 | layer << 32 | index: sorted, the order of (start, end,
    // layer), unique within a layer since a layer's survivors are disjoint.
    let mut kept: Vec<u128> = Vec::with_capacity(order.len());
    for k in order {
        let i = k as u32 as usize;
        let start = (k >> 32) as u32 as usize;
        let len = !((k >> 72) as u32) as usize;
        let Some(c) = cands.get(i) else { continue };
        let l = layer(c.kind);
        let end = start + len;
        if taken[usize::from(l)].claim(start, end) {
            kept.push(
                ((start as u128) << 72)
                    | ((end as u128) << 40)
                    | (u128::from(l) << 32)
                    | (i as u128),
            );
        }
    }
    kept.sort_unstable();
    kept.into_iter().map(|k| k as u32 as usize).collect()
}

/// Orders candidates of the same length, priority and start by rule name.
fn by_rule(cands: &[Candidate], a: usize, b: usize) -> std::cmp::Ordering {
    match (cands.get(a), cands.get(b)) {
        (Some(x), Some(y)) => x.rule.cmp(y.rule),
        _ => std::cmp::Ordering::Equal,
    }
}

/// The non-empty candidates (every end and index fits in 32 bits) in the order
/// [`survivors`] claims them: longest first, then higher priority, earlier start, rule
/// name, index. Each is one key, `!len << 72 | !priority << 64 | start << 32 | index`, so
/// the sort compares plain numbers; the rare runs that tie on length, priority and start
/// are then ordered by rule name (stable, so the index order within a rule is kept).
fn order_packed(cands: &[Candidate]) -> Vec<u128> {
    let mut order: Vec<u128> = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        if c.range.start < c.range.end {
            let len = u128::from(!((c.range.end - c.range.start) as u32));
            let prio = u128::from(!priority(c.kind));
            order.push((len << 72) | (prio << 64) | ((c.range.start as u128) << 32) | (i as u128));
        }
    }
    order.sort_unstable();
    let mut a = 0;
    while a < order.len() {
        let head = order.get(a).map(|k| k >> 32);
        let mut b = a + 1;
        while b < order.len() && order.get(b).map(|k| k >> 32) == head {
            b += 1;
        }
        if b - a > 1 {
            if let Some(run) = order.get_mut(a..b) {
                run.sort_by(|x, y| by_rule(cands, *x as u32 as usize, *y as u32 as usize));
            }
        }
        a = b;
    }
    order
}

/// The ranges kept so far in one layer (disjoint): a bit per byte of the text, or for
/// ranges beyond any text a sorted list.
enum Taken {
    Bits(Vec<u64>),
    List(Vec<(usize, usize)>),
}

impl Taken {
    fn new(limit: usize) -> Taken {
        if limit <= crate::error::MAX_SOURCE_BYTES {
            Taken::Bits(vec![0; limit / 64 + 1])
        } else {
            Taken::List(Vec::new())
        }
    }

    /// Takes `start..end` (non-empty) if it overlaps nothing taken; says whether it did.
    fn claim(&mut self, start: usize, end: usize) -> bool {
        match self {
            Taken::Bits(bits) => {
                let (a, b) = (start / 64, (end - 1) / 64);
                let mask = |w: usize| {
                    let lo = if w == a { start % 64 } else { 0 };
                    let hi = if w == b { (end - 1) % 64 } else { 63 };
                    (u64::MAX >> (63 - hi)) & (u64::MAX << lo)
                };
                if (a..=b).any(|w| bits.get(w).map_or(true, |x| x & mask(w) != 0)) {
                    return false;
                }
                for w in a..=b {
                    if let Some(x) = bits.get_mut(w) {
                        *x |= mask(w);
                    }
                }
                true
            }
            Taken::List(list) => {
                // The kept range with the largest start before `end` is the only one that
                // can overlap.
                let p = list.partition_point(|r| r.0 < end);
                if p > 0 && list.get(p - 1).is_some_and(|r| r.1 > start) {
                    return false;
                }
                list.insert(p, (start, end));
                true
            }
        }
    }
}

/// A per-thread buffer kept between extractions (see [`take_scratch`]).
pub(crate) type Scratch<T> = std::thread::LocalKey<std::cell::Cell<Vec<T>>>;

/// The most memory a kept [`Scratch`] buffer may hold (the buffers of a text up to ~1.5 MB).
const SCRATCH_BYTES: usize = 8 << 20;

/// The buffer kept in `key` (empty), or a new one. The big per-text vectors (candidates,
/// tokens) are reused by the next extraction on the same thread: a fresh multi-megabyte
/// vector comes from the system as untouched pages, and faulting them in was ~10% of a
/// native extraction (the page extracts again on every edit).
pub(crate) fn take_scratch<T>(key: &'static Scratch<T>) -> Vec<T> {
    let mut v = key.take();
    v.clear();
    v
}

/// Empties `v` and keeps it in `key` for the next [`take_scratch`], unless it is large.
pub(crate) fn keep_scratch<T>(key: &'static Scratch<T>, mut v: Vec<T>) {
    v.clear();
    if v.capacity().saturating_mul(std::mem::size_of::<T>()) <= SCRATCH_BYTES {
        key.set(v);
    }
}

thread_local! {
    /// The candidates of [`extract_doc`].
    static CANDIDATES: std::cell::Cell<Vec<Candidate>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Ranges to drop, with the largest end among each prefix: whether a range overlaps any of
/// them is one binary search, not a scan of them all (a long text can have thousands of
/// metadata lines, each tested against every mention).
struct SkipIndex<'a> {
    ranges: &'a [Range<usize>],
    /// `max_end[i]`: the largest end of `ranges[..=i]`; empty when `ranges` is not sorted
    /// by start, and then every range is tested.
    max_end: Vec<usize>,
}

impl<'a> SkipIndex<'a> {
    fn new(ranges: &'a [Range<usize>]) -> Self {
        let sorted = ranges.windows(2).all(|w| w[0].start <= w[1].start);
        let max_end = if sorted {
            ranges
                .iter()
                .scan(0, |m, r| {
                    *m = r.end.max(*m);
                    Some(*m)
                })
                .collect()
        } else {
            Vec::new()
        };
        SkipIndex { ranges, max_end }
    }

    /// Whether `r` and some range share a position (`r.start < s.end && s.start < r.end`).
    fn overlaps(&self, r: Range<usize>) -> bool {
        if self.max_end.len() != self.ranges.len() {
            return self
                .ranges
                .iter()
                .any(|s| r.start < s.end && s.start < r.end);
        }
        // The ranges starting before `r.end` are a prefix; one of them overlaps `r` when
        // the largest end among them lies after `r.start`.
        let n = self.ranges.partition_point(|s| s.start < r.end);
        n.checked_sub(1)
            .and_then(|i| self.max_end.get(i))
            .is_some_and(|&end| end > r.start)
    }
}

/// Runs every extractor over a prepared document and returns its mentions in text order.
///
/// `skip` lists ranges of the original text (metadata lines) whose mentions are dropped.
pub fn extract_doc(
    doc: &Doc<'_>,
    published: Option<crate::civil::Date>,
    kinds: Option<&[Kind]>,
    skip: &[Range<usize>],
) -> Vec<Mention> {
    let ctx = Context { doc, published };
    let skip = SkipIndex::new(skip);
    // News text yields about one candidate per 50 bytes: allocate once, not by doubling
    // (candidates are large, and each doubling copies them all into fresh pages).
    let mut cands = take_scratch(&CANDIDATES);
    cands.reserve(doc.text.len() / 48 + 8);
    numbers::find(&ctx, &mut cands);
    dates::find(&ctx, &mut cands);
    entities::find(&ctx, &mut cands);
    let kept = survivors(&cands);

    let mut mentions: Vec<Mention> = Vec::with_capacity(kept.len());
    let mut links: Vec<Option<Range<usize>>> = Vec::with_capacity(kept.len());
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(kept.len());
    let mut last_sentence: Option<(usize, crate::model::Span)> = None;
    // Mentions come in text order: the offset maps are walked, not bisected.
    let (mut at, mut at_sentence) = (SpanCursor::default(), SpanCursor::default());
    for i in kept {
        let Some(c) = cands.get_mut(i) else { continue };
        if let Some(ks) = kinds {
            if !ks.contains(&c.kind) {
                continue;
            }
        }
        let span = doc.span_near(c.range.clone(), &mut at);
        if skip.overlaps(span.start..span.end) {
            continue;
        }
        // Mentions come in text order: neighbours mostly share their sentence.
        let si = doc.sentence_index(c.range.start);
        let sentence = match last_sentence {
            Some((i, sp)) if i == si => sp,
            _ => {
                let sp = doc.span_near(doc.sentence_at(c.range.start), &mut at_sentence);
                last_sentence = Some((si, sp));
                sp
            }
        };
        mentions.push(Mention {
            kind: c.kind,
            text: doc.original[span.start..span.end].to_string(),
            start: span.start,
            end: span.end,
            start_utf16: span.start_utf16,
            end_utf16: span.end_utf16,
            value: c.value.take().into_value(),
            qualifier: c.qualifier,
            noun: c.noun.take(),
            sentence,
            linked: None,
            rule: c.rule.to_string(),
        });
        links.push(c.linked.take());
        ranges.push(c.range.clone());
    }
    keep_scratch(&CANDIDATES, cands);
    currency::resolve(doc.lower(), &mut mentions);
    if links.iter().any(Option::is_some) {
        // `ranges` is in text order (start, then end): the last mention with the target's
        // range, found by bisection.
        for (i, link) in links.iter().enumerate() {
            if let Some(target) = link {
                let key = (target.start, target.end);
                let after = ranges.partition_point(|r| (r.start, r.end) <= key);
                let hit = after
                    .checked_sub(1)
                    .filter(|&j| ranges.get(j).is_some_and(|r| (r.start, r.end) == key));
                if let Some(m) = mentions.get_mut(i) {
                    m.linked = hit;
                }
            }
        }
    }
    mentions
}

/// Extracts the mentions of one text (no metadata detection; see [`crate::extract_source`]).
pub fn extract(text: &str, options: &ExtractOptions) -> Result<Vec<Mention>, Error> {
    validate_text("text", text)?;
    let published = options
        .published
        .as_deref()
        .map(|p| parse_iso_date("published", p))
        .transpose()?;
    let doc = Doc::new(text);
    Ok(extract_doc(&doc, published, options.kinds.as_deref(), &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indexed skip ranges answer as the scan of every range did, for overlapping,
    /// touching, nested, empty and unsorted ranges.
    #[test]
    fn skip_index_overlaps_as_any_range_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..2000 {
            let ranges: Vec<Range<usize>> = (0..next(8))
                .map(|_| {
                    let a = next(40);
                    a..a + next(6)
                })
                .collect();
            let mut sorted = ranges.clone();
            sorted.sort_by_key(|r| r.start);
            // Both paths: the index (sorted by start, as metadata ranges come) and the scan.
            for ranges in [&sorted, &ranges] {
                let d = SkipIndex::new(ranges);
                for a in 0..45 {
                    for len in 0..5 {
                        let r = a..a + len;
                        let any = ranges.iter().any(|s| r.start < s.end && s.start < r.end);
                        assert_eq!(d.overlaps(r.clone()), any, "{r:?} in {ranges:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn iso_dates_read_as_jiff_reads_them() {
        for s in [
            "2026-01-06",
            "20260106",
            "2026-01-06T10:00",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-1-6",
            "2026-01-06x",
            "",
            "2026",
            "-2026-01-06",
            "2026-01-0\u{e9}",
            "0000-01-01",
        ] {
            let theirs = s.parse::<jiff::civil::Date>().ok();
            let theirs = theirs.and_then(|d| crate::civil::Date::new(d.year(), d.month(), d.day()));
            assert_eq!(iso_date(s), theirs, "{s:?}");
        }
        assert!(parse_iso_date("published", "2026-01-06 09:00").is_ok());
        assert!(parse_iso_date("published", "Jan 6").is_err());
    }

    fn cand(r: Range<usize>, kind: Kind) -> Candidate {
        Candidate {
            range: r,
            kind,
            value: CandidateValue::Quantity(Quantity::exact(1.0, 1.0)),
            qualifier: Qualifier::Exact,
            noun: None,
            rule: "test",
            linked: None,
        }
    }

    #[test]
    fn longest_wins_within_a_layer_and_layers_coexist() {
        let kept = resolve_overlaps(vec![
            cand(0..3, Kind::Count),
            cand(0..10, Kind::Date),
            cand(5..8, Kind::Count),
            cand(2..20, Kind::Title),
            cand(12..14, Kind::Count),
            cand(12..14, Kind::Rank),
        ]);
        let got: Vec<(Range<usize>, Kind)> = kept.into_iter().map(|c| (c.range, c.kind)).collect();
        assert_eq!(
            got,
            vec![
                (0..10, Kind::Date),
                (2..20, Kind::Title),
                (12..14, Kind::Rank)
            ]
        );
    }

    #[test]
    fn ranges_beyond_any_text_resolve_the_same() {
        // Far offsets take the sorted-list path instead of the bitmap: same survivors.
        let far = crate::error::MAX_SOURCE_BYTES + 7;
        let cands = |shift: usize| {
            let r = |a: usize, b: usize| a + shift..b + shift;
            vec![
                cand(r(0, 3), Kind::Count),
                cand(r(0, 10), Kind::Date),
                cand(r(5, 8), Kind::Count),
                cand(r(2, 20), Kind::Title),
                cand(r(12, 14), Kind::Count),
                cand(r(12, 14), Kind::Rank),
                cand(r(64, 130), Kind::Count),
                cand(r(129, 200), Kind::Date),
                cand(r(63, 64), Kind::Count),
            ]
        };
        let got = |shift: usize| -> Vec<(Range<usize>, Kind)> {
            resolve_overlaps(cands(shift))
                .into_iter()
                .map(|c| (c.range.start - shift..c.range.end - shift, c.kind))
                .collect()
        };
        assert_eq!(got(0), got(far));
        assert_eq!(got(0).len(), 5, "{:?}", got(0));
    }

    #[test]
    fn packed_sort_orders_as_the_comparison_sort() {
        let mut rng = crate::testing::Rng(0x9e37_79b9_7f4a_7c15);
        let kinds = [
            Kind::Count,
            Kind::Date,
            Kind::Money,
            Kind::Entity,
            Kind::Title,
        ];
        let rules = ["b.rule", "a.rule", "c.rule"];
        for round in 0..50 {
            let n = 1 + (rng.next() % 200) as usize;
            // Few distinct starts, lengths, kinds and rules: many ties to break.
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let start = (rng.next() % 20) as usize;
                    let len = (rng.next() % 4) as usize;
                    let mut c = cand(start..start + len, kinds[(rng.next() % 5) as usize]);
                    c.rule = rules[(rng.next() % 3) as usize];
                    c
                })
                .collect();
            let mut want: Vec<(usize, u8, usize, usize)> = cands
                .iter()
                .enumerate()
                .map(|(i, c)| (c.range.len(), priority(c.kind), c.range.start, i))
                .collect();
            want.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(b.1.cmp(&a.1))
                    .then(a.2.cmp(&b.2))
                    .then(cands[a.3].rule.cmp(cands[b.3].rule))
                    .then(a.3.cmp(&b.3))
            });
            let got: Vec<usize> = order_packed(&cands)
                .into_iter()
                .map(|k| k as u32 as usize)
                .collect();
            want.retain(|o| o.0 > 0);
            let want: Vec<usize> = want.into_iter().map(|o| o.3).collect();
            assert_eq!(got, want, "round {round}");
            // And the survivors are those of the path for offsets beyond 32 bits.
            assert_eq!(
                survivors_packed(&cands),
                survivors_wide(&cands),
                "round {round}"
            );
        }
    }

    #[test]
    fn rejects_a_malformed_publication_date() {
        let e = extract("400 people", &ExtractOptions::published("Jan 6")).unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn a_candidate_keeps_its_date_values_boxed() {
        let d = Value::Duration(crate::model::DurationValue {
            timex: "P4D".into(),
            amount: Quantity::exact(4.0, 1.0),
            unit: "day".into(),
            seconds: 345_600.0,
        });
        let c = CandidateValue::from(d.clone());
        assert!(matches!(c, CandidateValue::Boxed(_)));
        assert_eq!(c.into_value(), d);
        let q = CandidateValue::from(Value::Quantity(Quantity::exact(4.0, 1.0)));
        assert!(matches!(q, CandidateValue::Quantity(_)));
        assert!(std::mem::size_of::<Candidate>() <= 160);
    }
}
