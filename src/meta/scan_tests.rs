//! Differential tests of the header scanners of `meta` against the regular expressions they
//! replace: the original patterns are kept here verbatim and run over every line and text of
//! the seeds, the eval clusters and the Recognizers-Text inputs, plus hand-written header lines.

use super::*;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// A full calendar date in the forms news sites print: ISO, "January 7, 2026",
/// "January. 07, 2026", "7 January 2026".
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(r"(?-u)(?i)\b(?:(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})|(?P<mn>{MONTHS})(?:\.", ws!(), r"*|", ws!(), r"+)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,", ws!(), r"*|", ws!(), r"+)(?P<y2>\d{{4}})|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?:[\s-]|(?u-i:[\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]))+(?P<mn3>{MONTHS})\.?(?:,", ws!(), r"*|(?:[\s-]|(?u-i:[\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]))+)(?P<y3>\d{{4}}))\b"),
        MONTHS = MONTHS
    ))
    .expect("valid date regex")
});

/// "Jan. 6" in a dateline.
static MONTH_DAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?-u)(?i)^(?P<mn>{MONTHS})\.?",
            ws!(),
            r"+(?P<d>\d{{1,2}})$"
        ),
        MONTHS = MONTHS
    ))
    .expect("valid regex")
});

/// A "date 2026-01-06 Headline" header line.
static DATE_PREFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)(?i)^[ \t]*(?P<lead>date[ \t]*:?[ \t]*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?)(?:[ \t]+(?P<rest>(?u-i:[^\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}])(?u-i:.)*?))?[ \t]*$")
        .expect("valid regex")
});

/// A dateline at the start of a paragraph: "BEIJING, Jan. 6 (Xinhua) --", "SEOUL --",
/// "WASHINGTON (AP) —", "SAN DIEGO, Calif. (Reuters) -".
static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u)^[ \t]*(?P<place>[A-Z](?:[A-Z.' -]|\u{{2019}})*[A-Z.])(?:,[ \t]*(?P<region>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?))??(?:,[ \t]*(?P<md>(?i:{MONTHS})\.?[ \t]+\d{{1,2}}))?[ \t]*(?:\((?P<agency>[A-Za-z][A-Za-z .&'/-]{{0,30}})\))?[ \t]*(?:--|\u{{2014}}|\u{{2013}}|-)[ \t]*"
    ))
    .expect("valid dateline regex")
});

/// A "By NAME" byline, with an optional outlet after a comma or bar.
static BYLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)^[ \t]*(?i:by)[ \t]+(?P<name>[A-Z](?:[\w.'-]|\u{2019})*(?:[ \t]+(?:[A-Z](?:[\w.'-]|\u{2019})*|and|de|van|von|bin))*)(?:[ \t]*(?:,|\||/|--|\u{2014}|\u{2013})[ \t]*(?P<rest>(?u-i:.)*?))?[ \t]*$")
        .expect("valid byline regex")
});

/// "Source: Xinhua" on a date line.
static SOURCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u)(?i)\bsource",
        ws!(),
        r"*:",
        ws!(),
        r"*([A-Z][\w.' -]{1,40}?)",
        ws!(),
        r"*(?:\||$)"
    ))
    .expect("valid regex")
});

/// Labels of publication and update lines.
static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)(?i)^[ \t(]*(?P<label>posted|published|first published|updated|last updated|last modified|modified|date|edited)\b[ \t]*(?:on|at)?[ \t]*:?")
        .expect("valid regex")
});

/// What may remain on a metadata date line besides the date: times, zones, weekdays, separators.
static DATE_LINE_FILLER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(r"(?-u)(?i)\b(?:source|editor|editors|reporter|writer|photo)", ws!(), r"*:", ws!(), r"*[A-Z][\w.'-]*(?:", ws!(), r"+[A-Z][\w.'-]*)?|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:a\.?m|p\.?m)\.?|\b(?:kst|gmt|utc|cst|est|edt|pst|pdt|bst|cet|jst|hkt|sgt|et|pt|ct|mt|cest|ist)\b|[+-]\d{1,2}(?::?\d{2})?\b|[+-]\d{2}:?\d{2}\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?|[,|/()\[\]:;-]|\bupdated\b|\bposted\b|\bpublished\b|\b(?:on|at)\b"))
        .expect("valid regex")
});

