//! The date scanner: walks the tokens left to right, tries every matcher at each token,
//! keeps the longest match, and builds its normalized value (resolved against the
//! publication date where the expression allows). Event-relative expressions ("the
//! previous day") are resolved afterwards against the nearest preceding dated mention.

use super::cal::{self, iso, ymd};
use super::lex::{self, Cls, Tok, Unit};
use crate::civil::Date;
use crate::model::{
    format_number, Basis, DateValue, DurationValue, Granularity, Kind, Qualifier, Quantity, Value,
};
use crate::text::Doc;
use crate::text::Join;
use crate::words::{words, WordList};

/// A match, in token indexes, with its value.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Its value.
    pub value: Value,
    /// Its hedge.
    pub qualifier: Qualifier,
    /// The noun a duration is about.
    pub noun: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
    /// Days from the anchor event, for event-relative dates still to resolve.
    pub pending: Option<i64>,
}

/// A day (or weekday) found in the text, before it becomes a mention.
#[derive(Debug, Clone)]
struct DaySpec {
    timex: String,
    date: Option<Date>,
    basis: Basis,
    weekday: Option<u8>,
    rule: &'static str,
}

/// A written day found at a token: its end and its parts.
type DayAt = (usize, DayParts);

/// A day found at a token: its end, the day, and a part of the day ("morning").
type AnyDay = (usize, DaySpec, Option<&'static str>);

/// Parts of a written day: any of year and month may be missing.
#[derive(Debug, Clone, Copy)]
struct DayParts {
    y: Option<i32>,
    m: Option<u8>,
    d: u8,
    wd: Option<u8>,
    numeric: bool,
}

/// Words after which a bare year or month reads as a date.
static DATE_PREPS: WordList = WordList::new(words![
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "of",
    "from",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "circa",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
    "beginning",
    "start",
    "middle",
    "between",
    "year",
    "to",
    "and",
    "or",
    "last",
    "this",
    "next",
    "as",
]);

/// Words that end a duration's noun.
static NOUN_STOP: WordList = WordList::new(words![
    "to", "in", "of", "the", "a", "an", "and", "or", "with", "for", "on", "at", "by", "from",
    "that", "which", "who", "was", "is", "were", "are", "will", "has", "had", "have", "be", "been",
    "it", "its", "his", "her", "their", "this", "these", "those", "as", "but", "after", "before",
    "since", "during", "into", "than", "ago", "later", "earlier", "long", "old", "away", "from",
    "per", "each", "every", "when", "while", "where", "so", "he", "she", "they", "we", "i", "you",
    "not", "no", "also", "there", "here", "said", "says",
]);

/// Nouns that can close a two-word duration noun ("state visit", "peace talks").
static HEAD_NOUNS: WordList = WordList::new(words![
    "visit",
    "visits",
    "trip",
    "tour",
    "talks",
    "summit",
    "meeting",
    "meetings",
    "strike",
    "sentence",
    "term",
    "deal",
    "agreement",
    "truce",
    "ceasefire",
    "program",
    "programme",
    "plan",
    "period",
    "window",
    "campaign",
    "festival",
    "event",
    "conference",
    "session",
    "break",
    "holiday",
    "vacation",
    "stay",
    "mission",
    "operation",
    "exercise",
    "exercises",
    "drill",
    "drills",
    "search",
    "investigation",
    "probe",
    "trial",
    "contract",
    "loan",
    "lease",
    "extension",
    "suspension",
    "ban",
    "lockdown",
    "shutdown",
    "outage",
    "delay",
    "journey",
    "flight",
    "voyage",
    "race",
    "battle",
    "siege",
    "offensive",
    "war",
    "conflict",
    "crisis",
    "hearing",
    "review",
    "course",
    "cycle",
    "forum",
    "retreat",
    "standoff",
    "protest",
    "protests",
    "rally",
    "march",
    "walkout",
    "negotiations",
    "consultations",
    "celebrations",
    "ceremony",
    "games",
    "tournament",
    "show",
    "exhibition",
    "fair",
    "expo",
    "blackout",
    "quarantine",
    "curfew",
    "moratorium",
    "freeze",
]);

/// What the word tables say about one token, looked up once per distinct word (see
/// [`INFO_MEMO`]; the tables are `match`es that compare a word against each arm in turn).
#[derive(Debug, Clone, Copy)]
struct Info {
    /// [`lex::month`].
    month: Option<u8>,
    /// [`lex::weekday`].
    weekday: Option<(u8, bool)>,
    /// [`lex::ordinal_word`] (all fit a byte).
    ordinal: Option<u8>,
    /// [`lex::small_number`] (all fit a byte).
    small: Option<u8>,
    /// [`lex::unit`] of the word standing alone (not glued to a digit).
    unit: Option<Unit>,
    /// [`is_trigger`].
    trigger: bool,
    /// [`word_gates`] (16 groups).
    gates: u16,
}

impl Info {
    /// [`lex::ordinal_word`] of the word.
    fn ordinal(&self) -> Option<u32> {
        self.ordinal.map(u32::from)
    }

    /// [`lex::small_number`] of the word.
    fn small(&self) -> Option<u32> {
        self.small.map(u32::from)
    }

    /// Looks `w` (lower case) up in every table.
    fn of(w: &str) -> Info {
        Info {
            month: lex::month(w),
            weekday: lex::weekday(w),
            ordinal: lex::ordinal_word(w).and_then(|v| u8::try_from(v).ok()),
            small: lex::small_number(w).and_then(|v| u8::try_from(v).ok()),
            unit: lex::unit(w, false),
            trigger: is_trigger(w),
            gates: word_gates(w),
        }
    }
}

/// Slots of [`INFO_MEMO`] (a power of two): 8192 x 32 bytes.
const INFO_SLOTS: usize = 8192;

std::thread_local! {
    /// What each word said, by [`word_key`], in a direct-mapped memo that outlives one
    /// document (a clash just looks again). [`Info::of`] is a pure function of the word,
    /// so the memo never needs clearing; keeping it across documents is what makes a
    /// re-check of an edited article cheap (in wasm at opt-level "z" the tables' string
    /// comparisons were a fifth of a re-check).
    static INFO_MEMO: std::cell::RefCell<Vec<(u128, Info)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// [`Info`] of every token (non-words: `empty`), through `memo` (filled on first use).
fn infos(toks: &[Tok], low: &str, empty: Info, memo: &mut Vec<(u128, Info)>) -> Vec<Info> {
    if memo.len() != INFO_SLOTS {
        *memo = vec![(0, empty); INFO_SLOTS];
    }
    let bytes = low.as_bytes();
    let word = |t: &Tok| low.get(t.s()..t.e()).unwrap_or("");
    toks.iter()
        .map(|t| {
            if t.cls != Cls::Word {
                return empty;
            }
            // The key is read from the bytes; the word itself only on a miss.
            match word_key_in(bytes, t.s(), t.e()) {
                Some(k) => match memo.get_mut(word_slot(k, INFO_SLOTS - 1)) {
                    Some(e) if e.0 == k => e.1,
                    Some(e) => {
                        *e = (k, Info::of(word(t)));
                        e.1
                    }
                    None => Info::of(word(t)),
                },
                None => Info::of(word(t)),
            }
        })
        .collect()
}

/// Keeps `h` in `best` when it is a longer match (out of line: one small call per matcher).
#[inline(never)]
fn keep_longer(best: &mut Option<Hit>, h: Option<Hit>) {
    if let Some(h) = h {
        if h.end > h.first && best.as_ref().map_or(true, |b| h.end > b.end) {
            *best = Some(h);
        }
    }
}

/// A word of at most 16 bytes packed into one number (zero bytes pad it; a word has
/// none, so the key 0 is never a word's).
fn word_key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 16 || b.is_empty() {
        return None;
    }
    let mut k = [0u8; 16];
    k.get_mut(..b.len())?.copy_from_slice(b);
    Some(u128::from_le_bytes(k))
}

/// [`word_key`] of the word `buf[lo..hi]`, read straight from `buf` when 16 bytes from `lo`
/// are there (no byte-by-byte assembly, no store-to-load stall through a stack copy).
#[inline]
fn word_key_in(buf: &[u8], lo: usize, hi: usize) -> Option<u128> {
    let n = hi.wrapping_sub(lo);
    if !(1..=16).contains(&n) {
        return None;
    }
    match buf.get(lo..lo.wrapping_add(16)) {
        Some(chunk) => {
            let k = u128::from_le_bytes(chunk.try_into().ok()?);
            Some(if n == 16 {
                k
            } else {
                k & ((1u128 << (8 * n)) - 1)
            })
        }
        None => word_key(std::str::from_utf8(buf.get(lo..hi)?).ok()?),
    }
}

/// Slot of a word key in a memo of `mask + 1` slots.
fn word_slot(k: u128, mask: usize) -> usize {
    let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    let h = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as usize & mask
}

/// The scanner state over one document.
pub(super) struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    low: &'d str,
    toks: Vec<Tok>,
    /// For each token: what the word tables say about it (non-words: nothing).
    infos: Vec<Info>,
    /// What the word tables say about no word at all (past the last token).
    empty: Info,
    /// The last `day_parts` answer, by token: the matchers at one token ask it repeatedly.
    day_parts_memo: std::cell::Cell<Option<(usize, Option<DayAt>)>>,
    /// The last `any_day` answer, by token.
    any_day_memo: std::cell::RefCell<Option<(usize, Option<AnyDay>)>>,
    published: Option<Date>,
}

impl<'d, 'a> Scan<'d, 'a> {
    /// Prepares the scanner.
    pub fn new(doc: &'d Doc<'a>, published: Option<Date>) -> Scan<'d, 'a> {
        let low = doc.lower();
        let toks = lex::tokenize(&doc.text);
        let empty = Info::of("");
        let infos = INFO_MEMO.with(|memo| match memo.try_borrow_mut() {
            Ok(mut memo) => infos(&toks, low, empty, &mut memo),
            // Not reachable (nothing here re-enters the scanner), but never a panic.
            Err(_) => infos(&toks, low, empty, &mut Vec::new()),
        });
        Scan {
            doc,
            low,
            toks,
            infos,
            empty,
            day_parts_memo: std::cell::Cell::new(None),
            any_day_memo: std::cell::RefCell::new(None),
            published,
        }
    }

    /// The byte range of tokens `first..end` in the normalized text.
    pub fn range(&self, first: usize, end: usize) -> std::ops::Range<usize> {
        let s = self.toks.get(first).map_or(0, |t| t.s());
        let e = end
            .checked_sub(1)
            .and_then(|l| self.toks.get(l))
            .map_or(s, |t| t.e());
        s..e.max(s)
    }

    // ---- token helpers -------------------------------------------------------------

    /// What the word tables say about token `j`.
    #[inline]
    fn info(&self, j: usize) -> &Info {
        self.infos.get(j).unwrap_or(&self.empty)
    }

    /// The unit named by token `j`; `glued` as in [`lex::unit`].
    fn unit_at(&self, j: usize, glued: bool) -> Option<Unit> {
        match self.info(j).unit {
            Some(u) => Some(u),
            None if glued && self.lw(j) == "h" => Some(Unit::Hour),
            None => None,
        }
    }

    fn tok(&self, j: usize) -> Option<&Tok> {
        self.toks.get(j)
    }

    /// Lower-case word at `j`, or "".
    fn lw(&self, j: usize) -> &str {
        match self.toks.get(j) {
            Some(t) if t.cls == Cls::Word => self.low.get(t.s()..t.e()).unwrap_or(""),
            _ => "",
        }
    }

    /// Raw text of token `j`, or "".
    fn raw(&self, j: usize) -> &str {
        match self.toks.get(j) {
            Some(t) => self.doc.text.get(t.s()..t.e()).unwrap_or(""),
            None => "",
        }
    }

    fn is(&self, j: usize, w: &str) -> bool {
        self.lw(j) == w
    }

    fn is_any(&self, j: usize, ws: &[&str]) -> bool {
        let w = self.lw(j);
        !w.is_empty() && ws.contains(&w)
    }

    /// Punctuation `c` at `j`.
    fn p(&self, j: usize, c: char) -> bool {
        match self.toks.get(j) {
            Some(t) if t.cls == Cls::Punct => self.doc.text[t.s()..].starts_with(c),
            _ => false,
        }
    }

