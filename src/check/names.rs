//! People in a document: full names found next to titles and roles, in entity and title
//! mentions, their in-document short forms ("Lee", "Premier Li", "the premier"), who is
//! quoted (speakers), and the protagonist a bare "his" or "the two leaders" points to.

use crate::aliases::AliasTable;
use crate::model::{Extraction, Kind};
use crate::text::name_key;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

/// A role word before a name: "President Lee Jae Myung", "Chinese Premier Li Qiang"
/// (without the leading word boundary).
const ROLE_NAME_BODY: &str = concat!(
    r"(?i:(vice[- ]president|president|premier|prime minister|chairman|chairwoman|chancellor|minister|secretary|spokes(?:person|man|woman)|governor|mayor|senator|speaker|king|queen|prince|pope|ceo|chief executive|first lady|professor|researcher|adviser|advisor|ambassador|envoy|director|commissioner|judge|mr\.|ms\.|mrs\.|dr\.))",
    ws!(),
    r"+((?:[A-Z](?:[a-z]+|[A-Z]+)(?:-[a-zA-Z][a-z]+)?)(?:",
    ws!(),
    r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){0,2})\b"
);

/// A role word before a name, unanchored (the oracle the windowed scan is tested against).
#[cfg(test)]
static ROLE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u)\b{ROLE_NAME_BODY}")).expect("valid regex"));

/// [`ROLE_NAME_BODY`] anchored at the start of the haystack (the word boundary before it is
/// checked by the caller).
static ROLE_NAME_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u)^{ROLE_NAME_BODY}")).expect("valid regex"));

/// A name followed by an appositive role: "Zhao Leji, chairman of ...", "Li Jiacheng, an associate professor".
static NAME_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        concat!(r"(?-u)\b([A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?(?:", ws!(), r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){1,2}),", ws!(), r"(?:an?", ws!(), r"|the", ws!(), r"|[A-Z]\w+(?:'|\x{2019})s", ws!(), r")?(?:[a-z-]+", ws!(), r"){0,3}(chairman|chairwoman|president|premier|professor|researcher|spokes\w+|minister|director|head|chief|secretary|leader|official|analyst|mayor|governor|adviser|economist|expert|fellow|ceo|founder|lawmaker|member|commander|spokesperson)\b"),
    )
    .expect("valid regex")
});

/// The role words of [`ROLE_NAME_BODY`], lowercase: where a match can start (searched in the
/// ASCII-lowercased text, where literal prefilters skip ahead).
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)vice[- ]president|president|premier|prime minister|chairman|chairwoman|chancellor|minister|secretary|spokes(?:person|man|woman)|governor|mayor|senator|speaker|king|queen|prince|pope|ceo|chief executive|first lady|professor|researcher|adviser|advisor|ambassador|envoy|director|commissioner|judge|mr\.|ms\.|mrs\.|dr\.")
        .expect("valid regex")
});

/// The role words of [`NAME_ROLE`]: where its match ends.
static APPOSITIVE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)chairman|chairwoman|president|premier|professor|researcher|spokes|minister|director|head|chief|secretary|leader|official|analyst|mayor|governor|adviser|economist|expert|fellow|ceo|founder|lawmaker|member|commander")
        .expect("valid regex")
});

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// (name, role) for every match of a role and a name ([`ROLE_NAME_BODY`]), as `captures_iter` would give them, but only
/// trying the regex where a role word starts (the check runs on every keystroke).
fn role_names(text: &str) -> Vec<(String, String)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut pos = 0usize;
    let mut last_end = 0usize;
    while let Some(cand) = ROLE_WORD.find_at(&lower, pos) {
        let c = cand.start();
        pos = ceil_boundary(text, c + 1);
        if c < last_end {
            continue;
        }
        // "\b" before the role: the character before it is not a word character.
        let word_before = text
            .get(..c)
            .and_then(|t| t.chars().next_back())
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
        if word_before {
            continue;
        }
        // A window long enough for a role and a three-word name; the rest of the text when
        // the match comes near the window's end (it might go on).
        let end = ceil_boundary(text, c + 200);
        let mut caps = ROLE_NAME_AT.captures(text.get(c..end).unwrap_or(""));
        if caps
            .as_ref()
            .and_then(|k| k.get(0))
            .is_some_and(|m| c + m.end() + 60 > end && end < text.len())
        {
            caps = ROLE_NAME_AT.captures(text.get(c..).unwrap_or(""));
        }
        let Some(k) = caps else { continue };
        let (Some(all), Some(role), Some(name)) = (k.get(0), k.get(1), k.get(2)) else {
            continue;
        };
        last_end = c + all.end();
        pos = pos.max(last_end);
        out.push((
            name.as_str().to_string(),
            role.as_str().to_lowercase().replace('-', " "),
        ));
    }
    out
}

