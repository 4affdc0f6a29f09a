//! People in a document: full names found next to titles and roles, in entity and title
//! mentions, their in-document short forms ("Lee", "Premier Li", "the premier"), who is
//! quoted (speakers), and the protagonist a bare "his" or "the two leaders" points to.

use crate::aliases::AliasTable;
use crate::collections::{VecMap, VecSet};
use crate::model::{Extraction, Kind};
use crate::scan::ws_at;
use crate::text::name_key;
use crate::text::{Join, Lowercase};
use crate::words::{words, WordList};
use std::sync::LazyLock;

// The scanners below replace regexes (`(?-u)` patterns: ASCII `\b`/`\w`/`(?i)`, the `ws!()`
// whitespace set). Each one's doc comment gives the pattern it reproduces; the tests compare
// them with those patterns on the seeds, the eval articles and the Recognizers-Text inputs.

/// `\w` of the ASCII-mode patterns: `[0-9A-Za-z_]` (a non-ASCII byte is not a word byte).
fn is_w(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\b` at byte `i` of `s`: a word byte on exactly one side.
fn at_boundary(s: &[u8], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|j| s.get(j))
        .is_some_and(|&b| is_w(b));
    let after = s.get(i).is_some_and(|&b| is_w(b));
    before != after
}

/// The length of the `ws!()` char ending at byte `i`.
fn ws_before(s: &[u8], i: usize) -> Option<usize> {
    match s.get(..i)? {
        [.., b'\t'..=b'\r' | b' '] => Some(1),
        [.., 0xC2, 0x85 | 0xA0] => Some(2),
        [.., 0xE1, 0x9A, 0x80]
        | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
        | [.., 0xE2, 0x81, 0x9F]
        | [.., 0xE3, 0x80, 0x80] => Some(3),
        _ => None,
    }
}

/// The end of the run of bytes `f` accepts starting at `i`.
fn run_end(s: &[u8], i: usize, f: impl Fn(u8) -> bool) -> usize {
    let mut j = i;
    while s.get(j).is_some_and(|&b| f(b)) {
        j += 1;
    }
    j
}

/// The end of the run of bytes `f` accepts ending at `i` (its first byte).
fn run_start(s: &[u8], i: usize, f: impl Fn(u8) -> bool) -> usize {
    let mut j = i.min(s.len());
    while j > 0 && s.get(j - 1).is_some_and(|&b| f(b)) {
        j -= 1;
    }
    j
}

/// True when `s` holds `word` at byte `i`, ASCII case-insensitively.
fn has_at_ci(s: &[u8], i: usize, word: &str) -> bool {
    s.get(i..i + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// True when `s` holds `word` at byte `i`, exactly.
fn has_at(s: &[u8], i: usize, word: &str) -> bool {
    s.get(i..i + word.len()) == Some(word.as_bytes())
}

/// One word of a name at byte `i`: `[A-Z][a-z]+` (or `[A-Z](?:[a-z]+|[A-Z]+)` with `caps`),
/// then optionally `-[a-zA-Z][a-z]+`. Returns the end without the hyphenated part, and with
/// it when there is one. Shorter runs never lead to a match (what follows a word in every
/// pattern here is `-`, whitespace, `,` or `\b`), so only the longest runs are returned.
fn name_word(s: &[u8], i: usize, caps: bool) -> Option<(usize, Option<usize>)> {
    if !s.get(i)?.is_ascii_uppercase() {
        return None;
    }
    let lower = run_end(s, i + 1, |b| b.is_ascii_lowercase());
    let base = if lower > i + 1 {
        lower
    } else if caps {
        let upper = run_end(s, i + 1, |b| b.is_ascii_uppercase());
        if upper == i + 1 {
            return None;
        }
        upper
    } else {
        return None;
    };
    let hyphen = (s.get(base) == Some(&b'-')
        && s.get(base + 1).is_some_and(u8::is_ascii_alphabetic)
        && s.get(base + 2).is_some_and(u8::is_ascii_lowercase))
    .then(|| run_end(s, base + 2, |b| b.is_ascii_lowercase()));
    Some((base, hyphen))
}

/// `W(?:ws W){min,max}` at byte `i` followed by whatever `rest` accepts at the end, tried in
/// the regex's order (hyphenated word first, more words first): the first `rest` that
/// succeeds wins, as a backtracking matcher would find it.
fn name_words<T>(
    s: &[u8],
    i: usize,
    caps: bool,
    (min, max): (usize, usize),
    rest: &mut impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    let (base, hyphen) = name_word(s, i, caps)?;
    [hyphen, Some(base)]
        .into_iter()
        .flatten()
        .find_map(|e| more_name_words(s, e, 0, (min, max), rest))
}

/// The repetitions of [`name_words`] after `n` of them ending at `i`.
fn more_name_words<T>(
    s: &[u8],
    i: usize,
    n: usize,
    (min, max): (usize, usize),
    rest: &mut impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    if n < max {
        if let Some((base, hyphen)) = ws_at(s, i).and_then(|l| name_word(s, i + l, false)) {
            for e in [hyphen, Some(base)].into_iter().flatten() {
                if let Some(t) = more_name_words(s, e, n + 1, (min, max), rest) {
                    return Some(t);
                }
            }
        }
    }
    if n >= min {
        rest(i)
    } else {
        None
    }
}

/// The role words that come before a name ("President Lee Jae Myung", "Chinese Premier Li
/// Qiang"), matched ASCII case-insensitively. No entry is a prefix of another, so at most one
/// matches at a position.
static TITLE_ROLES: WordList = WordList::new(words![
    "vice-president",
    "vice president",
    "president",
    "premier",
    "prime minister",
    "chairman",
    "chairwoman",
    "chancellor",
    "minister",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "governor",
    "mayor",
    "senator",
    "speaker",
    "king",
    "queen",
    "prince",
    "pope",
    "ceo",
    "chief executive",
    "first lady",
    "professor",
    "researcher",
    "adviser",
    "advisor",
    "ambassador",
    "envoy",
    "director",
    "commissioner",
    "judge",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
]);

/// A role and a name anchored at the start of `s`:
/// `^(?i:(ROLE))ws+((?:[A-Z](?:[a-z]+|[A-Z]+)(?:-[a-zA-Z][a-z]+)?)(?:ws[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){0,2})\b`
/// with ROLE one of [`TITLE_ROLES`]. Returns (role end, name start, name end).
fn role_name_at(s: &[u8]) -> Option<(usize, usize, usize)> {
    // The roles are lower case: only those starting with this byte, lower-cased, can match.
    let first = s.first()?.to_ascii_lowercase();
    let role = TITLE_ROLES
        .iter()
        .find(|r| r.as_bytes().first() == Some(&first) && has_at_ci(s, 0, r))?;
    let mut i = role.len() + ws_at(s, role.len())?;
    while let Some(l) = ws_at(s, i) {
        i += l;
    }
    let end = name_words(s, i, true, (0, 2), &mut |e| at_boundary(s, e).then_some(e))?;
    Some((role.len(), i, end))
}

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

/// (name, role) for every role followed by a name ([`role_name_at`]) at a word start, left to
/// right without overlaps. A role word counts only when no letter or digit (any script)
/// comes right before it. Each match is looked for in a 200-byte window first and in the
/// rest of the text when it ends near the window's end (kept from the regex version, whose
/// results these are).
fn role_names(text: &str) -> Vec<(String, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut c = 0usize;
    while c < b.len() {
        let start = c;
        c += 1;
        // Role words start with one of these letters (see TITLE_ROLES).
        if !b.get(start).is_some_and(|x| {
            matches!(
                x.to_ascii_lowercase(),
                b'a' | b'c'
                    | b'd'
                    | b'e'
                    | b'f'
                    | b'g'
                    | b'j'
                    | b'k'
                    | b'm'
                    | b'p'
                    | b'q'
                    | b'r'
                    | b's'
                    | b'v'
            )
        }) || !TITLE_ROLE_PAIRS.may_start(b, start)
        {
            continue;
        }
        let word_before = text
            .get(..start)
            .and_then(|t| t.chars().next_back())
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
        if word_before {
            continue;
        }
        let end = ceil_boundary(text, start + 200);
        let window = b.get(start..end).unwrap_or_default();
        let mut found = role_name_at(window);
        if found.is_some_and(|(_, _, e)| start + e + 60 > end && end < b.len()) {
            found = role_name_at(b.get(start..).unwrap_or_default());
        }
        let Some((role_end, name_start, name_end)) = found else {
            continue;
        };
        let (Some(role), Some(name)) = (
            text.get(start..start + role_end),
            text.get(start + name_start..start + name_end),
        ) else {
            continue;
        };
        out.push((
            name.to_string(),
            role.to_ascii_lowercase().replace('-', " "),
        ));
        c = start + name_end;
    }
    out
}

/// The role words of an appositive ("Zhao Leji, chairman of ..."), case-sensitive; "spokes"
/// takes the rest of its word ("spokesman", "spokeswoman"). No entry is a prefix of another.
static APPOSITIVE_ROLES: WordList = WordList::new(words![
    "chairman",
    "chairwoman",
    "president",
    "premier",
    "professor",
    "researcher",
    "spokes",
    "minister",
    "director",
    "head",
    "chief",
    "secretary",
    "leader",
    "official",
    "analyst",
    "mayor",
    "governor",
    "adviser",
    "economist",
    "expert",
    "fellow",
    "ceo",
    "founder",
    "lawmaker",
    "member",
    "commander",
]);

/// The first two bytes of some words, ASCII lower-cased, as a 1024-bit set (a hash of the
/// pair picks the bit; two pairs may share one). The scanners below are asked at every byte
/// of a text whether a word of a list starts there: one lookup rules out almost every byte,
/// and only where it says "maybe" is the list searched (every listed word has 2+ bytes).
struct RolePairs([u64; 16]);

impl RolePairs {
    /// The bit of the pair `b1 b2` (lower-cased).
    fn bucket(b1: u8, b2: u8) -> usize {
        (usize::from(b1.to_ascii_lowercase()) * 31 + usize::from(b2.to_ascii_lowercase())) % 1024
    }

    /// The set of the first two bytes of `words`.
    fn of(words: &[&str]) -> RolePairs {
        let mut bits = [0u64; 16];
        for w in words {
            if let [b1, b2, ..] = w.as_bytes() {
                let bucket = RolePairs::bucket(*b1, *b2);
                if let Some(x) = bits.get_mut(bucket / 64) {
                    *x |= 1 << (bucket % 64);
                }
            }
        }
        RolePairs(bits)
    }

    /// False when no word of the set (in any ASCII case) can start at byte `i` of `s`.
    fn may_start(&self, s: &[u8], i: usize) -> bool {
        let (Some(&b1), Some(&b2)) = (s.get(i), s.get(i + 1)) else {
            return false;
        };
        let bucket = RolePairs::bucket(b1, b2);
        self.0
            .get(bucket / 64)
            .is_some_and(|w| w & (1 << (bucket % 64)) != 0)
    }
}

/// The first byte pairs of [`APPOSITIVE_ROLES`].
static APPOSITIVE_ROLE_PAIRS: LazyLock<RolePairs> =
    LazyLock::new(|| RolePairs::of(&APPOSITIVE_ROLES));

/// The first byte pairs of [`TITLE_ROLES`].
static TITLE_ROLE_PAIRS: LazyLock<RolePairs> = LazyLock::new(|| RolePairs::of(&TITLE_ROLES));

/// The [`APPOSITIVE_ROLES`] word at byte `i` as a plain substring: its length.
fn appositive_role_word(s: &[u8], i: usize) -> Option<usize> {
    appositive_role_word_with(&APPOSITIVE_ROLE_PAIRS, s, i)
}

/// [`appositive_role_word`] with the pairs at hand (a scan over every byte reads them once).
fn appositive_role_word_with(pairs: &RolePairs, s: &[u8], i: usize) -> Option<usize> {
    if !pairs.may_start(s, i) {
        return None;
    }
    let first = *s.get(i)?;
    APPOSITIVE_ROLES
        .iter()
        .find(|r| r.as_bytes().first() == Some(&first) && has_at(s, i, r))
        .map(|r| r.len())
}

/// An appositive role at byte `i`, ending at a word boundary:
/// `(chairman|...|spokes\w+|...|commander|spokesperson)\b`. Returns its end.
fn appositive_role_at(s: &[u8], i: usize) -> Option<usize> {
    let len = appositive_role_word(s, i)?;
    let mut end = i + len;
    if len == "spokes".len() && has_at(s, i, "spokes") {
        let e = run_end(s, end, is_w);
        if e == end {
            return None;
        }
        end = e;
    }
    at_boundary(s, end).then_some(end)
}

/// After a name and its comma, at byte `i`:
/// `ws(?:an?ws|thews|[A-Z]\w+(?:'|\x{2019})sws)?(?:[a-z-]+ws){0,3}(ROLE)\b`.
/// Returns the role's span.
fn appositive_tail(s: &[u8], i: usize) -> Option<(usize, usize)> {
    let p = i + ws_at(s, i)?;
    // The optional opening word, in the pattern's order ("an", "a", "the", "Korea's").
    let mut opening: Option<usize> = None;
    if s.get(p) == Some(&b'a') {
        opening = (s.get(p + 1) == Some(&b'n'))
            .then(|| ws_at(s, p + 2).map(|l| p + 2 + l))
            .flatten()
            .or_else(|| ws_at(s, p + 1).map(|l| p + 1 + l));
    } else if has_at(s, p, "the") {
        opening = ws_at(s, p + 3).map(|l| p + 3 + l);
    } else if s.get(p).is_some_and(u8::is_ascii_uppercase) {
        let w = run_end(s, p + 1, is_w);
        if w > p + 1 {
            let q = if s.get(w) == Some(&b'\'') {
                Some(w + 1)
            } else if has_at(s, w, "\u{2019}") {
                Some(w + 3)
            } else {
                None
            };
            opening = q
                .filter(|&q| s.get(q) == Some(&b's'))
                .and_then(|q| ws_at(s, q + 1).map(|l| q + 1 + l));
        }
    }
    [opening, Some(p)]
        .into_iter()
        .flatten()
        .find_map(|q| words_then_role(s, q, 3))
}

/// `(?:[a-z-]+ws){0,n}` then an appositive role, more words first.
fn words_then_role(s: &[u8], i: usize, n: usize) -> Option<(usize, usize)> {
    if n > 0 {
        let e = run_end(s, i, |b| b.is_ascii_lowercase() || b == b'-');
        if e > i {
            if let Some(r) = ws_at(s, e).and_then(|l| words_then_role(s, e + l, n - 1)) {
                return Some(r);
            }
        }
    }
    appositive_role_at(s, i).map(|e| (i, e))
}

/// A name and its appositive role anchored at byte `i` (with the text before `i` as context):
/// `\b([A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?(?:ws[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){1,2}),` then
/// [`appositive_tail`]. Returns (name end, role start, role end).
fn name_role_at(s: &[u8], i: usize) -> Option<(usize, usize, usize)> {
    if !at_boundary(s, i) {
        return None;
    }
    name_words(s, i, false, (1, 2), &mut |e| {
        if s.get(e) != Some(&b',') {
            return None;
        }
        appositive_tail(s, e + 1).map(|(rs, re)| (e, rs, re))
    })
}

/// (name, role) for every name followed by an appositive role ([`name_role_at`]), looked for
/// only in the 300 bytes before a role word (the windows of the regex version, whose results
/// these are).
fn appositive_names(text: &str) -> Vec<(String, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut last_end = 0usize;
    let pairs: &RolePairs = &APPOSITIVE_ROLE_PAIRS;
    let mut i = 0usize;
    while i < b.len() {
        let Some(len) = appositive_role_word_with(pairs, b, i) else {
            i += 1;
            continue;
        };
        let (rs, re) = (i, i + len);
        i = re;
        if rs < last_end {
            continue;
        }
        let start = floor_boundary(text, rs.saturating_sub(300).max(last_end));
        if !b.get(start..rs).is_some_and(|w| w.contains(&b',')) {
            continue;
        }
        let hay = b.get(..ceil_boundary(text, re + 40)).unwrap_or(b);
        // The matches from `start` on, until the one whose role is this role word; a match
        // starting after the role word cannot have it.
        let mut p = start;
        while let Some((ms, (name_end, role_start, role_end))) = (p..=rs)
            .filter(|&k| hay.get(k).is_some_and(u8::is_ascii_uppercase))
            .find_map(|k| name_role_at(hay, k).map(|m| (k, m)))
        {
            if role_start > rs {
                break;
            }
            if role_start == rs {
                if let (Some(name), Some(role)) =
                    (text.get(ms..name_end), text.get(role_start..role_end))
                {
                    out.push((name.to_string(), role.to_string()));
                }
                last_end = role_end;
                break;
            }
            p = role_end.max(p + 1);
        }
    }
    out
}

/// "the premier", "the president": a role standing for its holder (case-sensitive, after
/// an ASCII case-insensitive "the").
static THE_ROLES: WordList = WordList::new(words![
    "premier",
    "president",
    "chairman",
    "chairwoman",
    "prime minister",
    "chancellor",
    "mayor",
    "governor",
    "top legislator",
    "first lady",
]);

/// Every `\b(?i:the)ws(ROLE)\b` with ROLE one of [`THE_ROLES`], left to right:
/// (match start, match end, role).
fn the_roles(text: &str) -> impl Iterator<Item = (usize, usize, &'static str)> + '_ {
    let b = text.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        while i < b.len() {
            let start = i;
            i += 1;
            if !has_at_ci(b, start, "the") || !at_boundary(b, start) {
                continue;
            }
            let Some(l) = ws_at(b, start + 3) else {
                continue;
            };
            let p = start + 3 + l;
            let Some(role) = THE_ROLES.iter().find(|r| has_at(b, p, r)) else {
                continue;
            };
            let end = p + role.len();
            if at_boundary(b, end) {
                i = end;
                return Some((start, end, *role));
            }
        }
        None
    })
}

/// Every run of two or three capitalized words, left to right:
/// `\b[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?(?:ws[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){1,2}\b`.
fn capitalized_runs(text: &str) -> impl Iterator<Item = &str> + '_ {
    let b = text.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        while i < b.len() {
            let start = i;
            i += 1;
            if !b.get(start).is_some_and(u8::is_ascii_uppercase) || !at_boundary(b, start) {
                continue;
            }
            let found = name_words(b, start, false, (1, 2), &mut |e| {
                at_boundary(b, e).then_some(e)
            });
            if let Some(end) = found {
                i = end;
                return text.get(start..end);
            }
        }
        None
    })
}

