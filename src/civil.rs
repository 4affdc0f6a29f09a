//! Proleptic Gregorian calendar dates: construction, weekdays, day/month arithmetic, ISO
//! weeks and `YYYY-MM-DD` text, for years -9999..=9999.
//!
//! Replaces the `jiff` crate, of which the library used only this much (jiff cost the wasm
//! module ~64 KB of code and ~30 KB of strings). The arithmetic is Howard Hinnant's
//! days-from-civil / civil-from-days, integer only; every operation that can leave the
//! supported range returns `None` instead of panicking. A differential test below checks
//! it against jiff day by day.

use std::fmt;
use std::str::FromStr;

/// Smallest supported year.
const MIN_YEAR: i64 = -9999;
/// Largest supported year.
const MAX_YEAR: i64 = 9999;
/// Largest month count `jiff::Span` accepts (19,998 years).
const MAX_SPAN_MONTHS: i64 = 239_976;
/// Largest year count `jiff::Span` accepts.
const MAX_SPAN_YEARS: i64 = 19_998;
/// Largest week count `jiff::Span` accepts.
const MAX_SPAN_WEEKS: i64 = 1_043_497;
/// Largest day count `jiff::Span` accepts (the length of the supported range).
const MAX_SPAN_DAYS: i64 = 7_304_484;

/// A calendar day in the proleptic Gregorian calendar, years -9999..=9999.
///
/// Ordered chronologically; displayed as `YYYY-MM-DD` (`-00YYYY-MM-DD` before year 0).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
    // Field order makes the derived `Ord` chronological.
    year: i16,
    month: i8,
    day: i8,
}

