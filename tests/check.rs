//! The cross-source check on hand-built extractions: a small builder places mentions in
//! real sentences, so measures, participants, scopes and verdicts are exercised without
//! depending on the extractors.

use factcheck::check::{run_with_texts, CheckOptions};
use factcheck::model::{
    Basis, DateValue, DurationValue, Extraction, Field, Granularity, Kind, Mention, Metadata,
    Provenance, Qualifier, Quantity, SourceInfo, TextValue, Value,
};
use factcheck::report::{Group, Report};
use factcheck::text::Doc;
use factcheck::Verdict;

/// Builds one source: its text and mentions placed by their verbatim text.
struct Src {
    id: String,
    text: String,
    published: Option<String>,
    mentions: Vec<Mention>,
    links: Vec<(usize, usize)>,
    cursor: usize,
}

impl Src {
    fn new(id: &str, published: Option<&str>, text: &str) -> Src {
        Src {
            id: id.into(),
            text: text.into(),
            published: published.map(str::to_string),
            mentions: Vec::new(),
            links: Vec::new(),
            cursor: 0,
        }
    }

    /// Places a mention at the next occurrence of `needle` (after the previous one placed).
    fn add(
        mut self,
        needle: &str,
        kind: Kind,
        value: Value,
        qualifier: Qualifier,
        noun: Option<&str>,
    ) -> Src {
        let start = self.text[self.cursor..]
            .find(needle)
            .map(|i| i + self.cursor)
            .or_else(|| self.text.find(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in {}", self.id));
        let end = start + needle.len();
        self.cursor = start;
        let doc = Doc::new(&self.text);
        let sentence = doc.span(doc.sentence_at(start));
        self.mentions.push(Mention {
            kind,
            text: needle.into(),
            start,
            end,
            start_utf16: start,
            end_utf16: end,
            value,
            qualifier,
            noun: noun.map(str::to_string),
            sentence,
            linked: None,
            rule: "test".into(),
        });
        self
    }

    fn num(
        self,
        needle: &str,
        kind: Kind,
        v: f64,
        precision: f64,
        q: Qualifier,
        noun: Option<&str>,
    ) -> Src {
        let mut qty = Quantity::exact(v, precision);
        if kind == Kind::Percent {
            qty.unit = Some("%".into());
        }
        self.add(needle, kind, Value::Quantity(qty), q, noun)
    }

    fn count(self, needle: &str, v: f64, q: Qualifier, noun: &str) -> Src {
        self.num(needle, Kind::Count, v, 1.0, q, Some(noun))
    }

    fn money(self, needle: &str, v: f64, precision: f64, unit: &str) -> Src {
        let mut qty = Quantity::exact(v, precision);
        qty.unit = Some(unit.into());
        self.add(
            needle,
            Kind::Money,
            Value::Quantity(qty),
            Qualifier::Exact,
            None,
        )
    }

    /// Links the two most recent mentions (a stated conversion).
    fn linked(mut self) -> Src {
        let n = self.mentions.len();
        self.links.push((n - 2, n - 1));
        self
    }

    fn date(self, needle: &str, start: Option<&str>, weekday: Option<&str>, basis: Basis) -> Src {
        let d = DateValue {
            timex: start.unwrap_or("XXXX-WXX-X").into(),
            start: start.map(str::to_string),
            end: start.map(str::to_string),
            granularity: Granularity::Day,
            basis,
            weekday: weekday.map(str::to_string),
            time: None,
            zone: None,
            utc_offset_minutes: None,
        };
        self.add(needle, Kind::Date, Value::Date(d), Qualifier::Exact, None)
    }

    fn days(self, needle: &str, n: f64, noun: &str) -> Src {
        let d = DurationValue {
            timex: format!("P{n}D"),
            amount: Quantity::exact(n, 1.0),
            unit: "day".into(),
            seconds: n * 86400.0,
        };
        self.add(
            needle,
            Kind::Duration,
            Value::Duration(d),
            Qualifier::Exact,
            Some(noun),
        )
    }

    fn text_value(self, needle: &str, kind: Kind, canonical: &str, subject: Option<&str>) -> Src {
        let t = TextValue {
            value: needle.into(),
            canonical: canonical.into(),
            subject: subject.map(str::to_string),
        };
        self.add(needle, kind, Value::Text(t), Qualifier::Exact, None)
    }

    fn build(self) -> (Extraction, String) {
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&i| (self.mentions[i].start, i));
        let pos = |old: usize| order.iter().position(|&o| o == old);
        let mut mentions: Vec<Mention> = order.iter().map(|&i| self.mentions[i].clone()).collect();
        for (a, b) in &self.links {
            let (Some(pa), Some(pb)) = (pos(*a), pos(*b)) else {
                continue;
            };
            mentions[pa].linked = Some(pb);
            mentions[pb].linked = Some(pa);
        }
        let metadata = Metadata {
            published: self.published.map(|p| Field {
                value: p,
                from: Provenance::Caller,
                evidence: None,
            }),
            ..Default::default()
        };
        (
            Extraction {
                source: SourceInfo {
                    id: self.id,
                    path: None,
                    metadata,
                    bytes: self.text.len(),
                    length_utf16: self.text.len(),
                },
                mentions,
            },
            self.text,
        )
    }
}

fn check(srcs: Vec<Src>) -> Report {
    let built: Vec<(Extraction, String)> = srcs.into_iter().map(Src::build).collect();
    let texts: Vec<&str> = built.iter().map(|b| b.1.as_str()).collect();
    let exts: Vec<Extraction> = built.iter().map(|b| b.0.clone()).collect();
    run_with_texts(exts, &texts, &CheckOptions::default())
}

/// The group holding a claim with this verbatim text (the first, in report order).
fn group_of<'r>(r: &'r Report, text: &str) -> &'r Group {
    let claim = r
        .claims
        .iter()
        .find(|c| c.mention.text == text)
        .unwrap_or_else(|| panic!("no claim {text:?}"));
    r.groups
        .iter()
        .find(|g| g.claims.contains(&claim.id))
        .unwrap_or_else(|| {
            panic!(
                "claim {text:?} ({:?}) is in no group; groups: {:#?}",
                claim.measure, r.groups
            )
        })
}

