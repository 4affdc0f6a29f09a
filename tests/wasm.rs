//! Tests of the WebAssembly binding (`src/wasm.rs`) as JS sees it: plain objects out, a JS
//! `Error` with a useful message for every kind of bad input, never a panic. The same tests
//! run under `wasm-pack test --node` and, unchanged, in Chrome with
//! `WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome` (see scripts/test-web.sh).
#![cfg(target_arch = "wasm32")]

use factcheck::wasm;
use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const SEEDS: [(&str, &str); 5] = [
    (
        "000_a038938c61ebb700.txt",
        include_str!("../seeds/000_a038938c61ebb700.txt"),
    ),
    (
        "001_3497635191482747.txt",
        include_str!("../seeds/001_3497635191482747.txt"),
    ),
    (
        "002_2422b8df4f27a7b1.txt",
        include_str!("../seeds/002_2422b8df4f27a7b1.txt"),
    ),
    (
        "003_b678b91d65686b1b.txt",
        include_str!("../seeds/003_b678b91d65686b1b.txt"),
    ),
    (
        "004_1c4ffb9afab69328.txt",
        include_str!("../seeds/004_1c4ffb9afab69328.txt"),
    ),
];

/// A JS value from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

/// Property `key` of `v`.
fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property readable")
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number"))
}

fn string(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is a string"))
}

fn array(v: &JsValue, key: &str) -> Array {
    get(v, key)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("{key} is an array"))
}

/// The seeds as a `SourceInput[]`, with a given id per article.
fn seed_sources() -> Array {
    let arr = Array::new();
    for (i, (file, text)) in SEEDS.iter().enumerate() {
        let o = Object::new();
        Reflect::set(&o, &"id".into(), &format!("seed{i}").into()).unwrap();
        Reflect::set(&o, &"path".into(), &(*file).into()).unwrap();
        Reflect::set(&o, &"text".into(), &(*text).into()).unwrap();
        arr.push(&o);
    }
    arr
}

fn source(id: &str, text: &JsValue) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"id".into(), &id.into()).unwrap();
    Reflect::set(&o, &"text".into(), text).unwrap();
    o.into()
}

/// Asserts the call failed with a JS `Error` whose message contains `needle`; returns the message.
fn expect_error(result: Result<JsValue, wasm_bindgen::JsError>, needle: &str) -> String {
    let err: JsValue = match result {
        Ok(v) => panic!("expected an error mentioning {needle:?}, got {v:?}"),
        Err(e) => e.into(),
    };
    let err = err.dyn_into::<js_sys::Error>().expect("a JS Error object");
    let msg: String = err.message().into();
    assert!(
        msg.contains(needle),
        "message {msg:?} should mention {needle:?}"
    );
    msg
}

/// Asserts every object in the tree is a plain Object or Array (no Map, no undefined).
fn assert_plain(v: &JsValue, path: &str) {
    assert!(!v.is_undefined(), "{path} is undefined");
    assert!(!v.is_instance_of::<js_sys::Map>(), "{path} is a Map");
    if let Some(a) = v.dyn_ref::<Array>() {
        for (i, item) in a.iter().enumerate() {
            assert_plain(&item, &format!("{path}[{i}]"));
        }
    } else if v.is_object() {
        let keys = Object::keys(v.unchecked_ref::<Object>());
        for k in keys.iter() {
            let k = k.as_string().unwrap();
            assert_plain(&get(v, &k), &format!("{path}.{k}"));
        }
    }
}

