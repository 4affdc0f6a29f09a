//! The re-checking session gives, after every edit, exactly the report of a fresh check of the
//! same input: typing into one article (at its end and in its middle), changing a figure,
//! joining sentences, splitting and merging paragraphs, deleting a sentence, naming someone at
//! the top, typing at its start, editing its dateline and header lines, renaming the person a
//! short form stands for, editing its metadata, adding, removing and reordering articles, changing options,
//! and bad input in between, over the seeds and every evaluation cluster.

use factcheck::session::Session;
use factcheck::{check, CheckOptions, Error, SourceInput};
use std::path::Path;

fn articles(dir: &Path, ext: &str) -> Vec<SourceInput> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| SourceInput {
            text: std::fs::read_to_string(p).expect("UTF-8 article"),
            path: Some(p.file_name().unwrap().to_string_lossy().into_owned()),
            ..Default::default()
        })
        .collect()
}

/// Two sessions fed the same edits: one asked for reports, one for JSON.
#[derive(Default)]
struct Sessions {
    report: Session,
    json: Session,
    /// Each version of an article's claims JSON the JSON session gave, with its text.
    parts: std::collections::HashMap<u64, String>,
}

/// Checks with the sessions and afresh, and asserts the reports (or errors) are equal, and the
/// JSON session's text is the fresh report's JSON, and that a version of a part always stands
/// for the same text (the web binding compares versions instead of texts).
fn same(s: &mut Sessions, sources: &[SourceInput], options: &CheckOptions, step: &str) {
    let ours = s.report.check(sources, options);
    let parts = s.json.check_json_parts(sources, options);
    if let Ok(p) = &parts {
        assert_eq!(p.versions.len(), p.claims.len(), "{step}");
        for (v, text) in p.versions.iter().zip(&p.claims) {
            let known = s.parts.entry(*v).or_insert_with(|| text.to_string());
            assert!(known == text, "{step}: version {v} stands for two texts");
        }
    }
    let json = parts.map(|p| p.join());
    let fresh = check(sources, options);
    match (&json, &fresh) {
        (Ok(j), Ok(b)) => assert!(
            *j == serde_json::to_string(b).expect("serializable"),
            "{step}: the session's JSON differs from a fresh check's"
        ),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{step}: JSON"),
        (a, b) => panic!(
            "{step}: session JSON {:?} vs fresh {:?}",
            a.as_ref().map(|_| ()),
            b.as_ref().map(|_| ())
        ),
    }
    match (ours, fresh) {
        (Ok(a), Ok(b)) => assert!(
            a == b,
            "{step}: the session's report differs from a fresh check"
        ),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{step}"),
        (a, b) => panic!(
            "{step}: session {:?} vs fresh {:?}",
            a.map(|_| ()),
            b.map(|_| ())
        ),
    }
}

/// The end of a sentence ("." before a space, the space's offset) near the middle of `text`.
fn middle_sentence_end(text: &str) -> Option<usize> {
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half += 1;
    }
    text[half..].find(". ").map(|i| half + i + 1)
}

