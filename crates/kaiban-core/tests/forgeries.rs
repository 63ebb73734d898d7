//! The forgeries an attacker would send (support/forge.rs), against kaiban-core's verifier:
//! each is refused with its code, and the honest control, re-signed with fresh keys in the
//! same way, is accepted. (The same set goes over HTTP in kaiban-verify/tests.)

#[path = "support/forge.rs"]
mod forge;

use kaiban_core::package::{received_files, verify};

fn check(submission: &forge::Submission, now: i64) -> kaiban_core::package::VerifyReport {
    let received = received_files(submission.files.iter().map(Vec::as_slice));
    verify(submission.package.as_bytes(), &received, now)
}

#[test]
fn the_honest_control_is_accepted() {
    let now = forge::now();
    let report = check(&forge::honest(now), now);
    assert!(report.is_valid(), "{report:#?}");
    assert_eq!(report.entries.len(), 6);
}

#[test]
fn the_honest_control_with_every_service_of_the_bundle_is_accepted() {
    let now = forge::now();
    let report = check(&forge::honest_with_bundle(now), now);
    assert!(report.is_valid(), "{report:#?}");
    let payload = report.payload.unwrap();
    assert!(payload.bundle.unwrap().tax.is_some());
}

#[test]
fn every_forgery_is_refused_with_its_code() {
    let now = forge::now();
    let forgeries = forge::forgeries(now);
    assert!(forgeries.len() >= 14);
    for forgery in &forgeries {
        let report = check(forgery, now);
        assert!(!report.is_valid(), "{} was accepted", forgery.name);
        assert!(
            report.codes().contains(&forgery.code),
            "{}: expected {}, got {:?}",
            forgery.name,
            forgery.code,
            report.codes()
        );
    }
}

#[test]
fn floods_are_refused_before_any_signature_is_checked() {
    let now = forge::now();
    for forgery in forge::forgeries(now).iter().filter(|f| {
        [
            "signers.too_many",
            "package.too_large",
            "package.too_costly",
        ]
        .contains(&f.code)
    }) {
        let report = check(forgery, now);
        assert!(
            report.entries.is_empty(),
            "{}: entries were checked",
            forgery.name
        );
    }
}

#[test]
fn refusals_name_no_personal_data() {
    let now = forge::now();
    let app = forge::application();
    let personal: Vec<String> = app
        .persons
        .iter()
        .flat_map(|p| [p.name.clone(), p.id_number.clone()])
        .chain(app.attachments.iter().map(|a| a.name.clone()))
        .filter(|s| !s.is_empty())
        .collect();
    for forgery in forge::forgeries(now) {
        let report = check(&forgery, now);
        let text = serde_json::to_string(&report).unwrap();
        for item in &personal {
            assert!(
                !text.contains(item.as_str()),
                "{}: {item} in {text}",
                forgery.name
            );
        }
    }
}
