//! Numeric mentions: counts (digits, number words, scales), money, percentages,
//! percentage points, ordinals and ranks, with their qualifiers and counted nouns.
//!
//! The extractor tokenizes the normalized text once (module `lex`) and reads figures off the
//! token stream: an optional currency before the number, the number itself (digits or
//! words, with scale), a unit after it (currency, `%`, "percent", "percentage points"),
//! an optional range ("20 to 30", "between 20 and 30"), the hedge before or after it,
//! and the noun it counts. Spans cover the figure and its unit, not the hedge (the hedge
//! is the [`Qualifier`]); ranges cover both ends.
//!
//! Hedges become intervals (documented choice):
//! exact `[v, v]`; about/around/some/roughly/approximately/an estimated `[0.9v, 1.1v]`;
//! nearly/almost/close to `[0.9v, v]`; at least/no fewer than `[v, 1.5v]`;
//! more than/over/upwards of/-plus `[v, 1.5v]` (low is exclusive in meaning);
//! at most/up to/no more than `[0, v]`; less than/fewer than/under `[0.5v, v]`;
//! "hundreds" `[200, 999]`, "thousands" `[2000, 9999]`, "dozens" `[24, 99]` (value = low).
//!
//! Two figures joined by "to" after "from" or a verb of change ("rose 2% to 5%") are a
//! change, reported as two figures; descending hyphen pairs ("52-48", "3-2") are scores
//! or tallies and are not reported.
//!
//! Shares ("two thirds of the seats", "half of lawmakers", "a quarter", "3/4", "½",
//! "one in five adults", "two out of three") are counts with unit `"fraction"` and the
//! decimal value (2/3 is 0.666666666667, 12 significant digits), precision 0.0001, and
//! the whole as the noun ("seat", "lawmaker", "adult"); rules `count.fraction` and
//! `count.ratio`. Not shares: ordinals ("a third term", "the third"), periods ("the first
//! quarter", "the past two quarters", "the second half"), durations ("half-day", "half
//! an hour", "a year and a half"), dates ("3/4/2026"). Mixed numbers ("2 1/4", "2½",
//! "one and a half") are plain counts.
//!
//! Not numbers here: digits inside words, lone "l"/"k", phone numbers, version strings,
//! IP addresses, URLs and e-mail addresses, clock times, dates and bare years (the dates
//! extractor owns them), "No." meaning "no", "N-day"-style duration adjectives, labels
//! ("Boeing 737", "COVID-19", "iPhone 16") and addresses ("10 Downing Street").

mod lex;
mod words;

use super::rules::{Example, Rule};
use super::{Candidate, CandidateValue, Context};
use crate::model::{Kind, Qualifier, Quantity};
use crate::text::Join;
use crate::words::{words, WordList};
use lex::{lex_into, Tk, Tok};
use std::sync::LazyLock;
use words::Hedge;

/// The rules of this extractor.
pub static RULES: &[Rule] = &[
    Rule {
        name: "count.digits",
        kind: Kind::Count,
        pattern: "",
        description: "A figure in digits, with separators, decimals and scale, and the noun it counts.",
        examples: &[
            Example { input: "A delegation of around 400 people from 161 Korean companies came.", text: "400", value: "~400 people" },
            Example { input: "A delegation of around 400 people from 161 Korean companies came.", text: "161", value: "161 company" },
            Example { input: "The fund holds 1,234 paintings.", text: "1,234", value: "1234 painting" },
            Example { input: "The city has 2.5 million residents.", text: "2.5 million", value: "2500000 resident" },
            Example { input: "Some 30-plus companies joined.", text: "30-plus", value: ">30 company" },
        ],
        negatives: &[
            "He attended the often-cited talk with someone on the phone.",
            "The leaders met; l and k are letters.",
            "Call +82 2-123-4567 or (555) 123-4567 today.",
            "Install v1.2.3 or version 2.0.1 from 192.168.1.2 now.",
            "See https://example.com/page/2024/05 or mail info42@example.com.",
            "No. I will not.",
            "No, he said.",
            "Trade has grown since 2017 and in 2024.",
            "The meeting began at 4:30 p.m. on Jan. 6.",
            "It was a four-day state visit.",
            "COVID-19 hit the G20 economies.",
            "The one you mentioned is better.",
        ],
    },
    Rule {
        name: "count.words",
        kind: Kind::Count,
        pattern: "",
        description: "A figure in words (\"four\", \"thirty-two\", \"one hundred and twenty\", \"a dozen\", \"a pair of\").",
        examples: &[
            Example { input: "Heads of Korea's four top conglomerates attended.", text: "four", value: "4 conglomerate" },
            Example { input: "Some thirty-two ships docked.", text: "thirty-two", value: "~32 ship" },
            Example { input: "They hired one hundred and twenty nurses.", text: "one hundred and twenty", value: "120 nurse" },
            Example { input: "A dozen eggs were broken.", text: "A dozen", value: "12 egg" },
            Example { input: "She bought a pair of shoes.", text: "a pair of", value: "2 shoe" },
            Example { input: "The company cut two million jobs.", text: "two million", value: "2000000 job" },
            Example { input: "The two-city trip ended.", text: "two", value: "2 city" },
        ],
        negatives: &["Someone often attended; nobody phoned anyone.", "Which one do you prefer?"],
    },
    Rule {
        name: "count.vague",
        kind: Kind::Count,
        pattern: "",
        description: "A vague plural amount: \"hundreds of\", \"thousands of\", \"dozens of\", \"tens of thousands of\".",
        examples: &[
            Example { input: "Hundreds of people gathered.", text: "Hundreds", value: "~200 people" },
            Example { input: "For thousands of years, the nations traded.", text: "thousands", value: "~2000 year" },
            Example { input: "Tens of thousands of fans cheered.", text: "Tens of thousands", value: "~20000 fan" },
        ],
        negatives: &["The thousandth visitor won hundredweight sacks."],
    },
    Rule {
        name: "count.range",
        kind: Kind::Count,
        pattern: "",
        description: "A range of counts: \"between 20 and 30\", \"20-30\", \"20 to 30\".",
        examples: &[
            Example { input: "Between 20 and 30 people were hurt.", text: "Between 20 and 30", value: "20-30 people" },
            Example { input: "Police said 20-30 people were hurt.", text: "20-30", value: "20-30 people" },
            Example { input: "Officials expect 5 to 7 million visitors.", text: "5 to 7 million", value: "5000000-7000000 visitor" },
        ],
        negatives: &["The provisional government sat from 1926 to 1932.", "Japan's 1910-45 colonial rule ended."],
    },
    Rule {
        name: "count.fraction",
        kind: Kind::Count,
        pattern: "",
        description: "A share of a whole: \"two-thirds of lawmakers\", \"half of the seats\", \"a quarter\", \"3/4\", \"½\"; unit \"fraction\", value as a decimal, the whole as the noun.",
        examples: &[
            Example { input: "Two-thirds of lawmakers backed the bill.", text: "Two-thirds", value: "0.666667 fraction lawmaker" },
            Example { input: "Half of the 300 seats went to the ruling party.", text: "Half", value: "0.5 fraction seat" },
            Example { input: "A third of voters agree.", text: "A third", value: "0.333333 fraction voter" },
            Example { input: "More than half of respondents said no.", text: "half", value: ">0.5 fraction respondent" },
            Example { input: "A quarter of the budget was spent.", text: "A quarter", value: "0.25 fraction budget" },
            Example { input: "She ate 3/4 of the pie.", text: "3/4", value: "0.75 fraction pie" },
            Example { input: "The result is ½.", text: "½", value: "0.5 fraction" },
        ],
        negatives: &[
            "It was the third day of talks.",
            "The third was cancelled.",
            "The half-day session ended.",
            "In the first quarter, sales fell.",
            "He won a fifth term.",
            "The meeting is set for 3/4/2026.",
            "The second half of the year was slow.",
            "They met for half an hour.",
            "It lasted a year and a half.",
            "Profits fell over the past two quarters.",
        ],
    },
    Rule {
        name: "count.ratio",
        kind: Kind::Count,
        pattern: "",
        description: "A share written as a ratio: \"one in three adults\", \"1 in 5\", \"two out of three\"; unit \"fraction\", value as a decimal.",
        examples: &[
            Example { input: "About one in three adults is obese.", text: "one in three", value: "~0.333333 fraction adult" },
            Example { input: "1 in 5 children live in poverty.", text: "1 in 5", value: "0.2 fraction child" },
            Example { input: "Two out of three voters agreed.", text: "Two out of three", value: "0.666667 fraction voter" },
        ],
        negatives: &["Police arrested one in 2025.", "The one in charge resigned."],
    },
    Rule {
        name: "money.symbol",
        kind: Kind::Money,
        pattern: "",
        description: "Money with a currency symbol before the figure: $, US$, HK$, £, €, ¥, ₩, with scale.",
        examples: &[
            Example { input: "Trade totaled $306 billion last year.", text: "$306 billion", value: "USD 306000000000" },
            Example { input: "The deal is worth US$1.2m, sources said.", text: "US$1.2m", value: "USD 1200000" },
            Example { input: "He was fined £46.9bn by regulators.", text: "£46.9bn", value: "GBP 46900000000" },
            Example { input: "It cost about €5,000 to repair.", text: "€5,000", value: "EUR ~5000" },
        ],
        negatives: &["Prices are in $ and € today.", "The $ sign is used."],
    },
    Rule {
        name: "money.code",
        kind: Kind::Money,
        pattern: "",
        description: "Money with an ISO currency code before or after the figure: \"USD 200\", \"500 KRW\", \"RMB 3 billion\".",
        examples: &[
            Example { input: "The price starts at USD 22.5 million.", text: "USD 22.5 million", value: "USD 22500000" },
            Example { input: "Each ticket costs 50,000 KRW.", text: "50,000 KRW", value: "KRW 50000" },
        ],
        negatives: &["The USD and the EUR moved.", "Try 3 times."],
    },
    Rule {
        name: "money.word",
        kind: Kind::Money,
        pattern: "",
        description: "Money with a currency name after the figure: yuan, won, dollars, pounds, euros, yen, rupees, cents.",
        examples: &[
            Example { input: "Trade totaled 2.14 trillion yuan last year.", text: "2.14 trillion yuan", value: "CNY 2140000000000" },
            Example { input: "Samsung will invest 3 trillion won in the plant.", text: "3 trillion won", value: "KRW 3000000000000" },
            Example { input: "The bid was 125 million Australian dollars.", text: "125 million Australian dollars", value: "AUD 125000000" },
            Example { input: "Shares fell 34 cents.", text: "34 cents", value: "USD 0.34" },
        ],
        negatives: &["The dollar and the yen rose.", "The team won the cup."],
    },
    Rule {
        name: "money.conversion",
        kind: Kind::Money,
        pattern: "",
        description: "A currency conversion in parentheses after an amount: \"2.14 trillion yuan ($306 billion)\"; both are linked.",
        examples: &[
            Example { input: "Trade totaled 2.14 trillion yuan ($306 billion) in 2025.", text: "$306 billion", value: "USD 306000000000" },
            Example { input: "It raised 1.2 billion euros (about $1.3 billion).", text: "$1.3 billion", value: "USD ~1300000000" },
        ],
        negatives: &["Trade (in yuan) rose."],
    },
    Rule {
        name: "percent.sign",
        kind: Kind::Percent,
        pattern: "",
        description: "A percentage with a % sign: \"12%\", \"19 %\".",
        examples: &[
            Example { input: "Exports rose 12% in May.", text: "12%", value: "12 %" },
            Example { input: "Turnout was nearly 66.2% overall.", text: "66.2%", value: "~66.2 %" },
        ],
        negatives: &["See https://www.test.com/search?q=30%25%2020% for more."],
    },
    Rule {
        name: "percent.word",
        kind: Kind::Percent,
        pattern: "",
        description: "A percentage in words: \"1.6 percent\", \"12 per cent\", \"twenty percent\".",
        examples: &[
            Example { input: "Trade marked a 1.6 percent year-on-year increase.", text: "1.6 percent", value: "1.6 % year-on-year increase" },
            Example { input: "Prices rose 12 per cent.", text: "12 per cent", value: "12 %" },
            Example { input: "Only twenty percent voted.", text: "twenty percent", value: "20 %" },
        ],
        negatives: &["Only a small percent attain the top ranks."],
    },
    Rule {
        name: "pp.word",
        kind: Kind::PercentagePoints,
        pattern: "",
        description: "A change in percentage points: \"2 percentage points\", \"25 basis points\" (0.25 pp).",
        examples: &[
            Example { input: "Support fell 2 percentage points.", text: "2 percentage points", value: "2 pp" },
            Example { input: "The bank cut rates by 25 basis points.", text: "25 basis points", value: "0.25 pp" },
        ],
        negatives: &["He scored 20 points."],
    },
    Rule {
        name: "ordinal.word",
        kind: Kind::Ordinal,
        pattern: "",
        description: "An ordinal word attached to a thing: \"second summit\", \"third meeting\", \"first visit\".",
        examples: &[
            Example { input: "It was Lee's second summit with Xi.", text: "second", value: "#2 summit" },
            Example { input: "This marks the two leaders' third meeting.", text: "third", value: "#3 meeting" },
            Example { input: "It is Lee's first visit to China.", text: "first", value: "#1 visit" },
        ],
        negatives: &["Lee first met Zhao.", "Wait a second.", "At first, it rained."],
    },
    Rule {
        name: "ordinal.digits",
        kind: Kind::Ordinal,
        pattern: "",
        description: "An ordinal in digits: \"42nd\", \"150th anniversary\".",
        examples: &[
            Example { input: "They marked the 150th anniversary of the treaty.", text: "150th", value: "#150 anniversary" },
            Example { input: "He won his 42nd title.", text: "42nd", value: "#42 title" },
        ],
        negatives: &["The summit was on May 4th.", "It ended on the 6th of January."],
    },
    Rule {
        name: "rank.no",
        kind: Kind::Rank,
        pattern: "",
        description: "A rank written \"No. 2\" (or \"the number one\").",
        examples: &[
            Example { input: "Li is the No. 2 official in China.", text: "No. 2", value: "No. 2 official" },
            Example { input: "Zhao is No. 3 in ranking.", text: "No. 3", value: "No. 3" },
            Example { input: "She is the world's number one.", text: "number one", value: "No. 1" },
        ],
        negatives: &["No. I will not.", "No, he said.", "There is no 1 answer, no."],
    },
    Rule {
        name: "rank.ranks",
        kind: Kind::Rank,
        pattern: "",
        description: "A rank stated with a verb: \"ranks third\", \"finished second\".",
        examples: &[
            Example { input: "Zhao ranks third in China's power hierarchy.", text: "third", value: "No. 3 hierarchy" },
            Example { input: "She finished second!", text: "second", value: "No. 2" },
        ],
        negatives: &["He ranks among the best."],
    },
    Rule {
        name: "rank.superlative",
        kind: Kind::Rank,
        pattern: "",
        description: "A rank in a superlative compound: \"second-largest trading partner\", \"second- and third-highest-ranking officials\".",
        examples: &[
            Example { input: "Korea became China's second-largest trading partner.", text: "second-largest", value: "No. 2 largest trading partner" },
            Example { input: "Lee met China's second- and third-highest-ranking officials.", text: "second-", value: "No. 2 highest-ranking official" },
            Example { input: "Lee met China's second- and third-highest-ranking officials.", text: "third-highest-ranking", value: "No. 3 highest-ranking official" },
        ],
        negatives: &["It was the largest ever."],
    },
];

