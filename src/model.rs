//! The data model shared by extraction, the cross-source check and the report:
//! mentions, their normalized values, qualifiers, offsets and source metadata.
//!
//! Everything here serializes to plain JSON (objects, arrays, strings, numbers,
//! `null`); the JSON Schema in `schema/report.schema.json` documents the same shapes.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a mention is. Serialized in `snake_case` (`"count"`, `"percentage_points"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A plain number or a count of something: "400 people", "161 Korean companies", "a pair of".
    Count,
    /// An amount of money with its currency: "$306 billion", "2.14 trillion yuan".
    Money,
    /// A percentage: "1.6 percent", "12%".
    Percent,
    /// A change in percentage points: "2 percentage points".
    PercentagePoints,
    /// An ordinal attached to an event or thing: "second summit", "42nd", "first visit".
    Ordinal,
    /// A rank in an order: "No. 2", "ranks third", "third-highest-ranking".
    Rank,
    /// A calendar date, partial date, weekday, year, or date range.
    Date,
    /// A clock time, optionally with a zone: "4:30 p.m.", "2345 GMT".
    Time,
    /// A length of time: "four-day", "two months", "2:01:39".
    Duration,
    /// A person with a title or role: "Premier Li Qiang", "Zhao Leji, chairman of ...".
    Title,
    /// A place where something happened: "at the Diaoyutai State Guesthouse".
    Venue,
    /// A named entity (person, organization, place) with its in-document canonical name.
    Entity,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 12] = [
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::PercentagePoints,
        Kind::Ordinal,
        Kind::Rank,
        Kind::Date,
        Kind::Time,
        Kind::Duration,
        Kind::Title,
        Kind::Venue,
        Kind::Entity,
    ];

    /// The `snake_case` name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::PercentagePoints => "percentage_points",
            Kind::Ordinal => "ordinal",
            Kind::Rank => "rank",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Duration => "duration",
            Kind::Title => "title",
            Kind::Venue => "venue",
            Kind::Entity => "entity",
        }
    }

    /// Parses the JSON name of a kind.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// True for kinds whose value is a number (a [`Value::Quantity`]).
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Kind::Count
                | Kind::Money
                | Kind::Percent
                | Kind::PercentagePoints
                | Kind::Ordinal
                | Kind::Rank
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a figure is hedged in the text. Extraction turns the hedge into the
/// interval `[low, high]` of a [`Quantity`]; the qualifier keeps the wording's intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// Stated flatly: "400 people".
    Exact,
    /// "about", "around", "some", "roughly", "an estimated", "nearly", "almost".
    Approximate,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "upwards of", "30-plus".
    MoreThan,
    /// "at most", "up to", "no more than".
    AtMost,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "between 20 and 30", "20-30", "from 1926 to 1932".
    Range,
}

impl Qualifier {
    /// The `snake_case` name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximate => "approximate",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
        }
    }

    /// A short sign used in compact displays: `~`, `>=`, `>`, `<=`, `<`, or nothing.
    pub fn sign(self) -> &'static str {
        match self {
            Qualifier::Exact | Qualifier::Range => "",
            Qualifier::Approximate => "~",
            Qualifier::AtLeast => ">=",
            Qualifier::MoreThan => ">",
            Qualifier::AtMost => "<=",
            Qualifier::LessThan => "<",
        }
    }
}

/// A number as stated, with the interval it stands for.
///
/// `value` is the figure as written (the midpoint for ranges), `low..=high` the
/// interval implied by the qualifier, and `precision` the place value of the last
/// digit written (1 for "412", 0.1 million = 100000 for "46.9 million", 1 for
/// "400"): two figures at different precisions agree when the finer one rounds to
/// the coarser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The figure as written, scaled ("2.14 trillion" is 2.14e12).
    pub value: f64,
    /// Lower end of the implied interval.
    pub low: f64,
    /// Upper end of the implied interval.
    pub high: f64,
    /// Place value of the last digit written.
    pub precision: f64,
    /// The unit: ISO 4217 code for money ("USD", "CNY", "KRW"), "%" for percent,
    /// "pp" for percentage points, "fraction" for a share of a whole ("two thirds" is
    /// 0.666666666667, "one in five" 0.2; the whole is in [`Mention::noun`]), and `null`
    /// for bare counts, ordinals and ranks (the counted noun is in [`Mention::noun`]).
    pub unit: Option<String>,
}

