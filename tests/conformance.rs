//! Conformance harness: scores `factcheck::extract` against the English test cases of
//! Microsoft Recognizers-Text (`tests/recognizers-text/*.jsonl`, MIT, see the LICENSE there),
//! following `README.md` "Scoring with a Rust harness" of the conformance data.
//!
//! Per file it prints cases, expected and predicted entities, span P/R/F1 (exact byte span),
//! strict P/R/F1 (span and value), and the case pass rate; it writes the same table as
//! Markdown to `target/conformance.md`, and fails when a file's strict F1 is below its floor
//! in `tests/conformance/floors.toml`. Cases listed in `tests/conformance/exclusions.json`
//! (each with the reason we disagree for news use) are dropped before scoring; the last
//! column shows the strict F1 over all cases, exclusions included, for transparency.
//! Mismatched cases are written to `target/conformance-misses.txt`.

use factcheck::model::{Kind, Qualifier, Value};
use factcheck::{extract, ExtractOptions, Mention};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One expected entity of a case.
#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    byte_start: usize,
    byte_end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: Option<String>,
    unit: Option<String>,
    resolution: serde_json::Value,
}

/// One test case (one line of a `.jsonl` file).
#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    input: String,
    reference_date: Option<String>,
    expected: Vec<Expected>,
}

/// An exclusion: a case we do not score, and why.
#[derive(Debug, Deserialize)]
struct Exclusion {
    id: String,
    reason: String,
}

/// How a file's mentions are selected and compared.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scheme {
    /// Bare numbers: counts without a unit.
    Number,
    /// Ordinals and ranks.
    Ordinal,
    /// Percentages.
    Percent,
    /// Counts with a bound or range qualifier, compared by interval.
    NumberRange,
    /// Money, compared by value and ISO currency.
    Currency,
    /// Units we do not extract (dimension, age, temperature): nothing is predicted.
    Unsupported,
    /// Dates (parser spec: compare `Timex`).
    Date,
    /// Date, time and duration entities of the DateTime model (any `values[*].timex`).
    DateTime,
    /// Durations (parser spec: compare `Timex`).
    Duration,
}

/// The files, in report order, with their scheme.
const FILES: &[(&str, Scheme)] = &[
    ("number", Scheme::Number),
    ("ordinal", Scheme::Ordinal),
    ("percent", Scheme::Percent),
    ("numberrange", Scheme::NumberRange),
    ("currency", Scheme::Currency),
    ("dimension", Scheme::Unsupported),
    ("age", Scheme::Unsupported),
    ("temperature", Scheme::Unsupported),
    ("date", Scheme::Date),
    ("dateperiod", Scheme::Date),
    ("datetime", Scheme::DateTime),
    ("duration", Scheme::Duration),
];

/// Upstream currency unit names -> (ISO 4217 code, factor to the main unit).
/// Unqualified "Dollar" is read as USD, the default of our `$`; "Pound" as GBP.
const CURRENCIES: &[(&str, &str, f64)] = &[
    ("Dollar", "USD", 1.0),
    ("United States dollar", "USD", 1.0),
    ("Cent", "USD", 0.01),
    ("Euro", "EUR", 1.0),
    ("Pound", "GBP", 1.0),
    ("British pound", "GBP", 1.0),
    ("Pence", "GBP", 0.01),
    ("Penny", "GBP", 0.01),
    ("Chinese yuan", "CNY", 1.0),
    ("Japanese yen", "JPY", 1.0),
    ("Canadian dollar", "CAD", 1.0),
    ("Australian dollar", "AUD", 1.0),
    ("New Zealand dollar", "NZD", 1.0),
    ("Hong Kong dollar", "HKD", 1.0),
    ("Mexican peso", "MXN", 1.0),
    ("Swiss franc", "CHF", 1.0),
    ("Franc", "FRF", 1.0),
    ("Turkish lira", "TRY", 1.0),
    ("Rupee", "INR", 1.0),
    ("Sri Lankan rupee", "LKR", 1.0),
    ("Finnish markka", "FIM", 1.0),
    ("Peseta", "ESP", 1.0),
    ("Netherlands guilder", "NLG", 1.0),
    ("Costa Rican colón", "CRC", 1.0),
    ("Georgian lari", "GEL", 1.0),
    ("Lao kip", "LAK", 1.0),
    ("Bitcoin", "XBT", 1.0),
    ("Satoshi", "XBT", 1e-8),
    ("Sen", "SEN", 1.0),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_cases(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Reads `name = 0.90` lines (comments after `#`).
fn read_floors(path: &Path) -> BTreeMap<String, f64> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut floors = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (k, v) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{}:{}: expected `name = number`", path.display(), i + 1));
        let v: f64 = v
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
        floors.insert(k.trim().to_string(), v);
    }
    floors
}

