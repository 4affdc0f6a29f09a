//! Validates reports against `schema/report.schema.json` with a small validator for the
//! subset of JSON Schema the file uses (type, required, properties, additionalProperties
//! false, items, enum, const, oneOf, $ref to $defs), so drift between the Rust structs and
//! the schema fails here.

use factcheck::check::{run, CheckOptions};
use factcheck::model::{
    Basis, DateValue, DurationValue, Extraction, Field, Granularity, Kind, Mention, Metadata,
    Provenance, Qualifier, Quantity, SourceInfo, SourceInput, Span, TextValue, Value,
};
use serde_json::{json, Value as Json};

fn schema() -> Json {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/report.schema.json"
    ))
    .expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

/// Resolves "#/$defs/Name".
fn resolve<'s>(root: &'s Json, r: &str) -> Result<&'s Json, String> {
    let name = r
        .strip_prefix("#/$defs/")
        .ok_or_else(|| format!("unsupported $ref {r}"))?;
    root.get("$defs")
        .and_then(|d| d.get(name))
        .ok_or_else(|| format!("unknown $ref {r}"))
}

fn type_ok(t: &str, v: &Json) -> Result<bool, String> {
    Ok(match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => return Err(format!("unsupported type {other}")),
    })
}

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "title",
    "description",
    "$ref",
    "$defs",
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "oneOf",
];

