//! Person records: field formats (validator derive + identifier parsers), one record per
//! real person, and full civil capacity for every office (X-7, R-LR-3).

use super::incremental::PersonFields;
use super::{Context, Finding, Indexed};
use crate::ids::{check_document, IdType, MobileNumber};
use crate::model::{EntityType, Person, Role, RoleRef};
use crate::path::{self, PersonField};
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use validator::Validate;

pub(super) fn check(
    app: &Indexed,
    entity: EntityType,
    ctx: &Context,
    person_fields: &mut PersonFields,
    out: &mut Vec<Finding>,
) {
    for person in app.persons.iter() {
        person_fields.check(person, ctx, out);
    }
    check_duplicates(app, person_fields, out);
    check_ages(app, entity, ctx, person_fields, out);
}

/// The fields validator checks, in `Person`'s order.
const PERSON_FIELD_ORDER: [&str; 5] = [
    "name",
    "nationality",
    "email",
    "address",
    "org_representative",
];

/// A person's own fields. Reads only the person and `ctx.today`: `Checker` keeps the result
/// until either changes.
pub(super) fn check_fields(person: &Person, ctx: &Context, out: &mut Vec<Finding>) {
    let at = |field: PersonField| path::person(&person.id, field);
    if let Err(errors) = person.validate() {
        // validator hands the fields over in a HashMap's order, which differs between two
        // checks of the same person: in the struct's order instead, so a check is repeatable.
        let mut fields: Vec<_> = errors.field_errors().into_iter().collect();
        let rank = |field: &str| PERSON_FIELD_ORDER.iter().position(|f| *f == field);
        fields.sort_by(|(a, _), (b, _)| (rank(a), a).cmp(&(rank(b), b)));
        for (field, list) in fields {
            let path = PersonField::from_key(&field).map_or_else(
                || format!("{}.{field}", path::person_record(&person.id)),
                at,
            );
            for error in list.iter() {
                out.push(validation_finding(&error.code, path.clone()));
            }
        }
    }

    if person.id_number.trim().is_empty() {
        out.push(Finding::error(
            "person.id_number_required",
            at(PersonField::IdNumber),
            "请填写证件号码",
            "Enter the document number",
        ));
    } else if let Err(e) = check_document(person.id_type, &person.id_number, Some(ctx.today)) {
        let (zh, en) = match person.id_type {
            IdType::CreditCode => (
                "统一社会信用代码有误",
                "The unified social credit code is wrong",
            ),
            IdType::ResidentId => ("身份证号码有误", "The identity card number is wrong"),
            _ => ("证件号码有误", "The document number is wrong"),
        };
        out.push(Finding::error(
            "person.id_number_invalid",
            at(PersonField::IdNumber),
            format!("{zh}：{}", e.message().zh),
            format!("{en}: {}", e.message().en),
        ));
    } else if person
        .resident_id()
        .is_some_and(|id| id.birth_year_is_implausible())
    {
        out.push(Finding::warning(
            "person.birth_year_implausible",
            at(PersonField::IdNumber),
            "身份证号码中的出生年份早于1900年，请核对",
            "The birth year in the identity number is before 1900: check the number",
        ));
    }

    if person.id_valid_to.is_some_and(|d| d < ctx.today) {
        out.push(Finding::error(
            "person.document_expired",
            at(PersonField::IdValidTo),
            "证件已过期，请使用有效证件",
            "The document has expired: use a valid one",
        ));
    }

    if person.is_organisation() {
        if person.org_representative.trim().is_empty() {
            out.push(Finding::error(
                "person.org_representative_required",
                at(PersonField::OrgRepresentative),
                "请填写该单位的法定代表人（负责人）",
                "Enter the organisation's legal representative",
            ));
        }
    } else if person.resident_id().is_none() && person.birth_date.is_none() {
        out.push(Finding::error(
            "person.birth_date_required",
            at(PersonField::BirthDate),
            "请填写出生日期（该证件不含出生日期）",
            "Enter the date of birth (this document does not show it)",
        ));
    }

    if matches!(
        person.id_type,
        IdType::ForeignPassport | IdType::PermanentResidence
    ) && person.nationality.trim().is_empty()
    {
        out.push(Finding::error(
            "person.nationality_required",
            at(PersonField::Nationality),
            "请填写国籍（地区）",
            "Enter the nationality",
        ));
    }

    if !person.mobile.trim().is_empty() {
        match person.mobile.parse::<MobileNumber>() {
            Err(e) => out.push(Finding::error(
                "person.mobile_invalid",
                at(PersonField::Mobile),
                format!("手机号码有误：{}", e.message().zh),
                format!("The mobile number is wrong: {}", e.message().en),
            )),
            Ok(m) if !m.in_known_segment() => out.push(Finding::warning(
                "person.mobile_unusual_segment",
                at(PersonField::Mobile),
                "该号段不是常见的手机号段，请确认是本人实名登记的手机号",
                "This is not a usual mobile range: make sure it is the person's own real-name number",
            )),
            Ok(_) => {}
        }
    }
}