/// Parses the first full calendar date in `s`: its ISO form and its byte range in `s`.
fn old_find_date(s: &str) -> Option<(String, Range<usize>)> {
    for c in DATE_RE.captures_iter(s) {
        let whole = c.get(0)?;
        let (y, m, d) = if let (Some(y), Some(m), Some(d)) = (c.name("y"), c.name("m"), c.name("d"))
        {
            (
                y.as_str().parse().ok(),
                m.as_str().parse().ok(),
                d.as_str().parse().ok(),
            )
        } else if let (Some(mn), Some(d), Some(y)) = (c.name("mn"), c.name("d2"), c.name("y2")) {
            (
                y.as_str().parse().ok(),
                old_month_number(mn.as_str()),
                d.as_str().parse().ok(),
            )
        } else if let (Some(d), Some(mn), Some(y)) = (c.name("d3"), c.name("mn3"), c.name("y3")) {
            (
                y.as_str().parse().ok(),
                old_month_number(mn.as_str()),
                d.as_str().parse().ok(),
            )
        } else {
            continue;
        };
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            if let Some(iso) = iso_date(y, m, d) {
                return Some((iso, whole.range()));
            }
        }
    }
    None
}

/// The number of a month name or abbreviation ("Jan", "january", "Sept").
fn old_month_number(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    let three = lower.get(..3)?;
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == three)?;
    i8::try_from(i + 1).ok()
}

