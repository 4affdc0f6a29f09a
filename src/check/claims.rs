//! From mention to claim: what is measured (kind + noun + the words around it), about whom
//! (participants resolved across short forms and aliases), within which scope (place, period,
//! leg of a trip) and on whose word (attribution).

use super::attrib;
use super::cues::{self, CueSet, COUNTS, EVENTS, MONEYS, PERCENTS};
use super::names::{Directory, People};
use crate::aliases::AliasTable;
use crate::collections::{VecMap, VecSet};
use crate::model::{Extraction, Granularity, Kind, Mention, Metadata};
use crate::report::Claim;
use crate::text::name_key;
use crate::text::{self, Join, Lowercase};
use crate::words::{pairs, words, PairList, WordList};
use std::cell::RefCell;
use std::rc::Rc;

/// A claim plus what the alignment needs to know about it.
#[derive(Debug, Clone)]
pub struct ClaimInfo {
    /// The claim as reported.
    pub claim: Claim,
    /// Index of its source in the input.
    pub source_index: usize,
    /// The source's publication date, when known.
    pub published: Option<String>,
    /// The block it is aligned in (kind family + measure head + noun), when its measure is known.
    pub block: Option<String>,
    /// The people an event claim is about, sorted (used to split blocks by subject).
    pub participants: Vec<String>,
    /// True when `participants` decide what the claim is about (events, ordinals, venues).
    pub by_participants: bool,
    /// Place scope key ("beijing"), if stated.
    pub place: Option<String>,
    /// Period scope key (a timex), if stated.
    pub period: Option<String>,
    /// Attribution key of a body (not a quoted person), if stated.
    pub body: Option<String>,
    /// For figures: the people named in the clause (not quoted), sorted and joined, if any
    /// ("lee jae myung" for "Lee received 17.28 million votes").
    pub who: Option<String>,
    /// For figures: a named thing (a fire, a storm, a company, a party) the clause is about
    /// before the figure; claims naming different things, or one naming none, are not compared
    /// as conflicts.
    pub thing: Option<String>,
    /// The sentence says the figure changed ("rose to", "has climbed to").
    pub updated: bool,
    /// The measure for people: "number of people (deaths)".
    pub description: String,
    /// -1 for a stated decrease ("fell 3 percent"), else 1.
    pub sign: f64,
    /// The sentence of the claim (original text), for venue containment and explanations.
    pub sentence: String,
    /// How explanations name the source: its outlet when known ("Yonhap (b)"), else its id.
    pub source_name: String,
    /// Index of the mention in its source (for `linked`).
    pub mention_index: usize,
    /// What the verdicts compare of it, as one key (made on first use, after the claim is
    /// complete; kept with the claim across re-checks).
    pub compare_key: std::cell::OnceCell<String>,
}

/// Generic attributions and the side they speak for: figures from the same side are
/// comparable (a toll from "officials" and from "state media"); police and organisers
/// estimating a crowd are not.
static GENERIC_CLASSES: PairList = PairList::new(pairs![
    ("police", "authorities"),
    ("officials", "authorities"),
    ("authorities", "authorities"),
    ("rescuers", "authorities"),
    ("government", "authorities"),
    ("state media", "authorities"),
    ("local media", "authorities"),
    ("ministry", "authorities"),
    ("organisers", "organisers"),
    ("organizers", "organisers"),
    ("the organisers", "organisers"),
    ("the organizers", "organisers"),
    ("company", "company"),
]);

/// Words that cannot open a named attribution ("The meeting said" is no source).
static NOT_A_BODY: WordList = WordList::new(words![
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "and",
    "but",
    "meanwhile",
    "during",
    "in",
    "on",
    "at",
    "lee",
    "however",
]);

impl CueSet {
    /// The cue nearest to `pos..end` in `hay` (distance to the closer edge), if any.
    #[cfg(test)]
    fn nearest(&self, hay: &str, pos: usize, end: usize) -> Option<&'static str> {
        nearest_cue(&self.matches(hay), pos, end)
    }
}

/// The cue match nearest to `pos..end` (distance to the closer edge), if any.
fn nearest_cue(ms: &[CueMatch], pos: usize, end: usize) -> Option<&'static str> {
    {
        ms.iter()
            .copied()
            .filter(|m| !(m.0 >= pos && m.1 <= end))
            .filter_map(|m| {
                let d = if m.1 <= pos {
                    pos - m.1
                } else {
                    m.0.saturating_sub(end)
                };
                // "said" names the event only right next to the date ("said Monday").
                (m.2 != "statement" || d <= 4).then_some((d, m.2))
            })
            .min_by_key(|m| m.0)
            .map(|m| m.1)
    }
}

/// The unit of a share ("two-thirds", "one in five"), a count between 0 and 1.
pub const FRACTION: &str = "fraction";

/// Nouns too vague to make a measure on their own.
static VAGUE_NOUNS: WordList = WordList::new(words![
    "person", "time", "year", "day", "country", "nation", "side", "leader", "thing", "way", "part",
    "one", "other", "month", "week", "hour", "minute", "percent", "field", "area", "point",
    "number", "level", "step", "stage", "term", "kind", "city",
]);

/// What a head count counts: a cue inside the mention ("42 arrests"), a verb right before
/// it ("killing 126", "the toll rose to 175"), else the predicate after it ("9 people were
/// killed") unless another figure intervenes, else the nearest.
fn count_cue(hay: &str, ms: &[CueMatch], pos: usize, end: usize) -> Option<&'static str> {
    if let Some(m) = ms.iter().find(|m| m.0 >= pos && m.1 <= end) {
        return Some(m.2);
    }
    let before = ms.iter().filter(|m| m.1 <= pos).max_by_key(|m| m.1);
    let after = ms.iter().filter(|m| m.0 >= end).min_by_key(|m| m.0);
    let lead = hay.get(..pos).unwrap_or("");
    // "killing at least 126": a verb right before the figure.
    if let Some(b) = before {
        if attrib::hedge_gap(hay.get(b.1..pos).unwrap_or("")) {
            return Some(b.2);
        }
    }
    // "181 people on board": a cue right after the figure and its noun.
    if let Some(a) = after {
        let gap = hay.get(end..a.0).unwrap_or("");
        let joined = gap.split_whitespace().any(|w| {
            matches!(
                w,
                "and" | "or" | "but" | "as" | "while" | "with" | "than" | "of"
            )
        });
        if gap.len() <= 14 && attrib::noun_gap(gap) && !joined {
            return Some(a.2);
        }
    }
    // "the death toll ... rose to 175".
    if let Some(b) = before {
        if attrib::copula_before(lead) {
            return Some(b.2);
        }
    }
    if let Some(a) = after {
        let gap = hay.get(end..a.0).unwrap_or("");
        if !gap.chars().any(|c| c.is_ascii_digit()) && a.0 - end <= 60 {
            return Some(a.2);
        }
    }
    match (before, after) {
        (Some(b), Some(a)) => Some(if pos - b.1 <= a.0 - end { b.2 } else { a.2 }),
        (Some(b), None) => Some(b.2),
        (None, Some(a)) => Some(a.2),
        (None, None) => None,
    }
}

/// A capitalized modifier right before the money cue nearest to `pos` ("iPhone sales"),
/// not a possessive owner ("Apple's revenue") or a sentence opener.
fn modifier_before(hay: &str, cues: &[CueMatch], pos: usize) -> Option<String> {
    let c = cues.iter().min_by_key(|c| c.0.abs_diff(pos))?;
    let lead = hay.get(..c.0)?;
    if lead.split_whitespace().count() < 2 && !lead.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let word = lead.split_whitespace().last()?;
    let clean = word.trim_matches(|ch: char| !ch.is_alphanumeric());
    if word.ends_with("'s") || word.ends_with("\u{2019}s") || clean.is_empty() {
        return None;
    }
    static OPENERS: WordList = WordList::new(words![
        "The",
        "A",
        "An",
        "Its",
        "Their",
        "Total",
        "Net",
        "Quarterly",
        "Annual",
        "Overall",
    ]);
    (clean.chars().any(char::is_uppercase) && !OPENERS.contains(&clean)).then(|| clean.lowercase())
}

/// Whether the words just before a figure make it a forecast, not a result: "missing
/// analyst forecasts of 6.2 trillion won", "estimates for a 3% rise", "analysts had expected
/// $4 billion". Only a forecast word right before the figure (or before "of"/"for" and an
/// article) counts: "rose more than expected to $4.6 billion" and "estimated its profit at
/// 6.5 trillion won" (a company's own preliminary figure) are results.
fn forecast_before(lead: &str) -> bool {
    static NOUNS: WordList = WordList::new(words![
        "forecast",
        "forecasts",
        "estimates",
        "expectations",
        "consensus",
        "projection",
        "projections",
        "prediction",
        "predictions",
    ]);
    static VERBS: WordList = WordList::new(words![
        "expected",
        "forecast",
        "predicted",
        "projected",
        "expecting",
    ]);
    let mut words = lead.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    });
    let mut last = words.next();
    if matches!(last.as_deref(), Some("a" | "an")) {
        last = words.next();
    }
    match last.as_deref() {
        Some(w) if VERBS.contains(&w) => true,
        Some("of" | "for") => words.next().is_some_and(|w| NOUNS.contains(&w.as_str())),
        _ => false,
    }
}

