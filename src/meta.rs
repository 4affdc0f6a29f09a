//! Article metadata: from the caller, from a front-matter block, or from what the text
//! carries (header lines, "Posted ..." lines, datelines, byline addresses), each with its provenance.
//!
//! Caller values always win. Everything read from the text keeps the verbatim evidence it
//! was read from, and the lines that are metadata rather than article body are returned as
//! byte ranges to leave out of extraction (a "Posted January. 07, 2026" line is not a claim).

use crate::extract::dates::month_number;
use crate::model::{Field, Metadata, Provenance, SourceInput};
use crate::scan::{is_word, skip_ws, word_at, ws_len};
use crate::text::{self, Join, Lowercase};
use crate::words::{pairs, words, Pairs, Words};
use std::ops::Range;

/// Metadata found in a text, and the ranges of the original text that are metadata
/// rather than article body (their mentions are not claims).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detected {
    /// The metadata, caller values first.
    pub metadata: Metadata,
    /// Byte ranges of the original text to leave out of extraction.
    pub skip: Vec<Range<usize>>,
}

/// E-mail and web domains of news outlets, and the outlet's name. A domain matches itself
/// and its subdomains ("newsis.com" matches "en.newsis.com").
pub static OUTLET_DOMAINS: Pairs = pairs![
    ("donga.com", "Dong-A Ilbo"),
    ("chinadaily.com.cn", "China Daily"),
    ("xinhuanet.com", "Xinhua"),
    ("news.cn", "Xinhua"),
    ("xinhua.org", "Xinhua"),
    ("yna.co.kr", "Yonhap"),
    ("yonhapnews.co.kr", "Yonhap"),
    ("yonhap.co.kr", "Yonhap"),
    ("koreaherald.com", "The Korea Herald"),
    ("heraldcorp.com", "The Korea Herald"),
    ("koreatimes.co.kr", "The Korea Times"),
    ("joongang.co.kr", "Korea JoongAng Daily"),
    ("joins.com", "Korea JoongAng Daily"),
    ("chosun.com", "The Chosun Ilbo"),
    ("hani.co.kr", "The Hankyoreh"),
    ("kbs.co.kr", "KBS"),
    ("arirang.com", "Arirang"),
    ("reuters.com", "Reuters"),
    ("thomsonreuters.com", "Reuters"),
    ("apnews.com", "Associated Press"),
    ("ap.org", "Associated Press"),
    ("afp.com", "AFP"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("cnn.com", "CNN"),
    ("nytimes.com", "The New York Times"),
    ("washpost.com", "The Washington Post"),
    ("washingtonpost.com", "The Washington Post"),
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("wsj.com", "The Wall Street Journal"),
    ("ft.com", "Financial Times"),
    ("bloomberg.net", "Bloomberg"),
    ("bloomberg.com", "Bloomberg"),
    ("scmp.com", "South China Morning Post"),
    ("globaltimes.cn", "Global Times"),
    ("cgtn.com", "CGTN"),
    ("people.cn", "People's Daily"),
    ("peopledaily.com.cn", "People's Daily"),
    ("kyodonews.jp", "Kyodo"),
    ("kyodonews.net", "Kyodo"),
    ("nikkei.com", "Nikkei"),
    ("japantimes.co.jp", "The Japan Times"),
    ("asahi.com", "The Asahi Shimbun"),
    ("aljazeera.net", "Al Jazeera"),
    ("aljazeera.com", "Al Jazeera"),
    ("dw.com", "Deutsche Welle"),
    ("france24.com", "France 24"),
    ("npr.org", "NPR"),
    ("foxnews.com", "Fox News"),
    ("nbcnews.com", "NBC News"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("usatoday.com", "USA Today"),
    ("latimes.com", "Los Angeles Times"),
    ("politico.com", "Politico"),
    ("axios.com", "Axios"),
    ("straitstimes.com", "The Straits Times"),
    ("sph.com.sg", "The Straits Times"),
    ("thehindu.com", "The Hindu"),
    ("timesofindia.com", "The Times of India"),
    ("abc.net.au", "ABC News (Australia)"),
    ("smh.com.au", "The Sydney Morning Herald"),
    ("tass.ru", "TASS"),
    ("tass.com", "TASS"),
    ("aa.com.tr", "Anadolu Agency"),
    ("upi.com", "UPI"),
    ("nknews.org", "NK News"),
];

/// Agency names as written in datelines and header lines ("(Xinhua)", "(AP)"), and the outlet's name.
pub static AGENCY_NAMES: Pairs = pairs![
    ("xinhua", "Xinhua"),
    ("yonhap", "Yonhap"),
    ("ap", "Associated Press"),
    ("the associated press", "Associated Press"),
    ("associated press", "Associated Press"),
    ("reuters", "Reuters"),
    ("afp", "AFP"),
    ("upi", "UPI"),
    ("kyodo", "Kyodo"),
    ("tass", "TASS"),
    ("bloomberg", "Bloomberg"),
    ("cnn", "CNN"),
    ("bernama", "Bernama"),
    ("antara", "Antara"),
    ("dpa", "DPA"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
    ("pti", "PTI"),
    ("ians", "IANS"),
    ("anadolu", "Anadolu Agency"),
    ("kcna", "KCNA"),
    ("chinadaily.com.cn", "China Daily"),
    ("china daily", "China Daily"),
    ("people's daily", "People's Daily"),
    ("people's daily online", "People's Daily"),
    ("ecns", "China News Service"),
    ("china news service", "China News Service"),
    ("global times", "Global Times"),
    ("cgtn", "CGTN"),
    ("the korea herald", "The Korea Herald"),
    ("korea herald", "The Korea Herald"),
    ("the korea times", "The Korea Times"),
    ("korea times", "The Korea Times"),
    ("dong-a ilbo", "Dong-A Ilbo"),
    ("the dong-a ilbo", "Dong-A Ilbo"),
];

/// The outlet name of an e-mail or web domain, if the domain is a known outlet's.
pub fn outlet_of_domain(domain: &str) -> Option<&'static str> {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let d = d.strip_prefix("www.").unwrap_or(&d);
    OUTLET_DOMAINS.iter().find_map(|(dom, name)| {
        let sub = d.len() > dom.len()
            && d.ends_with(dom)
            && d.as_bytes().get(d.len() - dom.len() - 1) == Some(&b'.');
        (d == dom || sub).then_some(name)
    })
}

/// The outlet name of an agency as written in a dateline or header ("Xinhua", "AP").
pub fn outlet_of_agency(name: &str) -> Option<&'static str> {
    let n = name.trim().lowercase();
    AGENCY_NAMES.get(&n)
}

// The header patterns are hand-written scanners over bytes rather than regular expressions
// (the regex crates were most of the web module's size). Each one reproduces a pattern that
// is kept, verbatim, in the tests, where a differential test checks the scanner against it.
// Conventions, as in the patterns (`(?-u)`): a word byte is [0-9A-Za-z_], case folding is
// ASCII only, and "ws" is the Unicode White_Space set of `ws!()`. Every scanner only stops
// or slices at ASCII bytes and at the ends of whole characters, so never inside a character.

/// True when the byte before `i` is a word byte.
fn word_before(s: &[u8], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| word_at(s, j))
}

/// True when the byte at `i` satisfies `f`.
fn at(s: &[u8], i: usize, f: impl Fn(u8) -> bool) -> bool {
    s.get(i).copied().is_some_and(f)
}

/// The end of a run of `ws!()` characters and hyphens (`(?:[\s-]|ws)+`) from `i`.
fn skip_ws_or_hyphen(s: &[u8], mut i: usize) -> usize {
    loop {
        match ws_len(s, i) {
            0 if s.get(i) == Some(&b'-') => i += 1,
            0 => return i,
            n => i += n,
        }
    }
}

