//! Word tables of the numeric extractor: number words, ordinal words, scales,
//! currencies, hedges, stop words, and a simple singularizer for counted nouns.

use crate::words::{pairs, words, PairList, Pairs, WordSet};

/// The value of `w` in a word table (first match).
fn look<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    // Length and first byte first: most entries differ there, and the full comparison
    // is a call.
    let first = w.as_bytes().first();
    table
        .iter()
        .find(|e| e.0.len() == w.len() && e.0.as_bytes().first() == first && e.0 == w)
        .map(|e| e.1)
}

/// The value of a cardinal unit or teen word ("seven" -> 7, "nineteen" -> 19).
pub fn unit(w: &str) -> Option<f64> {
    look(UNITS, w)
}

/// The table behind [`unit`].
pub const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

/// The value of a tens word ("forty" -> 40).
pub fn tens(w: &str) -> Option<f64> {
    look(TENS, w)
}

/// The table behind [`tens`].
pub const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fourty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// The multiplier of a scale word ("million" -> 1e6). `hundred` is 100.
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// The multiplier of an abbreviated scale written after digits ("bn", "m", "k").
/// `attached` is true when no space separates it from the digits ("1.2m").
pub fn scale_abbrev(w: &str, attached: bool) -> Option<f64> {
    Some(match w {
        "k" if attached => 1e3,
        "m" | "mm" if attached => 1e6,
        "b" if attached => 1e9,
        "mn" | "mln" | "mil" => 1e6,
        "bn" | "bln" => 1e9,
        "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

/// The value of an ordinal word ("third" -> 3, "twentieth" -> 20, "hundredth" -> 100).
/// Scale ordinals ("hundredth", "thousandth") are marked by `true`.
pub fn ordinal(w: &str) -> Option<(f64, bool)> {
    look(ORDINALS, w)
}

/// The table behind [`ordinal`].
pub const ORDINALS: &[(&str, (f64, bool))] = &[
    ("first", (1.0, false)),
    ("second", (2.0, false)),
    ("third", (3.0, false)),
    ("fourth", (4.0, false)),
    ("fifth", (5.0, false)),
    ("sixth", (6.0, false)),
    ("seventh", (7.0, false)),
    ("eighth", (8.0, false)),
    ("ninth", (9.0, false)),
    ("nineth", (9.0, false)),
    ("tenth", (10.0, false)),
    ("eleventh", (11.0, false)),
    ("twelfth", (12.0, false)),
    ("thirteenth", (13.0, false)),
    ("fourteenth", (14.0, false)),
    ("fifteenth", (15.0, false)),
    ("sixteenth", (16.0, false)),
    ("seventeenth", (17.0, false)),
    ("eighteenth", (18.0, false)),
    ("nineteenth", (19.0, false)),
    ("twentieth", (20.0, false)),
    ("thirtieth", (30.0, false)),
    ("fortieth", (40.0, false)),
    ("fiftieth", (50.0, false)),
    ("sixtieth", (60.0, false)),
    ("seventieth", (70.0, false)),
    ("eightieth", (80.0, false)),
    ("ninetieth", (90.0, false)),
    ("hundredth", (1e2, true)),
    ("thousandth", (1e3, true)),
    ("millionth", (1e6, true)),
    ("billionth", (1e9, true)),
    ("trillionth", (1e12, true)),
];

/// The denominator of a fraction word, singular or plural ("third", "quarters" -> 3, 4).
pub fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// The denominator of a fraction word and whether it is plural: "half" (2), "thirds" (3,
/// plural), "quarter" (4), any ordinal from "third" up ("fifths", "twentieth",
/// "hundredths", "trillionth"). "first" and "second" never name a share.
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        _ => {}
    }
    let (stem, plural) = match w.strip_suffix('s') {
        Some(st) if ordinal(st).is_some() => (st, true),
        _ => (w, false),
    };
    let (d, _) = ordinal(stem)?;
    (d >= 3.0).then_some((d, plural))
}

/// The value of a Unicode vulgar fraction character ("½" -> 0.5) with its denominator.
pub fn vulgar(c: &str) -> Option<(f64, f64)> {
    Some(match c {
        "½" => (1.0, 2.0),
        "⅓" => (1.0, 3.0),
        "⅔" => (2.0, 3.0),
        "¼" => (1.0, 4.0),
        "¾" => (3.0, 4.0),
        "⅕" => (1.0, 5.0),
        "⅖" => (2.0, 5.0),
        "⅗" => (3.0, 5.0),
        "⅘" => (4.0, 5.0),
        "⅙" => (1.0, 6.0),
        "⅚" => (5.0, 6.0),
        "⅛" => (1.0, 8.0),
        "⅜" => (3.0, 8.0),
        "⅝" => (5.0, 8.0),
        "⅞" => (7.0, 8.0),
        _ => return None,
    })
}

/// Vague plural amounts: "dozens" -> [24, 99], "scores" -> [40, 99], "hundreds" ->
/// [200, 999], ...
/// Returns `(low, high, precision)`.
pub fn vague(w: &str) -> Option<(f64, f64, f64)> {
    look(VAGUE, w)
}

/// The table behind [`vague`].
pub const VAGUE: &[(&str, (f64, f64, f64))] = &[
    ("dozens", (24.0, 99.0, 12.0)),
    ("scores", (40.0, 99.0, 20.0)),
    ("hundreds", (200.0, 999.0, 100.0)),
    ("thousands", (2e3, 9999.0, 1e3)),
    ("millions", (2e6, 9.999e6, 1e6)),
    ("billions", (2e9, 9.999e9, 1e9)),
];

/// A currency written before the figure: symbol or code, with the letters that may be
/// glued to a `$` ("US$", "HK$", "C$"). Returns the ISO 4217 code.
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    look(&DOLLAR_PREFIXES, w)
}