/// Finds the numeric mentions of a document.
pub fn find(ctx: &Context<'_, '_>, out: &mut Vec<Candidate>) {
    let s = Scan::new(ctx);
    let mut i = 0;
    while i < s.toks.len() {
        if s.blocked[i] || !s.may_start(i) {
            i += 1;
            continue;
        }
        let next = s.at(i, out);
        i = next.max(i + 1);
    }
    super::keep_scratch(&TOKENS, s.toks);
}

thread_local! {
    /// The token buffer of [`find`], kept for the next text (see [`super::take_scratch`]).
    static TOKENS: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The unit a figure carries.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    /// A bare count.
    None,
    /// Money in this ISO currency.
    Money(&'static str),
    /// Percent.
    Percent,
    /// Percentage points.
    Points,
}

/// A parsed number (digits or words), before units and hedges.
#[derive(Debug, Clone, Copy)]
struct Num {
    /// First token.
    s: usize,
    /// One past the last token.
    e: usize,
    value: f64,
    precision: f64,
    /// A scale word or abbreviation was applied ("million", "bn").
    scale: f64,
    ordinal: bool,
    /// Written in words.
    words: bool,
    /// A vague amount ("hundreds"): its interval.
    vague: Option<(f64, f64)>,
    /// "a couple of": approximately.
    approx: bool,
    /// A plain integer without separators (candidate for a year).
    plain_int: bool,
    /// A share ("two thirds", "3/4", "½"): reported as a count with unit "fraction".
    fraction: bool,
}

/// A figure with its unit: currency before or after, percent after.
#[derive(Debug, Clone, Copy)]
struct Fig {
    s: usize,
    e: usize,
    num: Num,
    value: f64,
    precision: f64,
    unit: Unit,
    rule: &'static str,
    /// Tokens that are not a reportable figure ("180ml", "1990s"): skip them.
    skipped: bool,
}

/// What a parse at a token produced.
enum Parsed {
    /// A number.
    Num(Num),
    /// Tokens that are not a reportable figure (a unit like "180ml", a decade "1990s").
    Skip(usize),
}

/// The token stream of one document with the lower-cased text and the blocked tokens.
struct Scan<'a> {
    text: &'a str,
    lc: &'a str,
    toks: Vec<Tok>,
    blocked: Vec<bool>,
    /// Start offsets of sentences (sorted).
    sentence_starts: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(ctx: &'a Context<'_, 'a>) -> Scan<'a> {
        let text = ctx.doc.text.as_str();
        let mut toks = super::take_scratch(&TOKENS);
        lex_into(text, &mut toks);
        let mut s = Scan {
            text,
            lc: ctx.doc.lower(),
            blocked: vec![false; toks.len()],
            toks,
            sentence_starts: ctx.doc.sentences.iter().map(|r| r.start).collect(),
        };
        s.block();
        s
    }

    fn n(&self) -> usize {
        self.toks.len()
    }

    /// Lower-case text of token `i`, "" past the end.
    fn w(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| self.lc.get(t.s()..t.e()).unwrap_or(""))
    }

    /// Verbatim (normalized) text of token `i`.
    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| self.text.get(t.s()..t.e()).unwrap_or(""))
    }

    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Num)
    }

    fn is_p(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(Tk::Punct) && self.raw(i) == p
    }

    /// Token `i` follows the previous one without whitespace.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp) && i > 0
    }

    /// The word before token `i` (lower case), or "".
    fn prev_w(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else if self.is_word(i - 1) {
            self.w(i - 1)
        } else {
            ""
        }
    }

    fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `i` starts a sentence (ignoring opening quotes and brackets).
    fn sentence_initial(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let mut j = i;
        while j > 0 && matches!(self.raw(j - 1), "\"" | "'" | "(" | "[") {
            j -= 1;
        }
        let start = self.toks.get(j).map_or(t.s(), |t| t.s());
        self.sentence_starts.binary_search(&start).is_ok()
    }

    /// A cheap test: can a figure start at token `i`? (Most words cannot.)
    fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            Tk::Num => true,
            Tk::Punct => {
                let r = self.raw(i);
                // One ASCII character: of the symbols and vulgar fractions only "$" is.
                if r.len() == 1 {
                    return r == "-" || r == "$";
                }
                words::symbol(r).is_some() || words::vulgar(r).is_some()
            }
            Tk::Word => {
                let w = self.w(i);
                if w.len() > 11 {
                    return false;
                }
                // Most words: no start word shares their first and last letter and length,
                // or their second and second-to-last letter and length.
                let b = w.as_bytes();
                if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                    if f.is_ascii_lowercase()
                        && l.is_ascii_lowercase()
                        && START_SHAPES[shape_key(f, l)] & (1 << w.len()) == 0
                    {
                        return false;
                    }
                }
                if let (Some(&s), Some(&p)) =
                    (b.get(1), b.len().checked_sub(2).and_then(|k| b.get(k)))
                {
                    if s.is_ascii_lowercase()
                        && p.is_ascii_lowercase()
                        && INNER_SHAPES[shape_key(s, p)] & (1 << w.len()) == 0
                    {
                        return false;
                    }
                }
                words::unit(w).is_some()
                    || words::tens(w).is_some()
                    || words::ordinal(w).is_some()
                    || words::vague(w).is_some()
                    || words::dollar_prefix(w).is_some()
                    || words::code(w).is_some()
                    || million_code(w).is_some()
                    || words::symbol(self.raw(i)).is_some()
                    || START_WORDS.contains(&w)
            }
        }
    }

    /// True when the sentence around token `i` is set in title case (a headline such as
    /// "Quake Kills 9, Injures 400"): most of its longer words are capitalized, so
    /// capitals say nothing about names.
    fn title_case(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let k = self.sentence_starts.partition_point(|&st| st <= t.s());
        let start = if k == 0 {
            0
        } else {
            self.sentence_starts[k - 1]
        };
        let end = self
            .sentence_starts
            .get(k)
            .copied()
            .unwrap_or(self.text.len());
        let first = self.toks.partition_point(|x| x.s() < start);
        let (mut words, mut caps) = (0usize, 0usize);
        for j in first..self.n() {
            let tok = self.toks[j];
            if tok.s() >= end {
                break;
            }
            if tok.kind == Tk::Word && tok.e() - tok.s() >= 4 {
                words += 1;
                if self.capitalized(j) {
                    caps += 1;
                }
            }
        }
        words >= 3 && caps * 10 >= words * 7
    }

    /// Byte range of tokens `s..e`.
    fn range(&self, s: usize, e: usize) -> std::ops::Range<usize> {
        let a = self.toks.get(s).map_or(0, |t| t.s());
        let b = self.toks.get(e.saturating_sub(1)).map_or(a, |t| t.e());
        a..b.max(a)
    }

    /// Marks tokens that must never be read as figures: URLs and e-mail addresses,
    /// IP addresses and version strings, phone numbers, clock times, dates, and digits
    /// glued to letters ("COVID-19", "G20", "v1").
    fn block(&mut self) {
        let n = self.n();
        // Whitespace-delimited chunks holding a URL or an e-mail address. Only chunks
        // around an '@', "://" or "www." can: look there, not at every chunk. The byte
        // searches (`memchr` for '@', ':' and '.', all rare) skip the text a word at a
        // time; the order of the hits does not matter (blocking is idempotent).
        let lc = self.lc.as_bytes();
        let mut hits: Vec<usize> = Vec::new();
        hits.extend(self.lc.match_indices('@').map(|(at, _)| at));
        hits.extend(
            self.lc
                .match_indices(':')
                .map(|(at, _)| at)
                .filter(|&at| lc.get(at + 1..at + 3) == Some(b"//")),
        );
        hits.extend(
            self.lc
                .match_indices('.')
                .filter_map(|(at, _)| at.checked_sub(3))
                .filter(|&at| lc.get(at..at + 3) == Some(b"www")),
        );
        for at in hits {
            // The token holding byte `at` (hits are never whitespace), then its chunk.
            let k = self.toks.partition_point(|t| t.s() <= at);
            let Some(k) = k.checked_sub(1) else {
                continue;
            };
            let mut i = k;
            while i > 0 && !self.toks[i].sp {
                i -= 1;
            }
            let mut j = k + 1;
            while j < n && !self.toks[j].sp {
                j += 1;
            }
            let chunk = &self.lc[self.toks[i].s()..self.toks[j - 1].e()];
            if crate::text::contains_str(chunk, "://")
                || chunk.as_bytes().contains(&b'@')
                || chunk.starts_with("www.")
            {
                for b in &mut self.blocked[i..j] {
                    *b = true;
                }
            }
        }
        for i in 0..n {
            if !self.is_num(i) {
                continue;
            }
            let raw = self.raw(i);
            let dots = raw.bytes().filter(|&b| b == b'.').count();
            let mut block = dots > 1;
            // Digits glued to letters before them ("G20", "v1", "A380"), or to a word
            // and a hyphen ("COVID-19", "F-16"); currency codes and "No." are fine.
            if self.glued(i) && i > 0 && self.is_word(i - 1) {
                let w = self.w(i - 1);
                let upper = self.raw(i - 1).chars().all(|c| c.is_ascii_uppercase());
                let ok = (upper && (words::code(w).is_some() || million_code(w).is_some()))
                    || matches!(w, "usd" | "rmb" | "no" | "nos");
                block |= !ok;
            }
            if i >= 2
                && self.is_p(i - 1, "-")
                && self.glued(i)
                && self.glued(i - 1)
                && self.is_word(i - 2)
                // "5k-20k", "$2bn-3bn": the word is a scale glued to a number.
                && !(i >= 3 && self.is_num(i - 3) && self.glued(i - 2))
            {
                block = true;
            }
            if matches!(self.prev_w(i), "version" | "v" | "ver" | "call" | "dial") {
                block = true;
            }
            // Clock times "4:30", "08:58".
            if (self.is_p(i + 1, ":")
                && self.is_num(i + 2)
                && self.glued(i + 1)
                && self.glued(i + 2))
                || (i >= 2
                    && self.is_p(i - 1, ":")
                    && self.is_num(i - 2)
                    && self.glued(i)
                    && self.glued(i - 1))
            {
                block = true;
            }
            // "4 p.m.", "10am", "2345 GMT".
            let nw = self.w(i + 1);
            if (matches!(nw, "a" | "p") && self.is_p(i + 2, ".") && self.w(i + 3) == "m")
                || matches!(
                    nw,
                    "am" | "pm"
                        | "gmt"
                        | "utc"
                        | "kst"
                        | "est"
                        | "edt"
                        | "pst"
                        | "pdt"
                        | "cet"
                        | "cest"
                        | "bst"
                        | "jst"
                        | "hkt"
                        | "ist"
                        | "hrs"
                        | "hours"
                        | "hr"
                ) && (nw != "hours" || raw.len() == 4)
            {
                block = true;
            }
            // Dates: a month name next to the number ("Jan. 6", "6 January", "May 4th",
            // "the 6th of January").
            let plain = !raw.as_bytes().contains(&b',') && !raw.as_bytes().contains(&b'.');
            let mut k = i;
            if k >= 1 && self.is_p(k - 1, ".") {
                k -= 1;
            }
            if plain && k >= 1 && words::is_month(self.w(k - 1)) && self.is_word(k - 1) {
                let w = self.w(k - 1);
                // "may" and "march" are also verbs: only capitalized or abbreviated.
                if !matches!(w, "may" | "march") || self.capitalized(k - 1) {
                    block = true;
                }
            }
            let mut a = i + 1;
            if self.is_word(a) && self.glued(a) && matches!(self.w(a), "st" | "nd" | "rd" | "th") {
                a += 1;
            }
            if self.w(a) == "of" {
                a += 1;
            }
            if plain
                && self.is_word(a)
                && words::is_month(self.w(a))
                && (self.capitalized(a) || !matches!(self.w(a), "may" | "march"))
                && self.w(a).len() >= 3
            {
                block = true;
            }
            if block {
                self.blocked[i] = true;
            }
        }
        // Chains: phone numbers and ISO dates ("2-123-4567", "2026-01-06", "5/17/2018"),
        // "+82 2 ...", "(555) 123-4567".
        let mut i = 0;
        while i < n {
            if !self.is_num(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut groups = 1;
            let mut slash = false;
            while j + 2 < n
                && (self.is_p(j + 1, "-") || self.is_p(j + 1, "/") || self.is_p(j + 1, "."))
                && self.is_num(j + 2)
                && self.glued(j + 1)
                && self.glued(j + 2)
            {
                slash |= self.is_p(j + 1, "/");
                j += 2;
                groups += 1;
            }
            let plus = i >= 1
                && self.is_p(i - 1, "+")
                && self.glued(i)
                && (self.is_num(i + 1) || self.is_p(i + 1, "-") || self.is_p(i + 1, "("));
            let paren_phone = i >= 1
                && self.is_p(i - 1, "(")
                && self.is_p(i + 1, ")")
                && self.is_num(i + 2)
                && self.is_p(i + 3, "-")
                && self.is_num(i + 4);
            let four_digit_tail =
                groups == 2 && !slash && self.raw(j).len() == 4 && self.raw(i).len() == 3;
            if groups >= 3
                || (slash && groups == 2 && !is_fraction(self.raw(i), self.raw(j)))
                || four_digit_tail
                || paren_phone
            {
                let end = if paren_phone { i + 5 } else { j + 1 };
                for b in &mut self.blocked[i..end.min(n)] {
                    *b = true;
                }
                i = end;
                continue;
            }
            if plus {
                // Block the run of numbers that follows "+82 2-123-4567".
                let mut k = i;
                while k < n
                    && (self.is_num(k)
                        || self.is_p(k, "-")
                        || self.is_p(k, "(")
                        || self.is_p(k, ")")
                        || self.is_p(k, "/"))
                {
                    self.blocked[k] = true;
                    k += 1;
                }
                i = k;
                continue;
            }
            i = j + 1;
        }
    }

    /// Tries to read a mention at token `i`; pushes what it finds and returns the token
    /// to continue from.
    fn at(&self, i: usize, out: &mut Vec<Candidate>) -> usize {
        // Rank "No. 2".
        if let Some(next) = self.rank_no(i, out) {
            return next;
        }
        let Some(fig) = self.figure(i) else {
            return i + 1;
        };
        if fig.skipped {
            return fig.e;
        }
        if fig.num.fraction {
            self.share(fig.s, fig.e, fig.value, "count.fraction", out);
            return fig.e;
        }
        if fig.num.ordinal {
            return self.ordinal(fig, out);
        }
        self.cardinal(fig, out)
    }

    /// "No. 2", "No.3".
    fn rank_no(&self, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let (v, e) =
            if matches!(self.w(i), "no" | "nos") && self.is_p(i + 1, ".") && self.glued(i + 1) {
                if !self.is_num(i + 2) || self.blocked.get(i + 2).copied().unwrap_or(true) {
                    return None;
                }
                let raw = self.raw(i + 2);
                if raw.as_bytes().contains(&b'.') || raw.as_bytes().contains(&b',') {
                    return None;
                }
                (crate::num::parse_decimal(raw)?, i + 3)
            } else if self.w(i) == "number"
                && matches!(self.prev_w(i), "the" | "s" | "world" | "world's")
                && self.w(i + 2) != "of"
            {
                // "the world's number one", "the number two official"
                let v = words::unit(self.w(i + 1)).filter(|&u| u >= 1.0)?;
                (v, i + 2)
            } else {
                return None;
            };
        // "No. 10 Downing Street": an address, not a rank.
        if self.is_word(e) && self.capitalized(e) {
            return Some(e);
        }
        let noun = self.noun_after(e, false, NounMode::Head);
        out.push(Candidate {
            range: self.range(i, e),
            kind: Kind::Rank,
            value: CandidateValue::Quantity(Quantity::exact(v, 1.0)),
            qualifier: Qualifier::Exact,
            noun,
            rule: "rank.no",
            linked: None,
        });
        Some(e)
    }

    /// Reads a currency written before a figure at `i`: returns the code, a multiplier
    /// (for "MUSD"-style codes) and the token after it.
    fn currency_before(&self, i: usize) -> Option<(&'static str, f64, usize)> {
        let w = self.w(i);
        let raw = self.raw(i);
        if let Some(code) = words::symbol(raw) {
            return Some((code, 1.0, i + 1));
        }
        if self.is_word(i) {
            // "US$", "HK$", "C $", "usd$".
            if self.is_p(i + 1, "$") {
                let spaced_ok = matches!(
                    w,
                    "us" | "hk" | "nz" | "c" | "mex" | "cad" | "aud" | "usd" | "mxn" | "nzd"
                );
                if self.glued(i + 1) || spaced_ok {
                    if let Some(code) = words::dollar_prefix(w) {
                        return Some((code, 1.0, i + 2));
                    }
                }
            }
            // "U.S. $", "U.S.$"
            if w == "u" && self.is_p(i + 1, ".") && self.w(i + 2) == "s" {
                let mut k = i + 3;
                if self.is_p(k, ".") {
                    k += 1;
                }
                if self.is_p(k, "$") {
                    return Some(("USD", 1.0, k + 1));
                }
            }
            let upper = raw.chars().all(|c| c.is_ascii_uppercase());
            // "Rmb5bn" (FT style)
            if w == "rmb" && self.is_num(i + 1) {
                return Some(("CNY", 1.0, i + 1));
            }
            if upper && self.is_num(i + 1) {
                if let Some(code) = words::code(w) {
                    return Some((code, 1.0, i + 1));
                }
                if let Some(code) = million_code(w) {
                    return Some((code, 1e6, i + 1));
                }
            }
            // "Rs 2,000 crore", "Rs. 500"
            if raw == "Rs" || raw == "RS" {
                let k = if self.is_p(i + 1, ".") { i + 2 } else { i + 1 };
                if self.is_num(k) {
                    return Some(("INR", 1.0, k));
                }
            }
        }
        None
    }

    /// Reads a figure at `i`: currency, number, scale, unit.
    fn figure(&self, i: usize) -> Option<Fig> {
        let mut s = i;
        let mut unit = Unit::None;
        let mut factor = 1.0;
        let mut rule = "count.digits";
        let mut j = i;
        if let Some((code, f, after)) = self.currency_before(i) {
            if self.blocked.get(after).copied().unwrap_or(true) {
                return None;
            }
            unit = Unit::Money(code);
            factor = f;
            j = after;
            rule = if words::symbol(self.raw(i)).is_some() || self.is_p(after - 1, "$") {
                "money.symbol"
            } else {
                "money.code"
            };
        }
        let num = match self.number(j)? {
            Parsed::Num(n) => n,
            Parsed::Skip(e) => {
                return Some(Fig {
                    s,
                    e,
                    num: skip_num(j),
                    value: 0.0,
                    precision: 1.0,
                    unit,
                    rule,
                    skipped: true,
                })
            }
        };
        if unit == Unit::None {
            s = num.s;
            rule = if num.vague.is_some() {
                "count.vague"
            } else if num.words {
                "count.words"
            } else {
                "count.digits"
            };
        }
        let mut e = num.e;
        let mut value = num.value * factor;
        let mut precision = num.precision * factor;
        if num.ordinal || num.fraction {
            return Some(Fig {
                s,
                e,
                num,
                value,
                precision,
                unit: Unit::None,
                rule,
                skipped: false,
            });
        }
        if unit == Unit::None {
            // Percent and points.
            let w = self.w(e);
            if self.is_p(e, "%") {
                unit = Unit::Percent;
                e += 1;
                rule = "percent.sign";
            } else if (matches!(w, "percent" | "pct" | "percentage" | "percents")
                || (w == "pc" && self.glued(e)))
                && self.is_word(e)
            {
                if matches!(self.w(e + 1), "point" | "points") && w == "percentage" {
                    unit = Unit::Points;
                    e += 2;
                    rule = "pp.word";
                } else {
                    unit = Unit::Percent;
                    e += 1;
                    rule = "percent.word";
                }
            } else if w == "per" && self.w(e + 1) == "cent" {
                unit = Unit::Percent;
                e += 2;
                rule = "percent.word";
            } else if (w == "percentage" || w == "pct")
                && matches!(self.w(e + 1), "point" | "points")
            {
                unit = Unit::Points;
                e += 2;
                rule = "pp.word";
            } else if matches!(w, "pp" | "ppt" | "ppts") && self.is_word(e) {
                unit = Unit::Points;
                e += 1;
                rule = "pp.word";
            } else if matches!(w, "bps" | "bp") && self.is_word(e) {
                unit = Unit::Points;
                value /= 100.0;
                precision /= 100.0;
                e += 1;
                rule = "pp.word";
            } else if w == "basis" && matches!(self.w(e + 1), "point" | "points") {
                unit = Unit::Points;
                value /= 100.0;
                precision /= 100.0;
                e += 2;
                rule = "pp.word";
            } else if let Some((code, f, after)) = self.currency_after(e, &num) {
                unit = Unit::Money(code);
                value *= f;
                precision *= f;
                e = after;
                rule = if words::symbol(self.raw(after - 1)).is_some() {
                    "money.symbol"
                } else if words::code(self.w(after - 1)).is_some()
                    || million_code(self.w(after - 1)).is_some()
                {
                    "money.code"
                } else {
                    "money.word"
                };
                // "75 USD million"
                if let Some(sc) =
                    words::scale(self.w(e)).filter(|&sc| sc >= 1e3 && num.scale == 1.0)
                {
                    value *= sc;
                    precision *= sc;
                    e += 1;
                } else if f == 1.0 && num.scale == 1.0 && value.fract() == 0.0 {
                    // "3 dollars 50 cents", "thirteen dollars and forty-five cents",
                    // "15 dollars 50.": the minor unit.
                    if let Some((cents, k)) = self.minor_units(e) {
                        value += cents / 100.0;
                        precision = 0.01;
                        e = k;
                    }
                }
            }
        } else if let Some((_, f, after)) = self
            .currency_after(e, &num)
            .filter(|c| Unit::Money(c.0) == unit)
        {
            // "$5 million dollars": the name repeats the symbol.
            let _ = f;
            e = after;
        }
        Some(Fig {
            s,
            e,
            num,
            value,
            precision,
            unit,
            rule,
            skipped: false,
        })
    }

    /// A currency written after the number at `e`: symbol, code or name (with an
    /// adjective such as "Australian" or "Hong Kong"). Returns code, factor, next token.
    fn currency_after(&self, e: usize, num: &Num) -> Option<(&'static str, f64, usize)> {
        let w = self.w(e);
        if let Some(code) = words::symbol(self.raw(e)) {
            // "10 $" but not "10 $20": a symbol followed by a number belongs to that number.
            if !self.is_num(e + 1) {
                return Some((code, 1.0, e + 1));
            }
            return None;
        }
        if !self.is_word(e) {
            return None;
        }
        if let Some(code) = words::code(w)
            .filter(|_| w != "try" && w != "php" && !(self.is_num(e + 1) && self.glued(e + 1)))
        {
            return Some((code, 1.0, e + 1));
        }
        if let Some(code) = million_code(w) {
            return Some((code, 1e6, e + 1));
        }
        // Two and three words: "US dollars", "Australian dollars", "Hong Kong dollars".
        for (adj, cur) in [(e, e + 1), (e + 1, e + 2)] {
            if cur == e + 2 && !matches!(w, "hong" | "new") {
                continue;
            }
            let adjw = if self.w(adj) == "s" && self.w(adj.wrapping_sub(2)) == "u" {
                "u.s"
            } else {
                self.w(adj)
            };
            if let Some((code, f, true)) = words::currency_word(self.w(cur), Some(adjw)) {
                return Some((code, f, cur + 1));
            }
        }
        // "U.S. dollars"
        if w == "u" && self.is_p(e + 1, ".") && self.w(e + 2) == "s" {
            let mut k = e + 3;
            if self.is_p(k, ".") {
                k += 1;
            }
            if matches!(self.w(k), "dollar" | "dollars") {
                return Some(("USD", 1.0, k + 1));
            }
        }
        // "45p": pence, only glued.
        if w == "p" && self.glued(e) && !self.is_num(e + 1) {
            return Some(("GBP", 0.01, e + 1));
        }
        let (code, f, _) = words::currency_word(w, None)?;
        // "pounds" is also a weight: only with a scale, pence, or "sterling".
        if matches!(w, "pound" | "pounds") && num.scale == 1.0 && self.w(e + 1) != "sterling" {
            return None;
        }
        // "won" is also a verb: "3 won" only with a scale or a large figure.
        if w == "won" && num.scale == 1.0 && num.value < 1000.0 {
            return None;
        }
        let mut end = e + 1;
        if matches!(w, "pound" | "pounds") && self.w(e + 1) == "sterling" {
            end += 1;
        }
        Some((code, f, end))
    }

    /// Parses a number at `i`: digits (with sign, separators, scale, ordinal suffix) or
    /// number words.
    fn number(&self, i: usize) -> Option<Parsed> {
        // Sign.
        if matches!(self.w(i), "minus" | "negative") && self.is_word(i) {
            if let Some(Parsed::Num(mut n)) = self.number(i + 1) {
                if !n.ordinal && n.vague.is_none() {
                    n.s = i;
                    n.value = -n.value;
                    return Some(Parsed::Num(n));
                }
            }
            return None;
        }
        if self.is_p(i, "-")
            && self.is_num(i + 1)
            && self.glued(i + 1)
            && !self.glued(i)
            && !self.is_p(i.wrapping_sub(1), "-")
        {
            if let Some(Parsed::Num(mut n)) = self.digits(i + 1) {
                n.s = i;
                n.value = -n.value;
                return Some(Parsed::Num(n));
            }
            return None;
        }
        if self.is_num(i) {
            if self.blocked[i] {
                return None;
            }
            return self.digits(i);
        }
        // "½", "⅔": a share.
        if let Some((a, d)) = words::vulgar(self.raw(i)) {
            return Some(Parsed::Num(Num {
                s: i,
                e: i + 1,
                value: a / d,
                precision: FRACTION_PRECISION,
                scale: 1.0,
                ordinal: false,
                words: false,
                vague: None,
                approx: false,
                plain_int: false,
                fraction: true,
            }));
        }
        if self.is_word(i) {
            return self.number_words(i).map(Parsed::Num);
        }
        None
    }

    /// Digits at `i` with what follows them.
    fn digits(&self, i: usize) -> Option<Parsed> {
        let raw = self.raw(i);
        let mut digits: String = raw.chars().filter(|&c| c != ',').collect();
        let mut decimals = raw.split_once('.').map_or(0, |(_, d)| d.len());
        let mut e = i + 1;
        // Space-grouped thousands: "1 234 567" (only 3-digit groups).
        if !raw.as_bytes().contains(&b',') && !raw.as_bytes().contains(&b'.') && raw.len() <= 3 {
            let mut k = i + 1;
            let mut joined = digits.clone();
            let mut groups = 0;
            while self.is_num(k) && !self.glued(k) {
                let g = self.raw(k);
                let int = g.split('.').next().unwrap_or("");
                if int.len() != 3
                    || g.as_bytes().contains(&b',')
                    || self.blocked.get(k).copied().unwrap_or(true)
                {
                    break;
                }
                joined.push_str(g);
                groups += 1;
                k += 1;
                if g.as_bytes().contains(&b'.') {
                    break;
                }
            }
            if groups > 0 && !self.is_num(k) {
                decimals = joined.split_once('.').map_or(0, |(_, d)| d.len());
                digits = joined;
                e = k;
            }
        }
        let mut value: f64 = crate::num::parse_decimal(&digits)?;
        let plain_int =
            e == i + 1 && !raw.as_bytes().contains(&b',') && !raw.as_bytes().contains(&b'.');
        if plain_int {
            // "3/4" (a share), "2 1/4", "2½" (a mixed number: a count).
            let slash = |a: usize| {
                self.is_num(a)
                    && self.is_p(a + 1, "/")
                    && self.glued(a + 1)
                    && self.is_num(a + 2)
                    && self.glued(a + 2)
                    && !self.blocked.get(a + 2).copied().unwrap_or(true)
                    && is_fraction(self.raw(a), self.raw(a + 2))
            };
            let ratio = |a: usize| -> Option<(f64, f64)> {
                let n: f64 = crate::num::parse_decimal(self.raw(a))?;
                let d: f64 = crate::num::parse_decimal(self.raw(a + 2))?;
                Some((n / d, d))
            };
            let mut n = Num {
                s: i,
                e: i + 3,
                value: 0.0,
                precision: FRACTION_PRECISION,
                scale: 1.0,
                ordinal: false,
                words: false,
                vague: None,
                approx: false,
                plain_int: false,
                fraction: false,
            };
            if slash(i) {
                let (f, _) = ratio(i)?;
                n.value = f;
                n.fraction = true;
                return Some(Parsed::Num(n));
            }
            if !self.glued(i + 1) && slash(i + 1) && !self.is_p(i + 4, "/") {
                let (f, d) = ratio(i + 1)?;
                n.value = value + f;
                n.precision = 1.0 / d;
                n.e = i + 4;
                return Some(Parsed::Num(n));
            }
            if let Some((a, d)) = words::vulgar(self.raw(i + 1)).filter(|_| self.glued(i + 1)) {
                n.value = value + a / d;
                n.precision = 1.0 / d;
                n.e = i + 2;
                return Some(Parsed::Num(n));
            }
        }
        let mut precision = 10f64.powi(-(decimals as i32));
        let mut scale = 1.0;
        let mut ordinal = false;
        // Degrees: "1.5°C", "45 °F" (a temperature, not ours).
        if self.raw(e) == "°" {
            return Some(Parsed::Skip(e + 1));
        }
        // Glued suffix: "42nd", "10k", "1.2m", "46.9bn", "1990s", "180ml".
        if self.is_word(e) && self.glued(e) {
            let w = self.w(e);
            if matches!(w, "st" | "nd" | "rd" | "th") && decimals == 0 {
                ordinal = true;
                e += 1;
            } else if let Some(sc) = words::scale_abbrev(w, true).or_else(|| words::scale(w)) {
                scale = sc;
                e += 1;
            } else if w == "pc"
                || w == "bps"
                || w == "bp"
                || w == "p"
                || words::code(w).is_some()
                || million_code(w).is_some()
                || words::symbol(self.raw(e)).is_some()
                || words::currency_word(w, None).is_some()
            {
                // "115USD", "100yuan": the currency is read by the caller.
            } else {
                // A unit or an identifier: "180ml", "29km", "3h", "1990s".
                return Some(Parsed::Skip(e + 1));
            }
        } else if self.is_word(e) {
            let w = self.w(e);
            if let Some(sc) = words::scale(w).or_else(|| words::scale_abbrev(w, false)) {
                scale = sc;
                e += 1;
                // "322 hundred thousand"
                while let Some(sc2) = words::scale(self.w(e)).filter(|&s2| s2 > scale) {
                    scale *= sc2;
                    e += 1;
                }
                // "3 million and a half"
                if let Some((f, k)) = self.and_fraction(e).filter(|_| scale >= 1e3) {
                    value += f;
                    precision = precision.min(f);
                    e = k;
                }
            }
        }
        if !ordinal
            && self.is_word(e)
            && matches!(
                self.w(e),
                "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs"
            )
        {
            scale *= 12.0;
            e += 1;
        }
        value *= scale;
        precision *= scale;
        Some(Parsed::Num(Num {
            s: i,
            e,
            value,
            precision,
            scale,
            ordinal,
            words: false,
            vague: None,
            approx: false,
            plain_int: plain_int && scale == 1.0 && !ordinal,
            fraction: false,
        }))
    }

    /// Number words at `i`: "four", "thirty-two", "one hundred and twenty", "a dozen",
    /// "a pair of", "two and a half million", "hundreds", "tens of thousands",
    /// "first", "twenty-fifth", "two thirds" (a share).
    fn number_words(&self, i: usize) -> Option<Num> {
        let w0 = self.w(i);
        let mk = |e: usize, value: f64, precision: f64| Num {
            s: i,
            e,
            value,
            precision,
            scale: 1.0,
            ordinal: false,
            words: true,
            vague: None,
            approx: false,
            plain_int: false,
            fraction: false,
        };
        // Vague amounts: "tens of thousands" [20000, 99999], "hundreds of thousands"
        // [200000, 999999], "hundreds" [200, 999].
        // "scores of people" (not "scores of 85").
        if w0 == "scores" && !(self.w(i + 1) == "of" && self.is_word(i + 2)) {
            return None;
        }
        if let Some((lo, hi, p)) = words::vague(w0).or(if w0 == "tens" {
            Some((20.0, 99.0, 10.0))
        } else {
            None
        }) {
            if self.w(i + 1) == "of" {
                if let Some((_, _, p2)) =
                    words::vague(self.w(i + 2)).filter(|v| v.2 >= 1e3 && v.2 > p)
                {
                    let (l, h) = (lo * p2, (hi + 1.0) * p2 - 1.0);
                    let mut n = mk(i + 3, l, p * p2);
                    n.vague = Some((l, h));
                    return Some(n);
                }
            }
            if w0 != "tens" {
                let mut n = mk(i + 1, lo, p);
                n.vague = Some((lo, hi));
                return Some(n);
            }
        }
        // "a pair of", "a couple of", "a dozen", "a hundred", "half a million".
        let mut j = i;
        let mut lead_a = false;
        if matches!(w0, "a" | "an") {
            let w1 = self.w(i + 1);
            if w1 == "pair" && self.w(i + 2) == "of" {
                return Some(mk(i + 3, 2.0, 1.0));
            }
            if w1 == "couple" && self.w(i + 2) == "of" {
                let mut n = mk(i + 3, 2.0, 1.0);
                n.approx = true;
                return Some(n);
            }
            if w1 == "dozen" {
                return Some(mk(i + 2, 12.0, 1.0));
            }
            if words::scale(w1).is_some() {
                lead_a = true;
                j = i + 1;
            } else if let (Some(t), Some((o, false))) = (
                words::tens(w1).filter(|_| self.is_p(i + 2, "-") && self.glued(i + 2)),
                ordinal_unit(self.w(i + 3)),
            ) {
                // "a twenty-first" (1/21), not "a twenty-first-century city".
                if !self.share_may_end(i + 4) {
                    return None;
                }
                let mut n = mk(i + 4, 1.0 / (t + o), FRACTION_PRECISION);
                n.fraction = true;
                return Some(n);
            } else if let Some((d, false)) = words::denominator(w1) {
                // "a third", "a quarter of", "a hundredth", "a quarter million", "a half".
                if let Some(sc) = words::scale(self.w(i + 2)).filter(|&s| s >= 1e3) {
                    return Some(mk(i + 3, sc / d, sc / d));
                }
                // "a year and a half" (the duration's), "a third summit", "a fifth
                // term", "a quarter century", "a half hour", "a third-quarter loss".
                if (matches!(w1, "half" | "quarter") && self.prev_w(i) == "and")
                    || !self.share_may_end(i + 2)
                {
                    return None;
                }
                let mut n = mk(i + 2, 1.0 / d, FRACTION_PRECISION);
                n.fraction = true;
                return Some(n);
            } else {
                return None;
            }
        }
        if w0 == "half" || w0 == "quarter" {
            let d = if w0 == "half" { 2.0 } else { 4.0 };
            let mut k = i + 1;
            if self.w(k) == "a" || self.w(k) == "an" {
                k += 1;
            }
            if self.w(k) == "dozen" {
                return Some(mk(k + 1, 12.0 / d, 1.0));
            }
            if let Some(sc) = words::scale(self.w(k)).filter(|&s| s >= 1e3) {
                return Some(mk(k + 1, sc / d, sc / d));
            }
            // "half of the seats", "half the voters", "more than half": a share. Not
            // "the second half of the year", "a half-day", "half an hour".
            let pw = self.prev_w(i);
            let hedged = self.hedge_before(i).is_some() && !matches!(pw, "some");
            let whole_follows = matches!(
                self.w(i + 1),
                "of" | "the" | "its" | "their" | "his" | "her" | "our" | "all" | "those" | "these"
            ) && self.is_word(i + 1);
            if w0 == "half"
                && (hedged || whole_follows)
                && !self.is_p(i + 1, "-")
                && !words::is_determiner(pw)
                && words::ordinal(pw).is_none()
                && !matches!(pw, "latter" | "other" | "back" | "front" | "top" | "bottom")
            {
                let mut n = mk(i + 1, 0.5, FRACTION_PRECISION);
                n.fraction = true;
                return Some(n);
            }
            return None;
        }

        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            Start,
            Unit,
            Teen,
            Tens,
            Hundred,
            Scale,
        }
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last = Last::Start;
        let mut any = false;
        let mut precision = 1.0;
        let mut ordinal = false;
        let mut end = j;
        let mut last_scale = 1.0;
        if lead_a {
            cur = 1.0;
        }
        loop {
            if !self.is_word(j) {
                break;
            }
            let w = self.w(j);
            if let Some(v) = words::unit(w) {
                if matches!(last, Last::Unit | Last::Teen) || (last == Last::Tens && v >= 10.0) {
                    break;
                }
                cur += v;
                last = if v >= 10.0 { Last::Teen } else { Last::Unit };
                precision = 1.0;
                any = true;
                j += 1;
                end = j;
                continue;
            }
            if let Some(v) = words::tens(w) {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens) {
                    break;
                }
                // "one hundred thirty-fifths" is 100/35: the compound names the share.
                if any
                    && self.is_p(j + 1, "-")
                    && self.glued(j + 1)
                    && ordinal_unit(self.w(j + 2)).is_some_and(|o| o.1)
                {
                    break;
                }
                cur += v;
                last = Last::Tens;
                precision = 1.0;
                any = true;
                j += 1;
                end = j;
                // "thirty-two", "twenty-first"
                if self.is_p(j, "-") && self.glued(j) && self.glued(j + 1) && self.is_word(j + 1) {
                    let w2 = self.w(j + 1);
                    if let Some(u) = words::unit(w2).filter(|&u| (1.0..10.0).contains(&u)) {
                        cur += u;
                        last = Last::Unit;
                        j += 2;
                        end = j;
                    } else if let Some((o, false)) = words::ordinal(w2).filter(|o| o.0 < 10.0) {
                        cur += o;
                        ordinal = true;
                        end = j + 2;
                        break;
                    }
                }
                continue;
            }
            if w == "hundred" && (any || lead_a) && !matches!(last, Last::Hundred) {
                if cur == 0.0 {
                    cur = 1.0;
                }
                cur *= 100.0;
                last = Last::Hundred;
                precision = 100.0;
                any = true;
                j += 1;
                end = j;
                continue;
            }
            if let Some(sc) = words::scale(w).filter(|&s| s >= 1e3) {
                if last == Last::Scale && sc > last_scale && total > 0.0 {
                    // "three lakh crore", "two hundred thousand million"
                    total *= sc;
                    precision *= sc;
                    last_scale *= sc;
                    j += 1;
                    end = j;
                    continue;
                }
                if !(any || lead_a) || last == Last::Scale {
                    break;
                }
                if cur == 0.0 {
                    cur = 1.0;
                }
                precision = if last == Last::Hundred {
                    100.0 * sc
                } else {
                    sc
                };
                last_scale = sc;
                total += cur * sc;
                cur = 0.0;
                last = Last::Scale;
                any = true;
                j += 1;
                end = j;
                continue;
            }
            if w == "and" && any && matches!(last, Last::Hundred | Last::Scale) {
                let n = self.w(j + 1);
                if (words::unit(n).is_some() || words::tens(n).is_some())
                    && self.and_fraction(j).is_none()
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if let Some((o, is_scale)) = words::ordinal(w) {
                if is_scale {
                    if any || lead_a {
                        // "two hundredth", "three trillionth"
                        if cur == 0.0 {
                            cur = 1.0;
                        }
                        cur *= o;
                        ordinal = true;
                        end = j + 1;
                    } else if w != "hundredth" {
                        cur = o;
                        ordinal = true;
                        any = true;
                        end = j + 1;
                    }
                    break;
                }
                if !any {
                    cur = o;
                    ordinal = true;
                    any = true;
                    end = j + 1;
                } else if matches!(last, Last::Hundred | Last::Scale)
                    || (last == Last::Tens && o < 10.0)
                {
                    // A fraction "two thirds", "five eighths" after a small number.
                    cur += o;
                    ordinal = true;
                    end = j + 1;
                }
                break;
            }
            break;
        }
        if !any {
            return None;
        }
        let mut value = total + cur;
        let mut e = end;
        if ordinal {
            let mut n = mk(e, value, 1.0);
            n.ordinal = true;
            return Some(n);
        }
        // Fractions: "two thirds", "two-thirds", "three quarters", "one twenty-fifth"
        // (a share), "two thirds of a million" (a count), then "one and a half",
        // "five and a half million", "two million and a half".
        if let Some((d, plural, k)) = self.denominator_at(e) {
            let hyphenated = self.is_p(e, "-");
            let dw = self.w(k - 1);
            let ok = if value == 1.0 {
                !plural && (hyphenated || self.share_may_end(k))
            } else {
                plural && value > 1.0
            };
            // "two halves", "four quarters" of a match; "the past two quarters".
            let game = d <= 4.0 && value >= d && self.w(k) != "of";
            let period = matches!(dw, "quarter" | "quarters")
                && (!self.share_may_end(k)
                    || matches!(
                        self.prev_w(i),
                        "past"
                            | "last"
                            | "next"
                            | "previous"
                            | "consecutive"
                            | "straight"
                            | "recent"
                            | "coming"
                            | "first"
                            | "the"
                            | "those"
                            | "these"
                            | "few"
                            | "several"
                    ));
            // "two thirds million", "three quarters billion", "two thirds of a million".
            if ok || plural {
                if let Some(sc) = words::scale(self.w(k)).filter(|&s| s >= 1e3) {
                    return Some(mk(k + 1, value / d * sc, sc / d));
                }
                if self.w(k) == "of" && matches!(self.w(k + 1), "a" | "an") {
                    if let Some(sc) = words::scale(self.w(k + 2)).filter(|&s| s >= 1e3) {
                        return Some(mk(k + 3, value / d * sc, sc / d));
                    }
                }
            }
            if ok && !game && !period {
                let mut n = mk(k, value / d, FRACTION_PRECISION);
                n.fraction = true;
                return Some(n);
            }
        }
        let fw = self.w(e);
        // Decimals in words: "two hundred point zero three", "nine point five".
        if fw == "point" && total == 0.0 {
            if let Some((frac, digits, k)) = self.point_decimals(e + 1) {
                value += frac;
                precision = 10f64.powi(-(digits as i32));
                e = k;
            }
        }
        if let Some((f, k)) = self.and_fraction(e) {
            if let Some(sc) = words::scale(self.w(k)).filter(|&s| s >= 1e3) {
                // "five and a half million", "one billion and a half million"
                if total == 0.0 {
                    value = (value + f) * sc;
                } else {
                    value += f * sc;
                }
                precision = sc * f;
                e = k + 1;
            } else if last == Last::Scale {
                // "two million and a half"
                value += f * last_scale;
                precision = last_scale * f;
                e = k;
            } else {
                value += f;
                precision = precision.min(f);
                e = k;
            }
        }
        // "three dozen"
        if matches!(
            self.w(e),
            "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs"
        ) && total == 0.0
        {
            value *= 12.0;
            e += 1;
        }
        Some(mk(e, value, precision))
    }

    /// Minor units after a whole currency amount at `e`: "50 cents", "and forty-five
    /// cents", or a bare "50" that ends the clause. Returns the count of cents and the
    /// token after them.
    fn minor_units(&self, e: usize) -> Option<(f64, usize)> {
        let k = if self.w(e) == "and" { e + 1 } else { e };
        let n = match self.number(k)? {
            Parsed::Num(n) if !n.ordinal && n.vague.is_none() && !n.fraction && n.scale == 1.0 => n,
            _ => return None,
        };
        if !(0.0..100.0).contains(&n.value) || n.value.fract() != 0.0 {
            return None;
        }
        if matches!(self.w(n.e), "cents" | "cent" | "pence" | "penny" | "p") && self.is_word(n.e) {
            return Some((n.value, n.e + 1));
        }
        let ends = n.e >= self.n() || matches!(self.raw(n.e), "." | "," | ";" | "!" | "?");
        (ends && !n.words).then_some((n.value, n.e))
    }

    /// A fraction word (or a compound) at `e` naming the share's denominator: "thirds",
    /// "-thirds" (after a hyphen), "twenty-fifths", "twenty firsts". Returns the
    /// denominator, whether it is plural, and the token after it.
    fn denominator_at(&self, e: usize) -> Option<(f64, bool, usize)> {
        let w = self.w(e);
        if self.is_word(e) {
            if let Some(t) = words::tens(w) {
                if self.is_p(e + 1, "-") && self.glued(e + 1) && self.glued(e + 2) {
                    let (o, plural) = ordinal_unit(self.w(e + 2))?;
                    return Some((t + o, plural, e + 3));
                }
                let (o, plural) = ordinal_unit(self.w(e + 1)).filter(|o| o.1)?;
                return Some((t + o, plural, e + 2));
            }
            let (d, plural) = words::denominator(w)?;
            return Some((d, plural, e + 1));
        }
        if self.is_p(e, "-") && self.glued(e) && self.glued(e + 1) && self.is_word(e + 1) {
            let (d, plural) = words::denominator(self.w(e + 1))?;
            // "two-thirds-owned" is still "two-thirds".
            return Some((d, plural, e + 2));
        }
        None
    }

    /// True when a share may end before token `k`: "a third of", "a third were hurt",
    /// "a third." — not "a third summit", "a quarter century", "a half-day".
    fn share_may_end(&self, k: usize) -> bool {
        if self.is_p(k, "-") && self.glued(k) {
            return false;
        }
        if !self.is_word(k) {
            return true;
        }
        let w = self.w(k);
        (words::is_stop(w) && !words::is_time_unit(w))
            || is_share_verb(w)
            || (w.len() > 4 && w.ends_with("ed"))
    }

    /// Reports a share ("two thirds of the seats", "one in five adults", "3/4"): a
    /// count with unit "fraction", the hedge before it, and the whole it is a share of.
    fn share(&self, s: usize, e: usize, value: f64, rule: &'static str, out: &mut Vec<Candidate>) {
        let mut after = e;
        let mut hedge = self.hedge_before(s);
        if hedge.is_none() && self.w(e) == "or" {
            hedge = match self.w(e + 1) {
                "more" | "above" => Some(Hedge::AtLeast),
                "so" => Some(Hedge::About),
                "less" | "fewer" | "below" => Some(Hedge::AtMost),
                _ => None,
            };
            if hedge.is_some() {
                after = e + 2;
            }
        }
        let v = value;
        let (qualifier, lo, hi) = match hedge {
            None => (Qualifier::Exact, v, v),
            Some(Hedge::About) => (Qualifier::Approximate, 0.9 * v, 1.1 * v),
            Some(Hedge::Nearly) => (Qualifier::Approximate, 0.9 * v, v),
            Some(Hedge::AtLeast) => (Qualifier::AtLeast, v, 1.5 * v),
            Some(Hedge::MoreThan) => (Qualifier::MoreThan, v, 1.5 * v),
            Some(Hedge::AtMost) => (Qualifier::AtMost, 0.0, v),
            Some(Hedge::LessThan) => (Qualifier::LessThan, 0.5 * v, v),
        };
        // A share of a whole cannot pass the whole.
        let cap = |x: f64| if v <= 1.0 { x.min(1.0) } else { x };
        // The whole: "of (the|its|all) seats", "of the 300 seats", "half the voters",
        // "two-thirds majority", "1 in 5 adults".
        let mut k = after;
        let of = self.w(k) == "of" && self.is_word(k);
        if of {
            k += 1;
        }
        let det = (matches!(
            self.w(k),
            "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "all"
                | "those"
                | "these"
                | "this"
                | "that"
        ) || (of && matches!(self.w(k), "a" | "an")))
            && self.is_word(k);
        if det {
            k += 1;
        }
        if (of || det) && self.is_word(k) && self.w(k) == "s" && k > 0 && self.is_p(k - 1, "'") {
            k += 1;
        }
        let noun = if self.is_num(k) && (of || det) {
            self.noun_after(k + 1, true, NounMode::Head)
        } else if of || det || rule == "count.ratio" || self.is_p(e.saturating_sub(2), "-") {
            self.noun_after(k, true, NounMode::Head)
        } else {
            None
        };
        let noun = noun.filter(|n| !is_share_verb(n));
        out.push(Candidate {
            range: self.range(s, e),
            kind: Kind::Count,
            value: CandidateValue::Quantity(Quantity {
                value: clean(v),
                low: clean(cap(lo.min(hi))),
                high: clean(cap(hi.max(lo))),
                precision: FRACTION_PRECISION,
                unit: Some(FRACTION_UNIT.to_string()),
            }),
            qualifier,
            noun,
            rule,
            linked: None,
        });
    }

    /// "and a half", "and one half", "and three quarters" at `e`: the fraction and the
    /// token after it.
    fn and_fraction(&self, e: usize) -> Option<(f64, usize)> {
        if self.w(e) != "and" {
            return None;
        }
        let n = match self.w(e + 1) {
            "a" | "an" | "one" => 1.0,
            w => words::unit(w).filter(|&u| (2.0..10.0).contains(&u))?,
        };
        // "and a half", "and three quarters", "and a thirtieth".
        let (d, plural) = words::denominator(self.w(e + 2))?;
        if plural != (n > 1.0) {
            return None;
        }
        Some((n / d, e + 3))
    }

    /// Decimal digits in words after "point" at `k`: "zero three" (0.03), "seventy-one"
    /// (0.71), "five" (0.5). Returns the fraction, the number of digits and the next token.
    fn point_decimals(&self, k: usize) -> Option<(f64, usize, usize)> {
        let mut digits = String::new();
        let mut j = k;
        while self.is_word(j) {
            match words::unit(self.w(j)).filter(|&u| u < 10.0) {
                Some(u) => digits.push(char::from(b'0' + u as u8)),
                None => break,
            }
            j += 1;
        }
        if digits.is_empty() {
            let t = words::tens(self.w(k)).or_else(|| words::unit(self.w(k)))?;
            let mut v = t;
            j = k + 1;
            if t >= 20.0 && self.is_p(j, "-") && self.glued(j) {
                if let Some(u) = words::unit(self.w(j + 1)).filter(|&u| (1.0..10.0).contains(&u)) {
                    v += u;
                    j += 2;
                }
            }
            digits = format!("{}", v as u32);
        }
        let frac: f64 = crate::num::parse_decimal(&format!("0.{digits}"))?;
        Some((frac, digits.len(), j))
    }

    /// A cardinal figure: count, money, percent or percentage points, with range,
    /// hedge and noun.
    fn cardinal(&self, a: Fig, out: &mut Vec<Candidate>) -> usize {
        let mut fig = a;
        if fig.skipped {
            return fig.e;
        }
        // "one in three adults", "1 in 5", "two out of five": a share, not two counts.
        if fig.unit == Unit::None && fig.num.scale == 1.0 && fig.num.vague.is_none() {
            let k = match (self.w(fig.e), self.w(fig.e + 1)) {
                ("in", _) if self.is_word(fig.e) => Some(fig.e + 1),
                ("out", "of") => Some(fig.e + 2),
                _ => None,
            };
            if let Some(Parsed::Num(b)) = k.and_then(|k| self.number(k)) {
                if !b.ordinal
                    && !b.fraction
                    && b.vague.is_none()
                    && b.value > fig.value
                    && fig.value > 0.0
                    && b.value <= 1e9
                    && !(b.plain_int && is_year(b.value))
                    && !self.is_p(b.e, "%")
                    && !self.is_p(b.e, "-")
                    && !(self.is_word(b.e) && words::is_time_unit(self.w(b.e)))
                {
                    // "one in a million" with no whole is an idiom, not a measured share.
                    let idiom = matches!(self.w(k.unwrap_or(0)), "a" | "an")
                        && self.noun_after(b.e, true, NounMode::Head).is_none();
                    if !idiom {
                        self.share(fig.s, b.e, fig.value / b.value, "count.ratio", out);
                    }
                    return b.e;
                }
            }
        }
        // Range: "20-30", "20 to 30", "between 20 and 30" ("from 20 to 30" is a change).
        let mut low = fig.value;
        let mut high = fig.value;
        let mut ranged = false;
        let conn = self.w(fig.e);
        let before = self.prev_w(fig.s);
        let hyphen = self.is_p(fig.e, "-")
            && !self.is_p(fig.e + 1, "-")
            && (self.glued(fig.e) == self.glued(fig.e + 1));
        // "52-48", "3-2": a descending pair joined by a hyphen is a score or a vote
        // tally, not a range; it is not reported.
        if hyphen && fig.unit == Unit::None && fig.num.scale == 1.0 {
            if let Some(Parsed::Num(b)) = self.number(fig.e + 1) {
                if !b.ordinal && b.value <= fig.value && b.scale == 1.0 && !self.is_p(b.e, "%") {
                    return b.e;
                }
            }
        }
        // "from 300 to 200", "rose from 5% to 7%": a change between two figures, not a
        // range; "219 to 212": a tally. Both ends are reported separately.
        let to = self.is_word(fig.e) && matches!(conn, "to" | "through" | "thru");
        let change = to
            && (before == "from"
                || is_change_verb(self.prev_w(self.hedge_start(fig.s)))
                || matches!(self.number(fig.e + 1), Some(Parsed::Num(b)) if b.value * b.scale.max(1.0) < fig.num.value && b.scale == fig.num.scale));
        let conn_ok = hyphen
            || (to && !change)
            || (conn == "and" && before == "between")
            || self.is_p(fig.e, "~");
        let mut skip_hedge = false;
        if conn_ok && fig.num.vague.is_none() {
            if let Some(b) = self.figure(fig.e + 1).filter(|b| {
                !b.num.ordinal && !b.num.fraction && b.num.vague.is_none() && !b.skipped
            }) {
                let years = fig.num.plain_int
                    && b.num.plain_int
                    && is_year(fig.value)
                    && (is_year(b.value)
                        || (b.value < 100.0 && b.value > year_in_century(fig.value)));
                let units_ok = fig.unit == b.unit || fig.unit == Unit::None || b.unit == Unit::None;
                if years {
                    // A span of years belongs to the dates extractor.
                    return b.e;
                }
                if units_ok {
                    let unit = if fig.unit == Unit::None {
                        b.unit
                    } else {
                        fig.unit
                    };
                    let mut av = fig.value;
                    let mut ap = fig.precision;
                    // "5 to 7 million": the scale of the second end applies to the first.
                    if fig.num.scale == 1.0
                        && b.num.scale > 1.0
                        && fig.num.value.abs() < b.num.value.abs() / b.num.scale * 1000.0
                    {
                        av *= b.num.scale;
                        ap *= b.num.scale;
                    }
                    if let (Unit::Points, true) = (
                        unit,
                        fig.unit == Unit::None && b.rule == "pp.word" && self.w(b.e - 2) == "basis",
                    ) {
                        av /= 100.0;
                    }
                    low = av.min(b.value);
                    high = av.max(b.value);
                    fig.e = b.e;
                    // "between 20 and 30", "from 20 to 30": the span holds the whole range.
                    if before == "between" && fig.s > 0 {
                        fig.s -= 1;
                    }
                    fig.unit = unit;
                    fig.precision = ap.min(b.precision);
                    fig.value = (low + high) / 2.0;
                    if fig.rule.starts_with("count") && unit == Unit::None {
                        fig.rule = "count.range";
                    } else if fig.rule.starts_with("count") || !b.rule.starts_with("count") {
                        // "10-15%": the rule of the end that carries the unit.
                        fig.rule = b.rule;
                    }
                    ranged = true;
                    skip_hedge = true;
                }
            }
        }
        let mut qualifier = Qualifier::Exact;
        if ranged {
            qualifier = Qualifier::Range;
        } else if let Some((lo, hi)) = fig.num.vague {
            qualifier = Qualifier::Approximate;
            low = lo;
            high = hi;
        } else if fig.num.approx {
            qualifier = Qualifier::Approximate;
            low = fig.value;
            high = fig.value * 1.5;
        }
        // Hedges after: "-plus", "-odd", "or more", "or so".
        let mut e = fig.e;
        let mut hedge: Option<Hedge> = None;
        if self.is_p(e, "-") && self.glued(e) && self.glued(e + 1) {
            match self.w(e + 1) {
                "plus" => {
                    hedge = Some(Hedge::MoreThan);
                    e += 2;
                }
                "odd" => {
                    hedge = Some(Hedge::About);
                    e += 2;
                }
                _ => {}
            }
        } else if self.is_p(e, "+") && self.glued(e) && fig.unit == Unit::None {
            hedge = Some(Hedge::MoreThan);
            e += 1;
        }
        let after_span = e;
        let glued_hedge = hedge.is_some();
        if hedge.is_none() && self.w(e) == "or" {
            hedge = match self.w(e + 1) {
                "more" | "above" | "greater" => Some(Hedge::AtLeast),
                "so" => Some(Hedge::About),
                "less" | "fewer" | "below" => Some(Hedge::AtMost),
                _ => None,
            };
        }
        if hedge.is_none() && !skip_hedge && qualifier == Qualifier::Exact {
            hedge = self.hedge_before(fig.s);
            // "over five years", "under two hours": "over"/"under" as prepositions of time.
            if matches!(self.prev_w(fig.s), "over" | "under")
                && self.is_word(fig.e)
                && words::is_time_unit(self.w(fig.e))
            {
                hedge = None;
            }
        }
        if let Some(h) = hedge {
            if qualifier == Qualifier::Exact {
                let v = fig.value;
                let (q, l, hh) = match h {
                    Hedge::About => (Qualifier::Approximate, 0.9 * v, 1.1 * v),
                    Hedge::Nearly => (Qualifier::Approximate, 0.9 * v, v),
                    Hedge::AtLeast => (Qualifier::AtLeast, v, 1.5 * v),
                    Hedge::MoreThan => (Qualifier::MoreThan, v, 1.5 * v),
                    Hedge::AtMost => (Qualifier::AtMost, 0.0, v),
                    Hedge::LessThan => (Qualifier::LessThan, 0.5 * v, v),
                };
                qualifier = q;
                low = l.min(hh);
                high = l.max(hh);
            }
        }
        // Hyphenated adjective: "four-day" (a duration: not ours), "two-city", "12-cent".
        let mut noun_from = after_span;
        let mut hyphen_noun: Option<String> = None;
        if !glued_hedge
            && self.is_p(after_span, "-")
            && self.glued(after_span)
            && self.glued(after_span + 1)
            && self.is_word(after_span + 1)
        {
            let hw = self.w(after_span + 1);
            if words::is_time_unit(hw) || hw.ends_with("year") || fig.value == 0.0 {
                // "four-day", "30-year-old", "one-time": the dates extractor's.
                let mut k = after_span + 2;
                while self.is_p(k, "-") && self.glued(k) && self.is_word(k + 1) {
                    k += 2;
                }
                return k;
            }
            if fig.unit == Unit::None {
                if let Some((code, f, _)) = words::currency_word(hw, None) {
                    // "12-cent", "one-yen"
                    fig.unit = Unit::Money(code);
                    fig.value *= f;
                    fig.precision *= f;
                    low *= f;
                    high *= f;
                    fig.e = after_span + 2;
                    fig.rule = "money.word";
                    noun_from = fig.e;
                } else if words::is_stop(hw)
                    || matches!(hw, "way" | "fold")
                    || words::fraction(hw).is_some()
                    || words::unit(hw).is_some()
                    || words::ordinal(hw).is_some()
                {
                    // "one-on-one", "three-nought-four"
                    return after_span + 2;
                } else if hw != "strong" {
                    hyphen_noun = Some(words::singular(hw));
                    noun_from = after_span + 2;
                } else {
                    noun_from = after_span + 2;
                }
            }
        }
        let mut span_end = if fig.rule == "money.word" && fig.e > after_span {
            fig.e
        } else {
            after_span
        };
        // "millions of dollars", "hundreds of millions of won": a vague amount of money.
        if fig.num.vague.is_some() && fig.unit == Unit::None && self.w(noun_from) == "of" {
            let cw = self.w(noun_from + 1);
            if let Some((code, f, false)) =
                words::currency_word(cw, None).filter(|_| self.is_word(noun_from + 1))
            {
                fig.unit = Unit::Money(code);
                fig.value *= f;
                fig.precision *= f;
                low *= f;
                high *= f;
                fig.rule = "money.word";
                span_end = noun_from + 2;
                fig.e = span_end;
                noun_from = span_end;
            }
        }

        // Counts that are not figures: years, the pronoun "one", capitalized labels.
        let count = fig.unit == Unit::None;
        let noun = if let Some(h) = hyphen_noun {
            Some(h)
        } else {
            let of = fig.num.vague.is_some()
                || (fig.num.words
                    && self.w(noun_from) == "of"
                    && matches!(self.w(fig.e.saturating_sub(1)), "dozen" | "dozens"));
            let start = if of && self.w(noun_from) == "of" {
                noun_from + 1
            } else {
                noun_from
            };
            let plural = count && (fig.value != 1.0 || ranged || fig.num.vague.is_some());
            let mode = match fig.unit {
                Unit::Percent | Unit::Points => NounMode::Phrase,
                Unit::Money(_) => NounMode::Money,
                Unit::None => NounMode::Head,
            };
            if matches!(fig.unit, Unit::Percent | Unit::Points) {
                // "a 1.6 percent year-on-year increase" (attributive) or "12 percent of
                // voters"; "rose 12 percent overall" has no noun.
                if matches!(self.prev_w(fig.s), "a" | "an" | "the") {
                    self.noun_after(start, false, NounMode::Phrase)
                } else if self.w(start) == "of" {
                    let k = if matches!(self.w(start + 1), "the" | "all" | "its" | "their") {
                        start + 2
                    } else {
                        start + 1
                    };
                    self.noun_after(k, true, NounMode::Head)
                } else {
                    None
                }
            } else if fig.num.words && self.w(fig.e.saturating_sub(1)) == "of" {
                self.noun_after(fig.e, plural, mode)
            } else {
                self.noun_after(start, plural, mode)
            }
        };
        // "magnitude 6.4 earthquake", "a magnitude of 6.8", "a death toll of 188": the
        // measure named before the figure.
        let noun = match self.measure_before(fig.s) {
            Some((m, direct)) if count && (direct || noun.is_none()) => Some(m),
            _ => noun,
        };
        // "175 of the 300 seats": the noun of the whole.
        let noun = match noun {
            None if count && self.w(noun_from) == "of" => {
                let mut k = noun_from + 1;
                if matches!(self.w(k), "the" | "its" | "their" | "all") && self.is_word(k) {
                    k += 1;
                }
                if self.is_num(k) {
                    self.noun_after(k + 1, true, NounMode::Head)
                } else {
                    None
                }
            }
            n => n,
        };
        if count && !ranged && qualifier == Qualifier::Exact {
            if fig.num.plain_int && is_year(fig.value) {
                let plural_noun = noun
                    .as_deref()
                    .is_some_and(|n| words::is_plural(n) || n != words::singular(n));
                let pw = self.prev_w(fig.s);
                let prep = matches!(
                    pw,
                    "the"
                        | "in"
                        | "since"
                        | "of"
                        | "by"
                        | "from"
                        | "until"
                        | "to"
                        | "before"
                        | "after"
                        | "during"
                        | "s"
                        | "year"
                        | "fiscal"
                        | "and"
                        | "or"
                );
                let raw_plural = self.is_word(noun_from) && words::is_plural(self.w(noun_from));
                if prep || !(plural_noun || raw_plural) {
                    return after_span;
                }
            }
            if fig.num.words && fig.value == 1.0 && fig.e == fig.s + 1 {
                let pw = self.prev_w(fig.s);
                let next_is_noun = self.is_word(fig.e)
                    && !words::is_stop(self.w(fig.e))
                    && !self.capitalized(fig.e)
                    && words::unit(self.w(fig.e)).is_none();
                if matches!(
                    pw,
                    "the"
                        | "this"
                        | "that"
                        | "which"
                        | "any"
                        | "every"
                        | "each"
                        | "no"
                        | "no-one"
                        | "someone"
                        | "anyone"
                        | "everyone"
                ) || !next_is_noun
                    || self.w(fig.e) == "of"
                {
                    return fig.e;
                }
            }
            // Digits before a name are an address or a title: "10 Downing Street",
            // "7 World Trade Center" (a people's plural such as "3 Americans" is a count).
            if !fig.num.words
                && noun.is_none()
                && hedge.is_none()
                && self.is_word(noun_from)
                && self.capitalized(noun_from)
                && !self.sentence_initial(noun_from)
                && !words::is_month(self.w(noun_from))
                && !words::is_weekday(self.w(noun_from))
                && !self.title_case(fig.s)
            {
                return after_span;
            }
            // Digits right after a capitalized word mid-sentence are labels: "Boeing 737",
            // "Article 9", "Route 66".
            if !fig.num.words
                && fig.s > 0
                && self.is_word(fig.s - 1)
                && self.raw(fig.s - 1).chars().any(char::is_uppercase)
                && !self.sentence_initial(fig.s - 1)
                && hedge.is_none()
                && !self.title_case(fig.s)
            {
                let pw = self.prev_w(fig.s);
                if !matches!(
                    pw,
                    "about"
                        | "around"
                        | "some"
                        | "nearly"
                        | "almost"
                        | "over"
                        | "under"
                        | "only"
                        | "all"
                ) {
                    return after_span;
                }
            }
        }
        let unit_str = match fig.unit {
            Unit::None => None,
            Unit::Money(c) => Some(c.to_string()),
            Unit::Percent => Some("%".to_string()),
            Unit::Points => Some("pp".to_string()),
        };
        let kind = match fig.unit {
            Unit::None => Kind::Count,
            Unit::Money(_) => Kind::Money,
            Unit::Percent => Kind::Percent,
            Unit::Points => Kind::PercentagePoints,
        };
        let (mut lo, mut hi) = (low, high);
        if qualifier == Qualifier::Exact {
            lo = fig.value;
            hi = fig.value;
        }
        let range = self.range(fig.s, span_end);
        let mut cand = Candidate {
            range: range.clone(),
            kind,
            value: CandidateValue::Quantity(Quantity {
                value: clean(fig.value),
                low: clean(lo.min(hi)),
                high: clean(hi.max(lo)),
                precision: clean(fig.precision),
                unit: unit_str,
            }),
            qualifier,
            noun,
            rule: fig.rule,
            linked: None,
        };
        let mut next = span_end.max(fig.e);
        // Currency conversion in parentheses: "2.14 trillion yuan ($306 billion)".
        if kind == Kind::Money && self.is_p(span_end, "(") {
            let mut k = span_end + 1;
            let mut conv_out = Vec::new();
            let end = self.cardinal_at(k, &mut conv_out);
            if let Some(conv) = conv_out.into_iter().find(|c| c.kind == Kind::Money) {
                // Allow a hedge inside: "(about $1.3 billion)".
                let close = (end..end + 2).find(|&x| self.is_p(x, ")"));
                if let Some(c) = close {
                    let mut conv = conv;
                    conv.rule = "money.conversion";
                    conv.linked = Some(range.clone());
                    cand.linked = Some(conv.range.clone());
                    out.push(cand);
                    out.push(conv);
                    k = c + 1;
                    return k;
                }
            }
        }
        out.push(cand);
        if next <= fig.s {
            next = fig.s + 1;
        }
        next
    }

    /// Reads a cardinal figure starting at or right after a hedge at `i` (used inside
    /// parentheses); returns the token after it.
    fn cardinal_at(&self, i: usize, out: &mut Vec<Candidate>) -> usize {
        for k in i..i + 3 {
            if let Some(f) = self
                .figure(k)
                .filter(|f| !f.num.ordinal && !f.num.fraction && !f.skipped)
            {
                return self.cardinal(f, out);
            }
        }
        i
    }

    /// The first token of the hedge written right before token `s` (or `s`).
    fn hedge_start(&self, s: usize) -> usize {
        // As in `hedge_before`: the word right before `s` first.
        let last = match s.checked_sub(1) {
            Some(k) if self.is_word(k) => self.w(k),
            _ => return s,
        };
        for (phrase, _) in words::HEDGES_BEFORE {
            let n = phrase.len();
            if s >= n
                && phrase.last() == Some(&last)
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(k, p)| self.is_word(s - n + k) && self.w(s - n + k) == *p)
            {
                return s - n;
            }
        }
        s
    }

    /// A measure named right before a count: "magnitude 6.4", "Category 4", or
    /// "a magnitude of 6.8", "a death toll of 188" (a lower-case noun + "of" after a
    /// determiner).
    fn measure_before(&self, s: usize) -> Option<(String, bool)> {
        let s = self.hedge_start(s);
        if s == 0 {
            return None;
        }
        let pw = self.prev_w(s);
        if matches!(
            pw,
            "magnitude" | "category" | "level" | "grade" | "stage" | "phase" | "tier" | "force"
        ) {
            return Some((pw.to_string(), true));
        }
        if pw == "of" && s >= 3 && self.is_word(s - 2) && !self.capitalized(s - 2) {
            let n = self.w(s - 2);
            let det = self.w(s - 3);
            let det_ok = matches!(
                det,
                "a" | "an" | "the" | "its" | "their" | "toll" | "death" | "total"
            ) || (s >= 4
                && matches!(self.w(s - 4), "a" | "an" | "the" | "its" | "their"));
            if det_ok && !words::is_stop(n) && words::unit(n).is_none() && !n.ends_with("ed") {
                return Some((words::singular(n), false));
            }
        }
        None
    }

    /// The hedge written right before token `s`.
    fn hedge_before(&self, s: usize) -> Option<Hedge> {
        // Every phrase ends with the word right before `s` (none is empty, a test says):
        // compare that word first, read once.
        let last = match s.checked_sub(1) {
            Some(k) if self.is_word(k) => self.w(k),
            _ => return None,
        };
        for (phrase, h) in words::HEDGES_BEFORE {
            let n = phrase.len();
            if s < n || phrase.last() != Some(&last) {
                continue;
            }
            if phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.is_word(s - n + k) && self.w(s - n + k) == *p)
            {
                // "over" and "under" as prepositions of time or place are rare before
                // figures; "some" before a figure is "about".
                return Some(*h);
            }
        }
        None
    }

    /// An ordinal figure: ordinal, rank by verb, or rank in a superlative compound.
    fn ordinal(&self, fig: Fig, out: &mut Vec<Candidate>) -> usize {
        let (s, mut e) = (fig.s, fig.e);
        let v = fig.value;
        let words_form = fig.num.words;
        // "second- and third-highest-ranking officials"
        if self.is_p(e, "-")
            && self.glued(e)
            && (matches!(self.w(e + 1), "and" | "or" | "to") || self.is_p(e + 1, ","))
        {
            let mut k = e + 2;
            if self.is_p(e + 1, ",") && matches!(self.w(k), "and" | "or") {
                k += 1;
            }
            if let Some(Parsed::Num(n2)) = self.number(k) {
                if n2.ordinal {
                    if let Some((_, noun)) = self.superlative(n2.e) {
                        self.push_rank(s, e + 1, v, noun, "rank.superlative", out);
                        return e + 1;
                    }
                }
            }
        }
        if let Some((end, noun)) = self.superlative(e) {
            self.push_rank(s, end, v, noun, "rank.superlative", out);
            return end;
        }
        let pw = self.prev_w(s);
        if matches!(
            pw,
            "ranks"
                | "ranked"
                | "rank"
                | "ranking"
                | "placed"
                | "finished"
                | "finishes"
                | "finish"
                | "came"
                | "comes"
                | "come"
                | "stood"
                | "stands"
                | "stand"
                | "place"
        ) {
            let noun = if self.w(e) == "in" {
                let mut k = e + 1;
                if self.w(k) == "the" {
                    k += 1;
                }
                // Skip a possessive: "China's power hierarchy".
                if self.is_word(k) && self.is_p(k + 1, "'") && self.w(k + 2) == "s" {
                    k += 3;
                }
                self.noun_after(k, false, NounMode::Head)
            } else {
                None
            };
            self.push_rank(s, e, v, noun, "rank.ranks", out);
            return e;
        }
        // Word ordinals need an attributive position: a determiner or possessive before,
        // or the start of a sentence; not an adverb ("Lee first met"), not "at first",
        // not the time unit ("a second").
        let w_last = self.w(e.saturating_sub(1));
        if words_form {
            let det = words::is_determiner(pw) || (s > 0 && self.is_p(s - 1, "'"));
            let initial = self.sentence_initial(s);
            // "fourth-quarter", "second-round": a hyphenated compound is attributive.
            let compound =
                self.is_p(e, "-") && self.glued(e) && self.glued(e + 1) && self.is_word(e + 1);
            if !(det || initial || compound) {
                return e;
            }
            if w_last == "second"
                && matches!(pw, "a" | "per" | "one" | "every" | "each")
                && !self.is_word(e)
            {
                return e;
            }
            if pw == "at" || (w_last == "first" && self.w(e) == "of" && self.w(e + 1) == "all") {
                return e;
            }
            if self.is_word(e) && self.w(e).ends_with("ed") && self.w(e).len() > 4 && !det {
                return e;
            }
        }
        // "first-ever visit": the hyphenated intensifier belongs to the ordinal;
        // "fourth-quarter profit": the hyphenated word is the thing counted.
        if self.is_p(e, "-") && self.glued(e) && self.glued(e + 1) && self.w(e + 1) == "ever" {
            e += 2;
        }
        let noun = if self.is_p(e, "-") && self.glued(e) && self.glued(e + 1) && self.is_word(e + 1)
        {
            Some(words::singular(self.w(e + 1)))
        } else {
            self.noun_after(e, false, NounMode::Head)
        };
        if noun.as_deref().is_some_and(words::is_month) {
            return e;
        }
        out.push(Candidate {
            range: self.range(s, e),
            kind: Kind::Ordinal,
            value: CandidateValue::Quantity(Quantity::exact(v, 1.0)),
            qualifier: Qualifier::Exact,
            noun,
            rule: if words_form {
                "ordinal.word"
            } else {
                "ordinal.digits"
            },
            linked: None,
        });
        e
    }

    /// A superlative compound glued to an ordinal at `e`: "-largest", "-highest-ranking".
    /// Returns the end token and the noun ("highest-ranking official").
    fn superlative(&self, e: usize) -> Option<(usize, Option<String>)> {
        let hyphen = self.is_p(e, "-") && self.glued(e) && self.glued(e + 1) && self.is_word(e + 1);
        // "the third largest economy" (spaced): the superlative word starts at `e`.
        let e = if hyphen {
            e
        } else if self.is_word(e) && e > 0 {
            if !is_superlative(self.w(e)) {
                return None;
            }
            e - 1
        } else {
            return None;
        };
        let w = self.w(e + 1);
        let sup = (w.ends_with("est") && w.len() > 4)
            || matches!(
                w,
                "most" | "least" | "biggest" | "top" | "ranking" | "ranked" | "largest"
            );
        if !sup {
            return None;
        }
        let mut k = e + 2;
        let mut parts = vec![w.to_string()];
        while self.is_p(k, "-") && self.glued(k) && self.glued(k + 1) && self.is_word(k + 1) {
            parts.push(self.w(k + 1).to_string());
            k += 2;
        }
        let compound = parts.joined("-");
        let head = self.noun_after(k, false, NounMode::Phrase);
        let noun = match head {
            Some(h) => format!("{compound} {h}"),
            None => compound,
        };
        Some((k, Some(noun)))
    }

    fn push_rank(
        &self,
        s: usize,
        e: usize,
        v: f64,
        noun: Option<String>,
        rule: &'static str,
        out: &mut Vec<Candidate>,
    ) {
        out.push(Candidate {
            range: self.range(s, e),
            kind: Kind::Rank,
            value: CandidateValue::Quantity(Quantity::exact(v, 1.0)),
            qualifier: Qualifier::Exact,
            noun,
            rule,
            linked: None,
        });
    }

    /// The noun phrase right after token `k`: its head noun, lower case and singular
    /// (`Head`), or the whole phrase with its last word singular (`Phrase`, for
    /// percentages and superlatives). `plural` stops at the first plural noun.
    fn noun_after(&self, k: usize, plural: bool, mode: NounMode) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        // "400 more people", "20 other countries", "3 additional ships": skip the quantifier.
        let k = if matches!(
            self.w(k),
            "more" | "other" | "additional" | "further" | "extra"
        ) && self.is_word(k + 1)
            && !words::is_stop(self.w(k + 1))
        {
            k + 1
        } else {
            k
        };
        let mut j = k;
        let mut seen_lower = false;
        while parts.len() < 4 && self.is_word(j) {
            if j > k && !self.toks[j].sp {
                break;
            }
            // A word with glued hyphenated parts: "year-on-year", "state-owned".
            let mut end = j + 1;
            while self.is_p(end, "-")
                && self.glued(end)
                && self.glued(end + 1)
                && self.is_word(end + 1)
            {
                end += 2;
            }
            let w = self
                .lc
                .get(self.toks[j].s()..self.toks[end - 1].e())
                .unwrap_or("");
            if words::is_stop(w)
                || words::unit(w).is_some()
                || words::tens(w).is_some()
                || words::scale(w).is_some()
            {
                break;
            }
            let cap = self.capitalized(j);
            if cap && seen_lower {
                break;
            }
            // "isn't", "don't": a verb.
            if self.is_p(end, "'") && self.glued(end) && self.w(end + 1) == "t" {
                break;
            }
            // "-ed" words after a count are verbs or participles ("the two acknowledged").
            if mode == NounMode::Head
                && w.len() >= 4
                && w.ends_with("ed")
                && !w.as_bytes().contains(&b'-')
                && !matches!(
                    w,
                    "seed" | "need" | "feed" | "speed" | "breed" | "creed" | "weed" | "steed"
                )
            {
                break;
            }
            if mode == NounMode::Money && cap {
                break;
            }
            // A possessive ends the phrase: "Korea's".
            let possessive = self.is_p(end, "'") && self.glued(end);
            parts.push(w.to_string());
            if !cap {
                seen_lower = true;
            }
            j = end;
            if possessive {
                break;
            }
            if plural && !cap && words::is_plural(w) {
                break;
            }
        }
        // Capitalized words without a lower-case noun are names, not nouns, except a
        // lone plural of a people or group: "3 Americans", "two Israelis".
        if !seen_lower {
            return match parts.as_slice() {
                [one]
                    if mode == NounMode::Head
                        && plural
                        && one.len() > 3
                        && one.ends_with('s')
                        && !one.ends_with("ss") =>
                {
                    Some(one[..one.len() - 1].to_string())
                }
                _ => None,
            };
        }
        while parts
            .last()
            .is_some_and(|p| p.ends_with("ly") && mode == NounMode::Head)
        {
            parts.pop();
        }
        let last = parts.pop()?;
        let head = words::singular(&last);
        match mode {
            NounMode::Head | NounMode::Money => Some(head),
            NounMode::Phrase => {
                parts.push(head);
                Some(parts.joined(" "))
            }
        }
    }
}

