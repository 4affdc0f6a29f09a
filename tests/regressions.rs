//! Regressions named after the issue whose requirement they hold: exact offsets with
//! non-ASCII text around and inside spans, and hostile input that must never panic.

use factcheck::{check, extract, CheckOptions, ExtractOptions, SourceInput};

fn utf16_slice(s: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn issue_2_offsets_are_exact_in_bytes_and_utf16_around_non_ascii() {
    let text = "서울 🎉 “Around 400 people” — from 161 Korean companies — met on Tuesday, \
                Jan.\u{a0}6, 2026, and pledged €2.5\u{a0}billion; Lee Jae‑myung’s second summit.";
    let mentions = extract(text, &ExtractOptions::published("2026-01-07")).unwrap();
    assert!(mentions.len() >= 5, "{mentions:#?}");
    for m in &mentions {
        assert_eq!(&text[m.start..m.end], m.text, "bytes of {m:?}");
        assert_eq!(
            utf16_slice(text, m.start_utf16, m.end_utf16),
            m.text,
            "utf16 of {:?}",
            m.text
        );
        let s = m.sentence;
        assert!(
            s.start <= m.start && m.end <= s.end,
            "sentence contains {:?}",
            m.text
        );
        assert_eq!(
            utf16_slice(text, s.start_utf16, s.end_utf16),
            text[s.start..s.end]
        );
    }
    let money = mentions
        .iter()
        .find(|m| m.kind == factcheck::Kind::Money)
        .expect("money");
    assert_eq!(money.text, "€2.5\u{a0}billion");
    assert!(mentions
        .iter()
        .any(|m| m.text.contains("Jan.\u{a0}6, 2026")));
}

/// Inputs that have broken text tools before: huge digit runs, deep punctuation, lone
/// combining marks, markup, control characters, every kind of quote and dash.
fn hostile() -> Vec<String> {
    let mut v = vec![
        "9".repeat(5000),
        "1,".repeat(3000),
        "$".repeat(2000) + "5",
        "No. ".repeat(1000),
        "Jan. ".repeat(1000) + "6",
        "-".repeat(4000),
        "\u{301}\u{301}\u{301} 4\u{301}00 people".to_string(),
        "<img src=x onerror=alert(1)><script>alert(2)</script> 400 people".to_string(),
        "\u{202e}400\u{202d} people \u{200b}\u{feff}\u{2028}\u{2029}".to_string(),
        "“‘«»„‚’”—–―‐‑‒−… 12 % 3/4 ½ 1e10 2:01:39 2345 GMT".to_string(),
        "a day after the previous day a day earlier later Tuesday ".repeat(200),
        "one two three four five six seven eight nine ten ".repeat(300),
        "🎉".repeat(3000),
        "\t\u{b}\u{c}\r\n".repeat(100) + "x",
    ];
    v.push(format!("{}.", "A".repeat(100_000)));
    v
}

#[test]
fn issue_2_hostile_text_never_panics() {
    let opts = ExtractOptions::published("2026-01-07");
    for text in hostile() {
        if let Ok(ms) = extract(&text, &opts) {
            for m in ms {
                assert_eq!(&text[m.start..m.end], m.text);
            }
        }
    }
}

#[test]
fn issue_3_hostile_sources_never_panic_the_check() {
    // Mostly control characters is binary, not an article: a clear error naming the source.
    let (usable, binary): (Vec<String>, Vec<String>) = hostile()
        .into_iter()
        .partition(|t| factcheck::error::validate_text("t", t).is_ok());
    assert_eq!(
        binary.len(),
        1,
        "only the control-character text is rejected"
    );
    let sources: Vec<SourceInput> = usable
        .into_iter()
        .chain(binary)
        .map(|text| SourceInput {
            text,
            ..Default::default()
        })
        .collect();
    let n = sources.len();
    let e = check(&sources, &CheckOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), format!("s{n}: this looks like binary data, not text; export the article as plain text (.txt or .md)"));
    let report = check(&sources[..n - 1], &CheckOptions::default()).unwrap();
    assert_eq!(report.sources.len(), n - 1);
    let bad = SourceInput {
        text: "x".into(),
        published: Some("yesterday".into()),
        ..Default::default()
    };
    let e = check(&[bad], &CheckOptions::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("YYYY-MM-DD"), "{e}");
}