/// Hand-written header lines and edge cases: every header style `meta` reads, with
/// no-break and thin spaces, curly apostrophes, odd case, words inside words and garbage.
const HAND: &[&str] = &[
    "",
    " ",
    "Posted January. 07, 2026 08:58",
    "Updated January. 07, 2026 08:58",
    "Xinhua) 08:30, January 07, 2026",
    "(Xinhua) 08:30, January 07, 2026",
    "BEIJING, Jan. 6 (Xinhua) --",
    "BEIJING, Jan. 6 (Xinhua) -- Chinese President Xi Jinping met on Tuesday.",
    "BEIJING \u{2014} South Korean President Lee Jae Myung arrived on Sunday.",
    "SEOUL -- South Korea and China agreed on Tuesday to expand trade.",
    "WASHINGTON (AP) \u{2014} The Senate voted 51-49 on Tuesday evening.",
    "SAN DIEGO, Calif. (Reuters) - A small plane crashed on Monday, officials said.",
    "NEW YORK, New York, Jan. 6 (Reuters) - Stocks rose sharply in early trade.",
    "ST. JOHN\u{2019}S, Nfld. \u{2013} Crews worked through the night to restore power.",
    "O'HARE - Flights were cancelled as the storm moved through the region.",
    "U.S. -- Officials said the storm would hit the coast by Wednesday night.",
    "BEIJING, Janu 6 (Xinhua) -- text text text text",
    "BEIJING, Jan. 123 (Xinhua) -- text text text text",
    "BEIJING, Jan.\u{a0}6 -- text text text text",
    "BEIJING, Calif (ThisIsAVeryLongAgencyNameOverThirtyChars) -- text text",
    "BEIJING, Calif Ok, Jan 6 (AP) -- text text text text text",
    "BEIJING, Calif Ok, Jan 6 (AP) text text text text text",
    "TOKYO-- A strong quake struck on Tuesday, officials said.",
    "TOKYO - A strong quake struck on Tuesday, officials said.",
    "TOKYO-BASED firms - rose",
    "A - b",
    "AB -",
    "ABC.- abc def ghi jkl",
    "date 2026-01-06",
    "date 2026-01-06 Lee holds meeting with Premier Li Qiang",
    "Date: 2026-01-06T17:30:00Z Headline here",
    "DATE:2026-01-06 17:30 Headline",
    "date 2026-01-06 17:30:12z",
    "date 2026-01-06 17:30:12Zx",
    "date 2026-01-06T17:3 Headline",
    "  date\t: 2026-01-06 \t",
    "date 2026-01-06\u{a0}Headline",
    "date 2026-01-06 \u{a0}Headline",
    "date 2026-01-06 \rHeadline",
    "date 2026-01-067",
    "date 20260-01-06",
    "dated 2026-01-06",
    "date 2026-01-06 x\ny",
    "By Jane Doe | Reuters",
    "By Jane Doe, Reuters",
    "By Jane Doe",
    "by JANE DOE / AP",
    "By Kim Arin (arin@heraldcorp.com)",
    "By Kim Eun-jung",
    "By Kyu-Jin Shin -- Dong-A Ilbo",
    "By Kyu-Jin Shin--Dong-A Ilbo",
    "By Kyu--Jin Shin x",
    "By Kyu--Jin Shin--x y",
    "By Jean de la Fontaine and Ana van Dijk \u{2014} AFP",
    "By John andrew",
    "By John and Mary Smith",
    "By O\u{2019}Brien Sean \u{2013} The Irish Times",
    "By Tuesday, the toll had risen to 40 and more were missing.",
    "By January 7, officials said",
    "By Jane Doe,",
    "By Jane Doe   ",
    "By Jane Doe \t|\t ",
    "BY Jane",
    "Bylines By Jane",
    "By  jane doe",
    "By Jane Doe\nReuters",
    "Source: Xinhua| 2026-01-06 21:50:12|Editor: Liu",
    "Source : Xinhua News Agency | 2026-01-06",
    "source:xinhua",
    "Sources: Xinhua|",
    "Source: Xinhua \u{a0}|",
    "Source: A123456789012345678901234567890123456789012345 |",
    "Source: A1234567890123456789012345678901234567890 |",
    "Updated: 8:58 AM EST, Wed January 7, 2026",
    "Published : Jan. 7, 2026 - 15:03",
    "Posted : 2026-01-06 17:30 Updated : 2026-01-06 18:10",
    "Posted on Jan.6,2026 17:30 KST",
    "Updated 21:34, 06-Jan-2026",
    "Published: 06 Jan. 2026, 18:22",
    "Jan. 6, 2026, 5:04 a.m. ET",
    "Updated 2:30 AM GMT+9, January 6, 2026",
    "Updated 2:30 PM GMT+09:00, January 6, 2026 +0900 -5 +12:3 -123",
    "(People's Daily Online) 16:13, January 06, 2026",
    "First published on Tue 6 Jan 2026 18.22 GMT",
    "Last modified: Thursday, 1st January 2026 [Photo: Kim Min-ji]",
    "Last Updated: Tues. Jan 6th, 2026 | Reporter: Lee Ji-hun Writer:Kim",
    "last updatedx 2026-01-06",
    "(( posted at: 2026/1/6",
    "Edited 6th-Jan-2026 America amazing p.m pm. a.x",
    "Mon Monday Monnesday Thurs thursday Sat. saturday Sund sundays",
    "8:30:15 08:30 123:45 1:2345 12:34:5 12:34:56a",
    "7 January 2026 07 Jan. 2026 7th Jan., 2026 7 - jan - 2026 7  JANUARY\u{2009}2026",
    "January 7 2026 January 7th, 2026 Jan 7ST 2026 jan.7,2026 Sept. 30, 2025 Sep 31, 2025",
    "2026/01/06 2026.1.6 2026-1-6x 2026-13-45 12026-01-06 2026-011-06 2026-01-066",
    "Feb 29, 2024 Feb 29, 2026 Febr 3, 2026 3 Febr 2026 Ja 3, 2026 Janu 3, 2026",
    "xJanuary 7, 2026 January 7, 20261 January 7, 2026a 7 January 2026_",
    "1 Jan\u{202f}2026 Jan\u{3000}1\u{3000}2026 Jan\u{85}1\u{2028}2026 May\u{1680}5\u{205f}1999",
    "12 Dec. , 2026 12 Dec.,2026 12 Dec.-2026 12 Dec-2026 12-Dec-2026 1899-01-01 2201-01-01",
    "July 4, 1776 June 31, 2026 june 30, 2026 AUG 15, 2026 Oct 1, 2026 NOV. 11, 2026",
    "Jan. 6",
    "jan 6",
    "Jan.\u{a0}16",
    "Jan 160",
    "Janu 6",
    "Jan 6 ",
    "go to contents",
    "Go To Contents",
    "ADVERTISEMENT",
    "Kyu-Jin Shin newjin@donga.com",
    "\u{feff}---",
    "\u{2019}\u{2014}\u{2013}\u{a0}\u{2009}",
    "+9 -09:00 +0900 +123 -1a +12:345",
];

/// The corpus: whole texts, the lines `meta` sees, and the words of those lines.
struct Corpus {
    texts: Vec<String>,
    lines: Vec<String>,
    words: Vec<String>,
}

/// Read once for all the tests here.
static CORPUS: LazyLock<Corpus> = LazyLock::new(corpus);

