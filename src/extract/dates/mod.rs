//! Date, time and duration mentions, resolved to calendar dates against the publication date.
//!
//! The scanner (`scan`) works on tokens rather than one large regular expression: it
//! tries each matcher at every token and keeps the longest match, so "Tuesday, Jan. 6"
//! is one date and "four-day state visit" one duration. Values follow the TIMEX
//! conventions of Microsoft Recognizers-Text ("XXXX-01-06", "XXXX-WXX-2",
//! "(2025-01-01,2025-12-01,P11M)", "P4D") and, whenever an anchor exists, also carry the
//! resolved calendar days in `start`/`end`.

mod cal;
mod lex;
mod scan;

use super::rules::{Example, Rule};
use super::{Candidate, Context};
use crate::model::Kind;

/// The month number (1-12) of a lower-case month name or abbreviation ("jan", "sept"):
/// the one month table, shared with the other extractors.
pub fn month_number(word: &str) -> Option<u8> {
    lex::month(word)
}

/// True for a full lower-case weekday name ("tuesday"): the one weekday table, shared.
pub fn is_weekday_name(word: &str) -> bool {
    matches!(lex::weekday(word), Some((_, true)))
}

const fn ex(input: &'static str, text: &'static str, value: &'static str) -> Example {
    Example { input, text, value }
}