/// The table behind [`dollar_prefix`].
pub static DOLLAR_PREFIXES: PairList = PairList::new(pairs![
    ("", "USD"),
    ("us", "USD"),
    ("u.s.", "USD"),
    ("u.s", "USD"),
    ("usd", "USD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("can", "CAD"),
    ("cad", "CAD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("aud", "AUD"),
    ("nz", "NZD"),
    ("nzd", "NZD"),
    ("hk", "HKD"),
    ("hkd", "HKD"),
    ("s", "SGD"),
    ("sg", "SGD"),
    ("sgd", "SGD"),
    ("nt", "TWD"),
    ("twd", "TWD"),
    ("r", "BRL"),
    ("brl", "BRL"),
    ("mex", "MXN"),
    ("mx", "MXN"),
    ("mxn", "MXN"),
]);

/// A currency symbol (one character) -> ISO code.
pub fn symbol(c: &str) -> Option<&'static str> {
    Some(match c {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₩" => "KRW",
        "₹" => "INR",
        "₽" => "RUB",
        "₺" => "TRY",
        "₫" => "VND",
        "₱" => "PHP",
        "₪" => "ILS",
        "₦" => "NGN",
        "₴" => "UAH",
        "₿" => "XBT",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "元" => "CNY",
        "ரூ" => "LKR",
        _ => return None,
    })
}

/// An ISO currency code word (lower case) -> the code. Also `rmb` and `musd`-style
/// million-codes are handled by the caller.
pub fn code(w: &str) -> Option<&'static str> {
    look(&CODES, w)
}