    /// Token `j` exists and touches the previous one.
    fn tight(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| !t.gap)
    }

    fn upper(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| t.upper)
    }

    /// Digit run at `j`: its value and number of digits.
    fn num(&self, j: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(j)?;
        if t.cls != Cls::Num {
            return None;
        }
        let s = self.doc.text.get(t.s()..t.e())?;
        if s.len() > 9 {
            return None;
        }
        let v = crate::num::parse_uint(s).and_then(|v| u32::try_from(v).ok())?;
        Some((v, s.len()))
    }

    fn is_num(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| t.cls == Cls::Num)
    }

    /// Previous token index, if any.
    fn prev(j: usize) -> Option<usize> {
        j.checked_sub(1)
    }

    /// The index of the sentence containing token `j`.
    fn sentence_of(&self, j: usize) -> usize {
        self.doc
            .sentence_index(self.toks.get(j).map_or(0, |t| t.s()))
    }

    /// Future-tense cues near tokens `first..end` in the same sentence.
    fn future(&self, first: usize, end: usize) -> bool {
        let sent = self
            .doc
            .sentence_at(self.toks.get(first).map_or(0, |t| t.s()));
        let lo = first.saturating_sub(10);
        let hi = (end + 10).min(self.toks.len());
        let mut cue = None;
        for j in lo..hi {
            let Some(t) = self.toks.get(j) else { break };
            if t.s() < sent.start || t.e() > sent.end {
                continue;
            }
            let w = self.lw(j);
            let prevw = Self::prev(j).map_or("", |k| self.lw(k));
            let hit = match w {
                "will" | "shall" | "upcoming" => true,
                "ll" => Self::prev(j).is_some_and(|k| self.p(k, '\'')),
                "set" | "scheduled" | "due" | "expected" | "slated" => {
                    matches!(prevw, "is" | "are" | "s" | "am")
                }
                "plans" | "plan" => self.is(j + 1, "to"),
                _ => false,
            };
            if hit {
                cue = Some(j);
                if j >= first {
                    break;
                }
            }
        }
        let Some(c) = cue else { return false };
        // A reporting verb between the mention and the cue detaches them
        // ("said on Monday that he will ...").
        let (a, b) = if c < first { (c, first) } else { (end, c) };
        !(a..b).any(|j| {
            matches!(
                self.lw(j),
                "said" | "says" | "told" | "announced" | "added" | "stated"
            )
        })
    }

    /// A cue just before token `first` that the date is in the past: "since", a
    /// reporting verb ("said on Jan. 15").
    fn past_cue(&self, first: usize) -> bool {
        (first.saturating_sub(3)..first).any(|q| {
            self.is_any(
                q,
                &[
                    "since",
                    "said",
                    "told",
                    "announced",
                    "reported",
                    "confirmed",
                    "added",
                ],
            )
        })
    }

    // ---- numbers -------------------------------------------------------------------

    /// A day of the month at `j`: digits 1-31 with an optional ordinal suffix, or an
    /// ordinal word ("first", "twenty-first"). Returns (end, day, had_suffix_or_word).
    fn day_num(&self, j: usize) -> Option<(usize, u8, bool)> {
        if let Some((v, len)) = self.num(j) {
            if len > 2 || !(1..=31).contains(&v) {
                return None;
            }
            // The decimals of a figure ("6,107.31 August").
            if self.tight(j) && Self::prev(j).is_some_and(|p| self.p(p, '.') || self.p(p, ',')) {
                return None;
            }
            let mut k = j + 1;
            let mut suffix = false;
            if self.tight(k) && self.is_any(k, &["st", "nd", "rd", "th"]) {
                k += 1;
                suffix = true;
            }
            // Not part of a longer number ("6.5", "6,000", "6:30").
            if self.tight(k)
                && (self.p(k, ':')
                    || self.is_num(k + 1)
                        && self.tight(k + 1)
                        && (self.p(k, '.') || self.p(k, ',')))
            {
                return None;
            }
            return Some((k, v as u8, suffix));
        }
        let info = self.info(j);
        if let Some(tens) = info.small().filter(|t| *t == 20 || *t == 30) {
            let mut k = j + 1;
            if self.p(k, '-') && self.tight(k) {
                k += 1;
            }
            if let Some(u) = self.info(k).ordinal().filter(|u| *u < 10) {
                return Some((k + 1, (tens + u) as u8, true));
            }
            if let Some(u) = self.info(k).small().filter(|u| (1..10).contains(u)) {
                return Some((k + 1, (tens + u) as u8, true));
            }
            return None;
        }
        info.ordinal()
            .filter(|v| *v <= 31)
            .map(|v| (j + 1, v as u8, true))
    }

    /// A four-digit year 1000-2100 at `j` (not part of a longer number).
    fn year4(&self, j: usize) -> Option<i32> {
        let (v, len) = self.num(j)?;
        if len != 4 || !(1000..=2100).contains(&v) {
            return None;
        }
        if self.tight(j + 1)
            && (self.p(j + 1, '%')
                || ((self.p(j + 1, '.') || self.p(j + 1, ','))
                    && self.is_num(j + 2)
                    && self.tight(j + 2)))
        {
            return None;
        }
        if let Some(p) = Self::prev(j) {
            if self.tight(j)
                && (self.p(p, '$') || self.p(p, '.') || self.p(p, ',') || self.p(p, '#'))
            {
                return None;
            }
        }
        Some(v as i32)
    }

    /// A month name at `j`; returns (end after an optional period, month).
    fn month_at(&self, j: usize) -> Option<(usize, u8)> {
        let m = self.info(j).month?;
        let w = self.lw(j);
        // "may" and "march" are also common words; abbreviations need care too.
        if matches!(w, "may" | "march" | "mar") && !self.upper(j) {
            return None;
        }
        let mut k = j + 1;
        if self.p(k, '.') && self.tight(k) && self.is_num(k + 1) {
            k += 1;
        }
        Some((k, m))
    }

    // ---- days ----------------------------------------------------------------------

    /// A written day at `j`, optionally led by a weekday ("Tuesday, Jan. 6").
    fn day_parts(&self, j: usize) -> Option<(usize, DayParts)> {
        if let Some((k, r)) = self.day_parts_memo.get() {
            if k == j {
                return r;
            }
        }
        let r = self.day_parts_uncached(j);
        self.day_parts_memo.set(Some((j, r)));
        r
    }

    /// [`Scan::day_parts`] without the memo.
    fn day_parts_uncached(&self, j: usize) -> Option<(usize, DayParts)> {
        if let Some((wd, full)) = self.info(j).weekday {
            let mut k = j + 1;
            if !full && self.p(k, '.') && self.tight(k) {
                k += 1;
            }
            if self.p(k, ',') {
                k += 1;
            }
            if let Some((e, mut d)) = self.day_core(k) {
                d.wd = Some(wd);
                return Some((e, d));
            }
            // "Friday the 22nd".
            if self.is(k, "the") {
                if let Some((e, d, true)) = self.day_num(k + 1) {
                    return Some((
                        e,
                        DayParts {
                            y: None,
                            m: None,
                            d,
                            wd: Some(wd),
                            numeric: false,
                        },
                    ));
                }
            }
            return None;
        }
        self.day_core(j)
    }

    /// A written day without weekday.
    fn day_core(&self, j: usize) -> Option<(usize, DayParts)> {
        // Month first: "Jan. 6, 2026", "October 2", "Oct-2", "Oct/2", "Oct2", "March the 3rd".
        if let Some((mut k, m)) = self.month_at(j) {
            if (self.p(k, '-') || self.p(k, '/')) && self.tight(k) && self.tight(k + 1) {
                k += 1;
            }
            if self.is(k, "the") {
                k += 1;
            }
            // "October, 1st".
            if self.p(k, ',') && self.day_num(k + 1).is_some_and(|(_, _, marked)| marked) {
                k += 1;
            }
            let (mut e, d, _) = self.day_num(k)?;
            let mut y = None;
            let mut e2 = e;
            if self.p(e2, ',') || self.is_any(e2, &["of", "in"]) && self.year4(e2 + 1).is_some() {
                e2 += 1;
            }
            if let Some(yy) = self.year4(e2) {
                y = Some(yy);
                e = e2 + 1;
            } else if let Some((e3, yy)) = self.year_words(e2) {
                y = Some(yy);
                e = e3;
            }
            return Some((
                e,
                DayParts {
                    y,
                    m: Some(m),
                    d,
                    wd: None,
                    numeric: false,
                },
            ));
        }
        // Day first: "6 August", "the 1st of Jan", "second of Aug.", "16. Nov. 2016".
        let mut k = j;
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        if let Some((mut e, d, marked)) = self.day_num(k) {
            if self.p(e, '.') && self.tight(e) && self.is_num(k) && self.month_at(e + 1).is_some() {
                e += 1;
            }
            let mut of = false;
            if self.is(e, "of") {
                e += 1;
                of = true;
            }
            if !self.is_num(k) && !marked {
                return None;
            }
            if let Some((mut e, m)) = self.month_at(e) {
                let mut y = None;
                let mut e2 = e;
                if self.p(e2, ',') {
                    e2 += 1;
                }
                if self.is(e2, "of") || self.is(e2, "in") && self.year4(e2 + 1).is_some() {
                    e2 += 1;
                }
                if let Some(yy) = self.year4(e2) {
                    y = Some(yy);
                    e = e2 + 1;
                } else if let Some((e3, yy)) = self.year_words(e2) {
                    y = Some(yy);
                    e = e3;
                }
                return Some((
                    e,
                    DayParts {
                        y,
                        m: Some(m),
                        d,
                        wd: None,
                        numeric: false,
                    },
                ));
            }
            // "the 27th" on its own (not "the 21st century"); "for the 27" closing a sentence.
            let closing = self.tok(e).is_none()
                || (self.p(e, '.') || self.p(e, '!') || self.p(e, '?'))
                    && self.tok(e + 1).is_none();
            let bare_ok = !marked
                && closing
                && Self::prev(j)
                    .is_some_and(|p| self.is_any(p, &["on", "for", "by", "until", "since"]));
            if the && (marked || bare_ok) && !of && self.tok(e).is_none_or_punct() {
                return Some((
                    e,
                    DayParts {
                        y: None,
                        m: None,
                        d,
                        wd: None,
                        numeric: false,
                    },
                ));
            }
        }
        // "on 15" closing a sentence.
        if let Some((v, len)) = self.num(j) {
            let end_ok = match self.tok(j + 1) {
                None => true,
                Some(_) => {
                    (self.p(j + 1, '.') || self.p(j + 1, '!') || self.p(j + 1, '?'))
                        && self.tok(j + 2).is_none()
                }
            };
            if len <= 2
                && (1..=31).contains(&v)
                && end_ok
                && Self::prev(j).is_some_and(|p| self.is(p, "on"))
            {
                return Some((
                    j + 1,
                    DayParts {
                        y: None,
                        m: None,
                        d: v as u8,
                        wd: None,
                        numeric: true,
                    },
                ));
            }
        }
        self.numeric_day(j).or_else(|| self.mixed_day(j))
    }

    /// Numeric dates with a month name: "2019-sep-1", "05-Aug-2016", "23/Sep/2020".
    fn mixed_day(&self, j: usize) -> Option<(usize, DayParts)> {
        let (a, alen) = self.num(j)?;
        let sep = self.raw(j + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.tight(j + 1) || !self.tight(j + 2) {
            return None;
        }
        let m = self.info(j + 2).month?;
        if self.raw(j + 3) != sep || !self.tight(j + 3) || !self.tight(j + 4) {
            return None;
        }
        let (c, clen) = self.num(j + 4)?;
        let (y, d) = match (alen, clen) {
            (4, 1 | 2) => (a, c),
            (1 | 2, 4) => (c, a),
            _ => return None,
        };
        if !(1000..=2100).contains(&y) || !(1..=31).contains(&d) {
            return None;
        }
        Some((
            j + 5,
            DayParts {
                y: Some(y as i32),
                m: Some(m),
                d: d as u8,
                wd: None,
                numeric: true,
            },
        ))
    }

    /// A year in words: "two thousand and eighteen", "nineteen seventy eight".
    fn year_words(&self, j: usize) -> Option<(usize, i32)> {
        let w = self.lw(j);
        let two_digits = |k: usize| -> Option<(usize, u32)> {
            let w = self.lw(k);
            if matches!(w, "zero" | "oh" | "o") {
                let u = self.info(k + 1).small().filter(|u| (1..10).contains(u))?;
                return Some((k + 2, u));
            }
            let v = self.info(k).small()?;
            if v >= 20 && v % 10 == 0 {
                let mut n = k + 1;
                if self.p(n, '-') && self.tight(n) {
                    n += 1;
                }
                if let Some(u) = self.info(n).small().filter(|u| (1..10).contains(u)) {
                    return Some((n + 1, v + u));
                }
            }
            (v >= 10).then_some((k + 1, v))
        };
        if w == "two" && self.is(j + 1, "thousand") {
            let mut e = j + 2;
            if self.is(e, "and") {
                e += 1;
            }
            if let Some((e2, v)) = two_digits(e).or_else(|| {
                self.info(e)
                    .small()
                    .filter(|v| *v < 10 && *v > 0)
                    .map(|v| (e + 1, v))
            }) {
                return Some((e2, 2000 + v as i32));
            }
            return Some((j + 2, 2000));
        }
        let c = self.info(j).small().filter(|c| matches!(c, 11..=20))?;
        let (e, v) = two_digits(j + 1)?;
        Some((e, c as i32 * 100 + v as i32))
    }

    /// Numeric dates: "2026-01-06", "2015/08/12", "1/6/2026", "21-04-2016", "13.5.2015",
    /// "9-18-15", and "on 4/22".
    fn numeric_day(&self, j: usize) -> Option<(usize, DayParts)> {
        let (a, alen) = self.num(j)?;
        // Not inside a longer figure or code.
        if let Some(p) = Self::prev(j) {
            if self.tight(j) {
                if self.is_num(p) || self.p(p, '/') || self.p(p, '.') || self.p(p, ':') {
                    return None;
                }
                if (self.p(p, '-') || self.p(p, ','))
                    && Self::prev(p).is_some_and(|q| self.is_num(q) && self.tight(p))
                {
                    return None;
                }
                if self.toks.get(p).is_some_and(|t| t.cls == Cls::Word) {
                    return None;
                }
            }
        }
        let sep = self.raw(j + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.tight(j + 1) || !self.tight(j + 2) {
            return None;
        }
        let (b, blen) = self.num(j + 2)?;
        let three =
            self.raw(j + 3) == sep && self.tight(j + 3) && self.tight(j + 4) && self.is_num(j + 4);
        let end = if three { j + 5 } else { j + 3 };
        // Nothing glued after ("1-2-3-4", "10/1/2018/x", "4.22.1").
        if self.tight(end)
            && (self.is_num(end)
                || ((self.p(end, '-') || self.p(end, '/') || self.p(end, '.') || self.p(end, ':'))
                    && self.is_num(end + 1)
                    && self.tight(end + 1)))
        {
            return None;
        }
        // ISO date-times go on: "2026-01-06T08:30".
        let iso_t = self.is(end, "t") && self.tight(end + 1) && self.is_num(end + 1);
        if self.tight(end) && self.toks.get(end).is_some_and(|t| t.cls == Cls::Word) && !iso_t {
            return None;
        }
        let parts = |y: i32, m: u32, d: u32| -> Option<DayParts> {
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            Some(DayParts {
                y: if y == 0 { None } else { Some(y) },
                m: Some(m as u8),
                d: d as u8,
                wd: None,
                numeric: true,
            })
        };
        if three {
            let (c, clen) = self.num(j + 4)?;
            if alen == 4 {
                if blen > 2 || clen > 2 || !(1000..=2100).contains(&a) {
                    return None;
                }
                return parts(a as i32, b, c).map(|p| (end, p));
            }
            if alen > 2 || blen > 2 {
                return None;
            }
            let y = match clen {
                4 if (1000..=2100).contains(&c) => c as i32,
                2 => {
                    if c < 50 {
                        2000 + c as i32
                    } else {
                        1900 + c as i32
                    }
                }
                _ => return None,
            };
            // US month/day first, day/month when the first cannot be a month or the
            // separator is a period (European style).
            let p = if sep == "." || (a > 12 && b <= 12) {
                parts(y, b, a)
            } else {
                parts(y, a, b)
            };
            return p.map(|p| (end, p));
        }
        // Two parts: after "on" ("on 4/22"), or with a slash when one side cannot be a
        // small fraction ("4/22", "22/04"); never a ratio or score otherwise.
        if alen > 2 || blen > 2 {
            return None;
        }
        let on = Self::prev(j).is_some_and(|p| self.is(p, "on") || self.info(p).weekday.is_some());
        let slash = sep == "/"
            && (a > 12 || b > 12)
            && (a, b) != (24, 7)
            && !self.is_any(end, &["of", "majority", "chance"]);
        // "08/12,2015": a year glued after a comma makes it a date.
        let year_after = sep == "/"
            && self.p(end, ',')
            && self.tight(end)
            && self.tight(end + 1)
            && self.num(end + 1).is_some_and(|(_, l)| l == 2 || l == 4);
        if !on && !slash && !year_after {
            return None;
        }
        let p = if a > 12 && b <= 12 {
            parts(0, b, a)
        } else {
            parts(0, a, b)
        };
        let mut p = p?;
        // "08/12,2015", "08/12,15".
        let mut end = end;
        if self.p(end, ',') && self.tight(end) {
            if let Some((y @ 1000..=2100, 4)) = self.num(end + 1) {
                p.y = Some(y as i32);
                end += 2;
            } else if let Some((c, 2)) = self.num(end + 1).filter(|_| self.tight(end + 1)) {
                p.y = Some(2000 + c as i32);
                end += 2;
            }
        }
        Some((end, p))
    }

    /// Turns day parts into a day, completing it from the publication date.
    fn day_spec(&self, p: DayParts, first: usize, end: usize) -> Option<DaySpec> {
        let wd = p.wd;
        match (p.y, p.m) {
            (Some(y), Some(m)) => {
                let d = ymd(y, m, p.d)?;
                Some(DaySpec {
                    timex: iso(d),
                    date: Some(d),
                    basis: Basis::Explicit,
                    weekday: wd,
                    rule: if p.numeric {
                        "date.numeric"
                    } else {
                        "date.absolute"
                    },
                })
            }
            (None, Some(m)) => {
                ymd(2000, m, p.d)?; // exists in a leap year
                let timex = format!("XXXX-{m:02}-{:02}", p.d);
                let date = self.published.and_then(|pb| {
                    if let Some(w) = wd {
                        // A stated weekday picks between the nearby years ("Thursday, June 5").
                        let y = i32::from(pb.year());
                        let mut best: Option<(i64, Date)> = None;
                        for yy in (y - 1)..=(y + 1) {
                            if let Some(c) = ymd(yy, m, p.d).filter(|c| cal::iso_weekday(*c) == w) {
                                let dist = cal::days_between(pb, c).abs();
                                if best.map_or(true, |(b, _)| dist < b) {
                                    best = Some((dist, c));
                                }
                            }
                        }
                        if let Some((_, c)) = best {
                            return Some(c);
                        }
                    }
                    // "said on Jan. 15": a reported event is not in the future.
                    let reported = self.past_cue(first);
                    if reported {
                        let y = i32::from(pb.year());
                        return [y, y - 1]
                            .into_iter()
                            .filter_map(|yy| ymd(yy, m, p.d))
                            .find(|c| *c <= pb);
                    }
                    if self.future(first, end) {
                        // Nearest on or after the publication date.
                        let y = i32::from(pb.year());
                        [y, y + 1]
                            .into_iter()
                            .filter_map(|yy| ymd(yy, m, p.d))
                            .find(|c| *c >= pb)
                    } else {
                        cal::nearest_year(pb, m, p.d)
                    }
                });
                Some(DaySpec {
                    timex,
                    basis: if date.is_some() {
                        Basis::PublicationRelative
                    } else {
                        Basis::Unresolved
                    },
                    date,
                    weekday: wd,
                    rule: if p.numeric {
                        "date.numeric"
                    } else {
                        "date.month_day"
                    },
                })
            }
            (_, None) => {
                // "Friday the 22nd": the nearest such day carrying that weekday.
                let pb = self.published;
                let date = pb.and_then(|pb| {
                    let mut best: Option<(i64, Date)> = None;
                    for mo in -2i64..=2 {
                        let base = cal::add_months(pb.first_of_month(), mo)?;
                        if let Some(c) = ymd(i32::from(base.year()), base.month() as u8, p.d) {
                            if wd.is_some_and(|w| cal::iso_weekday(c) != w) {
                                continue;
                            }
                            let dist = cal::days_between(pb, c).abs();
                            if best.map_or(true, |(b, _)| dist < b) {
                                best = Some((dist, c));
                            }
                        }
                    }
                    best.map(|(_, c)| c)
                });
                Some(DaySpec {
                    timex: match date {
                        Some(d) if wd.is_some() => iso(d),
                        _ => format!("XXXX-XX-{:02}", p.d),
                    },
                    basis: if date.is_some() {
                        Basis::PublicationRelative
                    } else {
                        Basis::Unresolved
                    },
                    date,
                    weekday: wd,
                    rule: "date.month_day",
                })
            }
        }
    }

    /// A weekday phrase at `j`: "Tuesday", "last Sunday", "this Friday", "Sunday
    /// afternoon", "Tuesday next week". Returns (end, day, part of day).
    fn weekday_at(&self, j: usize) -> Option<(usize, DaySpec, Option<&'static str>)> {
        let mut k = j;
        let mut rel = match self.lw(k) {
            "this" | "coming" => Some(0i64),
            "next" => Some(1),
            "last" | "previous" => Some(-1),
            _ => None,
        };
        let mut past = self.is(k, "past");
        // "this past Wednesday", "this coming Friday", "this upcoming Friday".
        let mut coming = self.is(k, "coming");
        if self.is(k, "this") && self.is_any(k + 1, &["past", "coming", "upcoming"]) {
            past = self.is(k + 1, "past");
            coming = !past;
            rel = None;
            k += 1;
        }
        if rel.is_some() || past || coming {
            k += 1;
        }
        // "next week Sunday", "this week on Friday".
        if rel.is_some() && self.is(k, "week") {
            k += 1;
            if self.is(k, "on") {
                k += 1;
            }
        }
        let (wd, full) = self.info(k).weekday?;
        if !full {
            return None;
        }
        // Plural weekdays are habits ("on Tuesdays"); names like "Super Tuesday" are events.
        if rel.is_none() {
            if let Some(p) = Self::prev(k) {
                if self.upper(p)
                    && self.is_any(
                        p,
                        &[
                            "super", "black", "good", "bloody", "holy", "cyber", "ash", "palm",
                            "easter", "maundy", "giving", "shrove",
                        ],
                    )
                {
                    return None;
                }
            }
        }
        if !self.upper(k) && rel.is_none() && self.doc.text.len() > 200 {
            // Lower-case weekdays in long text are rare and usually not dates.
            return None;
        }
        let mut e = k + 1;
        let mut part = None;
        if let Some(pd) = lex::part_of_day(self.lw(e)) {
            part = Some(pd);
            e += 1;
        }
        // "Tuesday next week", "Friday of next week".
        let mut e2 = e;
        if self.is(e2, "of") {
            e2 += 1;
        }
        if self.is_any(e2, &["next", "last", "this"])
            && self.is(e2 + 1, "week")
            && rel.is_none()
            && !past
        {
            rel = Some(match self.lw(e2) {
                "next" => 1,
                "last" => -1,
                _ => 0,
            });
            e = e2 + 2;
            if part.is_none() {
                if let Some(pd) = lex::part_of_day(self.lw(e)) {
                    part = Some(pd);
                    e += 1;
                }
            }
        }
        let weeks = rel;
        let pb = self.published;
        let (date, timex) = match (pb, weeks) {
            (Some(pb), Some(wk)) if !coming => {
                let d = cal::weekday_in_week(pb, wd, wk);
                (d, d.map_or_else(|| format!("XXXX-WXX-{wd}"), iso))
            }
            (Some(pb), _) if past => {
                let d = cal::add_days(pb, -1).and_then(|y| cal::resolve_weekday(y, wd, false));
                (d, d.map_or_else(|| format!("XXXX-WXX-{wd}"), iso))
            }
            (Some(pb), _) => {
                let fut = coming || self.future(j, e);
                (cal::resolve_weekday(pb, wd, fut), format!("XXXX-WXX-{wd}"))
            }
            (None, _) => (None, format!("XXXX-WXX-{wd}")),
        };
        Some((
            e,
            DaySpec {
                timex,
                basis: if date.is_some() {
                    Basis::WeekdayRelative
                } else {
                    Basis::Unresolved
                },
                date,
                weekday: Some(wd),
                rule: "date.weekday",
            },
            part,
        ))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "the day before yesterday".
    fn deictic_day(&self, j: usize) -> Option<(usize, DaySpec, Option<&'static str>)> {
        let (e, off, part) = match self.lw(j) {
            "today" => (j + 1, 0, None),
            "tonight" => (j + 1, 0, Some("TNI")),
            "yesterday" => (j + 1, -1, None),
            "tomorrow" | "tmrw" => (j + 1, 1, None),
            "last" if self.is(j + 1, "night") => (j + 2, -1, Some("TNI")),
            "this" => match lex::part_of_day(self.lw(j + 1)) {
                Some(pd) if !self.is(j + 1, "overnight") => (j + 2, 0, Some(pd)),
                _ => return None,
            },
            "the" if self.is(j + 1, "day") && self.is_any(j + 2, &["before", "after"]) => {
                match (self.lw(j + 2), self.lw(j + 3)) {
                    ("before", "yesterday") => (j + 4, -2, None),
                    ("after", "tomorrow" | "tmrw") => (j + 4, 2, None),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let mut e = e;
        let mut part = part;
        if part.is_none() {
            if let Some(pd) = lex::part_of_day(self.lw(e)) {
                part = Some(pd);
                e += 1;
            }
        }
        let date = self.published.and_then(|pb| cal::add_days(pb, off));
        Some((
            e,
            DaySpec {
                timex: date.map_or_else(|| "XXXX-XX-XX".to_string(), iso),
                basis: if date.is_some() {
                    Basis::PublicationRelative
                } else {
                    Basis::Unresolved
                },
                date,
                weekday: None,
                rule: "date.relative",
            },
            part,
        ))
    }

    /// Any single day at `j`: written, numeric, weekday or deictic.
    fn any_day(&self, j: usize) -> Option<AnyDay> {
        // Most calls are at "the", which starts a day only before a day number ("the 6th",
        // "the sixth of May") or in "the day before yesterday" (see `day_core` and
        // `deictic_day`): a quick no for every other "the", without the memo.
        if self.is(j, "the") && !self.is(j + 1, "day") && self.day_num(j + 1).is_none() {
            return None;
        }
        if let Some((k, r)) = &*self.any_day_memo.borrow() {
            if *k == j {
                return r.clone();
            }
        }
        let r = self.any_day_uncached(j);
        *self.any_day_memo.borrow_mut() = Some((j, r.clone()));
        r
    }

    /// [`Scan::any_day`] without the memo.
    fn any_day_uncached(&self, j: usize) -> Option<AnyDay> {
        if let Some((e, p)) = self.day_parts(j) {
            if let Some(s) = self.day_spec(p, j, e) {
                let mut e = e;
                let mut part = None;
                if let Some(pd) = lex::part_of_day(self.lw(e)) {
                    if p.m.is_some() {
                        part = Some(pd);
                        e += 1;
                    }
                }
                return Some((e, s, part));
            }
        }
        self.weekday_at(j).or_else(|| self.deictic_day(j))
    }

    fn day_hit(&self, first: usize, end: usize, s: DaySpec, part: Option<&'static str>) -> Hit {
        let (timex, gran) = match part {
            Some(pd) => (format!("{}{}", s.timex, pd), Granularity::PartOfDay),
            None => (s.timex.clone(), Granularity::Day),
        };
        let d = s.date.map(iso);
        Hit {
            first,
            end,
            kind: Kind::Date,
            value: Value::Date(DateValue {
                timex,
                start: d.clone(),
                end: d,
                granularity: gran,
                basis: s.basis,
                weekday: s.weekday.map(|w| lex::weekday_name(w).to_string()),
                time: None,
                zone: None,
                utc_offset_minutes: None,
            }),
            qualifier: Qualifier::Exact,
            noun: None,
            rule: s.rule,
            pending: None,
        }
    }

    // ---- clock times ---------------------------------------------------------------

    /// "a.m." / "pm" at `j`: (end, is_pm).
    fn ampm(&self, j: usize) -> Option<(usize, bool)> {
        match self.lw(j) {
            "am" => Some((j + 1, false)),
            "pm" => Some((j + 1, true)),
            w @ ("a" | "p")
                if self.p(j + 1, '.')
                    && self.tight(j + 1)
                    && self.is(j + 2, "m")
                    && self.tight(j + 2) =>
            {
                let mut e = j + 3;
                if self.p(e, '.') && self.tight(e) {
                    e += 1;
                }
                Some((e, w == "p"))
            }
            _ => None,
        }
    }

    /// A time zone after a clock time: "GMT", "KST", "UTC+8", "local time", "Beijing time".
    fn zone_at(&self, j: usize) -> Option<(usize, String, Option<i32>)> {
        if let Some((name, off)) = lex::zone(self.raw(j)) {
            let mut e = j + 1;
            let mut name = name.to_string();
            let mut off = off;
            if (self.p(e, '+') || self.p(e, '-')) && self.tight(e) && self.tight(e + 1) {
                if let Some((h, l)) = self.num(e + 1) {
                    if l <= 2 && h <= 14 {
                        let sign = if self.p(e, '-') { -1 } else { 1 };
                        name = format!("{name}{}{h}", if sign < 0 { "-" } else { "+" });
                        off = Some(sign * h as i32 * 60);
                        e += 2;
                    }
                }
            }
            return Some((e, name, off));
        }
        if self.is(j, "local") && self.is(j + 1, "time") {
            return Some((j + 2, "local time".to_string(), None));
        }
        if self.upper(j) && self.is(j + 1, "time") {
            if let Some((name, off)) = lex::place_time(self.lw(j)) {
                return Some((j + 2, name.to_string(), Some(off)));
            }
        }
        None
    }

    /// A clock time at `j`: (end, hour, minute, second, minutes written, zone).
    #[allow(clippy::type_complexity)]
    fn clock(
        &self,
        j: usize,
    ) -> Option<(
        usize,
        u32,
        u32,
        Option<u32>,
        bool,
        Option<(String, Option<i32>)>,
    )> {
        let (e, c, _) = self.clock_full(j, false)?;
        Some((e, c.h, c.m, c.s, c.has_min, c.zone))
    }

    /// A clock time at `j` with whether am/pm was written; `loose` also takes a bare
    /// hour or "9:30" (the first end of a range whose other end says am/pm).
    fn clock_full(&self, j: usize, loose: bool) -> Option<(usize, Clock, Option<bool>)> {
        let (h, hlen) = self.num(j)?;
        if let Some(p) = Self::prev(j) {
            let iso_t =
                self.is(p, "t") && Self::prev(p).is_some_and(|q| self.is_num(q) && self.tight(p));
            if self.tight(j)
                && !iso_t
                && (self.is_num(p)
                    || self.p(p, ':')
                    || self.p(p, '.')
                    || self.p(p, '/')
                    || self.toks[p].cls == Cls::Word)
            {
                return None;
            }
        }
        let (mut e, mut hh, mut mm, mut ss, mut has_min) = (j + 1, h, 0, None, false);
        let four = hlen == 4 || hlen == 3;
        if four {
            hh = h / 100;
            mm = h % 100;
            has_min = true;
        } else if hlen > 2 {
            return None;
        } else if (self.p(j + 1, ':') || self.p(j + 1, '.'))
            && self.tight(j + 1)
            && self.tight(j + 2)
        {
            let (m, ml) = self.num(j + 2)?;
            if ml != 2 {
                return None;
            }
            let dot = self.p(j + 1, '.');
            mm = m;
            has_min = true;
            e = j + 3;
            if self.p(e, ':') && self.tight(e) && self.tight(e + 1) {
                let (s, sl) = self.num(e + 1)?;
                if sl != 2 || s > 59 {
                    return None;
                }
                ss = Some(s);
                e += 2;
            }
            // "4.30" needs am/pm to be a time.
            if dot && self.ampm(e).is_none() && self.ampm(e + usize::from(!self.tight(e))).is_none()
            {
                return None;
            }
        }
        if mm > 59 || hh > 24 {
            return None;
        }
        // Glued continuation: a longer figure, not a time.
        if self.tight(e)
            && (self.is_num(e) || (self.p(e, ':') || self.p(e, '/')) && self.is_num(e + 1))
        {
            return None;
        }
        let mut pm = None;
        if let Some((e2, is_pm)) = self.ampm(e) {
            if hh == 0 || hh > 12 {
                return None;
            }
            pm = Some(is_pm);
            e = e2;
        }
        let mut zone = None;
        if let Some((e2, name, off)) = self.zone_at(e) {
            zone = Some((name, off));
            e = e2;
        } else if self.p(e, '(') {
            if let Some((e2, name, off)) = self.zone_at(e + 1) {
                if self.p(e2, ')') {
                    zone = Some((name, off));
                    e = e2 + 1;
                }
            }
        }
        if pm.is_none() && zone.is_none() && loose {
            if four && !has_min {
                return None;
            }
        } else if pm.is_none() && zone.is_none() {
            if four || !has_min || ss.is_some() {
                return None;
            }
            // "3:16" without am/pm is a time only after a time word ("at 3:16").
            let before = Self::prev(j).map_or("", |p| self.lw(p));
            let after_day = self.p(e, ',') && self.tight(e);
            if hlen == 1
                && !after_day
                && !matches!(
                    before,
                    "at" | "by"
                        | "from"
                        | "to"
                        | "until"
                        | "till"
                        | "before"
                        | "after"
                        | "around"
                        | "about"
                        | "since"
                )
            {
                return None;
            }
        }
        if let Some(is_pm) = pm {
            if is_pm && hh < 12 {
                hh += 12;
            } else if !is_pm && hh == 12 {
                hh = 0;
            }
        }
        if hh == 24 {
            hh = 0;
        }
        Some((
            e,
            Clock {
                h: hh,
                m: mm,
                s: ss,
                has_min,
                zone,
            },
            pm,
        ))
    }

    /// Clock ranges: "from 7 a.m. to 8 p.m.", "5 to 6pm", "between 9:30 and 3:00 pm PST",
    /// "3-8pm", with a day after them ("10am to noon Monday").
    fn m_time_range(&self, j: usize) -> Option<Hit> {
        let (k, led, and_ok) = match self.lw(j) {
            "from" => (j + 1, true, false),
            "between" => (j + 1, true, true),
            _ => (j, false, false),
        };
        self.time_range_at(j, k, led, and_ok, None)
    }

    fn time_range_at(
        &self,
        first: usize,
        k: usize,
        led: bool,
        and_ok: bool,
        day: Option<DaySpec>,
    ) -> Option<Hit> {
        let (e1, mut c1, pm1) = self.clock_full(k, true)?;
        let join = if self.p(e1, '-') || self.p(e1, '~') {
            true
        } else {
            self.is_any(e1, &["to", "until", "till", "through"]) || and_ok && self.is(e1, "and")
        };
        if !join {
            return None;
        }
        let (mut e2, mut c2, pm2) = self.clock_full(e1 + 1, false)?;
        let loose1 = pm1.is_none() && c1.zone.is_none();
        if loose1 && !led && pm2.is_none() {
            return None;
        }
        let dash_or_to = self.p(e1, '-') || self.is(e1, "to");
        if loose1 && !(c1.has_min || led || dash_or_to) {
            return None;
        }
        if pm1.is_none() && pm2 == Some(true) && c1.h < 12 && c1.h + 12 <= c2.h {
            c1.h += 12;
        }
        if c1.zone.is_none() {
            c1.zone = c2.zone.clone();
        }
        let mins = |c: &Clock| i64::from(c.h * 60 + c.m);
        let mut d = mins(&c2) - mins(&c1);
        if d <= 0 {
            d += 24 * 60;
        }
        let dur = match (d / 60, d % 60) {
            (h, 0) => format!("PT{h}H"),
            (0, m) => format!("PT{m}M"),
            (h, m) => format!("PT{h}H{m}M"),
        };
        let mut day = day;
        if day.is_none() {
            let mut k2 = e2;
            if self.p(k2, ',') || self.is(k2, "on") {
                k2 += 1;
            }
            if let Some((e3, dd, None)) = self.any_day(k2) {
                day = Some(dd);
                e2 = e3;
            }
        }
        let t = |c: &Clock| {
            if c.has_min {
                format!("T{:02}:{:02}", c.h, c.m)
            } else {
                format!("T{:02}", c.h)
            }
        };
        let pre = day.as_ref().map_or(String::new(), |d| d.timex.clone());
        let timex = format!("({pre}{},{pre}{},{dur})", t(&c1), t(&c2));
        c2.zone = None;
        let mut h = self.time_hit(first, e2, c1, day);
        if let Value::Date(v) = &mut h.value {
            v.timex = timex;
        }
        h.rule = "time.range";
        Some(h)
    }

    fn time_hit(&self, first: usize, end: usize, clk: Clock, day: Option<DaySpec>) -> Hit {
        let Clock {
            h,
            m,
            s,
            has_min,
            zone,
        } = clk;
        let time = match s {
            Some(s) => format!("{h:02}:{m:02}:{s:02}"),
            None => format!("{h:02}:{m:02}"),
        };
        let t = if has_min {
            time.clone()
        } else {
            format!("{h:02}")
        };
        let (timex, start, basis, weekday) = match &day {
            Some(d) => (
                format!("{}T{t}", d.timex),
                d.date.map(iso),
                d.basis,
                d.weekday.map(|w| lex::weekday_name(w).to_string()),
            ),
            None => (format!("T{t}"), None, Basis::Explicit, None),
        };
        let (zone, off) = match zone {
            Some((z, o)) => (Some(z), o),
            None => (None, None),
        };
        Hit {
            first,
            end,
            kind: Kind::Time,
            value: Value::Date(DateValue {
                timex,
                start: start.clone(),
                end: start,
                granularity: Granularity::Time,
                basis,
                weekday,
                time: Some(time),
                zone,
                utc_offset_minutes: off,
            }),
            qualifier: Qualifier::Exact,
            noun: None,
            rule: "time.clock",
            pending: None,
        }
    }

    /// A clock time at `j`, with a day attached after it ("2345 GMT Sunday",
    /// "08:30, January 07, 2026", "10 a.m. on Tuesday").
    fn m_time(&self, j: usize) -> Option<Hit> {
        let (e, h, m, s, hm, z) = self.clock(j)?;
        let mut k = e;
        // "4:30 p.m. (0730 GMT) on Tuesday": step over the bracketed conversion.
        if self.p(k, '(') {
            if let Some(close) = (k + 1..(k + 6).min(self.toks.len())).find(|&q| self.p(q, ')')) {
                if self.is(close + 1, "on") || self.p(close + 1, ',') {
                    k = close + 1;
                }
            }
        }
        if self.p(k, ',') || self.is(k, "on") {
            k += 1;
        }
        if let Some((e2, day, None)) = self.any_day(k) {
            return Some(self.time_hit(
                j,
                e2,
                Clock {
                    h,
                    m,
                    s,
                    has_min: hm,
                    zone: z,
                },
                Some(day),
            ));
        }
        Some(self.time_hit(
            j,
            e,
            Clock {
                h,
                m,
                s,
                has_min: hm,
                zone: z,
            },
            None,
        ))
    }

    /// A day followed by a clock time ("January. 07, 2026 08:58", "Tuesday at 4:30 p.m.").
    fn m_day_time(&self, j: usize) -> Option<Hit> {
        let (e, day, part) = self.any_day(j)?;
        if part.is_some() {
            return None;
        }
        let mut k = e;
        if self.p(k, ',')
            || self.is(k, "at")
            || self.is(k, "t") && self.tight(k) && self.tight(k + 1)
        {
            k += 1;
        }
        let led = self.is_any(k, &["from", "between"]);
        let kr = if led { k + 1 } else { k };
        if let Some(h) = self.time_range_at(j, kr, led, self.is(k, "between"), Some(day.clone())) {
            return Some(h);
        }
        // After a day, "08:30:00" is a clock time (not a race time); a bare hour is not.
        let (e2, clk, pm) = self.clock_full(k, true)?;
        let compact = self.num(k).is_some_and(|(_, l)| l >= 3);
        let marked = pm.is_some() || clk.zone.is_some();
        if !(marked || clk.has_min && !compact) {
            return None;
        }
        Some(self.time_hit(j, e2, clk, Some(day)))
    }

    // ---- months, years, periods ----------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn period_hit(
        &self,
        first: usize,
        end: usize,
        timex: String,
        span: Option<(Date, Date)>,
        gran: Granularity,
        basis: Basis,
        rule: &'static str,
    ) -> Hit {
        let basis = if span.is_none() && basis != Basis::Explicit {
            Basis::Unresolved
        } else {
            basis
        };
        Hit {
            first,
            end,
            kind: Kind::Date,
            value: Value::Date(DateValue {
                timex,
                start: span.map(|s| iso(s.0)),
                end: span.map(|s| iso(s.1)),
                granularity: gran,
                basis,
                weekday: None,
                time: None,
                zone: None,
                utc_offset_minutes: None,
            }),
            qualifier: if rule == "date.range" {
                Qualifier::Range
            } else {
                Qualifier::Exact
            },
            noun: None,
            rule,
            pending: None,
        }
    }

    fn month_span(y: i32, m: u8) -> Option<(Date, Date)> {
        Some((ymd(y, m, 1)?, cal::month_end(y, m)?))
    }

    fn year_span(y: i32) -> Option<(Date, Date)> {
        Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
    }

    /// Months: "November 2025", "Nov. 2025", "June of 2016", "October last year",
    /// "last October", "this September", "in November".
    fn m_month(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        let rel = match self.lw(k) {
            "this" => Some(0i64),
            "next" => Some(1),
            "last" => Some(-1),
            _ => None,
        };
        if rel.is_some() {
            k += 1;
        }
        let (e, m) = self.month_at(k)?;
        let w = self.lw(k);
        if !lex::is_full_month(w) && !self.p(k + 1, '.') && rel.is_none() {
            // Bare abbreviations only with a year after them.
            if !(self.year4(e).is_some() || self.p(e, ',') && self.year4(e + 1).is_some()) {
                return None;
            }
        }
        let pb = self.published;
        // Month and year.
        let mut e2 = e;
        if self.p(e2, ',') {
            e2 += 1;
        }
        if self.is(e2, "of") || (self.p(e2, '/') || self.p(e2, '-')) && self.tight(e2) {
            e2 += 1;
        }
        if rel.is_none() {
            if let Some(y) = self.year4(e2) {
                return Some(self.period_hit(
                    j,
                    e2 + 1,
                    format!("{y:04}-{m:02}"),
                    Self::month_span(y, m),
                    Granularity::Month,
                    Basis::Explicit,
                    "date.month",
                ));
            }
            // "October last year", "June next year", "March this year".
            if self.is_any(e, &["last", "next", "this"]) && self.is(e + 1, "year") {
                let off = match self.lw(e) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let y = pb.map(|p| i32::from(p.year()) + off);
                return Some(self.period_hit(
                    j,
                    e + 2,
                    y.map_or_else(|| format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}")),
                    y.and_then(|y| Self::month_span(y, m)),
                    Granularity::Month,
                    Basis::PublicationRelative,
                    "date.month",
                ));
            }
        }
        if let Some(off) = rel {
            let y = pb.map(|p| i32::from(p.year()) + off as i32);
            return Some(self.period_hit(
                j,
                e,
                y.map_or_else(|| format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}")),
                y.and_then(|y| Self::month_span(y, m)),
                Granularity::Month,
                Basis::PublicationRelative,
                "date.month",
            ));
        }
        // A bare month needs a date-ish word before it.
        let before = Self::prev(j).map_or("", |p| self.lw(p));
        let ok = DATE_PREPS.contains(&before)
            || Self::prev(j).is_some_and(|p| {
                self.p(p, '-') && Self::prev(p).is_some_and(|q| self.is(q, "mid"))
            });
        if !ok {
            return None;
        }
        let y = pb.map(|p| {
            if self.past_cue(j) {
                // "since November": the most recent one.
                let cur = p.month() as u8;
                i32::from(p.year()) - i32::from(m > cur)
            } else {
                cal::month_year(p, m, self.future(j, e))
            }
        });
        Some(self.period_hit(
            j,
            e,
            format!("XXXX-{m:02}"),
            y.and_then(|y| Self::month_span(y, m)),
            Granularity::Month,
            Basis::PublicationRelative,
            "date.month",
        ))
    }

    /// A bare year in a date-ish context: "in 2024", "since 2017", "2025's", "mid-2024".
    fn m_year(&self, j: usize) -> Option<Hit> {
        let y = self.year4(j)?;
        let prev = Self::prev(j);
        let before = prev.map_or("", |p| self.lw(p));
        let possessive =
            self.p(j + 1, '\'') && self.tight(j + 1) && self.is(j + 2, "s") && self.tight(j + 2);
        let mid = prev.is_some_and(|p| {
            self.p(p, '-')
                && self.tight(j)
                && Self::prev(p)
                    .is_some_and(|q| self.is_any(q, &["mid", "early", "late", "pre", "post"]))
        });
        let ctx = DATE_PREPS.contains(&before)
            && !matches!(
                before,
                "and" | "or" | "to" | "this" | "next" | "last" | "as"
            )
            || before == "to"
                && prev
                    .and_then(Self::prev)
                    .is_some_and(|q| self.is_any(q, &["back", "up", "date", "dating"]))
            || possessive
            || mid
            || before == "the" && self.is(j + 1, "season")
            // "the 2024 election", "its 2025 budget": a year modifying a noun.
            || (1900..=2100).contains(&y)
                && matches!(before, "the" | "a" | "its" | "his" | "her" | "their" | "our")
                && self.tok(j + 1).is_some_and(|t| t.cls == Cls::Word && !t.upper)
                && !self.lw(j + 1).ends_with('s');
        if !ctx {
            return None;
        }
        // "in 2000 people" style counts: a plural noun right after.
        if matches!(
            self.lw(j + 1),
            "people"
                | "persons"
                | "troops"
                | "soldiers"
                | "workers"
                | "cases"
                | "deaths"
                | "votes"
                | "units"
                | "tons"
                | "tonnes"
                | "km"
                | "miles"
                | "meters"
                | "metres"
                | "feet"
                | "yuan"
                | "won"
                | "dollars"
                | "euros"
                | "percent"
        ) {
            return None;
        }
        Some(self.period_hit(
            j,
            j + 1,
            format!("{y:04}"),
            Self::year_span(y),
            Granularity::Year,
            Basis::Explicit,
            "date.year",
        ))
    }

    /// A second year of a range: four digits, or two after a hyphen ("1910-45").
    fn range_year_end(&self, j: usize, first: i32, hyphen: bool) -> Option<i32> {
        if let Some(y) = self.year4(j) {
            return (y > first).then_some(y);
        }
        if hyphen {
            let (v, len) = self.num(j)?;
            if len == 2 {
                let y = first - first % 100 + v as i32;
                let y = if y <= first && first % 100 >= 90 && v < 10 {
                    y + 100
                } else {
                    y
                };
                if y > first
                    && v > 12
                    && !(self.tight(j + 1) && (self.is_num(j + 1) || self.p(j + 1, '-')))
                {
                    return Some(y);
                }
            }
        }
        None
    }

    /// Ranges: "from 1926 to 1932", "1910-45", "between 2020 and 2022", "Jan. 5-8",
    /// "from Oct. 2 to October 22", "November 19 to 20", "from May to September".
    fn m_range(&self, j: usize) -> Option<Hit> {
        let lead = self.lw(j);
        let (k, joiners): (usize, &[&str]) = match lead {
            "from" => (j + 1, &["to", "until", "till", "through", "thru"]),
            "between" => (j + 1, &["and"]),
            _ => (j, &["to", "until", "till", "through", "thru"]),
        };
        let led = k > j;
        if led {
            if let Some(h) = self.mixed_range(j, k, joiners) {
                return Some(h);
            }
        }
        // Years.
        if let Some(y1) = self.year4(k) {
            if let Some(p) = Self::prev(k) {
                if self.tight(k) && (self.p(p, '-') || self.is_num(p)) {
                    return None;
                }
            }
            let hy = self.p(k + 1, '-') || self.p(k + 1, '~');
            let (y2, e) = if hy {
                let tight = self.tight(k + 1) && self.tight(k + 2);
                let y2 = if tight {
                    self.range_year_end(k + 2, y1, true)
                } else {
                    self.year4(k + 2).filter(|y| *y > y1)
                };
                (y2, k + 3)
            } else if self.is_any(k + 1, joiners)
                || (!led && self.is_any(k + 1, &["to", "through"]))
            {
                (self.year4(k + 2).filter(|y| *y > y1), k + 3)
            } else {
                (None, k)
            };
            if let Some(y2) = y2 {
                // "3 of 2014-2018": guard against page/score ranges glued to more digits.
                if self.tight(e) && (self.is_num(e) || self.p(e, '-')) {
                    return None;
                }
                let timex = cal::range_timex(
                    &format!("{y1:04}-01-01"),
                    &format!("{y2:04}-01-01"),
                    &format!("P{}Y", y2 - y1),
                );
                let span = Self::year_span(y1)
                    .zip(Self::year_span(y2))
                    .map(|(a, b)| (a.0, b.1));
                return Some(self.period_hit(
                    j,
                    e,
                    timex,
                    span,
                    Granularity::Year,
                    Basis::Explicit,
                    "date.range",
                ));
            }
            return None;
        }
        // Days: left side is a day, or a bare day number when the right side names the month.
        let left = self
            .day_parts(k)
            .filter(|(_, p)| p.m.is_some() && (!p.numeric || led || p.y.is_some()));
        let (lend, lp) = match left {
            Some((e, p)) => (e, Some(p)),
            None => {
                if self.month_at(k).is_some() {
                    return self.m_month_range(j, k, joiners, led);
                }
                let (e, d, _) = self.day_num(k).filter(|_| led || self.is_num(k))?;
                (
                    e,
                    Some(DayParts {
                        y: None,
                        m: None,
                        d,
                        wd: None,
                        numeric: false,
                    }),
                )
            }
        };
        let lp = lp?;
        // "Dec. 31, 2025, to Jan. 2, 2026".
        let lend = if self.p(lend, ',') && self.is_any(lend + 1, joiners) && lp.y.is_some() {
            lend + 1
        } else {
            lend
        };
        let hyphen = self.p(lend, '-');
        if !(hyphen || self.is_any(lend, joiners)) {
            return self.m_month_range(j, k, joiners, led);
        }
        let r = lend + 1;
        let (rend, rp) = match self
            .day_parts(r)
            .filter(|(_, p)| p.m.is_some() && (!p.numeric || lp.numeric))
        {
            Some((e, p)) => (e, p),
            None => {
                lp.m?;
                let (e, d, _) = self.day_num(r)?;
                if hyphen && self.tight(e) && (self.p(e, '-') || self.is_num(e)) {
                    return None;
                }
                let mut p = DayParts {
                    y: None,
                    m: lp.m,
                    d,
                    wd: None,
                    numeric: false,
                };
                // "Jan. 5-8, 2026".
                let mut e = e;
                let mut e2 = e;
                if self.p(e2, ',') {
                    e2 += 1;
                }
                if let Some(y) = self.year4(e2) {
                    p.y = Some(y);
                    e = e2 + 1;
                }
                (e, p)
            }
        };
        let m1 = lp.m.or(rp.m)?;
        let m2 = rp.m?;
        let y1 = lp.y.or(rp.y);
        let y2 = rp.y.or(lp.y);
        if lp.y.is_none() && lp.m.is_none() && !led && !self.is_num(k) {
            return None;
        }
        let fmt = |y: Option<i32>, m: u8, d: u8| match y {
            Some(y) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("XXXX-{m:02}-{d:02}"),
        };
        // Resolve: explicit years, or the start completed from the publication date.
        let start = match y1 {
            Some(y) => ymd(y, m1, lp.d),
            None => self
                .published
                .and_then(|pb| cal::nearest_year(pb, m1, lp.d)),
        };
        let end = match (y2, start) {
            (Some(y), _) => ymd(y, m2, rp.d),
            (None, Some(s)) => {
                let y = i32::from(s.year());
                ymd(y, m2, rp.d).and_then(|c| if c < s { ymd(y + 1, m2, rp.d) } else { Some(c) })
            }
            _ => None,
        };
        // Duration of the TIMEX from the calendar when a year is known (a leap year otherwise).
        let (a, b) = match (start, end) {
            (Some(a), Some(b)) => (a, b),
            _ => (ymd(2000, m1, lp.d)?, {
                let b = ymd(2000, m2, rp.d)?;
                if b < ymd(2000, m1, lp.d)? {
                    ymd(2001, m2, rp.d)?
                } else {
                    b
                }
            }),
        };
        let days = cal::days_between(a, b);
        if days <= 0 || days > 400 {
            return None;
        }
        let timex = cal::range_timex(&fmt(y1, m1, lp.d), &fmt(y2, m2, rp.d), &format!("P{days}D"));
        let span = start.zip(end);
        let basis = if y1.is_some() && y2.is_some() {
            Basis::Explicit
        } else {
            Basis::PublicationRelative
        };
        Some(self.period_hit(j, rend, timex, span, Granularity::Day, basis, "date.range"))
    }

    /// A dated point for a mixed range: a full date, a month with its year, or a year.
    /// Returns (end, first day, last day, granularity).
    fn range_point(&self, j: usize) -> Option<(usize, Date, Date, Granularity)> {
        if let Some((e, p)) = self.day_parts(j) {
            if let (Some(y), Some(m)) = (p.y, p.m) {
                let d = ymd(y, m, p.d)?;
                return Some((e, d, d, Granularity::Day));
            }
        }
        if let Some((e, m)) = self.month_at(j) {
            let mut e2 = e;
            if self.p(e2, ',') {
                e2 += 1;
            }
            let y = self.year4(e2)?;
            let (a, b) = Self::month_span(y, m)?;
            return Some((e2 + 1, a, b, Granularity::Month));
        }
        let y = self.year4(j)?;
        let (a, b) = Self::year_span(y)?;
        Some((j + 1, a, b, Granularity::Year))
    }

    /// Ranges mixing years, months and days: "between 2015 and Feb 2018", "from 2015 to
    /// May 5th, 2017", "between May 2015 and 2018".
    fn mixed_range(&self, j: usize, k: usize, joiners: &[&str]) -> Option<Hit> {
        let (e1, a1, _, g1) = self.range_point(k)?;
        if !self.is_any(e1, joiners) {
            return None;
        }
        let (e2, a2, b2, g2) = self.range_point(e1 + 1)?;
        if g1 == g2 && g1 != Granularity::Month || a2 <= a1 {
            return None;
        }
        let dur = if g1 == Granularity::Day || g2 == Granularity::Day {
            format!("P{}D", cal::days_between(a1, a2))
        } else {
            let months = (i64::from(a2.year()) - i64::from(a1.year())) * 12 + i64::from(a2.month())
                - i64::from(a1.month());
            format!("P{months}M")
        };
        let timex = cal::range_timex(&iso(a1), &iso(a2), &dur);
        let gran = if g1 == Granularity::Day || g2 == Granularity::Day {
            Granularity::Day
        } else {
            Granularity::Month
        };
        Some(self.period_hit(
            j,
            e2,
            timex,
            Some((a1, b2)),
            gran,
            Basis::Explicit,
            "date.range",
        ))
    }

    /// "from May to September", "between August and October 2025".
    fn m_month_range(&self, j: usize, k: usize, joiners: &[&str], led: bool) -> Option<Hit> {
        let (e1, m1) = self.month_at(k)?;
        let hyphen = self.p(e1, '-') && self.tight(e1) && self.tight(e1 + 1);
        if !(hyphen || self.is_any(e1, joiners)) {
            return None;
        }
        let (mut e, m2) = self.month_at(e1 + 1)?;
        let full = |t: usize| lex::is_full_month(self.lw(t)) && self.upper(t);
        if !(led || hyphen || full(k) && full(e1 + 1)) {
            return None;
        }
        // "Jan-2" is a day; the right side must be a month alone.
        if self.is_num(e) && self.year4(e).is_none() {
            return None;
        }
        let mut y = None;
        let mut e2 = e;
        if self.p(e2, ',') {
            e2 += 1;
        }
        if let Some(yy) = self.year4(e2) {
            y = Some(yy);
            e = e2 + 1;
        }
        let n = (i64::from(m2) - i64::from(m1)).rem_euclid(12);
        if n == 0 {
            return None;
        }
        let y2 = y.or_else(|| self.published.map(|p| cal::month_year(p, m2, false)));
        let y1 = y2.map(|y| if m1 > m2 { y - 1 } else { y });
        let span = y1
            .zip(y2)
            .and_then(|(a, b)| Some((ymd(a, m1, 1)?, cal::month_end(b, m2)?)));
        let fmt = |yy: Option<i32>, m: u8| match (y, yy) {
            (Some(_), Some(v)) => format!("{v:04}-{m:02}-01"),
            _ => format!("XXXX-{m:02}-01"),
        };
        let timex = cal::range_timex(&fmt(y1, m1), &fmt(y2, m2), &format!("P{n}M"));
        let basis = if y.is_some() {
            Basis::Explicit
        } else {
            Basis::PublicationRelative
        };
        Some(self.period_hit(j, e, timex, span, Granularity::Month, basis, "date.range"))
    }

    /// A year reference after "of": "2025", "this year", "last year".
    fn year_ref(&self, j: usize) -> Option<(usize, i32, Basis)> {
        if let Some(y) = self.year4(j) {
            return Some((j + 1, y, Basis::Explicit));
        }
        let off = match self.lw(j) {
            "this" | "the" if self.is(j + 1, "year") => 0,
            "last" | "previous" if self.is(j + 1, "year") => -1,
            "next" if self.is(j + 1, "year") => 1,
            _ => return None,
        };
        let y = i32::from(self.published?.year()) + off;
        Some((j + 2, y, Basis::PublicationRelative))
    }

    /// Periods: "the first 11 months of 2025", "the first half of 2025", "the third
    /// quarter of 2016", "Q3 2016", "H1 2016", "the 1970s", "the 21st century".
    fn m_period(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        // Decades in words: "the seventies", "the nineteen seventies", "the noughties".
        if the {
            let (century, kk) = match self.lw(k) {
                "nineteen" => (Some(1900), k + 1),
                "twenty" if self.p(k + 1, '-') && self.is(k + 2, "tens") => (Some(2000), k + 2),
                _ => (None, k),
            };
            let decade = match self.lw(kk) {
                "tens" if century.is_some() => Some(10),
                "twenties" => Some(20),
                "thirties" => Some(30),
                "forties" => Some(40),
                "fifties" => Some(50),
                "sixties" => Some(60),
                "seventies" => Some(70),
                "eighties" => Some(80),
                "nineties" => Some(90),
                "noughties" if century.is_none() => Some(-1),
                _ => None,
            };
            if let Some(dd) = decade {
                let (timex, span) = match (century, dd) {
                    (_, -1) => (
                        cal::range_timex("2000-01-01", "2010-01-01", "P10Y"),
                        ymd(2000, 1, 1).zip(ymd(2009, 12, 31)),
                    ),
                    (Some(c), d) => {
                        let y = c + d;
                        (
                            cal::range_timex(
                                &format!("{y:04}-01-01"),
                                &format!("{:04}-01-01", y + 10),
                                "P10Y",
                            ),
                            ymd(y, 1, 1).zip(ymd(y + 9, 12, 31)),
                        )
                    }
                    (None, d) => (
                        cal::range_timex(
                            &format!("XX{d:02}-01-01"),
                            &format!("XX{:02}-01-01", (d + 10) % 100),
                            "P10Y",
                        ),
                        None,
                    ),
                };
                return Some(self.period_hit(
                    j,
                    kk + 1,
                    timex,
                    span,
                    Granularity::Decade,
                    Basis::Explicit,
                    "date.period",
                ));
            }
        }
        // Decades: "the 1970s", "the 1970's", "the '90s".
        if the {
            let mut d = k;
            if self.p(d, '\'') {
                d += 1;
            }
            if let Some((v, len)) = self.num(d) {
                let mut e = d + 1;
                if self.p(e, '\'') && self.tight(e) {
                    e += 1;
                }
                if self.is(e, "s") && self.tight(e) && v % 10 == 0 {
                    let (timex, span) = if len == 4 && (1000..=2100).contains(&v) {
                        let y = v as i32;
                        (
                            cal::range_timex(
                                &format!("{y:04}-01-01"),
                                &format!("{:04}-01-01", y + 10),
                                "P10Y",
                            ),
                            ymd(y, 1, 1).zip(ymd(y + 9, 12, 31)),
                        )
                    } else if len == 2 {
                        (
                            cal::range_timex(
                                &format!("XX{v:02}-01-01"),
                                &format!("XX{:02}-01-01", (v + 10) % 100),
                                "P10Y",
                            ),
                            None,
                        )
                    } else {
                        return None;
                    };
                    return Some(self.period_hit(
                        j,
                        e + 1,
                        timex,
                        span,
                        Granularity::Decade,
                        Basis::Explicit,
                        "date.period",
                    ));
                }
            }
        }
        // Centuries: "the 21st century".
        if let Some((v, _)) = self.num(k) {
            if self.tight(k + 1)
                && self.is_any(k + 1, &["st", "nd", "rd", "th"])
                && self.is(k + 2, "century")
                && (1..=21).contains(&v)
            {
                let y = (v as i32 - 1) * 100;
                let timex = cal::range_timex(
                    &format!("{y:04}-01-01"),
                    &format!("{:04}-01-01", y + 100),
                    "P100Y",
                );
                let span = ymd(y.max(1), 1, 1).zip(ymd(y + 99, 12, 31));
                return Some(self.period_hit(
                    j,
                    k + 3,
                    timex,
                    span,
                    Granularity::Decade,
                    Basis::Explicit,
                    "date.period",
                ));
            }
        }
        // Quarters and halves: "Q3 2016", "2016 Q3", "H1 2016".
        let qh = |w: &str| -> Option<(u8, u8)> {
            let b = w.as_bytes();
            if b.len() == 1 && (b[0] == b'q' || b[0] == b'h') {
                Some((b[0], 0))
            } else {
                None
            }
        };
        if let Some((letter, _)) = qh(self.lw(k)) {
            if let Some((n, 1)) = self.num(k + 1).filter(|_| self.tight(k + 1)) {
                let (len, max) = if letter == b'q' { (3u8, 4) } else { (6, 2) };
                if (1..=max).contains(&n) {
                    let mut e = k + 2;
                    let mut year = None;
                    if let Some((e2, y, b)) = self.year_ref(e) {
                        year = Some((y, b));
                        e = e2;
                    }
                    let before = Self::prev(k).map_or("", |p| self.lw(p));
                    if year.is_none()
                        && (letter == b'h' || !matches!(before, "in" | "during" | "for" | "by"))
                    {
                        return None;
                    }
                    let j = k;
                    return self.part_of_year(j, e, n as u8, len, year);
                }
            }
        }
        // "the first 11 months of 2025", "the first half of 2025", "the third quarter of 2016".
        if the {
            let (which, mut e) = match self.lw(k) {
                "first" => (1i64, k + 1),
                "last" | "final" => (-1, k + 1),
                _ => match self.info(k).ordinal() {
                    Some(n) if (2..=4).contains(&n) => (i64::from(n), k + 1),
                    _ => return None,
                },
            };
            let mut count = 1u32;
            if which.abs() == 1 {
                if let Some((v, len)) = self.num(e) {
                    if len <= 2 {
                        count = v;
                        e += 1;
                    }
                } else if let Some(v) = self.info(e).small().filter(|v| (2..=12).contains(v)) {
                    count = v;
                    e += 1;
                }
            }
            let unit = self.lw(e);
            let (months_each, plural_ok) = match unit {
                "month" | "months" => (1u32, true),
                "quarter" | "quarters" => (3, true),
                "half" => (6, false),
                _ => return None,
            };
            let of = usize::from(self.is(e + 1, "of"));
            if of == 0 && !self.is_any(e + 1, &["this", "last", "next"]) {
                return None;
            }
            let (e2, y, basis) = self.year_ref(e + 1 + of)?;
            if !plural_ok && count != 1 {
                return None;
            }
            let total = count * months_each;
            if total == 0 || total > 12 {
                return None;
            }
            let first_month = if which == -1 {
                13 - total
            } else if which == 1 {
                1
            } else {
                (which as u32 - 1) * months_each + 1
            };
            if which > 1 && (unit == "month" || unit == "months" || first_month + total > 13) {
                return None;
            }
            let start = ymd(y, first_month as u8, 1)?;
            let end_excl = cal::add_months(start, i64::from(total))?;
            let last = cal::add_days(end_excl, -1)?;
            let timex = cal::range_timex(&iso(start), &iso(end_excl), &format!("P{total}M"));
            let gran = if total >= 3 {
                Granularity::Quarter
            } else {
                Granularity::Month
            };
            return Some(self.period_hit(
                j,
                e2,
                timex,
                Some((start, last)),
                gran,
                basis,
                "date.period",
            ));
        }
        None
    }

    fn part_of_year(
        &self,
        j: usize,
        e: usize,
        n: u8,
        len: u8,
        year: Option<(i32, Basis)>,
    ) -> Option<Hit> {
        let m1 = (n - 1) * len + 1;
        let m_end = m1 + len; // exclusive, may be 13
        let (timex, span, basis) = match year {
            Some((y, b)) => {
                let s = ymd(y, m1, 1)?;
                let ex = cal::add_months(s, i64::from(len))?;
                (
                    cal::range_timex(&iso(s), &iso(ex), &format!("P{len}M")),
                    Some((s, cal::add_days(ex, -1)?)),
                    b,
                )
            }
            None => {
                let b = if m_end > 12 {
                    "XXXX-01-01".to_string()
                } else {
                    format!("XXXX-{m_end:02}-01")
                };
                (
                    cal::range_timex(&format!("XXXX-{m1:02}-01"), &b, &format!("P{len}M")),
                    None,
                    Basis::Unresolved,
                )
            }
        };
        Some(self.period_hit(
            j,
            e,
            timex,
            span,
            Granularity::Quarter,
            basis,
            "date.period",
        ))
    }

    /// Calendar periods relative to the publication date: "this year", "last month",
    /// "next week", "earlier this year", "late last year", "this weekend".
    fn m_relative_period(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        if self.is_any(k, &["earlier", "later", "early", "late", "mid"]) {
            k += 1;
            if self.p(k, '-') && self.tight(k) {
                k += 1;
            }
        }
        let off: i64 = match self.lw(k) {
            "this" | "current" => 0,
            "last" | "previous" => -1,
            "next" | "coming" | "following" | "upcoming" => 1,
            _ => return None,
        };
        let unit = self.lw(k + 1);
        if !matches!(unit, "week" | "month" | "year" | "weekend") {
            if unit == "decade" && !self.is(k + 2, "of") {
                let p = self.published;
                let d0 =
                    p.map(|p| i32::from(p.year()) - i32::from(p.year()) % 10 + 10 * off as i32);
                let span = d0.and_then(|y| Some((ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?)));
                let timex = d0.map_or_else(
                    || "(XXXX-01-01,XXXX-01-01,P10Y)".to_string(),
                    |y| {
                        cal::range_timex(
                            &format!("{y:04}-01-01"),
                            &format!("{:04}-01-01", y + 10),
                            "P10Y",
                        )
                    },
                );
                return Some(self.period_hit(
                    j,
                    k + 2,
                    timex,
                    span,
                    Granularity::Decade,
                    Basis::PublicationRelative,
                    "date.relative",
                ));
            }
            return None;
        }
        // "the last week of July", "the previous year" (event-relative): not calendar periods.
        if let Some(p) = Self::prev(k) {
            if k == j && self.is_any(p, &["the"]) {
                return None;
            }
        }
        if self.is(k + 2, "of") || self.p(k + 2, '\'') {
            // "last year's" is fine; "last week of" is not.
            if self.is(k + 2, "of") {
                return None;
            }
        }
        let e = k + 2;
        let pb = self.published;
        let (timex, span, gran) = match unit {
            "week" | "weekend" => {
                let d = pb.and_then(|p| cal::add_days(p, off * 7));
                let we = unit == "weekend";
                let timex = d.map_or_else(
                    || {
                        if we {
                            "XXXX-WXX-WE".to_string()
                        } else {
                            "XXXX-WXX".to_string()
                        }
                    },
                    |d| {
                        let t = cal::week_timex(d);
                        if we {
                            format!("{t}-WE")
                        } else {
                            t
                        }
                    },
                );
                let span = d.and_then(|d| {
                    if we {
                        Some((
                            cal::weekday_in_week(d, 6, 0)?,
                            cal::weekday_in_week(d, 7, 0)?,
                        ))
                    } else {
                        Some((cal::monday_of(d)?, cal::weekday_in_week(d, 7, 0)?))
                    }
                });
                (timex, span, Granularity::Week)
            }
            "month" => {
                let d = pb.and_then(|p| cal::add_months(p.first_of_month(), off));
                (
                    d.map_or_else(
                        || "XXXX-XX".to_string(),
                        |d| format!("{:04}-{:02}", d.year(), d.month()),
                    ),
                    d.map(|d| (d, d.last_of_month())),
                    Granularity::Month,
                )
            }
            _ => {
                let y = pb.map(|p| i32::from(p.year()) + off as i32);
                (
                    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}")),
                    y.and_then(Self::year_span),
                    Granularity::Year,
                )
            }
        };
        Some(self.period_hit(
            j,
            e,
            timex,
            span,
            gran,
            Basis::PublicationRelative,
            "date.relative",
        ))
    }

    // ---- durations -----------------------------------------------------------------

    /// A hedge before a figure: (end, qualifier).
    fn qualifier_at(&self, j: usize) -> Option<(usize, Qualifier)> {
        let w = self.lw(j);
        let n = self.lw(j + 1);
        Some(match (w, n) {
            ("more" | "longer", "than") => (j + 2, Qualifier::MoreThan),
            ("upwards", "of") => (j + 2, Qualifier::MoreThan),
            ("just" | "well" | "slightly", "over" | "under") => (
                j + 2,
                if n == "over" {
                    Qualifier::MoreThan
                } else {
                    Qualifier::LessThan
                },
            ),
            ("over" | "beyond", _) => (j + 1, Qualifier::MoreThan),
            ("at", "least") => (j + 2, Qualifier::AtLeast),
            ("no", "less" | "fewer") if self.is(j + 2, "than") => (j + 3, Qualifier::AtLeast),
            ("no", "more" | "longer") if self.is(j + 2, "than") => (j + 3, Qualifier::AtMost),
            ("less" | "fewer" | "shorter", "than") => (j + 2, Qualifier::LessThan),
            ("under", _) => (j + 1, Qualifier::LessThan),
            ("up", "to") => (j + 2, Qualifier::AtMost),
            ("at", "most") => (j + 2, Qualifier::AtMost),
            (
                "about" | "around" | "roughly" | "approximately" | "nearly" | "almost" | "some"
                | "circa" | "approx",
                _,
            ) => (j + 1, Qualifier::Approximate),
            ("close", "to") => (j + 2, Qualifier::Approximate),
            ("an", "estimated") => (j + 2, Qualifier::Approximate),
            _ => return None,
        })
    }

    /// A figure for a duration at `j`: (end, value, precision, implied hedge).
    fn amount(&self, j: usize) -> Option<(usize, f64, f64, Option<Qualifier>)> {
        if let Some((_, _)) = self.num(j) {
            let t = self.toks.get(j)?;
            let mut e = j + 1;
            let head = self.doc.text.get(t.s()..t.e())?;
            // Thousands groups and decimals (a String only when there are any).
            let mut joined: Option<String> = None;
            while self.p(e, ',')
                && self.tight(e)
                && self.tight(e + 1)
                && self.num(e + 1).is_some_and(|(_, l)| l == 3)
            {
                joined
                    .get_or_insert_with(|| head.to_string())
                    .push_str(self.raw(e + 1));
                e += 2;
            }
            let mut prec = 1.0;
            if self.p(e, '.') && self.tight(e) && self.tight(e + 1) && self.is_num(e + 1) {
                let frac = self.raw(e + 1);
                prec = 10f64.powi(-(frac.len().min(9) as i32));
                let s = joined.get_or_insert_with(|| head.to_string());
                s.push('.');
                s.push_str(frac);
                e += 2;
            }
            if let Some(p) = Self::prev(j) {
                if self.tight(j)
                    && (self.p(p, '.')
                        || self.p(p, ',')
                        || self.p(p, '$')
                        || self.is_num(p)
                        || self.toks[p].cls == Cls::Word)
                {
                    return None;
                }
            }
            let v: f64 = crate::num::parse_decimal(joined.as_deref().unwrap_or(head))?;
            return Some((e, v, prec, None));
        }
        let w = self.lw(j);
        match w {
            "a" | "an" | "one" => {
                if self.is(j + 1, "few") {
                    return Some((j + 2, 3.0, 1.0, Some(Qualifier::Approximate)));
                }
                if self.is(j + 1, "couple") && self.is(j + 2, "of") {
                    return Some((j + 3, 2.0, 1.0, None));
                }
                if self.is(j + 1, "half") {
                    return Some((j + 2, 0.5, 0.5, None));
                }
                return Some((j + 1, 1.0, 1.0, None));
            }
            "couple" if self.is(j + 1, "of") => return Some((j + 2, 2.0, 1.0, None)),
            "few" => return Some((j + 1, 3.0, 1.0, Some(Qualifier::Approximate))),
            "half" => {
                let e = if self.is_any(j + 1, &["a", "an"]) {
                    j + 2
                } else {
                    j + 1
                };
                return Some((e, 0.5, 0.5, None));
            }
            "several" => return Some((j + 1, 3.0, 1.0, Some(Qualifier::AtLeast))),
            _ => {}
        }
        let v = self.info(j).small()?;
        let mut e = j + 1;
        let mut v = v;
        if v >= 20 && v % 10 == 0 {
            let mut k = e;
            if self.p(k, '-') && self.tight(k) || self.is(k, "and") {
                k += 1;
            }
            if let Some(u) = self.info(k).small().filter(|u| (1..10).contains(u)) {
                v += u;
                e = k + 1;
            }
        }
        if self.is(e, "hundred") {
            v *= 100;
            e += 1;
        }
        Some((e, f64::from(v), 1.0, None))
    }

    /// Durations: "two months", "30 minutes", "more than two decades", "four-day state
    /// visit", "a week-long", "30-plus years", "an hour and a half", "1 year 1 month 21 days".
    fn m_duration(&self, j: usize) -> Option<Hit> {
        self.duration_checked(self.duration_core(j))
    }

    /// [`Self::m_duration`] given the result of [`Self::duration_core`] at its start.
    fn duration_checked(&self, core: Option<Hit>) -> Option<Hit> {
        let h = core?;
        // "a year earlier", "two years ago" are points in time, not lengths (the
        // relative matchers take the ones they can resolve).
        if h.rule == "duration.unit"
            && self.is_any(h.end, &["earlier", "later", "ago", "prior", "previously"])
        {
            return None;
        }
        Some(h)
    }

    /// [`Self::m_duration`] without the point-in-time check.
    fn duration_core(&self, j: usize) -> Option<Hit> {
        let (mut k, mut qual) = match self.qualifier_at(j) {
            Some((k, q)) => (k, Some(q)),
            None => (j, None),
        };
        if self.is(k, "another") {
            k += 1;
            // "another week".
            if let Some(u) = self.info(k).unit.filter(|_| !self.lw(k).ends_with('s')) {
                return Some(self.duration_hit(
                    j,
                    k + 1,
                    &[(1.0, u)],
                    Qualifier::Exact,
                    None,
                    1.0,
                    "duration.unit",
                ));
            }
        }
        // "all day", "full-year", "whole week".
        if self.is_any(k, &["all", "full", "whole"]) {
            let mut u = k + 1;
            if self.p(u, '-') && self.tight(u) {
                u += 1;
            }
            if let Some(unit) = self
                .info(u)
                .unit
                .filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))
            {
                if self.lw(u).ends_with('s') {
                    return None;
                }
                return Some(self.duration_hit(
                    j,
                    u + 1,
                    &[(1.0, unit)],
                    Qualifier::Exact,
                    None,
                    1.0,
                    "duration.unit",
                ));
            }
        }
        // "week-long" without a figure.
        if let Some(unit) = self.info(k).unit.filter(|_| !self.lw(k).ends_with('s')) {
            if self.p(k + 1, '-')
                && self.tight(k + 1)
                && self.is(k + 2, "long")
                && self.tight(k + 2)
            {
                let noun = self.noun_after(k + 3);
                return Some(self.duration_hit(
                    j,
                    k + 3,
                    &[(1.0, unit)],
                    qual.unwrap_or(Qualifier::Exact),
                    noun,
                    1.0,
                    "duration.adjective",
                ));
            }
        }
        let (mut e, v, prec, implied) = self.amount(k)?;
        let article = matches!(self.lw(k), "a" | "an") && e == k + 1;
        if qual.is_none() {
            qual = implied;
        }
        let mut v = v;
        let mut plus = false;
        // "30-plus years", "30+ years".
        if self.p(e, '-') && self.tight(e) && self.is(e + 1, "plus") {
            plus = true;
            e += 2;
        } else if self.p(e, '+') && self.tight(e) {
            plus = true;
            e += 1;
        }
        // "two and a half hours".
        if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            v += 0.5;
            e += 3;
        }
        let hyphen = self.p(e, '-') && self.tight(e) && self.tight(e + 1);
        let glued = self.tight(e) && self.is_num(k);
        let ue = if hyphen { e + 1 } else { e };
        let unit = self.unit_at(ue, (glued || self.is_num(k)) && !hyphen)?;
        let unit_word = self.lw(ue);
        let mut end = ue + 1;
        // Shares are not durations: "a quarter of the budget", "three quarters of
        // respondents" (but "three quarters of an hour" is).
        if unit == Unit::Quarter
            && self.is(end, "of")
            && self.info(end + 2).unit.is_none()
            && self.info(end + 1).unit.is_none()
        {
            return None;
        }
        // Ages are not durations: "45-year-old", "45 years old".
        if self.is(end, "old") || (self.p(end, '-') && self.is(end + 1, "old")) {
            return None;
        }
        // Rates: "three times a day", "$5 an hour".
        if article {
            // A figure just before makes it a rate ("100,000 vehicles a day").
            let lo = k.saturating_sub(3);
            if (lo..k).any(|p| {
                self.is_num(p)
                    || self.is_any(p, &["times", "twice", "once", "thrice", "per"])
                    || self.info(p).small().is_some()
                    || self.p(p, '%')
                    || self.p(p, '$')
            }) {
                return None;
            }
            if self.lw(ue).ends_with('s') {
                return None;
            }
        }
        if plus {
            qual = Some(Qualifier::MoreThan);
        }
        let mut parts = vec![(v, unit)];
        // "an hour and a half", "an hour and half".
        if self.is(end, "and") && !unit_word.ends_with('s') {
            if self.is(end + 1, "a") && self.is(end + 2, "half") {
                parts[0].0 += 0.5;
                end += 3;
            } else if self.is(end + 1, "half") {
                parts[0].0 += 0.5;
                end += 2;
            }
        }
        let adjective =
            hyphen && !unit_word.ends_with('s') || self.p(end, '-') && self.is(end + 1, "long");
        if self.p(end, '-') && self.tight(end) && self.is(end + 1, "long") {
            end += 2;
        }
        // Compounds: "1 year 1 month 21 days", "2 hours and 30 minutes".
        if !adjective {
            loop {
                let mut c = end;
                if self.p(c, ',') || self.is(c, "and") {
                    c += 1;
                }
                let Some((ae, av, _, None)) =
                    self.amount(c).filter(|_| !self.is_any(c, &["a", "an"]))
                else {
                    break;
                };
                let Some(u2) = self.unit_at(ae, self.tight(ae) && self.is_num(c)) else {
                    break;
                };
                if parts.iter().any(|(_, u)| *u == u2) {
                    break;
                }
                parts.push((av, u2));
                end = ae + 1;
            }
        }
        let noun = if adjective {
            self.noun_after(end)
        } else {
            None
        };
        // "a week-long strike": the article is not part of the duration.
        let j = if adjective && article && qual.is_none() {
            ue
        } else {
            j
        };
        let rule = if adjective {
            "duration.adjective"
        } else {
            "duration.unit"
        };
        Some(self.duration_hit(
            j,
            end,
            &parts,
            qual.unwrap_or(Qualifier::Exact),
            noun,
            prec,
            rule,
        ))
    }

    /// The noun phrase after an adjectival duration: "state visit" in "four-day state visit".
    fn noun_after(&self, j: usize) -> Option<String> {
        let mut words: Vec<&str> = Vec::new();
        let mut k = j;
        while words.len() < 2 {
            let Some(t) = self.tok(k) else { break };
            if t.cls != Cls::Word {
                break;
            }
            let w = self.lw(k);
            if t.upper || NOUN_STOP.contains(&w) || w.len() < 2 {
                break;
            }
            // A second word only when it is a head noun ("state visit", "peace talks"),
            // not a verb ("a 30-day ceasefire holds").
            if !words.is_empty() && !HEAD_NOUNS.contains(&w) {
                break;
            }
            words.push(w);
            k += 1;
        }
        if words.is_empty() {
            None
        } else {
            Some(words.joined(" "))
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn duration_hit(
        &self,
        first: usize,
        end: usize,
        parts: &[(f64, Unit)],
        qual: Qualifier,
        noun: Option<String>,
        precision: f64,
        rule: &'static str,
    ) -> Hit {
        let mut parts: Vec<(f64, Unit)> = parts.to_vec();
        parts.sort_by_key(|(_, u)| std::cmp::Reverse(unit_rank(*u)));
        let mut date = String::new();
        let mut time = String::new();
        for (n, u) in &parts {
            let (des, mult) = match u {
                Unit::Decade => ("Y", 10.0),
                Unit::Century => ("Y", 100.0),
                Unit::Fortnight => ("W", 2.0),
                Unit::Quarter => ("M", 3.0),
                _ => (u.designator(), 1.0),
            };
            let s = format!("{}{des}", format_number(n * mult));
            if u.is_clock() {
                time.push_str(&s);
            } else {
                date.push_str(&s);
            }
        }
        let timex = if time.is_empty() {
            format!("P{date}")
        } else {
            format!("P{date}T{time}")
        };
        let seconds: f64 = parts.iter().map(|(n, u)| n * u.seconds()).sum();
        let (amount, unit) = match parts.as_slice() {
            [(n, u)] => (*n * u.factor(), u.name()),
            _ => {
                let small = parts.last().map_or(Unit::Second, |p| p.1);
                (seconds / small.seconds() * small.factor(), small.name())
            }
        };
        let (low, high) = interval(amount, precision, qual);
        Hit {
            first,
            end,
            kind: Kind::Duration,
            value: Value::Duration(DurationValue {
                timex,
                amount: Quantity {
                    value: amount,
                    low,
                    high,
                    precision,
                    unit: Some(unit.to_string()),
                },
                unit: unit.to_string(),
                seconds,
            }),
            qualifier: qual,
            noun,
            rule,
            pending: None,
        }
    }

    /// A race or elapsed time "2:01:39" (hours:minutes:seconds, no am/pm or zone).
    fn m_clock_duration(&self, j: usize) -> Option<Hit> {
        let (h, hl) = self.num(j)?;
        if hl > 2 {
            return None;
        }
        if let Some(p) = Self::prev(j) {
            if self.tight(j) && !self.p(p, '(') {
                return None;
            }
            if self.is_any(p, &["at", "by", "before", "after", "until", "from"]) {
                return None;
            }
        }
        if !(self.p(j + 1, ':')
            && self.tight(j + 1)
            && self.tight(j + 2)
            && self.p(j + 3, ':')
            && self.tight(j + 3)
            && self.tight(j + 4))
        {
            return None;
        }
        let (m, ml) = self.num(j + 2)?;
        let (s, sl) = self.num(j + 4)?;
        if ml != 2 || sl != 2 || m > 59 || s > 59 {
            return None;
        }
        let e = j + 5;
        if self.ampm(e).is_some()
            || self.zone_at(e).is_some()
            || (self.tight(e) && (self.p(e, ':') || self.p(e, '.') && self.is_num(e + 1)))
        {
            return None;
        }
        let total = f64::from(h * 3600 + m * 60 + s);
        let mut timex = "PT".to_string();
        if h > 0 {
            timex.push_str(&format!("{h}H"));
        }
        if m > 0 {
            timex.push_str(&format!("{m}M"));
        }
        if s > 0 || timex == "PT" {
            timex.push_str(&format!("{s}S"));
        }
        Some(Hit {
            first: j,
            end: e,
            kind: Kind::Duration,
            value: Value::Duration(DurationValue {
                timex,
                amount: Quantity::exact(total, 1.0),
                unit: "second".to_string(),
                seconds: total,
            }),
            qualifier: Qualifier::Exact,
            noun: None,
            rule: "duration.clock",
            pending: None,
        })
    }

    // ---- relative to an event or to the publication date ---------------------------

    /// "two days ago", "a year ago": back from the publication date.
    /// `core` is [`Self::duration_core`] at `j` (computed once per token by the driver).
    fn m_ago(&self, j: usize, core: Option<&Hit>) -> Option<Hit> {
        let d = core?;
        if !self.is(d.end, "ago") {
            return None;
        }
        let Value::Duration(dv) = &d.value else {
            return None;
        };
        let (n, unit) = (dv.amount.value, dv.unit.as_str());
        if n.fract() != 0.0 {
            return None;
        }
        let pb = self.published;
        let date = pb.and_then(|p| shift(p, &dv.timex, -1));
        let (span, gran) = match (date, unit) {
            (Some(d), "month") => (
                Some((d.first_of_month(), d.last_of_month())),
                Granularity::Month,
            ),
            (Some(d), "year" | "decade") => {
                (Self::year_span(i32::from(d.year())), Granularity::Year)
            }
            (Some(d), _) => (Some((d, d)), Granularity::Day),
            (None, _) => (None, Granularity::Day),
        };
        if date.is_none() && matches!(unit, "hour" | "minute" | "second") {
            return None;
        }
        let mut h = self.period_hit(
            j,
            d.end + 1,
            date.map_or_else(|| "XXXX-XX-XX".to_string(), iso),
            span,
            gran,
            Basis::PublicationRelative,
            "date.relative",
        );
        h.qualifier = d.qualifier;
        Some(h)
    }

    /// Event-relative days: "the previous day", "a day earlier", "the next day",
    /// "two days later", "a day after <event>"; "three days after Jan. 12" is resolved
    /// from the date it names.
    /// `core` is [`Self::duration_core`] at `j` (computed once per token by the driver).
    fn m_event(&self, j: usize, core: Option<&Hit>) -> Option<Hit> {
        let (days, e): (i64, usize) = match (self.lw(j), self.lw(j + 1), self.lw(j + 2)) {
            ("the", "previous" | "prior" | "preceding", "day") => (-1, j + 3),
            ("the", "next" | "following", "day") => (1, j + 3),
            ("the", "same", "day") => (0, j + 3),
            ("next", "day", _) if !Self::prev(j).is_some_and(|p| self.is(p, "the")) => (1, j + 2),
            ("the", "day", "before" | "after") => {
                if let Some(h) =
                    self.offset_from_day(j + 3, if self.is(j + 2, "after") { 1 } else { -1 }, j)
                {
                    return Some(h);
                }
                // "the day before <event>": the event is a day after the anchor.
                (if self.is(j + 2, "after") { -1 } else { 1 }, j + 3)
            }
            ("the", "day", _) => return None,
            _ => {
                let d = core?;
                let Value::Duration(dv) = &d.value else {
                    return None;
                };
                if d.rule == "duration.unit" && self.is_any(d.end, &["from", "after", "before"]) {
                    let sign = if self.is(d.end, "before") { -1 } else { 1 };
                    if let Some(mut h) = self.shifted_day(d.end + 1, &dv.timex, sign, j) {
                        h.qualifier = d.qualifier;
                        return Some(h);
                    }
                }
                if dv.unit != "day" && dv.unit != "week"
                    || dv.amount.value.fract() != 0.0
                    || d.rule != "duration.unit"
                {
                    return None;
                }
                let n =
                    (dv.amount.value as i64).saturating_mul(if dv.unit == "week" { 7 } else { 1 });
                match self.lw(d.end) {
                    "later" | "afterward" | "afterwards" => (n, d.end + 1),
                    "earlier" | "before" if !self.starts_reference(d.end + 1) => (-n, d.end + 1),
                    "after" | "before" => {
                        let sign = if self.is(d.end, "after") { 1 } else { -1 };
                        if let Some(h) = self.offset_from_day(d.end + 1, sign * n, j) {
                            return Some(h);
                        }
                        // "a day after <event>": the event is that many days before the anchor.
                        (-sign * n, d.end + 1)
                    }
                    _ => return None,
                }
            }
        };
        let mut h = self.period_hit(
            j,
            e,
            "XXXX-XX-XX".to_string(),
            None,
            Granularity::Day,
            Basis::Unresolved,
            "date.event_relative",
        );
        h.pending = Some(days);
        Some(h)
    }

    /// True when a noun phrase starts at `j` ("before the summit").
    fn starts_reference(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.cls == Cls::Word)
            && !self.is_any(j, &["and", "or", "but", "that", "when", "while"])
    }

    /// "<offset> days after <day>": the day it names, moved.
    fn offset_from_day(&self, j: usize, days: i64, first: usize) -> Option<Hit> {
        self.shifted_day(j, &format!("P{}D", days.abs()), days.signum(), first)
    }

    /// The day named at `j` ("tomorrow", "Jan. 12", "now") moved by a TIMEX duration.
    fn shifted_day(&self, j: usize, timex: &str, sign: i64, first: usize) -> Option<Hit> {
        let (e, s) = if self.is(j, "now") {
            let date = self.published;
            (
                j + 1,
                DaySpec {
                    timex: String::new(),
                    date,
                    basis: if date.is_some() {
                        Basis::PublicationRelative
                    } else {
                        Basis::Unresolved
                    },
                    weekday: None,
                    rule: "date.relative",
                },
            )
        } else {
            match self.any_day(j)? {
                (e, s, None) => (e, s),
                _ => return None,
            }
        };
        let date = s.date.and_then(|d| shift(d, timex, sign));
        let spec = DaySpec {
            timex: date.map_or_else(|| "XXXX-XX-XX".to_string(), iso),
            date,
            basis: if date.is_some() {
                s.basis
            } else {
                Basis::Unresolved
            },
            weekday: None,
            rule: "date.relative",
        };
        Some(self.day_hit(first, e, spec, None))
    }

    /// A month named after "of"/"in": a month name (year optional) or "this/next/last
    /// month". Returns (end, year if known, month, named).
    fn month_ref(&self, j: usize) -> Option<(usize, Option<i32>, u8, bool)> {
        if let Some((e, m)) = self.month_at(j) {
            let mut e2 = e;
            if self.p(e2, ',') {
                e2 += 1;
            }
            if let Some(y) = self.year4(e2) {
                return Some((e2 + 1, Some(y), m, true));
            }
            let y = self
                .published
                .map(|p| cal::month_year(p, m, self.future(j, e)));
            return Some((e, y, m, true));
        }
        let off = match self.lw(j) {
            "this" | "the" | "current" => 0,
            "next" | "following" => 1,
            "last" | "previous" => -1,
            _ => return None,
        };
        if !self.is(j + 1, "month") {
            return None;
        }
        let d = cal::add_months(self.published?.first_of_month(), off)?;
        Some((j + 2, Some(i32::from(d.year())), d.month() as u8, false))
    }

    /// "the first Friday of July", "the second Monday of next month", "third Tuesday".
    fn m_nth_weekday(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        let n: i8 = match self.lw(k) {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            _ => {
                let (v, len) = self.num(k)?;
                if len != 1
                    || !(1..=5).contains(&v)
                    || !self.tight(k + 1)
                    || !self.is_any(k + 1, &["st", "nd", "rd", "th"])
                {
                    return None;
                }
                k += 1;
                v as i8
            }
        };
        let (wd, true) = self.info(k + 1).weekday? else {
            return None;
        };
        let mut e = k + 2;
        let mut mref = None;
        if self.is_any(e, &["of", "in"]) {
            if let Some((e2, y, m, named)) = self.month_ref(e + 1) {
                mref = Some((y, m, named));
                e = e2;
            }
        }
        if mref.is_none() {
            let det = Self::prev(j).is_some_and(|p| {
                self.is_any(
                    p,
                    &[
                        "his", "her", "its", "their", "a", "the", "our", "my", "your",
                    ],
                )
            });
            if the || det {
                return None;
            }
        }
        let weekday = Some(wd).filter(|w| (1..=7).contains(w))?;
        let (y, m) = match mref {
            Some((y, m, _)) => (y, Some(m)),
            None => (
                self.published.map(|p| i32::from(p.year())),
                self.published.map(|p| p.month() as u8),
            ),
        };
        let date = match (y, m) {
            (Some(y), Some(m)) => ymd(y, m, 1).and_then(|d| d.nth_weekday_of_month(n, weekday)),
            _ => None,
        };
        let timex = match (mref, m) {
            (Some(_), Some(m)) => format!("XXXX-{m:02}-WXX-{wd}-#{n}"),
            _ => date.map_or_else(|| format!("XXXX-XX-WXX-{wd}-#{n}"), iso),
        };
        let spec = DaySpec {
            timex,
            basis: if date.is_some() {
                Basis::PublicationRelative
            } else {
                Basis::Unresolved
            },
            date,
            weekday: Some(wd),
            rule: "date.weekday",
        };
        Some(self.day_hit(j, e, spec, None))
    }

    /// "the 20th of next month", "31st of this month".
    fn m_day_of_month_ref(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let (e, d, marked) = self.day_num(k)?;
        if !marked || !self.is(e, "of") {
            return None;
        }
        let (e2, y, m, false) = self.month_ref(e + 1)? else {
            return None;
        };
        let date = y.and_then(|y| ymd(y, m, d));
        let spec = DaySpec {
            timex: date.map_or_else(|| format!("XXXX-XX-{d:02}"), iso),
            basis: if date.is_some() {
                Basis::PublicationRelative
            } else {
                Basis::Unresolved
            },
            date,
            weekday: None,
            rule: "date.month_day",
        };
        Some(self.day_hit(j, e2, spec, None))
    }

    /// Numeric months: "2015/3", "2016-11", "3/2015", "11/2016", "2015.3".
    fn m_month_numeric(&self, j: usize) -> Option<Hit> {
        let (a, alen) = self.num(j)?;
        if let Some(p) = Self::prev(j) {
            if self.tight(j)
                && (self.is_num(p)
                    || self.p(p, '/')
                    || self.p(p, '-')
                    || self.p(p, '.')
                    || self.p(p, '$'))
            {
                return None;
            }
        }
        let sep = self.raw(j + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.tight(j + 1) || !self.tight(j + 2) {
            return None;
        }
        let (b, blen) = self.num(j + 2)?;
        let e = j + 3;
        if self.tight(e)
            && (self.is_num(e)
                || matches!(self.raw(e), "-" | "/" | "." | ":" | "%") && self.tight(e + 1))
        {
            return None;
        }
        let (y, m) = match (alen, blen) {
            (4, 1 | 2) => (a, b),
            (1 | 2, 4) if sep != "." => (b, a),
            _ => return None,
        };
        if !(1000..=2100).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        // "2015.3" is also a decimal: only after a date word.
        if sep == "."
            && !Self::prev(j).is_some_and(|p| DATE_PREPS.contains(&self.lw(p)) || self.is(p, "out"))
        {
            return None;
        }
        let (y, m) = (y as i32, m as u8);
        Some(self.period_hit(
            j,
            e,
            format!("{y:04}-{m:02}"),
            Self::month_span(y, m),
            Granularity::Month,
            Basis::Explicit,
            "date.month",
        ))
    }

    /// Seasons: "this summer", "next spring", "summer 2016", "the spring of 1978", "in winter".
    fn m_season(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        let rel = match self.lw(k) {
            "this" => Some(0i32),
            "next" => Some(1),
            "last" | "past" => Some(-1),
            _ => None,
        };
        if rel.is_some() {
            k += 1;
        }
        let the = rel.is_none() && self.is(k, "the");
        if the {
            k += 1;
        }
        let code = match self.lw(k) {
            "spring" => "SP",
            "summer" => "SU",
            "fall" | "autumn" => "FA",
            "winter" => "WI",
            _ => return None,
        };
        let mut e = k + 1;
        let mut e2 = e;
        if self.is(e2, "of") || self.p(e2, ',') {
            e2 += 1;
        }
        let year = if rel.is_none() {
            self.year4(e2)
                .or_else(|| self.year_words(e2).map(|(_, y)| y))
        } else {
            None
        };
        if year.is_some() {
            e = if self.year4(e2).is_some() {
                e2 + 1
            } else {
                self.year_words(e2).map_or(e2 + 1, |(x, _)| x)
            };
        }
        let before = Self::prev(j).map_or("", |p| self.lw(p));
        if rel.is_none()
            && year.is_none()
            && !matches!(
                before,
                "in" | "during"
                    | "since"
                    | "by"
                    | "until"
                    | "over"
                    | "through"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
            )
        {
            return None;
        }
        if code == "FA" && self.lw(k) == "fall" && year.is_none() && rel.is_none() && !the {
            return None;
        }
        let pb = self.published;
        let (y, timex, basis) = match (year, rel) {
            (Some(y), _) => (Some(y), format!("{y:04}-{code}"), Basis::Explicit),
            (None, Some(off)) => {
                let y = pb.map(|p| i32::from(p.year()) + off);
                (
                    y,
                    y.map_or_else(|| code.to_string(), |y| format!("{y:04}-{code}")),
                    Basis::PublicationRelative,
                )
            }
            (None, None) => {
                let y = pb.map(|p| {
                    let py = i32::from(p.year());
                    let fut = self.future(j, e);
                    let starts = |y: i32| season_span(y, code).map(|s| s.0);
                    if fut {
                        if starts(py).is_some_and(|s| {
                            s >= p || season_span(py, code).is_some_and(|s| s.1 >= p)
                        }) {
                            py
                        } else {
                            py + 1
                        }
                    } else if starts(py).is_some_and(|s| s <= p) {
                        py
                    } else {
                        py - 1
                    }
                });
                (y, code.to_string(), Basis::PublicationRelative)
            }
        };
        let span = y.and_then(|y| season_span(y, code));
        Some(self.period_hit(
            j,
            e,
            timex,
            span,
            Granularity::Quarter,
            basis,
            "date.period",
        ))
    }

    /// Rolling windows: "the past three years", "the next 3 days", "past few days",
    /// "within 5 days", "the last two decades", "the past week".
    fn m_rolling(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        let within = self.is(k, "within");
        if within {
            k += 1;
        }
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        // "to last six weeks" is a verb.
        if !the
            && self.is(k, "last")
            && Self::prev(k).is_some_and(|p| {
                self.is_any(
                    p,
                    &[
                        "to", "will", "would", "could", "may", "might", "can", "should", "ll",
                        "must", "not",
                    ],
                )
            })
        {
            return None;
        }
        let dir: i64 = match self.lw(k) {
            "past" | "last" | "previous" | "preceding" => -1,
            "next" | "coming" | "upcoming" => 1,
            _ if within && !the => 0,
            _ => return None,
        };
        if dir != 0 {
            k += 1;
        }
        if within && dir < 0 {
            return None;
        }
        let pb = self.published;
        // The amount: a figure and unit, or a bare singular unit ("the past week").
        let (end, timex, unit, n) = if let Some(u) = self
            .info(k)
            .unit
            .filter(|_| !self.lw(k).ends_with('s') && (the || within))
        {
            let d = self.duration_hit(
                k,
                k + 1,
                &[(1.0, u)],
                Qualifier::Exact,
                None,
                1.0,
                "duration.unit",
            );
            let Value::Duration(dv) = d.value else {
                return None;
            };
            (k + 1, dv.timex, u, 1i64)
        } else {
            let d = self.m_duration(k)?;
            if d.qualifier != Qualifier::Exact
                && !(self.is(k, "few") || self.is(k, "a") && self.is(k + 1, "few"))
                || d.rule != "duration.unit"
                || d.first != k
            {
                return None;
            }
            let Value::Duration(dv) = d.value else {
                return None;
            };
            let decades = d
                .end
                .checked_sub(1)
                .is_some_and(|u| self.info(u).unit == Some(Unit::Decade));
            let unit = match dv.unit.as_str() {
                "year" if decades => Unit::Decade,
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                "decade" => Unit::Decade,
                _ => return None,
            };
            if dv.amount.value.fract() != 0.0
                || dv.timex.matches(|c: char| c.is_ascii_alphabetic()).count() > 2
            {
                return None;
            }
            if dv.amount.value > 1000.0 {
                return None;
            }
            let n = if decades {
                dv.amount.value / 10.0
            } else {
                dv.amount.value
            };
            (d.end, dv.timex, unit, n as i64)
        };
        // "the last week of July", "the past year's": other constructions.
        if self.is(end, "of") || self.p(end, '\'') {
            return None;
        }
        if !the && !within && n == 1 && !self.is(k, "few") {
            return None;
        }
        let (a, b, ia, ib) = match pb {
            Some(p) if unit == Unit::Decade => {
                let d0 = i32::from(p.year()) - i32::from(p.year()) % 10;
                let (y1, y2) = if dir < 0 {
                    (d0 - 10 * n as i32, d0)
                } else {
                    (d0 + 10, d0 + 10 + 10 * n as i32)
                };
                let a = ymd(y1, 1, 1)?;
                let b = ymd(y2, 1, 1)?;
                (a, b, a, cal::add_days(b, -1)?)
            }
            Some(p) => match if within { 0 } else { dir } {
                -1 => {
                    let a = shift(p, &timex, -1)?;
                    (a, p, a, p)
                }
                1 => {
                    let s = cal::add_days(p, 1)?;
                    let b = shift(s, &timex, 1)?;
                    (s, b, s, cal::add_days(b, -1)?)
                }
                _ => {
                    let b = shift(p, &timex, 1)?;
                    (p, b, p, b)
                }
            },
            None => {
                let h = self.period_hit(
                    j,
                    end,
                    format!("(XXXX-XX-XX,XXXX-XX-XX,{timex})"),
                    None,
                    Granularity::Day,
                    Basis::Unresolved,
                    "date.relative",
                );
                return Some(h);
            }
        };
        let gran = match unit {
            Unit::Year | Unit::Decade | Unit::Century => Granularity::Year,
            Unit::Month | Unit::Quarter => Granularity::Month,
            _ => Granularity::Day,
        };
        let tx = cal::range_timex(&iso(a), &iso(b), &timex);
        Some(self.period_hit(
            j,
            end,
            tx,
            Some((ia, ib)),
            gran,
            Basis::PublicationRelative,
            "date.relative",
        ))
    }

    /// "the first week of 2015", "the third week of this month", "the last week of July".
    fn m_week_of(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let n: i64 = match self.lw(k) {
            "last" | "final" => -1,
            _ => match self.info(k).ordinal() {
                Some(n) if n <= 5 => i64::from(n),
                _ => {
                    let (v, len) = self.num(k)?;
                    if len != 1
                        || !(1..=5).contains(&v)
                        || !self.tight(k + 1)
                        || !self.is_any(k + 1, &["st", "nd", "rd", "th"])
                    {
                        return None;
                    }
                    k += 1;
                    i64::from(v)
                }
            },
        };
        if !self.is(k + 1, "week") || !self.is(k + 2, "of") {
            return None;
        }
        let r = k + 3;
        if let Some((e, y, _)) = self.year_ref(r) {
            let weeks_in = Date::from_iso_week(i16::try_from(y).ok()?, 53, 1).is_some();
            let w = if n < 0 {
                if weeks_in {
                    53
                } else {
                    52
                }
            } else {
                n
            };
            let mon = Date::from_iso_week(i16::try_from(y).ok()?, i8::try_from(w).ok()?, 1)?;
            let sun = cal::add_days(mon, 6)?;
            return Some(self.period_hit(
                j,
                e,
                format!("{y:04}-W{w:02}"),
                Some((mon, sun)),
                Granularity::Week,
                Basis::Explicit,
                "date.period",
            ));
        }
        let (e, y, m, named) = self.month_ref(r)?;
        let w = if n < 0 { 5 } else { n };
        let timex = if named {
            format!("XXXX-{m:02}-W{w:02}")
        } else {
            y.map_or_else(
                || format!("XXXX-{m:02}-W{w:02}"),
                |y| format!("{y:04}-{m:02}-W{w:02}"),
            )
        };
        let span = y.and_then(|y| {
            let first = ymd(y, m, 1)?;
            let last = first.last_of_month();
            if n < 0 {
                Some((cal::add_days(last, -6)?, last))
            } else {
                let s = cal::add_days(first, (w - 1) * 7)?;
                let e = cal::add_days(s, 6)?.min(last);
                (s <= last).then_some((s, e))
            }
        });
        Some(self.period_hit(
            j,
            e,
            timex,
            span,
            Granularity::Week,
            Basis::PublicationRelative,
            "date.period",
        ))
    }

    /// "(over) the weekend": the weekend just past, or the coming one with a future cue.
    fn m_weekend(&self, j: usize) -> Option<Hit> {
        if !(self.is(j, "the") && self.is(j + 1, "weekend")) {
            return None;
        }
        let before = Self::prev(j).map_or("", |p| self.lw(p));
        if !matches!(
            before,
            "over" | "during" | "at" | "on" | "for" | "through" | "throughout"
        ) {
            return None;
        }
        let e = j + 2;
        let date = self.published.and_then(|p| {
            let this_week = cal::iso_weekday(p) >= 6 || self.future(j, e);
            cal::weekday_in_week(p, 6, if this_week { 0 } else { -1 })
        });
        let span = date.and_then(|d| Some((d, cal::add_days(d, 1)?)));
        let timex = date.map_or_else(
            || "XXXX-WXX-WE".to_string(),
            |d| format!("{}-WE", cal::week_timex(d)),
        );
        Some(self.period_hit(
            j,
            e,
            timex,
            span,
            Granularity::Week,
            Basis::PublicationRelative,
            "date.relative",
        ))
    }

    /// "the week after next", "rest of the month", "earlier in the week", "later in the year".
    fn m_misc_period(&self, j: usize) -> Option<Hit> {
        let pb = self.published;
        let (unit, off, e, rest) = match (self.lw(j), self.lw(j + 1), self.lw(j + 2)) {
            ("the", u @ ("week" | "month" | "year" | "weekend"), "after") => {
                let mut k = j + 3;
                if self.is(k, "the") {
                    k += 1;
                }
                if !self.is(k, "next") {
                    return None;
                }
                (u, 2i64, k + 1, false)
            }
            ("rest", _, _) => {
                let mut k = j + 1;
                if self.is(k, "of") {
                    k += 1;
                }
                if self.is_any(k, &["the", "this", "my", "current"]) {
                    k += 1;
                }
                let u = self.lw(k);
                if !matches!(u, "week" | "month" | "year") || k == j + 1 {
                    return None;
                }
                (u, 0, k + 1, true)
            }
            ("earlier" | "later", "in", "the") => {
                let u = self.lw(j + 3);
                if !matches!(u, "week" | "month" | "year") {
                    return None;
                }
                (u, 0, j + 4, false)
            }
            _ => return None,
        };
        let (timex, span, gran) = match unit {
            "week" | "weekend" => {
                let d = pb.and_then(|p| cal::add_days(p, off * 7));
                let we = unit == "weekend";
                let span = d.and_then(|d| {
                    let first = if we {
                        cal::weekday_in_week(d, 6, 0)?
                    } else {
                        cal::monday_of(d)?
                    };
                    Some((first, cal::weekday_in_week(d, 7, 0)?))
                });
                let t = d.map_or_else(|| "XXXX-WXX".to_string(), cal::week_timex);
                (
                    if we { format!("{t}-WE") } else { t },
                    span,
                    Granularity::Week,
                )
            }
            "month" => {
                let d = pb.and_then(|p| cal::add_months(p.first_of_month(), off));
                (
                    d.map_or_else(
                        || "XXXX-XX".to_string(),
                        |d| format!("{:04}-{:02}", d.year(), d.month()),
                    ),
                    d.map(|d| (d, d.last_of_month())),
                    Granularity::Month,
                )
            }
            _ => {
                let y = pb.map(|p| i32::from(p.year()) + off as i32);
                (
                    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}")),
                    y.and_then(Self::year_span),
                    Granularity::Year,
                )
            }
        };
        if rest {
            let (p, (_, last)) = (pb?, span?);
            let days = cal::days_between(p, last);
            let tx = cal::range_timex(&iso(p), &iso(last), &format!("P{days}D"));
            return Some(self.period_hit(
                j,
                e,
                tx,
                Some((p, last)),
                Granularity::Day,
                Basis::PublicationRelative,
                "date.relative",
            ));
        }
        Some(self.period_hit(
            j,
            e,
            timex,
            span,
            gran,
            Basis::PublicationRelative,
            "date.relative",
        ))
    }

    /// "end of the year", "end of month", "beginning of the week": the current period.
    fn m_end_of(&self, j: usize) -> Option<Hit> {
        if !self.is_any(j, &["end", "beginning", "start", "middle"]) || !self.is(j + 1, "of") {
            return None;
        }
        let mut k = j + 2;
        if self.is(k, "the") {
            k += 1;
        }
        let unit = self.lw(k);
        if !matches!(unit, "year" | "month" | "week") || self.p(k + 1, '\'') {
            return None;
        }
        let pb = self.published;
        let (timex, span, gran) = match unit {
            "year" => {
                let y = pb.map(|p| i32::from(p.year()));
                (
                    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}")),
                    y.and_then(Self::year_span),
                    Granularity::Year,
                )
            }
            "month" => (
                pb.map_or_else(
                    || "XXXX-XX".to_string(),
                    |p| format!("{:04}-{:02}", p.year(), p.month()),
                ),
                pb.map(|p| (p.first_of_month(), p.last_of_month())),
                Granularity::Month,
            ),
            _ => (
                pb.map_or_else(|| "XXXX-WXX".to_string(), cal::week_timex),
                pb.and_then(|p| Some((cal::monday_of(p)?, cal::weekday_in_week(p, 7, 0)?))),
                Granularity::Week,
            ),
        };
        Some(self.period_hit(
            j,
            k + 1,
            timex,
            span,
            gran,
            Basis::PublicationRelative,
            "date.relative",
        ))
    }

    /// Wrappers that widen a date: "end of March", "since 2017", "mid-November".
    fn m_prefixed(&self, i: usize) -> Option<Hit> {
        let w = self.lw(i);
        let (inner_at, kind) = match w {
            "end" | "beginning" | "start" | "middle" if self.is(i + 1, "of") => (i + 2, 0),
            "since" | "before" | "after" | "until" | "till" => (i + 1, 1),
            "year" if self.year4(i + 1).is_some() => (i + 1, 1),
            "early" | "late" | "mid" => (
                if self.p(i + 1, '-') && self.tight(i + 1) {
                    i + 2
                } else {
                    i + 1
                },
                2,
            ),
            _ => return None,
        };
        let mut h = self.best_at(inner_at)?;
        if h.first != inner_at || h.pending.is_some() {
            return None;
        }
        let Value::Date(d) = &h.value else {
            return None;
        };
        let ok = match kind {
            0 => matches!(
                d.granularity,
                Granularity::Week
                    | Granularity::Month
                    | Granularity::Quarter
                    | Granularity::Year
                    | Granularity::Decade
            ),
            1 => h.rule != "date.event_relative",
            _ => {
                matches!(
                    d.granularity,
                    Granularity::Month
                        | Granularity::Year
                        | Granularity::Quarter
                        | Granularity::Decade
                ) && h.rule != "date.range"
            }
        };
        if !ok {
            return None;
        }
        h.first = i;
        Some(h)
    }

    // ---- driver --------------------------------------------------------------------

    /// The longest match starting at token `i`.
    fn best_at(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let mut best: Option<Hit> = None;
        // Not a closure: a closure took each matcher's result (a 240-byte `Option<Hit>`) by
        // value and copied it on every call, `None` included (~9% of the scan natively; a
        // `memcpy` call per matcher in wasm). `keep_longer` gets it where the matcher put it.
        macro_rules! consider {
            ($h:expr) => {
                keep_longer(&mut best, $h)
            };
        }
        match t.cls {
            Cls::Punct => {
                if self.p(i, '\'') {
                    consider!(self.m_period(i));
                }
                return best;
            }
            Cls::Num => {
                consider!(self.m_range(i));
                consider!(self.m_day_time(i));
                if let Some((e, p)) = self.day_parts(i) {
                    if let Some(s) = self.day_spec(p, i, e) {
                        consider!(Some(self.day_hit(i, e, s, None)));
                    }
                }
                consider!(self.m_time(i));
                consider!(self.m_time_range(i));
                consider!(self.m_clock_duration(i));
                consider!(self.m_nth_weekday(i));
                consider!(self.m_day_of_month_ref(i));
                consider!(self.m_period(i));
                consider!(self.m_month_numeric(i));
                consider!(self.m_week_of(i));
                consider!(self.m_year(i));
                let core = self.duration_core(i);
                consider!(self.m_event(i, core.as_ref()));
                consider!(self.m_ago(i, core.as_ref()));
                consider!(self.duration_checked(core));
            }
            Cls::Word => {
                let info = self.info(i);
                if !info.trigger {
                    return None;
                }
                let g = info.gates;
                if g & (1 << 0) != 0 {
                    consider!(self.m_time_range(i));
                }
                if g & (1 << 1) != 0 {
                    consider!(self.m_range(i));
                }
                if g & (1 << 2) != 0 {
                    consider!(self.m_day_time(i));
                    if let Some((e, s, part)) = self.any_day(i) {
                        consider!(Some(self.day_hit(i, e, s, part)));
                    }
                }
                if g & (1 << 3) != 0 {
                    consider!(self.m_month(i));
                }
                if g & (1 << 4) != 0 {
                    consider!(self.m_period(i));
                }
                if g & (1 << 5) != 0 {
                    consider!(self.m_nth_weekday(i));
                    consider!(self.m_day_of_month_ref(i));
                }
                if g & (1 << 6) != 0 {
                    consider!(self.m_relative_period(i));
                }
                if g & (1 << 7) != 0 {
                    let core = self.duration_core(i);
                    consider!(self.m_event(i, core.as_ref()));
                    consider!(self.m_ago(i, core.as_ref()));
                    consider!(self.duration_checked(core));
                }
                if g & (1 << 8) != 0 {
                    consider!(self.m_noon(i));
                }
                if g & (1 << 9) != 0 {
                    consider!(self.m_weekend(i));
                }
                if g & (1 << 10) != 0 {
                    consider!(self.m_misc_period(i));
                }
                if g & (1 << 11) != 0 {
                    consider!(self.m_end_of(i));
                }
                if g & (1 << 12) != 0 {
                    consider!(self.m_rolling(i));
                }
                if g & (1 << 13) != 0 {
                    consider!(self.m_season(i));
                }
                if g & (1 << 14) != 0 {
                    consider!(self.m_week_of(i));
                }
                if g & (1 << 15) != 0 {
                    consider!(self.m_prefixed(i));
                }
            }
        }
        best
    }

    /// "noon", "midnight" after a preposition.
    fn m_noon(&self, j: usize) -> Option<Hit> {
        let before = Self::prev(j).map_or("", |p| self.lw(p));
        if !matches!(
            before,
            "at" | "by" | "until" | "till" | "before" | "after" | "around" | "from" | "to" | "past"
        ) {
            return None;
        }
        let h = if self.is(j, "noon") { 12 } else { 0 };
        let mut e = j + 1;
        let mut zone = None;
        if let Some((e2, name, off)) = self.zone_at(e) {
            zone = Some((name, off));
            e = e2;
        }
        let clk = Clock {
            h,
            m: 0,
            s: None,
            has_min: false,
            zone,
        };
        let mut k = e;
        if self.p(k, ',') || self.is(k, "on") {
            k += 1;
        }
        if let Some((e2, day, None)) = self.any_day(k) {
            return Some(self.time_hit(j, e2, clk, Some(day)));
        }
        Some(self.time_hit(j, e, clk, None))
    }

    /// Scans the document.
    pub fn run(&self) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.best_at(i) {
                Some(h) => {
                    i = h.end;
                    hits.push(h);
                }
                None => i += 1,
            }
        }
        self.resolve_events(&mut hits);
        hits
    }

    /// Resolves event-relative days against the nearest preceding dated mention in the
    /// same or the previous sentence.
    fn resolve_events(&self, hits: &mut [Hit]) {
        for idx in 0..hits.len() {
            let Some(days) = hits[idx].pending else {
                continue;
            };
            let sent = self.sentence_of(hits[idx].first);
            let anchor = hits[..idx].iter().rev().find_map(|h| {
                if self.sentence_of(h.first) + 1 < sent {
                    return Some(None);
                }
                let Value::Date(d) = &h.value else {
                    return None;
                };
                if !matches!(
                    d.granularity,
                    Granularity::Day | Granularity::PartOfDay | Granularity::Time
                ) {
                    return None;
                }
                let s = d.start.as_deref()?;
                Some(crate::extract::iso_date(s))
            });
            let Some(Some(anchor)) = anchor else { continue };
            let Some(date) = cal::add_days(anchor, days) else {
                continue;
            };
            if let Value::Date(d) = &mut hits[idx].value {
                d.timex = iso(date);
                d.start = Some(iso(date));
                d.end = Some(iso(date));
                d.basis = Basis::EventRelative;
            }
        }
    }
}

