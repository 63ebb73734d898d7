//! The clocks a case runs against (e程监督): acceptance (受理) and the decision (审核决定),
//! each with the district's promised limit and the statutory one (市场主体登记管理条例 Art 19:
//! decided within 3 working days, extendable once by 3), counted in working days of the
//! calendar and ending at the end of that day in China (UTC+8). Each shows a flag: green when
//! done within the promise, white while running on time, yellow within the warning window
//! before the deadline, red when overdue, and stopped when the applicant withdrew the case
//! before the registrar had done it (nobody did it, on time or late).

use super::{Calendar, Case, Stage};
use crate::date::{rfc3339_utc, unix_seconds_utc, Date};
use crate::text::Bi;
use serde::{Deserialize, Serialize};

/// A limit in working days, or (for demonstrations and tests) in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Limit {
    WorkingDays(u32),
    Seconds(u64),
}

/// The deployment's limits (`case.limits` in kaiban.config.json).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Limits {
    /// 受理, promised: by the end of the day the application arrives (the next working day's
    /// if it arrives on a day off).
    pub acceptance: Limit,
    /// The decision, promised by the district: 1 working day.
    pub decision_promised: Limit,
    /// The decision, by law: 3 working days.
    pub decision_statutory: Limit,
    /// What one extension adds to the statutory limit: 3 working days.
    pub extension: Limit,
    /// How long before a deadline a running clock turns yellow.
    pub warning_seconds: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            acceptance: Limit::WorkingDays(0),
            decision_promised: Limit::WorkingDays(1),
            decision_statutory: Limit::WorkingDays(3),
            extension: Limit::WorkingDays(3),
            warning_seconds: 4 * 3600,
        }
    }
}

/// China Standard Time, UTC+8: a working day ends at 24:00 there.
const CHINA: i64 = 8 * 3600;

impl Limit {
    /// The deadline of a clock started at `start` (seconds since the epoch).
    fn deadline(self, start: i64, calendar: &Calendar) -> i64 {
        match self {
            Limit::Seconds(s) => start + s as i64,
            Limit::WorkingDays(n) => {
                let local_day = Date::from_days_since_epoch((start + CHINA).div_euclid(86_400));
                let day = calendar.add_working_days(local_day, n);
                (day.days_since_epoch() + 1) * 86_400 - CHINA - 1
            }
        }
    }

    /// This limit with `more` added (working days to working days; otherwise seconds, a
    /// working day counted as a day).
    fn plus(self, more: Limit) -> Limit {
        match (self, more) {
            (Limit::WorkingDays(a), Limit::WorkingDays(b)) => Limit::WorkingDays(a + b),
            (a, b) => Limit::Seconds(a.seconds() + b.seconds()),
        }
    }

