//! JSON text of reports, extractions and mentions, written by hand ([`to_string`],
//! [`to_string_pretty`]).
//!
//! The text is byte for byte what `serde_json` makes of the types' `Serialize` derives (which
//! stay, for Rust users of the crate): the same field order, `null` for `None`, the mention's
//! fields flattened into a claim, the value tagged by `"type"`, floats in their shortest
//! round-trip form, and the same string escapes. `tests/json.rs` compares the two on every
//! seed and evaluation report and on random values. Writing it here rather than through
//! serde's generic serializer took ~5 KB gzipped off the wasm module, where a report is
//! turned into text for `JSON.parse` on every check.

use crate::model::{
    DateValue, DurationValue, Extraction, Field, Mention, Metadata, Quantity, SourceInfo, Span,
    TextValue, Value,
};
use crate::report::{Claim, Group, Report, Summary};
use std::fmt::Write as _;

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Appends this value's JSON to `w`.
    fn write_json(&self, w: &mut Writer);
}

/// The compact JSON text of `value` (as `serde_json::to_string`).
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(false);
    value.write_json(&mut w);
    w.out
}

/// The JSON text of `value` indented by two spaces (as `serde_json::to_string_pretty`).
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(true);
    value.write_json(&mut w);
    w.out
}

/// Writes JSON text into a string: objects and arrays are opened and closed explicitly.
#[derive(Debug)]
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Nothing written yet in the innermost open object or array.
    fresh: bool,
}

impl Writer {
    fn new(pretty: bool) -> Writer {
        Writer {
            out: String::new(),
            pretty,
            depth: 0,
            fresh: false,
        }
    }

    /// Starts the next element of the open object or array.
    fn element(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
        if self.pretty {
            self.newline();
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.fresh = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.fresh && self.pretty {
            self.newline();
        }
        self.fresh = false;
        self.out.push(bracket);
    }

    /// Opens an object.
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// Closes the innermost object.
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// Writes `"key": value` into the open object.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.element();
        self.string(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
        value.write_json(self);
    }

    /// Writes `values` as an array.
    pub fn array<T: ToJson>(&mut self, values: &[T]) {
        self.open('[');
        for v in values {
            self.element();
            v.write_json(self);
        }
        self.close(']');
    }

    /// Writes a string with serde_json's escapes: `"`, `\`, and the control characters
    /// (`\b \t \n \f \r`, the others as `\u00xx`).
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        let b = s.as_bytes();
        let mut from = 0;
        // An index loop (not `bytes().enumerate()`): in the size-optimised wasm build the
        // iterator's `next` was a call per byte.
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            i += 1;
            let esc = match c {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\t' => "\\t",
                b'\r' => "\\r",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // Only ASCII bytes are escaped, so `from..i - 1` ends at a character boundary.
            self.out.push_str(s.get(from..i - 1).unwrap_or_default());
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(c >> 4)]));
                self.out.push(char::from(HEX[usize::from(c & 15)]));
            } else {
                self.out.push_str(esc);
            }
            from = i;
        }
        self.out.push_str(s.get(from..).unwrap_or_default());
        self.out.push('"');
    }

    fn null(&mut self) {
        self.out.push_str("null");
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut Writer) {
        w.array(self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer) {
        w.array(self);
    }
}

impl ToJson for usize {
    fn write_json(&self, w: &mut Writer) {
        let _ = write!(w.out, "{self}");
    }
}

impl ToJson for i32 {
    fn write_json(&self, w: &mut Writer) {
        let _ = write!(w.out, "{self}");
    }
}

/// The shortest text that reads back as the same float (serde_json's form: `400.0`, `2.14`,
/// `1e21`); `null` when it is not finite, as serde_json writes it.
impl ToJson for f64 {
    fn write_json(&self, w: &mut Writer) {
        if self.is_finite() {
            w.out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            w.null();
        }
    }
}

/// Enums that serialize as their `snake_case` name.
macro_rules! as_str_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, w: &mut Writer) {
                w.string(self.as_str());
            }
        }
    )*};
}
as_str_json!(
    crate::model::Kind,
    crate::model::Qualifier,
    crate::model::Basis,
    crate::model::Granularity,
    crate::model::Provenance,
    crate::report::Verdict
);

impl Quantity {
    fn write_fields(&self, w: &mut Writer) {
        w.field("value", &self.value);
        w.field("low", &self.low);
        w.field("high", &self.high);
        w.field("precision", &self.precision);
        w.field("unit", &self.unit);
    }
}

