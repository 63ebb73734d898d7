//! Money is integer fen (0.01 元) everywhere; 万元 exists only as text at the edges.

use crate::text::Bi;

/// 1 万元 in fen.
pub const FEN_PER_WAN: u64 = 1_000_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    TooManyDecimals,
    TooLarge,
}

impl MoneyError {
    pub fn message(&self) -> Bi {
        match self {
            MoneyError::Empty => Bi::new("请输入金额", "Enter an amount"),
            MoneyError::NotANumber => Bi::new(
                "金额只能包含数字和一个小数点，例如 100 或 12.5",
                "Use digits and at most one decimal point, for example 100 or 12.5",
            ),
            MoneyError::TooManyDecimals => Bi::new(
                "以万元为单位时最多保留6位小数（精确到分）",
                "In 万元 (10,000 yuan) use at most 6 decimal places (down to the fen)",
            ),
            MoneyError::TooLarge => Bi::new("金额过大", "The amount is too large"),
        }
    }
}

/// Parses an amount typed in 万元 ("12.5", "１００", "1,000") into fen, exactly.
pub fn parse_wan(input: &str) -> Result<u64, MoneyError> {
    parse_scaled(input, 6)
}

/// Parses an amount typed in 元 ("1", "0.5") into fen, exactly.
pub fn parse_yuan(input: &str) -> Result<u64, MoneyError> {
    parse_scaled(input, 2)
}

/// Formats fen as 元 with only the decimals it needs ("1", "0.5").
pub fn format_yuan_plain(fen: u64) -> String {
    match fen % 100 {
        0 => (fen / 100).to_string(),
        cents => format!(
            "{}.{}",
            fen / 100,
            format!("{cents:02}").trim_end_matches('0')
        ),
    }
}

/// Parses a decimal with at most `decimals` places into an integer count of the smallest
/// unit (e.g. a percentage with 4 decimals into millionths).
pub fn parse_decimal(input: &str, decimals: usize) -> Result<u64, MoneyError> {
    parse_scaled(input, decimals)
}

/// `decimals` is how many decimal places of the unit reach down to the fen (6 for 万元, 2 for 元).
fn parse_scaled(input: &str, decimals: usize) -> Result<u64, MoneyError> {
    let text: String = crate::ids::normalise(input)
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text.as_str(), ""),
    };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits_only(whole) || !digits_only(frac) {
        return Err(MoneyError::NotANumber);
    }
    if frac.len() > decimals {
        return Err(MoneyError::TooManyDecimals);
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let frac_fen: u64 = format!("{frac:0<decimals$}").parse().unwrap_or(0);
    whole
        .checked_mul(10u64.pow(decimals as u32))
        .and_then(|v| v.checked_add(frac_fen))
        .ok_or(MoneyError::TooLarge)
}

/// Formats fen as 万元 with only the decimals it needs ("100", "12.5", "0.000001").
pub fn format_wan(fen: u64) -> String {
    let whole = fen / FEN_PER_WAN;
    let frac = fen % FEN_PER_WAN;
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:06}");
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

/// Formats fen as 元 with thousands separators and two decimals ("1,000,000.00").
pub fn format_yuan(fen: u64) -> String {
    let yuan = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{grouped}.{:02}", fen % 100)
}

/// Share of `part` in `total` in millionths (1,000,000 = 100 %), rounded half up.
pub fn share_millionths(part: u64, total: u64) -> u32 {
    if total == 0 {
        return 0;
    }
    ((part as u128 * 1_000_000 + total as u128 / 2) / total as u128) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wan_round_trips_exactly() {
        assert_eq!(parse_wan("100"), Ok(100 * FEN_PER_WAN));
        assert_eq!(parse_wan("12.5"), Ok(12_500_000));
        assert_eq!(parse_wan("0.000001"), Ok(1));
        assert_eq!(
            parse_wan("１，０００".replace('，', ",").as_str()),
            Ok(1000 * FEN_PER_WAN)
        );
        assert_eq!(format_wan(12_500_000), "12.5");
        assert_eq!(format_wan(1), "0.000001");
        assert_eq!(format_wan(100 * FEN_PER_WAN), "100");
    }

    #[test]
    fn wan_rejects_bad_text() {
        assert_eq!(parse_wan(""), Err(MoneyError::Empty));
        assert_eq!(parse_wan("1.2.3"), Err(MoneyError::NotANumber));
        assert_eq!(parse_wan("abc"), Err(MoneyError::NotANumber));
        assert_eq!(parse_wan("-5"), Err(MoneyError::NotANumber));
        assert_eq!(parse_wan("1.0000001"), Err(MoneyError::TooManyDecimals));
        assert_eq!(parse_wan("99999999999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn yuan_parses_to_fen() {
        assert_eq!(parse_yuan("1"), Ok(100));
        assert_eq!(parse_yuan("0.5"), Ok(50));
        assert_eq!(parse_yuan("0.001"), Err(MoneyError::TooManyDecimals));
        assert_eq!(format_yuan_plain(150), "1.5");
        assert_eq!(format_yuan_plain(100), "1");
    }

    #[test]
    fn yuan_is_grouped() {
        assert_eq!(format_yuan(100_000_000), "1,000,000.00");
        assert_eq!(format_yuan(5), "0.05");
    }

    #[test]
    fn shares_are_in_millionths() {
        assert_eq!(share_millionths(1, 3), 333_333);
        assert_eq!(share_millionths(2, 3), 666_667);
        assert_eq!(share_millionths(0, 0), 0);
    }
}
