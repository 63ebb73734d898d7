//! Identity document types other than the resident ID card: validated by format, and by the
//! MOD 11-2 check where the document has one (residence permits, 2023 permanent residence card).

use super::resident::{check_18_digit_shape, check_mod11_2};
use super::{first_bad_char, normalise, IdError, ResidentId};
use crate::date::Date;
use crate::text::Bi;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum IdType {
    /// 中华人民共和国居民身份证
    #[default]
    ResidentId,
    /// 港澳居民来往内地通行证
    HkMacauPermit,
    /// 台湾居民来往大陆通行证
    TaiwanPermit,
    /// 港澳台居民居住证
    ResidencePermit,
    /// 中华人民共和国护照 (overseas Chinese)
    ChinesePassport,
    /// 外国（地区）护照
    ForeignPassport,
    /// 外国人永久居留身份证
    PermanentResidence,
    /// 统一社会信用代码 (an organisation as holder)
    CreditCode,
}

impl IdType {
    pub const ALL: [IdType; 8] = [
        IdType::ResidentId,
        IdType::HkMacauPermit,
        IdType::TaiwanPermit,
        IdType::ResidencePermit,
        IdType::ChinesePassport,
        IdType::ForeignPassport,
        IdType::PermanentResidence,
        IdType::CreditCode,
    ];

    pub fn label(self) -> Bi {
        match self {
            IdType::ResidentId => Bi::new("中华人民共和国居民身份证", "PRC resident identity card"),
            IdType::HkMacauPermit => Bi::new(
                "港澳居民来往内地通行证",
                "Mainland travel permit for Hong Kong and Macau residents",
            ),
            IdType::TaiwanPermit => Bi::new(
                "台湾居民来往大陆通行证",
                "Mainland travel permit for Taiwan residents",
            ),
            IdType::ResidencePermit => Bi::new(
                "港澳台居民居住证",
                "Residence permit for Hong Kong, Macau and Taiwan residents",
            ),
            IdType::ChinesePassport => Bi::new("中华人民共和国护照", "PRC passport"),
            IdType::ForeignPassport => Bi::new("外国（地区）护照", "Foreign passport"),
            IdType::PermanentResidence => {
                Bi::new("外国人永久居留身份证", "Foreign permanent resident ID card")
            }
            IdType::CreditCode => Bi::new("统一社会信用代码", "Unified social credit code"),
        }
    }

    /// What the number looks like, shown as the input hint.
    pub fn hint(self) -> Bi {
        match self {
            IdType::ResidentId => Bi::new(
                "18 位，如 520115199003071238",
                "18 characters, e.g. 520115199003071238",
            ),
            IdType::HkMacauPermit => Bi::new(
                "H/M + 8 位数字，如 H12345678",
                "H or M and 8 digits, e.g. H12345678",
            ),
            IdType::TaiwanPermit => Bi::new("8 位数字，如 01234567", "8 digits, e.g. 01234567"),
            IdType::ResidencePermit => Bi::new(
                "18 位，以 810000/820000/830000 开头",
                "18 characters starting 810000, 820000 or 830000",
            ),
            IdType::ChinesePassport => Bi::new(
                "E + 8 位，如 E12345678",
                "E and 8 characters, e.g. E12345678",
            ),
            IdType::ForeignPassport => Bi::new("5–17 位字母或数字", "5–17 letters or digits"),
            IdType::PermanentResidence => Bi::new(
                "如 USA110080032157 或 18 位以 9 开头",
                "e.g. USA110080032157, or 18 characters starting with 9",
            ),
            IdType::CreditCode => Bi::new(
                "18 位，如 91520115MA6D7K2T20",
                "18 characters, e.g. 91520115MA6D7K2T20",
            ),
        }
    }

    pub fn is_natural_person(self) -> bool {
        self != IdType::CreditCode
    }

    /// Whether the holder is a mainland resident (drives derived nationality and the
    /// "domiciled in China" default for JSC founders).
    pub fn is_mainland_resident(self) -> bool {
        matches!(self, IdType::ResidentId)
    }
}