fn validation_finding(code: &str, path: String) -> Finding {
    let (zh, en) = match code {
        "person.name_length" => (
            "姓名（名称）须为1至50个字",
            "The name must be 1 to 50 characters",
        ),
        "person.email" => (
            "电子邮箱格式不正确，例如 name@example.com",
            "Enter an e-mail address like name@example.com",
        ),
        "person.address_length" => (
            "住所不能超过120个字",
            "The address must be at most 120 characters",
        ),
        "person.nationality_length" => (
            "国籍请填写三位字母代码，例如 USA",
            "Use the three-letter country code, e.g. USA",
        ),
        "person.org_representative_length" => (
            "法定代表人姓名不能超过50个字",
            "The representative's name must be at most 50 characters",
        ),
        _ => ("该项填写有误", "This field is not valid"),
    };
    Finding::error(code, path, zh, en)
}

fn check_duplicates(app: &Indexed, facts: &PersonFields, out: &mut Vec<Finding>) {
    let mut first_by_key: HashMap<Cow<(IdType, String)>, &Person> =
        HashMap::with_capacity(app.persons.len());
    for person in app.persons.iter() {
        if person.id_number.trim().is_empty() {
            continue;
        }
        let first = match first_by_key.entry(facts.identity_key(person)) {
            Entry::Occupied(first) => *first.get(),
            Entry::Vacant(slot) => {
                slot.insert(person);
                continue;
            }
        };
        out.push(Finding::error(
            "person.duplicate",
            path::person(&person.id, PersonField::IdNumber),
            format!("此证件号码已录入为“{}”；同一人担任多个职务时请选择已录入的人员，不要重复录入", first.name),
            format!("This document number is already entered for “{}”: pick that person for each role instead of entering them again", first.name),
        ));
    }
}

/// Offices that need full civil capacity, with the path of the role and whether a minor is
/// an error (officers) or only a warning (shareholders, who may act through a guardian). In the
/// order findings have always come in: officers, finance officer, partners, investors.
fn offices<'a>(
    app: &'a Indexed,
    entity: EntityType,
) -> Vec<(RoleRef<'a>, &'static str, &'static str, bool)> {
    let company = entity.is_company();
    let strict_investor = entity.investors_are_natural_persons() || entity.is_partnership();
    let mut list: Vec<_> = app
        .roles()
        .into_iter()
        .filter_map(|r| {
            let (rank, zh, en, strict) = match r.role {
                Role::LegalRepresentative if company => {
                    (0, "法定代表人", "legal representative", true)
                }
                Role::Director if company => (1, "董事", "director", true),
                Role::Supervisor if company => (2, "监事", "supervisor", true),
                Role::Manager if company => (3, "经理", "manager", true),
                Role::FinanceOfficer => (4, "财务负责人", "finance officer", true),
                Role::ExecutingPartner => (5, "执行事务合伙人", "executing partner", true),
                Role::ExecutingPartnerDelegate => (5, "委派代表", "delegate", true),
                Role::Investor => (
                    6,
                    entity.investor_title_zh(),
                    entity.investor_title_en(),
                    strict_investor,
                ),
                _ => return None,
            };
            Some((rank, (r, zh, en, strict)))
        })
        .collect();
    list.sort_by_key(|(rank, _)| *rank);
    list.into_iter().map(|(_, office)| office).collect()
}