/// Nouns that name the measure itself rather than what is counted.
static MEASURE_NOUNS: WordList = WordList::new(words![
    "crowd",
    "toll",
    "total",
    "number",
    "figure",
    "tally",
    "count",
    "turnout",
    "attendance",
]);

/// How a reporter names a head count by its cue.
fn count_phrase(cue: &str) -> &'static str {
    match cue {
        "deaths" => "death toll",
        "injured" => "number of injured",
        "missing" => "number of missing",
        "displaced" => "number evacuated or displaced",
        "rescued" => "number rescued",
        "survivors" => "number of survivors",
        "arrested" => "number of arrests",
        "delegation" => "size of the delegation",
        "crowd" => "crowd size",
        "votes" => "vote count",
        "seats" => "number of seats",
        "jobs" => "number of jobs or employees",
        "users" => "number of users or customers",
        "deliveries" => "deliveries or units sold",
        "buildings destroyed" => "buildings destroyed",
        "buildings damaged" => "buildings damaged",
        "aftershocks" => "number of aftershocks",
        "magnitude" => "magnitude",
        "without power" => "number without power",
        "on board" => "number on board",
        _ => "count",
    }
}

/// How a reporter names an amount by its cue ("trade" -> "trade value").
fn money_phrase(cue: &str) -> String {
    match cue {
        "trade" => "trade value".into(),
        "deal" => "deal value".into(),
        "aid" => "aid amount".into(),
        "damage" => "damage or losses".into(),
        "fine" => "fine or settlement".into(),
        c => c.to_string(),
    }
}

/// Plural of a singular noun, for descriptions ("company" -> "companies").
pub fn plural(noun: &str) -> String {
    match noun {
        "person" => "people".into(),
        "child" => "children".into(),
        "man" => "men".into(),
        "woman" => "women".into(),
        n if n.ends_with('y') && !n.ends_with("ey") && !n.ends_with("ay") => {
            format!("{}ies", &n[..n.len() - 1])
        }
        n if n.ends_with('s') || n.ends_with("sh") || n.ends_with("ch") || n.ends_with('x') => {
            format!("{n}es")
        }
        n => format!("{n}s"),
    }
}

/// Units of distance, speed and temperature: "10 kilometers below ground", "18 miles
/// southwest of" locate things, they are not measures to compare.
static DISTANCE_NOUNS: WordList = WordList::new(words![
    "mile",
    "kilometer",
    "kilometre",
    "km",
    "meter",
    "metre",
    "foot",
    "feet",
    "inch",
    "yard",
    "mph",
    "kph",
    "degree",
    "celsius",
    "fahrenheit",
    "knot",
    "cm",
    "centimeter",
    "mm",
]);

/// Units of time: "thousands of years" is not a head count.
static TIME_NOUNS: WordList = WordList::new(words![
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "time",
    "millennium",
]);

/// Ordinal nouns that name an event between participants, and their key.
fn ordinal_event(noun: &str) -> Option<&'static str> {
    let last = noun.split_whitespace().last().unwrap_or("");
    Some(match last {
        "summit" | "meeting" | "talk" | "talks" | "engagement" | "encounter" | "session" => {
            "meeting"
        }
        "visit" | "trip" | "tour" => "visit",
        "anniversary" => "anniversary",
        "round" => "round",
        "term" => "term",
        "leg" => "leg",
        "election" => "election",
        "quarter" => "quarter",
        _ => return None,
    })
}

/// A noun in singular, lower case, last word only ("Korean companies" -> "company").
pub fn singular(noun: &str) -> String {
    let last = noun
        .split_whitespace()
        .last()
        .unwrap_or("")
        .lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    match last.as_str() {
        "according" | "than" | "per" | "of" | "and" | "or" | "to" | "in" | "on" | "at" => {
            String::new()
        }
        "people" | "persons" | "person" => "person".into(),
        "children" => "child".into(),
        "men" => "man".into(),
        "women" => "woman".into(),
        s if s.ends_with("ies") && s.len() > 4 => format!("{}y", &s[..s.len() - 3]),
        s if s.ends_with("sses") || s.ends_with("xes") || s.ends_with("ches") => {
            s[..s.len() - 2].to_string()
        }
        s if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && s.len() > 3 => {
            s[..s.len() - 1].to_string()
        }
        s => s.to_string(),
    }
}

/// Length of a clause break starting at byte `i` of `s`, if one does: ", ", "; ", " - ",
/// " -- ", an em dash, "(", ")", ": ", " while ", " but ", " who ", ... (tried in that
/// order, like a leftmost-first regex; a hand-written scanner because the check runs on
/// every keystroke and a regex of this shape has no literal to skip ahead with).
fn clause_break_at(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let mut it = rest.chars();
    let c0 = it.next()?;
    let c1 = it.next();
    let ws = |c: Option<char>| c.map_or(0, |c| if c.is_whitespace() { c.len_utf8() } else { 0 });
    let is_dash = |c: Option<char>| matches!(c, Some('\u{2014}' | '\u{2013}' | '-'));
    if matches!(c0, ',' | ';' | ':') && ws(c1) > 0 {
        // ", " and "; " come before the dash forms; ": " after the parentheses, which
        // cannot start at the same byte.
        return Some(1 + ws(c1));
    }
    if c0.is_whitespace() {
        let w = c0.len_utf8();
        let after = rest.get(w..).unwrap_or("");
        let mut a = after.chars();
        let (d1, d2, d3) = (a.next(), a.next(), a.next());
        if is_dash(d1) {
            let l1 = d1.map_or(0, char::len_utf8);
            if is_dash(d2) && ws(d3) > 0 {
                return Some(w + l1 + d2.map_or(0, char::len_utf8) + ws(d3));
            }
            if ws(d2) > 0 {
                return Some(w + l1 + ws(d2));
            }
        }
    }
    if c0 == '\u{2014}' {
        return Some(c0.len_utf8());
    }
    if c0.is_whitespace()
        && rest
            .get(c0.len_utf8()..)
            .is_some_and(|t| t.starts_with("--"))
    {
        return Some(c0.len_utf8() + 2);
    }
    if rest.starts_with("--") {
        let w = ws(rest.get(2..).and_then(|t| t.chars().next()));
        if w > 0 {
            return Some(2 + w);
        }
    }
    if matches!(c0, '(' | ')') {
        return Some(1);
    }
    if c0.is_whitespace() {
        let w = c0.len_utf8();
        let after = rest.get(w..).unwrap_or("");
        for word in ["while", "whereas", "but", "where", "who", "which"] {
            if let Some(t) = after.strip_prefix(word) {
                let w2 = ws(t.chars().next());
                if w2 > 0 {
                    return Some(w + word.len() + w2);
                }
            }
        }
    }
    None
}

/// A clause of a sentence: byte range of the original text.
fn clauses(text: &str, sentence: (usize, usize)) -> Vec<(usize, usize)> {
    let Some(s) = text.get(sentence.0..sentence.1) else {
        return vec![sentence];
    };
    let mut out = Vec::new();
    let mut last = 0usize;
    let mut i = 0usize;
    while i < s.len() {
        if let Some(len) = clause_break_at(s, i) {
            if i > last {
                out.push((sentence.0 + last, sentence.0 + i));
            }
            i += len;
            last = i;
        } else {
            i += s
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
        }
    }
    if last < s.len() {
        out.push((sentence.0 + last, sentence.1));
    }
    if out.is_empty() {
        out.push(sentence);
    }
    out
}

fn clause_of(clauses: &[(usize, usize)], pos: usize) -> (usize, usize) {
    clauses
        .iter()
        .copied()
        .find(|c| c.0 <= pos && pos < c.1)
        .or_else(|| clauses.iter().copied().rfind(|c| c.0 <= pos))
        .unwrap_or((pos, pos))
}

/// Everything known about one source while its claims are made.
struct SourceCtx<'a> {
    ext: &'a Extraction,
    text: &'a str,
    people: People,
    aliases: &'a AliasTable,
    /// Indices of the date and time mentions, in text order.
    dates: Vec<usize>,
    /// What was worked out per sentence or clause, shared by the claims in it.
    memo: RefCell<Memo>,
    /// The alias surfaces by their first bytes (made on first use).
    alias_index: std::cell::OnceCell<AliasIndex<'a>>,
}

