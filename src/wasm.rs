//! The WebAssembly binding: the one module JS reaches the core through.
//!
//! Three functions are exported: [`check`] (several articles in, a report out),
//! [`extract`] (the mentions of one text) and [`version`]; and one class, [`Checker`], a
//! [`Session`] for re-checks while an editor types (only the edited article is read again, and
//! only its text is copied out of JS: an unchanged text is the same string, see
//! `read_sources`). Inputs are read from plain JS
//! values field by field, so that every malformed input (not an array, a missing text,
//! a number where a string belongs, a string with unpaired surrogates, a 50 MB string)
//! becomes a JS `Error` with a message that says how to fix it; nothing here panics.
//! Outputs are plain JS objects, arrays and `null`: serialized to one JSON string and parsed by
//! `JSON.parse` (measured faster than serde-wasm-bindgen's serializer, see `to_js`).
//!
//! The TypeScript declarations of every input and output, and of `check` and `extract`
//! themselves, are written once, below, in a `typescript_custom_section` (the two functions are
//! `skip_typescript`), so the `.d.ts` shipped in the package has real types instead of `any`.

use crate::error::{Error, MAX_SOURCES, MAX_SOURCE_BYTES, MAX_TOTAL_BYTES};
use crate::json::ToJson;
use crate::model::{Kind, SourceInput};
use crate::session::Session;
use crate::text::Join;
use crate::{CheckOptions, ExtractOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An article to check: its text plus optional metadata that overrides what the text says. */
export interface SourceInput {
  /** Stable id used in the report; defaults to "s1", "s2", ... in input order. */
  id?: string | null;
  /** The article text (plain text or Markdown, optionally with `---` front matter). */
  text: string;
  /** The file it was read from. */
  path?: string | null;
  /** Outlet name ("Xinhua"). */
  outlet?: string | null;
  /** URL of the article. */
  url?: string | null;
  /** Publication date, ISO "YYYY-MM-DD". */
  published?: string | null;
  /** Headline. */
  title?: string | null;
}

/** Options of `check`. */
export interface CheckOptions {
  /** Extra alias sets, each a list of names for one entity, canonical name first. */
  aliases?: string[][];
}

/** Options of `extract`. */
export interface ExtractOptions {
  /** The date relative expressions are resolved against, ISO "YYYY-MM-DD". */
  published?: string | null;
  /** Only report these kinds (all when absent). */
  kinds?: Kind[] | null;
}

export type Kind = "count" | "money" | "percent" | "percentage_points" | "ordinal" | "rank"
  | "date" | "time" | "duration" | "title" | "venue" | "entity";
export type Qualifier = "exact" | "approximate" | "at_least" | "more_than" | "at_most" | "less_than" | "range";
export type Basis = "explicit" | "publication_relative" | "weekday_relative" | "event_relative" | "unresolved";
export type Granularity = "time" | "part_of_day" | "day" | "week" | "month" | "quarter" | "year" | "decade";
export type Provenance = "caller" | "front_matter" | "header" | "dateline" | "byline" | "inferred";
export type Verdict = "conflict" | "not_comparable" | "agree" | "single_source";

/** A number as stated, with the interval it stands for. */
export interface Quantity {
  value: number;
  low: number;
  high: number;
  /** Place value of the last digit written. */
  precision: number;
  /** ISO 4217 code for money, "%" for percent, "pp" for percentage points, else null. */
  unit: string | null;
}

/** A date, time or date range. */
export interface DateValue {
  /** TIMEX3 value: "2026-01-06", "XXXX-WXX-2", "(1926,1932,P6Y)". */
  timex: string;
  /** First calendar day covered, ISO, when resolved. */
  start: string | null;
  /** Last calendar day covered (inclusive), ISO, when resolved. */
  end: string | null;
  granularity: Granularity;
  basis: Basis;
  weekday: string | null;
  time: string | null;
  zone: string | null;
  utc_offset_minutes: number | null;
}

/** A length of time. */
export interface DurationValue {
  /** TIMEX3 duration: "P4D". */
  timex: string;
  amount: Quantity;
  unit: string;
  seconds: number;
}

/** A title, venue or entity. */
export interface TextValue {
  value: string;
  canonical: string;
  subject: string | null;
}

/** The normalized value of a mention, tagged by `type`. */
export type Value =
  | ({ type: "quantity" } & Quantity)
  | ({ type: "date" } & DateValue)
  | ({ type: "duration" } & DurationValue)
  | ({ type: "text" } & TextValue);

/** A range of the original text in UTF-8 bytes and UTF-16 code units (JS string indices). */
export interface Span {
  start: number;
  end: number;
  start_utf16: number;
  end_utf16: number;
}

/** One extracted mention. `text.slice(start_utf16, end_utf16)` is its verbatim text. */
export interface Mention {
  kind: Kind;
  text: string;
  start: number;
  end: number;
  start_utf16: number;
  end_utf16: number;
  value: Value;
  qualifier: Qualifier;
  noun: string | null;
  /** The sentence it is in (the evidence). */
  sentence: Span;
  /** Index of a mention stating the same figure another way. */
  linked: number | null;
  /** The extraction rule that found it. */
  rule: string;
}

/** A metadata value with where it came from. */
export interface Field {
  value: string;
  from: Provenance;
  evidence: string | null;
}

export interface Metadata {
  outlet: Field | null;
  url: Field | null;
  published: Field | null;
  title: Field | null;
  dateline: Field | null;
}

/** A source as described in the report. */
export interface SourceInfo {
  id: string;
  path: string | null;
  metadata: Metadata;
  bytes: number;
  length_utf16: number;
}

/** A mention plus what it is about. */
export interface Claim extends Mention {
  /** "s1#12". */
  id: string;
  /** The id of its source. */
  source: string;
  /** The value rendered for people ("~400 people"). */
  display: string;
  measure: string | null;
  subjects: string[];
  scope: string | null;
  attribution: string | null;
}

/** Claims about one measure and the verdict on them. */
export interface Group {
  id: string;
  measure: string;
  kind: Kind;
  verdict: Verdict;
  cause: string;
  explanation: string;
  /** Claim ids. */
  claims: string[];
  /** Source ids, in source order. */
  sources: string[];
}

export interface Summary {
  sources: number;
  claims: number;
  groups: number;
  conflicts: number;
  not_comparable: number;
  agreements: number;
  single_source: number;
}

/**
 * Checks several articles against each other and returns the report.
 * Throws an `Error` saying how to fix the input when `sources` is not an array of
 * `{text, ...}` objects, a text is empty, binary, too large or broken UTF-16, two sources
 * share an id, or the options are malformed.
 */
export function check(sources: SourceInput[], options?: CheckOptions | null): Report;

/**
 * The mentions of one text, in text order (no metadata detection: pass `published` to
 * resolve weekdays and partial dates). Throws an `Error` on unusable text or options.
 */
export function extract(text: string, options?: ExtractOptions | null): Mention[];

/** The typed `check` of the `Checker` class (declaration merging with the generated class). */
export interface Checker {
  /**
   * Checks several articles against each other and returns the report, reading again only
   * the articles that changed since the last check. Throws as `check` does.
   * A claim that did not change is the same object as in the previous report: treat
   * reports as read-only.
   */
  check(sources: SourceInput[], options?: CheckOptions | null): Report;
}

/** The outcome of a check. */
export interface Report {
  version: string;
  generator: string;
  sources: SourceInfo[];
  claims: Claim[];
  /** Conflicts first. */
  groups: Group[];
  summary: Summary;
}
"#;

/// Installs the panic hook once; every export calls it first (the last line of defence:
/// a panic would otherwise be an opaque "unreachable" trap).
fn init() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(console_error_panic_hook::set_once);
}

