//! Identifiers as parsed types. Each parser normalises what people actually type (spaces,
//! full-width digits, a lower-case x) and says exactly what is wrong when it refuses.

pub(crate) mod credit_code;
mod documents;
mod mobile;
mod org_code;
mod postal;
mod resident;

pub use credit_code::CreditCode;
pub use documents::{check_document, IdType};
pub use mobile::MobileNumber;
pub use org_code::OrgCode;
pub use postal::PostalCode;
pub use resident::{ResidentId, Sex};

use std::fmt;

/// Trims, drops inner spaces and maps full-width ASCII (Ｘ, ０-９, （）) to half-width.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| match c {
            '\u{3000}' | ' ' | '\t' | '\n' | '\r' | '\u{200b}' | '\u{feff}' => None,
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            _ => Some(c),
        })
        .collect()
}

/// What is wrong with an identifier, precise enough to tell the applicant how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    Empty,
    Length { expected: &'static str, got: usize },
    Character { position: usize, found: char },
    Region { code: String },
    Date,
    FutureDate,
    Check { expected: char, got: char },
    Prefix { expected: &'static str },
    Category,
}

impl IdError {
    pub fn message(&self) -> crate::text::Bi {
        crate::text::Bi::owned(self.message_zh(), self.message_en())
    }

    fn message_zh(&self) -> String {
        match self {
            IdError::Empty => "请填写号码".into(),
            IdError::Length { expected, got } => format!("应为{expected}位，现在是{got}位"),
            IdError::Character { position, found } => {
                format!("第{position}位的“{found}”不是允许的字符")
            }
            IdError::Region { code } => format!("地区码“{code}”不存在"),
            IdError::Date => "出生日期不是有效日期".into(),
            IdError::FutureDate => "出生日期晚于今天".into(),
            IdError::Check { expected, got } => {
                format!("校验位不正确：按前面各位计算应为“{expected}”，填写的是“{got}”，请核对号码")
            }
            IdError::Prefix { expected } => format!("应以{expected}开头"),
            IdError::Category => "登记管理部门代码或机构类别代码无效".into(),
        }
    }

    fn message_en(&self) -> String {
        match self {
            IdError::Empty => "Enter the number".into(),
            IdError::Length { expected, got } => {
                format!("Must be {expected} characters long; this has {got}")
            }
            IdError::Character { position, found } => {
                format!("Character {position} (“{found}”) is not allowed here")
            }
            IdError::Region { code } => format!("Region code “{code}” does not exist"),
            IdError::Date => "The birth date in it is not a real date".into(),
            IdError::FutureDate => "The birth date in it is in the future".into(),
            IdError::Check { expected, got } => format!(
                "The check character is wrong: the other characters give “{expected}”, not “{got}”. Check the number"
            ),
            IdError::Prefix { expected } => format!("Must start with {expected}"),
            IdError::Category => "The registering-authority or category code is not valid".into(),
        }
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for IdError {}

/// First character (1-based position) that `allowed` refuses.
pub(crate) fn first_bad_char(text: &str, allowed: impl Fn(usize, char) -> bool) -> Option<IdError> {
    text.chars()
        .enumerate()
        .find(|(i, c)| !allowed(*i, *c))
        .map(|(i, found)| IdError::Character {
            position: i + 1,
            found,
        })
}

/// ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643).
pub(crate) fn mod11_2_check(first17: &[u8]) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| (d - b'0') as u32 * w)
        .sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_handles_full_width_and_spaces() {
        assert_eq!(normalise(" ５２０１ １５\u{3000}x "), "520115x");
        assert_eq!(normalise("（有限合伙）"), "(有限合伙)");
    }
}
