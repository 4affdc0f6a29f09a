//! Extraction throughput, native: the seed articles repeated to about 1 MB and 10 MB,
//! extracted as one text each, best of several runs. Prints MB/s; not a test.
//! Run with `cargo bench --bench throughput`; `scripts/bench.sh` prints it beside the
//! wasm-in-Node figure and the peer (Recognizers-Text) ratio.

use std::time::Instant;

fn corpus(target: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let seeds: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed is UTF-8"))
        .collect();
    let mut out = String::with_capacity(target + 8192);
    while out.len() < target {
        for s in &seeds {
            out.push_str(s);
            out.push_str("\n\n");
        }
    }
    out
}

fn main() {
    let opts = factcheck::ExtractOptions::published("2026-01-07");
    // Warm up: compile the regexes once, outside the timings.
    let _ = factcheck::extract("Around 400 people met on Jan. 6, 2026.", &opts);
    // FACTCHECK_BENCH_QUICK=1: only the 1 MB runs and the stages (for profiling one size);
    // FACTCHECK_BENCH_RUNS=n: n runs of each instead of 7
    // (1 for counting instructions under callgrind).
    let quick = std::env::var_os("FACTCHECK_BENCH_QUICK").is_some();
    let runs: usize = std::env::var("FACTCHECK_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let sizes = [("1 MB", 1usize << 20, runs), ("10 MB", 10usize << 20, 3)];
    for (label, size, runs) in sizes.into_iter().take(if quick { 1 } else { 2 }) {
        let text = corpus(size);
        let mut best = f64::INFINITY;
        let mut mentions = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let m = factcheck::extract(&text, &opts).expect("corpus is valid");
            best = best.min(t.elapsed().as_secs_f64());
            mentions = m.len();
        }
        let mb = text.len() as f64 / 1e6;
        println!(
            "native extract {label:>5}: {:8.1} MB/s  ({:.2} MB in {:.1} ms, {mentions} mentions, best of {runs})",
            mb / best,
            mb,
            best * 1e3
        );
    }
    // Where the time goes: each stage alone on the 1 MB corpus, best of 7.
    let text = corpus(1 << 20);
    let published = "2026-01-07".parse().ok();
    let mb = text.len() as f64 / 1e6;
    let best = |f: &mut dyn FnMut()| {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let doc = factcheck::text::Doc::new(&text);
    let ctx = factcheck::extract::Context {
        doc: &doc,
        published,
    };
    // Candidates each extractor pushed (before overlaps are resolved).
    let counts: [std::cell::Cell<usize>; 3] = Default::default();
    let stages: [(&str, f64); 4] = [
        (
            "text::Doc::new",
            best(&mut || {
                std::hint::black_box(factcheck::text::Doc::new(&text));
            }),
        ),
        (
            "numbers::find",
            best(&mut || {
                let mut out = Vec::new();
                factcheck::extract::numbers::find(&ctx, &mut out);
                counts[0].set(out.len());
                std::hint::black_box(out);
            }),
        ),
        (
            "dates::find",
            best(&mut || {
                let mut out = Vec::new();
                factcheck::extract::dates::find(&ctx, &mut out);
                counts[1].set(out.len());
                std::hint::black_box(out);
            }),
        ),
        (
            "entities::find",
            best(&mut || {
                let mut out = Vec::new();
                factcheck::extract::entities::find(&ctx, &mut out);
                counts[2].set(out.len());
                std::hint::black_box(out);
            }),
        ),
    ];
    for (k, (name, secs)) in stages.into_iter().enumerate() {
        let cands = match k.checked_sub(1).and_then(|c| counts.get(c)) {
            Some(n) => format!(", {} candidates", n.get()),
            None => String::new(),
        };
        println!(
            "native stage {name:<16} {:8.1} MB/s  ({:.1} ms on {mb:.2} MB{cands})",
            mb / secs,
            secs * 1e3
        );
    }

    if quick {
        return;
    }
    // The whole check on the five seeds, as the page runs it on every keystroke.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut sources = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        sources.push(factcheck::SourceInput {
            text: std::fs::read_to_string(&p).expect("seed is UTF-8"),
            path: Some(p.to_string_lossy().into_owned()),
            ..Default::default()
        });
    }
    let opts = factcheck::CheckOptions::default();
    let mut best = f64::INFINITY;
    for _ in 0..20 {
        let t = Instant::now();
        let r = factcheck::check(&sources, &opts).expect("seeds check");
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(r);
    }
    println!(
        "native check on the 5 seeds: {:.2} ms (best of 20)",
        best * 1e3
    );
}