/// The one place a crate error becomes a JS `Error`.
fn fail(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

/// An input-shape error for the field `name`.
fn invalid(name: &str, detail: impl Into<String>) -> Error {
    Error::InvalidOption {
        name: name.to_string(),
        detail: detail.into(),
    }
}

/// A short description of a JS value's type, for messages.
fn js_type(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if is_array(v) {
        "an array".into()
    } else {
        let t = v.js_typeof().as_string().unwrap_or_default();
        match t.as_str() {
            "object" => "an object".into(),
            "undefined" => "nothing (undefined)".into(),
            other => format!("a {other}"),
        }
    }
}

/// Reads a JS string, rejecting other types, unpaired surrogates and strings over `max_utf16`
/// code units before anything is copied into wasm memory.
fn read_string(name: &str, v: &JsValue, max_utf16: usize) -> Result<String, Error> {
    let Some(js) = v.dyn_ref::<JsString>() else {
        return Err(invalid(
            name,
            format!("expected a string, got {}", js_type(v)),
        ));
    };
    let len = js.length() as usize;
    if len > max_utf16 {
        return Err(Error::TooLarge {
            source: name.to_string(),
            bytes: len,
            limit: max_utf16,
        });
    }
    let text = v
        .as_string()
        .ok_or_else(|| invalid(name, "could not read the string"))?;
    // The conversion turns an unpaired surrogate into U+FFFD; only then is the UTF-16 check
    // needed, to tell it from a real U+FFFD.
    if crate::text::contains_str(&text, "\u{FFFD}") && encode_uri_component(js).is_err() {
        return Err(invalid(
            name,
            "the string contains an unpaired surrogate (broken UTF-16); re-encode the text",
        ));
    }
    Ok(text)
}

/// Reads property `key` of `obj`, treating `undefined` and `null` as absent.
fn get(obj: &JsValue, key: &str, name: &str) -> Result<Option<JsValue>, Error> {
    let v = reflect_get(obj, &JsValue::from_str(key))
        .map_err(|_| invalid(name, "could not read this property"))?;
    Ok(if v.is_undefined() || v.is_null() {
        None
    } else {
        Some(v)
    })
}

/// Reads an optional short metadata string (id, path, outlet, ...).
fn opt_string(obj: &JsValue, key: &str, prefix: &str) -> Result<Option<String>, Error> {
    let name = format!("{prefix}.{key}");
    match get(obj, key, &name)? {
        None => Ok(None),
        Some(v) => read_string(&name, &v, 64 * 1024).map(Some),
    }
}

/// Reads the `sources` argument of [`check`]. `known` holds, per position, the last text read
/// there as a JS string and as Rust's: a text that is the same string (`===`) is not copied
/// out of JS nor validated again. While an editor types, four of the five seeds' texts are
/// unchanged at each re-check; reading them was ~4% of a re-check (Node, cpu profile).
fn read_sources(
    sources: &JsValue,
    known: &mut Vec<Option<(JsValue, String)>>,
) -> Result<Vec<SourceInput>, Error> {
    if sources.is_undefined() || sources.is_null() {
        return Err(Error::NoSources);
    }
    let Some(arr) = sources.dyn_ref::<JsArray>() else {
        return Err(invalid(
            "sources",
            format!(
                "expected an array of {{id?, text, outlet?, published?, ...}} objects, got {}",
                js_type(sources)
            ),
        ));
    };
    let n = arr.len() as usize;
    if n > MAX_SOURCES {
        return Err(Error::TooMuchInput {
            detail: format!("{n} articles, more than {MAX_SOURCES}"),
        });
    }
    // Cheap size check over all texts before copying any of them.
    let mut total = 0usize;
    for i in 0..n {
        let item = arr.at(i as u32);
        if let Ok(t) = reflect_get(&item, &JsValue::from_str("text")) {
            if let Some(js) = t.dyn_ref::<JsString>() {
                total = total.saturating_add(js.length() as usize);
            }
        }
    }
    if total > MAX_TOTAL_BYTES {
        return Err(Error::TooMuchInput {
            detail: format!("{total} UTF-16 code units in all, more than {MAX_TOTAL_BYTES}"),
        });
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = arr.at(i as u32);
        let prefix = format!("sources[{i}]");
        if !item.is_object() || is_array(&item) {
            return Err(invalid(
                &prefix,
                format!(
                    "expected an object like {{text: \"...\"}}, got {}",
                    js_type(&item)
                ),
            ));
        }
        let text_name = format!("{prefix}.text");
        let text = match get(&item, "text", &text_name)? {
            None => {
                return Err(invalid(
                    &text_name,
                    "missing; give the article's text as a string",
                ))
            }
            Some(v) => match known.get(i) {
                // Only strings that were read (and validated) are kept, so `===` means the
                // same text.
                Some(Some((js, text))) if *js == v => text.clone(),
                _ => {
                    let text = read_string(&text_name, &v, MAX_SOURCE_BYTES)?;
                    if known.len() <= i {
                        known.resize_with(i + 1, || None);
                    }
                    if let Some(slot) = known.get_mut(i) {
                        *slot = Some((v, text.clone()));
                    }
                    text
                }
            },
        };
        out.push(SourceInput {
            id: opt_string(&item, "id", &prefix)?,
            text,
            path: opt_string(&item, "path", &prefix)?,
            outlet: opt_string(&item, "outlet", &prefix)?,
            url: opt_string(&item, "url", &prefix)?,
            published: opt_string(&item, "published", &prefix)?,
            title: opt_string(&item, "title", &prefix)?,
        });
    }
    known.truncate(n);
    Ok(out)
}

/// Checks an options object (`undefined`/`null` mean the defaults: `None`) and refuses
/// unknown keys (a typo must not be silently ignored).
///
/// Options are read by hand, not with a serde deserializer: serde's error messages print
/// floats, which linked the standard float printer into the wasm for this alone.
fn options_object(name: &str, v: &JsValue, known: &[&str]) -> Result<Option<JsValue>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !v.is_object() || is_array(v) {
        return Err(invalid(
            name,
            format!("expected an object, got {}", js_type(v)),
        ));
    }
    for key in object_keys(v).items() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(invalid(
                name,
                format!(
                    "unknown field {}; expected one of: {}",
                    crate::json::to_string(&key),
                    known.joined(", ")
                ),
            ));
        }
    }
    Ok(Some(v.clone()))
}