/// How much of a noun phrase to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounMode {
    /// The head noun only.
    Head,
    /// The whole phrase.
    Phrase,
    /// The head noun of a lower-case phrase (after money).
    Money,
}

/// A placeholder number for skipped token runs.
fn skip_num(s: usize) -> Num {
    Num {
        s,
        e: s,
        value: 0.0,
        precision: 1.0,
        scale: 1.0,
        ordinal: false,
        words: false,
        vague: None,
        approx: false,
        plain_int: false,
        fraction: false,
    }
}

/// A superlative adjective written apart from the ordinal ("largest", "deadliest"),
/// not a noun or verb that happens to end in "-est" ("interest", "protest").
fn is_superlative(w: &str) -> bool {
    let nouns = matches!(
        w,
        "interest"
            | "forest"
            | "protest"
            | "contest"
            | "request"
            | "harvest"
            | "honest"
            | "modest"
            | "arrest"
            | "suggest"
            | "invest"
            | "digest"
            | "manifest"
            | "conquest"
            | "guest"
            | "quest"
            | "behest"
            | "unrest"
            | "inquest"
            | "earnest"
    );
    w.len() > 4 && w.ends_with("est") && !nouns
}

/// The words `Scan::may_start` accepts besides the word tables.
static START_WORDS: WordList = WordList::new(words![
    "a", "an", "half", "quarter", "minus", "negative", "no", "nos", "number", "tens", "u", "rs",
]);