/// The table behind [`code`].
pub static CODES: PairList = PairList::new(pairs![
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("krw", "KRW"),
    ("inr", "INR"),
    ("chf", "CHF"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("nzd", "NZD"),
    ("hkd", "HKD"),
    ("sgd", "SGD"),
    ("twd", "TWD"),
    ("rub", "RUB"),
    ("try", "TRY"),
    ("brl", "BRL"),
    ("mxn", "MXN"),
    ("zar", "ZAR"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("pln", "PLN"),
    ("idr", "IDR"),
    ("thb", "THB"),
    ("vnd", "VND"),
    ("php", "PHP"),
    ("myr", "MYR"),
    ("aed", "AED"),
    ("sar", "SAR"),
    ("ils", "ILS"),
    ("ngn", "NGN"),
    ("egp", "EGP"),
    ("pkr", "PKR"),
    ("btc", "XBT"),
    ("xbt", "XBT"),
]);

/// Currency names that an adjective before them makes another currency ("Australian
/// dollars"): the names, a tab, then the ISO code and the adjectives (lower case).
const CURRENCY_WITH_ADJECTIVE: Pairs = pairs![
    ("dollar dollars", "USD us u.s american"),
    ("dollar dollars", "AUD australian"),
    ("dollar dollars", "CAD canadian"),
    ("dollar dollars", "SGD singapore"),
    ("dollar dollars", "TWD taiwan taiwanese"),
    ("dollar dollars", "NZD zealand"),
    ("dollar dollars", "HKD kong"),
    ("franc francs", "CHF swiss"),
    ("yuan", "CNY chinese"),
    ("yen", "JPY japanese"),
    ("won", "KRW korean"),
    ("rupee rupees", "INR indian"),
    ("rupee rupees", "PKR pakistani"),
    ("rupee rupees", "LKR lankan"),
    ("lira liras lire", "TRY turkish"),
    ("peso pesos", "MXN mexican"),
    ("peso pesos", "PHP philippine"),
    ("guilder guilders", "NLG dutch"),
    ("markka markkas", "FIM finnish"),
];

/// Currency names on their own: the names, a tab, the ISO code and, for a fraction of the
/// main unit, its factor (`cent`: 0.01, `satoshi`: 1e-8).
const CURRENCY_NAMES: Pairs = pairs![
    ("dollar dollars", "USD"),
    ("cent cents", "USD cent"),
    ("yuan renminbi kuai", "CNY"),
    ("won", "KRW"),
    ("yen", "JPY"),
    ("euro euros", "EUR"),
    ("pound pounds sterling", "GBP"),
    ("pence penny pennies", "GBP cent"),
    ("rupee rupees", "INR"),
    ("franc francs", "FRF"),
    ("rouble roubles ruble rubles", "RUB"),
    ("peso pesos", "MXN"),
    ("lira liras lire", "TRY"),
    ("baht", "THB"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("dong", "VND"),
    ("rand", "ZAR"),
    ("reais real", "BRL"),
    ("dirham dirhams", "AED"),
    ("riyal riyals", "SAR"),
    ("shekel shekels", "ILS"),
    ("naira", "NGN"),
    ("hryvnia hryvnias", "UAH"),
    ("zloty zlotys", "PLN"),
    ("krona kronor", "SEK"),
    ("krone kroner", "NOK"),
    ("peseta pesetas", "ESP"),
    ("bitcoin bitcoins", "XBT"),
    ("satoshi satoshis", "XBT satoshi"),
];

/// Every name of [`CURRENCY_WITH_ADJECTIVE`] and [`CURRENCY_NAMES`], for a test by hash
/// before the tables are read (most words a figure is followed by are no currency; a test
/// keeps the set equal to the tables' names).
static CURRENCY_NAME_SET: WordSet = WordSet::new(words![
    "dollar", "dollars", "franc", "francs", "yuan", "yen", "won", "rupee", "rupees", "lira",
    "liras", "lire", "peso", "pesos", "guilder", "guilders", "markka", "markkas", "cent", "cents",
    "renminbi", "kuai", "euro", "euros", "pound", "pounds", "sterling", "pence", "penny",
    "pennies", "rouble", "roubles", "ruble", "rubles", "baht", "ringgit", "rupiah", "dong", "rand",
    "reais", "real", "dirham", "dirhams", "riyal", "riyals", "shekel", "shekels", "naira",
    "hryvnia", "hryvnias", "zloty", "zlotys", "krona", "kronor", "krone", "kroner", "peseta",
    "pesetas", "bitcoin", "bitcoins", "satoshi", "satoshis",
]);

/// A currency name written after the figure (lower case, singular or plural) -> ISO code
/// and the factor to the main unit ("cents" -> USD 0.01). `prev` is the word before it,
/// lower case ("australian" for "Australian dollars"), and is consumed when the second
/// element is `true`. The names are in [`CURRENCY_WITH_ADJECTIVE`] and [`CURRENCY_NAMES`].
pub fn currency_word(w: &str, prev: Option<&str>) -> Option<(&'static str, f64, bool)> {
    if !CURRENCY_NAME_SET.contains(w) {
        return None;
    }
    let names = |names: &str| names.split(' ').any(|n| n == w);
    if let Some(prev) = prev {
        for (n, v) in CURRENCY_WITH_ADJECTIVE.iter() {
            let mut v = v.split(' ');
            if let Some(code) = v.next().filter(|_| names(n)) {
                if v.any(|adj| adj == prev) {
                    return Some((code, 1.0, true));
                }
            }
        }
    }
    let (_, v) = CURRENCY_NAMES.iter().find(|(n, _)| names(n))?;
    let (code, fraction) = v.split_once(' ').unwrap_or((v, ""));
    let f = match fraction {
        "cent" => 0.01,
        "satoshi" => 1e-8,
        _ => 1.0,
    };
    Some((code, f, false))
}

/// A hedge written right before a figure, as a sequence of lower-case words, with its
/// qualifier. Longest phrases first.
pub const HEDGES_BEFORE: &[(&[&str], Hedge)] = &[
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["an", "estimated"], Hedge::About),
    (&["close", "to"], Hedge::Nearly),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["at", "least"], Hedge::AtLeast),
    (&["at", "most"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["more", "than"], Hedge::MoreThan),
    (&["greater", "than"], Hedge::MoreThan),
    (&["larger", "than"], Hedge::MoreThan),
    (&["higher", "than"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["upward", "of"], Hedge::MoreThan),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["well", "above"], Hedge::MoreThan),
    (&["well", "below"], Hedge::LessThan),
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["just", "over"], Hedge::MoreThan),
    (&["well", "over"], Hedge::MoreThan),
    (&["less", "than"], Hedge::LessThan),
    (&["fewer", "than"], Hedge::LessThan),
    (&["lower", "than"], Hedge::LessThan),
    (&["smaller", "than"], Hedge::LessThan),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["some"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["exceeding"], Hedge::MoreThan),
    (&["under"], Hedge::LessThan),
    (&["below"], Hedge::LessThan),
];

/// A hedge as written; mapped to a qualifier and an interval by the extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// about, around, some, roughly, approximately, an estimated: ±10%.
    About,
    /// nearly, almost, close to: [0.9v, v].
    Nearly,
    /// at least, no fewer than: [v, 1.5v].
    AtLeast,
    /// more than, over, upwards of, -plus: (v, 1.5v].
    MoreThan,
    /// at most, up to, no more than: [0, v].
    AtMost,
    /// less than, fewer than, under: [0.5v, v).
    LessThan,
}

