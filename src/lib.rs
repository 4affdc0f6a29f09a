//! # factcheck
//!
//! Finds where news articles about the same event disagree. It reads several articles,
//! extracts their numeric and factual claims (head counts, money, percentages, dates and
//! weekdays, durations, ordinals, ranks, titles, venues), lines up the claims that are
//! about the same thing across sources, and reports where they **conflict**, with the
//! exact spans as evidence. It does not cry wolf: hedges ("around 400"), weekdays resolved
//! against the publication date, different scopes and romanization variants are not conflicts.
//!
//! The core is pure Rust (`cargo test` runs natively); the WebAssembly binding
//! (`src/wasm.rs`, compiled only for `wasm32`) and the CLI (`src/main.rs`) are thin layers.
//!
//! ## Extract
//!
//! ```
//! use factcheck::{extract, ExtractOptions};
//! let text = "A delegation of around 400 people met on Tuesday.";
//! let mentions = extract(text, &ExtractOptions::published("2026-01-07")).unwrap();
//! for m in &mentions {
//!     // Every mention carries its verbatim text and its offsets in bytes and UTF-16.
//!     assert_eq!(&text[m.start..m.end], m.text);
//! }
//! ```
//!
//! ## Check
//!
//! ```
//! use factcheck::{check, CheckOptions, SourceInput};
//! let a = SourceInput { text: "Officials said 161 companies joined.".into(), ..Default::default() };
//! let b = SourceInput { text: "Officials said 200 companies joined.".into(), ..Default::default() };
//! let report = check(&[a, b], &CheckOptions::default()).unwrap();
//! assert_eq!(report.sources.len(), 2);
//! println!("{} conflicts", report.summary.conflicts);
//! ```
//!
//! ## Re-check while editing
//!
//! A [`session::Session`] remembers each article's extraction and claims, so checking again
//! after one article changed redoes only that article (the page's worker and the CMS element
//! use it on every keystroke). Its reports equal [`check()`]'s.
//!
//! ```
//! use factcheck::{session::Session, CheckOptions, SourceInput};
//! let mut session = Session::new();
//! let mut sources = vec![
//!     SourceInput { text: "Officials said 161 companies joined.".into(), ..Default::default() },
//!     SourceInput { text: "Officials said 161 companies joined.".into(), ..Default::default() },
//! ];
//! assert_eq!(session.check(&sources, &CheckOptions::default()).unwrap().summary.conflicts, 0);
//! sources[1].text = "Officials said 200 companies joined.".into();
//! let report = session.check(&sources, &CheckOptions::default()).unwrap();
//! assert_eq!(report, factcheck::check(&sources, &CheckOptions::default()).unwrap());
//! ```
//!
//! ## Modules
//!
//! - [`model`]: mentions, values, qualifiers, spans, source metadata.
//! - [`text`]: normalization for matching, offset maps, sentences.
//! - [`meta`]: metadata from the caller, front matter, header lines and datelines.
//! - [`mod@extract`]: the extractors and their rule tables ([`rules`]).
//! - [`mod@check`]: claims, alignment and verdicts.
//! - [`session`]: re-checks that redo only the articles an edit changed.
//! - [`report`]: the versioned report (JSON Schema in `schema/report.schema.json`);
//!   [`mod@csv`]: the same report as CSV, one row per claim (`factcheck check --csv`);
//!   [`json`]: reports and mentions as JSON text (the CLI's `--json`, the wasm's results).
//! - [`error`]: the error type; every message says how to fix the input.
//! - Small pieces chosen for the wasm's size (each says what it saved): [`civil`] dates,
//!   [`collections`] (ordered maps as sorted vectors), [`num`] (decimal figures to and from
//!   `f64`), [`words`] (word lists and tables as one string).

/// The Unicode White_Space set as an ASCII-mode regex class, as the check's and metadata's
/// original patterns spelled it (`(?-u)`, without regex's Unicode tables). The library has no
/// regexes any more; the differential tests compile those patterns to prove the hand-written
/// scanners equal. Use inside `concat!` with raw-string patterns.
#[cfg(test)]
macro_rules! ws {
    () => {
        r"(?u-i:[\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])"
    };
}

/// Helpers shared by the unit tests.
#[cfg(test)]
pub(crate) mod testing {
    /// A small deterministic generator (xorshift64), so that randomized tests reproduce.
    pub struct Rng(pub u64);

    impl Rng {
        /// The next number (never 0 for a non-zero seed).
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// Every seed article, evaluation article and Recognizers-Text input, for differential
    /// tests that run over real text.
    pub fn corpus() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let list = |dir: &std::path::Path, ext: &str| -> Vec<std::path::PathBuf> {
            let mut v: Vec<_> = std::fs::read_dir(dir)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == ext));
            v.sort();
            v
        };
        let mut files = list(&root.join("seeds"), "txt");
        let mut dirs: Vec<_> = std::fs::read_dir(root.join("tests/eval"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_else(|_| Vec::new());
        dirs.sort();
        for d in dirs.iter().filter(|d| d.is_dir()) {
            files.extend(list(d, "md"));
        }
        let mut texts: Vec<String> = files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("corpus file is UTF-8"))
            .collect();
        assert!(texts.len() >= 10, "corpus files found: {}", texts.len());
        for p in list(&root.join("tests/recognizers-text"), "jsonl") {
            let body = std::fs::read_to_string(&p).expect("jsonl is UTF-8");
            for line in body.lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
                if let Some(s) = v.get("input").and_then(|s| s.as_str()) {
                    texts.push(s.to_string());
                }
            }
        }
        texts
    }
}

pub mod aliases;
pub mod check;
pub mod civil;
pub mod collections;
pub mod csv;
pub mod error;
pub mod extract;
pub mod json;
pub mod meta;
pub mod model;
pub mod num;
pub mod report;
mod scan;
pub mod session;
pub mod text;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::CheckOptions;
pub use error::Error;
pub use extract::rules;
pub use extract::{extract, ExtractOptions};
pub use model::{Extraction, Kind, Mention, Qualifier, SourceInput, Value};
pub use report::{Report, Verdict};

use error::validate_text;

/// The program name and version, as stamped into reports.
pub fn generator() -> String {
    format!("factcheck {}", env!("CARGO_PKG_VERSION"))
}

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Extracts the mentions of one source, detecting its metadata (front matter, header
/// lines, datelines) and resolving dates against its publication date.
///
/// `default_id` is used when the input has no id.
pub fn extract_source(input: &SourceInput, default_id: &str) -> Result<Extraction, Error> {
    let id = input
        .id
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| default_id.to_string());
    let name = input.path.clone().unwrap_or_else(|| id.clone());
    validate_text(&name, &input.text)?;
    let detected = meta::detect(input);
    let published = match &detected.metadata.published {
        Some(f) => Some(extract::parse_iso_date(
            &format!("{name}: published"),
            &f.value,
        )?),
        None => None,
    };
    let doc = text::Doc::new(&input.text);
    let mentions = extract::extract_doc(&doc, published, None, &detected.skip);
    Ok(Extraction {
        source: model::SourceInfo {
            id,
            path: input.path.clone(),
            metadata: detected.metadata,
            bytes: input.text.len(),
            length_utf16: doc.len_utf16(),
        },
        mentions,
    })
}

/// Checks the claims of several articles against each other and returns the report.
///
/// Sources without an id get "s1", "s2", ... by position. Fails on no sources, duplicate
/// ids, or any unusable text (empty, binary, too large), naming the source.
pub fn check(inputs: &[SourceInput], options: &CheckOptions) -> Result<Report, Error> {
    session::Session::new().check(inputs, options)
}