/// The alias table's surfaces longer than three bytes (those [`SourceCtx::alias_subjects`]
/// looks for), in the table's order, with an index of their first three bytes: a clause is
/// read once, each position looked up, instead of searched once per surface.
struct AliasIndex<'a> {
    /// (surface, canonical name).
    surfaces: Vec<(&'a str, &'a str)>,
    /// (first three bytes, index in `surfaces`), sorted.
    by_prefix: Vec<(u32, usize)>,
}

impl<'a> AliasIndex<'a> {
    fn new(aliases: &'a AliasTable) -> AliasIndex<'a> {
        let surfaces: Vec<(&str, &str)> = aliases.surfaces().filter(|(s, _)| s.len() > 3).collect();
        let mut by_prefix: Vec<(u32, usize)> = surfaces
            .iter()
            .enumerate()
            .filter_map(|(i, (s, _))| Some((prefix3(s.as_bytes())?, i)))
            .collect();
        by_prefix.sort_unstable();
        AliasIndex {
            surfaces,
            by_prefix,
        }
    }

    /// The canonical names of the surfaces that occur in `lower` (as substrings), in the
    /// table's order: what filtering the surfaces by `lower.contains(surface)` gives.
    fn found_in(&self, lower: &str) -> Vec<String> {
        let b = lower.as_bytes();
        let mut hit = vec![false; self.surfaces.len()];
        for i in 0..b.len() {
            let Some(rest) = b.get(i..) else { break };
            let Some(key) = prefix3(rest) else { break };
            let from = self.by_prefix.partition_point(|&(k, _)| k < key);
            for &(k, s) in self.by_prefix.get(from..).unwrap_or_default() {
                if k != key {
                    break;
                }
                if let (Some((surface, _)), Some(h)) = (self.surfaces.get(s), hit.get_mut(s)) {
                    *h = *h || rest.starts_with(surface.as_bytes());
                }
            }
        }
        self.surfaces
            .iter()
            .zip(&hit)
            .filter(|(_, &h)| h)
            .map(|((_, canonical), _)| canonical.to_string())
            .collect()
    }
}

/// The first three bytes of `b` as one number.
fn prefix3(b: &[u8]) -> Option<u32> {
    match b {
        [x, y, z, ..] => Some(u32::from(*x) << 16 | u32::from(*y) << 8 | u32::from(*z)),
        _ => None,
    }
}

/// Per-range results of the regex scans (keyed by byte range of the source text), so each
/// sentence and clause is scanned once however many figures it holds.
#[derive(Default)]
struct Memo {
    clauses: VecMap<Range, Rc<Vec<Range>>>,
    attributions: VecMap<Range, Rc<Vec<(usize, String)>>>,
    /// (regex id, start, end) -> matched.
    flags: VecMap<(u8, usize, usize), bool>,
    /// (cue set id, start, end) -> matches.
    cues: VecMap<(u8, usize, usize), Rc<Vec<CueMatch>>>,
    aliases: VecMap<(usize, usize), Rc<Vec<String>>>,
}

/// A byte range (start, end) of a source text.
type Range = (usize, usize);

/// A cue match: (start, end, key), relative to the scanned range.
type CueMatch = (usize, usize, &'static str);

impl SourceCtx<'_> {
    /// The clauses of a sentence (memoized).
    fn clauses(&self, sentence: (usize, usize)) -> Rc<Vec<(usize, usize)>> {
        if let Some(c) = self.memo.borrow().clauses.get(&sentence) {
            return c.clone();
        }
        let c = Rc::new(clauses(self.text, sentence));
        self.memo.borrow_mut().clauses.insert(sentence, c.clone());
        c
    }

    /// Whether `found` (known by `id`), an ASCII case-insensitive scanner, matches the text
    /// within `a..b` (memoized).
    fn flag(&self, id: u8, found: fn(&str) -> bool, a: usize, b: usize) -> bool {
        if let Some(&f) = self.memo.borrow().flags.get(&(id, a, b)) {
            return f;
        }
        let f = found(self.slice(a, b));
        self.memo.borrow_mut().flags.insert((id, a, b), f);
        f
    }

    /// The matches of a cue set within `a..b`, relative to `a` (memoized).
    fn cues(&self, id: u8, set: &CueSet, a: usize, b: usize) -> Rc<Vec<CueMatch>> {
        if let Some(c) = self.memo.borrow().cues.get(&(id, a, b)) {
            return c.clone();
        }
        let c = Rc::new(set.matches(self.slice(a, b)));
        self.memo.borrow_mut().cues.insert((id, a, b), c.clone());
        c
    }

    /// Canonical names of the alias table whose surface forms appear in `a..b` (memoized).
    fn alias_subjects(&self, a: usize, b: usize) -> Rc<Vec<String>> {
        if let Some(c) = self.memo.borrow().aliases.get(&(a, b)) {
            return c.clone();
        }
        let lower = self.slice(a, b).lowercase();
        let index = self
            .alias_index
            .get_or_init(|| AliasIndex::new(self.aliases));
        let c = Rc::new(index.found_in(&lower));
        self.memo.borrow_mut().aliases.insert((a, b), c.clone());
        c
    }

    /// Every attribution a sentence states: (offset in the sentence, name) (memoized).
    fn attribution_candidates(&self, sentence: (usize, usize)) -> Rc<Vec<(usize, String)>> {
        if let Some(c) = self.memo.borrow().attributions.get(&sentence) {
            return c.clone();
        }
        let s = self.slice(sentence.0, sentence.1);
        let lower = s.lowercase();
        // Words each pattern needs: a sentence without them is not scanned by it.
        let has = |words: &[&str]| words.iter().any(|w| text::contains_str(&lower, w));
        let verbs = ["measured", "recorded", "estimated", "put", "registered"];
        let mut found: Vec<(usize, String)> = Vec::new();
        for (scan, needed) in [
            (
                attrib::measured_by as attrib::Scan,
                has(&verbs) && text::contains_str(&lower, "by "),
            ),
            (attrib::subject_measured, has(&verbs)),
            (
                attrib::according,
                text::contains_str(&lower, "according to"),
            ),
            (
                attrib::figures_from,
                has(&[
                    "statistics",
                    "data",
                    "figures",
                    "estimate",
                    "numbers",
                    "report",
                    "tally",
                    "count",
                    "statement",
                ]),
            ),
            (
                attrib::said,
                has(&[
                    "said", "says", "reported", "estimate", "put", "counted", "told",
                ]),
            ),
            (
                attrib::said_after,
                has(&["said", "according to", "reported"]),
            ),
        ] {
            if !needed {
                continue;
            }
            for (gs, ge) in attrib::groups(s, scan) {
                let name = s
                    .get(gs..ge)
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(['\'', '\u{2019}', '.', ',', ';'])
                    .trim();
                let name = name
                    .strip_prefix("the ")
                    .or_else(|| name.strip_prefix("The "))
                    .unwrap_or(name);
                let first = name.split_whitespace().next().unwrap_or("").lowercase();
                if name.is_empty()
                    || NOT_A_BODY.contains(&first.as_str()) && name.split_whitespace().count() == 1
                {
                    continue;
                }
                if name_key(name) == "the" || first == "he" || first == "she" || first == "they" {
                    continue;
                }
                found.push((gs, name.to_string()));
            }
        }
        let c = Rc::new(found);
        self.memo
            .borrow_mut()
            .attributions
            .insert(sentence, c.clone());
        c
    }

    /// Date and time mentions lying within `a..b`.
    fn dates_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        let first = self
            .dates
            .partition_point(|&i| self.ext.mentions.get(i).map_or(0, |m| m.start) < a);
        self.dates[first..]
            .iter()
            .filter_map(|&i| self.ext.mentions.get(i))
            .take_while(move |m| m.start < b)
            .filter(move |m| m.end <= b)
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or("")
    }

    fn sentence_of(&self, m: &Mention) -> (usize, usize) {
        if m.sentence.end > m.sentence.start
            && self.text.get(m.sentence.start..m.sentence.end).is_some()
        {
            (m.sentence.start, m.sentence.end)
        } else if self.text.get(m.start..m.end).is_some() {
            (m.start, m.end)
        } else {
            (0, 0)
        }
    }