/// The verbs of speaking after a name ("Wang said"), case-sensitive.
static SPEECH_VERBS: WordList = WordList::new(words![
    "said",
    "says",
    "told",
    "noted",
    "added",
    "stressed",
    "explained",
    "argued",
    "wrote",
]);

/// A speech verb right after the name (`s` starts where the name ends), possibly after an
/// appositive: `^(?:,[^,.;]{1,140},)?ws(?:said|says|...|wrote)\b`.
fn speech_after(s: &str) -> bool {
    let b = s.as_bytes();
    let verb_at = |i: usize| {
        ws_at(b, i).is_some_and(|l| {
            SPEECH_VERBS
                .iter()
                .any(|v| has_at(b, i + l, v) && at_boundary(b, i + l + v.len()))
        })
    };
    if let Some(rest) = s.strip_prefix(',') {
        // The longest run of up to 140 chars other than , . ; and the comma closing it.
        let close = rest
            .char_indices()
            .enumerate()
            .find(|&(count, (_, ch))| matches!(ch, ',' | '.' | ';') || count == 140)
            .and_then(|(count, (j, ch))| (ch == ',' && count > 0).then_some(1 + j + 1));
        if close.is_some_and(verb_at) {
            return true;
        }
    }
    verb_at(0)
}

/// "said" or "according to", then up to four words, right before the name (`s` ends where
/// the name starts): `(?:\bsaid|\baccording to)ws(?:[\w-]+ws){0,4}$`.
fn speech_before(s: &str) -> bool {
    let b = s.as_bytes();
    let mut pos = b.len();
    for words in 0..=4 {
        let Some(l) = ws_before(b, pos) else {
            return false;
        };
        pos -= l;
        let opener = |w: &str| {
            pos.checked_sub(w.len())
                .is_some_and(|k| has_at(b, k, w) && at_boundary(b, k))
        };
        if opener("said") || opener("according to") {
            return true;
        }
        if words == 4 {
            break;
        }
        let k = run_start(b, pos, |x| is_w(x) || x == b'-');
        if k == pos {
            return false;
        }
        pos = k;
    }
    false
}

