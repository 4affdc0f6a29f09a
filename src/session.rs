//! A checking session: remembers each article's extraction and claims between checks, so a
//! re-check after an edit (an editor typing into one article) redoes only what the edit
//! changed. The report is the same as a fresh [`crate::check()`] of the same input (tested).
//!
//! What is kept, per article, and when it is reused:
//! - the extraction and the full names it spells out: while the article's input (text and
//!   caller metadata) and its position are unchanged;
//! - the people it mentions: while, in addition, the full names over all articles are the same;
//! - its claims: while, in addition, the story's protagonist is the same.
//!
//! Alignment and verdicts always run over all claims (they are cheap next to reading).

use crate::aliases::AliasTable;
use crate::check::claims::{self, ClaimInfo};
use crate::check::names::{self, People};
use crate::check::CheckOptions;
use crate::collections::VecMap;
use crate::error::{Error, MAX_SOURCES, MAX_TOTAL_BYTES};
use crate::model::{Extraction, SourceInput};
use crate::report::Report;
use std::collections::HashSet;

/// A checking session (see the module docs). `Session::default()` starts empty;
/// [`Session::check`] gives the same report as [`crate::check()`].
#[derive(Debug, Default)]
pub struct Session {
    options: Option<CheckOptions>,
    aliases: AliasTable,
    entries: Vec<Entry>,
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
    claims: Option<(Names, Option<String>, Vec<ClaimInfo>)>,
}

/// The full names over all articles (key -> display), as [`crate::check::names::Directory`]
/// holds them: what an article's people and claims depend on beyond the article itself.
type Names = VecMap<String, String>;

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
        let mut seen = HashSet::new();
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
                    reuse.push(None);
                    fresh.push(Some(Entry {
                        input: input.clone(),
                        index,
                        ext,
                        names,
                        people: None,
                        claims: None,
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
        let mut all_people = Vec::with_capacity(entries.len());
        for e in &mut entries {
            let people = match &e.people {
                Some((d, p)) if *d == dir.full => p.clone(),
                _ => {
                    let p = People::find_with(&e.ext, &e.input.text, &e.names, &dir);
                    e.people = Some((dir.full.clone(), p.clone()));
                    e.claims = None;
                    p
                }
            };
            all_people.push(people);
        }
        let main = claims::protagonist(&all_people);

        // 3. Claims: reuse an article's while its directory and protagonist are the same.
        let mut infos = Vec::new();
        for (e, mut people) in entries.iter_mut().zip(all_people) {
            match &e.claims {
                Some((d, m, c)) if *d == dir.full && *m == main => infos.extend(c.iter().cloned()),
                _ => {
                    claims::set_protagonist(&mut people, main.as_ref());
                    let c = claims::source_claims(
                        &e.ext,
                        &e.input.text,
                        e.index,
                        people,
                        &self.aliases,
                    );
                    infos.extend(c.iter().cloned());
                    e.claims = Some((dir.full.clone(), main.clone(), c));
                }
            }
        }

        // 4. Alignment and verdicts over everything.
        let exts: Vec<Extraction> = entries.iter().map(|e| e.ext.clone()).collect();
        self.entries = entries;
        Ok(crate::check::report(&exts, infos))
    }
}
