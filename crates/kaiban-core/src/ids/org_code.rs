use super::{first_bad_char, normalise, IdError};
use std::fmt;
use std::str::FromStr;

/// A 9-character organisation code (GB 11714-1997), written `XXXXXXXX-X` or without the hyphen.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OrgCode(String);

fn value(c: char) -> u32 {
    c.to_digit(36).expect("charset checked")
}

fn check_character(body: &str) -> char {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.chars().zip(WEIGHTS).map(|(c, w)| value(c) * w).sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).unwrap(),
    }
}

impl OrgCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OrgCode {
    type Err = IdError;
    fn from_str(input: &str) -> Result<OrgCode, IdError> {
        let mut text = normalise(input).to_ascii_uppercase();
        if text.len() == 10 && text.as_bytes()[8] == b'-' {
            text.remove(8);
        }
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if let Some(err) = first_bad_char(&text, |i, c| {
            c.is_ascii_digit() || (i < 8 && c.is_ascii_uppercase()) || (i == 8 && c == 'X')
        }) {
            return Err(err);
        }
        if text.len() != 9 {
            return Err(IdError::Length {
                expected: "9",
                got: text.chars().count(),
            });
        }
        let expected = check_character(&text[0..8]);
        let got = text.as_bytes()[8] as char;
        if expected != got {
            return Err(IdError::Check { expected, got });
        }
        Ok(OrgCode(text))
    }
}

impl fmt::Display for OrgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", &self.0[0..8], &self.0[8..9])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_vectors() {
        for ok in [
            "19220382-1",
            "71526726-X",
            "79965505-8",
            "MA6D7K2T-2",
            "52010099-6",
            "ABCD1234-X",
        ] {
            assert!(ok.parse::<OrgCode>().is_ok(), "{ok}");
        }
        assert_eq!(
            "192203820".parse::<OrgCode>(),
            Err(IdError::Check {
                expected: '1',
                got: '0'
            })
        );
        assert!(matches!(
            "1922038".parse::<OrgCode>(),
            Err(IdError::Length { .. })
        ));
        assert!(matches!(
            "19220382Y".parse::<OrgCode>(),
            Err(IdError::Character { found: 'Y', .. })
        ));
        assert!(matches!(
            "1922038*1".parse::<OrgCode>(),
            Err(IdError::Character { found: '*', .. })
        ));
        assert_eq!(
            "ABCD12345".parse::<OrgCode>(),
            Err(IdError::Check {
                expected: 'X',
                got: '5'
            })
        );
        assert_eq!(
            "19220382-1".parse::<OrgCode>().unwrap().to_string(),
            "19220382-1"
        );
    }
}
