//! Which step shows which field: the one table that the error summary, the progress list's
//! error marks and the contract test below read. Entries are path patterns
//! (`kaiban_core::path::pattern`: positions and ids dropped); a step lists every field it has
//! an input or a message anchor for.

use super::{steps_for, Step};
use kaiban_core::model::{Application, Role};
use kaiban_core::path::{self, pattern};
use kaiban_core::Finding;
use std::collections::HashMap;

/// The fields of a person record, on every step that shows a person's form.
const PERSON: &[&str] = &[
    "persons[].id_type",
    "persons[].id_number",
    "persons[].name",
    "persons[].org_representative",
    "persons[].org_category",
    "persons[].birth_date",
    "persons[].nationality",
    "persons[].domiciled_in_china",
    "persons[].id_valid_to",
    "persons[].mobile",
    "persons[].email",
    "persons[].address",
];

/// The fields of its own that `step` renders, as patterns (a person's are in `PERSON`).
fn own_fields(step: Step) -> &'static [&'static str] {
    match step {
        Step::EntityType => &[path::ENTITY_TYPE],
        Step::Name => &[path::NAME_FULL, path::NAME_SELF_DECLARATION],
        Step::Domicile => &[
            path::DOMICILE_DIVISION,
            path::DOMICILE_TOWNSHIP,
            path::DOMICILE_ZONE,
            path::DOMICILE_DETAIL,
            path::DOMICILE_POSTCODE,
            path::DOMICILE_PHONE,
            path::DOMICILE_PROOF,
            path::DOMICILE_DECLARATION,
        ],
        Step::Scope => &[path::SCOPE_ITEMS, "business_scope.items[]"],
        Step::Bundle => &[
            path::BUNDLE_SEALS,
            path::BUNDLE_SEAL_KINDS,
            path::BUNDLE_SEAL_MATERIAL,
            path::BUNDLE_SEAL_ENGRAVER,
            path::BUNDLE_SEAL_DELIVERY,
            path::BUNDLE_TAX,
            path::BUNDLE_TAXPAYER,
            path::BUNDLE_TAX_ACCOUNTING,
            path::BUNDLE_INVOICES,
            path::BUNDLE_TAX_OFFICER,
            path::BUNDLE_TAX_REAL_NAME,
            path::BUNDLE_ACCOUNTING_STANDARD,
            path::BUNDLE_EMPLOYEES_NOW,
            path::BUNDLE_EMPLOYEE_COUNT,
            path::BUNDLE_START_MONTH,
            path::BUNDLE_SOCIAL,
            path::BUNDLE_SOCIAL_AGENT,
            path::BUNDLE_HOUSING,
            path::BUNDLE_HOUSING_RATE,
            path::BUNDLE_HOUSING_AGENT,
            path::BUNDLE_BANK,
            path::BUNDLE_BANK_NAME,
            path::BUNDLE_BANK_BRANCH,
            path::BUNDLE_BANK_DATE,
            path::BUNDLE_BANK_SLOT,
            path::BUNDLE_BANK_OPERATORS,
            "bundle.bank.operators[]",
        ],
        Step::Investors => &[
            path::INVESTORS,
            "investors[].person_id",
            "investors[].partner_kind",
            "investors[].property_form",
            path::BUSINESS_FORM,
            path::FAMILY_MEMBERS,
            "individual_business.family_member_ids[]",
        ],
        Step::Capital => &[
            path::CAPITAL_REGISTERED,
            path::CAPITAL_ESTABLISHMENT,
            path::CAPITAL_TOTAL_SHARES,
            path::CAPITAL_PAR_VALUE,
            "investors[].subscribed_fen",
            "investors[].paid_fen",
            "investors[].shares",
            "investors[].contributions",
            "investors[].contributions[].method",
            "investors[].contributions[].amount_fen",
            "investors[].contributions[].due_date",
            "investors[].contributions[].appraisal_ref",
        ],
        Step::Officers => &[
            path::BOARD_MODE,
            path::DIRECTORS,
            "officers.directors[].person_id",
            "officers.directors[].chair",
            "officers.directors[].vice_chair",
            "officers.directors[].employee_representative",
            "officers.directors[].executes_affairs",
            path::SUPERVISORS,
            "officers.supervisors[].person_id",
            "officers.supervisors[].chair",
            "officers.supervisors[].employee_representative",
            path::SUPERVISION,
            path::NO_SUPERVISOR_CONSENT,
            path::AUDIT_COMMITTEE,
            "officers.audit_committee[]",
            path::MANAGER,
            path::LEGAL_REPRESENTATIVE,
            path::EMPLOYEE_COUNT,
        ],
        Step::Partnership => &[
            path::EXECUTING_PARTNERS,
            "executing_partners[].partner_id",
            "executing_partners[].delegate_id",
        ],
        Step::Contacts => &[
            path::FINANCE_OFFICER,
            path::FINANCE_OFFICER_MOBILE,
            path::LIAISON,
            path::LIAISON_MOBILE,
        ],
        Step::BeneficialOwners => &[
            path::BENEFICIAL_OWNERS,
            "beneficial_owners.owners[].person_id",
            "beneficial_owners.owners[].basis",
            "beneficial_owners.owners[].share_millionths",
            path::BENEFICIAL_EXEMPTION,
        ],
        Step::Articles => &[
            path::ARTICLES_OWN,
            path::ARTICLES_NOTICE_DAYS,
            path::ARTICLES_VOTING,
            path::ARTICLES_PROFIT,
            path::ARTICLES_TRANSFER,
            path::ARTICLES_DIRECTOR_TERM,
            path::ARTICLES_MANAGER_POWERS,
            path::ARTICLES_DISSOLUTION,
            path::ARTICLES_SHARING,
            path::ARTICLES_ADMISSION,
            path::ARTICLES_DISPUTES,
        ],
        Step::Attachments => &[
            path::DOMICILE_PROOF_FILE,
            path::ARTICLES_FILE,
            "attachments.approval[]",
            "attachments[].name",
            "attachments[].size",
            "attachments[].media_type",
            "attachments[].sha256",
        ],
        Step::Delivery => &[
            path::DELIVERY_METHOD,
            path::DELIVERY_RECIPIENT,
            path::DELIVERY_PHONE,
            path::DELIVERY_ADDRESS,
        ],
        Step::Declaration => &[
            path::DECLARATION_TRUTHFUL,
            path::DECLARATION_NO_DISQUALIFICATION,
        ],
        _ => &[],
    }
}