fn conflicts(r: &Report) -> Vec<&Group> {
    r.groups
        .iter()
        .filter(|g| g.verdict == Verdict::Conflict)
        .collect()
}

use Qualifier::{Approximate, Exact, MoreThan};

#[test]
fn different_company_counts_in_the_delegation_conflict() {
    let r = check(vec![
        Src::new("a", None, "The business delegation of around 400 people from 161 Korean companies traveled with Lee.")
            .count("around 400 people", 400.0, Approximate, "people")
            .count("161 Korean companies", 161.0, Exact, "company"),
        Src::new("b", None, "A delegation of nearly 400 people from 200 companies accompanied the president.")
            .count("nearly 400 people", 400.0, Approximate, "people")
            .count("200 companies", 200.0, Exact, "company"),
    ]);
    let g = group_of(&r, "161 Korean companies");
    assert_eq!(g.verdict, Verdict::Conflict, "{g:#?}");
    assert_eq!(g.cause, "value_mismatch");
    assert!(
        g.explanation.contains("161 Korean companies") && g.explanation.contains("200 companies"),
        "{}",
        g.explanation
    );
    let g = group_of(&r, "around 400 people");
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
    assert_eq!(g.cause, "within_hedge");
    assert_eq!(r.summary.conflicts, 1);
}

#[test]
fn hedges_are_intervals() {
    let r = check(vec![
        Src::new("a", None, "More than 400 people were killed in the quake.").count(
            "More than 400 people",
            400.0,
            MoreThan,
            "people",
        ),
        Src::new("b", None, "The quake killed 412 people.").count(
            "412 people",
            412.0,
            Exact,
            "people",
        ),
    ]);
    assert_eq!(group_of(&r, "412 people").verdict, Verdict::Agree);
    let r = check(vec![
        Src::new("a", None, "More than 400 people were killed in the quake.").count(
            "More than 400 people",
            400.0,
            MoreThan,
            "people",
        ),
        Src::new("b", None, "The quake killed 1,000 people.").count(
            "1,000 people",
            1000.0,
            Exact,
            "people",
        ),
    ]);
    assert_eq!(group_of(&r, "1,000 people").verdict, Verdict::Conflict);
}