/// The rules of this extractor. Every rule is code (`pattern` is empty); the examples
/// are resolved with the publication date [`super::rules::EXAMPLE_PUBLISHED`] (Wednesday 2026-01-07).
pub static RULES: &[Rule] = &[
    Rule {
        name: "date.absolute",
        kind: Kind::Date,
        pattern: "",
        description: "A full written date with its year: \"Jan. 6, 2026\", \"6 August 2025\", \"Tuesday, January 6, 2026\".",
        examples: &[
            ex("He arrived on Jan. 6, 2026, in Beijing.", "Jan. 6, 2026", "2026-01-06"),
            ex("Posted January. 07, 2026", "January. 07, 2026", "2026-01-07"),
            ex("The law took effect on 6 August 2025.", "6 August 2025", "2025-08-06"),
            ex("It was signed on Tuesday, January 6, 2026.", "Tuesday, January 6, 2026", "2026-01-06"),
        ],
        negatives: &["It may 2 times fail.", "He scored 2,000 points."],
    },
    Rule {
        name: "date.month_day",
        kind: Kind::Date,
        pattern: "",
        description: "A month and day without a year, completed from the publication date: \"Jan. 6\", \"6 August\", \"Tuesday, Jan. 6\".",
        examples: &[
            ex("BEIJING, Jan. 6 (Xinhua) -- Li met Lee.", "Jan. 6", "2026-01-06"),
            ex("The talks ended on Dec. 30 without a deal.", "Dec. 30", "2025-12-30"),
            ex("The vote is on 3 March.", "3 March", "2026-03-03"),
            ex("He met Li on Tuesday, Jan. 6.", "Tuesday, Jan. 6", "2026-01-06"),
        ],
        negatives: &["It may 3 times be wrong.", "Read chapter 6 of the book."],
    },
    Rule {
        name: "date.numeric",
        kind: Kind::Date,
        pattern: "",
        description: "Numeric dates: ISO \"2026-01-06\", US \"1/6/2026\", day-first when the first part exceeds 12.",
        examples: &[
            ex("date 2026-01-06 Lee holds meeting", "2026-01-06", "2026-01-06"),
            ex("Filed on 1/6/2026 in Seoul.", "1/6/2026", "2026-01-06"),
            ex("Filed on 21/04/2016.", "21/04/2016", "2016-04-21"),
        ],
        negatives: &["Call 555-1212 now.", "They won 3-1 at home.", "Open 24/7.", "Version 1.2.3 is out."],
    },
    Rule {
        name: "date.weekday",
        kind: Kind::Date,
        pattern: "",
        description: "A weekday resolved against the publication date: past for reports, future with \"will\"/\"next\".",
        examples: &[
            ex("Li met Lee in Beijing on Tuesday.", "Tuesday", "2026-01-06"),
            ex("On Friday, Lee will visit Shanghai.", "Friday", "2026-01-09"),
            ex("Lee arrived on Sunday afternoon.", "Sunday afternoon", "2026-01-04"),
            ex("They meet again next Monday.", "next Monday", "2026-01-12"),
        ],
        negatives: &["Super Tuesday results are in.", "He loves the sun."],
    },
    Rule {
        name: "date.relative",
        kind: Kind::Date,
        pattern: "",
        description: "Days and periods relative to the publication date: today, yesterday, this year, last month, two days ago.",
        examples: &[
            ex("The ministry said yesterday that talks ended.", "yesterday", "2026-01-06"),
            ex("Talks are planned this year.", "this year", "2026-01-01..2026-12-31"),
            ex("Exports fell last month.", "last month", "2025-12-01..2025-12-31"),
            ex("The plant closed two days ago.", "two days ago", "2026-01-05"),
            ex("Prices rose last week.", "last week", "2025-12-29..2026-01-04"),
            ex("Exports grew over the past three years.", "the past three years", "2023-01-07..2026-01-07"),
        ],
        negatives: &["He lasted a week."],
    },
    Rule {
        name: "date.event_relative",
        kind: Kind::Date,
        pattern: "",
        description: "Days relative to another dated event in the same or previous sentence: \"the previous day\", \"a day earlier\", \"two days later\"; \"a day after <event>\" dates the event (the anchor minus a day). Without an anchor the day stays unresolved.",
        examples: &[
            ex("Lee met Li on Jan. 6. He had met Xi a day earlier.", "a day earlier", "2026-01-05"),
            ex("Lee arrived on Jan. 4 and met Xi the next day.", "the next day", "2026-01-05"),
            ex("The fire started on Jan. 2. It was contained two days later.", "two days later", "2026-01-04"),
            ex("Lee met Li on Jan. 6. The talks came a day after his summit with Xi.", "a day after", "2026-01-05"),
            ex("Lee arrived on Jan. 4 and met Xi the same day.", "the same day", "2026-01-04"),
        ],
        negatives: &["They worked day after day.", "The day was long."],
    },
    Rule {
        name: "date.month",
        kind: Kind::Date,
        pattern: "",
        description: "Months: \"November 2025\", \"in November\", \"October last year\", \"last October\".",
        examples: &[
            ex("They met in November in Gyeongju.", "November", "2025-11-01..2025-11-30"),
            ex("They met in October last year.", "October last year", "2025-10-01..2025-10-31"),
            ex("Sales rose in March 2024.", "March 2024", "2024-03-01..2024-03-31"),
            ex("Talks resume in mid-February.", "mid-February", "2026-02-01..2026-02-28"),
        ],
        negatives: &["June Carter sang.", "The march was peaceful.", "It may rain."],
    },
    Rule {
        name: "date.year",
        kind: Kind::Date,
        pattern: "",
        description: "A four-digit year 1000-2100 after a date word (in, since, by, of ...) or with a possessive.",
        examples: &[
            ex("It is the first such trip since 2017.", "since 2017", "2017-01-01..2017-12-31"),
            ex("In 2024, the ROK surpassed Japan.", "2024", "2024-01-01..2024-12-31"),
            ex("Output fell by the end of 2025.", "end of 2025", "2025-01-01..2025-12-31"),
            ex("The 2024 election was close.", "2024", "2024-01-01..2024-12-31"),
            ex("The plan is 2025's biggest.", "2025", "2025-01-01..2025-12-31"),
        ],
        negatives: &["About 2,000 people came.", "Room 2024 is free.", "He scored 2017 points."],
    },
    Rule {
        name: "date.range",
        kind: Kind::Date,
        pattern: "",
        description: "Ranges of years, days or months: \"from 1926 to 1932\", \"1910-45\", \"Jan. 5-8\", \"between 2020 and 2022\".",
        examples: &[
            ex("It served as headquarters from 1926 to 1932.", "from 1926 to 1932", "1926-01-01..1932-12-31"),
            ex("during Japan's 1910-45 colonial rule", "1910-45", "1910-01-01..1945-12-31"),
            ex("The fair runs Jan. 5-8 in Seoul.", "Jan. 5-8", "2026-01-05..2026-01-08"),
            ex("Output grew between 2020 and 2022.", "between 2020 and 2022", "2020-01-01..2022-12-31"),
            ex("Prices rose from January 2020 to March 2021.", "from January 2020 to March 2021", "2020-01-01..2021-03-31"),
        ],
        negatives: &["They won 3-1.", "Pages 10-45 were missing."],
    },
    Rule {
        name: "date.period",
        kind: Kind::Date,
        pattern: "",
        description: "Parts of a year, decades and centuries: \"the first 11 months of 2025\", \"Q3 2025\", \"the 1970s\".",
        examples: &[
            ex("Trade totaled $306 billion in the first 11 months of 2025.", "the first 11 months of 2025", "2025-01-01..2025-11-30"),
            ex("Profit rose in Q3 2025.", "Q3 2025", "2025-07-01..2025-09-30"),
            ex("Floods hit the region last summer.", "last summer", "2025-06-01..2025-08-31"),
            ex("Sales peaked in the first week of 2025.", "the first week of 2025", "2024-12-30..2025-01-05"),
            ex("It was built in the 1970s.", "the 1970s", "1970-01-01..1979-12-31"),
        ],
        negatives: &["The Q3 team won."],
    },
    Rule {
        name: "time.clock",
        kind: Kind::Time,
        pattern: "",
        description: "Clock times with optional zone and attached day: \"4:30 p.m.\", \"2345 GMT Sunday\", \"10 a.m. local time\".",
        examples: &[
            ex("The quake struck at 4:30 p.m. on the coast.", "4:30 p.m.", "T16:30"),
            ex("The launch was at 2345 GMT Sunday.", "2345 GMT Sunday", "2026-01-04T23:45"),
            ex("Xinhua) 08:30, January 07, 2026", "08:30, January 07, 2026", "2026-01-07T08:30"),
            ex("Polls open at 10 a.m. local time.", "10 a.m. local time", "T10"),
        ],
        negatives: &["The score was 2:1.", "Read John 3:16 again.", "It costs 1130 won."],
    },
    Rule {
        name: "time.range",
        kind: Kind::Time,
        pattern: "",
        description: "Clock ranges, the first end borrowing am/pm from the second: \"from 7 a.m. to 8 p.m.\", \"5 to 6pm\".",
        examples: &[
            ex("Polls are open from 7 a.m. to 8 p.m. nationwide.", "from 7 a.m. to 8 p.m.", "(T07,T20,PT13H)"),
            ex("The store opens 5 to 6pm on Sunday.", "5 to 6pm on Sunday", "2026-01-04T17:00"),
        ],
        negatives: &["They won 3-1 on Sunday at home."],
    },
    Rule {
        name: "duration.unit",
        kind: Kind::Duration,
        pattern: "",
        description: "A number of time units, with its hedge: \"two months\", \"more than two decades\", \"48 hours\".",
        examples: &[
            ex("their second engagement in just two months", "two months", "P2M"),
            ex("its largest partner for more than two decades", "more than two decades", ">P20Y"),
            ex("talks lasted about 30 minutes", "about 30 minutes", "~PT30M"),
            ex("over the past 30-plus years since ties began", "30-plus years", ">P30Y"),
        ],
        negatives: &["He is 45 years old.", "Take it three times a day."],
    },
    Rule {
        name: "duration.adjective",
        kind: Kind::Duration,
        pattern: "",
        description: "A duration used as an adjective, with the noun it describes: \"four-day state visit\", \"a week-long strike\".",
        examples: &[
            ex("on the third day of his four-day state visit to China", "four-day", "P4D state visit"),
            ex("Lee wrapped a three-day visit to Beijing.", "three-day", "P3D visit"),
            ex("Workers began a week-long strike.", "week-long", "P1W strike"),
        ],
        negatives: &["A 45-year-old man was hurt.", "a two-city trip"],
    },
    Rule {
        name: "duration.clock",
        kind: Kind::Duration,
        pattern: "",
        description: "An elapsed time written h:mm:ss: \"2:01:39\".",
        examples: &[
            ex("He won the marathon in 2:01:39.", "2:01:39", "PT2H1M39S"),
            ex("She finished in 2:15:25, a record.", "2:15:25", "PT2H15M25S"),
        ],
        negatives: &["The clock read 10:30:00 p.m. then."],
    },
];