    /// People an event claim at `m` is about.
    fn participants(
        &self,
        m: &Mention,
        sentence: (usize, usize),
        cl: (usize, usize),
    ) -> Vec<String> {
        let mut set: VecSet<String> = self
            .people
            .in_range(cl.0, cl.1)
            .into_iter()
            .filter(|o| !self.people.speaks(self.text, o))
            .map(|o| o.key.clone())
            .collect();
        let clause_text = self.slice(cl.0, cl.1);
        let sent_text = self.slice(sentence.0, sentence.1);
        let two = cues::the_two(clause_text) || (set.len() < 2 && cues::the_two(sent_text));
        if two {
            for k in self.people.top(2) {
                set.insert(k.to_string());
            }
        } else {
            if cues::pronoun(clause_text) {
                if let Some(p) = self.people.protagonist() {
                    set.insert(p.to_string());
                }
            }
            if set.len() < 2 {
                for o in self.people.in_range(sentence.0, sentence.1) {
                    if !self.people.speaks(self.text, o)
                        || o.key == self.people.protagonist().unwrap_or("")
                    {
                        set.insert(o.key.clone());
                    }
                }
                if set.len() == 1 && cues::pronoun(sent_text) {
                    if let Some(p) = self.people.protagonist() {
                        set.insert(p.to_string());
                    }
                }
            }
        }
        let _ = m;
        set.into_iter().collect()
    }

    /// The event a date, venue or ordinal at `m` is about: the nearest event word in its
    /// clause, else in the sentence outside clauses holding another date.
    fn event(
        &self,
        m: &Mention,
        sentence: (usize, usize),
        cls: &[(usize, usize)],
    ) -> Option<&'static str> {
        let e = self.event_word(m, sentence, cls)?;
        if e != "incident" {
            return Some(e);
        }
        // "The earthquake struck on Tuesday": the verb stands for the event the sentence names.
        let named = self
            .cues(0, &EVENTS, sentence.0, sentence.1)
            .iter()
            .map(|x| x.2)
            .find(|k| matches!(*k, "earthquake" | "storm" | "attack" | "match"));
        Some(named.unwrap_or(e))
    }

    fn event_word(
        &self,
        m: &Mention,
        sentence: (usize, usize),
        cls: &[(usize, usize)],
    ) -> Option<&'static str> {
        let cl = clause_of(cls, m.start);
        let in_clause = self.slice(cl.0, cl.1);
        let rel = m.start.saturating_sub(cl.0);
        let rel_end = m.end.saturating_sub(cl.0);
        // "as the death toll from Monday's earthquake hit 94": the possessive date is the
        // event's; another date in that clause is not.
        let possessive = self.dates_in(cl.0, cl.1).any(|o| {
            o.start != m.start
                && self
                    .text
                    .get(o.end..)
                    .is_some_and(|t| t.starts_with("'s ") || t.starts_with("\u{2019}s "))
        });
        if possessive && matches!(m.kind, Kind::Date | Kind::Time) {
            return None;
        }
        let mut near: Vec<(usize, &'static str)> = self
            .cues(0, &EVENTS, cl.0, cl.1)
            .iter()
            .filter(|x| !(x.0 >= rel && x.1 <= rel_end))
            // "earthquake-hit area": a compound adjective, not the event.
            .filter(|x| {
                !in_clause.get(x.1..).is_some_and(|t| t.starts_with('-'))
                    && !in_clause.get(..x.0).is_some_and(|t| t.ends_with('-'))
            })
            .filter_map(|x| {
                let d = if x.1 <= rel {
                    rel - x.1
                } else {
                    x.0.saturating_sub(rel_end)
                };
                let word = in_clause.get(x.0..x.1).unwrap_or("").lowercase();
                // A statement only right next to the date; an event noun within a few words;
                // an event verb anywhere in the clause.
                let ok = match x.2 {
                    "statement" => d <= 4,
                    _ => is_event_verb(&word) || d <= 70,
                };
                ok.then_some((d, x.2))
            })
            .collect();
        near.sort();
        if let Some((_, e)) = near.first() {
            return Some(e);
        }
        // Other clauses that do not carry a date of their own.
        let mut best: Option<(usize, &'static str)> = None;
        for c in cls {
            if *c == cl {
                continue;
            }
            let has_date = self.dates_in(c.0, c.1).next().is_some();
            if has_date && matches!(m.kind, Kind::Date | Kind::Time) {
                continue;
            }
            let t = self.slice(c.0, c.1);
            let lead = t.split_whitespace().next().unwrap_or("");
            if matches!(lead, "who" | "which" | "that" | "whose") {
                continue;
            }
            for &(s, e, k) in self.cues(0, &EVENTS, c.0, c.1).iter() {
                let abs = (c.0 + s, c.0 + e);
                let d = if abs.1 <= m.start {
                    m.start - abs.1
                } else {
                    abs.0.saturating_sub(m.end)
                };
                if best.map_or(true, |b| d < b.0) {
                    best = Some((d, k));
                }
            }
        }
        let _ = sentence;
        best.map(|b| b.1)
    }

    /// Place right after the mention: "visit to Beijing", "killed in Sichuan".
    /// Where a figure applies: a place right after it ("visit to Beijing"), else a place the
    /// entity extractor found in its clause ("organizers in New York ... half a million"), else
    /// an introductory "In Boston," clause of its sentence.
    fn place(&self, m: &Mention, cl: (usize, usize)) -> Option<String> {
        if let Some(p) = self.place_after(m, cl) {
            return Some(p);
        }
        let places = |a: usize, b: usize| {
            self.ext
                .mentions
                .iter()
                .filter(move |o| o.kind == Kind::Entity && o.rule == "entity.place")
                .filter(move |o| o.start >= a && o.end <= b)
        };
        let nearest = places(cl.0, cl.1).min_by_key(|o| {
            if o.start >= m.end {
                o.start - m.end
            } else {
                m.start.saturating_sub(o.end)
            }
        });
        let found = nearest.or_else(|| {
            let sentence = self.sentence_of(m);
            self.clauses(sentence)
                .iter()
                .copied()
                .filter(|c| {
                    let t = self.slice(c.0, c.1).trim().lowercase();
                    t.starts_with("in ") || t.starts_with("and in ") || t.starts_with("across ")
                })
                .find_map(|c| places(c.0, c.1).next())
        })?;
        let name = found
            .value
            .text()
            .map_or(found.text.as_str(), |t| t.value.as_str());
        Some(self.aliases.place(name))
    }

    fn place_after(&self, m: &Mention, cl: (usize, usize)) -> Option<String> {
        let after = self.slice(m.end, cl.1.max(m.end));
        if after.trim_start().lowercase().starts_with("according") {
            return None;
        }
        let name = attrib::place_after(after)?
            .split_whitespace()
            .take_while(|w| !is_calendar_word(w))
            .collect::<Vec<_>>()
            .joined(" ");
        if name.is_empty() || name == "the" {
            return None;
        }
        let key = self.aliases.place(&name);
        // A person is not a place.
        if self.people.occurrences.iter().any(|o| o.key == key) {
            return None;
        }
        Some(key)
    }

    /// Period of a figure: a date mention in its clause covering more than one day.
    fn period(&self, m: &Mention, cl: (usize, usize)) -> Option<String> {
        self.period_in(m, cl).or_else(|| {
            // An introductory "In 2008," clause scopes the whole sentence.
            let sentence = self.sentence_of(m);
            self.clauses(sentence)
                .iter()
                .copied()
                .filter(|c| {
                    let t = self.slice(c.0, c.1).trim();
                    let t = t
                        .strip_prefix("In ")
                        .or_else(|| t.strip_prefix("in "))
                        .or_else(|| t.strip_prefix("By "))
                        .or_else(|| t.strip_prefix("As of "))
                        .unwrap_or(t);
                    self.dates_in(c.0, c.1).any(|d| d.text.trim() == t.trim())
                })
                .find_map(|c| self.period_in(m, c))
        })
    }

    fn period_in(&self, m: &Mention, cl: (usize, usize)) -> Option<String> {
        self.dates_in(cl.0, cl.1)
            .filter(|o| o.kind == Kind::Date)
            .filter_map(|o| o.value.date().map(|d| (o, d)))
            .filter(|(_, d)| {
                d.granularity >= Granularity::Month
                    || matches!((&d.start, &d.end), (Some(s), Some(e)) if s != e)
            })
            // The period nearest the figure ("2.8 percent in February from 3.0 percent in January").
            .min_by_key(|(o, _)| {
                if o.start >= m.end {
                    o.start - m.end
                } else {
                    m.start.saturating_sub(o.end) + 1
                }
            })
            .map(|(_, d)| match (&d.start, &d.end) {
                (Some(s), Some(e)) => format!("{s}..{e}"),
                _ => d.timex.clone(),
            })
            .filter(|_| m.kind != Kind::Date)
    }

    /// Who the sentence attributes its figures to: (display, is a body rather than a person).
    fn attribution(&self, sentence: (usize, usize), m: &Mention) -> Option<(String, bool)> {
        let rel = m.start.saturating_sub(sentence.0);
        let cands = self.attribution_candidates(sentence);
        let mut found: Vec<(usize, &String)> = cands
            .iter()
            .map(|(at, name)| (at.abs_diff(rel), name))
            .collect();
        found.sort();
        let (_, name) = found.into_iter().next()?;
        let name = name.clone();
        // A person (quoted) or a body?
        let key = self.aliases.subject(&name);
        let is_person = self
            .people
            .occurrences
            .iter()
            .any(|o| o.key == key || self.slice(o.start, o.end) == name);
        Some((name, !is_person))
    }
}