#[test]
fn precision_decides_between_rounding_and_conflict() {
    let r = check(vec![
        Src::new(
            "a",
            None,
            "Turnout was high as 9.69 million votes were cast.",
        )
        .num(
            "9.69 million votes",
            Kind::Count,
            9.69e6,
            1e4,
            Exact,
            Some("vote"),
        ),
        Src::new(
            "b",
            None,
            "Some 9.7 million votes were cast, officials said.",
        )
        .num(
            "9.7 million votes",
            Kind::Count,
            9.7e6,
            1e5,
            Exact,
            Some("vote"),
        ),
    ]);
    let g = group_of(&r, "9.69 million votes");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::Agree, "rounding"),
        "{g:#?}"
    );
    let r = check(vec![
        Src::new("a", None, "The party won 46.8 million votes.").num(
            "46.8 million votes",
            Kind::Count,
            46.8e6,
            1e5,
            Exact,
            Some("vote"),
        ),
        Src::new("b", None, "The party won 46.9 million votes.").num(
            "46.9 million votes",
            Kind::Count,
            46.9e6,
            1e5,
            Exact,
            Some("vote"),
        ),
    ]);
    assert_eq!(
        group_of(&r, "46.8 million votes").verdict,
        Verdict::Conflict
    );
}

#[test]
fn weekday_resolved_against_publication_agrees_with_the_date() {
    let r = check(vec![
        Src::new("a", Some("2026-01-07"), "Chinese Premier Li Qiang met with President Lee Jae Myung in Beijing on Tuesday.")
            .date("Tuesday", Some("2026-01-06"), Some("tuesday"), Basis::WeekdayRelative),
        Src::new("b", Some("2026-01-07"), "President Lee Jae-myung met with Chinese Premier Li Qiang on Jan. 6 and said he hoped for peace.")
            .date("Jan. 6", Some("2026-01-06"), None, Basis::PublicationRelative),
    ]);
    let g = group_of(&r, "Tuesday");
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
    assert!(g.measure.contains("meeting"), "{}", g.measure);
    let claim = r
        .claims
        .iter()
        .find(|c| c.mention.text == "Jan. 6")
        .unwrap();
    assert_eq!(
        claim.subjects,
        vec!["lee jae myung".to_string(), "li qiang".to_string()]
    );
}

#[test]
fn different_meeting_dates_conflict_and_unresolved_ones_cannot() {
    let r = check(vec![
        Src::new(
            "a",
            Some("2026-01-07"),
            "President Lee Jae Myung met Premier Li Qiang on Jan. 6.",
        )
        .date(
            "Jan. 6",
            Some("2026-01-06"),
            None,
            Basis::PublicationRelative,
        ),
        Src::new(
            "b",
            Some("2026-01-08"),
            "President Lee Jae-myung met Premier Li Qiang on Wednesday, Jan. 7.",
        )
        .date(
            "Wednesday, Jan. 7",
            Some("2026-01-07"),
            Some("wednesday"),
            Basis::PublicationRelative,
        ),
    ]);
    let g = group_of(&r, "Jan. 6");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::Conflict, "date_mismatch"),
        "{g:#?}"
    );
    let r = check(vec![
        Src::new(
            "a",
            None,
            "President Lee Jae Myung met Premier Li Qiang on Monday.",
        )
        .date("Monday", None, Some("monday"), Basis::Unresolved),
        Src::new(
            "b",
            Some("2026-01-07"),
            "President Lee Jae-myung met Premier Li Qiang on Jan. 6.",
        )
        .date(
            "Jan. 6",
            Some("2026-01-06"),
            None,
            Basis::PublicationRelative,
        ),
    ]);
    let g = group_of(&r, "Monday");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::NotComparable, "unresolved_date"),
        "{g:#?}"
    );
    assert!(
        g.explanation.contains("could not be pinned"),
        "{}",
        g.explanation
    );
}

#[test]
fn ordinals_compare_per_pair_of_participants() {
    let r = check(vec![
        Src::new("a", None, "The meetings came a day after Lee Jae Myung's second summit with President Xi Jinping.")
            .num("second summit", Kind::Ordinal, 2.0, 1.0, Exact, Some("summit")),
        Src::new("b", None, "Following his third summit with Chinese President Xi Jinping, Lee Jae-myung met Li Qiang.")
            .num("third summit", Kind::Ordinal, 3.0, 1.0, Exact, Some("summit")),
        Src::new("c", None, "President Lee Jae Myung met Premier Li Qiang. This marks the two leaders' third meeting since October.")
            .num("third meeting", Kind::Ordinal, 3.0, 1.0, Exact, Some("meeting")),
    ]);
    let g = group_of(&r, "second summit");
    assert_eq!(g.verdict, Verdict::Conflict, "{:#?}", r.groups);
    assert!(!g.claims.iter().any(|c| c.starts_with("c#")), "{g:#?}");
    let nc: Vec<&Group> = r
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::NotComparable)
        .collect();
    assert_eq!(nc.len(), 1, "{:#?}", r.groups);
    assert_eq!(nc[0].cause, "different_subject");
}