/// Validates `v` against `s`; errors name the JSON path.
fn validate(root: &Json, s: &Json, v: &Json, path: &str) -> Result<(), String> {
    let obj = s
        .as_object()
        .ok_or_else(|| format!("{path}: schema is not an object"))?;
    for k in obj.keys() {
        if !KEYWORDS.contains(&k.as_str()) {
            return Err(format!(
                "{path}: schema keyword {k} is not supported by this validator"
            ));
        }
    }
    if let Some(r) = obj.get("$ref").and_then(Json::as_str) {
        validate(root, resolve(root, r)?, v, path)?;
    }
    if let Some(t) = obj.get("type") {
        let ok = match t {
            Json::String(t) => type_ok(t, v)?,
            Json::Array(ts) => {
                let mut any = false;
                for t in ts {
                    any |= type_ok(t.as_str().ok_or("type list of non-strings")?, v)?;
                }
                any
            }
            _ => return Err(format!("{path}: bad type keyword")),
        };
        if !ok {
            return Err(format!("{path}: {v} is not of type {t}"));
        }
    }
    if let Some(c) = obj.get("const") {
        if c != v {
            return Err(format!("{path}: {v} is not {c}"));
        }
    }
    if let Some(e) = obj.get("enum").and_then(Json::as_array) {
        if !e.contains(v) {
            return Err(format!("{path}: {v} is not one of {e:?}"));
        }
    }
    if let Some(alts) = obj.get("oneOf").and_then(Json::as_array) {
        let passing = alts
            .iter()
            .filter(|a| validate(root, a, v, path).is_ok())
            .count();
        if passing != 1 {
            let why: Vec<String> = alts
                .iter()
                .filter_map(|a| validate(root, a, v, path).err())
                .collect();
            return Err(format!(
                "{path}: matches {passing} of oneOf, expected 1 ({})",
                why.join(" | ")
            ));
        }
    }
    if let (Some(m), Some(props)) = (
        v.as_object(),
        obj.get("properties").and_then(Json::as_object),
    ) {
        if let Some(req) = obj.get("required").and_then(Json::as_array) {
            for r in req {
                let r = r.as_str().ok_or("required of non-strings")?;
                if !m.contains_key(r) {
                    return Err(format!("{path}: missing required {r}"));
                }
            }
        }
        for (k, val) in m {
            match props.get(k) {
                Some(ps) => validate(root, ps, val, &format!("{path}.{k}"))?,
                None if obj.get("additionalProperties") == Some(&Json::Bool(false)) => {
                    return Err(format!("{path}: unexpected property {k}"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (obj.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(root, items, x, &format!("{path}[{i}]"))?;
        }
    }
    Ok(())
}

fn validate_report(v: &Json) -> Result<(), String> {
    let root = schema();
    validate(&root, &root, v, "$")
}

fn mention(kind: Kind, text: &str, start: usize, value: Value, noun: Option<&str>) -> Mention {
    Mention {
        kind,
        text: text.into(),
        start,
        end: start + text.len(),
        start_utf16: start,
        end_utf16: start + text.len(),
        value,
        qualifier: Qualifier::Approximate,
        noun: noun.map(str::to_string),
        sentence: Span {
            start: 0,
            end: 80,
            start_utf16: 0,
            end_utf16: 80,
        },
        linked: Some(1),
        rule: "test".into(),
    }
}

/// Extractions with every value type, null and non-null optionals, and metadata provenance.
fn rich_extractions() -> Vec<Extraction> {
    let mut money = Quantity::exact(306e9, 1e9);
    money.unit = Some("USD".into());
    let date = DateValue {
        timex: "2026-01-06T23:45".into(),
        start: Some("2026-01-06".into()),
        end: Some("2026-01-06".into()),
        granularity: Granularity::Time,
        basis: Basis::Explicit,
        weekday: Some("tuesday".into()),
        time: Some("23:45".into()),
        zone: Some("GMT".into()),
        utc_offset_minutes: Some(0),
    };
    let dur = DurationValue {
        timex: "P4D".into(),
        amount: Quantity::exact(4.0, 1.0),
        unit: "day".into(),
        seconds: 345600.0,
    };
    let text = TextValue {
        value: "Zhao Leji".into(),
        canonical: "chairman".into(),
        subject: Some("Zhao Leji".into()),
    };
    let mentions = vec![
        mention(
            Kind::Count,
            "around 400 people",
            0,
            Value::Quantity(Quantity::exact(400.0, 1.0)),
            Some("people"),
        ),
        mention(
            Kind::Money,
            "$306 billion",
            20,
            Value::Quantity(money),
            None,
        ),
        mention(Kind::Date, "2345 GMT Tuesday", 40, Value::Date(date), None),
        mention(
            Kind::Duration,
            "four-day",
            60,
            Value::Duration(dur),
            Some("state visit"),
        ),
        mention(Kind::Title, "chairman", 70, Value::Text(text), None),
    ];
    let metadata = Metadata {
        outlet: Some(Field {
            value: "Xinhua".into(),
            from: Provenance::Dateline,
            evidence: Some("(Xinhua)".into()),
        }),
        published: Some(Field::caller("2026-01-07")),
        ..Default::default()
    };
    let source = |id: &str| SourceInfo {
        id: id.into(),
        path: Some(format!("{id}.txt")),
        metadata: metadata.clone(),
        bytes: 100,
        length_utf16: 100,
    };
    vec![
        Extraction {
            source: source("a"),
            mentions: mentions.clone(),
        },
        Extraction {
            source: source("b"),
            mentions,
        },
    ]
}

#[test]
fn a_report_with_every_value_type_validates() {
    let report = run(rich_extractions(), &CheckOptions::default());
    let v = serde_json::to_value(&report).unwrap();
    validate_report(&v).unwrap();
    assert_eq!(v["claims"].as_array().unwrap().len(), 10);
}

#[test]
fn reports_on_the_seed_articles_validate() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut inputs = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        inputs.push(SourceInput {
            text: std::fs::read_to_string(&p).unwrap(),
            path: Some(p.display().to_string()),
            ..Default::default()
        });
    }
    let report = factcheck::check(&inputs, &CheckOptions::default()).unwrap();
    validate_report(&serde_json::to_value(&report).unwrap()).unwrap();
}

#[test]
fn the_validator_rejects_drift() {
    let report = run(rich_extractions(), &CheckOptions::default());
    let good = serde_json::to_value(&report).unwrap();
    let mut extra = good.clone();
    extra["claims"][0]["confidence"] = json!(0.9);
    assert!(validate_report(&extra)
        .unwrap_err()
        .contains("unexpected property confidence"));
    let mut missing = good.clone();
    missing["summary"]
        .as_object_mut()
        .unwrap()
        .remove("conflicts");
    assert!(validate_report(&missing)
        .unwrap_err()
        .contains("missing required conflicts"));
    let mut bad_enum = good.clone();
    bad_enum["claims"][0]["kind"] = json!("headcount");
    assert!(validate_report(&bad_enum).is_err());
    let mut bad_tag = good.clone();
    bad_tag["claims"][0]["value"]["type"] = json!("number");
    assert!(validate_report(&bad_tag).unwrap_err().contains("oneOf"));
    let mut bad_type = good;
    bad_type["sources"][0]["bytes"] = json!("100");
    assert!(validate_report(&bad_type).is_err());
}

#[test]
fn every_object_schema_requires_all_its_properties() {
    // serde writes every field (None as null), so a property the structs no longer have
    // would be required and missing; a field the schema lacks is rejected above.
    let root = schema();
    for (name, def) in root["$defs"].as_object().unwrap() {
        if let Some(props) = def.get("properties").and_then(Json::as_object) {
            let mut req: Vec<&str> = def["required"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Json::as_str)
                .collect();
            let mut keys: Vec<&str> = props.keys().map(String::as_str).collect();
            req.sort_unstable();
            keys.sort_unstable();
            assert_eq!(req, keys, "{name}");
            assert_eq!(
                def.get("additionalProperties"),
                Some(&Json::Bool(false)),
                "{name}"
            );
        }
    }
}
