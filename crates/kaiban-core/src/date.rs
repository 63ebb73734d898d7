//! A calendar date without time zone. Hand-written instead of `chrono`/`time` so the wasm
//! bundle carries only the few operations the rules need.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError;

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a calendar date in the form YYYY-MM-DD")
    }
}

impl std::error::Error for DateError {}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Same month and day `years` later; 29 February falls back to 28 February, which is how
    /// "within five years of establishment" is counted for a leap-day establishment.
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year + years;
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// Full years between `self` (a birth date) and `on`.
    pub fn full_years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    /// Saturday or Sunday. (1970-01-01 was a Thursday: (days + 4) % 7 is 0 on Sundays and 6
    /// on Saturdays.)
    pub fn is_weekend(self) -> bool {
        matches!((self.days_since_epoch() + 4).rem_euclid(7), 0 | 6)
    }

    pub fn days_since_epoch(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.day as i64 - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (yoe + era * 400 + i64::from(month <= 2)) as i32,
            month,
            day,
        }
    }

    /// Parses the compact `YYYYMMDD` form used inside identity numbers.
    pub fn from_compact(digits: &str) -> Option<Date> {
        if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year = digits[0..4].parse().ok()?;
        let month = digits[4..6].parse().ok()?;
        let day = digits[6..8].parse().ok()?;
        Date::new(year, month, day)
    }
}

/// Seconds since the Unix epoch of an RFC 3339 UTC timestamp `YYYY-MM-DDTHH:MM:SSZ` (a
/// fraction of a second is allowed and dropped). Only `Z`: every Kaiban timestamp is UTC.
pub fn unix_seconds_utc(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[b.len() - 1] != b'Z' {
        return None;
    }
    let date: Date = text.get(..10)?.parse().ok()?;
    let field = |range: std::ops::Range<usize>, max: i64| -> Option<i64> {
        let digits = text.get(range)?;
        let value: i64 = digits
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| digits.parse().ok())??;
        (value <= max).then_some(value)
    };
    let (h, m, s) = (field(11..13, 23)?, field(14..16, 59)?, field(17..19, 59)?);
    let rest = &text[19..text.len() - 1];
    if !rest.is_empty() {
        let fraction = rest.strip_prefix('.')?;
        if fraction.is_empty()
            || fraction.len() > 9
            || !fraction.bytes().all(|c| c.is_ascii_digit())
        {
            return None;
        }
    }
    Some(date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + s)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of `secs` since the Unix epoch.
pub fn rfc3339_utc(secs: i64) -> String {
    let date = Date::from_days_since_epoch(secs.div_euclid(86_400));
    let rest = secs.rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// An RFC 3339 UTC instant as Beijing time reads it (UTC+8, no daylight saving), the time a
/// registrar's deadlines are set in: `2026-12-03 16:19`. The last second of a day shows as that
/// day's 24:00, as a deadline "by the end of the day" (当日24时) is said. Text that is not such
/// an instant is returned as it is.
pub fn beijing_time(rfc3339: &str) -> String {
    const BEIJING: i64 = 8 * 3600;
    let Some(secs) = unix_seconds_utc(rfc3339) else {
        return rfc3339.to_string();
    };
    let local = secs + BEIJING;
    if local.rem_euclid(86_400) == 86_399 {
        let day = Date::from_days_since_epoch(local.div_euclid(86_400));
        return format!("{day} 24:00");
    }
    let text = rfc3339_utc(local);
    format!("{} {}", &text[..10], &text[11..16])
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError);
        }
        let compact: String = [&s[0..4], &s[5..7], &s[8..10]].concat();
        Date::from_compact(&compact).ok_or(DateError)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time_is_eight_hours_ahead_and_a_day_ends_at_24() {
        assert_eq!(beijing_time("2026-12-03T08:19:40Z"), "2026-12-03 16:19");
        assert_eq!(beijing_time("2026-12-03T16:30:00Z"), "2026-12-04 00:30");
        assert_eq!(beijing_time("2026-12-31T15:59:59Z"), "2026-12-31 24:00");
        assert_eq!(beijing_time("2026-12-31T16:00:00Z"), "2027-01-01 00:00");
        assert_eq!(beijing_time("yesterday"), "yesterday");
    }

    #[test]
    fn utc_timestamps_count_seconds_since_the_epoch() {
        assert_eq!(unix_seconds_utc("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            unix_seconds_utc("2026-01-01T00:00:00Z"),
            Some(1_767_225_600)
        );
        assert_eq!(
            unix_seconds_utc("2000-02-29T23:59:59.123Z"),
            Some(951_868_799)
        );
        for secs in [0, 951_868_799, 1_767_225_600, 4_102_444_799] {
            assert_eq!(unix_seconds_utc(&rfc3339_utc(secs)), Some(secs));
        }
        assert_eq!(rfc3339_utc(1_767_225_600), "2026-01-01T00:00:00Z");
        for bad in [
            "2026-01-01",
            "2026-01-01T00:00:00",
            "2026-01-01T24:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-01-01T00:00:00+08:00",
            "2026-01-01T00:00:00.Z",
            "2026-01-01T0a:00:00Z",
        ] {
            assert_eq!(unix_seconds_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2023-2-01".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
    }

    #[test]
    fn leap_day_plus_years_falls_back_to_february_28() {
        let d = Date::new(2024, 2, 29).unwrap();
        assert_eq!(d.add_years(5), Date::new(2029, 2, 28).unwrap());
        assert_eq!(d.add_years(4), Date::new(2028, 2, 29).unwrap());
    }

    #[test]
    fn age_counts_full_years() {
        let born = Date::new(2007, 6, 1).unwrap();
        assert_eq!(born.full_years_until(Date::new(2025, 6, 1).unwrap()), 18);
        assert_eq!(born.full_years_until(Date::new(2025, 5, 31).unwrap()), 17);
    }
}
