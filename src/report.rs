//! The report of a cross-source check: the versioned JSON contract the page, the CMS
//! embed and batch users rely on. Documented field by field in `schema/report.schema.json`.

use crate::model::{Kind, Mention, SourceInfo};
use serde::{Deserialize, Serialize};

/// Version of the report format. Bumped on any incompatible change.
pub const REPORT_VERSION: &str = "1";

/// The outcome of checking several articles against each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Report format version, [`REPORT_VERSION`].
    pub version: String,
    /// The program that made it: "factcheck 0.1.0".
    pub generator: String,
    /// The articles, in input order.
    pub sources: Vec<SourceInfo>,
    /// Every claim of every source, by source then text order.
    pub claims: Vec<Claim>,
    /// Claims about the same measure, with a verdict; conflicts first.
    pub groups: Vec<Group>,
    /// Counts.
    pub summary: Summary,
}

impl Report {
    /// The report of these sources, claims and groups: this version and generator, and the
    /// summary counted from them.
    pub fn new(sources: Vec<SourceInfo>, claims: Vec<Claim>, groups: Vec<Group>) -> Report {
        Report {
            version: REPORT_VERSION.to_string(),
            generator: crate::generator(),
            summary: Summary::of(sources.len(), claims.len(), &groups),
            sources,
            claims,
            groups,
        }
    }
}

/// A mention plus what it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Unique within the report: "{source}#{n}" ("s1#12").
    pub id: String,
    /// The id of the source it is from.
    pub source: String,
    /// The mention: kind, verbatim text, offsets, value, qualifier, noun, sentence, rule.
    #[serde(flatten)]
    pub mention: Mention,
    /// The value rendered for people ("~400 people", "2026-01-06").
    pub display: String,
    /// The measure it is about, as a stable key ("count/business delegation/people"), if known.
    pub measure: Option<String>,
    /// Canonical names of the entities it is about.
    pub subjects: Vec<String>,
    /// The scope that limits it (a place, period or leg of a trip: "beijing"), if stated.
    pub scope: Option<String>,
    /// Who the figure is attributed to ("China Customs"), if stated.
    pub attribution: Option<String>,
}

/// The verdict on a group of claims about one measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The sources (or one source with itself) state incompatible values.
    Conflict,
    /// Look-alikes that are not about the same thing (scope, subject, attribution differ).
    NotComparable,
    /// The sources state the same value, possibly in different words.
    Agree,
    /// Stated by one source only: uncorroborated.
    SingleSource,
}

impl Verdict {
    /// The `snake_case` name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::NotComparable => "not_comparable",
            Verdict::Agree => "agree",
            Verdict::SingleSource => "single_source",
        }
    }
}

/// Claims about one measure and the verdict on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Unique within the report: "g1", "g2", ...
    pub id: String,
    /// What is measured, for people: "people in the business delegation".
    pub measure: String,
    /// The kind of its claims.
    pub kind: Kind,
    /// The verdict.
    pub verdict: Verdict,
    /// The name of the rule that decided the verdict ("value_mismatch", "within_hedge",
    /// "different_scope", "updated_over_time", ...).
    pub cause: String,
    /// One sentence a reporter understands.
    pub explanation: String,
    /// The ids of its claims.
    pub claims: Vec<String>,
    /// The ids of the sources its claims come from, in source order, without repeats.
    pub sources: Vec<String>,
}

/// Counts over the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of sources.
    pub sources: usize,
    /// Number of claims.
    pub claims: usize,
    /// Number of groups.
    pub groups: usize,
    /// Groups with verdict `conflict`.
    pub conflicts: usize,
    /// Groups with verdict `not_comparable`.
    pub not_comparable: usize,
    /// Groups with verdict `agree`.
    pub agreements: usize,
    /// Groups with verdict `single_source`.
    pub single_source: usize,
}

impl Summary {
    /// Counts the verdicts of `groups`.
    pub fn of(sources: usize, claims: usize, groups: &[Group]) -> Summary {
        let count = |v: Verdict| groups.iter().filter(|g| g.verdict == v).count();
        Summary {
            sources,
            claims,
            groups: groups.len(),
            conflicts: count(Verdict::Conflict),
            not_comparable: count(Verdict::NotComparable),
            agreements: count(Verdict::Agree),
            single_source: count(Verdict::SingleSource),
        }
    }
}
