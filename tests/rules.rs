//! Runs every example of every extraction rule table through the full extractor: each
//! positive example must yield a mention from its rule with the expected text and value,
//! and each negative input must yield no mention of the rule's kind at all.

use factcheck::rules::{self, EXAMPLE_PUBLISHED};
use factcheck::{extract, ExtractOptions};

#[test]
fn every_rule_example_holds() {
    let opts = ExtractOptions::published(EXAMPLE_PUBLISHED);
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut names = std::collections::HashSet::new();
    for rule in rules::all() {
        assert!(
            names.insert(rule.name),
            "rule name {} is used twice",
            rule.name
        );
        assert!(
            !rule.examples.is_empty(),
            "rule {} has no example; every rule documents what it finds",
            rule.name
        );
        for ex in rule.examples {
            checked += 1;
            let mentions = extract(ex.input, &opts).unwrap_or_default();
            let hit = mentions
                .iter()
                .any(|m| m.rule == rule.name && m.text == ex.text && m.display_value() == ex.value);
            if !hit {
                let got: Vec<String> = mentions
                    .iter()
                    .map(|m| format!("{}:{:?}={:?}", m.rule, m.text, m.display_value()))
                    .collect();
                failures.push(format!(
                    "{}: in {:?} expected {:?} = {:?}, got [{}]",
                    rule.name,
                    ex.input,
                    ex.text,
                    ex.value,
                    got.join(", ")
                ));
            }
        }
        for neg in rule.negatives {
            checked += 1;
            let mentions = extract(neg, &opts).unwrap_or_default();
            let bad: Vec<String> = mentions
                .iter()
                .filter(|m| m.kind == rule.kind)
                .map(|m| format!("{}:{:?}", m.rule, m.text))
                .collect();
            if !bad.is_empty() {
                failures.push(format!(
                    "{} negative {:?} yielded {} mention(s): {}",
                    rule.name,
                    neg,
                    rule.kind,
                    bad.join(", ")
                ));
            }
        }
    }
    println!("{checked} rule examples checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