/// Reads an array of strings at `name`.
fn string_list(name: &str, v: &JsValue) -> Result<Vec<String>, Error> {
    let Some(arr) = v.dyn_ref::<JsArray>() else {
        return Err(invalid(
            name,
            format!("expected an array of strings, got {}", js_type(v)),
        ));
    };
    arr.items()
        .enumerate()
        .map(|(i, item)| read_string(&format!("{name}[{i}]"), &item, 64 * 1024))
        .collect()
}

/// Reads the options of [`check`]: `{aliases?: string[][]}`.
fn check_options(v: &JsValue) -> Result<CheckOptions, Error> {
    let mut options = CheckOptions::default();
    let Some(obj) = options_object("options", v, &["aliases"])? else {
        return Ok(options);
    };
    if let Some(sets) = get(&obj, "aliases", "options.aliases")? {
        let Some(arr) = sets.dyn_ref::<JsArray>() else {
            return Err(invalid(
                "options.aliases",
                format!("expected an array of name lists, got {}", js_type(&sets)),
            ));
        };
        for (i, set) in arr.items().enumerate() {
            options
                .aliases
                .push(string_list(&format!("options.aliases[{i}]"), &set)?);
        }
    }
    Ok(options)
}

/// Reads the options of [`extract`]: `{published?: string, kinds?: Kind[]}`.
fn extract_options(v: &JsValue) -> Result<ExtractOptions, Error> {
    let mut options = ExtractOptions::default();
    let Some(obj) = options_object("options", v, &["published", "kinds"])? else {
        return Ok(options);
    };
    if let Some(p) = get(&obj, "published", "options.published")? {
        options.published = Some(read_string("options.published", &p, 64)?);
    }
    if let Some(k) = get(&obj, "kinds", "options.kinds")? {
        let names = string_list("options.kinds", &k)?;
        let mut kinds = Vec::with_capacity(names.len());
        for n in names {
            match Kind::ALL.iter().find(|k| k.as_str() == n) {
                Some(&k) => kinds.push(k),
                None => {
                    let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    return Err(invalid(
                        "options.kinds",
                        format!(
                            "unknown kind {}; expected one of: {}",
                            crate::json::to_string(&n),
                            all.joined(", ")
                        ),
                    ));
                }
            }
        }
        options.kinds = Some(kinds);
    }
    Ok(options)
}

