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

/// The CSV export of the seed report, byte for byte. The page's "Export CSV"
/// (www/report-dom.js `reportCsv`) is held to the same file by tests/e2e/csv.test.mjs, so
/// the CLI's `check --csv` and the page cannot drift apart. `FACTCHECK_BLESS=1` rewrites it
/// after a reviewed change.
#[test]
fn seed_report_csv() {
    let sources = seeds();
    let report = check(&sources, &CheckOptions::default()).unwrap();
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let csv = factcheck::csv::to_csv(&report, &texts);
    assert_eq!(
        csv.lines().count(),
        report.claims.len() + 1,
        "a header and a row per claim"
    );
    assert!(csv.starts_with("claim,source,outlet,kind,text,display,qualifier,"));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seeds.csv");
    if std::env::var_os("FACTCHECK_BLESS").is_some() {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden")).unwrap();
        std::fs::write(path, &csv).unwrap();
    }
    let golden = std::fs::read_to_string(path)
        .expect("tests/golden/seeds.csv (FACTCHECK_BLESS=1 writes it)");
    assert!(
        csv == golden,
        "the seed CSV changed; review the diff and bless it"
    );
}