impl Quantity {
    /// An exact figure with the given precision and no unit.
    pub fn exact(value: f64, precision: f64) -> Quantity {
        Quantity {
            value,
            low: value,
            high: value,
            precision,
            unit: None,
        }
    }
}

/// How a date was pinned to the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// The text states the calendar date itself: "Jan. 6, 2026", "2026-01-06".
    Explicit,
    /// A partial date completed from the publication date: "Jan. 6" -> 2026-01-06,
    /// "in November" -> the most recent November, "this year".
    PublicationRelative,
    /// A weekday resolved against the publication date, leaning to the past for
    /// reported events: "on Tuesday" in a report of Wednesday 2026-01-07 -> 2026-01-06.
    WeekdayRelative,
    /// Relative to another dated event in the text: "a day after", "the previous day".
    EventRelative,
    /// No anchor was available (no publication date, no nearby date).
    Unresolved,
}

impl Basis {
    /// The `snake_case` name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Explicit => "explicit",
            Basis::PublicationRelative => "publication_relative",
            Basis::WeekdayRelative => "weekday_relative",
            Basis::EventRelative => "event_relative",
            Basis::Unresolved => "unresolved",
        }
    }
}

/// Calendar unit of a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Granularity {
    /// A moment with a clock time.
    Time,
    /// Part of a day: "Sunday afternoon".
    PartOfDay,
    /// One day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A season or quarter.
    Quarter,
    /// A year.
    Year,
    /// A decade or longer era.
    Decade,
}

impl Granularity {
    /// The `snake_case` name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
        }
    }
}

/// A date, time or date range, resolved where possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateValue {
    /// TIMEX3 value: "2026-01-06", "XXXX-01-06", "XXXX-WXX-2", "2026-01", "2026",
    /// "T16:30", "2026-01-06T23:45", or a range "(1926,1932,P6Y)".
    pub timex: String,
    /// First calendar day covered, ISO "YYYY-MM-DD", when resolved.
    pub start: Option<String>,
    /// Last calendar day covered (inclusive), ISO "YYYY-MM-DD", when resolved.
    pub end: Option<String>,
    /// The calendar unit.
    pub granularity: Granularity,
    /// How it was resolved.
    pub basis: Basis,
    /// The weekday stated in the text, lower case ("tuesday"), if any.
    pub weekday: Option<String>,
    /// Clock time "HH:MM" or "HH:MM:SS" (24-hour) when stated.
    pub time: Option<String>,
    /// The stated time zone ("GMT", "KST", "UTC+8"), if any.
    pub zone: Option<String>,
    /// Offset of that zone from UTC in minutes, when known.
    pub utc_offset_minutes: Option<i32>,
}

/// A length of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DurationValue {
    /// TIMEX3 duration: "P4D", "P2M", "PT2H1M39S", "P20Y".
    pub timex: String,
    /// The amount in `unit`s, with its interval ("more than two decades" is > 20 years).
    pub amount: Quantity,
    /// The calendar unit the amount counts: "second", "minute", "hour", "day",
    /// "week", "month", "year", "decade".
    pub unit: String,
    /// The whole length in seconds (months as 30 days, years as 365 days), for comparing units.
    pub seconds: f64,
}

/// A non-numeric fact: a title, a venue or a named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextValue {
    /// The value as written, whitespace and punctuation normalized
    /// ("Diaoyutai State Guesthouse", "chairman of the Standing Committee of the National People's Congress").
    pub value: String,
    /// The comparison key: lower case, ASCII punctuation, articles dropped, aliases applied.
    pub canonical: String,
    /// For titles: the person who holds it, by canonical name ("Zhao Leji").
    pub subject: Option<String>,
}

/// The normalized value of a mention. Tagged by `type` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Value {
    /// Counts, money, percentages, ordinals and ranks.
    Quantity(Quantity),
    /// Dates and times.
    Date(DateValue),
    /// Durations.
    Duration(DurationValue),
    /// Titles, venues and entities.
    Text(TextValue),
}