/// Turns a result into plain JS objects (objects and `null`, never `Map`s and `undefined`).
///
/// Through one JSON string and `JSON.parse` rather than serde-wasm-bindgen's serializer: a
/// report has thousands of small strings and keys, each of which that serializer decodes and
/// sets through its own call into JS. Measured on the seeds in Node (benches/web.mjs, idle
/// machine, three alternating runs): re-check while typing 21–22 -> 13–18 ms median, re-check of
/// unchanged articles 12 -> 6.5 ms. The objects are the same (`null` for `None`, flattened
/// mentions as plain fields). Inputs are read by hand (`read_sources`, `check_options`).
fn to_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let json = crate::json::to_string(value);
    parse_json(&JsString::from_str(&json))
        .map_err(|_| invalid("result", "could not convert the result"))
}

/// Checks several articles against each other and returns the report.
///
/// Throws an `Error` with a message saying how to fix the input when `sources` is not an
/// array of `{text, ...}` objects, a text is empty, binary, too large or not well-formed
/// UTF-16, two sources share an id, or the options are malformed.
///
/// Its TypeScript signature is declared in the custom section above (so that `options` is optional).
#[wasm_bindgen(js_name = check, skip_typescript)]
pub fn check(sources: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    init();
    check_in(
        &mut Session::new(),
        &mut Kept::default(),
        &sources,
        &options,
    )
    .map_err(fail)
}

