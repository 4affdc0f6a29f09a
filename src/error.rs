//! The one error type of the crate. Every message says what went wrong and how to fix it;
//! the wasm binding turns these into JS `Error`s and the CLI into exit codes, each in one place.

use std::fmt;

/// Largest article the extractor accepts, in bytes (16 MiB).
pub const MAX_SOURCE_BYTES: usize = 16 * 1024 * 1024;
/// Largest total input of one check, in bytes (64 MiB).
pub const MAX_TOTAL_BYTES: usize = 64 * 1024 * 1024;
/// Most sources one check accepts.
pub const MAX_SOURCES: usize = 10_000;

/// What can go wrong. Input problems name the source they concern.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The text is empty or only whitespace.
    EmptyText {
        /// The source id or file name.
        source: String,
    },
    /// The text looks like binary data (NUL bytes or mostly control characters).
    Binary {
        /// The source id or file name.
        source: String,
    },
    /// The bytes are not valid UTF-8.
    InvalidUtf8 {
        /// The source id or file name.
        source: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// One text is larger than [`MAX_SOURCE_BYTES`].
    TooLarge {
        /// The source id or file name.
        source: String,
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The whole input is larger than [`MAX_TOTAL_BYTES`] or has more than [`MAX_SOURCES`] sources.
    TooMuchInput {
        /// What was too much.
        detail: String,
    },
    /// No sources were given to a check.
    NoSources,
    /// Two sources share an id.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// A metadata value or option is malformed (e.g. a publication date that is not YYYY-MM-DD).
    InvalidOption {
        /// Which option or field.
        name: String,
        /// What was wrong with it.
        detail: String,
    },
    /// A file could not be read.
    Io {
        /// The path.
        path: String,
        /// The operating system's message.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText { source } => write!(
                f,
                "{source}: the text is empty; give the article's text (plain text or Markdown)"
            ),
            Error::Binary { source } => write!(
                f,
                "{source}: this looks like binary data, not text; export the article as plain text (.txt or .md)"
            ),
            Error::InvalidUtf8 { source, offset } => write!(
                f,
                "{source}: not valid UTF-8 (first bad byte at offset {offset}); re-save the file as UTF-8"
            ),
            Error::TooLarge {
                source,
                bytes,
                limit,
            } => write!(
                f,
                "{source}: the text is {bytes} bytes, more than the limit of {limit}; split it into separate articles"
            ),
            Error::TooMuchInput { detail } => {
                write!(f, "too much input: {detail}; check fewer or smaller articles at once")
            }
            Error::NoSources => write!(f, "no articles given; pass at least one article to check"),
            Error::DuplicateId { id } => write!(
                f,
                "two articles have the id {}; give each article a distinct id",
                crate::json::to_string(id)
            ),
            Error::InvalidOption { name, detail } => write!(f, "invalid {name}: {detail}"),
            Error::Io { path, message } => write!(f, "{path}: cannot read: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// Checks that `bytes` are a usable article text and returns it as `&str`.
///
/// Rejects invalid UTF-8, binary data, empty text and oversized input, naming `source`.
pub fn validate_bytes<'a>(source: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    // Binary files (images, PDFs, archives) carry NUL bytes early; say so rather than "bad UTF-8".
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Error::Binary {
            source: source.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        source: source.to_string(),
        offset: e.valid_up_to(),
    })?;
    validate_text(source, text)?;
    Ok(text)
}

/// Checks that `text` is a usable article text: not empty, not binary, not too large.
pub fn validate_text(source: &str, text: &str) -> Result<(), Error> {
    if text.len() > MAX_SOURCE_BYTES {
        return Err(Error::TooLarge {
            source: source.to_string(),
            bytes: text.len(),
            limit: MAX_SOURCE_BYTES,
        });
    }
    if text.as_bytes().contains(&b'\0') {
        return Err(Error::Binary {
            source: source.to_string(),
        });
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(4096) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') || c == '\u{fffd}' {
            control += 1;
        }
    }
    if total > 0 && control * 10 > total {
        return Err(Error::Binary {
            source: source.to_string(),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyText {
            source: source.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input_with_the_source_name() {
        assert!(matches!(
            validate_bytes("a.txt", b""),
            Err(Error::EmptyText { .. })
        ));
        assert!(matches!(
            validate_bytes("a.txt", b" \n\n "),
            Err(Error::EmptyText { .. })
        ));
        assert!(matches!(
            validate_bytes("a.txt", b"ab\0cd"),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            validate_bytes("a.txt", b"ok \xff\xfe"),
            Err(Error::InvalidUtf8 { offset: 3, .. })
        ));
        let e = validate_bytes("a.txt", b"").unwrap_err().to_string();
        assert!(e.starts_with("a.txt: "), "{e}");
        assert!(validate_bytes("a.txt", "Jan. 6 — 400 people".as_bytes()).is_ok());
    }
}