#[test]
fn venues_conflict_unless_one_names_the_other() {
    let r = check(vec![
        Src::new(
            "a",
            None,
            "Lee Jae Myung met Li Qiang at the Diaoyutai State Guesthouse in Beijing.",
        )
        .text_value(
            "the Diaoyutai State Guesthouse",
            Kind::Venue,
            "diaoyutai state guesthouse",
            None,
        ),
        Src::new(
            "b",
            None,
            "Lee Jae-myung met Li Qiang at Diaoyutai, the state guesthouse.",
        )
        .text_value("Diaoyutai", Kind::Venue, "diaoyutai", None),
        Src::new(
            "c",
            None,
            "Lee Jae Myung met Li Qiang at the Great Hall of the People.",
        )
        .text_value(
            "the Great Hall of the People",
            Kind::Venue,
            "great hall of the people",
            None,
        ),
    ]);
    let g = group_of(&r, "Diaoyutai");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::Conflict, "venue_mismatch"),
        "{g:#?}"
    );
    let r = check(vec![
        Src::new(
            "a",
            None,
            "Lee Jae Myung met Li Qiang at the Diaoyutai State Guesthouse in Beijing.",
        )
        .text_value(
            "the Diaoyutai State Guesthouse",
            Kind::Venue,
            "diaoyutai state guesthouse",
            None,
        ),
        Src::new(
            "b",
            None,
            "Lee Jae-myung met Li Qiang at Diaoyutai, the state guesthouse.",
        )
        .text_value("Diaoyutai", Kind::Venue, "diaoyutai", None),
    ]);
    assert_eq!(group_of(&r, "Diaoyutai").verdict, Verdict::Agree);
}

#[test]
fn death_toll_updated_between_reports() {
    let r = check(vec![
        Src::new(
            "a",
            Some("2025-01-07"),
            "At least 175 people were killed when the earthquake struck Tibet.",
        )
        .count("At least 175 people", 175.0, Qualifier::AtLeast, "people"),
        Src::new(
            "b",
            Some("2025-01-08"),
            "The death toll from the earthquake rose to 398, officials said.",
        )
        .num("398", Kind::Count, 398.0, 1.0, Exact, None),
    ]);
    let g = group_of(&r, "398");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::Conflict, "updated_over_time"),
        "{g:#?}"
    );
}

#[test]
fn different_scopes_are_not_comparable() {
    let r = check(vec![
        Src::new("a", Some("2026-01-06"), "Lee wrapped a three-day visit to Beijing, where he met Xi. Lee kicked off a four-day state visit to China Sunday.")
            .days("three-day", 3.0, "visit")
            .days("four-day", 4.0, "state visit"),
        Src::new("b", None, "It was the third day of his four-day state visit to China.").days("four-day", 4.0, "state visit"),
    ]);
    let g = group_of(&r, "three-day");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::NotComparable, "different_scope"),
        "{:#?}",
        r.groups
    );
    assert!(conflicts(&r).is_empty(), "{:#?}", r.groups);
    assert!(
        r.groups
            .iter()
            .any(|g| g.verdict == Verdict::Agree && g.claims.len() == 2),
        "{:#?}",
        r.groups
    );
}

#[test]
fn different_attributions_are_not_comparable_but_unattributed_figures_conflict() {
    let r = check(vec![
        Src::new(
            "a",
            None,
            "The quake had a magnitude of 6.1, according to the USGS.",
        )
        .num("6.1", Kind::Count, 6.1, 0.1, Exact, Some("magnitude")),
        Src::new(
            "b",
            None,
            "The quake had a magnitude of 6.5, according to China's earthquake network.",
        )
        .num("6.5", Kind::Count, 6.5, 0.1, Exact, Some("magnitude")),
    ]);
    let g = group_of(&r, "6.1");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::NotComparable, "different_attribution"),
        "{:#?}",
        r.groups
    );
    let r = check(vec![
        Src::new("a", None, "The quake had a magnitude of 6.1.").num(
            "6.1",
            Kind::Count,
            6.1,
            0.1,
            Exact,
            Some("magnitude"),
        ),
        Src::new("b", None, "The quake had a magnitude of 6.5.").num(
            "6.5",
            Kind::Count,
            6.5,
            0.1,
            Exact,
            Some("magnitude"),
        ),
    ]);
    assert_eq!(group_of(&r, "6.1").verdict, Verdict::Conflict);
}