/// Every claim's verbatim text is its UTF-16 slice of the source text, and its sentence contains it.
fn assert_spans(claims: &Array, texts: &[(String, JsString)]) {
    for c in claims.iter() {
        let src = string(&c, "source");
        let text = &texts
            .iter()
            .find(|(id, _)| *id == src)
            .expect("claim source is known")
            .1;
        let (a, b) = (num(&c, "start_utf16") as u32, num(&c, "end_utf16") as u32);
        assert_eq!(
            String::from(text.slice(a, b)),
            string(&c, "text"),
            "claim {}",
            string(&c, "id")
        );
        let s = get(&c, "sentence");
        assert!(num(&s, "start_utf16") as u32 <= a && b <= num(&s, "end_utf16") as u32);
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn checks_the_seeds_into_plain_objects() {
    let report = wasm::check(seed_sources().into(), JsValue::UNDEFINED).expect("seeds check");
    assert_plain(&report, "report");
    assert_eq!(string(&report, "version"), "1");
    let sources = array(&report, "sources");
    assert_eq!(sources.length(), 5);
    assert_eq!(string(&sources.get(2), "id"), "seed2");
    assert_eq!(string(&sources.get(2), "path"), SEEDS[2].0);
    let summary = get(&report, "summary");
    assert_eq!(num(&summary, "sources"), 5.0);
    let claims = array(&report, "claims");
    assert_eq!(num(&summary, "claims"), claims.length() as f64);
    let texts: Vec<(String, JsString)> = SEEDS
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (format!("seed{i}"), JsString::from(*t)))
        .collect();
    assert_spans(&claims, &texts);
    // Claim flattens its Mention: kind and value sit on the claim itself, value tagged by type.
    for c in claims.iter() {
        assert!(get(&c, "kind").is_string());
        assert!(get(&get(&c, "value"), "type").is_string());
    }
    // Null options are the defaults too.
    let again = wasm::check(seed_sources().into(), JsValue::NULL).expect("null options");
    assert_eq!(
        JSON::stringify(&again).unwrap().as_string(),
        JSON::stringify(&report).unwrap().as_string(),
        "the check is deterministic"
    );
}

#[wasm_bindgen_test]
fn extract_anchors_mentions_in_utf16() {
    // Non-BMP characters before the figures shift UTF-16 offsets away from char offsets.
    let text = "😀😀 A delegation of around 400 people met on Tuesday, Jan. 6, 2026.";
    let opts = js(r#"{"published": "2026-01-07"}"#);
    let mentions = wasm::extract(text.into(), opts).expect("extract");
    let mentions: Array = mentions.dyn_into().expect("an array");
    assert_plain(&mentions, "mentions");
    let js_text = JsString::from(text);
    for m in mentions.iter() {
        let (a, b) = (num(&m, "start_utf16") as u32, num(&m, "end_utf16") as u32);
        assert_eq!(String::from(js_text.slice(a, b)), string(&m, "text"));
        let (sa, sb) = (num(&m, "start") as usize, num(&m, "end") as usize);
        assert_eq!(text.get(sa..sb), Some(string(&m, "text").as_str()));
    }
    // Restricting kinds is honoured (and an empty list yields nothing).
    let none = wasm::extract(text.into(), js(r#"{"kinds": []}"#)).expect("extract");
    assert_eq!(none.dyn_into::<Array>().unwrap().length(), 0);
}

/// A report's JSON text, for comparing two reports.
fn json_text(v: &JsValue) -> String {
    String::from(JSON::stringify(v).unwrap())
}

/// Checks `sources` with `checker`, asserts that the report equals a fresh check's, and returns
/// its JSON text.
fn check_as_fresh(checker: &mut wasm::Checker, sources: &Array, label: &str) -> String {
    let ours = checker
        .check(sources.clone().into(), JsValue::UNDEFINED)
        .expect("re-check");
    let fresh = wasm::check(sources.clone().into(), JsValue::NULL).expect("check");
    let ours = json_text(&ours);
    assert_eq!(ours, json_text(&fresh), "{label}");
    ours
}

#[wasm_bindgen_test]
fn a_checker_session_reports_as_check_after_each_edit() {
    let mut checker = wasm::Checker::new();
    let sources = seed_sources();
    let first = check_as_fresh(&mut checker, &sources, "first check");
    // Typing into one article, a few keys at a time: each report equals a fresh check.
    let mut text = SEEDS[0].1.to_string();
    for piece in [" More than 900", " people attended", " on Wednesday."] {
        text.push_str(piece);
        let edited = seed_sources();
        Reflect::set(&edited.get(0), &"text".into(), &text.as_str().into()).unwrap();
        check_as_fresh(&mut checker, &edited, &format!("after {piece:?}"));
    }
    // Bad input throws, and the session keeps working.
    expect_error(checker.check(js("[]"), JsValue::UNDEFINED), "no articles");
    let again = checker.check(sources.into(), JsValue::NULL).expect("check");
    assert_eq!(json_text(&again), first);
}

#[wasm_bindgen_test]
fn a_checker_session_reports_as_check_after_edits_inside_articles() {
    // Edits at the start and in the middle of articles, and deletions: the claims after an
    // edit move (their JSON changes), those before it stay; each report equals a fresh check.
    let mut checker = wasm::Checker::new();
    let mut texts: Vec<String> = SEEDS.iter().map(|s| s.1.to_string()).collect();
    let edits: [(usize, usize, &str, usize); 5] = [
        (0, 0, "Breaking: ", 0),
        (1, 600, " about 900 people", 0),
        (2, 300, "", 12),
        (1, 0, "", 10),
        (3, 150, "\n\nOn Monday 300 people left.", 0),
    ];
    let report = |texts: &[String]| {
        let arr = Array::new();
        for (i, t) in texts.iter().enumerate() {
            arr.push(&source(SEEDS[i].0, &t.as_str().into()));
        }
        arr
    };
    checker
        .check(report(&texts).into(), JsValue::UNDEFINED)
        .expect("check");
    for (article, at, insert, delete) in edits {
        let t = &mut texts[article];
        let mut at = at.min(t.len());
        while !t.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + delete).min(t.len());
        while !t.is_char_boundary(end) {
            end += 1;
        }
        t.replace_range(at..end, insert);
        check_as_fresh(
            &mut checker,
            &report(&texts),
            &format!("after {insert:?} at {at} in article {article}"),
        );
    }
}

#[wasm_bindgen_test]
fn a_checker_session_reads_again_only_a_text_that_is_not_the_same_string() {
    // The session keeps the last text read at each position and skips one that is the same
    // string (`===`): moved articles, a text turned into a number or into broken UTF-16, and
    // an empty text after a good one are still read, and each report equals a fresh check.
    let mut checker = wasm::Checker::new();
    let sources = seed_sources();
    let first = check_as_fresh(&mut checker, &sources, "first check");
    let swapped = seed_sources();
    let (a, b) = (swapped.get(0), swapped.get(1));
    swapped.set(0, b);
    swapped.set(1, a);
    check_as_fresh(&mut checker, &swapped, "swapped");
    let set_text = |text: &JsValue| {
        let edited = seed_sources();
        Reflect::set(&edited.get(0), &"text".into(), text).unwrap();
        edited
    };
    expect_error(
        checker.check(set_text(&JsValue::from(5)).into(), JsValue::NULL),
        "expected a string",
    );
    let broken = JsString::from(SEEDS[0].1).concat(&JsString::from_char_code1(0xD800));
    expect_error(
        checker.check(set_text(&broken.into()).into(), JsValue::NULL),
        "unpaired surrogate",
    );
    expect_error(
        checker.check(set_text(&"".into()).into(), JsValue::NULL),
        "empty",
    );
    let again = checker.check(sources.into(), JsValue::NULL).expect("check");
    assert_eq!(json_text(&again), first);
}

#[wasm_bindgen_test]
fn a_contradicting_article_is_checked_against_the_seeds() {
    let changed = SEEDS[0]
        .1
        .replace("around 400 people", "around 900 people")
        .replace("161 Korean companies", "250 Korean companies");
    assert_ne!(changed, SEEDS[0].1);
    let sources = seed_sources();
    sources.push(&source("changed", &changed.as_str().into()));
    let report = wasm::check(sources.into(), JsValue::UNDEFINED).expect("check");
    let summary = get(&report, "summary");
    assert_eq!(num(&summary, "sources"), 6.0);
    let claims = array(&report, "claims");
    let groups = array(&report, "groups");
    // Groups reference existing claims and sources, and the summary counts verdicts.
    let ids: Vec<String> = claims.iter().map(|c| string(&c, "id")).collect();
    let mut conflicts = 0.0;
    for g in groups.iter() {
        for id in array(&g, "claims").iter() {
            assert!(
                ids.contains(&id.as_string().unwrap()),
                "group cites a known claim"
            );
        }
        if string(&g, "verdict") == "conflict" {
            conflicts += 1.0;
        }
    }
    assert_eq!(num(&summary, "conflicts"), conflicts);
    // The changed figures are extracted from the new article, at their UTF-16 offsets.
    let mine: Vec<String> = claims
        .iter()
        .filter(|c| string(c, "source") == "changed")
        .map(|c| string(&c, "text"))
        .collect();
    let texts = vec![("changed".to_string(), JsString::from(changed.as_str()))];
    let only_mine = claims
        .iter()
        .filter(|c| string(c, "source") == "changed")
        .collect::<Array>();
    assert_spans(&only_mine, &texts);
    if !mine.is_empty() {
        // With the extractors in place, the 900/400 and 250/161 figures must conflict.
        assert!(
            mine.iter().any(|t| t.contains("900")),
            "900 extracted: {mine:?}"
        );
        let conflicting: Vec<String> = groups
            .iter()
            .filter(|g| string(g, "verdict") == "conflict")
            .flat_map(|g| array(&g, "claims").iter().collect::<Vec<_>>())
            .filter_map(|id| {
                claims
                    .iter()
                    .find(|c| get(c, "id") == id)
                    .map(|c| string(&c, "text"))
            })
            .collect();
        assert!(
            conflicting.iter().any(|t| t.contains("900"))
                && conflicting.iter().any(|t| t.contains("400")),
            "900 vs 400 is a conflict: {conflicting:?}"
        );
    }
}

#[wasm_bindgen_test]
fn every_kind_of_bad_input_throws_a_js_error() {
    let ok = || JsValue::from(seed_sources());
    // The sources argument.
    expect_error(
        wasm::check(JsValue::UNDEFINED, JsValue::UNDEFINED),
        "no articles",
    );
    expect_error(
        wasm::check(JsValue::NULL, JsValue::UNDEFINED),
        "no articles",
    );
    expect_error(
        wasm::check("some text".into(), JsValue::UNDEFINED),
        "expected an array",
    );
    expect_error(wasm::check(42.into(), JsValue::UNDEFINED), "got a number");
    expect_error(
        wasm::check(js(r#"{"text": "x"}"#), JsValue::UNDEFINED),
        "got an object",
    );
    expect_error(wasm::check(js("[]"), JsValue::UNDEFINED), "no articles");
    expect_error(wasm::check(js("[42]"), JsValue::UNDEFINED), "sources[0]");
    expect_error(wasm::check(js("[null]"), JsValue::UNDEFINED), "sources[0]");
    expect_error(
        wasm::check(js("[[\"text\"]]"), JsValue::UNDEFINED),
        "got an array",
    );
    // The text of one source.
    expect_error(
        wasm::check(js(r#"[{"id": "a"}]"#), JsValue::UNDEFINED),
        "sources[0].text: missing",
    );
    expect_error(
        wasm::check(js(r#"[{"text": null}]"#), JsValue::UNDEFINED),
        "missing",
    );
    expect_error(
        wasm::check(js(r#"[{"text": 42}]"#), JsValue::UNDEFINED),
        "got a number",
    );
    expect_error(
        wasm::check(js(r#"[{"text": ["a"]}]"#), JsValue::UNDEFINED),
        "got an array",
    );
    expect_error(
        wasm::check(js(r#"[{"text": "ok", "id": 5}]"#), JsValue::UNDEFINED),
        "sources[0].id",
    );
    expect_error(
        wasm::check(
            js(r#"[{"text": "ok", "published": true}]"#),
            JsValue::UNDEFINED,
        ),
        "published",
    );
    expect_error(
        wasm::check(js(r#"[{"text": "  \n "}]"#), JsValue::UNDEFINED),
        "empty",
    );
    expect_error(
        wasm::check(js(r#"[{"text": "a\u0000b"}]"#), JsValue::UNDEFINED),
        "binary",
    );
    expect_error(
        wasm::check(
            js(r#"[{"id": "a", "text": "x 1"}, {"id": "a", "text": "y 2"}]"#),
            JsValue::UNDEFINED,
        ),
        "distinct id",
    );
    expect_error(
        wasm::check(
            js(r#"[{"text": "x 1", "published": "Jan 6"}]"#),
            JsValue::UNDEFINED,
        ),
        "YYYY-MM-DD",
    );
    // Unpaired surrogates: a lone high surrogate, and a low one before a high one.
    let lone =
        JsString::from("Officials said 400 people ").concat(&JsString::from_char_code1(0xD800));
    let arr = Array::of1(&source("lone", &lone.into()));
    expect_error(
        wasm::check(arr.into(), JsValue::UNDEFINED),
        "unpaired surrogate",
    );
    let swapped = JsString::from_char_code2(0xDC00, 0xD800);
    expect_error(
        wasm::extract(swapped.into(), JsValue::UNDEFINED),
        "unpaired surrogate",
    );
    // A real U+FFFD and a well-formed surrogate pair are text, not broken UTF-16.
    let fine = wasm::extract(
        "Officials said 400 people \u{FFFD} came \u{1F600}.".into(),
        JsValue::UNDEFINED,
    )
    .expect("U+FFFD and a surrogate pair are accepted");
    assert!(
        Array::from(&fine).length() >= 1,
        "the figure is still found"
    );
    // A 50 MB string is refused before it is copied into wasm memory.
    let huge = JsString::from("0123456789").repeat(5_000_000);
    let arr = Array::of1(&source("huge", &huge.clone().into()));
    expect_error(
        wasm::check(arr.into(), JsValue::UNDEFINED),
        "more than the limit",
    );
    expect_error(
        wasm::extract(huge.into(), JsValue::UNDEFINED),
        "more than the limit",
    );
    // Options.
    expect_error(wasm::check(ok(), "strict".into()), "invalid options");
    expect_error(wasm::check(ok(), js(r#"{"bogus": 1}"#)), "bogus");
    expect_error(
        wasm::check(ok(), js(r#"{"aliases": "Blue House"}"#)),
        "invalid options",
    );
    expect_error(
        wasm::extract("400 people".into(), js(r#"{"kinds": ["bogus"]}"#)),
        "invalid options",
    );
    expect_error(
        wasm::extract("400 people".into(), js(r#"{"published": 20260107}"#)),
        "invalid options",
    );
    expect_error(
        wasm::extract("400 people".into(), js(r#"{"published": "Jan 6"}"#)),
        "YYYY-MM-DD",
    );
    // Extract's text.
    expect_error(
        wasm::extract(JsValue::UNDEFINED, JsValue::UNDEFINED),
        "expected a string",
    );
    expect_error(wasm::extract(JsValue::NULL, JsValue::UNDEFINED), "got null");
    expect_error(wasm::extract(12.into(), JsValue::UNDEFINED), "got a number");
    expect_error(wasm::extract("".into(), JsValue::UNDEFINED), "empty");
    // After all that, the module still works (nothing panicked or poisoned it).
    let report = wasm::check(ok(), JsValue::UNDEFINED).expect("still works");
    assert_eq!(num(&get(&report, "summary"), "sources"), 5.0);
}