    fn seconds(self) -> u64 {
        match self {
            Limit::Seconds(s) => s,
            Limit::WorkingDays(n) => n as u64 * 86_400,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Done within the promise.
    Green,
    /// Running, on time.
    White,
    /// Running, within the warning window.
    Yellow,
    /// Overdue (running past the promise, or done after it).
    Red,
    /// Stopped by the applicant's withdrawal before the registrar had done it, within the
    /// promise (a withdrawal after the promise had passed leaves it red).
    Stopped,
}

impl Flag {
    pub fn label(self) -> Bi {
        match self {
            Flag::Green => Bi::new("按时办结", "Done on time"),
            Flag::White => Bi::new("正常办理", "On time"),
            Flag::Yellow => Bi::new("即将到期", "Due soon"),
            Flag::Red => Bi::new("已超期", "Overdue"),
            Flag::Stopped => Bi::new("已撤回，停止计时", "Withdrawn: clock stopped"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// 受理
    Acceptance,
    /// 审核决定
    Decision,
}

impl ClockKind {
    pub fn label(self) -> Bi {
        match self {
            ClockKind::Acceptance => Bi::new("受理", "Acceptance"),
            ClockKind::Decision => Bi::new("审核决定", "Decision"),
        }
    }
}

/// One clock of a case, as the console and the applicant's timeline show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageClock {
    pub kind: ClockKind,
    pub started: String,
    /// The district's promise.
    pub promised_by: String,
    /// The law's limit (with the extension, if granted).
    pub statutory_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    pub flag: Flag,
    /// Past the statutory limit (running or done).
    pub statutory_overdue: bool,
}

/// How a clock ended: done by the registrar, or stopped by a withdrawal.
#[derive(Clone, Copy)]
struct End {
    at: i64,
    withdrawn: bool,
}

fn flag(end: Option<End>, deadline: i64, now: i64, warning: u64) -> Flag {
    match end {
        Some(End { at, .. }) if at > deadline => Flag::Red,
        Some(End {
            withdrawn: true, ..
        }) => Flag::Stopped,
        Some(_) => Flag::Green,
        None if now > deadline => Flag::Red,
        None if now + warning as i64 > deadline => Flag::Yellow,
        None => Flag::White,
    }
}

/// The clocks of `case` at `now` (seconds since the epoch): acceptance, then the decision.
pub fn clocks(case: &Case, limits: &Limits, calendar: &Calendar, now: i64) -> Vec<StageClock> {
    let Some(received) = case.events.first().and_then(|e| unix_seconds_utc(&e.at)) else {
        return Vec::new();
    };
    let first_after = |done: fn(Stage) -> bool| {
        case.events.iter().find(|e| done(e.stage)).and_then(|e| {
            Some(End {
                at: unix_seconds_utc(&e.at)?,
                withdrawn: e.stage == Stage::Withdrawn,
            })
        })
    };
    let accepted = first_after(|s| s != Stage::Received);
    let decided = first_after(Stage::is_decided);
    let statutory = if case.extended() {
        limits.decision_statutory.plus(limits.extension)
    } else {
        limits.decision_statutory
    };
    let clock = |kind, promised: Limit, statutory: Limit, end: Option<End>| {
        let promised_by = promised.deadline(received, calendar);
        let statutory_by = statutory.deadline(received, calendar);
        StageClock {
            kind,
            started: rfc3339_utc(received),
            promised_by: rfc3339_utc(promised_by),
            statutory_by: rfc3339_utc(statutory_by),
            finished: end.map(|e| rfc3339_utc(e.at)),
            flag: flag(end, promised_by, now, limits.warning_seconds),
            statutory_overdue: end.map_or(now, |e| e.at) > statutory_by,
        }
    };
    vec![
        clock(
            ClockKind::Acceptance,
            limits.acceptance,
            statutory,
            accepted,
        ),
        clock(
            ClockKind::Decision,
            limits.decision_promised,
            statutory,
            decided,
        ),
    ]
}

/// The worst flag of a case's clocks (what the console sorts by). A withdrawn case with no
/// late clock reads stopped, not done on time.
pub fn worst(clocks: &[StageClock]) -> Flag {
    let rank = |f: Flag| match f {
        Flag::Red => 4,
        Flag::Yellow => 3,
        Flag::White => 2,
        Flag::Stopped => 1,
        Flag::Green => 0,
    };
    clocks
        .iter()
        .map(|c| c.flag)
        .max_by_key(|f| rank(*f))
        .unwrap_or(Flag::Green)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Action;

    fn at(text: &str) -> i64 {
        unix_seconds_utc(text).unwrap()
    }

    /// Submitted Thursday 2026-09-24 10:00 China time (02:00Z), before the 中秋 weekend.
    fn case() -> Case {
        Case::received("2026-09-24T02:00:00Z".into())
    }

    #[test]
    fn deadlines_end_with_the_working_day_in_china() {
        let c = Calendar::china_2026();
        let limits = Limits::default();
        let clocks = clocks(&case(), &limits, &c, at("2026-09-24T03:00:00Z"));
        // Acceptance: by the end of that Thursday (24:00 +08:00 = 15:59:59Z).
        assert_eq!(clocks[0].promised_by, "2026-09-24T15:59:59Z");
        // Decision: promised 1 working day → Monday 28 (Fri–Sun off); law 3 → Wednesday 30.
        assert_eq!(clocks[1].promised_by, "2026-09-28T15:59:59Z");
        assert_eq!(clocks[1].statutory_by, "2026-09-30T15:59:59Z");
        // Extended once: 3 more working days, across National Day → Saturday 10 Oct (worked).
        let mut extended = case();
        extended
            .apply(Action::Accept, "2026-09-24T03:00:00Z".into(), vec![])
            .unwrap();
        extended
            .apply(Action::Extend, "2026-09-24T04:00:00Z".into(), vec![])
            .unwrap();
        let after = super::clocks(&extended, &limits, &c, at("2026-09-24T05:00:00Z"));
        assert_eq!(after[1].statutory_by, "2026-10-10T15:59:59Z");
        // A submission at 23:30 China time on a Friday counts from that Friday.
        let late = Case::received("2026-12-04T15:30:00Z".into());
        assert_eq!(
            super::clocks(&late, &limits, &c, 0)[1].promised_by,
            "2026-12-07T15:59:59Z"
        );
    }

    #[test]
    fn a_withdrawal_stops_the_clocks_it_ends_and_is_not_done_on_time() {
        let c = Calendar::china_2026();
        let limits = Limits::default();
        let flags = |events: &[(Action, &str)]| {
            let mut case = case();
            for (action, at) in events {
                case.apply(*action, (*at).into(), vec![]).unwrap();
            }
            let clocks = super::clocks(&case, &limits, &c, at("2026-10-20T00:00:00Z"));
            (clocks[0].flag, clocks[1].flag, worst(&clocks))
        };
        // Withdrawn before acceptance: both clocks stopped, and so the case.
        assert_eq!(
            flags(&[(Action::Withdraw, "2026-09-24T03:00:00Z")]),
            (Flag::Stopped, Flag::Stopped, Flag::Stopped)
        );
        // Accepted on time, withdrawn in review: acceptance done on time, the decision stopped.
        assert_eq!(
            flags(&[
                (Action::Accept, "2026-09-24T03:00:00Z"),
                (Action::Withdraw, "2026-09-25T03:00:00Z"),
            ]),
            (Flag::Green, Flag::Stopped, Flag::Stopped)
        );
        // Withdrawn after the promise had passed: the district was late all the same.
        assert_eq!(
            flags(&[
                (Action::Accept, "2026-09-24T03:00:00Z"),
                (Action::Withdraw, "2026-09-29T03:00:00Z"),
            ]),
            (Flag::Green, Flag::Red, Flag::Red)
        );
        // A decision is still done on time.
        assert_eq!(
            flags(&[
                (Action::Accept, "2026-09-24T03:00:00Z"),
                (Action::StartReview, "2026-09-24T04:00:00Z"),
                (Action::Approve, "2026-09-24T05:00:00Z"),
            ]),
            (Flag::Green, Flag::Green, Flag::Green)
        );
    }

    #[test]
    fn flags_turn_at_their_boundaries() {
        let c = Calendar::china_2026();
        let limits = Limits::default();
        let deadline = at("2026-09-28T15:59:59Z");
        let decision = |now: i64| super::clocks(&case(), &limits, &c, now)[1].flag;
        assert_eq!(decision(deadline - 4 * 3600), Flag::White);
        assert_eq!(decision(deadline - 4 * 3600 + 1), Flag::Yellow);
        assert_eq!(decision(deadline), Flag::Yellow);
        assert_eq!(decision(deadline + 1), Flag::Red);
        let decided = |when: i64| {
            let mut done = case();
            done.apply(Action::Accept, rfc3339_utc(when - 2), vec![])
                .unwrap();
            done.apply(Action::StartReview, rfc3339_utc(when - 1), vec![])
                .unwrap();
            done.apply(Action::Approve, rfc3339_utc(when), vec![])
                .unwrap();
            super::clocks(&done, &limits, &c, when + 86_400 * 10)[1].clone()
        };
        assert_eq!(decided(deadline).flag, Flag::Green);
        assert_eq!(decided(deadline + 1).flag, Flag::Red);
        assert!(!decided(deadline + 1).statutory_overdue);
        assert!(decided(at("2026-09-30T16:00:00Z")).statutory_overdue);
        // A limit in seconds (tests, demonstrations).
        let quick = Limits {
            acceptance: Limit::Seconds(30),
            warning_seconds: 10,
            ..Limits::default()
        };
        let received = at("2026-09-24T02:00:00Z");
        let acceptance = |now| super::clocks(&case(), &quick, &c, now)[0].flag;
        assert_eq!(acceptance(received + 19), Flag::White);
        assert_eq!(acceptance(received + 21), Flag::Yellow);
        assert_eq!(acceptance(received + 31), Flag::Red);
        assert_eq!(
            worst(&super::clocks(&case(), &quick, &c, received + 31)),
            Flag::Red
        );
    }
}