impl Value {
    /// The quantity, if this is a number.
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            Value::Quantity(q) => Some(q),
            _ => None,
        }
    }

    /// The date, if this is a date or time.
    pub fn date(&self) -> Option<&DateValue> {
        match self {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The duration, if this is one.
    pub fn duration(&self) -> Option<&DurationValue> {
        match self {
            Value::Duration(d) => Some(d),
            _ => None,
        }
    }

    /// The text value, if this is a title, venue or entity.
    pub fn text(&self) -> Option<&TextValue> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Formats a number without a trailing ".0" and without exponent for ordinary news figures.
pub fn format_number(n: f64) -> String {
    // Whole numbers print as their digits ("400"), others to six places without trailing
    // zeros ("2.14"). `fixed6` is exact, so a whole number's six places are all zeros: one
    // path for both (an `i128` cast and its printer cost ~2.5 KB of wasm). Zero has no sign.
    if n == 0.0 {
        return "0".to_string();
    }
    let s = crate::num::fixed6(n);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// A half-open range of the original text, in UTF-8 bytes (for Rust) and
/// UTF-16 code units (for JavaScript).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First UTF-16 code unit.
    pub start_utf16: usize,
    /// One past the last UTF-16 code unit.
    pub end_utf16: usize,
}

/// One extracted mention, anchored to its verbatim text in the original article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// What it is.
    pub kind: Kind,
    /// The verbatim text of the span, exactly `original[start..end]`.
    pub text: String,
    /// First byte of the span in the original text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First UTF-16 code unit (JavaScript string index).
    pub start_utf16: usize,
    /// One past the last UTF-16 code unit.
    pub end_utf16: usize,
    /// The normalized value.
    pub value: Value,
    /// The hedge on the figure (always `exact` for non-numeric kinds).
    pub qualifier: Qualifier,
    /// The noun the figure is about, lower case and singular where simple:
    /// "people" for "400 people", "company" for "161 Korean companies", "summit" for
    /// "second summit", "state visit" for "four-day state visit".
    pub noun: Option<String>,
    /// The sentence the mention is in (the evidence), as a span of the original text.
    pub sentence: Span,
    /// Index (in the same source's mention list) of a mention stating the same figure
    /// another way, e.g. the two sides of "2.14 trillion yuan ($306 billion)".
    pub linked: Option<usize>,
    /// The name of the extraction rule that produced it (see `factcheck::rules`).
    pub rule: String,
}

impl Mention {
    /// The span of the mention itself.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            start_utf16: self.start_utf16,
            end_utf16: self.end_utf16,
        }
    }

    /// A compact, human-readable rendering of the normalized value, used in tables,
    /// rule examples and explanations: "~400 people", "USD 306000000000",
    /// "1.6 %", "2026-01-06", "P4D", "diaoyutai state guesthouse".
    pub fn display_value(&self) -> String {
        match &self.value {
            Value::Quantity(q) => {
                let num = if self.qualifier == Qualifier::Range {
                    format!("{}-{}", format_number(q.low), format_number(q.high))
                } else {
                    format!("{}{}", self.qualifier.sign(), format_number(q.value))
                };
                let mut s = match (&q.unit, self.kind) {
                    (Some(u), Kind::Money) => format!("{u} {num}"),
                    (Some(u), _) => format!("{num} {u}"),
                    (None, Kind::Ordinal) => format!("#{num}"),
                    (None, Kind::Rank) => format!("No. {num}"),
                    (None, _) => num,
                };
                if let Some(n) = &self.noun {
                    s.push(' ');
                    s.push_str(n);
                }
                s
            }
            Value::Date(d) => match (&d.start, &d.end, &d.time) {
                (Some(s), Some(e), None) if s == e => s.clone(),
                (Some(s), Some(e), None) => format!("{s}..{e}"),
                (Some(s), _, Some(t)) => format!("{s}T{t}"),
                _ => d.timex.clone(),
            },
            Value::Duration(d) => {
                let mut s = format!("{}{}", self.qualifier.sign(), d.timex);
                if let Some(n) = &self.noun {
                    s.push(' ');
                    s.push_str(n);
                }
                s
            }
            Value::Text(t) => match &t.subject {
                Some(who) => format!("{who}: {}", t.canonical),
                None => t.canonical.clone(),
            },
        }
    }
}