/// Event words that are verbs (they govern a date anywhere in their clause).
fn is_event_verb(word: &str) -> bool {
    static VERBS: WordList = WordList::new(words![
        "met",
        "meet",
        "meets",
        "arrived",
        "arrives",
        "arrive",
        "landed",
        "departed",
        "departs",
        "left for",
        "headed to",
        "heads to",
        "will head to",
        "visited",
        "visiting",
        "struck",
        "hit",
        "crashed",
        "crashes",
        "skidded",
        "slammed",
        "collided",
        "derailed",
        "exploded",
        "erupted",
        "beat",
        "beats",
        "defeated",
        "drew",
        "sat down",
        "launched",
        "unveiled",
        "released",
        "completed",
        "completes",
        "closed",
        "closes",
        "finalized",
        "finalised",
        "sworn in",
    ]);
    // The verbs that open a trip ("kicked off", "began", ...) are the arrival lead's.
    VERBS.contains(&word) || cues::ARRIVAL_LEAD.verbs.iter().any(|v| word.starts_with(v))
}

/// Weekday and month names (they end a place name: "to China Sunday").
fn is_calendar_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).lowercase();
    // "Sunday's runoff", "last year's": the possessive of a calendar word is one too.
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(&w);
    crate::extract::dates::month_number(w).is_some()
        || crate::extract::dates::is_weekday_name(w)
        || matches!(
            w,
            "today" | "yesterday" | "tomorrow" | "this" | "last" | "next"
        )
}

fn display_name(people: &People, key: &str) -> String {
    people
        .display
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

fn join_names(people: &People, keys: &[String]) -> String {
    keys.iter()
        .map(|k| display_name(people, k))
        .collect::<Vec<_>>()
        .joined("\u{2013}")
}

/// Makes the claims of every source: one per mention, in source then text order, then the
/// meeting orders it states ([`super::order`]). Texts are the sources' original texts.
///
/// The steps are public to the crate so that a [`crate::session::Session`] can redo only
/// the ones an edit invalidates: [`full_names`](super::names::full_names) per source,
/// [`directory`] over all of them, [`People::find_with`] per source, [`protagonist`] over
/// all, then [`source_claims`] per source.
pub fn build(extractions: &[Extraction], texts: &[&str], aliases: &AliasTable) -> Vec<ClaimInfo> {
    let text = |i: usize| texts.get(i).copied().unwrap_or("");
    let names: Vec<_> = extractions
        .iter()
        .enumerate()
        .map(|(i, ext)| super::names::full_names(ext, text(i), aliases))
        .collect();
    let dir = directory(&names);
    let mut all_people: Vec<People> = extractions
        .iter()
        .enumerate()
        .zip(&names)
        .map(|((si, ext), names)| People::find_with(ext, text(si), names, &dir))
        .collect();
    let main = protagonist(&all_people);
    for p in &mut all_people {
        set_protagonist(p, main.as_ref());
    }
    let mut out = Vec::new();
    for ((si, ext), people) in extractions.iter().enumerate().zip(all_people) {
        out.extend(source_claims(ext, text(si), si, people, aliases));
    }
    out
}

/// The full names of every source (two words or more), to resolve short forms in sources
/// that never spell a name out.
pub fn directory<'a>(
    names: impl IntoIterator<Item = &'a Vec<(String, Option<String>)>>,
) -> Directory {
    let mut dir = Directory::default();
    for names in names {
        for (name, _) in names {
            if name.split_whitespace().count() >= 2 {
                dir.full
                    .entry(name_key(name))
                    .or_insert_with(|| name.clone());
            }
        }
    }
    dir.index();
    dir
}

/// The protagonist of the story: the person most mentioned over all articles (ties: the
/// first key).
pub fn protagonist<'a>(all_people: impl IntoIterator<Item = &'a People>) -> Option<String> {
    let mut total: VecMap<&str, usize> = VecMap::new();
    for p in all_people {
        for (k, c) in &p.counts {
            *total.entry(k.as_str()).or_default() += c;
        }
    }
    total
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.to_string())
}

/// Records the protagonist in a source's people when that source mentions them.
pub fn set_protagonist(people: &mut People, main: Option<&String>) {
    if main.is_some_and(|m| people.counts.contains_key(m)) {
        people.main = main.cloned();
    }
}

/// The claims of one source (index `si`): one per mention, plus its stated orders of meetings.
pub fn source_claims(
    ext: &Extraction,
    text: &str,
    si: usize,
    people: People,
    aliases: &AliasTable,
) -> Vec<ClaimInfo> {
    source_claims_again(ext, text, si, people, aliases, None).infos
}

/// Bytes of text either side of a claim's sentence that its claim may read (a possessive
/// "'s" after a date, a rank right next to another): part of what [`Made`] compares.
const AROUND: usize = 16;

/// A source's claims and what they were made from, so that [`source_claims_again`] remakes
/// only the claims whose surroundings changed since.
#[derive(Debug, Default)]
pub(crate) struct Made {
    /// The claims: one per mention (in mention order), then the stated orders of meetings.
    pub infos: Vec<ClaimInfo>,
    /// The source's id and metadata (its claims' ids, outlet and publication date; not its
    /// length, which every keystroke changes).
    source: Option<(String, Metadata)>,
    /// Its index in the input.
    si: usize,
    /// Its people (with the protagonist set).
    people: People,
    /// What each mention's claim read beyond these, by mention index.
    around: Vec<Around>,
    /// Per claim: true when it is the claim at the same index of the `old` it was made with,
    /// kept as it was (so whatever was derived from that claim still holds).
    pub kept: Vec<bool>,
}

/// What the claim of one mention reads beyond its source's people and metadata: the text of
/// its sentence (and [`AROUND`] bytes either side) and the mentions overlapping it. A claim
/// of a mention is a function of these, the mention's index, the people, the metadata and the
/// alias table: equal inputs make an equal claim.
#[derive(Debug, PartialEq)]
struct Around {
    /// Byte range of the text read.
    window: (usize, usize),
    /// That text.
    text: String,
    /// The mentions overlapping it, in mention order (the claim's own among them).
    mentions: Vec<Mention>,
}

/// The byte range a mention's claim reads: its sentence (or itself), widened by [`AROUND`]
/// to char boundaries.
fn window_of(text: &str, m: &Mention) -> (usize, usize) {
    let (a, b) = if m.sentence.end > m.sentence.start
        && text.get(m.sentence.start..m.sentence.end).is_some()
    {
        (m.sentence.start, m.sentence.end)
    } else {
        (m.start.min(m.end), m.end.max(m.start))
    };
    let mut a = a.min(text.len()).saturating_sub(AROUND);
    let mut b = b.saturating_add(AROUND).min(text.len());
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    (a, b)
}

/// The mentions overlapping `w` (touching counts), as a sub-slice of `mentions` when they are
/// contiguous there; else `None` (then nothing is reused).
fn overlapping(mentions: &[Mention], w: (usize, usize)) -> Option<&[Mention]> {
    let hit = |m: &Mention| m.start <= w.1 && m.end >= w.0;
    let first = mentions.iter().position(hit)?;
    let len = mentions.get(first..)?.iter().take_while(|m| hit(m)).count();
    let rest = mentions.get(first + len..)?;
    if rest.iter().any(hit) {
        return None;
    }
    mentions.get(first..first + len)
}