#[test]
fn crowd_estimates_from_police_and_organisers() {
    let r = check(vec![
        Src::new(
            "a",
            None,
            "Police said 5,000 protesters gathered in the square.",
        )
        .count("5,000 protesters", 5000.0, Exact, "protester"),
        Src::new(
            "b",
            None,
            "Organisers said 20,000 protesters joined the march.",
        )
        .count("20,000 protesters", 20000.0, Exact, "protester"),
    ]);
    let g = group_of(&r, "5,000 protesters");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::NotComparable, "different_attribution"),
        "{:#?}",
        r.groups
    );
}

#[test]
fn ranks_in_different_words_agree() {
    let r = check(vec![
        Src::new("a", Some("2026-01-06"), "Earlier Tuesday, Lee met with Zhao Leji, chairman of the committee. Zhao serves as China's No. 3 in ranking.")
            .num("No. 3", Kind::Rank, 3.0, 1.0, Exact, None),
        Src::new("b", Some("2026-01-07"), "Lee also met with Zhao Leji, chairman of the committee. Zhao ranks third in China's power hierarchy.")
            .num("ranks third", Kind::Rank, 3.0, 1.0, Exact, None),
        Src::new("c", None, "Lee held meetings with China's second- and third-highest-ranking officials.")
            .num("second-", Kind::Rank, 2.0, 1.0, Exact, None)
            .num("third-highest-ranking", Kind::Rank, 3.0, 1.0, Exact, None),
    ]);
    let g = group_of(&r, "No. 3");
    assert_eq!(g.verdict, Verdict::Agree, "{:#?}", r.groups);
    assert_eq!(g.measure, "rank of Zhao Leji");
    assert!(
        r.claims
            .iter()
            .filter(|c| c.source == "c")
            .all(|c| c.measure.is_none()),
        "{:#?}",
        r.claims
    );
}

#[test]
fn money_compares_across_currencies_only_through_a_stated_conversion() {
    let r = check(vec![
        Src::new(
            "a",
            None,
            "Bilateral trade totaled 2.14 trillion yuan ($306 billion) in the first 11 months.",
        )
        .money("2.14 trillion yuan", 2.14e12, 1e10, "CNY")
        .money("$306 billion", 306e9, 1e9, "USD")
        .linked(),
        Src::new(
            "b",
            None,
            "Trade between the two reached $306 billion in the first 11 months.",
        )
        .money("$306 billion", 306e9, 1e9, "USD"),
        Src::new("c", None, "Two-way trade was worth 2.1 trillion yuan.").money(
            "2.1 trillion yuan",
            2.1e12,
            1e11,
            "CNY",
        ),
    ]);
    assert!(conflicts(&r).is_empty(), "{:#?}", r.groups);
    let g = group_of(&r, "2.1 trillion yuan");
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
    let r = check(vec![
        Src::new("a", None, "Trade totaled 2.14 trillion yuan last year.").money(
            "2.14 trillion yuan",
            2.14e12,
            1e10,
            "CNY",
        ),
        Src::new("b", None, "Trade reached $280 billion last year.").money(
            "$280 billion",
            280e9,
            1e9,
            "USD",
        ),
    ]);
    assert_eq!(group_of(&r, "$280 billion").cause, "different_currency");
}

#[test]
fn an_article_whose_weekday_does_not_match_its_date() {
    let r = check(vec![Src::new(
        "a",
        Some("2026-01-07"),
        "Lee Jae Myung met Li Qiang on Wednesday, Jan. 6, 2026.",
    )
    .date(
        "Wednesday, Jan. 6, 2026",
        Some("2026-01-06"),
        Some("wednesday"),
        Basis::Explicit,
    )]);
    let g = group_of(&r, "Wednesday, Jan. 6, 2026");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::Conflict, "internal_weekday_mismatch"),
        "{g:#?}"
    );
    assert!(g.explanation.contains("Tuesday"), "{}", g.explanation);
}

#[test]
fn one_article_with_two_figures_for_one_measure() {
    let r = check(vec![Src::new(
        "a",
        None,
        "The quake killed 120 people. Rescuers said 150 people were killed.",
    )
    .count("120 people", 120.0, Exact, "people")
    .count("150 people", 150.0, Exact, "people")]);
    assert_eq!(conflicts(&r).len(), 1, "{:#?}", r.groups);
}