/// The end of a run of bytes satisfying `f` from `i`.
fn run(s: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while at(s, i, &f) {
        i += 1;
    }
    i
}

/// The end of a run of spaces and tabs (`[ \t]*`) from `i`.
fn skip_blank(s: &[u8], i: usize) -> usize {
    run(s, i, |b| b == b' ' || b == b'\t')
}

/// The number of ASCII digits from `i`.
fn digits(s: &[u8], i: usize) -> usize {
    run(s, i, |b| b.is_ascii_digit()) - i
}

/// The value of the ASCII digits `s[range]` (at most four of them).
fn number(s: &[u8], range: Range<usize>) -> i16 {
    s.get(range)
        .unwrap_or_default()
        .iter()
        .fold(0, |n, b| n * 10 + i16::from(b - b'0'))
}

/// True when `s` has `word` at `i`, ASCII case-insensitively.
fn has_ci(s: &[u8], i: usize, word: &str) -> bool {
    s.get(i..i + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// True when `s` has `lit` at `i`, exactly.
fn has(s: &[u8], i: usize, lit: &[u8]) -> bool {
    s.get(i..).is_some_and(|w| w.starts_with(lit))
}

/// True when `w` ends with `suffix`, ASCII case-insensitively.
fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len()
        .checked_sub(suffix.len())
        .and_then(|k| w.as_bytes().get(k..))
        .is_some_and(|t| t.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// The month of a whole month word as the header patterns spell it, any case: "jan",
/// "January", "SEPT" (the `MONTHS` alternation of the original patterns). This is the dates
/// extractor's table without its "febr", which the header patterns never accepted.
fn month_word(w: &[u8]) -> Option<u8> {
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..w.len())?;
    for (l, b) in lower.iter_mut().zip(w) {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        *l = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(lower).ok()?;
    if lower == "febr" {
        return None;
    }
    month_number(lower)
}

/// The month word (an ASCII letter run) starting at `i`: its month and end.
fn month_at(s: &[u8], i: usize) -> Option<(u8, usize)> {
    let end = run(s, i, |b| b.is_ascii_alphabetic());
    Some((month_word(s.get(i..end)?)?, end))
}

/// The end of an ordinal suffix ("st", "nd", "rd", "th", any case) at `i`, or `i`.
fn ordinal_suffix(s: &[u8], i: usize) -> usize {
    if ["st", "nd", "rd", "th"].iter().any(|x| has_ci(s, i, x)) {
        i + 2
    } else {
        i
    }
}

/// A full calendar date matched by [`date_at`]: its range and year, month and day numbers.
struct DateHit {
    range: Range<usize>,
    y: i16,
    m: i16,
    d: i16,
}

/// A full calendar date starting at `i`, in the forms news sites print: ISO
/// ("2026-01-07", also with "/" or "."), "January 7, 2026", "January. 07, 2026", "7 January
/// 2026", "06-Jan-2026". The original pattern, with `ws` the `ws!()` class:
/// `\b(?:(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})
/// |(?P<mn>MONTHS)(?:\.ws*|ws+)(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,ws*|ws+)(?P<y2>\d{4})
/// |(?P<d3>\d{1,2})(?:st|nd|rd|th)?(?:[\s-]|ws)+(?P<mn3>MONTHS)\.?(?:,ws*|(?:[\s-]|ws)+)(?P<y3>\d{4}))\b`
/// (case-insensitive). Every quantifier there has one way to match at most, so a scan in
/// order is exact.
fn date_at(s: &[u8], i: usize) -> Option<DateHit> {
    if word_before(s, i) || !word_at(s, i) {
        return None;
    }
    // A 4-digit year closing the match at a word boundary.
    let year = |p: usize| (digits(s, p) >= 4 && !word_at(s, p + 4)).then(|| number(s, p..p + 4));
    let sep = |p: usize| at(s, p, |b| matches!(b, b'-' | b'/' | b'.'));
    let n = digits(s, i);
    if n == 4 && sep(i + 4) {
        let m = digits(s, i + 5);
        let d0 = i + 6 + m;
        let d = digits(s, d0);
        if (1..=2).contains(&m) && sep(i + 5 + m) && (1..=2).contains(&d) && !word_at(s, d0 + d) {
            return Some(DateHit {
                range: i..d0 + d,
                y: number(s, i..i + 4),
                m: number(s, i + 5..i + 5 + m),
                d: number(s, d0..d0 + d),
            });
        }
    }
    if (1..=2).contains(&n) {
        // "7 January 2026", "7th-Jan.-2026", "06 Jan., 2026".
        let p = ordinal_suffix(s, i + n);
        let q = skip_ws_or_hyphen(s, p);
        if q == p {
            return None;
        }
        let (month, mut e) = month_at(s, q)?;
        if s.get(e) == Some(&b'.') {
            e += 1;
        }
        let y0 = if s.get(e) == Some(&b',') {
            skip_ws(s, e + 1)
        } else {
            let y0 = skip_ws_or_hyphen(s, e);
            if y0 == e {
                return None;
            }
            y0
        };
        let y = year(y0)?;
        return Some(DateHit {
            range: i..y0 + 4,
            y,
            m: i16::from(month),
            d: number(s, i..i + n),
        });
    }
    // "January 7, 2026", "Jan. 07, 2026", "Jan.6,2026".
    let (month, e) = month_at(s, i)?;
    let d0 = if s.get(e) == Some(&b'.') {
        skip_ws(s, e + 1)
    } else {
        let d0 = skip_ws(s, e);
        if d0 == e {
            return None;
        }
        d0
    };
    let n = digits(s, d0);
    if !(1..=2).contains(&n) {
        return None;
    }
    let p = ordinal_suffix(s, d0 + n);
    let y0 = if s.get(p) == Some(&b',') {
        skip_ws(s, p + 1)
    } else {
        let y0 = skip_ws(s, p);
        if y0 == p {
            return None;
        }
        y0
    };
    let y = year(y0)?;
    Some(DateHit {
        range: i..y0 + 4,
        y,
        m: i16::from(month),
        d: number(s, d0..d0 + n),
    })
}

/// The first [`date_at`] match at or after `from`.
fn next_date(s: &[u8], from: usize) -> Option<DateHit> {
    (from..s.len()).find_map(|i| date_at(s, i))
}

/// Parses the first full calendar date in `s`: its ISO form and its byte range in `s`.
pub fn find_date(s: &str) -> Option<(String, Range<usize>)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(h) = next_date(b, from) {
        let (m, d) = (i8::try_from(h.m).ok(), i8::try_from(h.d).ok());
        if let (Some(m), Some(d)) = (m, d) {
            if let Some(iso) = iso_date(h.y, m, d) {
                return Some((iso, h.range));
            }
        }
        from = h.range.end;
    }
    None
}

/// "Jan. 6" as a whole string: the month and the day's range. The original pattern:
/// `^(?P<mn>MONTHS)\.?ws+(?P<d>\d{1,2})$` (case-insensitive).
fn month_day(s: &str) -> Option<(u8, Range<usize>)> {
    let b = s.as_bytes();
    let (month, mut e) = month_at(b, 0)?;
    if b.get(e) == Some(&b'.') {
        e += 1;
    }
    let d0 = skip_ws(b, e);
    let n = digits(b, d0);
    (d0 > e && (1..=2).contains(&n) && d0 + n == b.len()).then_some((month, d0..d0 + n))
}

/// A "date 2026-01-06 Headline" header line, as matched by [`date_prefix`].
struct DatePrefix {
    /// "date 2026-01-06" with an optional time.
    lead: Range<usize>,
    /// "2026-01-06".
    date: Range<usize>,
    /// The headline after it.
    rest: Option<Range<usize>>,
}

/// A "date 2026-01-06 Headline" header line. The original pattern:
/// `^[ \t]*(?P<lead>date[ \t]*:?[ \t]*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)
/// (?:[ \t]+(?P<rest>[^ws](?u-i:.)*?))?[ \t]*$` (case-insensitive).
fn date_prefix(line: &str) -> Option<DatePrefix> {
    let s = line.as_bytes();
    // Nothing in the pattern matches a line feed, and it spans the whole line.
    if s.contains(&b'\n') {
        return None;
    }
    let i = skip_blank(s, 0);
    if !has_ci(s, i, "date") {
        return None;
    }
    let mut p = skip_blank(s, i + 4);
    if s.get(p) == Some(&b':') {
        p += 1;
    }
    let p = skip_blank(s, p);
    let two = |q: usize| digits(s, q) >= 2;
    let iso = digits(s, p) >= 4
        && s.get(p + 4) == Some(&b'-')
        && two(p + 5)
        && s.get(p + 7) == Some(&b'-')
        && two(p + 8);
    if !iso {
        return None;
    }
    let date = p..p + 10;
    let after = date.end;
    let trimmed_end = s.len()
        - s.iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    // The line after the lead: a headline, or only blanks.
    let tail = |t: usize| -> Option<Option<Range<usize>>> {
        let u = skip_blank(s, t);
        if u > t && u < s.len() && ws_len(s, u) == 0 {
            return Some(Some(u..trimmed_end.max(u)));
        }
        (u == s.len()).then_some(None)
    };
    // The optional time, longest first: with seconds, then without; each with "Z", then without.
    let mut ends = [None; 4];
    if at(s, after, |b| matches!(b, b'T' | b't' | b' '))
        && two(after + 1)
        && s.get(after + 3) == Some(&b':')
        && two(after + 4)
    {
        let m = after + 6;
        let z = |e: usize| at(s, e, |b| b == b'Z' || b == b'z').then_some(e + 1);
        if s.get(m) == Some(&b':') && two(m + 1) {
            ends[0] = z(m + 3);
            ends[1] = Some(m + 3);
        }
        ends[2] = z(m);
        ends[3] = Some(m);
    }
    ends.into_iter()
        .flatten()
        .chain(std::iter::once(after))
        .find_map(|t| {
            tail(t).map(|rest| DatePrefix {
                lead: i..t,
                date: date.clone(),
                rest,
            })
        })
}

/// A dateline at the start of a line, as matched by [`dateline_at`].
struct DatelineHit {
    /// The end of the dateline with its dash and the blanks after it.
    end: usize,
    place: Range<usize>,
    region: Option<Range<usize>>,
    /// "Jan. 6".
    md: Option<Range<usize>>,
    /// The agency inside its parentheses.
    agency: Option<Range<usize>>,
}

/// The end of a dateline, its month-day and its agency.
type DatelineTail = (usize, Option<Range<usize>>, Option<Range<usize>>);

/// The end of a dateline dash at `i`: "--", an em or en dash, or a hyphen.
fn dash_at(s: &[u8], i: usize) -> Option<usize> {
    if has(s, i, b"--") {
        Some(i + 2)
    } else if has(s, i, "\u{2014}".as_bytes()) || has(s, i, "\u{2013}".as_bytes()) {
        Some(i + 3)
    } else {
        (s.get(i) == Some(&b'-')).then_some(i + 1)
    }
}

/// The rest of a dateline from `i` after its place and region: `[ \t]*(?:\((?P<agency>
/// [A-Za-z][A-Za-z .&'/-]{0,30})\))?[ \t]*(?:--|\u{2014}|\u{2013}|-)[ \t]*`. Returns the end and
/// the agency.
fn dateline_dash(s: &[u8], i: usize) -> Option<(usize, Option<Range<usize>>)> {
    let q = skip_blank(s, i);
    if s.get(q) == Some(&b'(') && at(s, q + 1, |b| b.is_ascii_alphabetic()) {
        let close = run(s, q + 2, |b| {
            b.is_ascii_alphabetic() || matches!(b, b' ' | b'.' | b'&' | b'\'' | b'/' | b'-')
        });
        if close - (q + 2) <= 30 && s.get(close) == Some(&b')') {
            if let Some(e) = dash_at(s, skip_blank(s, close + 1)) {
                return Some((skip_blank(s, e), Some(q + 1..close)));
            }
        }
    }
    dash_at(s, q).map(|e| (skip_blank(s, e), None))
}

/// The rest of a dateline from `i` after its place and region: an optional ", Jan. 6"
/// (`(?:,[ \t]*(?P<md>(?i:MONTHS)\.?[ \t]+\d{1,2}))?`), then [`dateline_dash`].
/// Returns the end, the month-day and the agency.
fn dateline_md(s: &[u8], i: usize) -> Option<DatelineTail> {
    if s.get(i) == Some(&b',') {
        let a = skip_blank(s, i + 1);
        if let Some((_, mut e)) = month_at(s, a) {
            if s.get(e) == Some(&b'.') {
                e += 1;
            }
            let d0 = skip_blank(s, e);
            let n = digits(s, d0).min(2);
            if d0 > e && n > 0 {
                if let Some((end, agency)) = dateline_dash(s, d0 + n) {
                    return Some((end, Some(a..d0 + n), agency));
                }
            }
        }
    }
    dateline_dash(s, i).map(|(end, agency)| (end, None, agency))
}

/// A dateline at the start of a paragraph: "BEIJING, Jan. 6 (Xinhua) --", "SEOUL --",
/// "WASHINGTON (AP) —", "SAN DIEGO, Calif. (Reuters) -". The original pattern (case-sensitive):
/// `^[ \t]*(?P<place>[A-Z](?:[A-Z.' -]|\u{2019})*[A-Z.])(?:,[ \t]*(?P<region>[A-Z][A-Za-z.]*
/// (?:[ \t][A-Z][A-Za-z.]*)?))??` then [`dateline_md`]. The place is tried longest first, each
/// without a region and then with one.
fn dateline_at(line: &str) -> Option<DatelineHit> {
    let s = line.as_bytes();
    let st = skip_blank(s, 0);
    if !at(s, st, |b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut r = st + 1;
    loop {
        if at(s, r, |b| {
            b.is_ascii_uppercase() || matches!(b, b'.' | b'\'' | b' ' | b'-')
        }) {
            r += 1;
        } else if has(s, r, "\u{2019}".as_bytes()) {
            r += 3;
        } else {
            break;
        }
    }
    let letters = |b: u8| b.is_ascii_alphabetic() || b == b'.';
    let upper = |i: usize| at(s, i, |b| b.is_ascii_uppercase());
    (st + 1..r).rev().find_map(|j| {
        if !at(s, j, |b| b.is_ascii_uppercase() || b == b'.') {
            return None;
        }
        let p = j + 1;
        let hit = |region: Option<Range<usize>>, (end, md, agency): DatelineTail| DatelineHit {
            end,
            place: st..p,
            region,
            md,
            agency,
        };
        if let Some(m) = dateline_md(s, p) {
            return Some(hit(None, m));
        }
        if s.get(p) != Some(&b',') {
            return None;
        }
        let q = skip_blank(s, p + 1);
        if !upper(q) {
            return None;
        }
        let e1 = run(s, q + 1, letters);
        if at(s, e1, |b| b == b' ' || b == b'\t') && upper(e1 + 1) {
            let e2 = run(s, e1 + 2, letters);
            if let Some(m) = dateline_md(s, e2) {
                return Some(hit(Some(q..e2), m));
            }
        }
        dateline_md(s, e1).map(|m| hit(Some(q..e1), m))
    })
}

/// A "By NAME" byline as matched by [`byline_at`]: the name, and what follows a separator.
struct BylineHit {
    name: Range<usize>,
    rest: Option<Range<usize>>,
}

/// A "By NAME" byline, with an optional outlet after a comma, bar, slash or dash. The
/// original pattern: `^[ \t]*(?i:by)[ \t]+(?P<name>[A-Z](?:[\w.'-]|\u{2019})*(?:[ \t]+(?:[A-Z]
/// (?:[\w.'-]|\u{2019})*|and|de|van|von|bin))*)(?:[ \t]*(?:,|\||/|--|\u{2014}|\u{2013})[ \t]*
/// (?P<rest>(?u-i:.)*?))?[ \t]*$`. The name takes words greedily; where the line does not end
/// (blanks, or a separator and anything) after them, the pattern backtracks, and the match is
/// the one from the deepest word that can end the name, as a backtracking matcher would find it.
fn byline_at(line: &str) -> Option<BylineHit> {
    let s = line.as_bytes();
    if s.contains(&b'\n') {
        return None;
    }
    let i = skip_blank(s, 0);
    if !(has_ci(s, i, "by")) {
        return None;
    }
    let j = skip_blank(s, i + 2);
    if j == i + 2 || !at(s, j, |b| b.is_ascii_uppercase()) {
        return None;
    }
    // `(?:[\w.'-]|\u{2019})*`
    let word_end = |mut k: usize| loop {
        if at(s, k, |b| is_word(b) || matches!(b, b'.' | b'\'' | b'-')) {
            k += 1;
        } else if has(s, k, "\u{2019}".as_bytes()) {
            k += 3;
        } else {
            break k;
        }
    };
    let trimmed_end = s.len()
        - s.iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    // The rest after a separator ending at `e`: the line up to its trailing blanks.
    let rest = |e: usize| {
        let r = skip_blank(s, e);
        r..trimmed_end.max(r)
    };
    // How the line may end after the name: a separator and a rest, or blanks only.
    let ending = |p: usize| -> Option<Option<Range<usize>>> {
        let q = skip_blank(s, p);
        if matches!(s.get(q), Some(b',' | b'|' | b'/')) {
            Some(Some(rest(q + 1)))
        } else if has(s, q, b"--") {
            Some(Some(rest(q + 2)))
        } else if has(s, q, "\u{2014}".as_bytes()) || has(s, q, "\u{2013}".as_bytes()) {
            Some(Some(rest(q + 3)))
        } else {
            (q == s.len()).then_some(None)
        }
    };
    let (mut start, mut end, mut capital) = (j, word_end(j + 1), true);
    let mut best = None;
    loop {
        if let Some(r) = ending(end) {
            best = Some((end, r));
        } else if capital {
            // A capitalised word given back up to a "--" inside it: "Kim--Yonhap".
            if let Some(e) = (start + 1..end).rev().find(|&e| has(s, e, b"--")) {
                best = Some((e, Some(rest(e + 2))));
            }
        }
        let g = skip_blank(s, end);
        if g == end {
            break;
        }
        if at(s, g, |b| b.is_ascii_uppercase()) {
            (start, end, capital) = (g, word_end(g + 1), true);
        } else if let Some(w) = ["and", "de", "van", "von", "bin"]
            .iter()
            .find(|w| has(s, g, w.as_bytes()))
        {
            (start, end, capital) = (g, g + w.len(), false);
        } else {
            break;
        }
    }
    best.map(|(e, rest)| BylineHit { name: j..e, rest })
}

/// The agency of a "Source: Xinhua|" date line: the capture of the original pattern
/// `\bsourcews*:ws*([A-Z][\w.' -]{1,40}?)ws*(?:\||$)` (case-insensitive).
fn source_name(line: &str) -> Option<Range<usize>> {
    let s = line.as_bytes();
    (0..s.len()).find_map(|i| {
        if word_before(s, i) || !has_ci(s, i, "source") {
            return None;
        }
        let p = skip_ws(s, i + 6);
        if s.get(p) != Some(&b':') {
            return None;
        }
        let g = skip_ws(s, p + 1);
        if !at(s, g, |b| b.is_ascii_alphabetic()) {
            return None;
        }
        let mut q = g + 1;
        for _ in 0..40 {
            if !at(s, q, |b| {
                is_word(b) || matches!(b, b'.' | b'\'' | b' ' | b'-')
            }) {
                break;
            }
            q += 1;
            let r = skip_ws(s, q);
            if r == s.len() || s.get(r) == Some(&b'|') {
                return Some(g..q);
            }
        }
        None
    })
}

/// Labels of publication and update lines, in the order the original pattern tries them:
/// `^[ \t(]*(?P<label>posted|published|...|edited)\b` (case-insensitive).
const LABELS: Words = words![
    "posted",
    "published",
    "first published",
    "updated",
    "last updated",
    "last modified",
    "modified",
    "date",
    "edited",
];

/// The label of a publication or update line, lower case.
fn label_of(line: &str) -> Option<&'static str> {
    let s = line.as_bytes();
    let i = run(s, 0, |b| matches!(b, b' ' | b'\t' | b'('));
    LABELS
        .iter()
        .find(|l| has_ci(s, i, l) && !word_at(s, i + l.len()))
}

/// Words after "Source:", "Editor:"... on a date line.
const FILLER_KEYS: Words = words!["source", "editor", "editors", "reporter", "writer", "photo"];
/// Time zones on a date line.
const FILLER_ZONES: Words = words![
    "kst", "gmt", "utc", "cst", "est", "edt", "pst", "pdt", "bst", "cet", "jst", "hkt", "sgt",
    "et", "pt", "ct", "mt", "cest", "ist",
];
/// Weekday stems and endings on a date line: any stem, with or without any ending.
const FILLER_WEEKDAYS: Words =
    words!["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",];
const FILLER_WEEKDAY_ENDS: Words = words!["day", "nesday", "sday", "rsday", "urday"];
/// Other whole words that are filler on a date line.
const FILLER_WORDS: Words = words!["updated", "posted", "published", "on", "at"];

/// The end of a `[+-]` time-zone offset at `i`: `[+-]\d{1,2}(?::?\d{2})?\b` (its companion
/// `[+-]\d{2}:?\d{2}\b` matches nothing more).
fn offset_at(s: &[u8], i: usize) -> Option<usize> {
    if !at(s, i, |b| b == b'+' || b == b'-') {
        return None;
    }
    let n = digits(s, i + 1);
    [2, 1].into_iter().filter(|&k| k <= n).find_map(|k| {
        let a = i + 1 + k;
        let colon = (s.get(a) == Some(&b':') && digits(s, a + 1) >= 2).then_some(a + 3);
        let plain = (digits(s, a) >= 2).then_some(a + 2);
        [colon, plain, Some(a)]
            .into_iter()
            .flatten()
            .find(|&e| !word_at(s, e))
    })
}

/// The end of what may remain on a metadata date line besides the date, matched at `i`:
/// times, zones, weekdays, separators. The original pattern (case-insensitive):
/// `\b(?:source|editor|editors|reporter|writer|photo)ws*:ws*[A-Z][\w.'-]*(?:ws+[A-Z][\w.'-]*)?
/// |\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:a\.?m|p\.?m)\.?|\b(?:kst|gmt|...|ist)\b|[+-]\d{1,2}(?::?\d{2})?\b
/// |[+-]\d{2}:?\d{2}\b|\b(?:mon|tue|...|sun)(?:day|nesday|sday|rsday|urday)?\b\.?|[,|/()\[\]:;-]
/// |\bupdated\b|\bposted\b|\bpublished\b|\b(?:on|at)\b`, alternatives tried in that order.
fn filler_at(s: &[u8], i: usize) -> Option<usize> {
    let &b = s.get(i)?;
    if is_word(b) && !word_before(s, i) {
        let name_word = |k: usize| run(s, k, |b| is_word(b) || matches!(b, b'.' | b'\'' | b'-'));
        for key in FILLER_KEYS {
            if !has_ci(s, i, key) {
                continue;
            }
            let p = skip_ws(s, i + key.len());
            if s.get(p) != Some(&b':') {
                continue;
            }
            let q = skip_ws(s, p + 1);
            if !at(s, q, |b| b.is_ascii_alphabetic()) {
                continue;
            }
            let e = name_word(q + 1);
            let g = skip_ws(s, e);
            if g > e && at(s, g, |b| b.is_ascii_alphabetic()) {
                return Some(name_word(g + 1));
            }
            return Some(e);
        }
        let n = digits(s, i);
        if (1..=2).contains(&n) && s.get(i + n) == Some(&b':') && digits(s, i + n + 1) >= 2 {
            let m = i + n + 3;
            if s.get(m) == Some(&b':') && digits(s, m + 1) >= 2 && !word_at(s, m + 3) {
                return Some(m + 3);
            }
            if !word_at(s, m) {
                return Some(m);
            }
        }
        if matches!(b, b'a' | b'A' | b'p' | b'P') {
            let m = |k: usize| at(s, k, |b| b == b'm' || b == b'M').then_some(k + 1);
            let e = if s.get(i + 1) == Some(&b'.') {
                m(i + 2).or_else(|| m(i + 1))
            } else {
                m(i + 1)
            };
            if let Some(e) = e {
                return Some(if s.get(e) == Some(&b'.') { e + 1 } else { e });
            }
        }
        let end = run(s, i, is_word);
        let w = s.get(i..end).unwrap_or_default();
        let one_of =
            |w: &[u8], list: Words| list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()));
        if one_of(w, FILLER_ZONES) {
            return Some(end);
        }
        let weekday = FILLER_WEEKDAYS.iter().any(|stem| {
            w.get(..stem.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(stem.as_bytes()))
                && w.get(stem.len()..)
                    .is_some_and(|t| t.is_empty() || one_of(t, FILLER_WEEKDAY_ENDS))
        });
        if weekday {
            return Some(if s.get(end) == Some(&b'.') {
                end + 1
            } else {
                end
            });
        }
        if one_of(w, FILLER_WORDS) {
            return Some(end);
        }
        return None;
    }
    if let Some(e) = offset_at(s, i) {
        return Some(e);
    }
    matches!(
        b,
        b',' | b'|' | b'/' | b'(' | b')' | b'[' | b']' | b':' | b';' | b'-'
    )
    .then_some(i + 1)
}

