use super::{first_bad_char, normalise, IdError, OrgCode};
use std::fmt;
use std::str::FromStr;

/// GB 32100-2015 charset: digits and capitals without I, O, S, V, Z.
pub(crate) const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Registration department (position 1) and the institution categories it may use (position 2).
const DEPARTMENTS: [(char, &str); 9] = [
    ('1', "1239"),
    ('5', "1239"),
    ('9', "123"),
    ('A', "19"),
    ('N', "12349"),
    ('Y', "1"),
    ('6', "129"),
    ('7', "129"),
    ('8', "19"),
];

/// An 18-character unified social credit code (统一社会信用代码), check character verified.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CreditCode(String);

fn value(c: char) -> u32 {
    CHARSET.find(c).expect("charset checked") as u32
}

pub(crate) fn check_character(first17: &str) -> char {
    const WEIGHTS: [u32; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| value(c) * w)
        .sum();
    let check = (31 - sum % 31) % 31;
    CHARSET.as_bytes()[check as usize] as char
}

impl CreditCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Positions 3–8: the registering authority's division code. Development zones use local
    /// codes outside GB/T 2260, so it is deliberately not checked against the division list.
    pub fn authority_division(&self) -> &str {
        &self.0[2..8]
    }
    /// Enterprises registered by market regulators start with 91 (92: individual businesses).
    pub fn is_market_entity(&self) -> bool {
        self.0.starts_with('9')
    }
    /// Positions 9–17 should be a valid organisation code; a mismatch is worth a warning only.
    pub fn embedded_org_code(&self) -> Result<OrgCode, IdError> {
        self.0[8..17].parse()
    }
}

impl FromStr for CreditCode {
    type Err = IdError;
    fn from_str(input: &str) -> Result<CreditCode, IdError> {
        let text = normalise(input).to_ascii_uppercase();
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if let Some(err) = first_bad_char(&text, |_, c| CHARSET.contains(c)) {
            return Err(err);
        }
        if text.len() != 18 {
            return Err(IdError::Length {
                expected: "18",
                got: text.chars().count(),
            });
        }
        let mut head = text.chars();
        let (dept, category) = (head.next().unwrap(), head.next().unwrap());
        let valid_category = DEPARTMENTS
            .iter()
            .any(|(d, cats)| *d == dept && cats.contains(category));
        if !valid_category {
            return Err(IdError::Category);
        }
        let expected = check_character(&text[0..17]);
        let got = text.as_bytes()[17] as char;
        if expected != got {
            return Err(IdError::Check { expected, got });
        }
        Ok(CreditCode(text))
    }
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_vectors_pass() {
        for code in [
            "914403001922038216",
            "9144030071526726XG",
            "91330100799655058B",
            "91110108551385082Q",
            "91440300192317458F",
            "91110108562144110X",
            "91140791MACD74A11P",
            "91520115MA6D7K2T20",
            "91520198MA6E0B3XX6",
            "92520102MA6F8R1N3K",
            "93520123MA6G4H5Q5N",
            "91520181MA6H9J0W68",
        ] {
            let parsed: CreditCode = code.parse().unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(parsed.is_market_entity());
        }
        let huawei: CreditCode = "914403001922038216".parse().unwrap();
        assert_eq!(huawei.authority_division(), "440300");
        assert!(huawei.embedded_org_code().is_ok());
        assert_eq!(
            " 91520115ma6d7k2t20 "
                .parse::<CreditCode>()
                .unwrap()
                .as_str(),
            "91520115MA6D7K2T20"
        );
    }

    #[test]
    fn domain_vectors_fail_with_reason() {
        assert_eq!(
            "91520115MA6D7K2T21".parse::<CreditCode>(),
            Err(IdError::Check {
                expected: '0',
                got: '1'
            })
        );
        assert_eq!(
            "91520115SA6D7K2T20".parse::<CreditCode>(),
            Err(IdError::Character {
                position: 9,
                found: 'S'
            })
        );
        assert!(matches!(
            "91520115MA6D7K2V20".parse::<CreditCode>(),
            Err(IdError::Character { found: 'V', .. })
        ));
        assert_eq!(
            "91520115MA6D7K2T2".parse::<CreditCode>(),
            Err(IdError::Length {
                expected: "18",
                got: 17
            })
        );
        assert!(matches!(
            "X1520115MA6D7K2T05".parse::<CreditCode>(),
            Err(IdError::Character { found: 'X', .. }) | Err(IdError::Category)
        ));
        assert_eq!(
            "94520115MA6D7K2T0G".parse::<CreditCode>(),
            Err(IdError::Category)
        );
        assert!("91520115MA6D7KIT0".parse::<CreditCode>().is_err());
    }
}