/// True when the mention is one the file's scheme scores.
fn selected(scheme: Scheme, m: &Mention) -> bool {
    let q = m.value.quantity();
    match scheme {
        // Bare counts and shares ("two thirds" is a count with unit "fraction", compared
        // by its decimal value like upstream's "0.666666666666667").
        Scheme::Number => {
            m.kind == Kind::Count
                && q.is_some_and(|q| q.unit.is_none() || q.unit.as_deref() == Some("fraction"))
        }
        Scheme::Ordinal => matches!(m.kind, Kind::Ordinal | Kind::Rank),
        Scheme::Percent => m.kind == Kind::Percent,
        Scheme::NumberRange => {
            m.kind == Kind::Count
                && matches!(
                    m.qualifier,
                    Qualifier::Range
                        | Qualifier::MoreThan
                        | Qualifier::LessThan
                        | Qualifier::AtLeast
                        | Qualifier::AtMost
                )
        }
        Scheme::Currency => m.kind == Kind::Money,
        Scheme::Unsupported => false,
        Scheme::Date => m.kind == Kind::Date,
        Scheme::DateTime => matches!(m.kind, Kind::Date | Kind::Time | Kind::Duration),
        Scheme::Duration => m.kind == Kind::Duration,
    }
}

fn close(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(1e-9);
    (a - b).abs() <= 1e-6 * scale
}

fn parse_num(s: &str) -> Option<f64> {
    s.trim().trim_end_matches('%').parse::<f64>().ok()
}

/// One end of an interval: the bound and whether it is closed.
type Bound = Option<(f64, bool)>;

/// Parses upstream interval notation "[20,30)", "(30,)", "(,100]".
fn parse_interval(s: &str) -> Option<(Bound, Bound)> {
    let s = s.trim();
    let lo_closed = s.starts_with('[');
    let hi_closed = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let lo = if a.trim().is_empty() {
        None
    } else {
        Some((a.trim().parse().ok()?, lo_closed))
    };
    let hi = if b.trim().is_empty() {
        None
    } else {
        Some((b.trim().parse().ok()?, hi_closed))
    };
    Some((lo, hi))
}

fn timex_of(m: &Mention) -> Option<&str> {
    match &m.value {
        Value::Date(d) => Some(&d.timex),
        Value::Duration(d) => Some(&d.timex),
        _ => None,
    }
}