impl ToJson for Quantity {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        self.write_fields(w);
        w.end_object();
    }
}

impl DateValue {
    fn write_fields(&self, w: &mut Writer) {
        w.field("timex", &self.timex);
        w.field("start", &self.start);
        w.field("end", &self.end);
        w.field("granularity", &self.granularity);
        w.field("basis", &self.basis);
        w.field("weekday", &self.weekday);
        w.field("time", &self.time);
        w.field("zone", &self.zone);
        w.field("utc_offset_minutes", &self.utc_offset_minutes);
    }
}

impl DurationValue {
    fn write_fields(&self, w: &mut Writer) {
        w.field("timex", &self.timex);
        w.field("amount", &self.amount);
        w.field("unit", &self.unit);
        w.field("seconds", &self.seconds);
    }
}

impl TextValue {
    fn write_fields(&self, w: &mut Writer) {
        w.field("value", &self.value);
        w.field("canonical", &self.canonical);
        w.field("subject", &self.subject);
    }
}

/// Tagged by `"type"`, the variant's fields beside it.
impl ToJson for Value {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        match self {
            Value::Quantity(q) => {
                w.field("type", "quantity");
                q.write_fields(w);
            }
            Value::Date(d) => {
                w.field("type", "date");
                d.write_fields(w);
            }
            Value::Duration(d) => {
                w.field("type", "duration");
                d.write_fields(w);
            }
            Value::Text(t) => {
                w.field("type", "text");
                t.write_fields(w);
            }
        }
        w.end_object();
    }
}

impl ToJson for Span {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("start", &self.start);
        w.field("end", &self.end);
        w.field("start_utf16", &self.start_utf16);
        w.field("end_utf16", &self.end_utf16);
        w.end_object();
    }
}

impl Mention {
    /// The mention's fields, without braces (a claim and a sourced mention flatten them).
    pub fn write_json_fields(&self, w: &mut Writer) {
        w.field("kind", &self.kind);
        w.field("text", &self.text);
        w.field("start", &self.start);
        w.field("end", &self.end);
        w.field("start_utf16", &self.start_utf16);
        w.field("end_utf16", &self.end_utf16);
        w.field("value", &self.value);
        w.field("qualifier", &self.qualifier);
        w.field("noun", &self.noun);
        w.field("sentence", &self.sentence);
        w.field("linked", &self.linked);
        w.field("rule", &self.rule);
    }
}

impl ToJson for Mention {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        self.write_json_fields(w);
        w.end_object();
    }
}

impl ToJson for Field {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("value", &self.value);
        w.field("from", &self.from);
        w.field("evidence", &self.evidence);
        w.end_object();
    }
}

impl ToJson for Metadata {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("outlet", &self.outlet);
        w.field("url", &self.url);
        w.field("published", &self.published);
        w.field("title", &self.title);
        w.field("dateline", &self.dateline);
        w.end_object();
    }
}

impl ToJson for SourceInfo {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("path", &self.path);
        w.field("metadata", &self.metadata);
        w.field("bytes", &self.bytes);
        w.field("length_utf16", &self.length_utf16);
        w.end_object();
    }
}

impl ToJson for Extraction {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("source", &self.source);
        w.field("mentions", &self.mentions);
        w.end_object();
    }
}

impl ToJson for Claim {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("source", &self.source);
        self.mention.write_json_fields(w);
        w.field("display", &self.display);
        w.field("measure", &self.measure);
        w.field("subjects", &self.subjects);
        w.field("scope", &self.scope);
        w.field("attribution", &self.attribution);
        w.end_object();
    }
}

impl ToJson for Group {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("measure", &self.measure);
        w.field("kind", &self.kind);
        w.field("verdict", &self.verdict);
        w.field("cause", &self.cause);
        w.field("explanation", &self.explanation);
        w.field("claims", &self.claims);
        w.field("sources", &self.sources);
        w.end_object();
    }
}

impl ToJson for Summary {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("sources", &self.sources);
        w.field("claims", &self.claims);
        w.field("groups", &self.groups);
        w.field("conflicts", &self.conflicts);
        w.field("not_comparable", &self.not_comparable);
        w.field("agreements", &self.agreements);
        w.field("single_source", &self.single_source);
        w.end_object();
    }
}

impl ToJson for Report {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("version", &self.version);
        w.field("generator", &self.generator);
        w.field("sources", &self.sources);
        w.field("claims", &self.claims);
        w.field("groups", &self.groups);
        w.field("summary", &self.summary);
        w.end_object();
    }
}
