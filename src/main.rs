//! The native CLI for batch use: `factcheck extract FILE...` prints every mention,
//! `factcheck check FILE...` the cross-source report. Errors become exit codes here, in one place.

use factcheck::error::validate_bytes;
use factcheck::json::{ToJson, Writer};
use factcheck::model::{Extraction, Mention, SourceInfo, SourceInput};
use factcheck::report::{Group, Report, Verdict};
use factcheck::{CheckOptions, Error};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
factcheck: find where news articles about the same event disagree

USAGE:
    factcheck extract [--json] [--published YYYY-MM-DD] FILE...
    factcheck check [--json | --csv] FILE...
    factcheck --version | --help

FILE is a plain-text or Markdown article (front matter read); '-' reads standard input.

extract   prints every numeric and factual mention with its value and offsets
check     aligns the claims of all FILEs and prints conflicts first, then look-alikes,
          agreements and single-source figures; --csv: one row per claim with its verdict

EXIT STATUS: 0 no conflict, 1 conflicts found (check), 2 error";

/// What the command line asked for.
#[derive(Debug, Default)]
struct Args {
    command: String,
    json: bool,
    csv: bool,
    published: Option<String>,
    files: Vec<String>,
}

/// The failures of a CLI run, each mapped to exit status 2 by [`exit_code`].
#[derive(Debug)]
enum CliError {
    Usage(String),
    Core(Error),
    Output(std::io::Error),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m}\n\nRun `factcheck --help` for usage."),
            CliError::Core(e) => write!(f, "{e}"),
            CliError::Output(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Core(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Output(e)
    }
}

fn parse_args(argv: &[String]) -> Result<Args, CliError> {
    let mut args = Args::default();
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--csv" => args.csv = true,
            "--published" => {
                let v = it.next().ok_or_else(|| {
                    CliError::Usage("--published needs a date, e.g. --published 2026-01-07".into())
                })?;
                args.published = Some(v.clone());
            }
            "-h" | "--help" | "--version" if args.command.is_empty() => args.command = a.clone(),
            "-" => args.files.push(a.clone()),
            s if s.starts_with('-') => {
                return Err(CliError::Usage(format!("unknown option {s:?}")))
            }
            s if args.command.is_empty() => args.command = s.to_string(),
            s => args.files.push(s.to_string()),
        }
    }
    if args.csv && (args.json || args.command != "check") {
        return Err(CliError::Usage(
            "--csv goes with `factcheck check`, instead of --json".into(),
        ));
    }
    match args.command.as_str() {
        "extract" | "check" if args.files.is_empty() => Err(CliError::Usage(format!(
            "`factcheck {}` needs at least one FILE ('-' for standard input)",
            args.command
        ))),
        "extract" | "check" | "-h" | "--help" | "--version" => Ok(args),
        "" => Err(CliError::Usage("missing command: extract or check".into())),
        c => Err(CliError::Usage(format!(
            "unknown command {c:?}: use extract or check"
        ))),
    }
}

/// Reads every FILE into a [`SourceInput`], ids from file names (made unique).
fn read_sources(files: &[String], published: Option<&str>) -> Result<Vec<SourceInput>, CliError> {
    let mut out: Vec<SourceInput> = Vec::with_capacity(files.len());
    let mut stdin_used = false;
    for path in files {
        let bytes = if path == "-" {
            if stdin_used {
                return Err(CliError::Usage(
                    "'-' (standard input) can be given only once".into(),
                ));
            }
            stdin_used = true;
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::Io {
                    path: "<stdin>".into(),
                    message: e.to_string(),
                })?;
            buf
        } else {
            std::fs::read(path).map_err(|e| Error::Io {
                path: path.clone(),
                message: e.to_string(),
            })?
        };
        let name = if path == "-" {
            "<stdin>"
        } else {
            path.as_str()
        };
        let text = validate_bytes(name, &bytes)?.to_string();
        let stem = if path == "-" {
            "stdin".to_string()
        } else {
            std::path::Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("s{}", out.len() + 1))
        };
        let mut id = stem.clone();
        let mut n = 2;
        while out.iter().any(|s| s.id.as_deref() == Some(id.as_str())) {
            id = format!("{stem}-{n}");
            n += 1;
        }
        out.push(SourceInput {
            id: Some(id),
            text,
            path: (path != "-").then(|| path.clone()),
            published: published.map(str::to_string),
            ..Default::default()
        });
    }
    Ok(out)
}

/// A mention with the id of its source, as `extract --json` prints it.
struct SourcedMention<'a> {
    source: &'a str,
    mention: &'a Mention,
}

impl ToJson for SourcedMention<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("source", self.source);
        self.mention.write_json_fields(w);
        w.end_object();
    }
}