/// Index of a word's first and last letters (both `a..=z`) in [`START_SHAPES`].
fn shape_key(first: u8, last: u8) -> usize {
    usize::from(first.wrapping_sub(b'a')) % 26 * 26 + usize::from(last.wrapping_sub(b'a')) % 26
}

/// For each first and last letter, the lengths (bit `len`) of the ASCII words that may
/// start a figure: every word of the tables `Scan::may_start` consults, and the
/// million-codes ("musd"). A word whose shape is missing cannot start one, which lets
/// the scan skip most words without running the table chain.
static START_SHAPES: LazyLock<[u16; 26 * 26]> = LazyLock::new(|| start_shapes(0));

/// Like [`START_SHAPES`] for the second and the second-to-last letter (of words of two or
/// more letters): a second, independent test that most words passing the first fail.
static INNER_SHAPES: LazyLock<[u16; 26 * 26]> = LazyLock::new(|| start_shapes(1));

/// The shape table of the letters `at` from either end of the start words.
fn start_shapes(at: usize) -> [u16; 26 * 26] {
    let mut t = [0u16; 26 * 26];
    let mut add = |w: &str| {
        let b = w.as_bytes();
        // Entries with other characters ("u.s.", "") never equal a word token.
        let last = b.len().checked_sub(1 + at).and_then(|k| b.get(k));
        if let (Some(&f), Some(&l)) = (b.get(at), last) {
            if b.iter().all(u8::is_ascii_lowercase) && b.len() < 16 {
                t[shape_key(f, l)] |= 1 << b.len();
            }
        }
    };
    let tables = [
        words::UNITS.iter().map(|e| e.0).collect::<Vec<_>>(),
        words::TENS.iter().map(|e| e.0).collect(),
        words::ORDINALS.iter().map(|e| e.0).collect(),
        words::VAGUE.iter().map(|e| e.0).collect(),
        words::DOLLAR_PREFIXES.iter().map(|e| e.0).collect(),
        words::CODES.iter().map(|e| e.0).collect(),
        START_WORDS.to_vec(),
    ];
    for w in tables.iter().flatten() {
        add(w);
    }
    for (c, _) in words::CODES.iter() {
        add(&format!("m{c}"));
    }
    t
}