/// A sequence of edits an editor makes, checked after each one.
fn edits(mut sources: Vec<SourceInput>, name: &str, keys: usize) {
    let options = CheckOptions::default();
    let mut s = Sessions::default();
    same(&mut s, &sources, &options, &format!("{name}: first"));
    same(&mut s, &sources, &options, &format!("{name}: unchanged"));
    // Typing a contradicting sentence into the first article, a few keys at a time.
    let typed = " More than 500 people attended on Wednesday, Premier Li Qiang said.";
    let mut done = 0;
    while done < typed.len() {
        let mut end = (done + keys).min(typed.len());
        while !typed.is_char_boundary(end) {
            end += 1;
        }
        sources[0].text.push_str(&typed[done..end]);
        done = end;
        same(&mut s, &sources, &options, &format!("{name}: typing {end}"));
    }
    // Edits in the middle of the first article: a sentence typed between two others, a
    // figure changed, a paragraph split and merged again, a sentence deleted. Claims after the
    // edit move (their offsets and ids change); those before it stay.
    let base = sources[0].text.clone();
    if let Some(mid) = middle_sentence_end(&base) {
        let inserted = " On Tuesday, 1,200 residents were evacuated, police said.";
        let mut done = 0;
        while done < inserted.len() {
            let mut end = (done + keys).min(inserted.len());
            while !inserted.is_char_boundary(end) {
                end += 1;
            }
            done = end;
            sources[0].text = format!("{}{}{}", &base[..mid], &inserted[..end], &base[mid..]);
            same(&mut s, &sources, &options, &format!("{name}: middle {end}"));
        }
        // The figure typed changes (one digit), then the sentence after it is joined to it.
        sources[0].text = sources[0]
            .text
            .replacen("1,200 residents", "1,300 residents", 1);
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: figure changed"),
        );
        // A word of the same length changes who the figure is attributed to (no mention and
        // no offset changes).
        sources[0].text = sources[0].text.replacen("police said", "rivals said", 1);
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: attribution changed"),
        );
        let joined = format!("{}{}{}", &base[..mid], inserted, &base[mid..]);
        let at = mid + inserted.len();
        sources[0].text = format!(
            "{}{}",
            joined[..at].trim_end_matches('.'),
            &joined[at..].replacen(". ", " and ", 1)
        );
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: sentences joined"),
        );
        // A paragraph split after the middle sentence, then merged again.
        sources[0].text = format!("{}\n\n{}", &base[..mid], base[mid..].trim_start());
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: paragraph split"),
        );
        sources[0].text = base.clone();
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: paragraph merged"),
        );
        // The middle sentence deleted.
        let start = base[..mid.saturating_sub(1)]
            .rfind(". ")
            .map_or(0, |i| i + 1);
        sources[0].text = format!("{}{}", &base[..start], &base[mid..]);
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: sentence deleted"),
        );
        // A name spelled out at the top changes who later pronouns and surnames are.
        sources[0].text = format!("Prime Minister Jana Novak visited. {base}");
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: name at the top"),
        );
        sources[0].text = base;
        same(
            &mut s,
            &sources,
            &options,
            &format!("{name}: back to the start"),
        );
    }
    // Typing at the very start of the first article (before its header or dateline), then
    // taking it back.
    let base = sources[0].text.clone();
    let typed = "Breaking: ";
    let mut done = 0;
    while done < typed.len() {
        let end = (done + keys).min(typed.len());
        done = end;
        sources[0].text = format!("{}{base}", &typed[..end]);
        same(&mut s, &sources, &options, &format!("{name}: start {end}"));
    }
    sources[0].text.clone_from(&base);
    same(&mut s, &sources, &options, &format!("{name}: start undone"));
    // The header or dateline edited: its date changed (the date the article's weekdays and
    // partial dates resolve against), or the first line extended when it has none.
    let first_line = base.find('\n').unwrap_or(base.len());
    sources[0].text = match ["Jan. 6", "Jan. 7", "January 6"]
        .iter()
        .find_map(|d| base[..first_line].find(d).map(|i| (i, d.len())))
    {
        Some((i, len)) => format!("{}Jan. 9{}", &base[..i], &base[i + len..]),
        None => format!(
            "{} Jan. 9, 2026{}",
            &base[..first_line],
            &base[first_line..]
        ),
    };
    same(&mut s, &sources, &options, &format!("{name}: dateline"));
    // A line break added after the first line and removed again (a header may become text).
    sources[0].text = format!("{}\n{}", &base[..first_line], &base[first_line..]);
    same(&mut s, &sources, &options, &format!("{name}: header break"));
    sources[0].text = base.replacen('\n', " ", 1);
    same(
        &mut s,
        &sources,
        &options,
        &format!("{name}: header joined"),
    );
    // The sentence that spells a name out edited: the short forms after it ("Lee", "Li")
    // now stand for someone else, or for no one.
    for full in ["Lee Jae Myung", "Lee Jae-myung", "Li Qiang", "Xi Jinping"] {
        if let Some(i) = base.find(full) {
            sources[0].text = format!("{}Kim Min-soo{}", &base[..i], &base[i + full.len()..]);
            same(
                &mut s,
                &sources,
                &options,
                &format!("{name}: renamed {full}"),
            );
        }
    }
    sources[0].text = base;
    same(&mut s, &sources, &options, &format!("{name}: names back"));
    // Caller metadata changes the publication date weekdays resolve against.
    sources[0].published = Some("2026-01-09".into());
    same(&mut s, &sources, &options, &format!("{name}: published"));
    // A new article naming people in full (changes the directory of full names).
    sources.push(SourceInput {
        text: "Premier Li Qiang met President Lee Jae Myung on Jan. 5, 2026, with 300 officials."
            .into(),
        ..Default::default()
    });
    same(&mut s, &sources, &options, &format!("{name}: added"));
    // An article naming someone by surname only, then one spelling the name out (the directory
    // of full names changes, and with it who the first article's "Novak" is).
    sources.push(SourceInput {
        text: "Novak arrived in Prague on Jan. 5, 2026, for talks.".into(),
        ..Default::default()
    });
    same(&mut s, &sources, &options, &format!("{name}: surname only"));
    sources.push(SourceInput {
        text: "Prime Minister Jana Novak arrived in Prague on Jan. 6, 2026, for talks.".into(),
        ..Default::default()
    });
    same(&mut s, &sources, &options, &format!("{name}: full name"));
    sources.truncate(sources.len() - 2);
    // An article that names someone else so often that they become the story's protagonist
    // (pronouns in the other articles now point to them).
    let mut other = String::from("Premier Li Qiang visited Seoul on Jan. 4, 2026.");
    for i in 0..40 {
        other.push_str(&format!(" Premier Li Qiang spoke to {} reporters.", 10 + i));
    }
    sources.push(SourceInput {
        text: other,
        ..Default::default()
    });
    same(
        &mut s,
        &sources,
        &options,
        &format!("{name}: new protagonist"),
    );
    sources.pop();
    same(
        &mut s,
        &sources,
        &options,
        &format!("{name}: protagonist back"),
    );
    // Reordered, then one removed.
    sources.rotate_left(1);
    same(&mut s, &sources, &options, &format!("{name}: reordered"));
    sources.remove(0);
    same(&mut s, &sources, &options, &format!("{name}: removed"));
    // Bad input in between, then a good check again.
    let mut bad = sources.clone();
    bad[0].text = String::new();
    same(&mut s, &bad, &options, &format!("{name}: empty text"));
    if sources.len() >= 2 {
        let mut dup = sources.clone();
        dup[0].id = Some("x".into());
        dup[1].id = Some("x".into());
        same(&mut s, &dup, &options, &format!("{name}: duplicate ids"));
    }
    same(&mut s, &sources, &options, &format!("{name}: after errors"));
    // Options change every claim's aliases.
    let aliased = CheckOptions {
        aliases: vec![vec![
            "Lee Jae Myung".into(),
            "the South Korean leader".into(),
        ]],
    };
    same(&mut s, &sources, &aliased, &format!("{name}: options"));
    same(&mut s, &sources, &options, &format!("{name}: options back"));
}

#[test]
fn seeds_edited_in_a_session_report_as_a_fresh_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    edits(articles(&root.join("seeds"), "txt"), "seeds", 7);
}

#[test]
fn eval_clusters_edited_in_a_session_report_as_a_fresh_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/eval exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 10, "the evaluation clusters are there");
    for d in dirs {
        let sources = articles(&d, "md");
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        edits(sources, &name, 25);
    }
}

#[test]
fn a_session_refuses_what_check_refuses() {
    let mut s = Session::new();
    assert!(matches!(
        s.check(&[], &CheckOptions::default()),
        Err(Error::NoSources)
    ));
    let binary = SourceInput {
        text: "\u{0}\u{1}\u{2}binary".into(),
        ..Default::default()
    };
    assert!(s.check(&[binary], &CheckOptions::default()).is_err());
}