/// Whether `y` is a leap year.
fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` (1..=12) of year `y`.
fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a year/month/day (month 1..=12, day 1..=31; any year that
/// fits the supported range many times over).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year/month/day of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// ISO weekday (Monday 1 .. Sunday 7) of a day count since 1970-01-01 (a Thursday).
fn weekday_of_days(z: i64) -> i8 {
    // 1..=7 always fits.
    (z + 3).rem_euclid(7) as i8 + 1
}

/// Monday of ISO week 1 of ISO year `y`, as days since 1970-01-01: the week with Jan 4.
fn iso_week_one(y: i64) -> i64 {
    let jan4 = days_from_civil(y, 1, 4);
    jan4 - i64::from(weekday_of_days(jan4) - 1)
}

/// Whether ISO year `y` has 53 weeks.
fn has_53_weeks(y: i64) -> bool {
    iso_week_one(y + 1) - iso_week_one(y) == 53 * 7
}

impl Date {
    /// The first supported day, -9999-01-01.
    pub const MIN: Date = Date {
        year: -9999,
        month: 1,
        day: 1,
    };
    /// The last supported day, 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date `year-month-day`, `None` if it does not exist or is out of range.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Date> {
        let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
        let ok = (MIN_YEAR..=MAX_YEAR).contains(&y)
            && (1..=12).contains(&m)
            && d >= 1
            && d <= days_in_month(y, m);
        ok.then_some(Date { year, month, day })
    }

    /// The date of a day count since 1970-01-01, `None` out of range.
    fn from_days(z: i64) -> Option<Date> {
        if !(Date::MIN.days()..=Date::MAX.days()).contains(&z) {
            return None;
        }
        let (y, m, d) = civil_from_days(z);
        Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(self) -> i8 {
        self.month
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> i8 {
        self.day
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The last day of this date's month.
    pub fn last_of_month(self) -> Date {
        let last = days_in_month(i64::from(self.year), i64::from(self.month));
        Date {
            // 28..=31 always fits.
            day: last as i8,
            ..self
        }
    }

    /// ISO weekday: Monday 1 .. Sunday 7.
    pub fn weekday(self) -> u8 {
        // 1..=7 always fits.
        weekday_of_days(self.days()) as u8
    }

    /// This date plus `n` days (negative goes back), `None` out of range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        self.add_span(0, 0, 0, n)
    }

    /// This date plus `n` months, the day clamped to the new month's length
    /// (Jan 31 + 1 month = Feb 28 or 29), `None` out of range.
    pub fn add_months(self, n: i64) -> Option<Date> {
        self.add_span(0, n, 0, 0)
    }

    /// This date plus a calendar span, as jiff adds a `Span` of one sign: years and months
    /// first (the day clamped to the month's length), then weeks and days. `None` out of
    /// range, or when a count exceeds what a jiff `Span` holds.
    pub fn add_span(self, years: i64, months: i64, weeks: i64, days: i64) -> Option<Date> {
        if years.unsigned_abs() > MAX_SPAN_YEARS as u64
            || months.unsigned_abs() > MAX_SPAN_MONTHS as u64
            || weeks.unsigned_abs() > MAX_SPAN_WEEKS as u64
            || days.unsigned_abs() > MAX_SPAN_DAYS as u64
        {
            return None;
        }
        let base = if years == 0 && months == 0 {
            self
        } else {
            // All counts are bounded above, so none of this overflows an i64.
            let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
            let y = total.div_euclid(12) + years;
            let m = total.rem_euclid(12) + 1;
            if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
                return None;
            }
            let d = i64::from(self.day).min(days_in_month(y, m));
            Date::new(
                i16::try_from(y).ok()?,
                i8::try_from(m).ok()?,
                i8::try_from(d).ok()?,
            )?
        };
        if weeks == 0 && days == 0 {
            return Some(base);
        }
        Date::from_days(base.days() + weeks * 7 + days)
    }

    /// Days from this date to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days() - self.days()
    }

    /// The `nth` weekday `weekday` (Monday 1 .. Sunday 7) of this date's month; negative
    /// `nth` counts from the month's end (-1 is the last). `None` when `nth` is 0, the
    /// weekday is not 1..=7, or the month has no such day.
    pub fn nth_weekday_of_month(self, nth: i8, weekday: u8) -> Option<Date> {
        if !(1..=7).contains(&weekday) {
            return None;
        }
        let wd = i64::from(weekday);
        let day = match nth {
            0 => return None,
            n if n > 0 => {
                let first = i64::from(self.first_of_month().weekday());
                1 + (wd - first).rem_euclid(7) + 7 * (i64::from(n) - 1)
            }
            n => {
                let last = self.last_of_month();
                let lw = i64::from(last.weekday());
                i64::from(last.day) - (lw - wd).rem_euclid(7) - 7 * (-i64::from(n) - 1)
            }
        };
        Date::new(self.year, self.month, i8::try_from(day).ok()?)
    }

    /// The ISO week-numbering year and week (1..=53) of this date.
    pub fn iso_week(self) -> (i16, i8) {
        let z = self.days();
        // The Thursday of this date's week decides the ISO year.
        let thu = z + 4 - i64::from(weekday_of_days(z));
        let (y, _, _) = civil_from_days(thu);
        let week = (thu - iso_week_one(y)) / 7 + 1;
        // The Thursday lies within a year of a supported date, weeks are 1..=53.
        (y as i16, week as i8)
    }

    /// The day of ISO `year`, `week` (1..=53) and `weekday` (Monday 1 .. Sunday 7), `None`
    /// when the year has no such week or the day is out of range.
    pub fn from_iso_week(year: i16, week: i8, weekday: u8) -> Option<Date> {
        let y = i64::from(year);
        let ok = (MIN_YEAR..=MAX_YEAR).contains(&y)
            && (1..=7).contains(&weekday)
            && ((1..=52).contains(&week) || week == 53 && has_53_weeks(y));
        if !ok {
            return None;
        }
        Date::from_days(iso_week_one(y) + 7 * (i64::from(week) - 1) + i64::from(weekday) - 1)
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`; years before 0 as `-00YYYY-MM-DD` (ISO 8601 expanded, as jiff prints).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            f.write_str("-00")?;
        }
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year.unsigned_abs(),
            self.month,
            self.day
        )
    }
}