/// "MUSD", "MEUR": a currency code in millions.
fn million_code(w: &str) -> Option<&'static str> {
    let rest = w.strip_prefix('m')?;
    if rest.len() != 3 {
        return None;
    }
    words::code(rest)
}

/// Rounds binary noise away: 2.14 * 1e12 is 2140000000000, not 2140000000000.000244.
fn clean(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    // Round to 12 significant digits, scaling by an exact power of ten.
    let e = 11 - v.abs().log10().floor() as i32;
    if !(-300..=300).contains(&e) {
        return v;
    }
    let r = if e >= 0 {
        let m = 10f64.powi(e);
        (v * m).round() / m
    } else {
        let m = 10f64.powi(-e);
        (v / m).round() * m
    };
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// Verbs (and "by", "up", "down") after which "X to Y" is a change and a new level, not
/// a range: "fell 12 cents to $3.50", "increased by 2% to 5.1%".
fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "rising"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "falling"
            | "increased"
            | "increase"
            | "increases"
            | "decreased"
            | "decrease"
            | "dropped"
            | "drop"
            | "drops"
            | "climbed"
            | "climb"
            | "jumped"
            | "jump"
            | "declined"
            | "decline"
            | "slipped"
            | "gained"
            | "gain"
            | "lost"
            | "lose"
            | "up"
            | "down"
            | "grew"
            | "grow"
            | "grows"
            | "shrank"
            | "surged"
            | "plunged"
            | "soared"
            | "slumped"
            | "tumbled"
            | "raised"
            | "cut"
            | "lowered"
            | "edged"
            | "added"
            | "shed"
            | "eased"
            | "widened"
            | "narrowed"
            | "by"
            | "sank"
            | "slid"
            | "advanced"
            | "retreated"
    )
}