/// [`source_claims`], reusing from `old` (made earlier by this function for the same source
/// position with the same alias table) the claims of mentions whose index, surroundings
/// ([`Around`]), people and metadata are unchanged: an editor typing into one sentence
/// remakes the claims of that sentence only.
pub(crate) fn source_claims_again(
    ext: &Extraction,
    text: &str,
    si: usize,
    people: People,
    aliases: &AliasTable,
    old: Option<Made>,
) -> Made {
    // Reusable only with the same people, metadata and position.
    let old = old.filter(|o| {
        o.si == si
            && o.people == people
            && o.source
                .as_ref()
                .is_some_and(|(id, meta)| *id == ext.source.id && *meta == ext.source.metadata)
    });
    let (mut old_infos, mut old_around): (Vec<Option<ClaimInfo>>, Vec<Option<Around>>) = match old {
        Some(o) => (
            o.infos.into_iter().map(Some).collect(),
            o.around.into_iter().map(Some).collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut out = Vec::new();
    let mut around = Vec::with_capacity(ext.mentions.len());
    let mut kept_flags = Vec::with_capacity(ext.mentions.len());
    let orders = super::order::find(text, &people);
    let dates = ext
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.kind, Kind::Date | Kind::Time))
        .map(|(i, _)| i)
        .collect();
    let ctx = SourceCtx {
        ext,
        text,
        people,
        aliases,
        dates,
        memo: RefCell::default(),
        alias_index: std::cell::OnceCell::new(),
    };
    let published = ext
        .source
        .metadata
        .published
        .as_ref()
        .map(|f| f.value.clone());
    for (mi, m) in ext.mentions.iter().enumerate() {
        let window = window_of(text, m);
        let near = overlapping(&ext.mentions, window);
        let same = |a: &Around| {
            a.window == window
                && text.get(window.0..window.1) == Some(a.text.as_str())
                && near.is_some_and(|n| a.mentions.as_slice() == n)
        };
        let kept = match old_around.get_mut(mi) {
            Some(slot) if slot.as_ref().is_some_and(same) => slot
                .take()
                .and_then(|a| Some((old_infos.get_mut(mi)?.take()?, a))),
            _ => None,
        };
        match kept {
            Some((info, a)) => {
                out.push(info);
                around.push(a);
                kept_flags.push(true);
            }
            None => {
                out.push(claim_of(&ctx, si, mi, m, published.clone()));
                kept_flags.push(false);
                around.push(Around {
                    window,
                    text: text.get(window.0..window.1).unwrap_or("").to_string(),
                    // Mentions that are not contiguous never compare equal to a slice.
                    mentions: near.map(<[Mention]>::to_vec).unwrap_or_default(),
                });
            }
        }
    }
    out.extend(super::order::claims(
        &orders,
        text,
        &ctx.people,
        published.as_ref(),
        si,
        ext,
    ));
    kept_flags.resize(out.len(), false);
    Made {
        kept: kept_flags,
        infos: out,
        source: Some((ext.source.id.clone(), ext.source.metadata.clone())),
        si,
        people: ctx.people,
        around,
    }
}

