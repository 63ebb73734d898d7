use super::{first_bad_char, normalise, IdError};
use std::fmt;
use std::str::FromStr;

/// Second and third digits of allocated public mobile segments. Segment lists change, so a
/// number outside them is only worth a warning ([`MobileNumber::in_known_segment`]).
const KNOWN_SEGMENTS: [&str; 45] = [
    "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "45", "47", "49", "50", "51", "52",
    "53", "55", "56", "57", "58", "59", "62", "65", "66", "67", "70", "71", "72", "73", "74", "75",
    "76", "77", "78", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89",
];
const KNOWN_SEGMENTS_9X: [&str; 9] = ["90", "91", "92", "93", "95", "96", "97", "98", "99"];

/// A mainland China mobile number (11 digits starting 13–19), without country prefix.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MobileNumber(String);

impl MobileNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn in_known_segment(&self) -> bool {
        let seg = &self.0[1..3];
        KNOWN_SEGMENTS.contains(&seg) || KNOWN_SEGMENTS_9X.contains(&seg)
    }
}

impl FromStr for MobileNumber {
    type Err = IdError;
    fn from_str(input: &str) -> Result<MobileNumber, IdError> {
        let mut text: String = normalise(input).chars().filter(|c| *c != '-').collect();
        if let Some(rest) = text
            .strip_prefix("+86")
            .or_else(|| text.strip_prefix("0086"))
        {
            text = rest.to_string();
        }
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if let Some(err) = first_bad_char(&text, |_, c| c.is_ascii_digit()) {
            return Err(err);
        }
        if text.len() != 11 {
            return Err(IdError::Length {
                expected: "11",
                got: text.len(),
            });
        }
        if !text.starts_with('1') || !(b'3'..=b'9').contains(&text.as_bytes()[1]) {
            return Err(IdError::Prefix {
                expected: "13–19"
            });
        }
        Ok(MobileNumber(text))
    }
}

impl fmt::Display for MobileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_vectors() {
        for ok in [
            "13812345678",
            "15985011234",
            "17685118888",
            "18908510000",
            "19985101234",
            "+86 138-5101-2345",
            "008615885112233",
        ] {
            let m: MobileNumber = ok.parse().unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert!(m.in_known_segment(), "{ok}");
        }
        assert_eq!(
            "+86 138-5101-2345"
                .parse::<MobileNumber>()
                .unwrap()
                .as_str(),
            "13851012345"
        );
        assert!(matches!(
            "12812345678".parse::<MobileNumber>(),
            Err(IdError::Prefix { .. })
        ));
        assert!(matches!(
            "1381234567".parse::<MobileNumber>(),
            Err(IdError::Length { .. })
        ));
        assert!(matches!(
            "138123456789".parse::<MobileNumber>(),
            Err(IdError::Length { .. })
        ));
        assert!(matches!(
            "23812345678".parse::<MobileNumber>(),
            Err(IdError::Prefix { .. })
        ));
        assert!(matches!(
            "1381234567a".parse::<MobileNumber>(),
            Err(IdError::Character { found: 'a', .. })
        ));
        assert!(!"14012345678"
            .parse::<MobileNumber>()
            .unwrap()
            .in_known_segment());
        assert!(!"15412345678"
            .parse::<MobileNumber>()
            .unwrap()
            .in_known_segment());
    }
}