/// A year-like integer.
fn is_year(v: f64) -> bool {
    (1900.0..=2099.0).contains(&v) && v.fract() == 0.0
}

/// The last two digits of a year ([`is_year`]): `v % 100.0`, in integers (an f64 `%` links
/// libm's `fmod` into the wasm).
fn year_in_century(v: f64) -> f64 {
    ((v as i64) % 100) as f64
}

/// "3/4", "1/2", "2/3": a simple fraction rather than a date ("3/14", "5/17/2018").
fn is_fraction(a: &str, b: &str) -> bool {
    let int = |s: &str| crate::num::parse_uint(s).and_then(|v| u32::try_from(v).ok());
    match (int(a), int(b)) {
        (Some(x), Some(y)) => matches!(y, 2 | 3 | 4 | 5 | 8 | 10) && x < y && x > 0,
        _ => false,
    }
}

/// The unit of a share ("two thirds", "one in five", "3/4"): see [`Quantity::unit`].
const FRACTION_UNIT: &str = "fraction";

/// The precision of a share's decimal value. A fraction is exact to its denominator; its
/// decimal is compared at four places, so "a third" and "one in three" agree while "half"
/// and "two thirds" stay apart (a precision of 1/denominator would let the checker round
/// two thirds to a half).
const FRACTION_PRECISION: f64 = 1e-4;