fn claim_of(
    ctx: &SourceCtx<'_>,
    si: usize,
    mi: usize,
    m: &Mention,
    published: Option<String>,
) -> ClaimInfo {
    let sentence = ctx.sentence_of(m);
    let cls = ctx.clauses(sentence);
    let cl = clause_of(&cls, m.start);
    let sent_text = ctx.slice(sentence.0, sentence.1).to_string();
    let clause_text = ctx.slice(cl.0, cl.1);
    let rel = m.start.saturating_sub(cl.0);
    let rel_end = m.end.saturating_sub(cl.0);
    let noun = m.noun.as_deref().map(singular).filter(|n| !n.is_empty());
    // Bare entities make no groups: only say who they are.
    let attribution = if m.kind == Kind::Entity {
        None
    } else {
        ctx.attribution(sentence, m)
    };
    let mut info = ClaimInfo {
        claim: Claim {
            id: format!("{}#{}", ctx.ext.source.id, mi + 1),
            source: ctx.ext.source.id.clone(),
            mention: m.clone(),
            display: m.display_value(),
            measure: None,
            subjects: Vec::new(),
            scope: None,
            attribution: attribution.as_ref().map(|a| a.0.clone()),
        },
        source_index: si,
        published,
        block: None,
        participants: Vec::new(),
        by_participants: false,
        place: None,
        period: None,
        body: attribution.as_ref().and_then(|a| {
            let lower = a.0.lowercase();
            let lower = lower.strip_prefix("the ").unwrap_or(&lower);
            if let Some((_, class)) = GENERIC_CLASSES.iter().find(|(w, _)| *w == lower) {
                Some((*class).to_string())
            } else if a.1 {
                Some(ctx.aliases.subject(&a.0))
            } else {
                None
            }
        }),
        updated: ctx.flag(0, cues::updated, sentence.0, sentence.1),
        who: None,
        thing: None,
        description: String::new(),
        sign: 1.0,
        sentence: sent_text.clone(),
        source_name: match &ctx.ext.source.metadata.outlet {
            Some(o) if !o.value.trim().is_empty() => {
                format!("{} ({})", o.value.trim(), ctx.ext.source.id)
            }
            _ => ctx.ext.source.id.clone(),
        },
        mention_index: mi,
        compare_key: std::cell::OnceCell::new(),
    };
    let people = &ctx.people;
    if m.kind == Kind::Entity {
        if let Some(t) = m.value.text() {
            let key = ctx.aliases.subject(&t.canonical);
            let key = if ctx.aliases.knows(&t.value) {
                ctx.aliases.subject(&t.value)
            } else {
                key
            };
            info.claim.subjects = vec![key];
        }
        return info;
    }
    // In-clause people and institutions, for the report.
    let mut subjects: VecSet<String> = people
        .in_range(cl.0, cl.1)
        .into_iter()
        .map(|o| o.key.clone())
        .collect();
    let fraction = m
        .value
        .quantity()
        .is_some_and(|q| q.unit.as_deref() == Some(FRACTION));
    let (block, description) = match m.kind {
        // A share of a whole ("two-thirds of lawmakers"): compared as a proportion, with
        // shares of the same whole and cue only, never with head counts.
        Kind::Count if fraction => {
            let cue = count_cue(clause_text, &ctx.cues(1, &COUNTS, cl.0, cl.1), rel, rel_end);
            match noun
                .as_deref()
                .filter(|n| !VAGUE_NOUNS.contains(n) || *n == "person")
            {
                Some(n) => (
                    Some(format!("share/{}/{n}", cue.unwrap_or("-"))),
                    match cue {
                        Some(c) => format!("share of {} ({c})", plural(n)),
                        None => format!("share of {}", plural(n)),
                    },
                ),
                None => (None, String::new()),
            }
        }
        Kind::Count => {
            let cue = count_cue(clause_text, &ctx.cues(1, &COUNTS, cl.0, cl.1), rel, rel_end);
            let value = m.value.quantity().map_or(0.0, |q| q.value);
            let vague = noun.as_deref().map_or(true, |n| VAGUE_NOUNS.contains(&n));
            let timeish = noun
                .as_deref()
                .is_some_and(|n| TIME_NOUNS.contains(&n) || DISTANCE_NOUNS.contains(&n));
            // "a crowd of 78,000", "a toll of 175": the noun names the measure, not a unit.
            let noun = noun.filter(|n| !MEASURE_NOUNS.contains(&n.as_str()));
            match (cue, &noun) {
                _ if timeish => (None, String::new()),
                (Some(c), n) if value > 2.0 || !vague => (
                    Some(format!(
                        "count/{c}/{}",
                        n.clone().unwrap_or_else(|| "-".into())
                    )),
                    match n {
                        Some(n) if n != "person" => format!("{} ({})", count_phrase(c), plural(n)),
                        _ => count_phrase(c).to_string(),
                    },
                ),
                (None, Some(n)) if !vague && value > 2.0 => (
                    Some(format!("count/-/{n}")),
                    format!("number of {}", plural(n)),
                ),
                _ => (None, String::new()),
            }
        }
        Kind::Money => {
            let cue = nearest_cue(&ctx.cues(2, &MONEYS, cl.0, cl.1), rel, rel_end).or_else(|| {
                nearest_cue(
                    &ctx.cues(2, &MONEYS, sentence.0, sentence.1),
                    m.start.saturating_sub(sentence.0),
                    m.end.saturating_sub(sentence.0),
                )
            });
            let forecast = forecast_before(ctx.slice(cl.0, m.start.max(cl.0)));
            let cue = cue.map(|c| {
                let c = match modifier_before(clause_text, &ctx.cues(2, &MONEYS, cl.0, cl.1), rel) {
                    Some(m) => format!("{c} of {m}"),
                    None => c.to_string(),
                };
                if forecast {
                    format!("forecast of {c}")
                } else {
                    c
                }
            });
            let rate = cues::rate_after(ctx.slice(m.end, cl.1.max(m.end))).map(singular);
            match (cue.or_else(|| noun.clone()), rate) {
                (Some(c), Some(r)) => (Some(format!("money/{c}/per {r}")), format!("{c} per {r}")),
                (Some(c), None) => (Some(format!("money/{c}")), money_phrase(&c)),
                (None, _) => (None, String::new()),
            }
        }
        Kind::Percent | Kind::PercentagePoints => {
            let fam = if m.kind == Kind::Percent {
                "percent"
            } else {
                "pp"
            };
            let pm = ctx.cues(3, &PERCENTS, cl.0, cl.1);
            let near = |keys: &[&str]| {
                pm.iter()
                    .filter(|x| keys.contains(&x.2))
                    .min_by_key(|x| {
                        if x.1 <= rel {
                            rel - x.1
                        } else {
                            x.0.saturating_sub(rel_end)
                        }
                    })
                    .map(|x| x.2)
            };
            let dir = near(&["increase", "decrease"]);
            let what = near(&[
                "turnout",
                "unemployment",
                "inflation",
                "vote share",
                "approval",
                "margin",
                "market share",
            ]);
            let topic =
                nearest_cue(&ctx.cues(2, &MONEYS, cl.0, cl.1), rel, rel_end).or_else(|| {
                    nearest_cue(
                        &ctx.cues(2, &MONEYS, sentence.0, sentence.1),
                        m.start.saturating_sub(sentence.0),
                        m.end.saturating_sub(sentence.0),
                    )
                });
            // "iPhone sales rose 6%" is not "revenue rose 8%".
            let forecast = forecast_before(ctx.slice(cl.0, m.start.max(cl.0)));
            let topic = topic.map(|t| {
                let t = match modifier_before(clause_text, &ctx.cues(2, &MONEYS, cl.0, cl.1), rel) {
                    Some(m) => format!("{t} of {m}"),
                    None => t.to_string(),
                };
                if forecast {
                    format!("forecast of {t}")
                } else {
                    t
                }
            });
            if dir == Some("decrease") {
                info.sign = -1.0;
            }
            let change = dir.map(|_| "change");
            match (what, topic, change) {
                (Some(w), _, _) => (Some(format!("{fam}/{w}")), w.to_string()),
                (None, Some(t), Some(c)) => (
                    Some(format!("{fam}/{t}/{c}")),
                    format!("change in {t} (percent)"),
                ),
                (None, Some(t), None) => (Some(format!("{fam}/{t}")), format!("{t} (percent)")),
                _ => (None, String::new()),
            }
        }
        Kind::Ordinal => match noun.as_deref().and_then(ordinal_event) {
            Some(ev) => {
                let parts = ctx.participants(m, sentence, cl);
                info.by_participants = true;
                if parts.is_empty() || (ev == "meeting" && parts.len() < 2) {
                    (None, String::new())
                } else {
                    info.participants = parts.clone();
                    // "the first visit since 2017" counts from somewhere else than "the
                    // first visit since taking office".
                    info.period = cues::since(ctx.slice(m.end, cl.1.max(m.end)))
                        .map(|g| format!("since {}", name_key(g)));
                    (
                        Some(format!("ordinal/{ev}")),
                        format!("ordinal of the {ev} ({})", join_names(people, &parts)),
                    )
                }
            }
            None => (None, String::new()),
        },
        Kind::Rank => match rank_subject(ctx, m, cl) {
            Some(who) => {
                subjects.insert(who.clone());
                (
                    Some(format!("rank/{who}")),
                    format!("rank of {}", display_name(people, &who)),
                )
            }
            None => (None, String::new()),
        },
        Kind::Date | Kind::Time => {
            let fine = m.value.date().is_some_and(|d| {
                d.granularity <= Granularity::Day
                    && !matches!((&d.start, &d.end), (Some(a), Some(b)) if a != b)
            });
            let ev = ctx
                .event(m, sentence, &cls)
                .filter(|e| *e != "statement")
                .filter(|_| fine && !ctx.flag(1, cues::past_event, cl.0, cl.1))
                .filter(|_| !ctx.flag(0, cues::updated, cl.0, cl.1));
            let parts = ctx.participants(m, sentence, cl);
            info.by_participants = true;
            match ev {
                Some(ev) => {
                    let personal =
                        matches!(ev, "meeting" | "arrival" | "departure" | "visit" | "forum");
                    if personal && parts.is_empty() {
                        (None, String::new())
                    } else {
                        info.participants = parts.clone();
                        let who = if parts.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", join_names(people, &parts))
                        };
                        let fam = if m.kind == Kind::Date { "date" } else { "time" };
                        (
                            Some(format!("{fam}/{ev}")),
                            format!("{fam} of the {ev}{who}"),
                        )
                    }
                }
                None => (None, String::new()),
            }
        }
        Kind::Duration => {
            let n = noun.clone().or_else(|| {
                let after = ctx.slice(m.end, (m.end + 40).min(cl.1.max(m.end)));
                cues::noun_after(after).map(|n| n.lowercase())
            });
            match n {
                Some(n) => {
                    let n = match n.as_str() {
                        "trip" | "tour" | "stay" | "journey" => "visit".to_string(),
                        _ => n,
                    };
                    if n == "term" || n == "terms" {
                        // "sworn in for a five-year term": whose term it is says which
                        // ("his predecessor served two five-year terms" is another's).
                        let parts = ctx.participants(m, sentence, cl);
                        info.by_participants = true;
                        if parts.is_empty() {
                            (None, String::new())
                        } else {
                            info.participants = parts.clone();
                            (
                                Some("duration/term".to_string()),
                                format!("length of the term ({})", join_names(people, &parts)),
                            )
                        }
                    } else if VAGUE_NOUNS.contains(&n.as_str()) {
                        (None, String::new())
                    } else {
                        (Some(format!("duration/{n}")), format!("length of the {n}"))
                    }
                }
                // "schools closed for two days", "talks lasted for two days": how long the
                // event named before it in the clause went on ("left without power for
                // several hours after the quake" is not the quake's length).
                None if ctx
                    .slice(cl.0, m.start.max(cl.0))
                    .trim_end()
                    .ends_with(" for") =>
                {
                    let before = ctx
                        .cues(0, &EVENTS, cl.0, cl.1)
                        .iter()
                        .rev()
                        .find(|x| x.1 <= rel && !matches!(x.2, "statement" | "incident"))
                        .map(|x| x.2);
                    match before {
                        Some(ev) => (
                            Some(format!("duration/{ev}")),
                            format!("length of the {ev}"),
                        ),
                        None => (None, String::new()),
                    }
                }
                None => (None, String::new()),
            }
        }
        Kind::Title => {
            let who = m
                .value
                .text()
                .and_then(|t| t.subject.as_deref())
                .map(|s| resolve_person(people, s));
            match who {
                Some(w) => {
                    subjects.insert(w.clone());
                    (
                        Some(format!("title/{w}")),
                        format!("title of {}", display_name(people, &w)),
                    )
                }
                None => (None, String::new()),
            }
        }
        Kind::Venue => {
            let ev = ctx.event(m, sentence, &cls).filter(|e| *e != "statement");
            let parts = ctx.participants(m, sentence, cl);
            info.by_participants = true;
            match ev {
                Some(ev) if !parts.is_empty() || !matches!(ev, "meeting" | "visit" | "forum") => {
                    info.participants = parts.clone();
                    let who = if parts.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", join_names(people, &parts))
                    };
                    (
                        Some(format!("venue/{ev}")),
                        format!("venue of the {ev}{who}"),
                    )
                }
                _ => (None, String::new()),
            }
        }
        _ => (None, String::new()),
    };
    if matches!(
        m.kind,
        Kind::Count | Kind::Money | Kind::Percent | Kind::PercentagePoints
    ) {
        let mut who: VecSet<String> = people
            .in_range(cl.0, cl.1)
            .into_iter()
            .filter(|o| !people.speaks(ctx.text, o))
            .map(|o| o.key.clone())
            .collect();
        // Companies and organizations named before the figure ("Samsung Electronics said
        // its profit was ..."), not countries or bodies from the alias table.
        who.extend(
            ctx.ext
                .mentions
                .iter()
                .filter(|o| o.kind == Kind::Entity && o.rule == "entity.org")
                .filter(|o| o.start >= cl.0 && o.end <= m.start)
                .filter_map(|o| o.value.text())
                .filter(|t| !ctx.aliases.knows(&t.value) && !ctx.aliases.knows(&t.canonical))
                .map(|t| name_key(&t.canonical)),
        );
        if !who.is_empty() {
            info.who = Some(who.into_iter().collect::<Vec<_>>().joined("+"));
        }
        // A named thing the figure is about: "The Palisades Fire alone has scorched ...".
        // "The Palisades Fire alone ..." limits the figure to that thing (marked "!" so an
        // unnamed figure does not join it); otherwise an unnamed figure may.
        info.thing = cues::named_things(clause_text)
            .filter(|t| t.0 < rel)
            .last()
            .map(|(s, e)| {
                let alone = clause_text
                    .get(e..)
                    .is_some_and(|rest| rest.trim_start().starts_with("alone"));
                let name = clause_text.get(s..e).unwrap_or("");
                format!("{}{}", if alone { "!" } else { "" }, name_key(name))
            });
    }
    if matches!(
        m.kind,
        Kind::Count | Kind::Money | Kind::Percent | Kind::PercentagePoints | Kind::Duration
    ) {
        info.place = if m.kind == Kind::Duration {
            ctx.place_after(m, cl)
        } else {
            ctx.place(m, cl)
        };
        info.period = ctx.period(m, cl);
    }
    subjects.extend(info.participants.iter().cloned());
    subjects.extend(ctx.alias_subjects(cl.0, cl.1).iter().cloned());
    info.claim.subjects = subjects.into_iter().collect();
    info.claim.scope = match (&info.place, &info.period) {
        (Some(p), Some(t)) => Some(format!("{p}; {t}")),
        (Some(p), None) => Some(p.clone()),
        (None, Some(t)) => Some(t.clone()),
        (None, None) => None,
    };
    // Background figures: a period that ended more than a year before publication ("in 1970,
    // a 7.7-magnitude earthquake killed ...") is history, not a claim about this event.
    let historical = match (&info.period, &info.published) {
        (Some(p), Some(pubd)) => {
            // What follows the last "..": a byte search, not a reverse string searcher
            // (the only one the wasm would carry).
            let end = p
                .as_bytes()
                .windows(2)
                .rposition(|w| w == b"..")
                .and_then(|i| p.get(i + 2..))
                .unwrap_or(p);
            match (super::verdict::days(end), super::verdict::days(pubd)) {
                (Some(e), Some(d)) => d - e > 366,
                _ => false,
            }
        }
        _ => false,
    };
    let block = block.filter(|_| !historical);
    if let Some(b) = &block {
        let mut measure = b.clone();
        if info.by_participants && !info.participants.is_empty() {
            measure.push('/');
            measure.push_str(&info.participants.joined("+"));
        }
        info.claim.measure = Some(measure);
    }
    info.block = block;
    info.description = description;
    info
}

