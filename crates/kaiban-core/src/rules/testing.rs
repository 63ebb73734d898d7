//! Test helpers: the shipped example applications, and lookups that fail with the whole
//! finding list so a broken test says what it saw.

use super::{check, Context, Finding};
use crate::date::Date;
use crate::model::{Application, Person};

/// The date every rule test runs on.
pub fn today() -> Date {
    Date::new(2026, 1, 1).unwrap()
}

pub fn findings(app: &Application) -> Vec<Finding> {
    check(app, &Context::with_bundled_catalog(today()))
}

pub fn example(kind: &str) -> Application {
    let json = match kind {
        "llc" => include_str!("../../examples/applications/llc.json"),
        "one_person_llc" => include_str!("../../examples/applications/one_person_llc.json"),
        "joint_stock" => include_str!("../../examples/applications/joint_stock.json"),
        "sole_proprietorship" => {
            include_str!("../../examples/applications/sole_proprietorship.json")
        }
        "general_partnership" => {
            include_str!("../../examples/applications/general_partnership.json")
        }
        "limited_partnership" => {
            include_str!("../../examples/applications/limited_partnership.json")
        }
        "individual_business" => {
            include_str!("../../examples/applications/individual_business.json")
        }
        other => panic!("no example {other}"),
    };
    serde_json::from_str(json).unwrap_or_else(|e| panic!("example {kind}: {e}"))
}

pub fn find(app: &Application, code: &str) -> Finding {
    let all = findings(app);
    all.iter()
        .find(|f| f.code == code)
        .cloned()
        .unwrap_or_else(|| panic!("expected {code}, got {:#?}", all))
}

pub fn find_at(app: &Application, code: &str, path: &str) -> Finding {
    let all = findings(app);
    all.iter()
        .find(|f| f.code == code && f.path == path)
        .cloned()
        .unwrap_or_else(|| panic!("expected {code} at {path}, got {:#?}", all))
}

pub fn assert_no(app: &Application, code: &str) {
    let all = findings(app);
    assert!(
        !all.iter().any(|f| f.code == code),
        "unexpected {code}: {all:#?}"
    );
}

/// Adds a valid adult natural person with a unique resident ID and returns the id.
pub fn add_person(app: &mut Application, n: u32) -> String {
    let first17 = format!("52011519900101{:03}", 100 + n);
    let check = crate::ids::mod11_2_check(first17.as_bytes());
    let id = format!("extra-{n}");
    app.persons.push(
        Person {
            id: id.clone(),
            name: format!("测试人{n}"),
            id_number: format!("{first17}{check}"),
            ..Person::default()
        }
        .into(),
    );
    id
}

pub const EXAMPLES: [&str; 7] = [
    "llc",
    "one_person_llc",
    "joint_stock",
    "sole_proprietorship",
    "general_partnership",
    "limited_partnership",
    "individual_business",
];

#[test]
fn every_example_passes_with_no_errors() {
    for kind in EXAMPLES {
        let errors: Vec<Finding> = findings(&example(kind))
            .into_iter()
            .filter(Finding::is_error)
            .collect();
        assert!(errors.is_empty(), "{kind}: {errors:#?}");
    }
}