fn check_ages(
    app: &Indexed,
    entity: EntityType,
    ctx: &Context,
    facts: &PersonFields,
    out: &mut Vec<Finding>,
) {
    for (role, role_zh, role_en, strict) in offices(app, entity) {
        let Some(person) = app.person(role.person_id) else {
            continue;
        };
        if person.is_organisation() {
            continue;
        }
        let Some(age) = facts.age_on(person, ctx.today) else {
            continue;
        };
        if age >= 18 {
            continue;
        }
        let zh = format!("{}未满18周岁（{}周岁），不具有完全民事行为能力，不能担任{role_zh}（《民法典》第十七条、《公司法》第一百七十八条）", person.name, age.max(0));
        let en = format!("{} is under 18 ({}) and lacks full civil capacity, so cannot be {role_en} (Civil Code Art 17; Company Law Art 178)", person.name, age.max(0));
        out.push(if strict {
            Finding::error("person.under_18", role.path(), zh, en)
        } else {
            Finding::warning("person.under_18", role.path(), zh, en)
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn a_wrong_check_digit_is_explained_at_the_id_field() {
        let mut app = example("llc");
        app.persons[0].id_number = "520115199003071230".into();
        let f = find(&app, "person.id_number_invalid");
        assert_eq!(f.path, format!("persons[{}].id_number", app.persons[0].id));
        assert!(f.message_zh.contains("应为“8”"));
        assert!(f.message_en.contains("“8”"));
    }

    #[test]
    fn field_formats_fire() {
        let mut app = example("llc");
        app.persons[0].name = String::new();
        app.persons[0].email = "not-an-email".into();
        app.persons[0].mobile = "12812345678".into();
        app.persons[0].id_valid_to = Some("2001-01-01".parse().unwrap());
        for code in [
            "person.name_length",
            "person.email",
            "person.mobile_invalid",
            "person.document_expired",
        ] {
            find(&app, code);
        }
        app.persons[0].id_number.clear();
        find(&app, "person.id_number_required");
    }

    #[test]
    fn foreign_documents_need_birth_date_and_nationality() {
        let mut app = example("llc");
        app.persons[0].id_type = crate::ids::IdType::ForeignPassport;
        app.persons[0].id_number = "X1234567".into();
        app.persons[0].nationality.clear();
        find(&app, "person.birth_date_required");
        find(&app, "person.nationality_required");
    }

    #[test]
    fn organisations_need_a_representative() {
        let mut app = example("llc");
        let org = app
            .persons
            .iter_mut()
            .find(|p| p.is_organisation())
            .unwrap();
        org.org_representative.clear();
        find(&app, "person.org_representative_required");
    }

    #[test]
    fn the_same_document_twice_is_refused() {
        let mut app = example("llc");
        let mut copy = app.persons[0].clone();
        copy.id = "dup".into();
        app.persons.push(copy);
        assert_eq!(
            find(&app, "person.duplicate").path,
            "persons[dup].id_number"
        );
    }

    #[test]
    fn minors_cannot_hold_office() {
        let mut app = example("llc");
        let rep = app.officers.legal_representative_id.clone().unwrap();
        let i = app.person_index(&rep).unwrap();
        app.persons[i].id_number = "520115200801024562".into();
        let f = find_at(&app, "person.under_18", "officers.legal_representative_id");
        assert!(f.is_error());
    }
}
