//! `kaiban-verify status --data-dir DIR RECEIPT ACTION... [--reason TEXT]... [--config FILE]
//! [--catalogue FILE]`: moves a case by the same state machine the console uses
//! (kaiban_core::case), one action after another; the reasons go with the actions that need
//! them. A reason may name its field: `domicile.detail: 中文 | English`.

use crate::args::Args;
use crate::deployment::Deployment;
use crate::receiver::cases::{self, parse_reason, ActError};
use kaiban_core::case::Action;

fn usage() -> u8 {
    let actions: Vec<String> = Action::ALL
        .iter()
        .filter(|a| !a.by_applicant())
        .map(kaiban_core::key::of)
        .collect();
    eprintln!(
        "usage: kaiban-verify status --data-dir DIR RECEIPT ACTION... [--reason TEXT]... [--config FILE]\n  ACTION: {}\n  a reason on a field: --reason 'domicile.detail: 中文 | English'",
        actions.join(" | ")
    );
    2
}

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(argv, &["data-dir", "reason", "config", "catalogue"]) {
        Ok(a) if a.positional.len() >= 2 => a,
        _ => return usage(),
    };
    let mut actions = Vec::new();
    for key in &args.positional[1..] {
        match kaiban_core::key::parse::<Action>(key).filter(|a| !a.by_applicant()) {
            Some(action) => actions.push(action),
            None => {
                eprintln!("kaiban-verify status: {key} is not a registrar's action");
                return usage();
            }
        }
    }
    let deployment = match Deployment::load(args.get("config"), args.get("catalogue")) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("kaiban-verify status: {e}");
            return 2;
        }
    };
    let data = std::path::PathBuf::from(args.get("data-dir").unwrap_or("target/received"));
    let authority = match crate::receiver::Receiver::authority_of(&data) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("kaiban-verify status: cannot use {}: {e}", data.display());
            return 1;
        }
    };
    let reasons: Vec<_> = args.all("reason").into_iter().map(parse_reason).collect();
    let receipt = &args.positional[0];
    for action in actions {
        let given = if action.needs_reasons() {
            reasons.clone()
        } else {
            Vec::new()
        };
        match cases::act(&data, receipt, action, given, &deployment, &authority) {
            Ok(record) => println!("{}", serde_json::to_string(&record).unwrap_or_default()),
            Err(ActError::Refused(refused)) => {
                eprintln!(
                    "kaiban-verify status: {} ({})",
                    refused.text.en, refused.code
                );
                return 1;
            }
            Err(e) => {
                eprintln!("kaiban-verify status: {}", e.text().en);
                return 1;
            }
        }
    }
    0
}