/// What the JS side holds of one article's claims from the last check: their JSON (as
/// [`crate::session::JsonParts`] gave it) and the objects `JSON.parse` made of it.
struct ArticleJs {
    /// The article's claims part of the JSON.
    part: String,
    /// Its version ([`crate::session::JsonParts::versions`]): the same version, the same part.
    version: u64,
    /// Each claim's JSON in `part`, in order.
    claims: Vec<std::ops::Range<usize>>,
    /// Each claim as a JS object, in order.
    objects: Vec<JsValue>,
    /// The same objects as one array (concatenated into each report's claims, never handed out).
    array: JsArray,
}

impl ArticleJs {
    /// The JSON of claim `k`.
    fn claim(&self, k: usize) -> Option<&str> {
        self.part.get(self.claims.get(k)?.clone())
    }
}

/// What a [`Checker`] keeps on the JS side between checks.
#[derive(Default)]
struct Kept {
    /// Per article: its claims' JSON as last sent and the objects made of it.
    articles: Vec<Option<ArticleJs>>,
    /// Per position: the last text read there (see [`read_sources`]).
    texts: Vec<Option<(JsValue, String)>>,
}

/// Reads the input of a check, runs it in `session` and converts the report: the object
/// `JSON.parse` makes of the report's JSON (the same object, key for key), built in pieces so
/// that re-checks parse only what changed. `kept` holds the texts last read, and per article
/// its claims' JSON and the objects parsed from it: an unchanged article's claims are not
/// copied into JS nor parsed again, and of a changed article only the claims whose JSON
/// changed are (typing into one sentence changes that sentence's claims and the offsets of
/// those after it). The claims
/// array and everything around it are new for each report; the claim objects of unchanged
/// claims are the ones given in the previous report of the same session.
fn check_in(
    session: &mut Session,
    kept: &mut Kept,
    sources: &JsValue,
    options: &JsValue,
) -> Result<JsValue, Error> {
    let inputs = read_sources(sources, &mut kept.texts)?;
    let kept = &mut kept.articles;
    let options = check_options(options)?;
    let json = session.check_json_parts(&inputs, &options)?;
    let broken = || invalid("result", "could not convert the result");
    // The report with an empty claims array (the key stays in its place), filled in below.
    let mut outer = String::with_capacity(json.head.len() + json.tail.len());
    outer.push_str(&json.head);
    outer.push_str(&json.tail);
    let report = parse_json(&JsString::from_str(&outer)).map_err(|_| broken())?;
    kept.resize_with(json.claims.len(), || None);
    let mut all = array_of();
    for (i, (&version, slot)) in json.versions.iter().zip(kept.iter_mut()).enumerate() {
        // Versions, not texts, are compared: the claims JSON is ~180 KB for the seeds, and
        // comparing it byte by byte was 2% of a re-check in wasm.
        let article = match slot.take() {
            Some(a) if a.version == version => a,
            before => article_js(&json, i, before.as_ref()).ok_or_else(broken)?,
        };
        if article.array.len() > 0 {
            all = all.concat_all(&article.array);
        }
        *slot = Some(article);
    }
    reflect_set(&report, &JsValue::from_str("claims"), &all).map_err(|_| broken())?;
    Ok(report)
}