fn corpus() -> Corpus {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read_dir = |d: std::path::PathBuf| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .expect("corpus dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        v.sort();
        v
    };
    // Articles (seeds, eval clusters) and hand-written lines: every header style.
    let mut articles: Vec<String> = HAND.iter().map(|s| s.to_string()).collect();
    for p in read_dir(root.join("seeds")) {
        if p.extension().is_some_and(|x| x == "txt") {
            articles.push(std::fs::read_to_string(p).expect("seed"));
        }
    }
    for d in read_dir(root.join("tests/eval")) {
        if d.is_dir() {
            for p in read_dir(d) {
                if p.extension().is_some_and(|x| x == "md") {
                    articles.push(std::fs::read_to_string(p).expect("eval article"));
                }
            }
        }
    }
    assert!(articles.len() > 100, "articles found: {}", articles.len());
    // Recognizers-Text inputs: one sentence each, many dates and times.
    let mut sentences = Vec::new();
    for p in read_dir(root.join("tests/recognizers-text")) {
        if p.extension().is_some_and(|x| x == "jsonl") {
            for l in std::fs::read_to_string(p).expect("jsonl").lines() {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                if let Some(s) = v["input"].as_str() {
                    sentences.push(s.to_string());
                }
            }
        }
    }
    assert!(
        sentences.len() > 1000,
        "sentences found: {}",
        sentences.len()
    );
    // Article lines (as `lines` cuts them) also in upper and lower case, indented, after
    // "By ", and from each of their first words on (mid-line datelines, bylines, labels).
    let mut lines = sentences.clone();
    for t in &articles {
        for l in super::lines(t) {
            let l = l.text;
            lines.push(l.to_string());
            lines.push(l.to_uppercase());
            lines.push(l.to_lowercase());
            lines.push(format!(" \t{l}"));
            lines.push(format!("By {l}"));
            for (i, _) in l.match_indices(' ').take(8) {
                if let Some(s) = l.get(i + 1..) {
                    lines.push(s.to_string());
                }
            }
        }
    }
    lines.sort();
    lines.dedup();
    let mut words: Vec<String> = lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    articles.extend(sentences);
    Corpus {
        texts: articles,
        lines,
        words,
    }
}

fn span(m: Option<regex::Match<'_>>) -> Option<Range<usize>> {
    m.map(|m| m.range())
}

/// Every match of DATE_RE: its range and (year, month, day) as `find_date` read them.
fn regex_dates(s: &str) -> Vec<(Range<usize>, i16, i16, i16)> {
    DATE_RE
        .captures_iter(s)
        .map(|c| {
            let n = |k: &str| {
                c.name(k)
                    .map(|m| m.as_str().parse::<i16>().expect("digits"))
            };
            let mn = |k: &str| {
                c.name(k)
                    .map(|m| i16::from(old_month_number(m.as_str()).expect("month")))
            };
            let (y, m, d) = if let Some(y) = n("y") {
                (y, n("m"), n("d"))
            } else if let Some(y) = n("y2") {
                (y, mn("mn"), n("d2"))
            } else {
                (n("y3").expect("y3"), mn("mn3"), n("d3"))
            };
            (
                span(c.get(0)).expect("match"),
                y,
                m.expect("m"),
                d.expect("d"),
            )
        })
        .collect()
}

fn scanner_dates(s: &str) -> Vec<(Range<usize>, i16, i16, i16)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(h) = next_date(b, from) {
        from = h.range.end;
        out.push((h.range, h.y, h.m, h.d));
    }
    out
}