/// Words that end a counted noun phrase (articles, prepositions, conjunctions, pronouns,
/// auxiliaries, and adverbs that follow figures).
pub fn is_stop(w: &str) -> bool {
    STOP.contains(w)
}

static STOP: WordSet = WordSet::new(words![
    "the",
    "a",
    "an",
    "of",
    "from",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "said",
    "says",
    "say",
    "per",
    "each",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "since",
    "after",
    "before",
    "during",
    "while",
    "when",
    "where",
    "over",
    "under",
    "into",
    "about",
    "more",
    "less",
    "fewer",
    "ago",
    "earlier",
    "later",
    "including",
    "according",
    "struck",
    "hit",
    "hits",
    "shook",
    "left",
    "took",
    "made",
    "won",
    "lost",
    "beat",
    "fled",
    "fell",
    "rose",
    "grew",
    "came",
    "went",
    "met",
    "held",
    "led",
    "saw",
    "became",
    "began",
    "ran",
    "brought",
    "sent",
    "spent",
    "told",
    "gave",
    "got",
    "kept",
    "found",
    "paid",
    "sold",
    "built",
    "stood",
    "drew",
    "broke",
    "spoke",
    "wrote",
    "chose",
    "flew",
    "sank",
    "remain",
    "remains",
    "died",
    "die",
    "dies",
    "excluding",
    "compared",
    "following",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "them",
    "him",
    "us",
    "me",
    "there",
    "here",
    "not",
    "no",
    "so",
    "if",
    "because",
    "than,",
    "also",
    "already",
    "still",
    "only",
    "just",
    "again",
    "then",
    "now",
    "all",
    "both",
    "up",
    "down",
    "out",
    "off",
    "away",
    "back",
    "ahead",
    "apiece",
    "each,",
    "via",
    "against",
    "between",
    "among",
    "amid",
    "across",
    "through",
    "toward",
    "towards",
    "until",
    "till",
    "within",
    "without",
    "versus",
    "vs",
    "percent",
    "cent",
    "times",
    "others",
    "other",
    "another",
    "once",
    "twice",
    "or,",
    "what",
    "how",
    "why",
    "whether",
    "yet",
    "even",
    "too",
    "very",
    "last",
    "next",
]);

/// Calendar units: a figure counting them is a duration, left to the dates extractor
/// when hyphenated ("four-day").
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "night"
            | "nights"
            | "weekend"
            | "weekends"
            | "quarter"
            | "quarters"
            | "term"
            | "terms"
            | "season"
            | "seasons"
            | "old"
            | "long"
            | "time"
    )
}

/// Weekday names and their abbreviations (lower case, without a period).
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// Words that precede an ordinal used attributively ("the second summit", "his first visit").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "whose"
            | "every"
            | "s"
            | "each"
            | "another"
    )
}

