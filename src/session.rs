//! A checking session: remembers each article's extraction and claims between checks, so a
//! re-check after an edit (an editor typing into one article) redoes only what the edit
//! changed. The report is the same as a fresh [`crate::check()`] of the same input (tested).
//!
//! What is kept, per article, and when it is reused:
//! - the extraction and the full names it spells out: while the article's input (text and
//!   caller metadata) and its position are unchanged;
//! - the people it mentions: while, in addition, the full names over all articles are the same;
//! - its claims: while, in addition, the story's protagonist is the same. When an article
//!   changed, each of its mentions' claims is still reused while what that claim reads is
//!   unchanged (its index, its sentence's text and offsets, the mentions there, the article's
//!   people and metadata: see `claims::source_claims_again`), so typing into one sentence
//!   remakes that sentence's claims only;
//! - each claim's JSON ([`Session::check_json`], what the web worker asks for): while the
//!   claim is kept.
//!
//! Alignment and verdicts always run over all claims (they are cheap next to reading); the
//! claims are lent to them, not copied.

use crate::aliases::AliasTable;
use crate::check::claims::{self, ClaimInfo, Made};
use crate::check::names::{self, People};
use crate::check::CheckOptions;
use crate::collections::{VecMap, VecSet};
use crate::error::{Error, MAX_SOURCES, MAX_TOTAL_BYTES};
use crate::json;
use crate::model::{Extraction, SourceInfo, SourceInput};
use crate::report::{Report, Summary, REPORT_VERSION};

/// A checking session (see the module docs). `Session::default()` starts empty;
/// [`Session::check`] gives the same report as [`crate::check()`].
#[derive(Debug, Default)]
pub struct Session {
    options: Option<CheckOptions>,
    aliases: AliasTable,
    entries: Vec<Entry>,
    /// The last version number given to an article's claims JSON (see [`JsonParts::versions`]).
    serial: u64,
}

/// What is remembered of one article.
#[derive(Debug)]
struct Entry {
    input: SourceInput,
    /// Its position in the input (ids default to it, claims refer to it).
    index: usize,
    ext: Extraction,
    names: Vec<(String, Option<String>)>,
    /// The people found with this directory of full names (protagonist not yet set).
    people: Option<(Names, People)>,
    /// The claims made with this directory and protagonist.
    claims: Option<Claims>,
}

/// An article's claims and what they were made with.
#[derive(Debug)]
struct Claims {
    /// The directory of full names and the story's protagonist they were made with; `None`
    /// when the article or its people changed since (then they are only compared against, to
    /// reuse the claims the change did not touch).
    made_with: Option<(Names, Option<String>)>,
    /// The claims, with what each was made from.
    made: Made,
    /// Each one's `Claim` as JSON, by index (made on the first [`Session::check_json`] that
    /// needs it; kept for the claims an edit leaves as they were).
    json: Vec<Option<String>>,
    /// The claims as one JSON part, with each claim's end and the part's version, as last given
    /// by [`Session::check_json_parts`] (until the claims are made again).
    part: Option<Part>,
}

/// An article's claims JSON as [`JsonParts`] holds it: the text, each claim's end in it, and
/// its version.
#[derive(Debug, Clone)]
struct Part {
    text: String,
    ends: Vec<usize>,
    version: u64,
}

/// The full names over all articles (key -> display), as [`crate::check::names::Directory`]
/// holds them: what an article's people and claims depend on beyond the article itself.
type Names = VecMap<String, String>;

impl Claims {
    /// These claims, no longer current (see [`Claims::made_with`]).
    fn stale(self) -> Claims {
        Claims {
            made_with: None,
            ..self
        }
    }
}

impl Session {
    /// An empty session.
    pub fn new() -> Session {
        Session::default()
    }

    /// Checks the articles against each other, reusing what is known of the unchanged ones.
    ///
    /// Fails as [`crate::check()`] does: on no sources, duplicate ids, or any unusable text
    /// (empty, binary, too large), naming the source.
    pub fn check(
        &mut self,
        inputs: &[SourceInput],
        options: &CheckOptions,
    ) -> Result<Report, Error> {
        self.prepare(inputs, options)?;
        let (groups, claims) = self.with_claims(|exts, infos| {
            let groups = crate::check::groups(exts, infos);
            (
                groups,
                infos.iter().map(|c| c.claim.clone()).collect::<Vec<_>>(),
            )
        });
        let sources: Vec<SourceInfo> = self.entries.iter().map(|e| e.ext.source.clone()).collect();
        Ok(Report::new(sources, claims, groups))
    }