/// Words that make a capitalized phrase something other than a person.
static NON_PERSON_WORDS: WordList = WordList::new(words![
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
]);

/// Capitalized words that are not part of a person's name (roles, months, weekdays, openers).
static NOT_NAME_WORDS: WordList = WordList::new(words![
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
]);

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    /// Every occurrence, in text order.
    pub occurrences: Vec<Occurrence>,
    /// Mentions per person.
    pub counts: VecMap<String, usize>,
    /// The display form of each person (first full form seen).
    pub display: VecMap<String, String>,
    /// Holder of a role, when the document names exactly one ("premier" -> "li qiang").
    pub role_holder: VecMap<String, String>,
    /// People who speak ("X said") somewhere in the document.
    pub speakers: VecSet<String>,
    /// Spans (start, end) of the occurrences that are quoted speakers ("Wang said").
    pub speaking: VecSet<(usize, usize)>,
    /// The protagonist of the whole set of articles, when known (see [`People::protagonist`]).
    pub main: Option<String>,
}

/// Full names collected over all documents (key -> display), to resolve short forms in
/// documents that never spell a name out.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Key -> display of every full name seen.
    pub full: VecMap<String, String>,
    /// First or last token -> keys of the full names it starts or ends (built by
    /// [`Directory::index`]).
    pub short: VecMap<String, VecSet<String>>,
}