/// (name, role) for every [`NAME_ROLE`] match, trying the regex only in windows ending at
/// a role word.
fn appositive_names(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut last_end = 0usize;
    for r in APPOSITIVE_ROLE.find_iter(text) {
        if r.start() < last_end {
            continue;
        }
        let start = floor_boundary(text, r.start().saturating_sub(300).max(last_end));
        if !text.get(start..r.start()).is_some_and(|w| w.contains(',')) {
            continue;
        }
        let end = ceil_boundary(text, r.end() + 40);
        let hay = text.get(..end).unwrap_or(text);
        let mut at = start;
        while let Some(k) = NAME_ROLE.captures_at(hay, at) {
            let (Some(all), Some(name), Some(role)) = (k.get(0), k.get(1), k.get(2)) else {
                break;
            };
            if role.start() > r.start() {
                break;
            }
            at = all.end().max(at + 1);
            if role.start() == r.start() {
                last_end = all.end();
                out.push((name.as_str().to_string(), role.as_str().to_string()));
                break;
            }
        }
    }
    out
}

/// "the premier", "the president": a role standing for its holder.
static THE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(r"(?-u)\b(?i:the)", ws!(), r"(premier|president|chairman|chairwoman|prime minister|chancellor|mayor|governor|top legislator|first lady)\b"))
        .expect("valid regex")
});

/// Words that make a capitalized phrase something other than a person.
const NON_PERSON_WORDS: &[&str] = &[
    "ministry",
    "committee",
    "congress",
    "university",
    "agency",
    "council",
    "government",
    "party",
    "bank",
    "company",
    "corp",
    "inc",
    "group",
    "news",
    "times",
    "daily",
    "television",
    "center",
    "centre",
    "institute",
    "academy",
    "school",
    "office",
    "house",
    "hall",
    "guesthouse",
    "province",
    "city",
    "county",
    "river",
    "sea",
    "peninsula",
    "delta",
    "street",
    "square",
    "airport",
    "station",
    "korea",
    "china",
    "republic",
    "states",
    "union",
    "association",
    "forum",
    "summit",
    "network",
    "survey",
    "customs",
    "department",
    "police",
    "court",
    "assembly",
    "parliament",
    "senate",
    "state",
    "national",
    "international",
    "service",
    "federation",
    "organization",
    "fund",
    "museum",
    "park",
    "stadium",
    "hospital",
    "north",
    "south",
    "east",
    "west",
    "new",
    "the",
    "central",
    "people's",
    "communist",
    "administration",
];

/// A run of two or three capitalized words.
static CAPITALIZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u)\b[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?(?:",
        ws!(),
        r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){1,2}\b"
    ))
    .expect("valid regex")
});

/// Capitalized words that are not part of a person's name (roles, months, weekdays, openers).
const NOT_NAME_WORDS: &[&str] = &[
    "president",
    "premier",
    "prime",
    "minister",
    "chairman",
    "chairwoman",
    "secretary",
    "spokesperson",
    "spokesman",
    "governor",
    "mayor",
    "senator",
    "speaker",
    "king",
    "queen",
    "prince",
    "general",
    "chief",
    "director",
    "professor",
    "first",
    "lady",
    "mr",
    "ms",
    "mrs",
    "dr",
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "during",
    "following",
    "before",
    "after",
    "earlier",
    "later",
    "meanwhile",
    "according",
    "on",
    "in",
    "at",
    "for",
    "with",
    "and",
    "but",
    "as",
    "while",
    "statistics",
    "police",
    "officials",
    "organisers",
    "organizers",
    "kuala",
    "lumpur",
    "hall",
    "great",
    "guesthouse",
    "hotel",
    "tower",
    "palace",
    "bridge",
    "lake",
    "mount",
    "island",
    "islands",
    "valley",
    "region",
    "district",
    "state",
    "county",
    "avenue",
    "road",
];