/// An ordinal from "first" to "ninth", singular or plural ("fifths"), as the last part
/// of a compound denominator ("twenty-fifths"): its value and whether it is plural.
fn ordinal_unit(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(st) if words::ordinal(st).is_some() => (st, true),
        _ => (w, false),
    };
    let (o, scale) = words::ordinal(stem)?;
    (!scale && o < 10.0).then_some((o, plural))
}

/// Verbs that may follow a share ("a third were hurt", "one in five say"): they end the
/// share and are never its whole.
fn is_share_verb(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "say"
            | "said"
            | "says"
            | "support"
            | "supports"
            | "oppose"
            | "opposes"
            | "agree"
            | "agrees"
            | "think"
            | "believe"
            | "do"
            | "did"
            | "does"
            | "live"
            | "lives"
            | "own"
            | "owns"
            | "went"
            | "came"
            | "got"
            | "remain"
            | "remained"
            | "left"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_in_century_is_the_float_remainder_for_every_year() {
        for y in 1900..=2099 {
            let v = f64::from(y);
            assert!(is_year(v));
            assert_eq!(year_in_century(v), v % 100.0, "{y}");
        }
    }
    use crate::extract::rules::EXAMPLE_PUBLISHED;
    use crate::{extract, ExtractOptions};

    #[test]
    fn hedge_phrases_are_not_empty() {
        // `hedge_before` compares each phrase's last word first.
        assert!(words::HEDGES_BEFORE.iter().all(|(p, _)| !p.is_empty()));
    }

    #[test]
    fn start_shapes_cover_every_start_word() {
        // Table entries are plain lower-case words or can never equal a word token.
        let all = words::UNITS
            .iter()
            .map(|e| e.0)
            .chain(words::TENS.iter().map(|e| e.0))
            .chain(words::ORDINALS.iter().map(|e| e.0))
            .chain(words::VAGUE.iter().map(|e| e.0))
            .chain(words::DOLLAR_PREFIXES.iter().map(|e| e.0))
            .chain(words::CODES.iter().map(|e| e.0))
            .chain(START_WORDS.iter().copied());
        for w in all {
            let b = w.as_bytes();
            let plain = !b.is_empty() && b.iter().all(u8::is_ascii_lowercase);
            assert!(
                plain || w.is_empty() || w.chars().any(|c| !c.is_alphabetic()),
                "{w}"
            );
            if plain {
                let key = shape_key(b[0], b[b.len() - 1]);
                assert!(START_SHAPES[key] & (1 << b.len()) != 0, "{w}");
                if b.len() >= 2 {
                    let key = shape_key(b[1], b[b.len() - 2]);
                    assert!(INNER_SHAPES[key] & (1 << b.len()) != 0, "{w}");
                }
            }
        }
        let text = "The quake killed nine and left thousands homeless, the third in a year.";
        let doc = crate::text::Doc::new(text);
        let ctx = Context {
            doc: &doc,
            published: None,
        };
        let s = Scan::new(&ctx);
        let starts: Vec<&str> = (0..s.n())
            .filter(|&i| s.may_start(i))
            .map(|i| s.w(i))
            .collect();
        assert_eq!(starts, ["nine", "thousands", "third", "a"]);
    }

    #[test]
    fn rule_examples_hold() {
        let opts = ExtractOptions::published(EXAMPLE_PUBLISHED);
        let mut failures = Vec::new();
        for rule in RULES {
            assert!(rule.examples.len() >= 2, "{} needs 2+ examples", rule.name);
            for ex in rule.examples {
                let ms = extract(ex.input, &opts).unwrap();
                let ok = ms.iter().any(|m| {
                    m.rule == rule.name && m.text == ex.text && m.display_value() == ex.value
                });
                if !ok {
                    let got: Vec<String> = ms
                        .iter()
                        .map(|m| format!("{:?}={} [{}]", m.text, m.display_value(), m.rule))
                        .collect();
                    failures.push(format!(
                        "{}: {:?} want {:?}={} got {:?}",
                        rule.name, ex.input, ex.text, ex.value, got
                    ));
                }
            }
            for neg in rule.negatives {
                let ms = extract(neg, &opts).unwrap();
                let bad: Vec<String> = ms
                    .iter()
                    .filter(|m| m.kind == rule.kind)
                    .map(|m| format!("{:?}={} [{}]", m.text, m.display_value(), m.rule))
                    .collect();
                if !bad.is_empty() {
                    failures.push(format!("{} negative {:?} found {:?}", rule.name, neg, bad));
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn currency_conversion_is_linked_both_ways() {
        let ms = extract(
            "Trade totaled 2.14 trillion yuan ($306 billion) in 2025.",
            &ExtractOptions::default(),
        )
        .unwrap();
        let money: Vec<_> = ms.iter().filter(|m| m.kind == Kind::Money).collect();
        assert_eq!(money.len(), 2, "{ms:?}");
        let i = ms
            .iter()
            .position(|m| m.text == "2.14 trillion yuan")
            .unwrap();
        let j = ms.iter().position(|m| m.text == "$306 billion").unwrap();
        assert_eq!(ms[i].linked, Some(j));
        assert_eq!(ms[j].linked, Some(i));
    }

    #[test]
    fn hedges_become_intervals_and_precision_follows_the_last_digit() {
        let ms = extract(
            "Around 400 people, 46.9 million viewers and more than 30 firms.",
            &ExtractOptions::default(),
        )
        .unwrap();
        let q = |t: &str| {
            ms.iter()
                .find(|m| m.text == t)
                .and_then(|m| m.value.quantity().cloned())
                .unwrap()
        };
        let a = q("400");
        assert!(
            (a.low - 360.0).abs() < 1e-6 && (a.high - 440.0).abs() < 1e-6,
            "{a:?}"
        );
        assert_eq!(q("46.9 million").precision, 100000.0);
        let m = ms.iter().find(|m| m.text == "30").unwrap();
        assert_eq!(m.qualifier, Qualifier::MoreThan);
        assert_eq!(m.noun.as_deref(), Some("firm"));
    }

    /// Finds `(text, display_value)` pairs of numeric mentions in `input`.
    fn numeric(input: &str) -> Vec<(String, String)> {
        extract(input, &ExtractOptions::published(EXAMPLE_PUBLISHED))
            .unwrap()
            .into_iter()
            .filter(|m| m.kind.is_numeric())
            .map(|m| (m.text.clone(), m.display_value()))
            .collect()
    }

    #[test]
    fn reads_news_figures() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "At least 17 people were killed Saturday, police said.",
                &[("17", ">=17 people")],
            ),
            (
                "Biden won 306 electoral votes to Trump's 232.",
                &[("306", "306 vote"), ("232", "232")],
            ),
            (
                "Republicans won 175 of the 300 seats.",
                &[("175", "175 seat"), ("300", "300 seat")],
            ),
            ("Roughly two-thirds of voters backed the plan.", &[("two-thirds", "~0.666667 fraction voter")]),
            ("The bill passed 52-48 in the Senate.", &[]),
            (
                "Prices rose from 5% to 7% in a year.",
                &[("5%", "5 %"), ("7%", "7 %")],
            ),
            ("Thousands fled the city.", &[("Thousands", "~2000")]),
            (
                "The government allocated Rs 2,000 crore for relief.",
                &[("Rs 2,000 crore", "INR 20000000000")],
            ),
            ("No. 10 Downing Street said so.", &[]),
            ("Only one person died.", &[("one", "1 person")]),
            ("A magnitude 6.4 earthquake hit; the quake had a magnitude of 6.8 according to the CENC.", &[("6.4", "6.4 magnitude"), ("6.8", "6.8 magnitude")]),
            ("Officials reported a death toll of 188.", &[("188", "188 toll")]),
            ("Two-way trade grew.", &[]),
            ("Xi will seek a third term; a third of voters agree.", &[("third", "#3 term"), ("a third", "0.333333 fraction voter")]),
            ("She is the world's number one.", &[("number one", "No. 1")]),
            ("The match ended in a 2-2 draw.", &[]),
            ("About one in three adults is obese.", &[("one in three", "~0.333333 fraction adult")]),
            ("Half of lawmakers and more than half of the 300 seats.", &[("Half", "0.5 fraction lawmaker"), ("half", ">0.5 fraction seat"), ("300", "300 seat")]),
            ("A two-thirds majority; three quarters of respondents; 1 in 5 adults.", &[("two-thirds", "0.666667 fraction majority"), ("three quarters", "0.75 fraction respondent"), ("1 in 5", "0.2 fraction adult")]),
            ("She ate 3/4 of the pie, ½ of it; 2 out of 3 were sold.", &[("3/4", "0.75 fraction pie"), ("½", "0.5 fraction"), ("2 out of 3", "0.666667 fraction")]),
            ("It was the third day; the third was cut; he won a fifth term.", &[("third", "#3 day"), ("third", "#3"), ("fifth", "#5 term")]),
            ("The second half of the year; the past two quarters; two halves.", &[("two", "2 half")]),
            ("The date 3/4/2026 was set; he won 3 in 2025.", &[("3", "3")]),
            ("It is 2½ miles away.", &[("2½", "2.5 mile")]),
            ("He is one in a million; one in a thousand cases fail.", &[("one in a thousand", "0.001 fraction case")]),
            ("Nearly a quarter of homes lost power; only half were counted.", &[("a quarter", "~0.25 fraction home")]),
            ("Third-quarter profit rose, and it ran at a third of capacity.", &[("Third", "#3 quarter"), ("a third", "0.333333 fraction capacity")]),
            ("He lives at 10 Downing Street; 3 Americans and two Israelis were hurt.", &[("3", "3 american"), ("two", "2 israeli")]),
            ("The toll rose to 188 Tuesday.", &[("188", "188")]),
            ("Quake Kills 9, Injures 400 In Northern Japan", &[("9", "9"), ("400", "400")]),
            ("It was his first-ever visit; fourth-quarter profit rose.", &[("first-ever", "#1 visit"), ("fourth", "#4 quarter")]),
            ("Scores of people were hurt; test scores of 85 were reported.", &[("Scores", "~40 people"), ("85", "85")]),
            ("Salaries range from 5k-20k, or $2bn-3bn in all.", &[("5k-20k", "5000-20000"), ("$2bn-3bn", "USD 2000000000-3000000000")]),
            ("Another 400 more people and 20 other countries joined.", &[("400", "400 people"), ("20", "20 country")]),
            ("Apple unveiled iPhone 16 models.", &[]),
            ("It is the world's third largest economy.", &[("third largest", "No. 3 largest economy")]),
            ("Shares rose 45p; the Fed cut by 25bps.", &[("45p", "GBP 0.45"), ("25bps", "0.25 pp")]),
            ("The group raised Rmb5bn from as many as 40 investors.", &[("Rmb5bn", "CNY 5000000000"), ("40", "<=40 investor")]),
            ("The storm caused hundreds of millions of dollars in damage.", &[("hundreds of millions of dollars", "USD ~200000000")]),
            (
                "The magnitude 7.8 quake struck at 4:17 a.m. (0117 GMT).",
                &[("7.8", "7.8 magnitude")],
            ),
            (
                "China's GDP grew 5.2 per cent, while exports fell by 4.6pc.",
                &[("5.2 per cent", "5.2 %"), ("4.6pc", "4.6 %")],
            ),
            (
                "Shares fell 12 cents to $3.50.",
                &[("12 cents", "USD 0.12"), ("$3.50", "USD 3.5")],
            ),
            (
                "Exports increased by 2% to 5.1%.",
                &[("2%", "2 %"), ("5.1%", "5.1 %")],
            ),
            (
                "Officials expect 5 to 7 million visitors.",
                &[("5 to 7 million", "5000000-7000000 visitor")],
            ),
            (
                "It cost three dollars and forty-five cents.",
                &[("three dollars and forty-five cents", "USD 3.45")],
            ),
            (
                "The fund raised £1.2bn from 40-odd investors.",
                &[("£1.2bn", "GBP 1200000000"), ("40-odd", "~40 investor")],
            ),
            (
                "Hundreds of thousands of protesters marched.",
                &[("Hundreds of thousands", "~200000 protester")],
            ),
            (
                "The population is two and a half million.",
                &[("two and a half million", "2500000")],
            ),
        ];
        let mut bad = Vec::new();
        for (input, want) in cases {
            let got = numeric(input);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            if got != want {
                bad.push(format!("{input:?}\n  want {want:?}\n  got  {got:?}"));
            }
        }
        assert!(bad.is_empty(), "\n{}", bad.join("\n"));
        // "over five years" is a period (a duration, or a count of years), never "> 5".
        let got = numeric("The plan would create 10,000 new jobs over five years.");
        assert!(
            got.iter().any(|(t, v)| t == "10,000" && v == "10000 job"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, v)| v.starts_with('>')), "{got:?}");
    }

    #[test]
    fn random_token_soup_does_not_panic() {
        const PIECES: &[&str] = &[
            "1",
            "23",
            "4,567",
            "8.9",
            ".5",
            "-",
            "--",
            "$",
            "US",
            "£",
            "€",
            "₩",
            "元",
            "%",
            " ",
            " ",
            " ",
            "percent",
            "per",
            "cent",
            "million",
            "bn",
            "m",
            "k",
            "No",
            ".",
            ",",
            "(",
            ")",
            "and",
            "a",
            "half",
            "between",
            "to",
            "from",
            "more",
            "than",
            "about",
            "second",
            "-largest",
            "first",
            "twenty",
            "-",
            "one",
            "hundred",
            "thousands",
            "of",
            "people",
            "yuan",
            "won",
            "dollars",
            "cents",
            "'",
            "s",
            ":",
            "/",
            "+",
            "é",
            "\u{301}",
            "🎉",
            "Jan",
            "2026",
            "th",
            "plus",
            "odd",
            "point",
            "five",
            "\n",
            "½",
            "⅔",
            "thirds",
            "quarter",
            "in",
            "out",
            "twenty-first",
            "3/4",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut t = String::new();
            let n = (seed % 12) as usize + 1;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            if t.trim().is_empty() {
                continue;
            }
            let ms = extract(&t, &ExtractOptions::default()).unwrap();
            for m in ms {
                assert_eq!(&t[m.start..m.end], m.text, "{t:?}");
            }
        }
    }

    #[test]
    fn untrusted_text_does_not_panic() {
        for t in [
            "$",
            "No.",
            "- ",
            "a",
            "1,",
            "€€€5",
            "twenty-",
            "second-",
            "(",
            "$(",
            "5 (",
            "1/",
            "₩١٢",
            "٣ people",
            "1\u{301}0 days",
            "US$",
            "U.S.",
            "between 5 and",
            "10 - ",
        ] {
            let _ = extract(t, &ExtractOptions::default()).unwrap();
        }
    }
}
