use std::time::Instant;
fn main() {
    let mut text = String::new();
    let mut names: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    while text.len() < 1 << 20 {
        for n in &names {
            text.push_str(&std::fs::read_to_string(n).unwrap());
            text.push_str("\n\n");
        }
    }
    let pubd: jiff::civil::Date = "2026-01-07".parse().unwrap();
    for _ in 0..2 {
        let t = Instant::now();
        let doc = factcheck::text::Doc::new(&text);
        println!("doc {:?}", t.elapsed());
        let ctx = factcheck::extract::Context {
            doc: &doc,
            published: Some(pubd),
        };
        let mut out = Vec::new();
        let t = Instant::now();
        factcheck::extract::numbers::find(&ctx, &mut out);
        println!("numbers {:?} {}", t.elapsed(), out.len());
        let t = Instant::now();
        factcheck::extract::dates::find(&ctx, &mut out);
        println!("dates {:?} {}", t.elapsed(), out.len());
        let t = Instant::now();
        factcheck::extract::entities::find(&ctx, &mut out);
        println!("entities {:?} {}", t.elapsed(), out.len());
        let t = Instant::now();
        let k = factcheck::extract::resolve_overlaps(out);
        println!("overlaps {:?} {}", t.elapsed(), k.len());
    }
    let srcs: Vec<factcheck::SourceInput> = names
        .iter()
        .map(|n| factcheck::SourceInput {
            text: std::fs::read_to_string(n).unwrap(),
            ..Default::default()
        })
        .collect();
    for _ in 0..3 {
        let t = Instant::now();
        let _ = factcheck::check(&srcs, &Default::default());
        println!("check {:?}", t.elapsed());
    }
    for s in &srcs {
        let t = Instant::now();
        let _ = factcheck::extract_source(s, "x");
        println!("extract_source {:?}", t.elapsed());
    }
}
