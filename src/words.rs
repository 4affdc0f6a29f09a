//! Word lists stored as one string each ([`Words`], built with the crate-private `words!` macro).
//!
//! A `&[&str]` table costs a pointer and a length per word in the compiled module; the crate's
//! ~90 lists of ~4,000 words made ~50 KB of such pairs in the wasm data (~13 KB gzipped, as the
//! pairs do not compress). A `Words` list is the words joined by `'\n'`, split when iterated.
//! The lists are read when tables are built (once) or scanned linearly, as the slices were.

/// A list of words (or phrases) in one static string, each followed by `'\n'`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words(&'static str);

/// Builds a [`Words`] list from string literals: `words!["a", "b c"]`. A literal must not
/// contain a newline (checked when the list is built, at compile time for statics).
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        $crate::words::Words::new(concat!($($w, "\n"),*))
    };
}
pub(crate) use words;

impl Words {
    /// The list in `joined` (each word followed by `'\n'`; use `words!`). Panics, at compile
    /// time when used in a static, if `joined` is not empty and does not end with a newline.
    pub const fn new(joined: &'static str) -> Words {
        let b = joined.as_bytes();
        assert!(
            b.is_empty() || b[b.len() - 1] == b'\n',
            "each word is followed by a newline"
        );
        Words(joined)
    }

    /// The words in order.
    pub fn iter(self) -> std::str::SplitTerminator<'static, char> {
        self.0.split_terminator('\n')
    }

    /// Whether `word` is one of the words (exactly).
    pub fn contains(self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }

    /// The number of words.
    pub fn len(self) -> usize {
        self.0.bytes().filter(|&b| b == b'\n').count()
    }

    /// Whether the list has no words.
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = std::str::SplitTerminator<'static, char>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_iterates_its_words_in_order() {
        const W: Words = words!["a", "b c", "", "d"];
        assert_eq!(W.iter().collect::<Vec<_>>(), ["a", "b c", "", "d"]);
        assert_eq!(W.len(), 4);
        assert!(W.contains("b c") && W.contains("") && !W.contains("b"));
        const E: Words = words![];
        assert!(E.is_empty() && E.iter().next().is_none());
        assert_eq!(E.len(), 0);
        assert_eq!(W.into_iter().collect::<Vec<_>>().len(), 4);
    }
}