/// The person a full or short name refers to in this document.
fn resolve_person(people: &People, name: &str) -> String {
    let key = name_key(name);
    if people.counts.contains_key(&key) {
        return key;
    }
    // A short form: the person whose full name has it as first or last token.
    let hits: Vec<&String> = people
        .counts
        .keys()
        .filter(|k| {
            let toks: Vec<&str> = k.split(' ').collect();
            toks.first() == Some(&key.as_str()) || toks.last() == Some(&key.as_str())
        })
        .collect();
    if hits.len() == 1 {
        if let Some(h) = hits.first() {
            return (*h).clone();
        }
    }
    key
}

/// The person a rank is about: named just before it in the same clause or sentence, with no
/// other person, no "with" and no plural ("officials") in between.
fn rank_subject(ctx: &SourceCtx<'_>, m: &Mention, cl: (usize, usize)) -> Option<String> {
    let sentence = ctx.sentence_of(m);
    let after = ctx.slice(m.end, (m.end + 40).min(sentence.1.max(m.end)));
    if attrib::plural_after(after) {
        return None;
    }
    // Another rank right next to it ("second- and third-highest"): ambiguous.
    if ctx.ext.mentions.iter().any(|o| {
        o.kind == Kind::Rank
            && o.start != m.start
            && (o.end + 6 >= m.start && o.end <= m.start
                || m.end + 6 >= o.start && m.end <= o.start)
    }) {
        return None;
    }
    let _ = cl;
    let before: Vec<_> = ctx
        .people
        .occurrences
        .iter()
        .filter(|o| o.start >= sentence.0 && o.end <= m.start)
        .collect();
    let last = before.last()?;
    if m.start - last.end > 90 {
        return None;
    }
    let between = ctx.slice(last.end, m.start);
    if cues::blockers(between) {
        return None;
    }
    Some(last.key.clone())
}

/// Weekday names, for self-checks.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Mentions grouped by sentence start, to look at neighbours.
pub fn by_sentence(ext: &Extraction) -> VecMap<usize, Vec<usize>> {
    let mut m: VecMap<usize, Vec<usize>> = VecMap::new();
    for (i, x) in ext.mentions.iter().enumerate() {
        m.entry(x.sentence.start).or_default().push(i);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessive_calendar_words_are_calendar_words() {
        for w in ["Sunday's", "Sunday\u{2019}s", "January", "last", "Tuesday,"] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["Poland's", "Warsaw", "s", "'s"] {
            assert!(!is_calendar_word(w), "{w}");
        }
    }

    #[test]
    fn forecasts_are_told_from_results() {
        for lead in [
            "missing analyst forecasts of",
            "beating estimates for a",
            "analysts had expected",
            "the consensus of",
            "Analysts polled by LSEG had forecast",
            "below market expectations of",
        ] {
            assert!(forecast_before(lead), "{lead:?} is a forecast");
        }
        for lead in [
            "profit rose more than expected to",
            "Samsung estimated its operating profit at",
            "beat forecasts with a profit of",
            "the forecast was raised, with sales of",
            "",
            "of",
        ] {
            assert!(!forecast_before(lead), "{lead:?} is a result");
        }
    }

    #[test]
    fn the_alias_index_finds_what_searching_each_surface_finds() {
        // Every line and sentence of the corpus (and the whole texts), lower-cased, against
        // the built-in table with a few extra names: the index's answer is the one the
        // surface-by-surface search gave, in the same order.
        let extra = vec![vec!["Blue House".to_string(), "Cheong Wa Dae".to_string()]];
        for aliases in [AliasTable::builtin(), AliasTable::with_extra(&extra)] {
            let index = AliasIndex::new(&aliases);
            let mut found = 0;
            for text in crate::testing::corpus() {
                let pieces = text.lines().chain(text.split(". ")).chain([text.as_str()]);
                for piece in pieces {
                    let lower = piece.lowercase();
                    let want: Vec<String> = aliases
                        .surfaces()
                        .filter(|(s, _)| s.len() > 3 && lower.contains(*s))
                        .map(|(_, c)| c.to_string())
                        .collect();
                    found += want.len();
                    assert_eq!(index.found_in(&lower), want, "{piece}");
                }
            }
            assert!(found > 100, "{found}");
        }
    }
    use regex::Regex;
    use std::sync::LazyLock;

    #[test]
    fn singular_nouns() {
        assert_eq!(singular("Korean companies"), "company");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("votes"), "vote");
        assert_eq!(singular("business"), "business");
        assert_eq!(singular("state visit"), "visit");
    }

    /// The clause-break regex the hand-written scanner replaces, kept as its oracle.
    static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u),",
            ws!(),
            r"|;",
            ws!(),
            r"|",
            ws!(),
            r"(?:-|\x{2014}|\x{2013}){1,2}",
            ws!(),
            r"|\x{2014}|",
            ws!(),
            r"--|--",
            ws!(),
            r"|\(|\)|:",
            ws!(),
            r"|",
            ws!(),
            r"(?:while|whereas|but|where|who|which)",
            ws!()
        ))
        .expect("valid regex")
    });

    #[test]
    fn clause_scanner_agrees_with_the_regex() {
        let cases = [
            "The toll rose to 175, officials said; rescuers -- exhausted -- kept digging.",
            "Lee met Xi \u{2014} his second summit \u{2013} while aides (two) watched: calm.",
            "a -- b --c d-- e - f -\u{2013} g \u{2014}\u{2014} h,i ;j :k but x whereas y who z which w where v",
            "ends with a break, ",
            "\u{00a0}--\u{00a0}non-breaking,\u{2003}em space;\u{3000}ideographic",
            "(((", "", " - ", "butter whole whoever",
        ];
        for t in cases {
            let mut expected = Vec::new();
            let mut last = 0usize;
            for m in CLAUSE_BREAK.find_iter(t) {
                if m.start() > last {
                    expected.push((last, m.start()));
                }
                last = m.end();
            }
            if last < t.len() {
                expected.push((last, t.len()));
            }
            if expected.is_empty() {
                expected.push((0, t.len()));
            }
            assert_eq!(clauses(t, (0, t.len())), expected, "{t:?}");
        }
    }

    #[test]
    fn clause_splitting() {
        let t = "Lee, who kicked off a visit Sunday, headed to Shanghai \u{2014} the hub.";
        let cs = clauses(t, (0, t.len()));
        let parts: Vec<&str> = cs.iter().map(|c| &t[c.0..c.1]).collect();
        assert_eq!(
            parts,
            vec![
                "Lee",
                "who kicked off a visit Sunday",
                "headed to Shanghai",
                "the hub."
            ]
        );
    }

    #[test]
    fn cues_prefer_the_longer_match_and_the_nearest() {
        let s = "Lee, who kicked off a four-day state visit to China Sunday";
        let ms = EVENTS.matches(s);
        assert_eq!(ms.len(), 1, "{ms:?}");
        assert_eq!(ms[0].2, "arrival");
        let s = "the death toll rose to 398 and 1,000 were injured";
        let p = s.find("398").unwrap();
        assert_eq!(COUNTS.nearest(s, p, p + 3), Some("deaths"));
        let p = s.find("1,000").unwrap();
        assert_eq!(COUNTS.nearest(s, p, p + 5), Some("injured"));
    }

    #[test]
    fn updated_wording() {
        assert!(cues::updated("The death toll rose to 398 on Tuesday."));
        assert!(cues::updated("the toll has risen to 398"));
        assert!(!cues::updated("At least 175 people were killed."));
    }
}