/// Where a metadata value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provenance {
    /// Given by the caller (CLI flag, JS object, `data-*` attribute).
    Caller,
    /// A `---` front-matter block at the top of the text.
    FrontMatter,
    /// A header line of the text: "date 2026-01-06", "Posted January. 07, 2026 08:58".
    Header,
    /// A dateline: "BEIJING, Jan. 6 (Xinhua) --".
    Dateline,
    /// A byline e-mail address or similar clue in the text ("@donga.com").
    Byline,
    /// Inferred from the file name or another weak clue.
    Inferred,
}

impl Provenance {
    /// The `snake_case` name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Caller => "caller",
            Provenance::FrontMatter => "front_matter",
            Provenance::Header => "header",
            Provenance::Dateline => "dateline",
            Provenance::Byline => "byline",
            Provenance::Inferred => "inferred",
        }
    }
}

/// One metadata value with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The value ("2026-01-07", "Xinhua").
    pub value: String,
    /// Where it came from.
    pub from: Provenance,
    /// The verbatim text it was read from, when it was read from the article.
    pub evidence: Option<String>,
}

impl Field {
    /// A value given by the caller.
    pub fn caller(value: impl Into<String>) -> Field {
        Field {
            value: value.into(),
            from: Provenance::Caller,
            evidence: None,
        }
    }
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// The outlet or agency ("Xinhua", "Dong-A Ilbo").
    pub outlet: Option<Field>,
    /// The article's URL.
    pub url: Option<Field>,
    /// Publication date, ISO "YYYY-MM-DD".
    pub published: Option<Field>,
    /// Headline.
    pub title: Option<Field>,
    /// The dateline place ("BEIJING").
    pub dateline: Option<Field>,
}

/// An article as given to the checker: text plus optional caller metadata.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceInput {
    /// Stable id for the report; defaults to "s1", "s2", ... in input order.
    pub id: Option<String>,
    /// The article text (plain text or Markdown, optionally with front matter).
    pub text: String,
    /// The file it was read from, if any.
    pub path: Option<String>,
    /// Outlet name, overriding what the text says.
    pub outlet: Option<String>,
    /// URL, overriding what the text says.
    pub url: Option<String>,
    /// Publication date (ISO "YYYY-MM-DD"), overriding what the text says.
    pub published: Option<String>,
    /// Headline, overriding what the text says.
    pub title: Option<String>,
}

/// A source as described in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The source id claims refer to.
    pub id: String,
    /// The file it was read from, if any.
    pub path: Option<String>,
    /// Metadata with provenance.
    pub metadata: Metadata,
    /// Length of the text in bytes.
    pub bytes: usize,
    /// Length of the text in UTF-16 code units.
    pub length_utf16: usize,
}

/// The mentions of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The source.
    pub source: SourceInfo,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
}

#[cfg(test)]
mod tests {
    use super::format_number;
    use crate::testing::Rng;

    /// The formula `format_number` had before it dropped the `i128` cast (see its body).
    fn with_i128(n: f64) -> String {
        if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e21 {
            format!("{}", n as i128)
        } else {
            let s = format!("{n:.6}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }

    #[test]
    fn numbers_print_as_with_the_i128_cast() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut xs = vec![
            0.0, -0.0, 400.0, -3.0, 2.14, 1e20, 9.99e20, 1e21, 1e22, 0.0000001, -0.0000001,
        ];
        xs.extend([
            0.9999999,
            306e9,
            2.14e12,
            f64::NAN,
            f64::INFINITY,
            f64::MAX,
            5e-324,
        ]);
        for _ in 0..100_000 {
            xs.push(f64::from_bits(rng.next()));
            xs.push(
                (rng.next() % 100_000_000_000) as f64
                    / [1.0, 10.0, 100.0, 1e6][(rng.next() % 4) as usize],
            );
        }
        for x in xs {
            assert_eq!(format_number(x), with_i128(x), "{x:e}");
        }
    }
}
