//! Tokens and word tables for the date scanner: splits the normalized text into words,
//! digit runs and single punctuation marks (with byte offsets), and names the calendar
//! words (months, weekdays, number words, units, time zones) the matchers look for.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cls {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One other non-space character.
    Punct,
}

/// One token of the normalized text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// First byte in the normalized text (32 bits: tokens are many, texts are far smaller).
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it is made of.
    pub cls: Cls,
    /// Whitespace precedes it.
    pub gap: bool,
    /// Its first character is upper case.
    pub upper: bool,
}

/// The class of the char at byte `i` (a char boundary) and its length:
/// 0 space, 1 ASCII digit, 2 letter, 3 anything else; and whether it is upper case.
#[inline]
fn class_at(text: &str, i: usize) -> (u8, usize, bool) {
    let b = text.as_bytes().get(i).copied().unwrap_or(b' ');
    if b < 0x80 {
        let c = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 0,
            b'0'..=b'9' => 1,
            b'a'..=b'z' | b'A'..=b'Z' => 2,
            _ => 3,
        };
        return (c, 1, b.is_ascii_uppercase());
    }
    let ch = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
    let c = if ch.is_whitespace() {
        0
    } else if ch.is_alphabetic() {
        2
    } else {
        3
    };
    (c, ch.len_utf8(), ch.is_uppercase())
}

/// Class of each ASCII byte as in `class_at` (0 space, 1 digit, 2 letter, 3 other);
/// 4 marks a byte >= 0x80, which needs the full char.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [4u8; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 0,
            b'0'..=b'9' => 1,
            b'a'..=b'z' | b'A'..=b'Z' => 2,
            _ => 3,
        };
        b += 1;
    }
    t
};

/// Splits `text` into tokens. Letters and digits never share a token ("12th" is "12" "th").
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let class = |b: u8| ASCII_CLASS[usize::from(b)];
    let mut toks = Vec::with_capacity(n / 5);
    let mut gap = true;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let (c, len, upper) = match class(b) {
            4 => class_at(text, i),
            c => (c, 1, b.is_ascii_uppercase()),
        };
        if c == 0 {
            gap = true;
            i += len;
            continue;
        }
        let start = i;
        i += len;
        match c {
            1 => {
                while i < n && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            2 => loop {
                while i < n && class(bytes[i]) == 2 {
                    i += 1;
                }
                if i < n && bytes[i] >= 0x80 {
                    let (c2, len2, _) = class_at(text, i);
                    if c2 == 2 {
                        i += len2;
                        continue;
                    }
                }
                break;
            },
            _ => {}
        }
        toks.push(Tok {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(i).unwrap_or(u32::MAX),
            cls: match c {
                1 => Cls::Num,
                2 => Cls::Word,
                _ => Cls::Punct,
            },
            gap,
            upper,
        });
        gap = false;
    }
    toks
}

impl Tok {
    /// First byte in the normalized text.
    #[inline]
    pub fn s(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    #[inline]
    pub fn e(&self) -> usize {
        self.end as usize
    }
}

/// Month number of a month name or abbreviation (lower case).
pub(super) fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" | "febr" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for a full month name (not an abbreviation).
pub(super) fn is_full_month(w: &str) -> bool {
    w.len() >= 5 || matches!(w, "may" | "june" | "july")
}

/// ISO weekday number (Monday 1 .. Sunday 7) of a weekday name; the second value is
/// true for a full name ("tuesday"), false for an abbreviation ("tue").
pub(super) fn weekday(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "monday" => (1, true),
        "mon" => (1, false),
        "tuesday" => (2, true),
        "tue" | "tues" => (2, false),
        "wednesday" => (3, true),
        "wed" => (3, false),
        "thursday" => (4, true),
        "thu" | "thur" | "thurs" => (4, false),
        "friday" => (5, true),
        "fri" => (5, false),
        "saturday" => (6, true),
        "sat" => (6, false),
        "sunday" => (7, true),
        "sun" => (7, false),
        _ => return None,
    })
}

/// Lower-case weekday name of an ISO weekday number.
pub(super) fn weekday_name(n: u8) -> &'static str {
    match n {
        1 => "monday",
        2 => "tuesday",
        3 => "wednesday",
        4 => "thursday",
        5 => "friday",
        6 => "saturday",
        _ => "sunday",
    }
}

