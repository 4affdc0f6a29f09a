//! Golden snapshots of the seed articles: every mention of each seed (reviewed by hand
//! against the text), and the cross-source report on all five. A change in extraction or
//! verdicts shows up here as a diff to review (`cargo insta review`).

use factcheck::model::SourceInput;
use factcheck::report::Report;
use factcheck::{check, extract_source, CheckOptions};

fn seeds() -> Vec<SourceInput> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceInput {
            id: p.file_stem().map(|s| s.to_string_lossy()[..3].to_string()),
            text: std::fs::read_to_string(&p).unwrap(),
            path: Some(format!(
                "seeds/{}",
                p.file_name().unwrap().to_string_lossy()
            )),
            ..Default::default()
        })
        .collect()
}

/// One line per mention: offsets, kind, qualifier, verbatim text, value, rule.
fn mention_table(input: &SourceInput) -> String {
    let e = extract_source(input, "s").unwrap();
    let mut out = String::new();
    let md = &e.source.metadata;
    for (name, f) in [
        ("outlet", &md.outlet),
        ("published", &md.published),
        ("title", &md.title),
        ("dateline", &md.dateline),
        ("url", &md.url),
    ] {
        if let Some(f) = f {
            out.push_str(&format!("meta {name} = {:?} ({:?})\n", f.value, f.from));
        }
    }
    for m in &e.mentions {
        assert_eq!(&input.text[m.start..m.end], m.text, "span text");
        out.push_str(&format!(
            "{:>5}..{:<5} {:<17} {:<11} {:?} = {} [{}]\n",
            m.start,
            m.end,
            m.kind.as_str(),
            m.qualifier.as_str(),
            m.text,
            m.display_value(),
            m.rule
        ));
    }
    out
}

/// The report, readable: groups by verdict with their claims' sources, texts and values.
fn report_table(r: &Report) -> String {
    let mut out = format!(
        "summary: {} sources, {} claims, {} groups: {} conflicts, {} not comparable, {} agree, {} single source\n",
        r.summary.sources,
        r.summary.claims,
        r.summary.groups,
        r.summary.conflicts,
        r.summary.not_comparable,
        r.summary.agreements,
        r.summary.single_source
    );
    for g in &r.groups {
        out.push_str(&format!(
            "\n{} {} [{}] {} ({})\n  {}\n",
            g.id,
            g.verdict.as_str(),
            g.kind,
            g.measure,
            g.cause,
            g.explanation
        ));
        for id in &g.claims {
            let c = r.claims.iter().find(|c| &c.id == id).unwrap();
            out.push_str(&format!(
                "  - {} {:?} = {}\n",
                c.source, c.mention.text, c.display
            ));
        }
    }
    out
}

#[test]
fn seed_mentions_snapshot() {
    for s in seeds() {
        let name = format!("mentions_{}", s.id.clone().unwrap());
        insta::assert_snapshot!(name, mention_table(&s));
    }
}

#[test]
fn seed_report_snapshot() {
    let r = check(&seeds(), &CheckOptions::default()).unwrap();
    insta::assert_snapshot!("seed_report", report_table(&r));
}

#[test]
fn seed_report_is_deterministic() {
    let a = check(&seeds(), &CheckOptions::default()).unwrap();
    let b = check(&seeds(), &CheckOptions::default()).unwrap();
    assert_eq!(a, b);
}