/// One occurrence of a person in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte offset in the original text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Canonical key of the person.
    pub key: String,
}

/// The people of one document.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Every occurrence, in text order.
    pub occurrences: Vec<Occurrence>,
    /// Mentions per person.
    pub counts: BTreeMap<String, usize>,
    /// The display form of each person (first full form seen).
    pub display: BTreeMap<String, String>,
    /// Holder of a role, when the document names exactly one ("premier" -> "li qiang").
    pub role_holder: BTreeMap<String, String>,
    /// People who speak ("X said") somewhere in the document.
    pub speakers: BTreeSet<String>,
    /// Spans (start, end) of the occurrences that are quoted speakers ("Wang said").
    pub speaking: BTreeSet<(usize, usize)>,
    /// The protagonist of the whole set of articles, when known (see [`People::protagonist`]).
    pub main: Option<String>,
}

/// Full names collected over all documents (key -> display), to resolve short forms in
/// documents that never spell a name out.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Key -> display of every full name seen.
    pub full: BTreeMap<String, String>,
    /// First token -> keys of the full names it starts (built by [`Directory::index`]).
    pub short: BTreeMap<String, BTreeSet<String>>,
}

impl Directory {
    /// Builds the short-form index from `full`.
    pub fn index(&mut self) {
        self.short.clear();
        for (key, disp) in &self.full {
            if let Some(first) = disp.split_whitespace().next() {
                self.short
                    .entry(first.to_string())
                    .or_default()
                    .insert(key.clone());
            }
        }
    }
}

fn looks_like_person(name: &str, aliases: &AliasTable) -> bool {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    if tokens.len() < 2 || tokens.len() > 4 || aliases.knows(name) {
        return false;
    }
    tokens.iter().all(|t| {
        let l = t.to_lowercase();
        t.chars().next().is_some_and(char::is_uppercase)
            && !NON_PERSON_WORDS.contains(&l.as_str())
            && !NOT_NAME_WORDS.contains(&l.as_str())
    })
}

/// Full person names a document spells out, with the role next to them when stated.
pub fn full_names(
    ext: &Extraction,
    text: &str,
    aliases: &AliasTable,
) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for (name, role) in role_names(text) {
        out.push((name, Some(role)));
    }
    for (name, role) in appositive_names(text) {
        if looks_like_person(&name, aliases) {
            out.push((name, Some(role.to_lowercase())));
        }
    }
    // Without an entity extractor's help, capitalized runs that look like names.
    if !ext.mentions.iter().any(|m| m.kind == Kind::Entity) {
        for m in CAPITALIZED.find_iter(text) {
            let name = m.as_str();
            let ok = looks_like_person(name, aliases)
                && name.split_whitespace().all(|t| {
                    let l = t.to_lowercase();
                    !NOT_NAME_WORDS.contains(&l.as_str())
                        && !l.ends_with("ese")
                        && !l.ends_with("ean")
                        && !l.ends_with("ian")
                        && !l.ends_with("ish")
                });
            if ok {
                out.push((name.to_string(), None));
            }
        }
    }
    for m in &ext.mentions {
        match (m.kind, m.value.text()) {
            (Kind::Title, Some(t)) => {
                if let Some(who) = &t.subject {
                    let role = t.canonical.rsplit(' ').next().map(str::to_string);
                    let shown = as_written(&m.text, who).unwrap_or_else(|| who.clone());
                    out.push((shown, role));
                }
            }
            (Kind::Entity, Some(t)) if m.rule == "entity.person" => {
                out.push((t.value.clone(), None));
            }
            (Kind::Entity, _) if m.rule.starts_with("entity.") => {}
            (Kind::Entity, Some(t)) if looks_like_person(&t.value, aliases) => {
                out.push((t.value.clone(), None));
            }
            _ => {}
        }
    }
    out
}

