//! Calendar arithmetic for the date scanner (on [`crate::civil::Date`]): completing partial
//! dates from the publication date, resolving weekdays, ISO weeks, and TIMEX strings.

use crate::civil::Date;

/// A date from parts, `None` if it does not exist.
pub(super) fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
}

/// `d` plus `n` days, `None` on overflow.
pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.add_days(n)
}

/// `d` plus `n` months (clamped to the month's last day).
pub(super) fn add_months(d: Date, n: i64) -> Option<Date> {
    d.add_months(n)
}

/// ISO weekday of a date, Monday 1 .. Sunday 7.
pub(super) fn iso_weekday(d: Date) -> u8 {
    d.weekday()
}

/// The Monday of the ISO week of `d`.
pub(super) fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -(i64::from(iso_weekday(d)) - 1))
}

/// The weekday `wd` in the week `weeks` weeks from the week of `anchor`.
pub(super) fn weekday_in_week(anchor: Date, wd: u8, weeks: i64) -> Option<Date> {
    let mon = monday_of(anchor)?;
    add_days(mon, weeks * 7 + i64::from(wd) - 1)
}

/// The weekday `wd` nearest `anchor` on the past side (the anchor itself if it is that
/// weekday), or on the future side when `future`.
pub(super) fn resolve_weekday(anchor: Date, wd: u8, future: bool) -> Option<Date> {
    let a = i64::from(iso_weekday(anchor));
    let w = i64::from(wd);
    if future {
        add_days(anchor, (w - a).rem_euclid(7))
    } else {
        add_days(anchor, -(a - w).rem_euclid(7))
    }
}

/// Completes a month-day without a year: the year that puts it nearest `anchor`
/// (ties to the past).
pub(super) fn nearest_year(anchor: Date, m: u8, d: u8) -> Option<Date> {
    let y = i32::from(anchor.year());
    let mut best: Option<(i64, Date)> = None;
    for yy in [y - 1, y, y + 1] {
        if let Some(c) = ymd(yy, m, d) {
            let dist = days_between(anchor, c).abs();
            let dist = dist.saturating_mul(2).saturating_add(i64::from(c > anchor));
            if best.is_none_or_lt(dist) {
                best = Some((dist, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// Completes a month without a year: the most recent such month (this month counts)
/// when it is at most eight months back, else the next one; the next one when `future`.
pub(super) fn month_year(anchor: Date, m: u8, future: bool) -> i32 {
    let y = i32::from(anchor.year());
    let cur = anchor.month() as u8;
    if future {
        if m >= cur {
            y
        } else {
            y + 1
        }
    } else {
        // Reports look back: the most recent such month unless it is more than eight
        // months ago ("resume in February" written in January is next month).
        let back = (i32::from(cur) - i32::from(m)).rem_euclid(12);
        if back <= 8 {
            if m <= cur {
                y
            } else {
                y - 1
            }
        } else if m >= cur {
            y
        } else {
            y + 1
        }
    }
}

/// The last day of a month.
pub(super) fn month_end(y: i32, m: u8) -> Option<Date> {
    ymd(y, m, 1).map(|d| d.last_of_month())
}

/// ISO `YYYY-MM-DD`.
pub(super) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// TIMEX of an ISO week: "2026-W02".
pub(super) fn week_timex(d: Date) -> String {
    let (year, week) = d.iso_week();
    format!("{year:04}-W{week:02}")
}

/// Days from `a` to `b`.
pub(super) fn days_between(a: Date, b: Date) -> i64 {
    a.days_until(b)
}

/// `Option::is_none_or` for the crate's minimum Rust version.
trait NoneOrLt {
    fn is_none_or_lt(&self, dist: i64) -> bool;
}

impl NoneOrLt for Option<(i64, Date)> {
    fn is_none_or_lt(&self, dist: i64) -> bool {
        self.map_or(true, |(b, _)| dist < b)
    }
}

/// TIMEX of a range: "(2025-01-01,2025-12-01,P11M)".
pub(super) fn range_timex(a: &str, b: &str, dur: &str) -> String {
    format!("({a},{b},{dur})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_lean_past_or_future() {
        let wed = ymd(2026, 1, 7).unwrap();
        assert_eq!(iso(resolve_weekday(wed, 2, false).unwrap()), "2026-01-06");
        assert_eq!(iso(resolve_weekday(wed, 3, false).unwrap()), "2026-01-07");
        assert_eq!(iso(resolve_weekday(wed, 4, false).unwrap()), "2026-01-01");
        assert_eq!(iso(resolve_weekday(wed, 2, true).unwrap()), "2026-01-13");
        assert_eq!(iso(resolve_weekday(wed, 3, true).unwrap()), "2026-01-07");
        assert_eq!(week_timex(wed), "2026-W02");
    }

    #[test]
    fn partial_dates_complete_near_the_anchor() {
        let jan7 = ymd(2026, 1, 7).unwrap();
        assert_eq!(iso(nearest_year(jan7, 12, 30).unwrap()), "2025-12-30");
        assert_eq!(iso(nearest_year(jan7, 1, 6).unwrap()), "2026-01-06");
        assert_eq!(iso(nearest_year(jan7, 3, 1).unwrap()), "2026-03-01");
        assert_eq!(month_year(jan7, 11, false), 2025);
        assert_eq!(month_year(jan7, 6, false), 2025);
        assert_eq!(month_year(jan7, 2, false), 2026);
        assert_eq!(month_year(jan7, 1, false), 2026);
        assert_eq!(month_year(jan7, 11, true), 2026);
    }
}
