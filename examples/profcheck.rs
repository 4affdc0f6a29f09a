//! Profiling aid: runs the whole check of the five seed articles N times (default 200) and
//! prints the first (cold: tables built, patterns compiled) and the average time. Build with
//! `cargo build --profile bench --example profcheck`, run under `perf record` to see where a
//! check spends its time. The printed figures are for comparing before/after in one minute.
//! Then it types a sentence into the first seed one key at a time in a
//! [`factcheck::session::Session`] and prints the average re-check (`PROFCHECK_TYPING_ROUNDS=N`
//! types it N times, to profile the re-check alone), then the same as JSON
//! ([`factcheck::session::Session::check_json`], what the page's worker runs).

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let sources: Vec<_> = names
        .iter()
        .map(|p| factcheck::SourceInput {
            text: std::fs::read_to_string(p).expect("seed is UTF-8"),
            path: Some(p.to_string_lossy().into_owned()),
            ..Default::default()
        })
        .collect();
    let opts = factcheck::CheckOptions::default();
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
        .max(1);
    let t = std::time::Instant::now();
    std::hint::black_box(factcheck::check(&sources, &opts).expect("seeds check"));
    println!("first check: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(factcheck::check(&sources, &opts).expect("seeds check"));
    }
    println!(
        "average of {n}: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3 / f64::from(n)
    );
    let typed = " More than 500 people attended on Wednesday.";
    let mut session = factcheck::session::Session::new();
    let mut edited = sources.clone();
    session.check(&edited, &opts).expect("seeds check");
    let rounds: usize = std::env::var("PROFCHECK_TYPING_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1);
    let base = edited[0].text.clone();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        edited[0].text.clone_from(&base);
        for ch in typed.chars() {
            edited[0].text.push(ch);
            std::hint::black_box(session.check(&edited, &opts).expect("re-check"));
        }
    }
    println!(
        "re-check while typing, average of {}: {:.2} ms",
        typed.len() * rounds,
        t.elapsed().as_secs_f64() * 1e3 / (typed.len() * rounds) as f64
    );
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(session.check(&edited, &opts).expect("re-check"));
    }
    println!(
        "re-check of unchanged articles, average of {n}: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3 / f64::from(n)
    );
    // What the page's worker does: the same typing, the report as JSON.
    let mut session = factcheck::session::Session::new();
    let mut edited = sources.clone();
    session.check_json(&edited, &opts).expect("seeds check");
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        edited[0].text.clone_from(&base);
        for ch in typed.chars() {
            edited[0].text.push(ch);
            std::hint::black_box(session.check_json(&edited, &opts).expect("re-check"));
        }
    }
    println!(
        "re-check while typing as JSON, average of {}: {:.2} ms",
        typed.len() * rounds,
        t.elapsed().as_secs_f64() * 1e3 / (typed.len() * rounds) as f64
    );
}
