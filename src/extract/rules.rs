//! Extraction rules as data: every rule has a name, the kind it produces, its pattern
//! (when it is a regex) and its positive and negative examples. `tests/rules.rs` runs
//! every example of every table through the full extractor.

use crate::model::Kind;

/// The publication date every rule example is resolved against (a Wednesday).
pub const EXAMPLE_PUBLISHED: &str = "2026-01-07";

/// A positive example: in `input`, the rule finds a mention whose verbatim text is
/// `text` and whose [`crate::model::Mention::display_value`] is `value`.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// A sentence containing the mention.
    pub input: &'static str,
    /// The mention's verbatim text.
    pub text: &'static str,
    /// Its value as rendered by `display_value`.
    pub value: &'static str,
}

/// A named extraction rule with its examples.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Unique name, `kind.variant` ("count.digits", "money.symbol"); mentions carry it in `rule`.
    pub name: &'static str,
    /// The kind of mention it produces.
    pub kind: Kind,
    /// The regular expression it matches with, or "" when the rule is code.
    pub pattern: &'static str,
    /// What it finds, in one line.
    pub description: &'static str,
    /// Inputs it must find, with the expected text and value.
    pub examples: &'static [Example],
    /// Inputs in which no mention of `kind` may be found at all (in-word matches,
    /// phone numbers, version strings, "No." meaning "no").
    pub negatives: &'static [&'static str],
}

/// Every rule table of every extractor.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    super::numbers::RULES
        .iter()
        .chain(super::dates::RULES.iter())
        .chain(super::entities::RULES.iter())
}

/// Looks a rule up by name.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    all().find(|r| r.name == name)
}