/// Why a string is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError;

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a date in YYYY-MM-DD form")
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for Date {
    type Err = ParseDateError;

    /// Reads what [`Display`](fmt::Display) writes: `YYYY-MM-DD`, or `+YYYYYY-MM-DD` /
    /// `-YYYYYY-MM-DD` (not `-000000`).
    fn from_str(s: &str) -> Result<Date, ParseDateError> {
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let digits = b.get(r)?;
            digits.iter().try_fold(0i64, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
            })
        };
        let parse = || -> Option<Date> {
            let (y, rest) = match b.first()? {
                b'+' => (num(1..7)?, 7),
                b'-' => (-num(1..7)?, 7),
                _ => (num(0..4)?, 4),
            };
            if b.get(rest) != Some(&b'-') || b.get(rest + 3) != Some(&b'-') || b.len() != rest + 6 {
                return None;
            }
            if y == 0 && b.first() == Some(&b'-') {
                return None;
            }
            let m = num(rest + 1..rest + 3)?;
            let d = num(rest + 4..rest + 6)?;
            Date::new(
                i16::try_from(y).ok()?,
                i8::try_from(m).ok()?,
                i8::try_from(d).ok()?,
            )
        };
        parse().ok_or(ParseDateError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, dd: i8) -> Date {
        Date::new(y, m, dd).expect("valid test date")
    }

    #[test]
    fn construction_rejects_days_that_do_not_exist() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 0, 1).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
        assert!(Date::new(-10000, 1, 1).is_none());
        assert!(Date::new(10000, 1, 1).is_none());
        assert!(Date::new(i16::MIN, i8::MIN, i8::MIN).is_none());
    }

    #[test]
    fn arithmetic_clamps_months_and_stops_at_the_range_ends() {
        assert_eq!(d(2024, 1, 31).add_months(1), Some(d(2024, 2, 29)));
        assert_eq!(d(2023, 1, 31).add_months(1), Some(d(2023, 2, 28)));
        assert_eq!(d(2026, 3, 31).add_months(-1), Some(d(2026, 2, 28)));
        assert_eq!(d(2026, 1, 7).add_days(-7), Some(d(2025, 12, 31)));
        assert_eq!(d(2026, 1, 7).weekday(), 3);
        assert_eq!(Date::MAX.add_days(1), None);
        assert_eq!(Date::MIN.add_days(-1), None);
        assert_eq!(Date::MIN.add_days(i64::MAX), None);
        assert_eq!(Date::MAX.add_months(i64::MIN), None);
        assert_eq!(Date::MIN.days_until(Date::MAX), MAX_SPAN_DAYS - 1);
        assert_eq!(
            d(2026, 3, 1).nth_weekday_of_month(-1, 4),
            Some(d(2026, 3, 26))
        );
        assert_eq!(
            d(2026, 3, 1).nth_weekday_of_month(5, 1),
            Some(d(2026, 3, 30))
        );
        assert_eq!(d(2026, 3, 1).nth_weekday_of_month(5, 4), None);
        assert_eq!(d(2026, 1, 1).iso_week(), (2026, 1));
        assert_eq!(d(2027, 1, 1).iso_week(), (2026, 53));
        assert_eq!(Date::from_iso_week(2026, 53, 1), Some(d(2026, 12, 28)));
        assert_eq!(Date::from_iso_week(2025, 53, 1), None);
        assert_eq!(d(2026, 1, 6).to_string(), "2026-01-06");
        assert_eq!(d(-44, 3, 15).to_string(), "-000044-03-15");
        assert_eq!("2026-01-06".parse(), Ok(d(2026, 1, 6)));
        assert_eq!("2026-1-6".parse::<Date>(), Err(ParseDateError));
    }

    /// Our date as a jiff date, for the differential test.
    fn to_jiff(x: Date) -> jiff::civil::Date {
        jiff::civil::Date::new(x.year(), x.month(), x.day()).expect("in jiff's range")
    }

    /// A jiff date as ours.
    fn from_jiff(x: jiff::civil::Date) -> Date {
        Date::new(x.year(), x.month(), x.day()).expect("in our range")
    }

    /// jiff's `d + n` of one unit, as ours.
    fn jiff_add(x: Date, span: Result<jiff::Span, jiff::Error>) -> Option<Date> {
        let span = span.ok()?;
        to_jiff(x).checked_add(span).ok().map(from_jiff)
    }

    /// Every operation on `x` agrees with jiff.
    fn check_against_jiff(x: Date) {
        let j = to_jiff(x);
        assert_eq!(x.weekday(), j.weekday().to_monday_one_offset() as u8, "{x}");
        for n in [1i64, -1, 7, -7, 400, -400, 1_000_000, -7_304_484, 7_304_485] {
            let want = jiff_add(x, jiff::Span::new().try_days(n));
            assert_eq!(x.add_days(n), want, "{x} + {n} days");
            if let Some(y) = want {
                assert_eq!(x.days_until(y), n, "{x} until {y}");
                let jd = j.until(to_jiff(y)).expect("in range").get_days();
                assert_eq!(x.days_until(y), i64::from(jd), "{x} until {y}");
            }
        }
        for n in [1i64, -1, 13, -13, 239_976, -239_977] {
            let want = jiff_add(x, jiff::Span::new().try_months(n));
            assert_eq!(x.add_months(n), want, "{x} + {n} months");
        }
        let (y, m, w, dd) = (2i64, 3i64, 1i64, 21i64);
        for s in [1i64, -1] {
            let span = jiff::Span::new()
                .try_years(y * s)
                .and_then(|p| p.try_months(m * s))
                .and_then(|p| p.try_weeks(w * s))
                .and_then(|p| p.try_days(dd * s));
            let want = jiff_add(x, span);
            assert_eq!(
                x.add_span(y * s, m * s, w * s, dd * s),
                want,
                "{x} span {s}"
            );
        }
        let iw = j.iso_week_date();
        assert_eq!(x.iso_week(), (iw.year(), iw.week()), "{x} ISO week");
        assert_eq!(x.first_of_month(), from_jiff(j.first_of_month()));
        assert_eq!(x.last_of_month(), from_jiff(j.last_of_month()));
        let text = x.to_string();
        assert_eq!(text, j.to_string());
        assert_eq!(text.parse(), Ok(x));
    }

    #[test]
    fn agrees_with_jiff_every_day_1900_to_2100() {
        let mut x = d(1900, 1, 1);
        let end = d(2100, 12, 31);
        let mut n = 0;
        while x <= end {
            check_against_jiff(x);
            n += 1;
            match x.add_days(1) {
                Some(next) => x = next,
                None => break,
            }
        }
        assert_eq!(n, 73_414);
    }

    #[test]
    fn agrees_with_jiff_far_outside() {
        // Every 97th day across the whole range, plus the days next to both ends.
        let mut x = Date::MIN;
        while let Some(next) = x.add_days(97) {
            check_against_jiff(x);
            x = next;
        }
        for x in [
            Date::MIN,
            Date::MAX,
            d(-9999, 1, 31),
            d(-1, 12, 31),
            d(0, 1, 1),
            d(0, 2, 29),
            d(9999, 12, 1),
            d(9999, 2, 28),
        ] {
            check_against_jiff(x);
        }
    }

    #[test]
    fn nth_weekdays_agree_with_jiff() {
        for y in (1890..2110).chain([-9999, 0, 9999]) {
            for m in 1..=12 {
                let x = d(y, m, 1);
                for nth in -6..=6 {
                    for wd in 1..=7u8 {
                        let jwd = jiff::civil::Weekday::from_monday_one_offset(wd as i8)
                            .expect("valid weekday");
                        let want = to_jiff(x).nth_weekday_of_month(nth, jwd).ok();
                        let got = x.nth_weekday_of_month(nth, wd);
                        assert_eq!(got, want.map(from_jiff), "{x} {nth} {wd}");
                    }
                }
            }
        }
    }

    #[test]
    fn iso_weeks_agree_with_jiff() {
        for y in -9999..=9999i16 {
            for w in [0i8, 1, 2, 52, 53, 54] {
                for wd in [1u8, 7] {
                    let jwd = jiff::civil::Weekday::from_monday_one_offset(wd as i8)
                        .expect("valid weekday");
                    let want = jiff::civil::ISOWeekDate::new(y, w, jwd).ok();
                    let got = Date::from_iso_week(y, w, wd);
                    assert_eq!(got, want.map(|iw| from_jiff(iw.date())), "{y}-W{w}-{wd}");
                }
            }
        }
    }

    #[test]
    fn parsing_agrees_with_jiff_on_its_own_form() {
        for s in [
            "2026-01-06",
            "-000044-03-15",
            "+002026-01-06",
            "-000000-01-01",
            "2023-02-29",
            "2026-13-01",
            "2026-01-6",
            "2026-01-06x",
            "",
            "+",
            "-",
            "10000-01-01",
        ] {
            let ours = s.parse::<Date>().ok();
            let theirs = s.parse::<jiff::civil::Date>().ok().map(from_jiff);
            assert_eq!(ours, theirs, "{s:?}");
        }
    }
}