/// Value of a cardinal number word up to ninety.
pub(super) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Value of an ordinal word up to "thirty-first" (its last part: "first" .. "thirtieth").
pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A calendar or clock unit a duration counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Two weeks.
    Fortnight,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    /// The unit name used in [`crate::model::DurationValue::unit`].
    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week | Unit::Fortnight => "week",
            Unit::Month | Unit::Quarter => "month",
            Unit::Year | Unit::Decade | Unit::Century => "year",
        }
    }

    /// How many of [`Unit::name`] one of this unit is (a decade is 10 years).
    pub fn factor(self) -> f64 {
        match self {
            Unit::Fortnight => 2.0,
            Unit::Quarter => 3.0,
            Unit::Decade => 10.0,
            Unit::Century => 100.0,
            _ => 1.0,
        }
    }

    /// Seconds in one of this unit (months 30 days, years 365 days).
    pub fn seconds(self) -> f64 {
        const DAY: f64 = 86_400.0;
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
            Unit::Day => DAY,
            Unit::Week => 7.0 * DAY,
            Unit::Fortnight => 14.0 * DAY,
            Unit::Month => 30.0 * DAY,
            Unit::Quarter => 90.0 * DAY,
            Unit::Year => 365.0 * DAY,
            Unit::Decade => 3650.0 * DAY,
            Unit::Century => 36500.0 * DAY,
        }
    }

    /// TIMEX designator after `P` (with `T` for clock units).
    pub fn designator(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week | Unit::Fortnight => "W",
            Unit::Month | Unit::Quarter => "M",
            Unit::Year | Unit::Decade | Unit::Century => "Y",
        }
    }

    /// True for hours, minutes and seconds (`PT...`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// The unit named by a word; `glued` is true when the word follows a digit directly
/// ("3h"), which allows one-letter abbreviations.
pub(super) fn unit(w: &str, glued: bool) -> Option<Unit> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => Unit::Second,
        "minute" | "minutes" | "min" | "mins" => Unit::Minute,
        "hour" | "hours" | "hr" | "hrs" => Unit::Hour,
        "h" if glued => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" | "wk" | "wks" => Unit::Week,
        "fortnight" | "fortnights" => Unit::Fortnight,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" | "yr" | "yrs" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// A time zone word or abbreviation (upper case as written) and its UTC offset in minutes.
pub(super) fn zone(w: &str) -> Option<(&'static str, Option<i32>)> {
    Some(match w {
        "GMT" => ("GMT", Some(0)),
        "UTC" => ("UTC", Some(0)),
        "Z" | "Zulu" => ("UTC", Some(0)),
        "KST" => ("KST", Some(540)),
        "JST" => ("JST", Some(540)),
        "CST" => ("CST", Some(480)),
        "HKT" => ("HKT", Some(480)),
        "SGT" => ("SGT", Some(480)),
        "PHT" | "PHST" => ("PHT", Some(480)),
        "AWST" => ("AWST", Some(480)),
        "ICT" => ("ICT", Some(420)),
        "WIB" => ("WIB", Some(420)),
        "IST" => ("IST", Some(330)),
        "PKT" => ("PKT", Some(300)),
        "MSK" => ("MSK", Some(180)),
        "EAT" => ("EAT", Some(180)),
        "EET" => ("EET", Some(120)),
        "EEST" => ("EEST", Some(180)),
        "CET" => ("CET", Some(60)),
        "CEST" => ("CEST", Some(120)),
        "WAT" => ("WAT", Some(60)),
        "BST" => ("BST", Some(60)),
        "WET" => ("WET", Some(0)),
        "AEST" => ("AEST", Some(600)),
        "AEDT" => ("AEDT", Some(660)),
        "NZST" => ("NZST", Some(720)),
        "NZDT" => ("NZDT", Some(780)),
        "EST" => ("EST", Some(-300)),
        "EDT" => ("EDT", Some(-240)),
        "CDT" => ("CDT", Some(-300)),
        "MST" => ("MST", Some(-420)),
        "MDT" => ("MDT", Some(-360)),
        "PST" => ("PST", Some(-480)),
        "PDT" => ("PDT", Some(-420)),
        "AKST" => ("AKST", Some(-540)),
        "HST" => ("HST", Some(-600)),
        "ET" => ("ET", None),
        "PT" => ("PT", None),
        _ => return None,
    })
}

/// A city or country whose "<name> time" names a zone, with its UTC offset in minutes.
pub(super) fn place_time(w: &str) -> Option<(&'static str, i32)> {
    Some(match w {
        "beijing" => ("Beijing time", 480),
        "china" => ("Beijing time", 480),
        "seoul" | "korea" | "korean" => ("Seoul time", 540),
        "tokyo" | "japan" => ("Tokyo time", 540),
        "pyongyang" => ("Pyongyang time", 540),
        "taipei" => ("Taipei time", 480),
        "london" => ("London time", 0),
        "moscow" => ("Moscow time", 180),
        "delhi" | "india" => ("India time", 330),
        "greenwich" => ("GMT", 0),
        _ => return None,
    })
}

/// Part-of-day word and its TIMEX code.
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" | "overnight" => "TNI",
        _ => return None,
    })
}