/// `s` with every match of `matcher` (the end of a match starting at a byte, if any) replaced
/// by one space, matches taken left to right without overlap.
fn replace_with_space(s: &str, matcher: impl Fn(&[u8], usize) -> Option<usize>) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut last, mut i) = (0, 0);
    while i < b.len() {
        match matcher(b, i).filter(|&e| e > i) {
            Some(e) => {
                out.push_str(s.get(last..i).unwrap_or(""));
                out.push(' ');
                (last, i) = (e, e);
            }
            None => i += 1,
        }
    }
    out.push_str(s.get(last..).unwrap_or(""));
    out
}

/// An ISO date string if `y-m-d` is a real calendar day in a plausible news year.
fn iso_date(y: i16, m: i8, d: i8) -> Option<String> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let date = crate::civil::Date::new(y, m, d)?;
    Some(date.to_string())
}

/// One line of the original text: its byte range without the line break, and its text.
struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes().get(i - 1) == Some(&b'\r') {
                i - 1
            } else {
                i
            };
            out.push(Line {
                range: start..end,
                text: text.get(start..end).unwrap_or(""),
            });
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Line {
            range: start..text.len(),
            text: text.get(start..).unwrap_or(""),
        });
    }
    out
}

/// Fields read from the text, before caller values are applied.
#[derive(Default)]
struct Found {
    outlet: Option<Field>,
    url: Option<Field>,
    published: Option<Field>,
    updated: Option<Field>,
    title: Option<Field>,
    dateline: Option<Field>,
    /// The dateline's month and day ("Jan. 6"), with its evidence.
    dateline_day: Option<(i8, i8, String)>,
    skip: Vec<Range<usize>>,
}

