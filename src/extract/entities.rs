//! Factual (non-numeric) mentions: people with titles or roles, venues, and named
//! entities with their in-document short forms.

use super::rules::Rule;
use super::{Candidate, Context};

/// The rules of this extractor.
pub static RULES: &[Rule] = &[];

/// Finds the title, venue and entity mentions of a document.
pub fn find(_ctx: &Context<'_, '_>, _out: &mut Vec<Candidate>) {}