/// The words of `text` whose [`name_key`] is `key` ("Lee Jae-myung" in a title mention
/// whose subject is "lee jae myung").
fn as_written(text: &str, key: &str) -> Option<String> {
    let toks: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    for n in 1..=4usize {
        for w in toks.windows(n) {
            let cand = w.join(" ");
            if name_key(&cand) == key {
                return Some(cand);
            }
        }
    }
    None
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 && b != 0xe2
}

/// Finds word-bounded occurrences of `needle` in `hay`.
fn find_words<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    hay.match_indices(needle).filter_map(move |(i, _)| {
        let b = hay.as_bytes();
        let before_ok = i == 0 || b.get(i - 1).map_or(true, |&c| !is_word_byte(c));
        let after_ok = b.get(i + needle.len()).map_or(true, |&c| !is_word_byte(c));
        (before_ok && after_ok).then_some(i)
    })
}

impl People {
    /// Finds the people of a document.
    pub fn find(ext: &Extraction, text: &str, dir: &Directory, aliases: &AliasTable) -> People {
        People::find_with(ext, text, &full_names(ext, text, aliases), dir)
    }

    /// Finds the people of a document whose [`full_names`] are already known.
    pub fn find_with(
        ext: &Extraction,
        text: &str,
        names: &[(String, Option<String>)],
        dir: &Directory,
    ) -> People {
        let mut p = People::default();
        // Surfaces: full names (>= 2 tokens) first, then short forms.
        let mut full: BTreeMap<String, String> = BTreeMap::new(); // surface -> key
        let mut roles: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut shorts: Vec<(String, Option<String>)> = Vec::new();
        for (name, role) in names {
            if name.split_whitespace().count() >= 2 {
                let key = name_key(name);
                full.insert(name.clone(), key.clone());
                p.display.entry(key.clone()).or_insert_with(|| name.clone());
                if let Some(r) = role {
                    roles.entry(r.clone()).or_default().insert(key);
                }
            } else {
                shorts.push((name.clone(), role.clone()));
            }
        }
        // Short forms of the document's own full names, then of names seen elsewhere.
        let mut short_map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (surface, key) in &full {
            let toks: Vec<&str> = surface.split_whitespace().collect();
            for t in [toks.first(), toks.last()].into_iter().flatten() {
                short_map
                    .entry(t.to_string())
                    .or_default()
                    .insert(key.clone());
            }
        }
        let global_short = &dir.short;
        // The capitalized words of the text, to look up short forms without scanning for each.
        let words: BTreeSet<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        // Scan full names.
        let mut occ: Vec<Occurrence> = Vec::new();
        let mut surfaces: Vec<(&String, &String)> = full.iter().collect();
        surfaces.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        for (surface, key) in surfaces {
            for i in find_words(text, surface) {
                let end = i + surface.len();
                if !occ.iter().any(|o| o.start < end && i < o.end) {
                    occ.push(Occurrence {
                        start: i,
                        end,
                        key: key.clone(),
                    });
                }
            }
        }
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for o in &occ {
            *counts.entry(o.key.clone()).or_default() += 1;
        }
        // Resolve each short form to one person: the most mentioned full name sharing it.
        let mut short_key: BTreeMap<String, String> = BTreeMap::new();
        let mut all_short: BTreeSet<String> = short_map.keys().cloned().collect();
        all_short.extend(shorts.iter().map(|(s, _)| s.clone()));
        all_short.extend(
            words
                .iter()
                .filter(|w| global_short.contains_key(**w))
                .map(|w| w.to_string()),
        );
        for s in &all_short {
            if s.len() < 2 || NON_PERSON_WORDS.contains(&s.to_lowercase().as_str()) {
                continue;
            }
            let cands = short_map.get(s).or_else(|| global_short.get(s));
            let Some(cands) = cands else { continue };
            let first_at = |k: &String| {
                occ.iter()
                    .find(|o| &o.key == k)
                    .map_or(usize::MAX, |o| o.start)
            };
            let best = cands
                .iter()
                .max_by(|a, b| {
                    counts
                        .get(*a)
                        .unwrap_or(&0)
                        .cmp(counts.get(*b).unwrap_or(&0))
                        .then(first_at(b).cmp(&first_at(a)))
                        .then(b.cmp(a))
                })
                .cloned();
            if let Some(k) = best {
                short_key.insert(s.clone(), k);
            }
        }
        for (s, role) in &shorts {
            if let (Some(k), Some(r)) = (short_key.get(s), role) {
                roles.entry(r.clone()).or_default().insert(k.clone());
            }
        }
        for (s, key) in &short_key {
            for i in find_words(text, s) {
                let end = i + s.len();
                if !occ.iter().any(|o| o.start < end && i < o.end) {
                    occ.push(Occurrence {
                        start: i,
                        end,
                        key: key.clone(),
                    });
                }
            }
            if let Some(d) = dir.full.get(key) {
                p.display.entry(key.clone()).or_insert_with(|| d.clone());
            }
        }
        for (role, holders) in &roles {
            if holders.len() == 1 {
                if let Some(h) = holders.iter().next() {
                    p.role_holder.insert(role.clone(), h.clone());
                }
            }
        }
        // People the entity extractor found (with its own short-form resolution).
        for m in &ext.mentions {
            let (Kind::Entity, Some(t)) = (m.kind, m.value.text()) else {
                continue;
            };
            if m.rule != "entity.person" && m.rule != "entity.short_form" {
                continue;
            }
            let key = name_key(&t.canonical);
            if key.is_empty() || text.get(m.start..m.end).is_none() {
                continue;
            }
            if !occ.iter().any(|o| o.start < m.end && m.start < o.end) {
                occ.push(Occurrence {
                    start: m.start,
                    end: m.end,
                    key: key.clone(),
                });
            }
            if let Some(d) = dir.full.get(&key) {
                p.display.entry(key).or_insert_with(|| d.clone());
            }
        }
        // "the premier" -> its holder.
        for c in THE_ROLE.captures_iter(text) {
            let (Some(all), Some(role)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if let Some(h) = p.role_holder.get(&role.as_str().to_lowercase()) {
                if !occ
                    .iter()
                    .any(|o| o.start < all.end() && all.start() < o.end)
                {
                    occ.push(Occurrence {
                        start: all.start(),
                        end: all.end(),
                        key: h.clone(),
                    });
                }
            }
        }
        occ.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
        p.counts.clear();
        for o in &occ {
            *p.counts.entry(o.key.clone()).or_default() += 1;
        }
        p.occurrences = occ;
        p.speaking = p
            .occurrences
            .iter()
            .filter(|o| is_speaker_at(text, o))
            .map(|o| (o.start, o.end))
            .collect();
        p.speakers = p
            .occurrences
            .iter()
            .filter(|o| p.speaking.contains(&(o.start, o.end)))
            .map(|o| o.key.clone())
            .collect();
        p
    }

    /// The people mentioned in a byte range of the text, in order, without repeats.
    pub fn in_range(&self, start: usize, end: usize) -> Vec<&Occurrence> {
        let mut seen = BTreeSet::new();
        self.occurrences
            .iter()
            .filter(|o| o.start >= start && o.end <= end)
            .filter(|o| seen.insert(o.key.clone()))
            .collect()
    }

    /// The most mentioned person, who "his" and "the president" usually refer to.
    /// Set from the counts over all articles ([`People::main`]) when available.
    pub fn protagonist(&self) -> Option<&str> {
        self.main
            .as_deref()
            .or_else(|| self.top(1).first().copied())
    }

    /// The `n` most mentioned people who are not only quoted commentators (ties: first mention).
    pub fn top(&self, n: usize) -> Vec<&str> {
        let first: BTreeMap<&str, usize> = self
            .occurrences
            .iter()
            .rev()
            .map(|o| (o.key.as_str(), o.start))
            .collect();
        let mut ks: Vec<(&str, usize)> = self
            .counts
            .iter()
            .filter(|(k, _)| {
                !self.speakers.contains(*k) || self.counts.get(*k).copied().unwrap_or(0) > 3
            })
            .map(|(k, c)| (k.as_str(), *c))
            .collect();
        ks.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(first.get(a.0).cmp(&first.get(b.0)))
                .then(a.0.cmp(b.0))
        });
        ks.into_iter().take(n).map(|(k, _)| k).collect()
    }

    /// True when the occurrence is the one quoted in its clause ("Wang said", "said Kang").
    pub fn speaks(&self, text: &str, o: &Occurrence) -> bool {
        // Worked out once per occurrence in `find_with`; `text` is only read for an
        // occurrence found elsewhere.
        if self
            .occurrences
            .iter()
            .any(|x| x.start == o.start && x.end == o.end)
        {
            self.speaking.contains(&(o.start, o.end))
        } else {
            is_speaker_at(text, o)
        }
    }
}