fn field(value: impl Into<String>, from: Provenance, evidence: &str) -> Field {
    Field {
        value: value.into(),
        from,
        evidence: Some(evidence.trim().to_string()),
    }
}

fn set_if_none(slot: &mut Option<Field>, f: Field) {
    if slot.is_none() {
        *slot = Some(f);
    }
}

/// Strips matching quotes around a front-matter value.
fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v.get(1..v.len() - 1).unwrap_or(v).trim();
        }
    }
    v
}

/// The host of a URL ("https://www.donga.com/en/..." -> "www.donga.com").
fn url_host(url: &str) -> Option<&str> {
    let rest = text::find_str(url, "://")
        .and_then(|p| url.get(p + 3..))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty() && host.as_bytes().contains(&b'.')).then_some(host)
}

/// Reads a front-matter block at the very top; returns the index of the first body line.
fn front_matter(lines: &[Line<'_>], f: &mut Found) -> usize {
    let first = lines.iter().position(|l| !l.text.trim().is_empty());
    let Some(first) = first else { return 0 };
    if lines[first].text.trim().trim_start_matches('\u{feff}') != "---" {
        return 0;
    }
    let Some(close) = lines
        .iter()
        .enumerate()
        .skip(first + 1)
        .take(80)
        .find(|(_, l)| matches!(l.text.trim(), "---" | "..."))
        .map(|(i, _)| i)
    else {
        return 0;
    };
    for l in &lines[first + 1..close] {
        let Some((k, v)) = l.text.split_once(':') else {
            continue;
        };
        let key = k.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let value = unquote(v);
        if value.is_empty() {
            continue;
        }
        let ev = l.text;
        match key.as_str() {
            "title" | "headline" => {
                set_if_none(&mut f.title, field(value, Provenance::FrontMatter, ev))
            }
            "date" | "published" | "pubdate" | "pub_date" | "published_at" | "publish_date"
            | "publication_date" | "datepublished" | "date_published" | "published_on" => {
                if let Some((iso, _)) = find_date(value) {
                    set_if_none(&mut f.published, field(iso, Provenance::FrontMatter, ev));
                }
            }
            "updated" | "modified" | "date_modified" | "last_modified" | "updated_at" => {
                if let Some((iso, _)) = find_date(value) {
                    set_if_none(&mut f.updated, field(iso, Provenance::FrontMatter, ev));
                }
            }
            "outlet" | "source" | "publisher" | "publication" | "site" | "site_name"
            | "newspaper" | "agency" => {
                set_if_none(&mut f.outlet, field(value, Provenance::FrontMatter, ev))
            }
            "url" | "link" | "canonical" | "canonical_url" | "permalink" | "source_url" => {
                set_if_none(&mut f.url, field(value, Provenance::FrontMatter, ev))
            }
            "dateline" => set_if_none(&mut f.dateline, field(value, Provenance::FrontMatter, ev)),
            _ => {}
        }
    }
    let start = lines[first].range.start;
    let end = lines[close].range.end;
    f.skip.push(start..end);
    close + 1
}

/// Boilerplate navigation lines that carry nothing.
fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    [
        "go to contents",
        "skip to content",
        "skip to main content",
        "advertisement",
    ]
    .iter()
    .any(|b| line.eq_ignore_ascii_case(b))
}