/// A conflict's evidence is the pair a reader can compare: when both sources give an amount
/// and its conversion, and only the conversions differ, the explanation quotes the two
/// dollar figures, not the lira figure of one against the dollar figure of the other.
#[test]
fn issue_3_conflict_quotes_figures_in_the_same_currency() {
    let source = |id: &str, usd: &str| SourceInput {
        id: Some(id.into()),
        text: format!("The government pledged 2.5 billion lira ({usd}) in emergency aid."),
        published: Some("2026-03-04".into()),
        ..Default::default()
    };
    let sources = [source("a", "$71 million"), source("b", "$80 million")];
    let report = check(&sources, &CheckOptions::default()).unwrap();
    let conflict = report
        .groups
        .iter()
        .find(|g| g.verdict == factcheck::report::Verdict::Conflict)
        .expect("the two conversions conflict");
    assert!(
        conflict.explanation.contains("\u{201c}$71 million\u{201d}")
            && conflict.explanation.contains("\u{201c}$80 million\u{201d}"),
        "{}",
        conflict.explanation
    );
    assert!(
        !conflict.explanation.contains("lira"),
        "{}",
        conflict.explanation
    );
}

/// How long something named before "for" lasted is a measure of that thing: schools closed
/// for two days against classes suspended for three is a conflict, while "without power for
/// several hours after the quake" says nothing about the quake's length.
#[test]
fn issue_3_durations_after_for_measure_the_event_before_them() {
    let source = |id: &str, text: &str| SourceInput {
        id: Some(id.into()),
        text: text.into(),
        published: Some("2026-09-16".into()),
        ..Default::default()
    };
    let sources = [
        source(
            "a",
            "President Ferdinand Marcos Jr. ordered schools closed for two days.",
        ),
        source(
            "b",
            "President Ferdinand Marcos Jr. suspended classes for three days.",
        ),
        source(
            "c",
            "Some 9,000 homes were left without power for several hours after the quake.",
        ),
    ];
    let report = check(&sources, &CheckOptions::default()).unwrap();
    let conflict = report
        .groups
        .iter()
        .find(|g| g.verdict == factcheck::report::Verdict::Conflict)
        .expect("two days against three days");
    assert_eq!(conflict.measure, "length of the school closure");
    let measured: Vec<&str> = report
        .groups
        .iter()
        .filter(|g| g.claims.iter().any(|c| c.starts_with("c#")))
        .map(|g| g.measure.as_str())
        .collect();
    assert!(
        !measured.iter().any(|m| m.contains("earthquake")),
        "{measured:?}"
    );
}

/// A term of office is a measure of whose term it is, and a person an article calls by the
/// family name alone ("Nawrocki") is the one another article names in full.
#[test]
fn issue_3_terms_of_office_of_one_person_compare() {
    let source = |id: &str, text: &str| SourceInput {
        id: Some(id.into()),
        text: text.into(),
        published: Some("2026-05-05".into()),
        ..Default::default()
    };
    let sources = [
        source(
            "a",
            "Conservative candidate Karol Nawrocki won the runoff.\n\nNawrocki, 42, will be sworn in on Aug. 6 for a five-year term.",
        ),
        source(
            "b",
            "Karol Nawrocki narrowly won Poland's presidential election on Sunday with 50.89 percent of the vote against 49.11 percent for Rafał Trzaskowski, the mayor of Warsaw, official results showed.\n\nTurnout reached 72 percent. Nawrocki, 43, takes office on August 6 for a seven-year term.",
        ),
        source(
            "c",
            "Andrzej Duda, who served two five-year terms, congratulated the winner.",
        ),
    ];
    let report = check(&sources, &CheckOptions::default()).unwrap();
    let conflicts: Vec<_> = report
        .groups
        .iter()
        .filter(|g| g.verdict == factcheck::report::Verdict::Conflict)
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].measure, "length of the term (Karol Nawrocki)");
    assert!(
        conflicts[0].claims.iter().all(|c| !c.starts_with("c#")),
        "Duda's terms are not Nawrocki's"
    );
}
