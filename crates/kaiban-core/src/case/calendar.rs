//! Working days as the registration authority counts them: Monday to Friday, less the public
//! holidays, plus the weekend days worked in exchange (调休). The State Council publishes each
//! year's arrangement; 2026's ships as data (`data/calendar-2026.json`), and a deployment may
//! give its own (`case.calendar` in kaiban.config.json).

use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Where the arrangement comes from.
    #[serde(default)]
    pub source: String,
    /// The last year whose arrangement is in it (one file may list several years' days: a
    /// case received in late December runs into January).
    #[serde(default)]
    pub year: i32,
    /// Days off that would be working days.
    pub holidays: BTreeSet<Date>,
    /// Weekend days that are worked (调休上班).
    pub working_days: BTreeSet<Date>,
}

/// Shipped: the State Council's arrangement for 2026.
pub const CALENDAR_2026: &str = include_str!("../../data/calendar-2026.json");

impl Calendar {
    pub fn china_2026() -> Calendar {
        serde_json::from_str(CALENDAR_2026).expect("data/calendar-2026.json")
    }

    /// Whether the arrangement reaches `day`'s year (beyond it, holidays are unknown and only
    /// weekends are days off).
    pub fn covers(&self, day: Date) -> bool {
        day.year <= self.year
    }

    pub fn is_working_day(&self, day: Date) -> bool {
        if self.working_days.contains(&day) {
            return true;
        }
        !day.is_weekend() && !self.holidays.contains(&day)
    }

    /// The `n`th working day after `day` (`n` = 0: `day` itself if it is one, else the next).
    pub fn add_working_days(&self, day: Date, n: u32) -> Date {
        let mut at = day.days_since_epoch();
        let mut left = n;
        if n == 0 {
            while !self.is_working_day(Date::from_days_since_epoch(at)) {
                at += 1;
            }
            return Date::from_days_since_epoch(at);
        }
        while left > 0 {
            at += 1;
            if self.is_working_day(Date::from_days_since_epoch(at)) {
                left -= 1;
            }
        }
        Date::from_days_since_epoch(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn the_2026_arrangement_as_published() {
        let c = Calendar::china_2026();
        assert_eq!(c.holidays.len(), 33);
        for off in [
            "2026-01-01",
            "2026-02-16",
            "2026-04-06",
            "2026-05-05",
            "2026-06-19",
            "2026-10-07",
        ] {
            assert!(!c.is_working_day(d(off)), "{off} is a holiday");
        }
        for worked in [
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10",
        ] {
            assert!(c.is_working_day(d(worked)), "{worked} is worked (调休)");
        }
        assert!(!c.is_working_day(d("2026-12-05")) && c.is_working_day(d("2026-12-04")));
    }

    /// Weekends, holidays and worked weekend days, each crossed.
    #[test]
    fn working_days_are_counted_across_weekends_holidays_and_worked_weekends() {
        let c = Calendar::china_2026();
        // Friday + 1 → Monday.
        assert_eq!(c.add_working_days(d("2026-12-04"), 1), d("2026-12-07"));
        // Thursday 2026-09-24 + 3: Fri 25, Sat 26, Sun 27 off (中秋); Mon 28, Tue 29, Wed 30.
        assert_eq!(c.add_working_days(d("2026-09-24"), 3), d("2026-09-30"));
        // Saturday 2026-09-19 + 1: Sunday 20 is worked.
        assert_eq!(c.add_working_days(d("2026-09-19"), 1), d("2026-09-20"));
        // Before the Spring Festival: Friday 13 Feb + 1 → Saturday 14 (worked); + 2 → Tuesday 24.
        assert_eq!(c.add_working_days(d("2026-02-13"), 1), d("2026-02-14"));
        assert_eq!(c.add_working_days(d("2026-02-13"), 2), d("2026-02-24"));
        // National Day: Wednesday 30 Sep + 1 → Thursday 8 Oct; + 3 → Saturday 10 (worked).
        assert_eq!(c.add_working_days(d("2026-09-30"), 1), d("2026-10-08"));
        assert_eq!(c.add_working_days(d("2026-09-30"), 3), d("2026-10-10"));
        // Zero: today if it is a working day, else the next one.
        assert_eq!(c.add_working_days(d("2026-05-01"), 0), d("2026-05-06"));
        assert_eq!(
            Calendar::default().add_working_days(d("2026-05-01"), 0),
            d("2026-05-01")
        );
    }
}
