//! Tests of the factual-mention rules: the rule table through the full extractor, and the
//! titles, venues and entities of the seed articles.

use super::RULES;
use crate::extract::rules::EXAMPLE_PUBLISHED;
use crate::extract::{extract, ExtractOptions};
use crate::model::{Kind, Mention};

fn run(input: &str) -> Vec<Mention> {
    extract(input, &ExtractOptions::published(EXAMPLE_PUBLISHED)).expect("extract")
}

fn show(ms: &[Mention]) -> String {
    ms.iter()
        .filter(|m| matches!(m.kind, Kind::Title | Kind::Venue | Kind::Entity))
        .map(|m| {
            format!(
                "{} [{}] {:?} => {}",
                m.kind,
                m.rule,
                m.text,
                m.display_value()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rule_table_examples_and_negatives() {
    let mut failures = Vec::new();
    for rule in RULES {
        assert!(
            rule.examples.len() >= 2 || rule.name == "entity.acronym",
            "{} needs 2+ examples",
            rule.name
        );
        for ex in rule.examples {
            let ms = run(ex.input);
            let hit = ms
                .iter()
                .any(|m| m.rule == rule.name && m.text == ex.text && m.display_value() == ex.value);
            if !hit {
                failures.push(format!(
                    "{}: {:?} wants {:?} => {:?}\n{}",
                    rule.name,
                    ex.input,
                    ex.text,
                    ex.value,
                    show(&ms)
                ));
            }
        }
        for neg in rule.negatives {
            let ms = run(neg);
            let bad: Vec<&Mention> = ms.iter().filter(|m| m.kind == rule.kind).collect();
            if !bad.is_empty() {
                failures.push(format!(
                    "{}: negative {:?} has {}",
                    rule.name,
                    neg,
                    show(&ms)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn seed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name);
    std::fs::read_to_string(path).expect("seed file")
}

const SEEDS: [&str; 5] = [
    "000_a038938c61ebb700.txt",
    "001_3497635191482747.txt",
    "002_2422b8df4f27a7b1.txt",
    "003_b678b91d65686b1b.txt",
    "004_1c4ffb9afab69328.txt",
];

fn seed_mentions(name: &str) -> Vec<Mention> {
    let input = crate::model::SourceInput {
        text: seed(name),
        ..Default::default()
    };
    crate::extract_source(&input, "s")
        .expect("extract")
        .mentions
}

fn distinct(ms: &[Mention], kind: Kind) -> Vec<String> {
    let mut v: Vec<String> = ms
        .iter()
        .filter(|m| m.kind == kind)
        .map(Mention::display_value)
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn seed_titles_and_venues() {
    let expect_titles: [&[&str]; 5] = [
        &[
            "chen jining: shanghai's communist party secretary",
            "kang yu jung: presidential spokesperson",
            "lee jae myung: president",
            "li qiang: premier",
            "wi sung lac: national security adviser",
            "xi jinping: president",
            "zhao leji: chairman of standing committee of national people's congress",
        ],
        &[
            "kang yu jung: presidential spokesperson",
            "kim hea kyung: first lady",
            "kim koo: independence activist",
            "lee jae myung: president",
            "li qiang: premier",
            "xi jinping: president",
            "zhao leji: chairman of standing committee of national people's congress",
        ],
        &[
            "kang yu jung: presidential spokesperson",
            "lee jae myung: president",
            "li qiang: premier",
            "mao ning: foreign ministry spokesperson",
            "xi jinping: president",
            "zhao leji: chairman of standing committee of national people's congress",
        ],
        &[
            "lee jae myung: president",
            "li jiacheng: associate professor at liaoning university's school of international studies",
            "wang junsheng: researcher at chinese academy of social sciences' national institute of international strategy",
            "xi jinping: president",
        ],
        &["lee jae myung: president", "li qiang: premier"],
    ];
    let expect_venues: [&[&str]; 5] = [
        &[],
        &[],
        &["diaoyutai state guesthouse"],
        &["gyeongju"],
        &["diaoyutai state guesthouse"],
    ];
    for (i, s) in SEEDS.iter().enumerate() {
        let ms = seed_mentions(s);
        assert_eq!(distinct(&ms, Kind::Title), expect_titles[i], "{s} titles");
        assert_eq!(distinct(&ms, Kind::Venue), expect_venues[i], "{s} venues");
    }
}

/// The entities of the seeds are people, organizations and places, each under one key,
/// with no sentence openers, adjectives or event names among them.
#[test]
fn seed_entities_are_sane() {
    let allowed = [
        "asean",
        "beijing",
        "blue house",
        "cheong wa dae",
        "china",
        "china central television",
        "china customs",
        "g20",
        "huang jingwen",
        "japan",
        "kang yu jung",
        "korea",
        "kuala lumpur",
        "lee jae myung",
        "li qiang",
        "malaysia",
        "national assembly",
        "national people's congress",
        "north korea",
        "provisional government of the republic of korea",
        "pyongyang",
        "republic of korea",
        "rok",
        "seoul",
        "shanghai",
        "south africa",
        "south korea",
        "state council",
        "wang junsheng",
        "wi sung lac",
        "xi jinping",
        "xinhua",
        "xinhua news agency",
        "zhao leji",
    ];
    let mut all = Vec::new();
    for s in SEEDS {
        let ms = seed_mentions(s);
        for m in ms.iter().filter(|m| m.kind == Kind::Entity) {
            assert!(
                allowed.contains(&m.display_value().as_str()),
                "{s}: unexpected entity {:?} => {}",
                m.text,
                m.display_value()
            );
        }
        all.extend(distinct(&ms, Kind::Entity));
    }
    // Every short form of the president resolves to his full name in all five articles.
    for s in SEEDS {
        let ms = seed_mentions(s);
        let lee: Vec<&Mention> = ms
            .iter()
            .filter(|m| m.kind == Kind::Entity && m.text == "Lee")
            .collect();
        assert!(!lee.is_empty(), "{s}");
        assert!(
            lee.iter().all(|m| m.display_value() == "lee jae myung"),
            "{s}"
        );
    }
    all.sort();
    all.dedup();
    assert!(all.len() >= 25, "{all:?}");
    // The reporter's byline and the "Go to contents" line are metadata, not entities.
    let ms = seed_mentions("002_2422b8df4f27a7b1.txt");
    assert!(!ms.iter().any(|m| m.text.contains("Shin")));
}

#[test]
fn and_joins_names_but_not_lists() {
    let ms = run("Seoul and Beijing agreed, as did Samsung and Apple Inc and the Fire and Disaster Management Agency.");
    let ents: Vec<String> = ms
        .iter()
        .filter(|m| m.kind == Kind::Entity)
        .map(|m| format!("{}={}", m.text, m.display_value()))
        .collect();
    assert_eq!(
        ents,
        vec![
            "Seoul=seoul",
            "Beijing=beijing",
            "Samsung=samsung",
            "Apple Inc=apple inc",
            "Fire and Disaster Management Agency=fire and disaster management agency"
        ]
    );
}

#[test]
fn companies_before_said_are_not_people() {
    let ms = run("Coupang Eats said the outlook was weak. Toss Bank said so too. Ellie Kemper said it was fine, and Kemper added more.");
    let people: Vec<String> = ms
        .iter()
        .filter(|m| m.rule == "entity.person" || m.rule == "entity.short_form")
        .map(|m| m.display_value())
        .collect();
    assert_eq!(people, vec!["ellie kemper", "ellie kemper"]);
}

/// Untrusted text never panics: random mixes of names, titles, punctuation and non-ASCII.
#[test]
fn random_text_does_not_panic() {
    let pieces = [
        "Lee",
        "Jae-myung",
        "President",
        "of",
        "the",
        "Republic",
        "Korea",
        "(ROK)",
        "(",
        ")",
        "'s",
        "'",
        ",",
        ", ",
        ". ",
        "--",
        "\u{2014}",
        "Kim",
        "Xi",
        "at",
        "in",
        "held",
        "Hall",
        "Guesthouse",
        "Diaoyutai",
        "said",
        "chairman",
        "a",
        "\u{00e9}t\u{00e9}",
        "\u{1F389}",
        "\n",
        "U.S.",
        "Gov.",
        "Mr.",
        "von",
        "der",
        "\"",
        "No.",
        "2",
        "@",
        "donga.com",
        "Co.",
        "-",
        "Seoul",
        "Beijing",
        "WHO",
        "Ministry",
        "People's",
        "Sciences'",
        "O'Brien",
        " ",
        "\u{ff07}",
        "\u{0130}",
        "\u{1e9e}",
        "ǅ",
        "met",
        "November",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let p = pieces[(state % pieces.len() as u64) as usize];
            s.push_str(p);
            if state % 3 == 0 {
                s.push(' ');
            }
        }
        let ms = run(&s);
        for m in &ms {
            assert_eq!(&s[m.start..m.end], m.text);
        }
        let input = crate::model::SourceInput {
            text: s.clone(),
            ..Default::default()
        };
        let _ = crate::meta::detect(&input);
    }
}

/// A text with its expected distinct titles, venues and entities.
type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);

/// News the rules were not written for: a plane crash, company results, an election.
#[test]
fn other_news_titles_venues_and_entities() {
    let crash = "MUAN, South Korea (AP) — A passenger jet skidded off a runway Sunday at an airport in South Korea, killing 179 people, officials said.\n\
        The Jeju Air Boeing 737-800 was arriving from Bangkok at Muan International Airport when it overshot the runway, according to the National Fire Agency.\n\
        Acting President Choi Sang-mok declared a special disaster zone. \"I offer my deepest condolences,\" Choi said at a meeting in Seoul.\n\
        Lee Jeong-hyeon, chief of the Muan fire station, told a televised briefing that the bodies were severely damaged.\n\
        Kim Yi-bae, Jeju Air's chief executive, bowed in apology. Thailand's Prime Minister Paetongtarn Shinawatra expressed condolences.";
    let results = "Apple Inc reported record quarterly revenue on Thursday, as iPhone sales in China rebounded.\n\
        Chief Executive Tim Cook said on a call with analysts that services grew. \"We're very pleased,\" Cook said.\n\
        The Federal Reserve is expected to hold rates steady, Fed Chair Jerome Powell said last week. The results were released at Apple Park in Cupertino.";
    let election = "SEOUL -- The ruling Democratic Party won 175 of the 300 seats in the National Assembly, the National Election Commission said Thursday.\n\
        Opposition leader Han Dong-hoon of the People Power Party conceded defeat. \"The people have spoken,\" Han said.\n\
        Park Chan-dae, the party's floor leader, said the results showed public anger. The rally at Gwanghwamun Square drew about 100,000 people, police said.";
    let cases: [Case<'_>; 3] = [
        (
            crash,
            &[
                "choi sang mok: acting president",
                "kim yi bae: jeju air's chief executive",
                "lee jeong hyeon: chief of muan fire station",
                "paetongtarn shinawatra: prime minister",
            ],
            &["muan international airport"],
            &[
                "bangkok",
                "boeing",
                "choi sang mok",
                "jeju air",
                "national fire agency",
                "seoul",
                "south korea",
                "thailand",
            ],
        ),
        (
            results,
            &["jerome powell: fed chair", "tim cook: chief executive"],
            &["apple park"],
            &["apple inc", "china", "federal reserve", "tim cook"],
        ),
        (
            election,
            &[
                "han dong hoon: opposition leader",
                "park chan dae: party's floor leader",
            ],
            &["gwanghwamun square"],
            &[
                "democratic party",
                "han dong hoon",
                "national assembly",
                "national election commission",
                "people power party",
                "seoul",
            ],
        ),
    ];
    for (text, titles, venues, entities) in cases {
        let ms = run(text);
        assert_eq!(distinct(&ms, Kind::Title), titles, "{}", show(&ms));
        assert_eq!(distinct(&ms, Kind::Venue), venues, "{}", show(&ms));
        assert_eq!(distinct(&ms, Kind::Entity), entities, "{}", show(&ms));
    }
}