#[test]
fn single_sources_only_for_known_measures_and_order_is_stable() {
    let srcs = || {
        vec![
            Src::new(
                "a",
                None,
                "The quake killed 120 people. Officials counted 7 aftershocks. He had 3 reasons.",
            )
            .count("120 people", 120.0, Exact, "people")
            .count("7 aftershocks", 7.0, Exact, "aftershock")
            .num("3", Kind::Count, 3.0, 1.0, Exact, None),
            Src::new("b", None, "The quake killed 130 people.").count(
                "130 people",
                130.0,
                Exact,
                "people",
            ),
        ]
    };
    let r = check(srcs());
    assert!(r
        .claims
        .iter()
        .any(|c| c.mention.text == "3" && c.measure.is_none()));
    assert_eq!(r.groups.len(), 2, "{:#?}", r.groups);
    assert_eq!(r.groups[0].verdict, Verdict::Conflict);
    assert_eq!(r.groups[1].verdict, Verdict::SingleSource);
    assert_eq!(r.groups[0].id, "g1");
    assert_eq!(r.claims[0].id, "a#1");
    let again = check(srcs());
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
}

/// A thousand articles are checked (blocking keeps this near-linear; the time is printed, and
/// measured by `cargo bench --bench throughput`, not asserted: a timed test flakes on a busy
/// machine).
#[test]
fn a_thousand_articles_are_checked() {
    let mut srcs = Vec::new();
    for i in 0..1000 {
        let text = format!(
            "Governor Maria Lopez{i} said the quake killed {} people on Monday. Officials said {} homes were destroyed, Lopez{i} said.",
            100 + i % 3,
            50 + i
        );
        srcs.push(
            Src::new(&format!("s{i}"), Some("2025-01-08"), &text)
                .count(
                    &format!("{} people", 100 + i % 3),
                    (100 + i % 3) as f64,
                    Exact,
                    "people",
                )
                .count(&format!("{} homes", 50 + i), (50 + i) as f64, Exact, "home"),
        );
    }
    let t = std::time::Instant::now();
    let r = check(srcs);
    println!("check of 1000 articles: {:?}", t.elapsed());
    assert_eq!(r.claims.len(), 2000);
    assert_eq!(r.summary.sources, 1000);
    assert!(r.summary.conflicts >= 1);
}

#[test]
fn a_day_of_the_visit_that_does_not_fit_its_start() {
    let text = "President Lee Jae Myung arrived in Beijing on Sunday, Jan. 4. \
                On Jan. 7, the third day of his four-day state visit, Lee met Premier Li Qiang.";
    let r = check(vec![Src::new("a", Some("2026-01-08"), text)
        .date(
            "Sunday, Jan. 4",
            Some("2026-01-04"),
            Some("sunday"),
            Basis::PublicationRelative,
        )
        .date(
            "Jan. 7",
            Some("2026-01-07"),
            None,
            Basis::PublicationRelative,
        )
        .num("third", Kind::Ordinal, 3.0, 1.0, Exact, Some("day"))]);
    let g = group_of(&r, "third");
    assert_eq!(
        (g.verdict, g.cause.as_str()),
        (Verdict::Conflict, "internal_day_of_visit_mismatch"),
        "{:#?}",
        r.groups
    );
    let fine = "President Lee Jae Myung arrived in Beijing on Sunday, Jan. 4. \
                On Jan. 6, the third day of his four-day state visit, Lee met Premier Li Qiang.";
    let r = check(vec![Src::new("a", Some("2026-01-08"), fine)
        .date(
            "Sunday, Jan. 4",
            Some("2026-01-04"),
            Some("sunday"),
            Basis::PublicationRelative,
        )
        .date(
            "Jan. 6",
            Some("2026-01-06"),
            None,
            Basis::PublicationRelative,
        )
        .num("third", Kind::Ordinal, 3.0, 1.0, Exact, Some("day"))]);
    assert!(conflicts(&r).is_empty(), "{:#?}", r.groups);
}

#[test]
fn newsroom_aliases_extend_the_table() {
    let built: Vec<(Extraction, String)> =
        vec![
            Src::new("a", None, "Acme Corp reported revenue of $5 billion.").money(
                "$5 billion",
                5e9,
                1e9,
                "USD",
            ),
        ]
        .into_iter()
        .map(Src::build)
        .collect();
    let texts: Vec<&str> = built.iter().map(|b| b.1.as_str()).collect();
    let exts: Vec<Extraction> = built.iter().map(|b| b.0.clone()).collect();
    let plain = run_with_texts(exts.clone(), &texts, &CheckOptions::default());
    assert!(!plain.claims[0].subjects.contains(&"acme".to_string()));
    let options = CheckOptions {
        aliases: vec![vec![
            "Acme".into(),
            "Acme Corp".into(),
            "ACME Corporation".into(),
        ]],
    };
    let r = run_with_texts(exts, &texts, &options);
    assert!(
        r.claims[0].subjects.contains(&"acme".to_string()),
        "{:?}",
        r.claims[0].subjects
    );
}

