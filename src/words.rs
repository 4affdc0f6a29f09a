//! Word lists stored as one string each ([`Words`], built with the crate-private `words!` macro;
//! [`Pairs`] with `pairs!` for key-value tables; [`WordList`], a `Words` read as a slice).
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

/// A [`Words`] list that reads as a `[&str]` slice: the slice is built on first use, so the
/// module carries the words as one string (no pointer and length per word in its data) and
/// lookups cost what they cost on a slice. For lists read in hot loops (`contains`, `iter`).
#[derive(Debug)]
pub struct WordList {
    words: Words,
    slice: std::sync::OnceLock<Vec<&'static str>>,
}

impl WordList {
    /// The list of `words` (use `words!`).
    pub const fn new(words: Words) -> WordList {
        WordList {
            words,
            slice: std::sync::OnceLock::new(),
        }
    }
}

impl std::ops::Deref for WordList {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.slice.get_or_init(|| self.words.iter().collect())
    }
}

/// A table of `(key, value)` string pairs in one static string: each pair is the key, a tab,
/// the value and a newline (use `pairs!`), for the same reason as [`Words`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pairs(Words);

/// Builds a [`Pairs`] table from pairs of string literals: `pairs![("a", "A"), ("b", "B")]`.
/// A literal must not contain a tab or a newline.
macro_rules! pairs {
    ($(($k:literal, $v:literal)),* $(,)?) => {
        $crate::words::Pairs::new(concat!($($k, "\t", $v, "\n"),*))
    };
}
pub(crate) use pairs;

impl Pairs {
    /// The table in `joined` (`key\tvalue\n` per pair; use `pairs!`). Panics, at compile time
    /// when used in a static, if a line has no tab.
    pub const fn new(joined: &'static str) -> Pairs {
        let b = joined.as_bytes();
        let mut i = 0;
        let mut tab = false;
        while i < b.len() {
            if b[i] == b'\t' {
                tab = true;
            } else if b[i] == b'\n' {
                assert!(tab, "each pair has a tab between key and value");
                tab = false;
            }
            i += 1;
        }
        Pairs(Words::new(joined))
    }

    /// The pairs in order.
    pub fn iter(self) -> impl Iterator<Item = (&'static str, &'static str)> + Clone {
        self.0
            .iter()
            .map(|line| line.split_once('\t').unwrap_or((line, "")))
    }

    /// The value of the first pair whose key is `key`.
    pub fn get(self, key: &str) -> Option<&'static str> {
        self.iter().find_map(|(k, v)| (k == key).then_some(v))
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

    #[test]
    fn a_word_list_reads_as_its_slice() {
        static L: WordList = WordList::new(words!["kim", "lee", ""]);
        assert_eq!(&*L, &["kim", "lee", ""]);
        assert!(L.contains(&"lee") && !L.contains(&"park"));
        assert_eq!(L.iter().count(), 3);
    }

    #[test]
    fn a_table_iterates_its_pairs_in_order() {
        const P: Pairs = pairs![("a", "A"), ("b c", ""), ("a", "second")];
        assert_eq!(
            P.iter().collect::<Vec<_>>(),
            [("a", "A"), ("b c", ""), ("a", "second")]
        );
        assert_eq!(P.get("a"), Some("A"));
        assert_eq!(P.get("b c"), Some(""));
        assert_eq!(P.get("B c"), None);
        const E: Pairs = pairs![];
        assert!(E.iter().next().is_none());
    }
}