fn shows_people(step: Step) -> bool {
    matches!(
        step,
        Step::Investors
            | Step::Officers
            | Step::Partnership
            | Step::Contacts
            | Step::BeneficialOwners
    )
}

/// Whether `step` renders the field of `pattern`. Runs for every finding on every change:
/// it allocates nothing.
pub fn shows(step: Step, pattern: &str) -> bool {
    own_fields(step).contains(&pattern) || shows_people(step) && PERSON.contains(&pattern)
}

/// The fields `step` renders, as patterns.
pub fn fields(step: Step) -> Vec<&'static str> {
    let people = if shows_people(step) { PERSON } else { &[] };
    own_fields(step).iter().chain(people).copied().collect()
}

/// The step where the person is edited: the first of their roles that shows their form (an
/// investor's on the investors step, an officer's on the officers step …); else where the
/// contacts are chosen.
pub fn person_home_step(app: &Application, person_id: &str) -> Step {
    app.roles()
        .into_iter()
        .filter(|r| r.person_id == person_id)
        .filter_map(|r| home_of(r.role))
        .min_by_key(|(rank, _)| *rank)
        .map_or(Step::Contacts, |(_, step)| step)
}

/// `person_home_step` of every person who has a role that shows their form, in one pass, from
/// who holds which role, which is all it reads (a person missing here is edited where the
/// contacts are chosen).
pub fn home_steps_of_holders<'a>(
    holders: impl IntoIterator<Item = (Role, &'a str)>,
) -> HashMap<&'a str, Step> {
    let mut homes: HashMap<&str, (u8, Step)> = HashMap::default();
    for (role, person_id) in holders {
        if let Some(home) = home_of(role) {
            let best = homes.entry(person_id).or_insert(home);
            if home.0 < best.0 {
                *best = home;
            }
        }
    }
    homes
        .into_iter()
        .map(|(id, (_, step))| (id, step))
        .collect()
}

/// Where a role shows its holder's form, ranked: the first of a person's roles wins.
fn home_of(role: Role) -> Option<(u8, Step)> {
    match role {
        Role::Investor | Role::FamilyMember => Some((0, Step::Investors)),
        Role::LegalRepresentative | Role::Director | Role::Supervisor | Role::Manager => {
            Some((1, Step::Officers))
        }
        Role::ExecutingPartnerDelegate => Some((2, Step::Partnership)),
        Role::BeneficialOwner => Some((3, Step::BeneficialOwners)),
        _ => None,
    }
}

