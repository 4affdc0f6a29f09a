//! Article metadata: from the caller, from a front-matter block, or from what the text
//! carries (header lines, "Posted ..." lines, datelines, byline addresses), each with its provenance.
//!
//! Caller values always win. Everything read from the text keeps the verbatim evidence it
//! was read from, and the lines that are metadata rather than article body are returned as
//! byte ranges to leave out of extraction (a "Posted January. 07, 2026" line is not a claim).

use crate::model::{Field, Metadata, Provenance, SourceInput};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

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
pub static OUTLET_DOMAINS: &[(&str, &str)] = &[
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
pub static AGENCY_NAMES: &[(&str, &str)] = &[
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
        (d == *dom || sub).then_some(*name)
    })
}

/// The outlet name of an agency as written in a dateline or header ("Xinhua", "AP").
pub fn outlet_of_agency(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    AGENCY_NAMES
        .iter()
        .find_map(|(k, v)| (*k == n.as_str()).then_some(*v))
}

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
pub fn find_date(s: &str) -> Option<(String, Range<usize>)> {
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
                month_number(mn.as_str()),
                d.as_str().parse().ok(),
            )
        } else if let (Some(d), Some(mn), Some(y)) = (c.name("d3"), c.name("mn3"), c.name("y3")) {
            (
                y.as_str().parse().ok(),
                month_number(mn.as_str()),
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
fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    let three = lower.get(..3)?;
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == three)?;
    i8::try_from(i + 1).ok()
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
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty() && host.contains('.')).then_some(host)
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
    matches!(
        line.trim().to_ascii_lowercase().as_str(),
        "go to contents" | "skip to content" | "skip to main content" | "advertisement"
    )
}

/// True when a "By ..." match is a byline rather than a sentence ("By Tuesday, the toll rose.").
fn is_byline(c: &regex::Captures<'_>) -> bool {
    let name = c.name("name").map_or("", |m| m.as_str());
    let rest = c.name("rest").map_or("", |m| m.as_str().trim());
    let agency = outlet_of_agency(rest).is_some();
    let words = name.split_whitespace().count();
    let calendar = name.split_whitespace().any(|w| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        MONTH_DAY_RE.is_match(&format!("{w} 1")) || w.ends_with("day")
    });
    !calendar
        && (words >= 2 || agency)
        && words <= 5
        && rest.split_whitespace().count() <= 6
        && !rest.ends_with('.')
}

/// Reads a dateline at the start of `line`. Returns (place, agency, "Jan. 6", prefix length).
fn dateline(line: &str) -> Option<(String, Option<String>, Option<String>, usize)> {
    let c = DATELINE_RE.captures(line)?;
    let whole = c.get(0)?;
    let place = c.name("place")?.as_str().trim();
    let letters = place.chars().filter(|ch| ch.is_alphabetic()).count();
    if letters < 3 || place.chars().any(|ch| ch.is_lowercase()) {
        return None;
    }
    // A dateline opens a body paragraph: text must follow the dash.
    if line.len().saturating_sub(whole.end()) < 10 {
        return None;
    }
    // "BEIJING -" needs a real dash or an agency/date; a plain hyphen after one word is too weak.
    let dash = line.get(whole.start()..whole.end()).unwrap_or("");
    let strong = dash.contains("--") || dash.contains('\u{2014}') || dash.contains('\u{2013}');
    if !strong && c.name("agency").is_none() && c.name("md").is_none() {
        return None;
    }
    let mut place = place.to_string();
    if let Some(r) = c.name("region") {
        place = format!("{place}, {}", r.as_str().trim());
    }
    Some((
        place,
        c.name("agency").map(|a| a.as_str().trim().to_string()),
        c.name("md").map(|m| m.as_str().to_string()),
        whole.end(),
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
    let label = LABEL_RE
        .captures(line)
        .and_then(|c| c.name("label"))
        .map(|m| m.as_str().to_ascii_lowercase());
    let updated = label
        .as_deref()
        .is_some_and(|l| l.contains("updated") || l.contains("modified") || l == "edited");
    // An agency written before a closing parenthesis: "(Xinhua) 08:30," or "Xinhua) 08:30,".
    let source = SOURCE_RE
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string());
    let agency = line.find(')').filter(|&p| p < r.start).and_then(|p| {
        let before = line.get(..p)?;
        let name = before.rsplit('(').next()?.trim();
        let ok = !name.is_empty()
            && name.len() <= 40
            && name.split_whitespace().count() <= 4
            && name.chars().next()?.is_uppercase();
        ok.then(|| name.to_string())
    });
    // "Posted : 2026-01-06 17:30 Updated : 2026-01-06 18:10": other dates are filler too.
    let rest = DATE_RE.replace_all(&rest, " ");
    let mut leftover = DATE_LINE_FILLER_RE.replace_all(&rest, " ").to_string();
    if let Some(a) = &agency {
        leftover = leftover.replacen(a.as_str(), " ", 1);
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
        if local_len == 0 || !domain.contains('.') {
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
        if let Some(c) = DATE_PREFIX_RE.captures(t) {
            if let (Some(lead), Some(date)) = (c.name("lead"), c.name("date")) {
                if let Some((iso, _)) = find_date(date.as_str()) {
                    set_if_none(
                        &mut f.published,
                        field(iso, Provenance::Header, lead.as_str()),
                    );
                    f.skip
                        .push(l.range.start + lead.start()..l.range.start + lead.end());
                    if let Some(rest) = c.name("rest") {
                        if !seen_body {
                            set_if_none(
                                &mut f.title,
                                field(rest.as_str().trim(), Provenance::Header, rest.as_str()),
                            );
                        }
                    }
                    continue;
                }
            }
        }
        if let Some(c) = BYLINE_RE.captures(t) {
            if t.trim().len() <= 120 && is_byline(&c) {
                if let Some(rest) = c.name("rest") {
                    if let Some(o) = outlet_of_agency(rest.as_str()) {
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
                if let Some(c) = MONTH_DAY_RE.captures(md.trim()) {
                    let m = &md;
                    let month = c.name("mn").and_then(|x| month_number(x.as_str()));
                    let day = c.name("d").and_then(|x| x.as_str().parse::<i8>().ok());
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
        let y: i16 = iso.get(..4)?.parse().ok()?;
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