/// True when the predicted mention's value matches the expected entity.
fn value_matches(scheme: Scheme, m: &Mention, e: &Expected) -> bool {
    match scheme {
        Scheme::Number | Scheme::Ordinal | Scheme::Percent => {
            match (m.value.quantity(), e.value.as_deref().and_then(parse_num)) {
                (Some(q), Some(v)) => close(q.value, v),
                _ => false,
            }
        }
        Scheme::NumberRange => {
            let (Some(q), Some((lo, hi))) = (
                m.value.quantity(),
                e.value.as_deref().and_then(parse_interval),
            ) else {
                return false;
            };
            match (lo, hi, m.qualifier) {
                (Some((l, _)), Some((h, _)), Qualifier::Range) => {
                    close(q.low, l) && close(q.high, h)
                }
                (Some((l, false)), None, Qualifier::MoreThan) => close(q.value, l),
                (Some((l, true)), None, Qualifier::AtLeast) => close(q.value, l),
                (None, Some((h, false)), Qualifier::LessThan) => close(q.value, h),
                (None, Some((h, true)), Qualifier::AtMost) => close(q.value, h),
                _ => false,
            }
        }
        Scheme::Currency => {
            let Some(q) = m.value.quantity() else {
                return false;
            };
            let Some(unit) = e.unit.as_deref() else {
                return false;
            };
            let Some(&(_, iso, factor)) = CURRENCIES.iter().find(|c| c.0 == unit) else {
                return false;
            };
            match e.value.as_deref().and_then(parse_num) {
                Some(v) => q.unit.as_deref() == Some(iso) && close(q.value, v * factor),
                None => false,
            }
        }
        Scheme::Unsupported => false,
        Scheme::Date | Scheme::Duration => {
            let want = e
                .resolution
                .get("Timex")
                .and_then(|t| t.as_str())
                .or(e.value.as_deref());
            want.is_some() && timex_of(m) == want
        }
        Scheme::DateTime => {
            let Some(got) = timex_of(m) else { return false };
            match e.resolution.get("values").and_then(|v| v.as_array()) {
                Some(vals) => vals
                    .iter()
                    .any(|v| v.get("timex").and_then(|t| t.as_str()) == Some(got)),
                None => e.value.as_deref() == Some(got),
            }
        }
    }
}

/// Counts for one file.
#[derive(Debug, Default)]
struct Score {
    cases: usize,
    excluded: usize,
    expected: usize,
    predicted: usize,
    span_tp: usize,
    strict_tp: usize,
    passed: usize,
}