#[test]
fn malformed_extractions_do_not_panic() {
    // Offsets out of range or inside a multi-byte character, empty sentences, odd values.
    let text = "Lee met Li on Tuesday. 🎉 The quake killed 400 people — “nearly”.";
    let (mut ext, text) = Src::new("a", Some("2026-01-07"), text)
        .count("400 people", 400.0, Exact, "people")
        .date(
            "Tuesday",
            Some("2026-01-06"),
            Some("tuesday"),
            Basis::WeekdayRelative,
        )
        .build();
    let mut bad = ext.mentions[0].clone();
    bad.start = 10_000;
    bad.end = 10_010;
    bad.sentence = factcheck::model::Span {
        start: 9_000,
        end: 20_000,
        start_utf16: 0,
        end_utf16: 0,
    };
    let mut inside = ext.mentions[0].clone();
    let emoji = text.find('🎉').unwrap();
    inside.start = emoji + 1;
    inside.end = emoji + 3;
    inside.sentence = factcheck::model::Span {
        start: emoji + 1,
        end: emoji + 2,
        start_utf16: 0,
        end_utf16: 0,
    };
    inside.linked = Some(99);
    let mut nan = ext.mentions[0].clone();
    nan.value = Value::Quantity(Quantity {
        value: f64::NAN,
        low: f64::NEG_INFINITY,
        high: f64::INFINITY,
        precision: 0.0,
        unit: None,
    });
    let mut weird_date = ext.mentions[1].clone();
    weird_date.value = Value::Date(DateValue {
        timex: "".into(),
        start: Some("2026-13-45".into()),
        end: Some("x".into()),
        granularity: Granularity::Day,
        basis: Basis::Explicit,
        weekday: Some("funday".into()),
        time: Some("99:99".into()),
        zone: Some("ZZZ".into()),
        utc_offset_minutes: Some(i32::MAX),
    });
    ext.mentions.extend([bad, inside, nan, weird_date]);
    let other = Src::new("b", None, "x").build();
    let r = run_with_texts(
        vec![ext, other.0],
        &[text.as_str(), "x"],
        &CheckOptions::default(),
    );
    assert_eq!(r.claims.len(), 6);
    // Fewer texts than extractions is tolerated too.
    let r2 = run_with_texts(
        r.sources
            .iter()
            .map(|s| Extraction {
                source: s.clone(),
                mentions: vec![],
            })
            .collect(),
        &[],
        &CheckOptions::default(),
    );
    assert_eq!(r2.claims.len(), 0);
}

/// The five seed articles through the full pipeline (extractors + check).
#[test]
fn seed_articles_agree_without_conflicts() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let inputs: Vec<factcheck::SourceInput> = paths
        .iter()
        .map(|p| factcheck::SourceInput {
            text: std::fs::read_to_string(p).unwrap(),
            path: Some(p.display().to_string()),
            ..Default::default()
        })
        .collect();
    let r = factcheck::check(&inputs, &CheckOptions::default()).unwrap();
    assert_eq!(r.summary.conflicts, 0, "{:#?}", conflicts(&r));
    let agreed = |parts: &[&str]| {
        r.groups.iter().any(|g| {
            g.verdict == Verdict::Agree
                && g.sources.len() >= 2
                && parts.iter().all(|p| g.measure.contains(p))
        })
    };
    for parts in [
        &["date of the meeting", "Li Qiang"][..],
        &["ordinal of the meeting", "Xi Jinping"],
        &["length of the visit"],
        &["date of the arrival"],
        &["rank of Li Qiang"],
        &["rank of Zhao Leji"],
        &["venue of the meeting", "Li Qiang"],
        &["title of Zhao Leji"],
        &["date of the forum"],
    ] {
        assert!(agreed(parts), "no agreement on {parts:?}: {:#?}", r.groups);
    }
}