/// True when a "By ..." match is a byline rather than a sentence ("By Tuesday, the toll rose.").
fn is_byline(line: &str, c: &BylineHit) -> bool {
    let name = line.get(c.name.clone()).unwrap_or("");
    let rest = c
        .rest
        .clone()
        .and_then(|r| line.get(r))
        .map_or("", str::trim);
    let agency = outlet_of_agency(rest).is_some();
    let words = name.split_whitespace().count();
    let calendar = name.split_whitespace().any(|w| {
        // A month word, as "{w} 1" would read as a month and day.
        let w = w.trim_end_matches('.');
        month_word(w.as_bytes()).is_some() || ends_with_ci(w, "day")
    });
    !calendar
        && (words >= 2 || agency)
        && words <= 5
        && rest.split_whitespace().count() <= 6
        && !rest.ends_with('.')
}

/// Reads a dateline at the start of `line`. Returns (place, agency, "Jan. 6", prefix length).
fn dateline(line: &str) -> Option<(String, Option<String>, Option<String>, usize)> {
    let c = dateline_at(line)?;
    let place = line.get(c.place.clone())?.trim();
    let letters = place.chars().filter(|ch| ch.is_alphabetic()).count();
    if letters < 3 || place.chars().any(|ch| ch.is_lowercase()) {
        return None;
    }
    // A dateline opens a body paragraph: text must follow the dash.
    if line.len().saturating_sub(c.end) < 10 {
        return None;
    }
    // "BEIJING -" needs a real dash or an agency/date; a plain hyphen after one word is too weak.
    let dash = line.get(..c.end).unwrap_or("");
    let strong = ["--", "\u{2014}", "\u{2013}"]
        .iter()
        .any(|d| text::contains_str(dash, d));
    if !strong && c.agency.is_none() && c.md.is_none() {
        return None;
    }
    let mut place = place.to_string();
    if let Some(r) = c.region.and_then(|r| line.get(r)) {
        place = format!("{place}, {}", r.trim());
    }
    let text = |r: Option<Range<usize>>| r.and_then(|r| line.get(r));
    Some((
        place,
        text(c.agency).map(|a| a.trim().to_string()),
        text(c.md).map(str::to_string),
        c.end,
    ))
}

