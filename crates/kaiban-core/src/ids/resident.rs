use super::{first_bad_char, mod11_2_check, normalise, IdError};
use crate::date::Date;
use std::fmt;
use std::str::FromStr;

/// Province codes that GB/T 2260 has issued (plus 71/81/82 for Taiwan, HK, Macau).
pub(crate) const PROVINCES: [u8; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// An 18-character citizen identity number (GB 11643-1999), check character verified.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResidentId(String);

impl ResidentId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn region_code(&self) -> &str {
        &self.0[0..6]
    }
    pub fn birth_date(&self) -> Date {
        Date::from_compact(&self.0[6..14]).expect("checked when parsed")
    }
    pub fn sex(&self) -> Sex {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
    pub fn age_on(&self, date: Date) -> i32 {
        self.birth_date().full_years_until(date)
    }
    /// Born before 1900: valid by the standard, but almost always a typing mistake.
    pub fn birth_year_is_implausible(&self) -> bool {
        self.birth_date().year < 1900
    }

    /// Converts a legacy 15-digit number by inserting "19" and computing the check character.
    pub fn from_legacy_15(input: &str) -> Result<ResidentId, IdError> {
        let text = normalise(input);
        if text.chars().count() != 15 {
            return Err(IdError::Length {
                expected: "15",
                got: text.chars().count(),
            });
        }
        if let Some(err) = first_bad_char(&text, |_, c| c.is_ascii_digit()) {
            return Err(err);
        }
        let first17 = format!("{}19{}", &text[0..6], &text[6..15]);
        let check = mod11_2_check(first17.as_bytes());
        format!("{first17}{check}").parse()
    }

    /// Parses without comparing the birth date with today (for data whose "today" is unknown).
    pub fn parse_on(input: &str, today: Option<Date>) -> Result<ResidentId, IdError> {
        let text = normalise(input).to_ascii_uppercase();
        check_18_digit_shape(&text)?;
        let province: u8 = text[0..2].parse().unwrap_or(0);
        if !PROVINCES.contains(&province) {
            return Err(IdError::Region {
                code: text[0..2].to_string(),
            });
        }
        let birth = Date::from_compact(&text[6..14]).ok_or(IdError::Date)?;
        if today.is_some_and(|t| birth > t) {
            return Err(IdError::FutureDate);
        }
        check_mod11_2(&text)?;
        Ok(ResidentId(text))
    }
}

/// Length and charset shared by the resident ID and the residence permits.
pub(crate) fn check_18_digit_shape(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    let len = text.chars().count();
    if let Some(err) = first_bad_char(text, |i, c| c.is_ascii_digit() || (i == 17 && c == 'X')) {
        if len == 18 || matches!(err, IdError::Character { position, .. } if position <= 18) {
            return Err(err);
        }
    }
    if len != 18 {
        return Err(IdError::Length {
            expected: "18",
            got: len,
        });
    }
    Ok(())
}

pub(crate) fn check_mod11_2(text: &str) -> Result<(), IdError> {
    let expected = mod11_2_check(&text.as_bytes()[0..17]);
    let got = text.as_bytes()[17] as char;
    if expected != got {
        return Err(IdError::Check { expected, got });
    }
    Ok(())
}

impl FromStr for ResidentId {
    type Err = IdError;
    /// Parses against the real clock of no one: future birth dates are refused by the rules,
    /// which know the application date. Use [`ResidentId::parse_on`] to refuse them here.
    fn from_str(input: &str) -> Result<ResidentId, IdError> {
        ResidentId::parse_on(input, None)
    }
}

impl fmt::Display for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn domain_vectors_that_must_pass() {
        let v1: ResidentId = "11010519491231002X".parse().unwrap();
        assert_eq!(v1.sex(), Sex::Female);
        assert_eq!(v1.birth_date(), d("1949-12-31"));
        let v2: ResidentId = "440524188001010014".parse().unwrap();
        assert!(v2.birth_year_is_implausible());
        let v3: ResidentId = "520115199003071238".parse().unwrap();
        assert_eq!(v3.sex(), Sex::Male);
        assert_eq!(v3.age_on(d("2025-06-01")), 35);
        assert_eq!(v3.region_code(), "520115");
        assert_eq!(
            "520102200001010048".parse::<ResidentId>().unwrap().sex(),
            Sex::Female
        );
        assert!("520181198512319915".parse::<ResidentId>().is_ok());
        let v6: ResidentId = "110108200706015553".parse().unwrap();
        assert_eq!(v6.age_on(d("2025-06-01")), 18);
        assert_eq!(v6.age_on(d("2025-05-31")), 17);
        assert_eq!(
            ResidentId::from_legacy_15("520103850101123")
                .unwrap()
                .as_str(),
            "520103198501011238"
        );
        let a1: ResidentId = "520115200801024562".parse().unwrap();
        assert_eq!(a1.age_on(d("2025-06-01")), 17);
    }

    #[test]
    fn domain_vectors_that_must_fail_say_why() {
        assert_eq!(
            "520115199003071230".parse::<ResidentId>(),
            Err(IdError::Check {
                expected: '8',
                got: '0'
            })
        );
        assert_eq!(
            "520115199002301230".parse::<ResidentId>().unwrap_err(),
            IdError::Date
        );
        assert_eq!(
            "990115199003071235".parse::<ResidentId>(),
            Err(IdError::Region { code: "99".into() })
        );
        assert_eq!(
            ResidentId::parse_on("520115209912311231", Some(d("2026-01-01"))).unwrap_err(),
            IdError::FutureDate
        );
        assert_eq!(
            "5201151990030712".parse::<ResidentId>(),
            Err(IdError::Length {
                expected: "18",
                got: 16
            })
        );
        assert_eq!(
            "52011519900307123Y".parse::<ResidentId>(),
            Err(IdError::Character {
                position: 18,
                found: 'Y'
            })
        );
        assert_eq!(
            "52O11519900307123X".parse::<ResidentId>(),
            Err(IdError::Character {
                position: 3,
                found: 'O'
            })
        );
    }

    #[test]
    fn typing_habits_are_forgiven() {
        assert!(" 11010519491231002x ".parse::<ResidentId>().is_ok());
        assert!("５２０１１５１９９００３０７１２３８"
            .parse::<ResidentId>()
            .is_ok());
    }
}