/// The seeds say "first met Zhao, then ... Li", "Earlier Tuesday, Lee met with Zhao" (in the
/// story of the Li meeting) and "Before meeting Li, Lee also met with Zhao": one agreement
/// on the order, anchored on the cue words.
#[test]
fn seed_articles_agree_zhao_was_met_before_li() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let inputs: Vec<factcheck::SourceInput> = paths
        .iter()
        .map(|p| factcheck::SourceInput {
            text: std::fs::read_to_string(p).unwrap(),
            path: Some(p.display().to_string()),
            ..Default::default()
        })
        .collect();
    let r = factcheck::check(&inputs, &CheckOptions::default()).unwrap();
    let g = r
        .groups
        .iter()
        .find(|g| g.measure.starts_with("order of the meetings"))
        .unwrap_or_else(|| panic!("no order group: {:#?}", r.groups));
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
    assert_eq!(g.kind, Kind::Ordinal);
    assert_eq!(g.sources.len(), 3, "{g:#?}");
    let mut cues = Vec::new();
    for id in &g.claims {
        let c = r.claims.iter().find(|c| &c.id == id).unwrap();
        let si = r.sources.iter().position(|s| s.id == c.source).unwrap();
        let text = &inputs[si].text;
        assert_eq!(&text[c.mention.start..c.mention.end], c.mention.text);
        assert_eq!(c.display, "zhao leji before li qiang");
        assert_eq!(
            c.measure.as_deref(),
            Some("order/meetings/li qiang+zhao leji")
        );
        assert_eq!(c.mention.rule, "check.order");
        cues.push(c.mention.text.clone());
    }
    cues.sort();
    assert_eq!(cues, ["Before", "Earlier", "first"]);
}

/// A report that reverses the order ("first met Li, then met Zhao") conflicts with one
/// saying Zhao came first.
#[test]
fn reversed_meeting_order_conflicts() {
    let input = |id: &str, text: &str| factcheck::SourceInput {
        id: Some(id.into()),
        text: text.into(),
        ..Default::default()
    };
    let inputs = [
        input(
            "a",
            "President Lee Jae Myung held talks with Premier Li Qiang on Tuesday.\n\n\
             Lee first met Zhao Leji, chairman of the Standing Committee of the National \
             People's Congress, then held talks with Premier Li Qiang. Lee thanked Zhao.",
        ),
        input(
            "b",
            "President Lee Jae Myung held talks with Premier Li Qiang on Tuesday.\n\n\
             Lee first met Premier Li Qiang, then met Zhao Leji, chairman of the Standing \
             Committee of the National People's Congress. Lee thanked Li.",
        ),
    ];
    let r = factcheck::check(&inputs, &CheckOptions::default()).unwrap();
    let g = r
        .groups
        .iter()
        .find(|g| g.measure.starts_with("order of the meetings"))
        .unwrap_or_else(|| panic!("no order group: {:#?}", r.groups));
    assert_eq!(g.verdict, Verdict::Conflict, "{g:#?}");
    assert_eq!(g.cause, "order_mismatch");
    assert_eq!(g.sources, ["a", "b"]);
}

/// Order claims only from plain wordings: a list of meetings, a "first visit", a meeting
/// "after" something that is not a person, and one person alone give none.
#[test]
fn meeting_order_needs_a_plain_statement() {
    let orders = |text: &str| {
        let inputs = [factcheck::SourceInput {
            id: Some("a".into()),
            text: text.into(),
            ..Default::default()
        }];
        let r = factcheck::check(&inputs, &CheckOptions::default()).unwrap();
        r.claims
            .iter()
            .filter(|c| c.mention.rule == "check.order")
            .map(|c| c.display.clone())
            .collect::<Vec<_>>()
    };
    for text in [
        "President Lee Jae Myung met Premier Li Qiang and Zhao Leji, chairman of the \
         Standing Committee of the National People's Congress, on Tuesday.",
        "It was the first visit by President Lee Jae Myung, who met Premier Li Qiang, then \
         flew to Shanghai.",
        "After meeting reporters, President Lee Jae Myung met Premier Li Qiang.",
        "Earlier Tuesday, President Lee Jae Myung met Premier Li Qiang.",
    ] {
        assert_eq!(orders(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        orders(
            "President Lee Jae Myung met Zhao Leji, chairman of the Standing Committee of the \
             National People's Congress, ahead of his meeting with Premier Li Qiang."
        ),
        ["zhao leji before li qiang"]
    );
    assert_eq!(
        orders(
            "After meeting Premier Li Qiang, President Lee Jae Myung met with Zhao Leji, \
             chairman of the Standing Committee of the National People's Congress."
        ),
        ["li qiang before zhao leji"]
    );
}
