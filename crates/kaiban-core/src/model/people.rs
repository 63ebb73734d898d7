use super::PersonId;
use crate::date::Date;
use crate::ids::{IdType, ResidentId, Sex};
use crate::path::PersonField;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Kinds of organisation the Partnership Law bars from being general partners (Art 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgCategory {
    #[default]
    Ordinary,
    /// 国有独资公司
    StateOwnedSoleFunded,
    /// 国有企业
    StateOwned,
    /// 上市公司
    Listed,
    /// 公益性的事业单位、社会团体
    PublicWelfare,
}

impl OrgCategory {
    pub fn may_be_general_partner(self) -> bool {
        self == OrgCategory::Ordinary
    }
}

/// One person or organisation, entered once and referenced from every role by `id`.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize, Validate)]
#[serde(default)]
pub struct Person {
    pub id: PersonId,
    #[validate(length(min = 1, max = 50, code = "person.name_length"))]
    pub name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub id_valid_to: Option<Date>,
    /// ISO 3166 alpha-3; derived as CHN for a resident identity card.
    #[validate(length(max = 3, code = "person.nationality_length"))]
    pub nationality: String,
    /// Typed for documents that do not carry it; derived from a resident identity number.
    pub sex: Option<Sex>,
    pub birth_date: Option<Date>,
    pub mobile: String,
    #[validate(custom(
        function = "crate::rules::email::validate_email",
        code = "person.email"
    ))]
    pub email: String,
    /// 住所 / 居所.
    #[validate(length(max = 120, code = "person.address_length"))]
    pub address: String,
    /// Habitual residence (or main office) in China; derived from the document when `None`.
    pub domiciled_in_china: Option<bool>,
    /// Organisations only.
    pub org_category: OrgCategory,
    /// Organisations only: the organisation's legal representative.
    #[validate(length(max = 50, code = "person.org_representative_length"))]
    pub org_representative: String,
}

impl Person {
    pub fn is_organisation(&self) -> bool {
        !self.id_type.is_natural_person()
    }

    pub fn resident_id(&self) -> Option<ResidentId> {
        match self.id_type {
            IdType::ResidentId => self.id_number.parse().ok(),
            _ => None,
        }
    }

    /// Birth date from the resident identity number, else as typed.
    pub fn derived_birth_date(&self) -> Option<Date> {
        self.resident_id()
            .map(|id| id.birth_date())
            .or(self.birth_date)
    }

    pub fn derived_sex(&self) -> Option<Sex> {
        self.resident_id().map(|id| id.sex()).or(self.sex)
    }

    pub fn age_on(&self, date: Date) -> Option<i32> {
        self.derived_birth_date()
            .map(|born| born.full_years_until(date))
    }

    pub fn is_domiciled_in_china(&self) -> bool {
        self.domiciled_in_china
            .unwrap_or(self.id_type.is_mainland_resident() || self.id_type == IdType::CreditCode)
    }

    /// The free-text field `field`, or `None` for a field that is not typed as text.
    pub fn text(&self, field: PersonField) -> Option<&str> {
        Some(match field {
            PersonField::Name => &self.name,
            PersonField::IdNumber => &self.id_number,
            PersonField::OrgRepresentative => &self.org_representative,
            PersonField::Nationality => &self.nationality,
            PersonField::Mobile => &self.mobile,
            PersonField::Email => &self.email,
            PersonField::Address => &self.address,
            _ => return None,
        })
    }

    /// Stores `value` in the free-text field `field` as typed; a nationality is a code, kept
    /// in capitals without spaces. Does nothing for a field that is not text.
    pub fn set_text(&mut self, field: PersonField, value: String) {
        let slot = match field {
            PersonField::Name => &mut self.name,
            PersonField::IdNumber => &mut self.id_number,
            PersonField::OrgRepresentative => &mut self.org_representative,
            PersonField::Nationality => {
                self.nationality = value.trim().to_uppercase();
                return;
            }
            PersonField::Mobile => &mut self.mobile,
            PersonField::Email => &mut self.email,
            PersonField::Address => &mut self.address,
            _ => return,
        };
        *slot = value;
    }

    /// The key (`crate::key`) of the choice field `field`, as a select shows it, or `None`
    /// for a field that is not a choice.
    pub fn choice(&self, field: PersonField) -> Option<String> {
        match field {
            PersonField::IdType => Some(crate::key::of(&self.id_type)),
            PersonField::OrgCategory => Some(crate::key::of(&self.org_category)),
            _ => None,
        }
    }

    /// Stores the value `key` names in the choice field `field`; a key that names no value,
    /// or a field that is not a choice, changes nothing.
    pub fn set_choice(&mut self, field: PersonField, key: &str) {
        match field {
            PersonField::IdType => crate::key::parse(key).map(|v| self.id_type = v),
            PersonField::OrgCategory => crate::key::parse(key).map(|v| self.org_category = v),
            _ => None,
        };
    }

    /// Persons are the same when their document type and number match after normalisation.
    pub fn identity_key(&self) -> (IdType, String) {
        (
            self.id_type,
            crate::ids::normalise(&self.id_number).to_ascii_uppercase(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_field_reads_back_what_was_set_and_the_others_are_not_text() {
        for field in PersonField::ALL {
            let mut person = Person::default();
            person.set_text(field, " abc".into());
            match person.text(field) {
                Some(value) if field == PersonField::Nationality => assert_eq!(value, "ABC"),
                Some(value) => assert_eq!(value, " abc", "{field:?}"),
                None => assert_eq!(person, Person::default(), "{field:?} is not text"),
            }
        }
    }

    #[test]
    fn a_choice_field_takes_a_key_it_names_and_ignores_others() {
        let mut person = Person::default();
        person.set_choice(PersonField::IdType, "foreign_passport");
        assert_eq!(person.id_type, IdType::ForeignPassport);
        assert_eq!(
            person.choice(PersonField::IdType).as_deref(),
            Some("foreign_passport")
        );
        person.set_choice(PersonField::OrgCategory, "listed");
        assert_eq!(person.org_category, OrgCategory::Listed);
        let before = person.clone();
        person.set_choice(PersonField::IdType, "no_such_document");
        person.set_choice(PersonField::Name, "foreign_passport");
        assert_eq!(person, before);
        assert_eq!(person.choice(PersonField::Name), None);
    }
}