/// Tests on an optional token.
trait OptTok {
    /// No token, or a punctuation mark.
    fn is_none_or_punct(&self) -> bool;
}

impl OptTok for Option<&Tok> {
    fn is_none_or_punct(&self) -> bool {
        self.map_or(true, |t| t.cls == Cls::Punct)
    }
}

/// A clock time: hour, minute, second, whether minutes were written, zone and offset.
struct Clock {
    h: u32,
    m: u32,
    s: Option<u32>,
    has_min: bool,
    zone: Option<(String, Option<i32>)>,
}

/// First and last day of a season (meteorological, northern hemisphere).
fn season_span(y: i32, code: &str) -> Option<(Date, Date)> {
    Some(match code {
        "SP" => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
        "SU" => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
        "FA" => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
        _ => (
            ymd(y, 12, 1)?,
            ymd(y + 1, 3, 1).and_then(|d| cal::add_days(d, -1))?,
        ),
    })
}

/// Which matchers of `best_at` can start at the word `w` (lower case): bit `n` is the
/// `n`th gated group of matchers there. Computed once per distinct word.
fn word_gates(w: &str) -> u16 {
    let month = lex::month(w).is_some();
    let wd = lex::weekday(w).is_some();
    let mut g = 0;
    if matches!(w, "from" | "between") {
        g |= 1 << 0;
    }
    if month || wd || matches!(w, "from" | "between") {
        g |= 1 << 1;
    }
    if month
        || wd
        || matches!(
            w,
            "the"
                | "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "tmrw"
                | "this"
                | "next"
                | "last"
                | "previous"
                | "coming"
                | "past"
        )
        || lex::ordinal_word(w).is_some()
        || matches!(w, "twenty" | "thirty")
    {
        g |= 1 << 2;
    }
    if month || matches!(w, "this" | "next" | "last") {
        g |= 1 << 3;
    }
    if matches!(w, "the" | "q" | "h") {
        g |= 1 << 4;
    }
    if w == "the" || lex::ordinal_word(w).is_some() {
        g |= 1 << 5;
    }
    if matches!(
        w,
        "earlier"
            | "later"
            | "early"
            | "late"
            | "mid"
            | "this"
            | "current"
            | "last"
            | "previous"
            | "next"
            | "coming"
            | "following"
    ) {
        g |= 1 << 6;
    }
    if may_start_duration(w) {
        g |= 1 << 7;
    }
    if matches!(w, "noon" | "midnight") {
        g |= 1 << 8;
    }
    if w == "the" {
        g |= 1 << 9;
    }
    if matches!(w, "the" | "rest" | "earlier" | "later") {
        g |= 1 << 10;
    }
    if matches!(w, "end" | "beginning" | "start" | "middle") {
        g |= 1 << 11;
    }
    if matches!(
        w,
        "the"
            | "past"
            | "last"
            | "previous"
            | "preceding"
            | "next"
            | "coming"
            | "upcoming"
            | "within"
    ) {
        g |= 1 << 12;
    }
    if matches!(
        w,
        "the"
            | "this"
            | "next"
            | "last"
            | "past"
            | "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
    ) {
        g |= 1 << 13;
    }
    if w == "the" || w == "last" || w == "final" || lex::ordinal_word(w).is_some() {
        g |= 1 << 14;
    }
    if matches!(
        w,
        "end"
            | "beginning"
            | "start"
            | "middle"
            | "since"
            | "before"
            | "after"
            | "until"
            | "till"
            | "early"
            | "late"
            | "mid"
            | "year"
    ) {
        g |= 1 << 15;
    }
    g
}

