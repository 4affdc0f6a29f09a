//! The native CLI end to end: output shapes, exit codes, and one-line errors on bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
}

fn seed(name: &str) -> String {
    format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("factcheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// Runs the CLI; returns (exit code, stdout, stderr).
fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut si = child.stdin.take().unwrap();
        if let Some(b) = stdin {
            si.write_all(b).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_one_line_error(code: i32, stderr: &str, needle: &str) {
    assert_eq!(code, 2, "stderr: {stderr}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "not one line: {stderr:?}"
    );
    assert!(stderr.contains(needle), "{needle:?} not in {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn bad_input_gives_a_one_line_error_naming_the_file() {
    let (c, _, e) = run(&["extract", "/nonexistent/article.txt"], None);
    assert_one_line_error(c, &e, "/nonexistent/article.txt");
    let p = tmp("empty.txt", b"");
    let (c, _, e) = run(&["extract", &p], None);
    assert_one_line_error(c, &e, "empty.txt: the text is empty");
    let p = tmp("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let (c, _, e) = run(&["extract", &p], None);
    assert_one_line_error(c, &e, "image.png: this looks like binary data");
    let p = tmp("latin1.txt", b"caf\xe9 400 people");
    let (c, _, e) = run(&["check", &p], None);
    assert_one_line_error(c, &e, "latin1.txt: not valid UTF-8");
    let (c, _, e) = run(&["extract"], None);
    assert_eq!(c, 2, "{e}");
    let (c, _, e) = run(&["frobnicate", "x"], None);
    assert_eq!(c, 2, "{e}");
}

#[test]
fn extract_json_carries_source_ids_paths_text_and_offsets() {
    let p = seed("004_1c4ffb9afab69328.txt");
    let (c, out, e) = run(&["extract", "--json", &p], None);
    assert_eq!(c, 0, "{e}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let src = &v["sources"][0];
    assert_eq!(src["id"], "004_1c4ffb9afab69328");
    assert_eq!(src["path"], p.as_str());
    let text = std::fs::read_to_string(&p).unwrap();
    let mentions = v["mentions"].as_array().unwrap();
    for m in mentions {
        assert_eq!(m["source"], "004_1c4ffb9afab69328");
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap());
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let (c, out, e) = run(
        &["extract", "--json", "-"],
        Some("Around 400 people came.".as_bytes()),
    );
    assert_eq!(c, 0, "{e}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["sources"][0]["id"], "stdin");
    assert!(v["sources"][0]["path"].is_null());
    let (c, _, e) = run(&["extract", "-"], Some(b""));
    assert_one_line_error(c, &e, "<stdin>: the text is empty");
}

#[test]
fn check_exit_status_says_whether_there_are_conflicts() {
    let seeds: Vec<String> = std::fs::read_dir(format!("{}/seeds", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    let args: Vec<&str> = ["check", "--json"]
        .into_iter()
        .chain(seeds.iter().map(String::as_str))
        .collect();
    let (c, out, e) = run(&args, None);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let conflicts = v["summary"]["conflicts"].as_u64().unwrap();
    assert_eq!(c, if conflicts > 0 { 1 } else { 0 }, "{e}");
    assert_eq!(v["sources"].as_array().unwrap().len(), seeds.len());
    for s in v["sources"].as_array().unwrap() {
        assert!(s["path"].as_str().unwrap().ends_with(".txt"));
    }
}

#[test]
fn check_csv_prints_a_row_per_claim_and_refuses_json_with_it() {
    let a = seed("000_a038938c61ebb700.txt");
    let b = seed("001_3497635191482747.txt");
    let (_, json, _) = run(&["check", "--json", &a, &b], None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let claims = v["claims"].as_array().unwrap().len();
    let (c, out, e) = run(&["check", "--csv", &a, &b], None);
    assert!(c == 0 || c == 1, "{e}");
    assert!(out.starts_with("claim,source,outlet,kind,text,display,qualifier,start_utf16,end_utf16,group,verdict,measure,cause,sentence\r\n"));
    assert_eq!(
        out.matches("\r\n").count(),
        claims + 1,
        "a header and a row per claim"
    );
    // A usage error (status 2, with the pointer to --help), not a silent choice of one format.
    for args in [
        vec!["check", "--csv", "--json", &a],
        vec!["extract", "--csv", &a],
    ] {
        let (c, out, e) = run(&args, None);
        assert_eq!(c, 2, "{e}");
        assert!(out.is_empty() && e.contains("--csv goes with"), "{e}");
    }
}
