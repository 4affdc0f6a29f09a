//! Date, time and duration mentions, resolved to calendar dates against the publication date.

use super::rules::Rule;
use super::{Candidate, Context};

/// The rules of this extractor.
pub static RULES: &[Rule] = &[];

/// Finds the date, time and duration mentions of a document.
pub fn find(_ctx: &Context<'_, '_>, _out: &mut Vec<Candidate>) {}