/// Reads a metadata date line ("Posted January. 07, 2026 08:58,", "Xinhua) 08:30, January 07, 2026",
/// "Updated: 2026-01-07"). Returns (iso date, is an update line, agency in parentheses).
fn date_line(line: &str) -> Option<(String, bool, Option<String>)> {
    let (iso, r) = find_date(line)?;
    let mut rest = String::with_capacity(line.len());
    rest.push_str(line.get(..r.start).unwrap_or(""));
    rest.push(' ');
    rest.push_str(line.get(r.end..).unwrap_or(""));
    let label = label_of(line);
    let updated = label.is_some_and(|l| {
        text::contains_str(l, "updated") || text::contains_str(l, "modified") || l == "edited"
    });
    // An agency written before a closing parenthesis: "(Xinhua) 08:30," or "Xinhua) 08:30,".
    let source = source_name(line)
        .and_then(|g| line.get(g))
        .map(|m| m.trim().to_string());
    let agency = line.find(')').filter(|&p| p < r.start).and_then(|p| {
        let before = line.get(..p)?;
        let name = text::after_last(before, b'(').trim();
        let ok = !name.is_empty()
            && name.len() <= 40
            && name.split_whitespace().count() <= 4
            && name.chars().next()?.is_uppercase();
        ok.then(|| name.to_string())
    });
    // "Posted : 2026-01-06 17:30 Updated : 2026-01-06 18:10": other dates are filler too.
    let rest = replace_with_space(&rest, |s, i| date_at(s, i).map(|h| h.range.end));
    let mut leftover = replace_with_space(&rest, filler_at);
    if let Some(a) = &agency {
        if let Some(p) = text::find_str(&leftover, a) {
            let (before, after) = (leftover.get(..p), leftover.get(p + a.len()..));
            leftover = [before.unwrap_or(""), after.unwrap_or("")].joined(" ");
        }
    }
    let words = leftover.split_whitespace().count();
    let pure = words == 0 || (label.is_some() && words <= 2);
    pure.then_some((iso, updated, agency.or(source)))
}

