//! The hand-written JSON of `factcheck::json` is byte for byte what serde_json makes of the
//! types' `Serialize` derives: on the seed and evaluation reports and extractions (compact
//! and pretty), and on random values with every float and string shape.

use factcheck::json;
use factcheck::model::{
    Basis, DateValue, DurationValue, Field, Granularity, Kind, Mention, Metadata, Provenance,
    Qualifier, Quantity, SourceInfo, Span, TextValue, Value,
};
use factcheck::report::{Claim, Group, Report, Summary, Verdict};
use factcheck::{check, extract_source, CheckOptions, SourceInput};
use serde::Serialize;
use std::path::Path;

fn assert_same<T: json::ToJson + Serialize + ?Sized>(value: &T, what: &str) {
    assert_eq!(
        json::to_string(value),
        serde_json::to_string(value).unwrap(),
        "compact JSON of {what}"
    );
    assert_eq!(
        json::to_string_pretty(value),
        serde_json::to_string_pretty(value).unwrap(),
        "pretty JSON of {what}"
    );
}

/// The articles of a directory (`.txt` and `.md`), in name order.
fn articles(dir: &Path) -> Vec<SourceInput> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceInput {
            text: std::fs::read_to_string(&p).unwrap(),
            path: Some(p.display().to_string()),
            ..Default::default()
        })
        .collect()
}

#[test]
fn reports_and_extractions_of_the_seeds_and_the_evaluation_clusters() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("seeds")];
    let mut clusters: Vec<_> = std::fs::read_dir(root.join("tests/eval"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    clusters.sort();
    dirs.extend(clusters);
    let mut checked = 0;
    for dir in &dirs {
        let sources = articles(dir);
        assert!(sources.len() >= 2, "{} has articles", dir.display());
        let report = check(&sources, &CheckOptions::default()).unwrap();
        assert!(!report.claims.is_empty() && !report.groups.is_empty());
        assert_same(&report, &dir.display().to_string());
        for (i, s) in sources.iter().enumerate() {
            let e = extract_source(s, &format!("s{i}")).unwrap();
            assert_same(&e, &format!("{} article {i}", dir.display()));
            assert_same(&e.mentions, "a slice of mentions");
        }
        checked += 1;
    }
    assert!(
        checked >= 10,
        "the seeds and the evaluation clusters were read"
    );
}

/// A xorshift64* generator (the crate's `testing::Rng` is test-only inside the library, so
/// integration tests cannot reach it).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn float(&mut self) -> f64 {
        match self.next() % 6 {
            0 => f64::from_bits(self.next()), // any bits: NaN, infinities, subnormals
            1 => (self.next() % 100_000) as f64,
            2 => (self.next() % 100_000_000) as f64 / 100.0,
            3 => [0.0, -0.0, 1e15, 1e16, 1e17, 1e21, 1e-5, 1e-7, 0.1, 0.3]
                [(self.next() % 10) as usize],
            4 => (self.next() as f64) * 1e10,
            _ => -((self.next() % 1000) as f64) / 7.0,
        }
    }

    fn string(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Lee Jae Myung",
            "\"",
            "\\",
            "\n",
            "\r",
            "\t",
            "\u{8}",
            "\u{c}",
            "\u{0}",
            "\u{1f}",
            "\u{7f}",
            "é",
            "—",
            "’",
            "\u{2028}",
            "😀",
            "/",
            "<script>",
            " ",
        ];
        (0..self.next() % 8)
            .map(|_| PIECES[(self.next() as usize) % PIECES.len()])
            .collect()
    }

    fn opt(&mut self) -> Option<String> {
        (self.next() % 3 != 0).then(|| self.string())
    }
}

#[test]
fn random_values_with_every_float_and_string_shape() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let quantity = Quantity {
            value: rng.float(),
            low: rng.float(),
            high: rng.float(),
            precision: rng.float(),
            unit: rng.opt(),
        };
        let value = match round % 4 {
            0 => Value::Quantity(quantity.clone()),
            1 => Value::Date(DateValue {
                timex: rng.string(),
                start: rng.opt(),
                end: rng.opt(),
                granularity: [
                    Granularity::Time,
                    Granularity::PartOfDay,
                    Granularity::Decade,
                ][round % 3],
                basis: [Basis::Explicit, Basis::WeekdayRelative, Basis::Unresolved][round % 3],
                weekday: rng.opt(),
                time: rng.opt(),
                zone: rng.opt(),
                utc_offset_minutes: (round % 2 == 0).then(|| (rng.next() % 2000) as i32 - 1000),
            }),
            2 => Value::Duration(DurationValue {
                timex: rng.string(),
                amount: quantity.clone(),
                unit: rng.string(),
                seconds: rng.float(),
            }),
            _ => Value::Text(TextValue {
                value: rng.string(),
                canonical: rng.string(),
                subject: rng.opt(),
            }),
        };
        let span = Span {
            start: rng.next() as usize % 1000,
            end: usize::MAX,
            start_utf16: 0,
            end_utf16: rng.next() as usize,
        };
        let mention = Mention {
            kind: Kind::ALL[round % Kind::ALL.len()],
            text: rng.string(),
            start: span.start,
            end: span.end,
            start_utf16: span.start_utf16,
            end_utf16: span.end_utf16,
            value,
            qualifier: [Qualifier::Exact, Qualifier::AtLeast, Qualifier::Range][round % 3],
            noun: rng.opt(),
            sentence: span,
            linked: (round % 2 == 1).then_some(round),
            rule: rng.string(),
        };
        let field = |rng: &mut Rng| {
            (rng.next() % 2 == 0).then(|| Field {
                value: rng.string(),
                from: [
                    Provenance::FrontMatter,
                    Provenance::Dateline,
                    Provenance::Inferred,
                ][round % 3],
                evidence: rng.opt(),
            })
        };
        let source = SourceInfo {
            id: rng.string(),
            path: rng.opt(),
            metadata: Metadata {
                outlet: field(&mut rng),
                url: field(&mut rng),
                published: field(&mut rng),
                title: field(&mut rng),
                dateline: field(&mut rng),
            },
            bytes: round,
            length_utf16: 0,
        };
        let claim = Claim {
            id: rng.string(),
            source: rng.string(),
            mention,
            display: rng.string(),
            measure: rng.opt(),
            subjects: (0..round % 3).map(|_| rng.string()).collect(),
            scope: rng.opt(),
            attribution: rng.opt(),
        };
        let group = Group {
            id: rng.string(),
            measure: rng.string(),
            kind: Kind::ALL[(round / 3) % Kind::ALL.len()],
            verdict: [
                Verdict::Conflict,
                Verdict::NotComparable,
                Verdict::SingleSource,
            ][round % 3],
            cause: rng.string(),
            explanation: rng.string(),
            claims: vec![],
            sources: (0..round % 4).map(|_| rng.string()).collect(),
        };
        let report = Report {
            version: rng.string(),
            generator: rng.string(),
            sources: vec![source],
            claims: vec![claim.clone(); round % 3],
            groups: vec![group],
            summary: Summary {
                sources: round,
                ..Summary::default()
            },
        };
        assert_same(&report, &format!("random report {round}"));
        assert_same(&claim.mention, &format!("random mention {round}"));
    }
}