/// The JS objects of article `i`'s claims in `json`: those whose JSON is the same as the
/// claim at the same position `before` are reused, the others parsed (in one `JSON.parse`).
fn article_js(
    json: &crate::session::JsonParts<'_>,
    i: usize,
    before: Option<&ArticleJs>,
) -> Option<ArticleJs> {
    let part = json.claims.get(i)?.to_string();
    let version = *json.versions.get(i)?;
    let mut claims = Vec::new();
    let mut start = 0usize;
    for &end in json.ends.get(i)?.iter() {
        claims.push(start..end);
        start = end + 1;
    }
    let mut objects: Vec<Option<JsValue>> = claims
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let b = before?;
            (b.claim(k)? == part.get(r.clone())?)
                .then(|| b.objects.get(k).cloned())
                .flatten()
        })
        .collect();
    let mut missing = String::from("[");
    for (r, o) in claims.iter().zip(&objects) {
        if o.is_none() {
            if missing.len() > 1 {
                missing.push(',');
            }
            missing.push_str(part.get(r.clone())?);
        }
    }
    missing.push(']');
    let parsed: JsArray = parse_json(&JsString::from_str(&missing))
        .ok()?
        .dyn_into()
        .ok()?;
    let mut fresh = parsed.items();
    for o in &mut objects {
        if o.is_none() {
            *o = Some(fresh.next()?);
        }
    }
    let objects: Vec<JsValue> = objects.into_iter().collect::<Option<_>>()?;
    let array = array_of();
    for o in &objects {
        array.push(o);
    }
    Some(ArticleJs {
        part,
        version,
        claims,
        objects,
        array,
    })
}

