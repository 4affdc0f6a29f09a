//! Bare currency names that several countries share ("pesos", "rupees"), resolved by the
//! country the article is about: the numbers extractor reads "1.2 billion pesos" as
//! Mexican pesos unless an adjective says otherwise; a story from Manila means Philippine
//! pesos. The rules are data: per currency word, the default code and the country words
//! that point to each other code, with examples run by a test.

use super::Mention;
use crate::model::Value;
use crate::scan::boundary;
use crate::words::{pairs, Pairs};

/// One ambiguous currency name.
pub struct Rule {
    /// The name's forms, lower case ("peso", "pesos").
    pub words: &'static [&'static str],
    /// The code the extractor gives the bare name.
    pub default: &'static str,
    /// Per code, the words (lower case, `|`-separated) of the country it belongs to.
    pub countries: Pairs,
    /// Texts whose one money mention reads as the code given (test builds only: the
    /// resolver never reads them, and a shipped table would carry their text into the wasm).
    #[cfg(test)]
    pub examples: &'static [(&'static str, &'static str)],
}

/// The ambiguous names and the countries that resolve them.
pub const RULES: &[Rule] = &[
    Rule {
        words: &["peso", "pesos"],
        default: "MXN",
        countries: pairs![
            (
                "PHP",
                "philippines|philippine|filipino|filipinos|manila|luzon|mindanao"
            ),
            ("MXN", "mexico|mexican|mexicans"),
            ("ARS", "argentina|argentine|argentinian|buenos aires"),
            ("CLP", "chile|chilean|santiago"),
            ("COP", "colombia|colombian|bogota"),
            ("UYU", "uruguay|uruguayan|montevideo"),
            ("DOP", "dominican republic|santo domingo"),
            ("CUP", "cuba|cuban|havana"),
        ],
        #[cfg(test)]
        examples: &[
            (
                "Typhoon damage in the Philippines reached 1.2 billion pesos.",
                "PHP",
            ),
            (
                "MANILA - Farm losses hit 300 million pesos, officials said.",
                "PHP",
            ),
            (
                "Mexico's central bank said remittances reached 5 billion pesos.",
                "MXN",
            ),
            ("The fine was 40,000 pesos.", "MXN"),
            (
                "In Manila, the company paid 2 million Mexican pesos.",
                "MXN",
            ),
            (
                "Argentina's inflation pushed the price to 9,000 pesos.",
                "ARS",
            ),
        ],
    },
    Rule {
        words: &["rupee", "rupees"],
        default: "INR",
        countries: pairs![
            ("PKR", "pakistan|pakistani|islamabad|karachi|lahore"),
            ("INR", "india|indian|indians|new delhi|mumbai"),
            ("LKR", "sri lanka|sri lankan|colombo"),
            ("NPR", "nepal|nepalese|nepali|kathmandu"),
        ],
        #[cfg(test)]
        examples: &[
            ("Pakistan raised fuel prices by 10 rupees a litre.", "PKR"),
            (
                "India's budget sets aside 50 billion rupees for roads.",
                "INR",
            ),
            ("The ticket costs 500 rupees.", "INR"),
            (
                "COLOMBO - The government cut the price of bread by 20 rupees.",
                "LKR",
            ),
        ],
    },
];

/// Gives each money mention whose unit is a bare ambiguous name's default the code of the
/// country the text (`lower`: ASCII lower-cased) names most, when it names one of them.
/// A mention whose own words name a country ("Mexican pesos") keeps its code.
pub fn resolve(lower: &str, mentions: &mut [Mention]) {
    for rule in RULES {
        let has_default = |m: &Mention| {
            m.value
                .quantity()
                .is_some_and(|q| q.unit.as_deref() == Some(rule.default))
        };
        if !mentions.iter().any(has_default) {
            continue;
        }
        let mut best: Option<(&str, usize)> = None;
        for (code, words) in rule.countries.iter() {
            let n: usize = words.split('|').map(|w| count_words(lower, w)).sum();
            if n > 0 && best.map_or(true, |(_, b)| n > b) {
                best = Some((code, n));
            }
        }
        let Some((code, _)) = best else { continue };
        if code == rule.default {
            continue;
        }
        for m in mentions.iter_mut() {
            let Value::Quantity(q) = &mut m.value else {
                continue;
            };
            if q.unit.as_deref() != Some(rule.default) {
                continue;
            }
            let text = m.text.to_ascii_lowercase();
            let bare = rule.words.iter().any(|w| count_words(&text, w) > 0)
                && !rule
                    .countries
                    .iter()
                    .any(|(_, ws)| ws.split('|').any(|w| count_words(&text, w) > 0));
            if bare {
                q.unit = Some(code.to_string());
            }
        }
    }
}

/// How many times `word` (lower case, not empty) occurs in `hay` as a whole word.
fn count_words(hay: &str, word: &str) -> usize {
    crate::text::find_all(hay, word)
        .filter(|&i| boundary(hay, i) && boundary(hay, i + word.len()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_currency_or_country_word_is_empty() {
        // count_words finds nothing for an empty word (a whole-word count of "" is no count).
        for rule in RULES {
            assert!(rule.words.iter().all(|w| !w.is_empty()), "{}", rule.default);
            for (code, words) in rule.countries.iter() {
                assert!(words.split('|').all(|w| !w.is_empty()), "{code}");
            }
        }
    }

    #[test]
    fn every_example_reads_as_its_code() {
        let opts = crate::ExtractOptions::published("2026-09-16");
        for rule in RULES {
            for (text, code) in rule.examples {
                let mentions = crate::extract(text, &opts).expect("extracts");
                let units: Vec<Option<&str>> = mentions
                    .iter()
                    .filter(|m| m.kind == crate::model::Kind::Money)
                    .map(|m| m.value.quantity().and_then(|q| q.unit.as_deref()))
                    .collect();
                assert_eq!(units, [Some(*code)], "{text}");
            }
        }
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(count_words("chile chilean chilly chile", "chile"), 2);
        assert_eq!(count_words("", "chile"), 0);
        assert_eq!(count_words("indiana india", "india"), 1);
    }
}