/// "X said", "X, a researcher at Y, said", "said X", "according to X".
fn is_speaker_at(text: &str, o: &Occurrence) -> bool {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u)^(?:,(?u-i:[^,.;]){1,140},)?",
            ws!(),
            r"(?:said|says|told|noted|added|stressed|explained|argued|wrote)\b"
        ))
        .expect("valid regex")
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u)(?:\bsaid|\baccording to)",
            ws!(),
            r"(?:[\w-]+",
            ws!(),
            r"){0,4}$"
        ))
        .expect("valid regex")
    });
    let after = text
        .get(o.end..(o.end + 160).min(text.len()))
        .or_else(|| text.get(o.end..));
    let before = text.get(o.start.saturating_sub(60)..o.start).unwrap_or("");
    after.is_some_and(|a| AFTER.is_match(a)) || BEFORE.is_match(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, SourceInfo};

    #[test]
    fn windowed_name_scans_agree_with_whole_text_scans() {
        let texts = [
            include_str!("../../seeds/000_a038938c61ebb700.txt"),
            include_str!("../../seeds/001_3497635191482747.txt"),
            include_str!("../../seeds/002_2422b8df4f27a7b1.txt"),
            include_str!("../../seeds/003_b678b91d65686b1b.txt"),
            include_str!("../../seeds/004_1c4ffb9afab69328.txt"),
            "Vice-President Kamala Harris met PRESIDENT Lee, Dr. Jane Goodall, and Mr. Smith. \
             Zhao Leji, chairman of the NPC, and Wang Yi, the country's top diplomat and \
             member of the Politburo, spoke. Li Jiacheng, an associate professor at Yonsei, said. \
             xPresident Foo; Chinese Premier Li Qiang, the premier.",
        ];
        for t in texts {
            let whole: Vec<(String, String)> = ROLE_NAME
                .captures_iter(t)
                .filter_map(|c| {
                    Some((
                        c.get(2)?.as_str().to_string(),
                        c.get(1)?.as_str().to_lowercase().replace('-', " "),
                    ))
                })
                .collect();
            assert_eq!(role_names(t), whole);
            let whole: Vec<(String, String)> = NAME_ROLE
                .captures_iter(t)
                .filter_map(|c| {
                    Some((
                        c.get(1)?.as_str().to_string(),
                        c.get(2)?.as_str().to_string(),
                    ))
                })
                .collect();
            assert_eq!(appositive_names(t), whole);
        }
    }

    fn ext() -> Extraction {
        Extraction {
            source: SourceInfo {
                id: "s1".into(),
                path: None,
                metadata: Metadata::default(),
                bytes: 0,
                length_utf16: 0,
            },
            mentions: vec![],
        }
    }

    #[test]
    fn resolves_short_forms_and_roles() {
        let text =
            "President Lee Jae Myung met Chinese Premier Li Qiang. Lee told the premier that Li \
                    matters. Li Jiacheng, an associate professor at a university, said so.";
        let aliases = AliasTable::builtin();
        let p = People::find(&ext(), text, &Directory::default(), &aliases);
        let keys: Vec<&str> = p.occurrences.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "lee jae myung",
                "li qiang",
                "lee jae myung",
                "li qiang",
                "li qiang",
                "li jiacheng"
            ]
        );
        assert_eq!(p.protagonist(), Some("li qiang"));
        assert!(p.speakers.contains("li jiacheng"));
        assert_eq!(
            p.role_holder.get("premier").map(String::as_str),
            Some("li qiang")
        );
    }

    #[test]
    fn short_form_uses_names_from_other_documents() {
        let mut dir = Directory::default();
        dir.full.insert("zhao leji".into(), "Zhao Leji".into());
        dir.index();
        let p = People::find(
            &ext(),
            "Lee met Zhao on Tuesday.",
            &dir,
            &AliasTable::builtin(),
        );
        assert_eq!(p.occurrences.len(), 1);
        assert_eq!(p.occurrences[0].key, "zhao leji");
    }
}
