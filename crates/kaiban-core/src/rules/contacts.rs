//! Finance officer and registration liaison (登记联络员): required for every type but the
//! individual business; both must be reachable on their own real-name mobile.

use super::{missing_person, Finding, Indexed};
use crate::model::EntityType;
use crate::path;

pub(super) fn check(app: &Indexed, entity: EntityType, out: &mut Vec<Finding>) {
    let roles = [
        (
            &app.finance_officer_id,
            (path::FINANCE_OFFICER, path::FINANCE_OFFICER_MOBILE),
            entity.needs_finance_officer(),
            ("财务负责人", "finance officer"),
        ),
        (
            &app.liaison_id,
            (path::LIAISON, path::LIAISON_MOBILE),
            entity.needs_liaison(),
            ("登记联络员", "registration liaison"),
        ),
    ];
    for (id, (path, mobile_path), required, (zh, en)) in roles {
        // A type without the role (the individual business) has no step to fix it on: a
        // leftover choice from another type is not part of its filing.
        if !required {
            continue;
        }
        let Some(id) = id else {
            out.push(Finding::error(
                &format!("{}.required", path.trim_end_matches("_id")),
                path,
                format!("请选择{zh}"),
                format!("Choose the {en}"),
            ));
            continue;
        };
        if missing_person(app, id, || path.to_string(), out) {
            continue;
        }
        let person = app.person(id).expect("checked above");
        if person.is_organisation() {
            out.push(Finding::error(
                "contacts.natural_person_required",
                path,
                format!("{zh}必须是自然人"),
                format!("The {en} must be a natural person"),
            ));
        } else if person.mobile.trim().is_empty() {
            out.push(Finding::error(
                "contacts.mobile_required",
                mobile_path,
                format!("请填写{zh}“{}”本人实名登记的手机号码", person.name),
                format!(
                    "Enter the {en} “{}”'s own real-name mobile number",
                    person.name
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn finance_officer_and_liaison_are_required_and_reachable() {
        let mut app = example("llc");
        app.finance_officer_id = None;
        find(&app, "finance_officer.required");
        let mut app = example("llc");
        app.liaison_id = None;
        find(&app, "liaison.required");
        let mut app = example("llc");
        let i = app.person_index(&app.liaison_id.clone().unwrap()).unwrap();
        app.persons[i].mobile.clear();
        find(&app, "contacts.mobile_required");
        let ib = example("individual_business");
        assert_no(&ib, "finance_officer.required");
    }
}