impl Directory {
    /// Builds the short-form index from `full`.
    pub fn index(&mut self) {
        self.short.clear();
        for (key, disp) in &self.full {
            // Family name first ("Lee" of Lee Jae Myung) or last ("Nawrocki" of Karol
            // Nawrocki): an article may call the person by either alone.
            let mut words = disp.split_whitespace();
            let first = words.next();
            for w in [first, words.next_back()].into_iter().flatten() {
                self.short
                    .entry(w.to_string())
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
        let l = t.lowercase();
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
            out.push((name, Some(role.lowercase())));
        }
    }
    // Without an entity extractor's help, capitalized runs that look like names.
    if !ext.mentions.iter().any(|m| m.kind == Kind::Entity) {
        for name in capitalized_runs(text) {
            let ok = looks_like_person(name, aliases)
                && name.split_whitespace().all(|t| {
                    let l = t.lowercase();
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
                    let role = Some(crate::text::after_last(&t.canonical, b' ').to_string());
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
            let cand = w.joined(" ");
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
    crate::text::find_all(hay, needle).filter(move |&i| {
        let b = hay.as_bytes();
        let before_ok = i == 0 || b.get(i - 1).map_or(true, |&c| !is_word_byte(c));
        let after_ok = b.get(i + needle.len()).map_or(true, |&c| !is_word_byte(c));
        before_ok && after_ok
    })
}

/// The words (maximal runs of word bytes, see [`is_word_byte`]) of a text in a chained hash
/// table: per bucket (a word hash's low bits) the starts of its words, in text order.
/// [`WordIndex::find`] looks a name up here instead of searching the whole text for it, once
/// per name. (A table, not a sorted list: in the size-optimised wasm build the standard sort
/// is a heapsort, and sorting the words was 1.5% of a re-check, Node cpu profile.)
struct WordIndex<'h> {
    hay: &'h str,
    /// Per bucket, 1 + the index in `words` of its first word (0: none).
    heads: Vec<u32>,
    /// Per word: its start, and 1 + the index of the next word of its bucket (0: none).
    words: Vec<(u32, u32)>,
}

/// FNV-1a over a word's bytes (collisions are harmless: every hit is compared in full).
fn word_hash(w: &[u8]) -> u32 {
    w.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl<'h> WordIndex<'h> {
    /// The index of `hay`'s words (none for a text whose offsets do not fit 32 bits: every
    /// lookup then searches the text).
    fn new(hay: &'h str) -> WordIndex<'h> {
        let b = hay.as_bytes();
        let mut words = Vec::new();
        let mut hashes = Vec::new();
        if u32::try_from(b.len()).is_ok() {
            let mut i = 0;
            while i < b.len() {
                let end = run_end(b, i, is_word_byte);
                if end > i {
                    if let Some(w) = b.get(i..end) {
                        words.push((i as u32, 0));
                        hashes.push(word_hash(w));
                    }
                    i = end;
                } else {
                    i += 1;
                }
            }
        }
        // As many buckets as words (a power of two); each chain linked back to front, so
        // that it runs in text order.
        let mut heads = vec![0u32; words.len().next_power_of_two()];
        let mask = heads.len() - 1;
        for (k, (w, h)) in words.iter_mut().zip(&hashes).enumerate().rev() {
            if let Some(head) = heads.get_mut(*h as usize & mask) {
                w.1 = *head;
                *head = k as u32 + 1;
            }
        }
        WordIndex { hay, heads, words }
    }

    /// What [`find_words`] finds of `needle` in the text, in order. A needle that starts with
    /// a word byte and cannot overlap itself (no proper prefix is also a suffix, so every
    /// occurrence is one `match_indices` yields) is found among the words of its first word's
    /// bucket (each compared in full: the needle there, then no word byte; a word the needle
    /// matches so is its first word); any other is searched for in the text.
    fn find(&self, needle: &str) -> Vec<usize> {
        let nb = needle.as_bytes();
        let first = nb.get(..run_end(nb, 0, is_word_byte)).unwrap_or_default();
        let overlaps = (1..nb.len()).any(|l| nb.get(..l) == nb.get(nb.len() - l..));
        if first.is_empty() || overlaps || self.words.is_empty() {
            return find_words(self.hay, needle).collect();
        }
        let b = self.hay.as_bytes();
        let mut out = Vec::new();
        let bucket = word_hash(first) as usize & (self.heads.len() - 1);
        let mut at = self.heads.get(bucket).copied().unwrap_or(0);
        while let Some(&(start, next)) = at.checked_sub(1).and_then(|k| self.words.get(k as usize))
        {
            let i = start as usize;
            if b.get(i..i + nb.len()) == Some(nb)
                && b.get(i + nb.len()).map_or(true, |&c| !is_word_byte(c))
            {
                out.push(i);
            }
            at = next;
        }
        out
    }
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
        let mut full: VecMap<String, String> = VecMap::new(); // surface -> key
        let mut roles: VecMap<String, VecSet<String>> = VecMap::new();
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
        let mut short_map: VecMap<String, VecSet<String>> = VecMap::new();
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
        let words = WordIndex::new(text);
        // Scan full names.
        let mut occ: Vec<Occurrence> = Vec::new();
        let mut surfaces: Vec<(&String, &String)> = full.iter().collect();
        surfaces.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        for (surface, key) in surfaces {
            for i in words.find(surface) {
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
        let mut counts: VecMap<String, usize> = VecMap::new();
        for o in &occ {
            *counts.entry(o.key.clone()).or_default() += 1;
        }
        // Resolve each short form to one person: the most mentioned full name sharing it.
        let mut short_key: VecMap<String, String> = VecMap::new();
        let mut all_short: VecSet<String> = short_map.keys().cloned().collect();
        all_short.extend(shorts.iter().map(|(s, _)| s.clone()));
        // The capitalized words of the text that start a full name seen elsewhere (one pass,
        // no copy of a word unless it is new).
        if !global_short.is_empty() {
            for w in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                if w.chars().next().is_some_and(char::is_uppercase)
                    && global_short.contains_key(w)
                    && !all_short.contains(w)
                {
                    all_short.insert(w.to_string());
                }
            }
        }
        for s in &all_short {
            if s.len() < 2 || NON_PERSON_WORDS.contains(&s.lowercase().as_str()) {
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
            for i in words.find(s) {
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
        if !p.role_holder.is_empty() {
            for (start, end, role) in the_roles(text) {
                if let Some(h) = p.role_holder.get(role) {
                    if !occ.iter().any(|o| o.start < end && start < o.end) {
                        occ.push(Occurrence {
                            start,
                            end,
                            key: h.clone(),
                        });
                    }
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
        let mut seen = VecSet::new();
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
        let first: VecMap<&str, usize> = self
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
    let after = text
        .get(o.end..(o.end + 160).min(text.len()))
        .or_else(|| text.get(o.end..));
    let before = text.get(o.start.saturating_sub(60)..o.start).unwrap_or("");
    after.is_some_and(speech_after) || speech_before(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, SourceInfo};

    use regex::Regex;
    use std::sync::LazyLock;

    // The patterns the scanners replace, as they were.

    /// A role word before a name (without the leading word boundary).
    const ROLE_NAME_BODY: &str = concat!(
        r"(?i:(vice[- ]president|president|premier|prime minister|chairman|chairwoman|chancellor|minister|secretary|spokes(?:person|man|woman)|governor|mayor|senator|speaker|king|queen|prince|pope|ceo|chief executive|first lady|professor|researcher|adviser|advisor|ambassador|envoy|director|commissioner|judge|mr\.|ms\.|mrs\.|dr\.))",
        ws!(),
        r"+((?:[A-Z](?:[a-z]+|[A-Z]+)(?:-[a-zA-Z][a-z]+)?)(?:",
        ws!(),
        r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){0,2})\b"
    );
    const NAME_ROLE: &str = concat!(
        r"(?-u)\b([A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?(?:",
        ws!(),
        r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){1,2}),",
        ws!(),
        r"(?:an?",
        ws!(),
        r"|the",
        ws!(),
        r"|[A-Z]\w+(?:'|\x{2019})s",
        ws!(),
        r")?(?:[a-z-]+",
        ws!(),
        r"){0,3}(chairman|chairwoman|president|premier|professor|researcher|spokes\w+|minister|director|head|chief|secretary|leader|official|analyst|mayor|governor|adviser|economist|expert|fellow|ceo|founder|lawmaker|member|commander|spokesperson)\b"
    );
    const ROLE_WORD: &str = r"(?-u)vice[- ]president|president|premier|prime minister|chairman|chairwoman|chancellor|minister|secretary|spokes(?:person|man|woman)|governor|mayor|senator|speaker|king|queen|prince|pope|ceo|chief executive|first lady|professor|researcher|adviser|advisor|ambassador|envoy|director|commissioner|judge|mr\.|ms\.|mrs\.|dr\.";
    const APPOSITIVE_ROLE: &str = r"(?-u)chairman|chairwoman|president|premier|professor|researcher|spokes|minister|director|head|chief|secretary|leader|official|analyst|mayor|governor|adviser|economist|expert|fellow|ceo|founder|lawmaker|member|commander";
    const THE_ROLE: &str = concat!(
        r"(?-u)\b(?i:the)",
        ws!(),
        r"(premier|president|chairman|chairwoman|prime minister|chancellor|mayor|governor|top legislator|first lady)\b"
    );
    const CAPITALIZED: &str = concat!(
        r"(?-u)\b[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?(?:",
        ws!(),
        r"[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?){1,2}\b"
    );
    const AFTER: &str = concat!(
        r"(?-u)^(?:,(?u-i:[^,.;]){1,140},)?",
        ws!(),
        r"(?:said|says|told|noted|added|stressed|explained|argued|wrote)\b"
    );
    const BEFORE: &str = concat!(
        r"(?-u)(?:\bsaid|\baccording to)",
        ws!(),
        r"(?:[\w-]+",
        ws!(),
        r"){0,4}$"
    );

    fn re(p: &str) -> Regex {
        Regex::new(p).expect("valid regex")
    }

    static ROLE_NAME_AT_RE: LazyLock<Regex> =
        LazyLock::new(|| re(&format!(r"(?-u)^{ROLE_NAME_BODY}")));
    static ROLE_WORD_RE: LazyLock<Regex> = LazyLock::new(|| re(ROLE_WORD));
    static NAME_ROLE_RE: LazyLock<Regex> = LazyLock::new(|| re(NAME_ROLE));
    static APPOSITIVE_ROLE_RE: LazyLock<Regex> = LazyLock::new(|| re(APPOSITIVE_ROLE));

    /// Hand-written edge cases: hyphenated and East Asian names, titles before and after
    /// names, appositives, NBSP and other spaces, curly apostrophes, case variants, words
    /// inside words, the end of the text.
    const EDGE_CASES: &[&str] = &[
        "",
        "President",
        "President Lee",
        "President Lee Jae-myung met Xi Jinping.",
        "PRESIDENT LEE Jae Myung, president Lee jae-myung, President LEE-Jae, President Lee-J",
        "Vice-President Kamala Harris met Vice President Harris and vice\u{a0}president Harris.",
        "Chinese Premier Li Qiang;Premier\u{a0}Li\u{2009}Qiang\u{202f}Wen; Premier \u{3000}Li Qiang9",
        "xPresident Foo; éPresident Foo; 中President Foo; _President Foo; -President Foo",
        "Dr. Jane Goodall, Mr. Smith, Mrs.Smith, Ms.  Smith Jones Brown Green, dr. Who",
        "Prime Minister Takaichi Sanae; prime minister Keir Starmer-Smith; Chief Executive John Lee Ka-chiu",
        "Zhao Leji, chairman of the Standing Committee of the National People's Congress, said.",
        "Li Jiacheng, an associate professor at Yonsei, said. Kim Su, a researcher at KDI, said.",
        "Wang Yi, the country's top diplomat and member of the Politburo, spoke.",
        "Wang Yi, China’s top diplomat, and Cho Hyun, Korea's foreign minister, met.",
        "Wang Yi, Korea’s minister; Wang Yi, Korea’sminister; Wang Yi,\u{a0}the spokesman; Wang Yi, the spokes",
        "Kim Jong Un, leader of North Korea; Kim Jong Un,leader; Kim Jong Un , leader; Kim Jong, leaders",
        "Ann Lee, a b c head; Ann Lee, the a b c head; Ann Lee, a b c d head; Ann Lee, an  head",
        "Ann Lee-Kim Park, member. Ann Lee-Kim9, member. Ann Lee-K, member, Ann LEE Park, member",
        "Ann Lee, x-ray y-z director-general; Ann Lee, Aa_b's ceo; Ann Lee, Abc's spokeswoman_2",
        "Lee said. Lee, 58, said. Lee, who met Xi on Monday in a long and friendly session, said so.",
        "Lee\u{a0}said; Lee told; Lee saidx; Lee,, said; Lee, a. b, said; Lee , said",
        "according to Lee; said Lee; said the Korean leader Lee; said one two three four five Lee",
        "According to Lee; unsaid Lee; -said Lee; said\u{a0}Lee; according  to Lee; according to\u{3000}Lee",
        "The premier said; the Premier; THE president; the prime minister's; the first lady; bathe president",
        "Xi Jinping Lee Jae Myung Kim Jong Un Ban Ki-moon Moon Jae-in New York Times Korea’s",
        "Aaa Bbb Ccc Ddd, chairman. Aaa Bbb-Ccc Ddd-Eee Fff, chairman. Aaa Bbb Ccc5 Ddd",
        "President Lee\u{85}Jae\u{2028}Myung\u{1680}Kim; President Lee\u{200b}Jae",
    ];

    /// Every seed article, eval article and Recognizers-Text input, and the edge cases.
    static WHOLE: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut texts = crate::testing::corpus();
        texts.extend(EDGE_CASES.iter().map(|s| s.to_string()));
        texts
    });

    /// [`WHOLE`], and each of its texts cut into its lines and its sentences.
    static CORPUS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut texts = WHOLE.clone();
        for t in WHOLE.iter() {
            texts.extend(t.lines().filter(|l| !l.is_empty()).map(str::to_string));
            texts.extend(t.split(". ").map(str::to_string));
        }
        texts
    });

    #[test]
    fn the_word_index_finds_what_find_words_finds() {
        // Every name the seeds and eval articles spell out, their words, and needles that
        // overlap themselves, start with a non-word byte or run into a longer word.
        let mut needles: Vec<String> = vec![
            "Lee Lee".into(),
            "Li Li".into(),
            "aa".into(),
            "said".into(),
            " Lee".into(),
            "Lee".into(),
            "Le".into(),
            "-based".into(),
            "Korea".into(),
            "Korean".into(),
            "Lee Jae".into(),
        ];
        for t in WHOLE.iter() {
            let input = crate::model::SourceInput {
                text: t.clone(),
                ..Default::default()
            };
            let Ok(ext) = crate::extract_source(&input, "s1") else {
                continue;
            };
            for (name, _) in full_names(&ext, t, &AliasTable::default()) {
                needles.extend(name.split_whitespace().map(str::to_string));
                needles.push(name);
            }
        }
        let hays: Vec<String> = WHOLE
            .iter()
            .cloned()
            .chain(["Lee Lee Lee and xLee Lee Lee, Li Li Li.".to_string()])
            .collect();
        for hay in &hays {
            let index = WordIndex::new(hay);
            for n in &needles {
                let want: Vec<usize> = find_words(hay, n).collect();
                assert_eq!(index.find(n), want, "{n:?}");
            }
        }
    }

    #[test]
    fn role_words_are_lower_case() {
        // `role_name_at` compares only the roles that start with the text's byte lower-cased.
        for r in TITLE_ROLES.iter().chain(APPOSITIVE_ROLES.iter()) {
            assert!(!r.bytes().any(|b| b.is_ascii_uppercase()), "{r}");
        }
    }

    #[test]
    fn the_word_index_tells_apart_words_that_hash_alike() {
        // Two different words with the same hash (found by search), side by side: each is
        // found where it is, and only there.
        let mut seen = std::collections::HashMap::new();
        let (a, b) = (0u32..)
            .map(|n| format!("w{n}"))
            .find_map(|w| {
                let h = word_hash(w.as_bytes());
                seen.insert(h, w.clone()).map(|other| (other, w))
            })
            .expect("a collision among 32-bit hashes");
        assert_ne!(a, b);
        assert_eq!(word_hash(a.as_bytes()), word_hash(b.as_bytes()));
        let hay = format!("{a} {b} x {b} {a}");
        let index = WordIndex::new(&hay);
        for n in [&a, &b] {
            let want: Vec<usize> = find_words(&hay, n).collect();
            assert_eq!(want.len(), 2);
            assert_eq!(index.find(n), want, "{n}");
        }
    }

    /// The char boundaries of `t`.
    fn boundaries(t: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..=t.len()).filter(|&i| t.is_char_boundary(i))
    }

    /// `role_names` as it was, over the regexes.
    fn role_names_regex(text: &str) -> Vec<(String, String)> {
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        let mut pos = 0usize;
        let mut last_end = 0usize;
        while let Some(cand) = ROLE_WORD_RE.find_at(&lower, pos) {
            let c = cand.start();
            pos = ceil_boundary(text, c + 1);
            if c < last_end {
                continue;
            }
            let word_before = text
                .get(..c)
                .and_then(|t| t.chars().next_back())
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
            if word_before {
                continue;
            }
            let end = ceil_boundary(text, c + 200);
            let mut caps = ROLE_NAME_AT_RE.captures(text.get(c..end).unwrap_or(""));
            if caps
                .as_ref()
                .and_then(|k| k.get(0))
                .is_some_and(|m| c + m.end() + 60 > end && end < text.len())
            {
                caps = ROLE_NAME_AT_RE.captures(text.get(c..).unwrap_or(""));
            }
            let Some(k) = caps else { continue };
            let (Some(all), Some(role), Some(name)) = (k.get(0), k.get(1), k.get(2)) else {
                continue;
            };
            last_end = c + all.end();
            pos = pos.max(last_end);
            out.push((
                name.as_str().to_string(),
                role.as_str().lowercase().replace('-', " "),
            ));
        }
        out
    }

    /// `appositive_names` as it was, over the regexes.
    fn appositive_names_regex(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut last_end = 0usize;
        for r in APPOSITIVE_ROLE_RE.find_iter(text) {
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
            while let Some(k) = NAME_ROLE_RE.captures_at(hay, at) {
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

    #[test]
    fn role_name_scanner_agrees_with_its_regex() {
        let mut matched = 0;
        for t in WHOLE.iter() {
            // A match needs a role word where it starts (the regex of the role words finds
            // them all, case-insensitively): the scanner must find the same places, and the
            // same match at each of them, in the suffix and in the 200-byte window the
            // caller tries first.
            let lower = t.to_ascii_lowercase();
            let mut want_starts: Vec<usize> = Vec::new();
            let mut pos = 0;
            while let Some(m) = ROLE_WORD_RE.find_at(&lower, pos) {
                want_starts.push(m.start());
                pos = m.start() + 1;
            }
            let starts: Vec<usize> = (0..t.len())
                .filter(|&c| TITLE_ROLES.iter().any(|r| has_at_ci(t.as_bytes(), c, r)))
                .collect();
            assert_eq!(starts, want_starts, "{t:?}");
            for c in boundaries(t) {
                for hay in [&t[c..], &t[c..ceil_boundary(t, c + 200)]] {
                    let mine = role_name_at(hay.as_bytes());
                    if starts.binary_search(&c).is_err() {
                        assert_eq!(mine, None, "{hay:?}");
                        continue;
                    }
                    let want = ROLE_NAME_AT_RE
                        .captures(hay)
                        .and_then(|k| Some((k.get(1)?.end(), k.get(2)?.start(), k.get(2)?.end())));
                    assert_eq!(mine, want, "{hay:?}");
                    matched += usize::from(want.is_some());
                }
            }
        }
        for t in CORPUS.iter() {
            assert_eq!(role_names(t), role_names_regex(t), "{t:?}");
        }
        assert!(matched > 100, "role-name matches in the corpus: {matched}");
    }

    /// A match of the appositive pattern: (start, (name end, role start, role end)).
    type Found = (usize, (usize, usize, usize));

    #[test]
    fn name_role_scanner_agrees_with_its_regex() {
        let mut matched = 0;
        for t in CORPUS.iter() {
            assert_eq!(appositive_names(t), appositive_names_regex(t), "{t:?}");
        }
        // The leftmost match from every char boundary of every line. The regex's leftmost
        // match from `at` is also the one from every position up to its start, so it is
        // only asked again past that.
        for t in WHOLE.iter() {
            for line in t.lines() {
                let b = line.as_bytes();
                let mut mine: Vec<Option<Found>> = Vec::new();
                let mut next = None;
                for at in boundaries(line).rev() {
                    if let Some(m) = name_role_at(b, at) {
                        next = Some((at, m));
                    }
                    mine.push(next);
                }
                mine.reverse();
                let mut want: Option<Option<Found>> = None;
                for (at, got) in boundaries(line).zip(mine) {
                    if want.is_none_or(|w| w.is_some_and(|(s, _)| s < at)) {
                        want = Some(NAME_ROLE_RE.captures_at(line, at).and_then(|k| {
                            Some((
                                k.get(0)?.start(),
                                (k.get(1)?.end(), k.get(2)?.start(), k.get(2)?.end()),
                            ))
                        }));
                        matched += usize::from(want.flatten().is_some());
                    }
                    assert_eq!(Some(got), want, "{line:?} at {at}");
                }
            }
        }
        assert!(matched > 20, "appositive matches in the corpus: {matched}");
    }

    #[test]
    fn capitalized_and_the_role_scanners_agree_with_their_regexes() {
        let caps = re(CAPITALIZED);
        let the = re(THE_ROLE);
        let (mut n_caps, mut n_the) = (0, 0);
        for t in CORPUS.iter() {
            let want: Vec<&str> = caps.find_iter(t).map(|m| m.as_str()).collect();
            assert_eq!(capitalized_runs(t).collect::<Vec<_>>(), want, "{t:?}");
            n_caps += want.len();
            let want: Vec<(usize, usize, &str)> = the
                .captures_iter(t)
                .filter_map(|k| Some((k.get(0)?.start(), k.get(0)?.end(), k.get(1)?.as_str())))
                .collect();
            assert_eq!(the_roles(t).collect::<Vec<_>>(), want, "{t:?}");
            n_the += want.len();
        }
        for t in EDGE_CASES {
            for c in boundaries(t) {
                let s = &t[c..];
                let want: Vec<&str> = caps.find_iter(s).map(|m| m.as_str()).collect();
                assert_eq!(capitalized_runs(s).collect::<Vec<_>>(), want, "{s:?}");
            }
        }
        assert!(n_caps > 100 && n_the > 5, "matches: {n_caps} {n_the}");
    }

    #[test]
    fn speaker_scanners_agree_with_their_regexes() {
        let after = re(AFTER);
        let before = re(BEFORE);
        let (mut n_after, mut n_before) = (0, 0);
        let verbs = [
            "said",
            "says",
            "told",
            "noted",
            "added",
            "stressed",
            "explained",
            "argued",
            "wrote",
        ];
        for t in WHOLE.iter() {
            for i in boundaries(t) {
                // The slices `is_speaker_at` makes for an occurrence starting or ending here.
                let a = t.get(i..(i + 160).min(t.len())).or_else(|| t.get(i..));
                let a = a.unwrap_or("");
                // Without one of its verbs the pattern cannot match.
                let want = verbs.iter().any(|v| a.contains(v)) && after.is_match(a);
                assert_eq!(speech_after(a), want, "{a:?}");
                n_after += usize::from(want);
                let b = t.get(i.saturating_sub(60)..i).unwrap_or("");
                let want = (b.contains("said") || b.contains("according to")) && before.is_match(b);
                assert_eq!(speech_before(b), want, "{b:?}");
                n_before += usize::from(want);
            }
        }
        assert!(
            n_after > 20 && n_before > 20,
            "matches: {n_after} {n_before}"
        );
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
