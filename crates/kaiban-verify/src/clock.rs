//! The system clock as UTC dates and RFC 3339 timestamps (calendar maths in kaiban-core).

use kaiban_core::date::{rfc3339_utc, Date};

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

pub fn today_utc() -> Date {
    Date::from_days_since_epoch((now_secs() / 86_400) as i64)
}

pub fn rfc3339(secs: u64) -> String {
    rfc3339_utc(secs as i64)
}

pub fn now_rfc3339() -> String {
    rfc3339(now_secs())
}

pub fn unix_now() -> u64 {
    now_secs()
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_known_instants() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_767_225_600), "2026-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(951_782_400 + 86_399), "2000-02-29T23:59:59Z");
    }
}