    /// Brings every article's extraction, people and claims up to date with `inputs`.
    fn prepare(&mut self, inputs: &[SourceInput], options: &CheckOptions) -> Result<(), Error> {
        if inputs.is_empty() {
            return Err(Error::NoSources);
        }
        if inputs.len() > MAX_SOURCES {
            return Err(Error::TooMuchInput {
                detail: format!("{} articles, more than {MAX_SOURCES}", inputs.len()),
            });
        }
        let total: usize = inputs.iter().map(|s| s.text.len()).sum();
        if total > MAX_TOTAL_BYTES {
            return Err(Error::TooMuchInput {
                detail: format!("{total} bytes in all, more than {MAX_TOTAL_BYTES}"),
            });
        }
        if self.options.as_ref() != Some(options) {
            self.entries.clear();
            self.aliases = AliasTable::with_extra(&options.aliases);
            self.options = Some(options.clone());
        }

        // 1. Extraction and full names: reuse an unchanged article's, read the others.
        let mut fresh: Vec<Option<Entry>> = Vec::with_capacity(inputs.len());
        let mut reuse: Vec<Option<usize>> = Vec::with_capacity(inputs.len());
        let mut seen = VecSet::new();
        for (index, input) in inputs.iter().enumerate() {
            // Entries are kept in input order, so an unchanged article's is at its own index.
            let known = self
                .entries
                .get(index)
                .filter(|e| e.index == index && e.input == *input)
                .map(|_| index);
            let id = match known.and_then(|j| self.entries.get(j)) {
                Some(e) => {
                    reuse.push(known);
                    fresh.push(None);
                    e.ext.source.id.clone()
                }
                None => {
                    let ext = crate::extract_source(input, &format!("s{}", index + 1))?;
                    let names = names::full_names(&ext, &input.text, &self.aliases);
                    let id = ext.source.id.clone();
                    // The claims made before this edit (at this position), to reuse claim by
                    // claim what the edit did not touch; kept only to be compared against.
                    let before = self
                        .entries
                        .get_mut(index)
                        .filter(|e| e.index == index)
                        .and_then(|e| e.claims.take())
                        .map(Claims::stale);
                    reuse.push(None);
                    fresh.push(Some(Entry {
                        input: input.clone(),
                        index,
                        ext,
                        names,
                        people: None,
                        claims: before,
                    }));
                    id
                }
            };
            if !seen.insert(id.clone()) {
                return Err(Error::DuplicateId { id });
            }
        }
        let mut old: Vec<Option<Entry>> = std::mem::take(&mut self.entries)
            .into_iter()
            .map(Some)
            .collect();
        let mut entries: Vec<Entry> = fresh
            .into_iter()
            .zip(reuse)
            .filter_map(|(f, r)| f.or_else(|| r.and_then(|j| old.get_mut(j)?.take())))
            .collect();

        // 2. The directory of full names over all articles, then each article's people.
        let dir = claims::directory(entries.iter().map(|e| &e.names));
        for e in &mut entries {
            if !matches!(&e.people, Some((d, _)) if *d == dir.full) {
                let p = People::find_with(&e.ext, &e.input.text, &e.names, &dir);
                e.people = Some((dir.full.clone(), p));
                e.claims = e.claims.take().map(Claims::stale);
            }
        }
        let main = claims::protagonist(
            entries
                .iter()
                .filter_map(|e| e.people.as_ref().map(|p| &p.1)),
        );

        // 3. Claims: reuse an article's while its directory and protagonist are the same.
        for e in &mut entries {
            if matches!(&e.claims, Some(c) if c.made_with.as_ref().is_some_and(|(d, m)| *d == dir.full && *m == main))
            {
                continue;
            }
            let mut people = e.people.as_ref().map(|p| p.1.clone()).unwrap_or_default();
            claims::set_protagonist(&mut people, main.as_ref());
            // What is still true of the claims made before an edit is reused, claim by claim.
            let (before, mut json) = match e.claims.take() {
                Some(c) => (Some(c.made), c.json),
                None => (None, Vec::new()),
            };
            let made = claims::source_claims_again(
                &e.ext,
                &e.input.text,
                e.index,
                people,
                &self.aliases,
                before,
            );
            // The JSON of a kept claim still holds; the others' is made again when needed.
            json.resize(made.infos.len(), None);
            for (j, kept) in json.iter_mut().zip(&made.kept) {
                if !kept {
                    *j = None;
                }
            }
            e.claims = Some(Claims {
                made_with: Some((dir.full.clone(), main.clone())),
                made,
                json,
                part: None,
            });
        }
        self.entries = entries;
        Ok(())
    }

    /// Runs `f` over every claim of the last check (by source then text order), borrowed from
    /// the entries and given back to them afterwards.
    fn with_claims<T>(&mut self, f: impl FnOnce(&[&Extraction], &[ClaimInfo]) -> T) -> T {
        let mut all = Vec::new();
        let mut lens = Vec::with_capacity(self.entries.len());
        for e in &mut self.entries {
            let infos = e
                .claims
                .as_mut()
                .map(|c| std::mem::take(&mut c.made.infos))
                .unwrap_or_default();
            lens.push(infos.len());
            all.extend(infos);
        }
        let exts: Vec<&Extraction> = self.entries.iter().map(|e| &e.ext).collect();
        let out = f(&exts, &all);
        for (e, n) in self.entries.iter_mut().zip(lens).rev() {
            let rest = all.split_off(all.len().saturating_sub(n));
            if let Some(c) = &mut e.claims {
                c.made.infos = rest;
            }
        }
        out
    }