/// Plural nouns that do not end in "s" (and are kept as written).
pub fn is_irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "police"
            | "staff"
            | "personnel"
            | "cattle"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "data"
            | "media"
            | "crew"
            | "troops"
            | "sheep"
            | "fish"
            | "livestock"
            | "aircraft"
            | "faculty"
            | "youth"
            | "clergy"
            | "offspring"
            | "deer"
            | "swine"
            | "poultry"
            | "militia"
    )
}

/// True when `w` (lower case) looks like a plural noun.
pub fn is_plural(w: &str) -> bool {
    if is_irregular_plural(w) {
        return true;
    }
    let last = crate::text::after_last(w, b'-');
    last.len() > 2
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && !last.ends_with("ous")
}

/// Singular form of a plural noun, simply: "companies" -> "company", "buses" -> "bus",
/// "countries" -> "country", "women" -> "woman"; "people" stays "people".
pub fn singular(w: &str) -> String {
    match w {
        "children" => return "child".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "feet" => return "foot".into(),
        "teeth" => return "tooth".into(),
        "mice" => return "mouse".into(),
        "geese" => return "goose".into(),
        "troops" => return "troop".into(),
        "halves" => return "half".into(),
        "wives" => return "wife".into(),
        "lives" => return "life".into(),
        "knives" => return "knife".into(),
        "leaves" => return "leaf".into(),
        "thieves" => return "thief".into(),
        "wolves" => return "wolf".into(),
        "shelves" => return "shelf".into(),
        _ => {}
    }
    if is_irregular_plural(w) || !is_plural(w) {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    for suf in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    w[..w.len() - 1].to_string()
}

/// True for a month name or abbreviation (lower case, without a period).
pub fn is_month(w: &str) -> bool {
    crate::extract::dates::month_number(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singularizes_simply() {
        for (p, s) in [
            ("companies", "company"),
            ("people", "people"),
            ("officials", "official"),
            ("countries", "country"),
            ("churches", "church"),
            ("women", "woman"),
            ("state-owned enterprises", "state-owned enterprise"),
            ("bus", "bus"),
            ("analysis", "analysis"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
    }

    #[test]
    fn currency_names_read_their_adjective_and_their_fraction() {
        for (w, prev, want) in [
            ("dollars", Some("australian"), Some(("AUD", 1.0, true))),
            ("dollar", Some("u.s"), Some(("USD", 1.0, true))),
            ("dollars", Some("swiss"), Some(("USD", 1.0, false))),
            ("francs", Some("swiss"), Some(("CHF", 1.0, true))),
            ("lire", Some("turkish"), Some(("TRY", 1.0, true))),
            ("yuan", None, Some(("CNY", 1.0, false))),
            ("cents", None, Some(("USD", 0.01, false))),
            ("pennies", Some("british"), Some(("GBP", 0.01, false))),
            ("satoshis", None, Some(("XBT", 1e-8, false))),
            ("real", None, Some(("BRL", 1.0, false))),
            ("dollarsx", None, None),
            ("", Some("australian"), None),
            ("australian", Some("dollars"), None),
        ] {
            assert_eq!(currency_word(w, prev), want, "{w} after {prev:?}");
        }
        // Every name is found: with each of its adjectives, and on its own.
        for (names, v) in CURRENCY_WITH_ADJECTIVE.iter() {
            let mut v = v.split(' ');
            let code = v.next().unwrap_or("");
            for adj in v {
                for n in names.split(' ') {
                    assert_eq!(
                        currency_word(n, Some(adj)),
                        Some((code, 1.0, true)),
                        "{adj} {n}"
                    );
                }
            }
        }
        let mut all: Vec<&str> = CURRENCY_WITH_ADJECTIVE
            .iter()
            .chain(CURRENCY_NAMES.iter())
            .flat_map(|(names, _)| names.split(' '))
            .collect();
        all.sort_unstable();
        all.dedup();
        let mut set: Vec<&str> = CURRENCY_NAME_SET.words().iter().collect();
        set.sort_unstable();
        assert_eq!(set, all, "CURRENCY_NAME_SET lists the tables' names");
        for (names, v) in CURRENCY_NAMES.iter() {
            let code = v.split(' ').next().unwrap_or("");
            for n in names.split(' ') {
                assert_eq!(currency_word(n, None).map(|c| c.0), Some(code), "{n}");
            }
        }
    }
}
