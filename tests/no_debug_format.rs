//! The wasm build turns `Debug` formatting off (`-Zfmt-debug=none` in wasm-pack.toml's
//! `[profile.std]`: 3.5 KB gzipped less module), so a `{:?}` in library code would print
//! nothing in the page. This test keeps library code (everything the wasm links: not test
//! modules, not the native CLI) free of Debug format specs; quote with `crate::json::to_string`.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The `{...?}` format specs in `code` (`{:?}`, `{x:?}`, `{:#?}`, `{:>8?}`), with their line.
fn debug_specs(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let b = line.as_bytes();
        let mut i = 0;
        while let Some(open) = line[i..].find('{').map(|k| k + i) {
            let Some(close) = line[open..].find('}').map(|k| k + open) else {
                break;
            };
            let spec = &line[open..=close];
            let inner = &spec[1..spec.len() - 1];
            if let Some(colon) = inner.find(':') {
                let fmt = &inner[colon + 1..];
                let plain = inner[..colon]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
                if plain
                    && fmt.ends_with('?')
                    && !fmt.contains(' ')
                    && b.get(open.wrapping_sub(1)) != Some(&b'{')
                {
                    found.push((n + 1, spec.to_string()));
                }
            }
            i = close + 1;
        }
    }
    found
}

#[test]
fn the_spec_finder_finds_debug_specs() {
    let found = debug_specs("a {:?} b {x:?} c {:#?} d {y} e {:>8?} f {{:?}} g {z:x}");
    let specs: Vec<&str> = found.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(specs, ["{:?}", "{x:?}", "{:#?}", "{:>8?}"]);
}

#[test]
fn library_code_formats_nothing_with_debug() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        if name == "main.rs" || name.ends_with("tests.rs") {
            continue; // the native CLI; test-only modules
        }
        let text = std::fs::read_to_string(f).unwrap();
        // Test modules sit at the end of a file, after `#[cfg(test)]`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (line, spec) in debug_specs(code) {
            bad.push(format!("{}:{line}: {spec}", f.display()));
        }
    }
    assert!(files.len() > 20, "the library's files were read");
    assert!(
        bad.is_empty(),
        "Debug formatting in library code (prints nothing in wasm):\n{}",
        bad.join("\n")
    );
}
