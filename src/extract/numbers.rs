//! Numeric mentions: counts (digits, number words, scales), money, percentages,
//! percentage points, ordinals and ranks, with their qualifiers and counted nouns.

use super::rules::Rule;
use super::{Candidate, Context};

/// The rules of this extractor.
pub static RULES: &[Rule] = &[];

/// Finds the numeric mentions of a document.
pub fn find(_ctx: &Context<'_, '_>, _out: &mut Vec<Candidate>) {}
