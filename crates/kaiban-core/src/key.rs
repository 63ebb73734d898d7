//! The value an enum has in the JSON record (`"in_kind"`), which is also what a `<select>`
//! or radio group submits: one spelling, serde's, instead of a hand-written table per enum.

use crate::text::Bi;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// An enum an applicant picks one value of (a radio group or a select): its values in the
/// order they are offered, and what each is called.
pub trait Choice: Copy + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn label(self) -> Bi;
    /// A line under the label, where one helps to choose.
    fn hint(self) -> Option<Bi> {
        None
    }
}

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

    /// Every choice's keys are distinct plain strings that parse back, so a radio group
    /// submits what the model stores.
    fn keys_round_trip<T: Choice + std::fmt::Debug>() {
        let keys: Vec<String> = T::all().iter().map(of).collect();
        for (value, key) in T::all().iter().zip(&keys) {
            assert!(!key.is_empty(), "{value:?}");
            assert_eq!(parse::<T>(key), Some(*value));
        }
        let distinct: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
    }

    #[test]
    fn every_choice_offers_keys_that_parse_back() {
        use crate::ids::IdType;
        use crate::model::*;
        macro_rules! each {
            ($($choice:ty),*) => { $(keys_round_trip::<$choice>();)* };
        }
        each!(
            IdType,
            EntityType,
            ContributionMethod,
            OrgCategory,
            OwnershipBasis,
            BoardMode
        );
        each!(
            Supervision,
            PartnerKind,
            PropertyForm,
            OrganisationForm,
            DomicileProof
        );
        each!(
            EstablishmentMethod,
            DeliveryMethod,
            Voting,
            ProfitBasis,
            TransferRule
        );
        each!(
            ManagerPowers,
            Dissolution,
            PartnershipSharing,
            Admission,
            Disputes
        );
        use crate::bundle::*;
        each!(
            SealKind,
            SealMaterial,
            SealDelivery,
            TaxpayerKind,
            InvoiceKind
        );
        each!(AccountingStandard, TimeSlot);
    }

    #[test]
    fn a_key_parses_back_to_its_value_and_an_unknown_key_to_none() {
        for method in ContributionMethod::ALL {
            assert_eq!(parse::<ContributionMethod>(&of(&method)), Some(method));
        }
        assert_eq!(of(&ContributionMethod::InKind), "in_kind");
        assert_eq!(parse::<OrgCategory>("bank"), None);
        assert_eq!(of(&Some(3)), "");
    }
}