    /// Checks the articles as [`Session::check`] does, and gives the report as JSON: the same
    /// text as [`crate::json::to_string`] of [`Session::check`]'s report (tested), made faster by
    /// keeping each claim's JSON while the claim is unchanged.
    pub fn check_json(
        &mut self,
        inputs: &[SourceInput],
        options: &CheckOptions,
    ) -> Result<String, Error> {
        Ok(self.check_json_parts(inputs, options)?.join())
    }

    /// [`Session::check_json`] in pieces, so that a caller can keep what it made of an
    /// unchanged article's part (the web binding keeps it as a JS string, decoded once).
    pub fn check_json_parts(
        &mut self,
        inputs: &[SourceInput],
        options: &CheckOptions,
    ) -> Result<JsonParts<'_>, Error> {
        self.prepare(inputs, options)?;
        let groups = self.with_claims(crate::check::groups);
        let mut n = 0;
        for e in &mut self.entries {
            let Some(c) = &mut e.claims else {
                continue;
            };
            n += c.made.infos.len();
            if c.part.is_none() {
                let mut text = String::new();
                let mut end = Vec::with_capacity(c.made.infos.len());
                c.json.resize(c.made.infos.len(), None);
                for (info, js) in c.made.infos.iter().zip(c.json.iter_mut()) {
                    if !text.is_empty() {
                        text.push(',');
                    }
                    match js {
                        Some(j) => text.push_str(j),
                        None => {
                            let j = json::to_string(&info.claim);
                            text.push_str(&j);
                            *js = Some(j);
                        }
                    }
                    end.push(text.len());
                }
                self.serial += 1;
                c.part = Some(Part {
                    text,
                    ends: end,
                    version: self.serial,
                });
            }
        }
        // The parts are lent, not copied (~180 KB for the seeds at every re-check).
        let mut claims = Vec::with_capacity(self.entries.len());
        let mut ends = Vec::with_capacity(self.entries.len());
        let mut versions = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            match e.claims.as_ref().and_then(|c| c.part.as_ref()) {
                Some(p) => {
                    claims.push(p.text.as_str());
                    ends.push(p.ends.as_slice());
                    versions.push(p.version);
                }
                None => {
                    claims.push("");
                    ends.push(&[][..]);
                    versions.push(0);
                }
            }
        }
        let sources: Vec<&SourceInfo> = self.entries.iter().map(|e| &e.ext.source).collect();
        let summary = Summary::of(sources.len(), n, &groups);
        // The fields of `Report`, in its order.
        Ok(JsonParts {
            head: format!(
                "{{\"version\":{},\"generator\":{},\"sources\":{},\"claims\":[",
                json::to_string(REPORT_VERSION),
                json::to_string(&crate::generator()),
                json::to_string(&sources),
            ),
            claims,
            ends,
            versions,
            tail: format!(
                "],\"groups\":{},\"summary\":{}}}",
                json::to_string(&groups),
                json::to_string(&summary),
            ),
        })
    }
}

/// A report's JSON in pieces: `head`, then the non-empty `claims` parts separated by commas,
/// then `tail` ([`JsonParts::join`]). The claims parts are the session's own, lent until its
/// next check.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonParts<'a> {
    /// From the opening brace to the claims array's opening bracket.
    pub head: String,
    /// Per article, in input order: its claims as JSON objects separated by commas (empty
    /// when it has none).
    pub claims: Vec<&'a str>,
    /// Per article, the end (byte offset in its `claims` part) of each of its claims: claim
    /// `k` is `part[start..ends[k]]`, `start` being 0 or one past the comma after claim `k-1`.
    pub ends: Vec<&'a [usize]>,
    /// Per article, a version of its part: two parts given by the same [`Session`] with the
    /// same version have the same text (0 is the empty part of an article without claims), so
    /// a caller that keeps what it made of a part need not compare the texts.
    pub versions: Vec<u64>,
    /// From the claims array's closing bracket to the end.
    pub tail: String,
}

impl JsonParts<'_> {
    /// The whole JSON text.
    pub fn join(&self) -> String {
        let len = self.head.len()
            + self.tail.len()
            + self.claims.iter().map(|c| c.len() + 1).sum::<usize>();
        let mut out = String::with_capacity(len);
        out.push_str(&self.head);
        for part in self.claims.iter().filter(|c| !c.is_empty()) {
            if out.len() > self.head.len() {
                out.push(',');
            }
            out.push_str(part);
        }
        out.push_str(&self.tail);
        out
    }

    /// The JSON of each claim of article `i`, in order (none for an article out of range).
    pub fn claims_of(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        let part = self.claims.get(i).copied().unwrap_or("");
        let ends = self.ends.get(i).copied().unwrap_or(&[][..]);
        ends.iter().scan(0usize, move |start, &end| {
            let claim = part.get(*start..end).unwrap_or("");
            *start = end + 1;
            Some(claim)
        })
    }
}