/// Finds the date, time and duration mentions of a document.
pub fn find(ctx: &Context<'_, '_>, out: &mut Vec<Candidate>) {
    let scan = scan::Scan::new(ctx.doc, ctx.published);
    for h in scan.run() {
        out.push(Candidate {
            range: scan.range(h.first, h.end),
            kind: h.kind,
            value: h.value.into(),
            qualifier: h.qualifier,
            noun: h.noun,
            rule: h.rule,
            linked: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::EXAMPLE_PUBLISHED;
    use crate::extract::{extract, ExtractOptions};
    use crate::model::{Basis, Mention};

    fn run(input: &str, published: Option<&str>) -> Vec<Mention> {
        let opts = match published {
            Some(p) => ExtractOptions::published(p),
            None => ExtractOptions::default(),
        };
        extract(input, &opts).expect("extract")
    }

    #[test]
    fn rule_examples_hold() {
        let mut failures = Vec::new();
        for rule in RULES {
            assert!(rule.examples.len() >= 2, "{} needs 2+ examples", rule.name);
            for e in rule.examples {
                let ms = run(e.input, Some(EXAMPLE_PUBLISHED));
                let ok = ms.iter().any(|m| {
                    m.rule == rule.name && m.text == e.text && m.display_value() == e.value
                });
                if !ok {
                    let got: Vec<String> = ms
                        .iter()
                        .map(|m| format!("{}:{:?}={}", m.rule, m.text, m.display_value()))
                        .collect();
                    failures.push(format!(
                        "{}: {:?} expected {:?}={} got {:?}",
                        rule.name, e.input, e.text, e.value, got
                    ));
                }
            }
            for n in rule.negatives {
                let ms = run(n, Some(EXAMPLE_PUBLISHED));
                if let Some(m) = ms.iter().find(|m| m.kind == rule.kind) {
                    failures.push(format!(
                        "{}: negative {:?} produced {:?}={}",
                        rule.name,
                        n,
                        m.text,
                        m.display_value()
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn date_of<'m>(ms: &'m [Mention], text: &str) -> &'m crate::model::DateValue {
        ms.iter()
            .find(|m| m.text == text)
            .and_then(|m| m.value.date())
            .unwrap_or_else(|| {
                panic!(
                    "no date {text:?} in {:?}",
                    ms.iter().map(|m| &m.text).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn weekday_without_publication_date_stays_unresolved() {
        let ms = run("President Lee on Tuesday held back-to-back meetings.", None);
        let d = date_of(&ms, "Tuesday");
        assert_eq!(d.timex, "XXXX-WXX-2");
        assert_eq!(d.basis, Basis::Unresolved);
        assert_eq!(d.start, None);
        assert_eq!(d.weekday.as_deref(), Some("tuesday"));
    }

    #[test]
    fn weekday_on_its_own_publication_day_is_that_day() {
        let ms = run(
            "Earlier Tuesday, Lee met Zhao. On Wednesday, Lee will visit the building.",
            Some("2026-01-06"),
        );
        assert_eq!(date_of(&ms, "Tuesday").start.as_deref(), Some("2026-01-06"));
        assert_eq!(
            date_of(&ms, "Wednesday").start.as_deref(),
            Some("2026-01-07")
        );
        assert_eq!(date_of(&ms, "Wednesday").basis, Basis::WeekdayRelative);
    }

    #[test]
    fn event_relative_needs_a_nearby_anchor() {
        let ms = run(
            "Lee met Li on Jan. 6.\n\nFollowing his summit with Xi a day earlier, Lee spoke.",
            Some("2026-01-07"),
        );
        let d = date_of(&ms, "a day earlier");
        assert_eq!(d.basis, Basis::EventRelative);
        assert_eq!(d.start.as_deref(), Some("2026-01-05"));
        let far = run(
            "Lee met Li on Jan. 6. He spoke. They ate. He met Xi the previous day.",
            Some("2026-01-07"),
        );
        assert_eq!(date_of(&far, "the previous day").basis, Basis::Unresolved);
    }

    #[test]
    fn clock_times_carry_zones() {
        let ms = run(
            "The rocket lifted off at 2345 GMT (0745 KST Monday).",
            Some("2026-01-07"),
        );
        let d = date_of(&ms, "2345 GMT");
        assert_eq!(
            (d.time.as_deref(), d.zone.as_deref(), d.utc_offset_minutes),
            (Some("23:45"), Some("GMT"), Some(0))
        );
        let k = date_of(&ms, "0745 KST Monday");
        assert_eq!(
            (k.utc_offset_minutes, k.start.as_deref()),
            (Some(540), Some("2026-01-05"))
        );
    }

    #[test]
    fn news_readings() {
        let ms = run(
            "The bridge carries 100,000 vehicles a day. Revenue rose 12% from a year earlier. \
             The trial is expected to last six weeks. Officials said on Jan. 15 that a 90-minute \
             meeting followed. It happened at 11 pm on Thursday, June 5.",
            Some("2026-01-07"),
        );
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert!(
            !texts.contains(&"a day"),
            "rate read as a duration: {texts:?}"
        );
        assert!(
            !texts.contains(&"a year"),
            "comparison read as a duration: {texts:?}"
        );
        let six = ms
            .iter()
            .find(|m| m.text == "six weeks")
            .expect("six weeks");
        assert_eq!(six.kind, Kind::Duration);
        assert_eq!(date_of(&ms, "Jan. 15").start.as_deref(), Some("2025-01-15"));
        let meeting = ms
            .iter()
            .find(|m| m.text == "90-minute")
            .expect("90-minute");
        assert_eq!(meeting.noun.as_deref(), Some("meeting"));
        // The stated weekday picks 2025 over the nearer 2026-06-05 (a Friday).
        let t = date_of(&ms, "11 pm on Thursday, June 5");
        assert_eq!(
            (t.start.as_deref(), t.time.as_deref()),
            (Some("2025-06-05"), Some("23:00"))
        );
        // "since" looks back: the Jan. 28 before the publication date, not after it.
        let since = run(
            "The index closed at its lowest since Jan. 28.",
            Some("2026-01-07"),
        );
        assert_eq!(
            date_of(&since, "since Jan. 28").start.as_deref(),
            Some("2025-01-28")
        );
        // A weekday that fits no nearby year is left for the checker to flag.
        let off = run("It began on Tuesday, Jan. 8.", Some("2026-01-07"));
        assert_eq!(
            date_of(&off, "Tuesday, Jan. 8").start.as_deref(),
            Some("2026-01-08")
        );
    }

    #[test]
    fn random_calendar_word_soup_does_not_panic() {
        const WORDS: &[&str] = &[
            "Jan.",
            "May",
            "March",
            "Tuesday",
            "Sun",
            "the",
            "first",
            "last",
            "past",
            "next",
            "of",
            "in",
            "since",
            "from",
            "to",
            "between",
            "and",
            "-",
            "/",
            ".",
            ",",
            ":",
            "'",
            "s",
            "a.m.",
            "pm",
            "GMT",
            "KST",
            "UTC+9",
            "days",
            "weeks",
            "decades",
            "year",
            "month",
            "week",
            "ago",
            "later",
            "earlier",
            "after",
            "before",
            "0",
            "1",
            "7",
            "12",
            "13",
            "29",
            "31",
            "45",
            "99",
            "1130",
            "2345",
            "1910",
            "2025",
            "2026",
            "2100",
            "9999999999",
            "999999999",
            "four-day",
            "30-plus",
            "Q3",
            "H1",
            "1970s",
            "21st",
            "century",
            "within",
            "this",
            "today",
            "yesterday",
            "tomorrow",
            "noon",
            "midnight",
            "on",
            "at",
            "end",
            "mid-",
            "summer",
            "two",
            "thousand",
            "nineteen",
            "twenty",
            "half",
            "an",
            "hour",
            "more",
            "than",
            "about",
            "é",
            "—",
            "rest",
            "T",
            "(",
            ")",
            "0th",
            "week",
            "weekend",
            "seventies",
            "another",
            "the",
            "of",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..24 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let w = WORDS[(state % WORDS.len() as u64) as usize];
                text.push_str(w);
                if state & 0x30 != 0 {
                    text.push(' ');
                }
            }
            for p in [None, Some("2026-01-07"), Some("2024-02-29")] {
                let _ = run(&text, p);
            }
        }
        for text in [
            "over the past 999999999 decades",
            "the next 999999999 years",
            "within 999999999 days",
            "999999999 days ago and 999999999 weeks later",
            "999999999 months from now",
            "the first 99 months of 2025",
            "the 99th century",
            "Q9 2025 and H3 2025",
            "the 9th week of 2025",
            "99:99:99 and 24:00 GMT+99",
        ] {
            for p in [
                None,
                Some("2026-01-07"),
                Some("9999-12-31"),
                Some("0001-01-01"),
            ] {
                let _ = run(text, p);
            }
        }
    }

    #[test]
    fn times_attach_to_days_but_counts_do_not() {
        let ms = run(
            "Updated 2026-01-06T08:30. On Tuesday 1500 troops arrived. The blast came at \
             4:30 p.m. (0730 GMT) on Tuesday.",
            Some("2026-01-07"),
        );
        let iso = date_of(&ms, "2026-01-06T08:30");
        assert_eq!(
            (iso.start.as_deref(), iso.time.as_deref()),
            (Some("2026-01-06"), Some("08:30"))
        );
        assert_eq!(
            date_of(&ms, "Tuesday").time,
            None,
            "1500 troops is not a time"
        );
        let t = date_of(&ms, "4:30 p.m. (0730 GMT) on Tuesday");
        assert_eq!(
            (t.start.as_deref(), t.time.as_deref()),
            (Some("2026-01-06"), Some("16:30"))
        );
    }

    #[test]
    fn durations_compare_in_seconds() {
        let ms = run("a four-day state visit and a 96-hour trip", None);
        let secs: Vec<f64> = ms
            .iter()
            .filter_map(|m| m.value.duration())
            .map(|d| d.seconds)
            .collect();
        assert_eq!(secs, vec![345_600.0, 345_600.0]);
    }
}