fn all_digits_of_length(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

fn length_error(text: &str, expected: &'static str) -> IdError {
    IdError::Length {
        expected,
        got: text.chars().count(),
    }
}

/// Checks a document number against its type. Returns the normalised number.
pub fn check_document(
    id_type: IdType,
    input: &str,
    today: Option<Date>,
) -> Result<String, IdError> {
    let text = normalise(input).to_ascii_uppercase();
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    // Every document number is ASCII once normalised; refusing the rest up front also keeps
    // the byte slicing below on character boundaries.
    if let Some(err) = first_bad_char(&text, |_, c| c.is_ascii()) {
        return Err(err);
    }
    match id_type {
        IdType::ResidentId => ResidentId::parse_on(&text, today).map(|id| id.to_string()),
        IdType::CreditCode => text.parse::<super::CreditCode>().map(|c| c.to_string()),
        IdType::HkMacauPermit => {
            let first = text.chars().next().unwrap();
            if first != 'H' && first != 'M' {
                return Err(IdError::Prefix {
                    expected: "H 或/or M",
                });
            }
            if let Some(err) = first_bad_char(&text, |i, c| i == 0 || c.is_ascii_digit()) {
                return Err(err);
            }
            match text.len() {
                9 | 11 => Ok(text),
                _ => Err(length_error(&text, "9 或/or 11")),
            }
        }
        IdType::TaiwanPermit => {
            let len = text.chars().count();
            let ok = all_digits_of_length(&text, 8)
                || all_digits_of_length(&text, 10)
                || (len == 11
                    && text[..10].bytes().all(|b| b.is_ascii_digit())
                    && text.as_bytes()[10].is_ascii_uppercase());
            if ok {
                return Ok(text);
            }
            if let Some(err) = first_bad_char(&text, |i, c| c.is_ascii_digit() || i == 10) {
                return Err(err);
            }
            Err(length_error(&text, "8、10 或/or 11"))
        }
        IdType::ResidencePermit => {
            check_18_digit_shape(&text)?;
            if !["810000", "820000", "830000"].contains(&&text[0..6]) {
                return Err(IdError::Prefix {
                    expected: "810000 / 820000 / 830000",
                });
            }
            Date::from_compact(&text[6..14]).ok_or(IdError::Date)?;
            check_mod11_2(&text)?;
            Ok(text)
        }
        IdType::ChinesePassport => {
            let first = text.chars().next().unwrap();
            if first != 'E' && first != 'G' {
                return Err(IdError::Prefix {
                    expected: "E 或/or G",
                });
            }
            let letter_ok = |c: char| c.is_ascii_uppercase() && c != 'I' && c != 'O';
            if let Some(err) = first_bad_char(&text, |i, c| {
                i == 0 || c.is_ascii_digit() || (i == 1 && first == 'E' && letter_ok(c))
            }) {
                return Err(err);
            }
            if text.len() != 9 {
                return Err(length_error(&text, "9"));
            }
            Ok(text)
        }
        IdType::ForeignPassport => {
            if let Some(err) = first_bad_char(&text, |_, c| c.is_ascii_alphanumeric()) {
                return Err(err);
            }
            if !(5..=17).contains(&text.len()) {
                return Err(length_error(&text, "5–17"));
            }
            Ok(text)
        }
        IdType::PermanentResidence => {
            if text.starts_with('9') && text.len() >= 17 {
                check_18_digit_shape(&text)?;
                Date::from_compact(&text[6..14]).ok_or(IdError::Date)?;
                check_mod11_2(&text)?;
                return Ok(text);
            }
            if let Some(err) = first_bad_char(&text, |i, c| {
                if i < 3 {
                    c.is_ascii_uppercase()
                } else {
                    c.is_ascii_digit()
                }
            }) {
                return Err(err);
            }
            if text.len() != 15 {
                return Err(length_error(&text, "15 或/or 18"));
            }
            Ok(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_ok(id_type: IdType, values: &[&str]) {
        for v in values {
            assert!(
                check_document(id_type, v, None).is_ok(),
                "{id_type:?} {v}: {:?}",
                check_document(id_type, v, None)
            );
        }
    }

    fn all_bad(id_type: IdType, values: &[&str]) {
        for v in values {
            assert!(check_document(id_type, v, None).is_err(), "{id_type:?} {v}");
        }
    }

    #[test]
    fn domain_vectors_for_every_document_type() {
        all_ok(
            IdType::HkMacauPermit,
            &[
                "H12345678",
                "M87654321",
                "H0123456701",
                "M00000001",
                "H99999999",
            ],
        );
        all_bad(
            IdType::HkMacauPermit,
            &[
                "HA1234567",
                "K12345678",
                "H1234567",
                "H123456789",
                "12345678",
            ],
        );
        all_ok(
            IdType::TaiwanPermit,
            &[
                "01234567",
                "87654321",
                "1234567890",
                "1234567890B",
                "00000001",
            ],
        );
        all_bad(
            IdType::TaiwanPermit,
            &[
                "1234567",
                "123456789",
                "T1234567",
                "12345678901",
                "ABCDEFGH",
            ],
        );
        all_ok(
            IdType::ResidencePermit,
            &[
                "810000199208150318",
                "820000198801010225",
                "81000020010101125X",
                "830000199505050130",
                "83000019890606140X",
            ],
        );
        all_bad(
            IdType::ResidencePermit,
            &[
                "810000199208150310",
                "810000199208150",
                "520115199208150318",
                "8100001992081503",
            ],
        );
        all_ok(
            IdType::ChinesePassport,
            &[
                "E12345678",
                "EA1234567",
                "EJ7654321",
                "G12345678",
                "E00000001",
            ],
        );
        all_bad(
            IdType::ChinesePassport,
            &[
                "E1234567",
                "EI1234567",
                "EO1234567",
                "A12345678",
                "E123456789",
            ],
        );
        all_ok(IdType::ForeignPassport, &["X1234567", "AB12345"]);
        all_bad(IdType::ForeignPassport, &["", "AB-12345", "A1"]);
        all_ok(
            IdType::PermanentResidence,
            &[
                "USA110080032157",
                "GBR440101120034",
                "DEU310000010101",
                "JPN110000222333",
                "CAN520100987654",
                "952840198502120112",
                "911826197711200223",
                "931392199001010336",
                "944276200002290442",
                "952124196612120554",
            ],
        );
        all_bad(
            IdType::PermanentResidence,
            &[
                "US1100800321571",
                "USA11008003215",
                "USA11008003215X",
                "USA1100800321578",
                "123110080032157",
                "952840198502120110",
                "152840198502120112",
                "95284019850212011",
                "9118261977112002AB",
                "9313921990010103",
            ],
        );
    }

    #[test]
    fn residence_permit_wrong_prefix_is_explained() {
        assert_eq!(
            check_document(IdType::ResidencePermit, "520115199208150318", None),
            Err(IdError::Prefix {
                expected: "810000 / 820000 / 830000"
            })
        );
    }
}
