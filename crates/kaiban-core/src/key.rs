//! The value an enum has in the JSON record (`"in_kind"`), which is also what a `<select>`
//! or radio group submits: one spelling, serde's, instead of a hand-written table per enum.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value`'s JSON string (empty for a value that is not a plain string in JSON).
pub fn of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(key)) => key,
        _ => String::new(),
    }
}

/// The value whose JSON string is `key`, if there is one.
pub fn parse<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContributionMethod, OrgCategory};

    #[test]
    fn a_key_parses_back_to_its_value_and_an_unknown_key_to_none() {
        for method in ContributionMethod::ALL {
            assert_eq!(parse::<ContributionMethod>(&of(&method)), Some(method));
        }
        for category in OrgCategory::ALL {
            assert_eq!(parse::<OrgCategory>(&of(&category)), Some(category));
        }
        assert_eq!(of(&ContributionMethod::InKind), "in_kind");
        assert_eq!(parse::<OrgCategory>("bank"), None);
        assert_eq!(of(&Some(3)), "");
    }
}
