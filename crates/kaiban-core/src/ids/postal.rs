use super::{first_bad_char, normalise, IdError};
use std::fmt;
use std::str::FromStr;

/// A six-digit mainland postal code. Postcodes are not cross-checked against districts:
/// there are too many exceptions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PostalCode(String);

impl PostalCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PostalCode {
    type Err = IdError;
    fn from_str(input: &str) -> Result<PostalCode, IdError> {
        let text = normalise(input);
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if let Some(err) = first_bad_char(&text, |_, c| c.is_ascii_digit()) {
            return Err(err);
        }
        if text.len() != 6 {
            return Err(IdError::Length {
                expected: "6",
                got: text.len(),
            });
        }
        if text.as_bytes()[0] == b'9' {
            return Err(IdError::Prefix { expected: "0–8" });
        }
        Ok(PostalCode(text))
    }
}

impl fmt::Display for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_vectors() {
        for ok in ["550081", "550002", "100080", "200120", "010010", "830000"] {
            assert!(ok.parse::<PostalCode>().is_ok(), "{ok}");
        }
        assert!(matches!(
            "55008".parse::<PostalCode>(),
            Err(IdError::Length { .. })
        ));
        assert!(matches!(
            "5500811".parse::<PostalCode>(),
            Err(IdError::Length { .. })
        ));
        assert!(matches!(
            "55008A".parse::<PostalCode>(),
            Err(IdError::Character { .. })
        ));
        assert!(matches!(
            "950081".parse::<PostalCode>(),
            Err(IdError::Prefix { .. })
        ));
        assert!(matches!(
            "999077".parse::<PostalCode>(),
            Err(IdError::Prefix { .. })
        ));
    }
}