/// The JSON document of `extract --json`.
struct ExtractOutput<'a> {
    version: &'static str,
    generator: String,
    sources: Vec<&'a SourceInfo>,
    mentions: Vec<SourcedMention<'a>>,
}

impl ToJson for ExtractOutput<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("version", self.version);
        w.field("generator", &self.generator);
        w.field("sources", &self.sources);
        w.field("mentions", &self.mentions);
        w.end_object();
    }
}

fn one_line(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn run_extract(args: &Args, out: &mut impl Write) -> Result<ExitCode, CliError> {
    let sources = read_sources(&args.files, args.published.as_deref())?;
    let mut extractions: Vec<Extraction> = Vec::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        extractions.push(factcheck::extract_source(s, &format!("s{}", i + 1))?);
    }
    if args.json {
        let doc = ExtractOutput {
            version: factcheck::report::REPORT_VERSION,
            generator: factcheck::generator(),
            sources: extractions.iter().map(|e| &e.source).collect(),
            mentions: extractions
                .iter()
                .flat_map(|e| {
                    e.mentions.iter().map(|m| SourcedMention {
                        source: &e.source.id,
                        mention: m,
                    })
                })
                .collect(),
        };
        writeln!(out, "{}", factcheck::json::to_string_pretty(&doc))?;
        return Ok(ExitCode::SUCCESS);
    }
    for e in &extractions {
        let s = &e.source;
        let published = s
            .metadata
            .published
            .as_ref()
            .map_or("unknown".to_string(), |f| {
                format!("{} ({:?})", f.value, f.from).to_lowercase()
            });
        writeln!(
            out,
            "== {} ({}; published {}; {} mentions)",
            s.id,
            s.path.as_deref().unwrap_or("<stdin>"),
            published,
            e.mentions.len()
        )?;
        writeln!(
            out,
            "{} {} {} value",
            pad("bytes", 12),
            pad("kind", 17),
            pad("text", 40)
        )?;
        for m in &e.mentions {
            writeln!(
                out,
                "{} {} {} {}",
                pad(&format!("{}..{}", m.start, m.end), 12),
                pad(m.kind.as_str(), 17),
                pad(&one_line(&m.text, 40), 40),
                one_line(&m.display_value(), 60)
            )?;
        }
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_group(out: &mut impl Write, report: &Report, g: &Group) -> std::io::Result<()> {
    writeln!(out, "  [{}] {} ({})", g.kind, g.measure, g.cause)?;
    writeln!(out, "      {}", one_line(&g.explanation, 200))?;
    for id in &g.claims {
        if let Some(c) = report.claims.iter().find(|c| &c.id == id) {
            writeln!(
                out,
                "      {} {} = {}  «{}» @{}..{}",
                pad(&c.source, 12),
                pad(&one_line(&c.mention.text, 40), 40),
                one_line(&c.display, 40),
                one_line(&c.mention.text, 60),
                c.mention.start,
                c.mention.end
            )?;
        }
    }
    Ok(())
}

fn run_check(args: &Args, out: &mut impl Write) -> Result<ExitCode, CliError> {
    let sources = read_sources(&args.files, args.published.as_deref())?;
    let report = factcheck::check(&sources, &CheckOptions::default())?;
    if args.csv {
        let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
        out.write_all(factcheck::csv::to_csv(&report, &texts).as_bytes())?;
    } else if args.json {
        writeln!(out, "{}", factcheck::json::to_string_pretty(&report))?;
    } else {
        let s = &report.summary;
        writeln!(
            out,
            "{} sources, {} claims: {} conflicts, {} look-alikes, {} agreements, {} single-source",
            s.sources, s.claims, s.conflicts, s.not_comparable, s.agreements, s.single_source
        )?;
        for (verdict, title) in [
            (Verdict::Conflict, "CONFLICTS"),
            (Verdict::NotComparable, "LOOK-ALIKES (not conflicts)"),
            (Verdict::Agree, "AGREEMENTS"),
            (Verdict::SingleSource, "SINGLE SOURCE (uncorroborated)"),
        ] {
            let groups: Vec<&Group> = report
                .groups
                .iter()
                .filter(|g| g.verdict == verdict)
                .collect();
            if groups.is_empty() {
                continue;
            }
            writeln!(out, "\n{title}")?;
            for g in groups {
                print_group(out, &report, g)?;
            }
        }
    }
    Ok(if report.summary.conflicts > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The one place errors become exit codes: 2 for every error.
fn exit_code(result: Result<ExitCode, CliError>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factcheck: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = parse_args(&argv).and_then(|args| match args.command.as_str() {
        "extract" => run_extract(&args, &mut out),
        "check" => run_check(&args, &mut out),
        "--version" => {
            writeln!(out, "factcheck {}", factcheck::version())?;
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            writeln!(out, "{USAGE}")?;
            Ok(ExitCode::SUCCESS)
        }
    });
    let result = result.and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    exit_code(result)
}
