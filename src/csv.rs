//! The report as CSV, one row per claim with the verdict of its group: what `factcheck check
//! --csv` prints and the page's "Export CSV" downloads (www/report-dom.js `reportCsv` writes the
//! same bytes; tests/e2e/static.test.mjs compares both with `tests/snapshots/seeds.csv`).
//!
//! Cells are quoted when they hold a quote, comma or line break, and text that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@`, tab, CR first, not a number) gets a leading `'`.
//! Rows end with CRLF (RFC 4180).

use crate::model::SourceInfo;
use crate::report::{Group, Report};

/// The columns, in order.
pub const HEADER: [&str; 14] = [
    "claim",
    "source",
    "outlet",
    "kind",
    "text",
    "display",
    "qualifier",
    "start_utf16",
    "end_utf16",
    "group",
    "verdict",
    "measure",
    "cause",
    "sentence",
];

/// The report as CSV. `texts[i]` is the original text of `report.sources[i]` (for the claims'
/// sentences); a missing text leaves the sentence cells empty.
pub fn to_csv(report: &Report, texts: &[&str]) -> String {
    let mut out = String::new();
    row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for c in &report.claims {
        let group: Option<&Group> = report.groups.iter().find(|g| g.claims.contains(&c.id));
        let si = report.sources.iter().position(|s| s.id == c.source);
        let sentence = si
            .and_then(|i| texts.get(i))
            .and_then(|t| t.get(c.mention.sentence.start..c.mention.sentence.end))
            .map(|s| js_trim(s).to_string())
            .unwrap_or_default();
        let m = &c.mention;
        row(
            &mut out,
            [
                c.id.clone(),
                c.source.clone(),
                label(si.and_then(|i| report.sources.get(i))),
                m.kind.as_str().to_string(),
                m.text.clone(),
                c.display.clone(),
                m.qualifier.as_str().to_string(),
                m.start_utf16.to_string(),
                m.end_utf16.to_string(),
                group.map(|g| g.id.clone()).unwrap_or_default(),
                group
                    .map(|g| g.verdict.as_str().to_string())
                    .unwrap_or_default(),
                match group {
                    Some(g) => g.measure.clone(),
                    None => c.measure.clone().unwrap_or_default(),
                },
                group.map(|g| g.cause.clone()).unwrap_or_default(),
                sentence,
            ]
            .into_iter(),
        );
    }
    out
}

/// A source as the page names it: outlet, else title, else path, else id.
fn label(src: Option<&SourceInfo>) -> String {
    let Some(s) = src else {
        return "?".into();
    };
    let md = &s.metadata;
    [md.outlet.as_ref(), md.title.as_ref()]
        .into_iter()
        .flatten()
        .map(|f| f.value.as_str())
        .chain(s.path.as_deref())
        .find(|v| !v.is_empty())
        .unwrap_or(&s.id)
        .to_string()
}

/// `String.prototype.trim` of JavaScript: White_Space, line terminators and the BOM.
fn js_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
}

fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(&c));
    }
    out.push_str("\r\n");
}

/// One cell, quoted and defused as the module docs say.
fn cell(v: &str) -> String {
    let formula = v.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = {
        let d = v.strip_prefix('-').unwrap_or(v);
        d.starts_with(|c: char| c.is_ascii_digit())
    };
    let s = if formula && !number {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if s.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("+1 555"), "'+1 555");
        assert_eq!(cell("-5"), "-5", "a negative number stays a number");
        assert_eq!(cell("-x"), "'-x");
        assert_eq!(cell(""), "");
    }
}