/// Byline e-mail addresses: outlet from the domain, and short address lines to skip.
fn byline_addresses(text: &str, lines: &[Line<'_>], f: &mut Found) {
    for (at, _) in text.match_indices('@') {
        let before = text.get(..at).unwrap_or("");
        let after = text.get(at + 1..).unwrap_or("");
        let local_len = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
            .count();
        let domain: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            .collect();
        let domain = domain.trim_end_matches('.');
        if local_len == 0 || !domain.as_bytes().contains(&b'.') {
            continue;
        }
        let start = at - local_len;
        let end = at + 1 + domain.len();
        let address = text.get(start..end).unwrap_or("");
        if let Some(outlet) = outlet_of_domain(domain) {
            set_if_none(&mut f.outlet, field(outlet, Provenance::Byline, address));
        }
        // The whole line is a byline when it is short: "Kyu-Jin Shin newjin@donga.com".
        let idx = lines.partition_point(|l| l.range.end < end);
        if let Some(l) = lines
            .get(idx)
            .filter(|l| l.range.start <= start && end <= l.range.end)
        {
            let t = l.text.trim();
            let words = t.split_whitespace().count();
            if t.len() <= 100 && words <= 8 && !t.ends_with('.') {
                f.skip.push(l.range.clone());
            } else {
                f.skip.push(start..end);
            }
        }
    }
}

/// Reads the header lines, datelines and byline addresses of the body.
fn header(text: &str, lines: &[Line<'_>], body_start: usize, f: &mut Found) {
    let mut seen_body = false;
    let mut nonempty = 0;
    for l in lines.iter().skip(body_start) {
        let t = l.text;
        if t.trim().is_empty() {
            continue;
        }
        nonempty += 1;
        if nonempty > 15 {
            break;
        }
        if is_boilerplate(t) {
            f.skip.push(l.range.clone());
            continue;
        }
        if let Some(c) = date_prefix(t) {
            if let (Some(lead), Some(date)) = (t.get(c.lead.clone()), t.get(c.date)) {
                if let Some((iso, _)) = find_date(date) {
                    set_if_none(&mut f.published, field(iso, Provenance::Header, lead));
                    f.skip
                        .push(l.range.start + c.lead.start..l.range.start + c.lead.end);
                    if let Some(rest) = c.rest.and_then(|r| t.get(r)) {
                        if !seen_body {
                            set_if_none(&mut f.title, field(rest.trim(), Provenance::Header, rest));
                        }
                    }
                    continue;
                }
            }
        }
        // (The length is checked first only to save the scan: the outcome is the same.)
        if let Some(c) = (t.trim().len() <= 120).then(|| byline_at(t)).flatten() {
            if is_byline(t, &c) {
                if let Some(rest) = c.rest.and_then(|r| t.get(r)) {
                    if let Some(o) = outlet_of_agency(rest) {
                        set_if_none(&mut f.outlet, field(o, Provenance::Header, t));
                    }
                }
                f.skip.push(l.range.clone());
                continue;
            }
        }
        if t.len() <= 160 {
            if let Some((iso, updated, agency)) = date_line(t) {
                let slot = if updated {
                    &mut f.updated
                } else {
                    &mut f.published
                };
                set_if_none(slot, field(iso, Provenance::Header, t));
                if let Some(o) = agency.as_deref().and_then(outlet_of_agency) {
                    set_if_none(&mut f.outlet, field(o, Provenance::Header, t));
                }
                f.skip.push(l.range.clone());
                continue;
            }
        }
        if f.dateline.is_none() {
            if let Some((place, agency, md, len)) = dateline(t) {
                let ev = t.get(..len).unwrap_or(t).trim();
                f.dateline = Some(field(place, Provenance::Dateline, ev));
                if let Some(o) = agency.as_deref().and_then(outlet_of_agency) {
                    set_if_none(&mut f.outlet, field(o, Provenance::Dateline, ev));
                }
                let md = md.unwrap_or_default();
                let md_trim = md.trim();
                if let Some((month, d)) = month_day(md_trim) {
                    let m = &md;
                    let month = i8::try_from(month).ok();
                    let day = md_trim
                        .get(d)
                        .and_then(crate::num::parse_int)
                        .and_then(|v| i8::try_from(v).ok());
                    if let (Some(month), Some(day)) = (month, day) {
                        f.dateline_day = Some((month, day, m.trim().to_string()));
                    }
                }
                let lead = t.len() - t.trim_start().len();
                f.skip.push(l.range.start + lead..l.range.start + len);
                seen_body = true;
                continue;
            }
        }
        // A headline: a short line without a closing period before any body paragraph
        // (a Markdown "# Heading" counts, without its marks).
        let trimmed = t.trim();
        let trimmed = match trimmed.strip_prefix('#') {
            Some(h) => h.trim_start_matches('#').trim(),
            None => trimmed,
        };
        // Wire tags before a headline: "(LEAD) S. Korea, China agree ...", "(URGENT) ...".
        let trimmed = match trimmed.strip_prefix('(').and_then(|r| r.split_once(')')) {
            Some((tag, rest))
                if tag.len() <= 20
                    && tag.chars().all(|c| !c.is_lowercase())
                    && !rest.trim().is_empty() =>
            {
                rest.trim()
            }
            _ => trimmed,
        };
        let words = trimmed.split_whitespace().count();
        let headline_like = !seen_body
            && (2..=25).contains(&words)
            && trimmed.len() <= 200
            && !trimmed.ends_with(['.', ',', ':', ';'])
            && trimmed
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
        if headline_like {
            set_if_none(&mut f.title, field(trimmed, Provenance::Header, trimmed));
        } else if words > 25 || trimmed.ends_with('.') {
            seen_body = true;
        }
    }
    byline_addresses(text, lines, f);
}

/// Infers the year of a dateline day from the full dates of the text: only when every
/// full date in the text has the same year.
fn dateline_published(text: &str, month: i8, day: i8) -> Option<String> {
    let mut year: Option<i16> = None;
    let mut rest = text;
    while let Some((iso, r)) = find_date(rest) {
        let y = i16::try_from(crate::num::parse_int(iso.get(..4)?)?).ok()?;
        match year {
            None => year = Some(y),
            Some(prev) if prev != y => return None,
            Some(_) => {}
        }
        rest = rest.get(r.end..)?;
    }
    iso_date(year?, month, day)
}

/// Detects the metadata of `input`, preferring what the caller gave.
pub fn detect(input: &SourceInput) -> Detected {
    let text = input.text.as_str();
    let ls = lines(text);
    let mut f = Found::default();
    let body = front_matter(&ls, &mut f);
    header(text, &ls, body, &mut f);

    if f.published.is_none() {
        f.published = f.updated.take();
    }
    if f.published.is_none() {
        if let Some((m, d, ev)) = &f.dateline_day {
            if let Some(iso) = dateline_published(text, *m, *d) {
                f.published = Some(field(iso, Provenance::Dateline, ev));
            }
        }
    }
    if f.outlet.is_none() {
        if let Some(url) = &f.url {
            if let Some(o) = url_host(&url.value).and_then(outlet_of_domain) {
                f.outlet = Some(field(o, Provenance::Inferred, &url.value));
            }
        }
    }

    let mut d = Detected::default();
    d.metadata.outlet = input.outlet.clone().map(Field::caller).or(f.outlet);
    d.metadata.url = input.url.clone().map(Field::caller).or(f.url);
    d.metadata.published = input.published.clone().map(Field::caller).or(f.published);
    d.metadata.title = input.title.clone().map(Field::caller).or(f.title);
    d.metadata.dateline = f.dateline;
    f.skip.sort_by_key(|r| (r.start, r.end));
    f.skip.dedup();
    d.skip = f.skip;
    d
}

#[cfg(test)]
mod scan_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(name);
        std::fs::read_to_string(path).expect("seed file")
    }

    fn detect_text(text: &str) -> Detected {
        detect(&SourceInput {
            text: text.to_string(),
            ..Default::default()
        })
    }

    fn value(f: &Option<Field>) -> Option<&str> {
        f.as_ref().map(|f| f.value.as_str())
    }

    /// The manifest's published date and outlet for every seed, as detected from the text alone.
    #[test]
    fn seeds_match_the_manifest() {
        let manifest: serde_json::Value =
            serde_json::from_str(&seed("manifest.json")).expect("manifest is JSON");
        let articles = manifest["articles"].as_array().expect("articles");
        assert_eq!(articles.len(), 5);
        for a in articles {
            let file = a["file"].as_str().expect("file");
            let d = detect_text(&seed(file));
            assert_eq!(
                value(&d.metadata.published),
                a["published"].as_str(),
                "{file} published"
            );
            assert_eq!(
                value(&d.metadata.outlet),
                a["outlet"].as_str(),
                "{file} outlet"
            );
            for f in [
                &d.metadata.published,
                &d.metadata.outlet,
                &d.metadata.title,
                &d.metadata.dateline,
            ]
            .into_iter()
            .flatten()
            {
                let ev = f.evidence.as_deref().expect("evidence");
                assert!(
                    seed(file).contains(ev),
                    "{file}: evidence {ev:?} is verbatim"
                );
            }
        }
    }

    #[test]
    fn seed_provenance_and_skips() {
        let t1 = seed("001_3497635191482747.txt");
        let d = detect_text(&t1);
        let p = d.metadata.published.as_ref().unwrap();
        assert_eq!(
            (p.from, p.evidence.as_deref()),
            (Provenance::Header, Some("date 2026-01-06"))
        );
        assert_eq!(
            value(&d.metadata.title),
            Some("Lee holds meeting with Premier Li Qiang, aims for 'full restoration' of Korea-China relations")
        );
        let skipped: Vec<&str> = d.skip.iter().map(|r| &t1[r.clone()]).collect();
        assert_eq!(skipped, vec!["date 2026-01-06", "BEIJING — "]);
        assert_eq!(value(&d.metadata.dateline), Some("BEIJING"));

        let t2 = seed("002_2422b8df4f27a7b1.txt");
        let d = detect_text(&t2);
        let p = d.metadata.published.as_ref().unwrap();
        assert_eq!(p.from, Provenance::Header);
        assert!(p
            .evidence
            .as_deref()
            .unwrap()
            .starts_with("Posted January. 07, 2026"));
        let o = d.metadata.outlet.as_ref().unwrap();
        assert_eq!(
            (o.from, o.evidence.as_deref()),
            (Provenance::Byline, Some("newjin@donga.com"))
        );
        assert_eq!(
            value(&d.metadata.title),
            Some("Lee pushes pragmatic approach in China meetings")
        );
        let skipped: Vec<&str> = d.skip.iter().map(|r| t2[r.clone()].trim()).collect();
        assert!(skipped.contains(&"Go to contents"), "{skipped:?}");
        assert!(
            skipped.contains(&"Updated January. 07, 2026 08:58"),
            "{skipped:?}"
        );
        assert!(
            skipped.contains(&"Kyu-Jin Shin newjin@donga.com"),
            "{skipped:?}"
        );
        assert_eq!(skipped.len(), 4, "{skipped:?}");

        let t4 = seed("004_1c4ffb9afab69328.txt");
        let d = detect_text(&t4);
        assert_eq!(
            d.metadata.published.as_ref().unwrap().from,
            Provenance::Header
        );
        let o = d.metadata.outlet.as_ref().unwrap();
        assert_eq!((o.from, o.value.as_str()), (Provenance::Header, "Xinhua"));
        let dl = d.metadata.dateline.as_ref().unwrap();
        assert_eq!(
            (dl.value.as_str(), dl.from),
            ("BEIJING", Provenance::Dateline)
        );
        let skipped: Vec<&str> = d.skip.iter().map(|r| t4[r.clone()].trim()).collect();
        assert_eq!(
            skipped,
            vec![
                "date 2026-01-07",
                "Xinhua) 08:30, January 07, 2026",
                "BEIJING, Jan. 6 (Xinhua) --"
            ]
        );
        // The photo caption is a claim, not metadata.
        assert!(!d
            .skip
            .iter()
            .any(|r| t4[r.clone()].contains("Huang Jingwen")));

        let t0 = seed("000_a038938c61ebb700.txt");
        let d = detect_text(&t0);
        assert_eq!(value(&d.metadata.title), None);
        assert_eq!(value(&d.metadata.dateline), Some("BEIJING"));
        assert_eq!(&t0[d.skip[0].clone()], "BEIJING — ");

        let t3 = seed("003_b678b91d65686b1b.txt");
        let d = detect_text(&t3);
        assert_eq!(
            value(&d.metadata.title),
            Some("ROK leader begins state visit to China")
        );
        assert_eq!(value(&d.metadata.dateline), None);
    }

    #[test]
    fn caller_values_win() {
        let d = detect(&SourceInput {
            text: "---\ntitle: \"Quake\"\ndate: 2026-01-05\noutlet: Reuters\n---\nBody.".into(),
            outlet: Some("AP".into()),
            ..Default::default()
        });
        let o = d.metadata.outlet.unwrap();
        assert_eq!((o.value.as_str(), o.from), ("AP", Provenance::Caller));
        let p = d.metadata.published.unwrap();
        assert_eq!(
            (p.value.as_str(), p.from),
            ("2026-01-05", Provenance::FrontMatter)
        );
        assert_eq!(d.metadata.title.unwrap().value, "Quake");
    }

    #[test]
    fn front_matter_is_skipped_and_read() {
        let text = "---\ntitle: 'Flood toll rises'\npublished: \"January 8, 2026\"\nlink: https://www.reuters.com/world/x\n---\n\nDHAKA (Reuters) - At least 40 people died.";
        let d = detect_text(text);
        assert_eq!(value(&d.metadata.title), Some("Flood toll rises"));
        assert_eq!(value(&d.metadata.published), Some("2026-01-08"));
        assert_eq!(
            value(&d.metadata.url),
            Some("https://www.reuters.com/world/x")
        );
        assert_eq!(value(&d.metadata.outlet), Some("Reuters"));
        assert_eq!(d.metadata.outlet.unwrap().from, Provenance::Dateline);
        assert_eq!(value(&d.metadata.dateline), Some("DHAKA"));
        assert!(text[d.skip[0].clone()].starts_with("---\ntitle"));
        assert!(text[d.skip[0].clone()].ends_with("x\n---"));
        assert_eq!(&text[d.skip[1].clone()], "DHAKA (Reuters) - ");
    }

    #[test]
    fn dateline_day_gives_published_only_with_an_unambiguous_year() {
        let one = "SEOUL, Jan. 6 (Yonhap) -- Officials met on Jan. 5, 2026, and again later.";
        let d = detect_text(one);
        let p = d.metadata.published.unwrap();
        assert_eq!(
            (p.value.as_str(), p.from),
            ("2026-01-06", Provenance::Dateline)
        );
        assert_eq!(value(&d.metadata.outlet), Some("Yonhap"));
        let two =
            "SEOUL, Jan. 6 (Yonhap) -- Talks on Dec. 30, 2025 and Jan. 5, 2026 failed to agree.";
        assert_eq!(detect_text(two).metadata.published, None);
        let none = "SEOUL, Jan. 6 (Yonhap) -- Officials met again on Monday.";
        assert_eq!(detect_text(none).metadata.published, None);
    }

    #[test]
    fn bylines_and_date_lines() {
        let text = "Quake kills dozens\nBy Jane Doe, Reuters\nUpdated: 8:58 AM EST, Wed January 7, 2026\n\nTOKYO — A strong quake struck on Tuesday, officials said.";
        let d = detect_text(text);
        assert_eq!(value(&d.metadata.outlet), Some("Reuters"));
        assert_eq!(value(&d.metadata.published), Some("2026-01-07"));
        assert_eq!(value(&d.metadata.title), Some("Quake kills dozens"));
        assert_eq!(value(&d.metadata.dateline), Some("TOKYO"));
        let skipped: Vec<&str> = d.skip.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            skipped,
            vec![
                "By Jane Doe, Reuters",
                "Updated: 8:58 AM EST, Wed January 7, 2026",
                "TOKYO — "
            ]
        );
        // A sentence that merely contains a date is not a date line.
        let body = "Officials said on January 7, 2026 that 40 people died in the floods.";
        assert_eq!(detect_text(body).metadata.published, None);
        assert!(detect_text(body).skip.is_empty());
    }

    #[test]
    fn newspaper_header_styles() {
        let text = "# Exports hit record high\n\nBy Kim Arin (arin@heraldcorp.com)\nPublished : Jan. 7, 2026 - 15:03\n\nExports rose 12 percent in December, data showed.";
        let d = detect_text(text);
        assert_eq!(value(&d.metadata.title), Some("Exports hit record high"));
        assert_eq!(value(&d.metadata.published), Some("2026-01-07"));
        assert_eq!(value(&d.metadata.outlet), Some("The Korea Herald"));
        let skipped: Vec<&str> = d.skip.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            skipped,
            vec![
                "By Kim Arin (arin@heraldcorp.com)",
                "Published : Jan. 7, 2026 - 15:03"
            ]
        );
        // "By Tuesday, ..." is a sentence, not a byline.
        let body =
            "Floods hit the north\nBy Tuesday, the toll had risen to 40 and more were missing.";
        assert!(detect_text(body).skip.is_empty());
    }

    #[test]
    fn more_date_line_styles() {
        for (line, iso) in [
            (
                "Posted : 2026-01-06 17:30 Updated : 2026-01-06 18:10",
                "2026-01-06",
            ),
            ("Posted on Jan.6,2026 17:30 KST", "2026-01-06"),
            ("Updated 21:34, 06-Jan-2026", "2026-01-06"),
            ("Published: 06 Jan. 2026, 18:22", "2026-01-06"),
            ("Jan. 6, 2026, 5:04 a.m. ET", "2026-01-06"),
            ("Updated 2:30 AM GMT+9, January 6, 2026", "2026-01-06"),
            (
                "Source: Xinhua| 2026-01-06 21:50:12|Editor: Liu",
                "2026-01-06",
            ),
            (
                "(People's Daily Online) 16:13, January 06, 2026",
                "2026-01-06",
            ),
        ] {
            let d = detect_text(&format!(
                "{line}\n\nOfficials said 40 people died on Monday."
            ));
            assert_eq!(value(&d.metadata.published), Some(iso), "{line}");
            assert_eq!(d.skip.len(), 1, "{line}");
        }
        let d = detect_text("Source: Xinhua| 2026-01-06 21:50:12|Editor: Liu\n\nText here.");
        assert_eq!(value(&d.metadata.outlet), Some("Xinhua"));
        let d = detect_text("(People's Daily Online) 16:13, January 06, 2026\n\nText here.");
        assert_eq!(value(&d.metadata.outlet), Some("People's Daily"));
        let d = detect_text("(LEAD) S. Korea, China agree to expand trade\nBy Kim Eun-jung\n\nBEIJING, Jan. 6 (Yonhap) -- South Korea and China agreed on Tuesday to expand trade.");
        assert_eq!(
            value(&d.metadata.title),
            Some("S. Korea, China agree to expand trade")
        );
        assert_eq!(value(&d.metadata.outlet), Some("Yonhap"));
    }

    #[test]
    fn domains_map_to_outlets() {
        assert_eq!(outlet_of_domain("donga.com"), Some("Dong-A Ilbo"));
        assert_eq!(outlet_of_domain("en.yna.co.kr"), Some("Yonhap"));
        assert_eq!(outlet_of_domain("notdonga.com"), None);
        assert_eq!(outlet_of_domain("gmail.com"), None);
    }
}