/// True for a word at which some matcher can start (the union of the gates in `best_at`).
fn is_trigger(w: &str) -> bool {
    w.len() <= 13
        && (lex::month(w).is_some()
            || lex::weekday(w).is_some()
            || lex::ordinal_word(w).is_some()
            || may_start_duration(w)
            || matches!(
                w,
                "from"
                    | "between"
                    | "today"
                    | "tonight"
                    | "yesterday"
                    | "tomorrow"
                    | "tmrw"
                    | "this"
                    | "last"
                    | "previous"
                    | "coming"
                    | "past"
                    | "q"
                    | "h"
                    | "earlier"
                    | "later"
                    | "early"
                    | "late"
                    | "mid"
                    | "current"
                    | "following"
                    | "upcoming"
                    | "noon"
                    | "midnight"
                    | "preceding"
                    | "within"
                    | "spring"
                    | "summer"
                    | "fall"
                    | "autumn"
                    | "winter"
                    | "final"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | "since"
                    | "before"
                    | "after"
                    | "until"
                    | "till"
                    | "year"
                    | "rest"
                    | "twenty"
                    | "thirty"
            ))
}

/// True for a word that can open a duration or an event-relative day.
fn may_start_duration(w: &str) -> bool {
    lex::small_number(w).is_some()
        || lex::unit(w, false).is_some()
        || matches!(
            w,
            "a" | "an"
                | "another"
                | "all"
                | "full"
                | "whole"
                | "half"
                | "few"
                | "couple"
                | "several"
                | "the"
                | "next"
                | "more"
                | "longer"
                | "upwards"
                | "just"
                | "well"
                | "slightly"
                | "over"
                | "beyond"
                | "at"
                | "no"
                | "less"
                | "fewer"
                | "shorter"
                | "under"
                | "up"
                | "about"
                | "around"
                | "roughly"
                | "approximately"
                | "nearly"
                | "almost"
                | "some"
                | "circa"
                | "approx"
                | "close"
        )
}