/// Every match of `re` and of a scanner (`matcher` as given to `replace_with_space`).
fn all_matches(s: &str, matcher: impl Fn(&[u8], usize) -> Option<usize>) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match matcher(b, i) {
            Some(e) => {
                out.push(i..e);
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// The full-date scanner against DATE_RE: every match with its numbers, and `find_date`,
/// on every text and suffix `dateline_published` reads, and every line.
#[test]
fn dates_match_the_pattern() {
    let c = &*CORPUS;
    let mut n = 0;
    for s in c.texts.iter().chain(&c.lines) {
        let want = regex_dates(s);
        assert_eq!(scanner_dates(s), want, "{s:?}");
        // `old_find_date` is the first of these that is a real day.
        let first = want.iter().find_map(|(r, y, m, d)| {
            let (m, d) = (i8::try_from(*m).ok()?, i8::try_from(*d).ok()?);
            Some((iso_date(*y, m, d)?, r.clone()))
        });
        assert_eq!(find_date(s), first, "{s:?}");
        n += 1;
    }
    // The suffixes `dateline_published` reads, where the text's start is a word boundary.
    for s in &c.texts {
        let mut rest = s.as_str();
        while let Some((_, r)) = old_find_date(rest) {
            rest = &rest[r.end..];
            assert_eq!(find_date(rest), old_find_date(rest), "{rest:?}");
        }
    }
    assert!(n > 5_000, "{n} inputs");
}

/// The anchored header scanners against their patterns on every line.
#[test]
fn header_lines_match_the_patterns() {
    let c = &*CORPUS;
    let (mut bylines, mut datelines, mut prefixes) = (0, 0, 0);
    for s in &c.lines {
        let s = s.as_str();
        // DATE_PREFIX_RE
        let want = DATE_PREFIX_RE.captures(s).map(|c| {
            (
                span(c.name("lead")),
                span(c.name("date")),
                span(c.name("rest")),
            )
        });
        let got = date_prefix(s).map(|c| (Some(c.lead), Some(c.date), c.rest));
        assert_eq!(got, want, "date prefix {s:?}");
        prefixes += usize::from(want.is_some());
        // DATELINE_RE
        let want = DATELINE_RE.captures(s).map(|c| {
            (
                c.get(0).map(|m| m.end()),
                span(c.name("place")),
                span(c.name("region")),
                span(c.name("md")),
                span(c.name("agency")),
            )
        });
        let got = dateline_at(s).map(|c| (Some(c.end), Some(c.place), c.region, c.md, c.agency));
        assert_eq!(got, want, "dateline {s:?}");
        datelines += usize::from(want.is_some());
        // BYLINE_RE
        let want = BYLINE_RE
            .captures(s)
            .map(|c| (span(c.name("name")), span(c.name("rest"))));
        let got = byline_at(s).map(|c| (Some(c.name), c.rest));
        assert_eq!(got, want, "byline {s:?}");
        bylines += usize::from(want.is_some());
        // SOURCE_RE
        let want = SOURCE_RE.captures(s).and_then(|c| span(c.get(1)));
        assert_eq!(source_name(s), want, "source {s:?}");
        // LABEL_RE
        let want = LABEL_RE
            .captures(s)
            .and_then(|c| c.name("label"))
            .map(|m| m.as_str().to_ascii_lowercase());
        assert_eq!(label_of(s).map(str::to_string), want, "label {s:?}");
    }
    // MONTH_DAY_RE, on the lines and on each word as `is_byline` asks it.
    for m in c.lines.iter().chain(&c.words) {
        {
            let want = MONTH_DAY_RE.captures(m.trim()).map(|c| {
                let mn = c.name("mn").and_then(|x| old_month_number(x.as_str()));
                (mn.and_then(|x| u8::try_from(x).ok()), span(c.name("d")))
            });
            let got = month_day(m.trim()).map(|(mn, d)| (Some(mn), Some(d)));
            assert_eq!(got, want, "month day {m:?}");
            let w = m.trim_end_matches('.').to_ascii_lowercase();
            assert_eq!(
                month_word(m.trim_end_matches('.').as_bytes()).is_some(),
                MONTH_DAY_RE.is_match(&format!("{w} 1")),
                "month word {m:?}"
            );
        }
    }
    // The corpus does exercise every pattern.
    assert!(
        prefixes >= 4 && datelines >= 20 && bylines >= 20,
        "{prefixes} {datelines} {bylines}"
    );
}

/// The date-line filler scanner against DATE_LINE_FILLER_RE, on every line and on the
/// strings `date_line` builds (the line with its date cut out and other dates blanked).
#[test]
fn date_line_filler_matches_the_pattern() {
    let mut inputs = CORPUS.lines.clone();
    let mut built = Vec::new();
    for s in &inputs {
        if let Some((_, r)) = old_find_date(s) {
            let rest = format!("{} {}", &s[..r.start], &s[r.end..]);
            let blanked = DATE_RE.replace_all(&rest, " ").to_string();
            assert_eq!(
                replace_with_space(&rest, |b, i| date_at(b, i).map(|h| h.range.end)),
                blanked,
                "{rest:?}"
            );
            built.push(rest);
            built.push(blanked);
        }
    }
    assert!(built.len() > 100, "{} date lines", built.len());
    inputs.extend(built);
    for s in &inputs {
        let want: Vec<_> = DATE_LINE_FILLER_RE
            .find_iter(s)
            .map(|m| m.range())
            .collect();
        assert_eq!(all_matches(s, filler_at), want, "{s:?}");
        // What `replace_all` would give for these matches.
        let mut replaced = String::new();
        let mut last = 0;
        for m in &want {
            replaced.push_str(&s[last..m.start]);
            replaced.push(' ');
            last = m.end;
        }
        replaced.push_str(&s[last..]);
        assert_eq!(replace_with_space(s, filler_at), replaced, "{s:?}");
    }
}