fn prf(tp: usize, pred: usize, exp: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        if exp == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        tp as f64 / pred as f64
    };
    let r = if exp == 0 {
        1.0
    } else {
        tp as f64 / exp as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// One-to-one matching of predictions to expectations on exact byte spans; with `strict`,
/// values must match too. Returns the number of matched pairs.
fn matched(scheme: Scheme, preds: &[&Mention], exp: &[Expected], strict: bool) -> usize {
    let mut used = vec![false; preds.len()];
    let mut tp = 0;
    for e in exp {
        let hit = preds.iter().enumerate().position(|(i, m)| {
            !used[i]
                && m.start == e.byte_start
                && m.end == e.byte_end
                && (!strict || value_matches(scheme, m, e))
        });
        if let Some(i) = hit {
            used[i] = true;
            tp += 1;
        }
    }
    tp
}

fn fmt_m(m: &Mention) -> String {
    format!(
        "{:?}@{}..{} {} ({})",
        m.text,
        m.start,
        m.end,
        m.display_value(),
        m.rule
    )
}

fn run_file(
    name: &str,
    scheme: Scheme,
    exclusions: &HashMap<String, String>,
    misses: &mut String,
) -> (Score, Score) {
    let path = root()
        .join("tests/recognizers-text")
        .join(format!("{name}.jsonl"));
    let mut s = Score::default();
    let mut all = Score::default();
    for case in read_cases(&path) {
        let excluded = exclusions.contains_key(&case.id);
        let published = case
            .reference_date
            .as_deref()
            .and_then(|d| d.split('T').next())
            .map(str::to_string);
        let opts = ExtractOptions {
            published,
            kinds: None,
        };
        let mentions = extract(&case.input, &opts)
            .unwrap_or_else(|e| panic!("{}: extract failed: {e}", case.id));
        let preds: Vec<&Mention> = mentions.iter().filter(|m| selected(scheme, m)).collect();
        let span_tp = matched(scheme, &preds, &case.expected, false);
        let strict_tp = matched(scheme, &preds, &case.expected, true);
        all.cases += 1;
        all.expected += case.expected.len();
        all.predicted += preds.len();
        all.strict_tp += strict_tp;
        if excluded {
            s.excluded += 1;
            continue;
        }
        s.cases += 1;
        s.expected += case.expected.len();
        s.predicted += preds.len();
        s.span_tp += span_tp;
        s.strict_tp += strict_tp;
        let pass = strict_tp == case.expected.len() && preds.len() == case.expected.len();
        if pass {
            s.passed += 1;
        } else if scheme != Scheme::Unsupported {
            let exp: Vec<String> = case
                .expected
                .iter()
                .map(|e| {
                    format!(
                        "{:?}@{}..{} {} {} {}",
                        e.text,
                        e.byte_start,
                        e.byte_end,
                        e.kind,
                        e.value.as_deref().unwrap_or("null"),
                        e.unit.as_deref().unwrap_or("")
                    )
                })
                .collect();
            let got: Vec<String> = preds.iter().map(|m| fmt_m(m)).collect();
            let _ = writeln!(
                misses,
                "[{name}] {} {:?}\n    expected: {}\n    got:      {}",
                case.id,
                case.input,
                exp.join(" | "),
                got.join(" | ")
            );
        }
    }
    (s, all)
}

#[test]
fn recognizers_text_conformance() {
    let floors = read_floors(&root().join("tests/conformance/floors.toml"));
    let excl_text = std::fs::read_to_string(root().join("tests/conformance/exclusions.json"))
        .expect("tests/conformance/exclusions.json");
    let excl: Vec<Exclusion> = serde_json::from_str(&excl_text).expect("exclusions.json");
    let mut exclusions = HashMap::new();
    for e in excl {
        assert!(
            !e.reason.trim().is_empty(),
            "exclusion {} has no reason",
            e.id
        );
        assert!(
            exclusions.insert(e.id.clone(), e.reason).is_none(),
            "exclusion {} listed twice",
            e.id
        );
    }

    let mut table = String::new();
    table.push_str(
        "| file | cases | excluded | expected | predicted | span P | span R | span F1 | strict P | strict R | strict F1 | case pass | floor | strict F1, no exclusions |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut misses = String::new();
    let mut failures = Vec::new();
    let mut seen_ids = 0usize;
    for &(name, scheme) in FILES {
        let (s, all) = run_file(name, scheme, &exclusions, &mut misses);
        let (_, _, all_f) = prf(all.strict_tp, all.predicted, all.expected);
        seen_ids += s.excluded;
        let (sp, sr, sf) = prf(s.span_tp, s.predicted, s.expected);
        let (tp, tr, tf) = prf(s.strict_tp, s.predicted, s.expected);
        let pass = s.passed as f64 / s.cases.max(1) as f64;
        let floor = floors.get(name).copied();
        let _ = writeln!(
            table,
            "| {name} | {} | {} | {} | {} | {sp:.3} | {sr:.3} | {sf:.3} | {tp:.3} | {tr:.3} | **{tf:.3}** | {pass:.3} | {} | {all_f:.3} |",
            s.cases,
            s.excluded,
            s.expected,
            s.predicted,
            floor.map_or("-".to_string(), |f| format!("{f:.2}")),
        );
        match floor {
            Some(f) if tf + 1e-9 < f => failures.push(format!(
                "{name}: strict F1 {tf:.3} is below its floor {f:.2}"
            )),
            Some(_) => {}
            None => failures.push(format!("{name}: no floor in tests/conformance/floors.toml")),
        }
    }
    let out = root().join("target");
    let _ = std::fs::create_dir_all(&out);
    let _ = std::fs::write(out.join("conformance.md"), &table);
    let _ = std::fs::write(out.join("conformance-misses.txt"), &misses);
    println!("{table}");
    println!("(misses written to target/conformance-misses.txt)");
    assert_eq!(
        seen_ids,
        exclusions.len(),
        "some ids in exclusions.json match no case"
    );
    assert!(
        failures.is_empty(),
        "conformance below floor:\n{}",
        failures.join("\n")
    );
}