/// The step whose page shows the field at `path`: a person's fields on their home step, any
/// other field on the first step of the journey that lists it (the review page if none does).
pub fn step_of_path(app: &Application, path: &str) -> Step {
    step_of_path_in(app, path, |id| person_home_step(app, id))
}

/// `step_of`, with every person's home step found once before (`home_steps_of_holders`): for
/// many findings at a time.
pub fn step_of_with_homes(app: &Application, homes: &HashMap<String, Step>, f: &Finding) -> Step {
    step_of_path_in(app, &f.path, |id| {
        homes.get(id).copied().unwrap_or(Step::Contacts)
    })
}

fn step_of_path_in(app: &Application, path: &str, home: impl Fn(&str) -> Step) -> Step {
    if let Some(id) = path::person_of(path) {
        return home(id);
    }
    let wanted = pattern(path);
    steps_for(app.entity_type)
        .into_iter()
        .find(|step| shows(*step, &wanted))
        .unwrap_or(Step::Review)
}

/// The step whose page shows `finding`.
pub fn step_of(app: &Application, finding: &Finding) -> Step {
    step_of_path(app, &finding.path)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod contract {
    //! Every path a rule can emit has an input on a step of that entity type: the example
    //! applications, and thousands of broken variants of them, run through `check`.
    use super::*;
    use kaiban_core::date::Date;
    use kaiban_core::samples::{broken_variants, examples};
    use kaiban_core::{check, Context};

    /// The findings no step of the application's journey shows, as "code at path".
    fn unshown(app: &Application, table: impl Fn(Step) -> Vec<&'static str>) -> Vec<String> {
        let ctx = Context::with_bundled_catalog(Date::new(2026, 6, 1).unwrap());
        let steps = steps_for(app.entity_type);
        check(app, &ctx)
            .into_iter()
            .filter(|f| {
                let step = step_of(app, f);
                !steps.contains(&step) || !table(step).contains(&pattern(&f.path).as_str())
            })
            .map(|f| format!("{} at {} (→ {:?})", f.code, f.path, step_of(app, &f)))
            .collect()
    }

    #[test]
    fn every_finding_lands_on_a_step_that_shows_its_field() {
        let mut problems = std::collections::BTreeSet::new();
        let mut checked = 0;
        // Each example as it is, and taking every service of the bundle.
        let today = Date::new(2026, 6, 1).unwrap();
        let bundled = examples()
            .into_iter()
            .map(|(kind, app)| (kind, kaiban_core::samples::with_full_bundle(app, today)));
        for (kind, example) in examples().into_iter().chain(bundled) {
            for app in std::iter::once(example.clone()).chain(broken_variants(&example)) {
                checked += 1;
                for p in unshown(&app, fields) {
                    problems.insert(format!("{kind}: {p}"));
                }
            }
        }
        assert!(
            checked > 1_000,
            "only {checked} applications were generated"
        );
        assert!(
            problems.is_empty(),
            "findings without a field on their step:\n{}",
            {
                let list: Vec<_> = problems.into_iter().collect();
                list.join("\n")
            }
        );
    }

    #[test]
    fn a_field_missing_from_the_table_is_caught() {
        let mut app = kaiban_core::samples::example("llc");
        app.name.full.clear();
        let without_name = |step: Step| {
            let mut f = fields(step);
            f.retain(|p| *p != path::NAME_FULL);
            f
        };
        assert!(unshown(&app, fields).is_empty());
        assert!(unshown(&app, without_name)
            .iter()
            .any(|p| p.starts_with("name.required at name.full")));
    }

    #[test]
    fn every_persons_home_is_the_same_found_alone_or_all_at_once() {
        for (kind, example) in examples() {
            for app in std::iter::once(example.clone()).chain(broken_variants(&example)) {
                let homes =
                    home_steps_of_holders(app.roles().into_iter().map(|r| (r.role, r.person_id)));
                for person in &app.persons {
                    let together = homes
                        .get(person.id.as_str())
                        .copied()
                        .unwrap_or(Step::Contacts);
                    assert_eq!(
                        together,
                        person_home_step(&app, &person.id),
                        "{kind}: {}",
                        person.id
                    );
                }
            }
        }
    }
}