/// `d` moved by a date-only TIMEX duration ("P1M21D") in direction `sign`.
fn shift(d: Date, timex: &str, sign: i64) -> Option<Date> {
    let body = timex.strip_prefix('P')?;
    if body.as_bytes().contains(&b'T') {
        return None;
    }
    // Each letter sets its unit, as on a jiff `Span`; the TIMEX has one sign.
    let (mut years, mut months, mut weeks, mut days) = (0, 0, 0, 0);
    let mut num = String::new();
    for c in body.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n = crate::num::parse_int(&num)?;
        num.clear();
        let n = n * sign;
        match c {
            'Y' => years = n,
            'M' => months = n,
            'W' => weeks = n,
            'D' => days = n,
            _ => return None,
        }
    }
    d.add_span(years, months, weeks, days)
}

/// Order of units from the largest.
fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Century => 10,
        Unit::Decade => 9,
        Unit::Year => 8,
        Unit::Quarter => 7,
        Unit::Month => 6,
        Unit::Fortnight => 5,
        Unit::Week => 4,
        Unit::Day => 3,
        Unit::Hour => 2,
        Unit::Minute => 1,
        Unit::Second => 0,
    }
}

/// The interval a hedged figure stands for.
fn interval(v: f64, precision: f64, q: Qualifier) -> (f64, f64) {
    let slack = (v * 0.1).max(precision);
    match q {
        Qualifier::Exact | Qualifier::Range => (v, v),
        Qualifier::Approximate => (v - slack, v + slack),
        Qualifier::AtLeast => (v, f64::MAX),
        Qualifier::MoreThan => (v, f64::MAX),
        Qualifier::AtMost => (0.0, v),
        Qualifier::LessThan => (0.0, v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_no_for_the_agrees_with_the_full_day_scan() {
        // `any_day` answers "no" at once for a "the" that is neither before a day number
        // nor in "the day before/after": the full scan must say the same at each of them,
        // over real text (and the shortcut must be taken, or this tests nothing).
        let mut taken = 0;
        for text in crate::testing::corpus() {
            let doc = Doc::new(&text);
            let scan = Scan::new(&doc, "2026-01-07".parse().ok());
            for j in 0..scan.toks.len() {
                if scan.is(j, "the") && !scan.is(j + 1, "day") && scan.day_num(j + 1).is_none() {
                    taken += 1;
                    assert!(scan.any_day_uncached(j).is_none(), "{:?}", scan.raw(j + 1));
                }
            }
        }
        assert!(taken > 500, "{taken}");
    }
}
