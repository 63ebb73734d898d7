//! The derived lists against what was signed and received: each required signer exactly
//! once and nobody else; each referenced attachment received with its size, nothing else.

use super::{about, problem, Problem, Received};
use crate::package::{AttachmentRef, RequiredSigner};
use std::collections::{BTreeSet, HashMap};

pub(super) fn same_signers(derived: &[RequiredSigner], claimed: &[RequiredSigner]) -> bool {
    let key = |list: &[RequiredSigner]| -> Vec<(String, String, Vec<crate::package::SignerRole>)> {
        let mut rows: Vec<_> = list
            .iter()
            .map(|s| {
                let mut roles = s.roles.clone();
                roles.sort();
                (s.person_id.clone(), s.name.clone(), roles)
            })
            .collect();
        rows.sort();
        rows
    };
    key(derived) == key(claimed)
}

pub(super) fn sorted(list: &[AttachmentRef]) -> Vec<(&str, &str, &str, u64)> {
    let mut rows: Vec<_> = list
        .iter()
        .map(|a| {
            (
                a.sha256.as_str(),
                a.name.as_str(),
                a.media_type.as_str(),
                a.size,
            )
        })
        .collect();
    rows.sort();
    rows
}

fn roles_text(signer: &RequiredSigner) -> String {
    signer
        .roles
        .iter()
        .map(|r| r.label().en)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn check_signers(
    required: &[RequiredSigner],
    signed_by: &HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) {
    let total = required.len();
    for (n, signer) in required.iter().enumerate() {
        let who = format!(
            "required signer {} of {total} ({})",
            n + 1,
            roles_text(signer)
        );
        match signed_by.get(&signer.person_id).copied().unwrap_or(0) {
            0 => problems.push(about(
                &signer.person_id,
                "signers.missing",
                format!("{who} has not signed"),
            )),
            1 => {}
            times => problems.push(about(
                &signer.person_id,
                "signers.duplicate",
                format!("{who} signed {times} times"),
            )),
        }
    }
    let required: BTreeSet<&str> = required.iter().map(|s| s.person_id.as_str()).collect();
    let mut unexpected: Vec<&String> = signed_by
        .keys()
        .filter(|s| !required.contains(s.as_str()))
        .collect();
    unexpected.sort();
    for signer in unexpected {
        problems.push(about(
            signer,
            "signers.unexpected",
            "an entry signs for someone the application does not require to sign",
        ));
    }
}

pub(super) fn check_attachments(
    expected: &[AttachmentRef],
    received: &Received,
    problems: &mut Vec<Problem>,
) {
    let total = expected.len();
    for (n, a) in expected.iter().enumerate() {
        match received.get(&a.sha256) {
            None => problems.push(problem(
                "attachment.missing",
                format!("attachment {} of {total} was not received", n + 1),
            )),
            Some(&size) if size != a.size => problems.push(problem(
                "attachment.mismatch",
                format!("attachment {} of {total} does not match its size", n + 1),
            )),
            Some(_) => {}
        }
    }
    let referenced: BTreeSet<&str> = expected.iter().map(|a| a.sha256.as_str()).collect();
    let extra = received
        .keys()
        .filter(|d| !referenced.contains(d.as_str()))
        .count();
    if extra > 0 {
        problems.push(problem(
            "attachment.unreferenced",
            format!("{extra} received file(s) are not referenced by the application"),
        ));
    }
}
