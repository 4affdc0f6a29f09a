//! Word lists stored as one string each ([`Words`], built with the crate-private `words!` macro;
//! [`Pairs`] with `pairs!` for key-value tables; [`WordList`] and [`PairList`], the two read
//! as slices).
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

/// A set of words for membership tests, stored as one [`Words`] string: what a
/// `matches!(w, "a" | "b" | ...)` over string literals does, without its code. Such a match
/// compiles to one call of `str::eq` per literal (~15 bytes of wasm each; the crate had
/// ~1,900 of them); a set is its words' bytes, and one lookup: an open-addressing hash table
/// of the words, built on first use, so a test costs a hash and about one comparison.
#[derive(Debug)]
pub struct WordSet {
    words: Words,
    table: std::sync::OnceLock<SetTable>,
}

/// The slots of a [`WordSet`]: word index + 1 (0 = empty), at a hash of the word.
#[derive(Debug)]
struct SetTable {
    words: Vec<&'static str>,
    slots: Vec<u16>,
}

/// The hash of a set's word: FNV-1a over its bytes.
fn word_hash(w: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in w {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

impl SetTable {
    fn new(words: Words) -> SetTable {
        let list: Vec<&'static str> = words.iter().collect();
        // A load of at most a half keeps probe runs short.
        let size = (list.len() * 2).next_power_of_two().max(4);
        let mut slots = vec![0u16; size];
        for (k, w) in list.iter().enumerate() {
            let mut i = word_hash(w.as_bytes()) as usize & (size - 1);
            loop {
                match slots.get(i).copied() {
                    Some(0) => {
                        // The index fits: a set has fewer than 65,535 words (built from literals).
                        slots[i] = u16::try_from(k + 1).unwrap_or(u16::MAX);
                        break;
                    }
                    // Already in the set (a word listed twice): the first index stays.
                    Some(j) if list.get(usize::from(j) - 1) == Some(w) => break,
                    _ => i = (i + 1) & (size - 1),
                }
            }
        }
        SetTable { words: list, slots }
    }

    /// The index of `w` in the list, if it is one of the words.
    fn find(&self, w: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = word_hash(w.as_bytes()) as usize & mask;
        loop {
            let k = usize::from(*self.slots.get(i)?);
            let found = *self.words.get(k.checked_sub(1)?)?;
            if found == w {
                return Some(k - 1);
            }
            i = (i + 1) & mask;
        }
    }
}

impl WordSet {
    /// The set of `words` (use `words!`).
    pub const fn new(words: Words) -> WordSet {
        WordSet {
            words,
            table: std::sync::OnceLock::new(),
        }
    }

    fn table(&self) -> &SetTable {
        self.table.get_or_init(|| SetTable::new(self.words))
    }

    /// Whether `word` is one of the words (exactly, case and all).
    pub fn contains(&self, word: &str) -> bool {
        self.table().find(word).is_some()
    }

    /// The position of `word` in the list as written (its first place, if listed twice).
    pub fn index_of(&self, word: &str) -> Option<usize> {
        self.table().find(word)
    }

    /// The words in the order they are listed.
    pub fn words(&self) -> Words {
        self.words
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

/// A [`Pairs`] table that reads as a `[(&str, &str)]` slice, built on first use: what
/// [`WordList`] is to [`Words`], for tables read in loops (`iter().find`, a slice search).
#[derive(Debug)]
pub struct PairList {
    pairs: Pairs,
    slice: std::sync::OnceLock<Vec<(&'static str, &'static str)>>,
}

impl PairList {
    /// The table of `pairs` (use `pairs!`).
    pub const fn new(pairs: Pairs) -> PairList {
        PairList {
            pairs,
            slice: std::sync::OnceLock::new(),
        }
    }
}

impl std::ops::Deref for PairList {
    type Target = [(&'static str, &'static str)];
    fn deref(&self) -> &[(&'static str, &'static str)] {
        self.slice.get_or_init(|| self.pairs.iter().collect())
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
    fn a_word_set_holds_exactly_its_words() {
        static S: WordSet = WordSet::new(words!["the", "a", "of", "", "the", "\u{e9}t\u{e9}"]);
        for w in ["the", "a", "of", "", "\u{e9}t\u{e9}"] {
            assert!(S.contains(w), "{w}");
        }
        for w in ["The", "th", "thee", "an", " a", "of ", "\u{e9}t"] {
            assert!(!S.contains(w), "{w}");
        }
        assert_eq!(S.index_of("the"), Some(0));
        assert_eq!(S.index_of("of"), Some(2));
        assert_eq!(S.index_of("x"), None);
        static E: WordSet = WordSet::new(words![]);
        assert!(!E.contains("") && !E.contains("a"));
    }

    #[test]
    fn a_word_set_agrees_with_a_linear_search() {
        // Every word of a large list is found at its index; near misses are not.
        let mut words = String::new();
        for i in 0..3000u32 {
            words.push_str(&format!("w{}\n", i * 7));
        }
        let list: &'static str = Box::leak(words.into_boxed_str());
        let set = WordSet::new(Words::new(list));
        for (k, w) in list.split_terminator('\n').enumerate() {
            assert_eq!(set.index_of(w), Some(k), "{w}");
            assert!(!set.contains(&format!("{w}x")));
        }
        for i in 0..3000u32 {
            assert_eq!(set.contains(&format!("w{i}")), i % 7 == 0, "{i}");
        }
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

    #[test]
    fn a_pair_list_reads_as_its_slice() {
        static L: PairList = PairList::new(pairs![("usd", "USD"), ("", "X"), ("usd", "2")]);
        assert_eq!(&*L, &[("usd", "USD"), ("", "X"), ("usd", "2")]);
        assert_eq!(L.iter().find(|p| p.0 == "usd"), Some(&("usd", "USD")));
        static E: PairList = PairList::new(pairs![]);
        assert!(E.is_empty());
    }
}