// The few JS built-ins the binding calls, declared here rather than through js-sys: its
// declarations kept ~40 closure shims and their table in the module (-2 KB gzipped without).
#[wasm_bindgen]
extern "C" {
    /// A JS string primitive.
    #[wasm_bindgen(is_type_of = JsValue::is_string, typescript_type = "string")]
    #[derive(Clone, Debug)]
    type JsString;
    /// Its length in UTF-16 code units.
    #[wasm_bindgen(method, getter, structural)]
    fn length(this: &JsString) -> u32;
    /// `a.concat(b)`.
    #[wasm_bindgen(method, structural)]
    fn concat(this: &JsString, other: &JsValue) -> JsString;
    /// `encodeURIComponent(s)`: throws `URIError` exactly when `s` has an unpaired surrogate.
    #[wasm_bindgen(js_name = encodeURIComponent, catch)]
    fn encode_uri_component(s: &JsString) -> Result<JsValue, JsValue>;

    /// A JS array.
    #[wasm_bindgen(is_type_of = is_array, typescript_type = "Array<any>")]
    #[derive(Debug)]
    type JsArray;
    /// Its length.
    #[wasm_bindgen(method, getter, structural, js_name = length)]
    fn len(this: &JsArray) -> u32;
    /// `a[i]`.
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn at(this: &JsArray, i: u32) -> JsValue;
    /// `Array.isArray(v)`.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> bool;

    /// `Reflect.get(obj, key)`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(obj: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    /// `Object.keys(obj)`.
    #[wasm_bindgen(js_namespace = Object, js_name = keys)]
    fn object_keys(obj: &JsValue) -> JsArray;
    /// `JSON.parse(text)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsString) -> Result<JsValue, JsValue>;

    /// `Array.of()`: a new empty array.
    #[wasm_bindgen(js_namespace = Array, js_name = of)]
    fn array_of() -> JsArray;
    /// `a.push(v)`.
    #[wasm_bindgen(method, structural)]
    fn push(this: &JsArray, v: &JsValue) -> u32;
    /// `a.concat(b)`: a new array.
    #[wasm_bindgen(method, structural, js_name = concat)]
    fn concat_all(this: &JsArray, other: &JsArray) -> JsArray;
    /// `Reflect.set(obj, key, value)`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    fn reflect_set(obj: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue>;
}

impl JsString {
    fn from_str(s: &str) -> JsString {
        JsValue::from_str(s).unchecked_into()
    }
}

impl JsArray {
    /// The elements in order.
    fn items(&self) -> impl Iterator<Item = JsValue> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }
}

/// A checking session, for re-checks while an editor types: it remembers each article's
/// extraction and claims, so checking again after one article changed redoes only that
/// article. Its reports are the same as `check`'s; a claim that did not change is the same
/// object as in the previous report (treat reports as read-only; the page's worker posts a
/// copy anyway).
#[wasm_bindgen(js_name = Checker)]
#[derive(Default)]
pub struct Checker {
    session: Session,
    /// The texts and claim objects of the last check.
    kept: Kept,
}

#[wasm_bindgen(js_class = Checker)]
impl Checker {
    /// An empty session.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Checker {
        init();
        Checker::default()
    }

    /// Checks several articles against each other and returns the report, reusing what the
    /// session knows of the articles that did not change. Throws as `check` does.
    ///
    /// Its TypeScript signature is declared in the custom section above (so that `options`
    /// is optional).
    #[wasm_bindgen(skip_typescript)]
    pub fn check(&mut self, sources: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        check_in(&mut self.session, &mut self.kept, &sources, &options).map_err(fail)
    }
}

/// Extracts the mentions of one text (no metadata detection; pass `published` to resolve
/// weekdays and partial dates).
///
/// Its TypeScript signature is declared in the custom section above.
#[wasm_bindgen(js_name = extract, skip_typescript)]
pub fn extract(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    init();
    let run = || -> Result<JsValue, Error> {
        let text = read_string("text", &text, MAX_SOURCE_BYTES)?;
        let options = extract_options(&options)?;
        let mentions = crate::extract(&text, &options)?;
        to_js(&mentions)
    };
    run().map_err(fail)
}

/// The crate version ("0.1.0").
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    init();
    crate::version().to_string()
}

/// The allocator: talc instead of the standard library's dlmalloc, 2.4 KB gzipped smaller
/// (the whole module 221.1 -> 218.8 KB) and as fast on the re-check and fresh-check benchmarks
/// (alternating runs in Node and Chrome, 2026-11-22).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
