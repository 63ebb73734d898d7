//! `kaiban-verify service --data-dir DIR RECEIPT SERVICE STATE [--detail TEXT]`: what an
//! operator (or the agency's system) does when one service of a case moves on, e.g. the seals
//! are engraved or the bank appointment is booked; the applicant's receipt shows it at once.

use crate::args::Args;
use crate::receiver::store::append_service;
use kaiban_core::bundle::{Service, ServiceEvent, ServiceState};

fn keys<T: serde::Serialize>(all: &[T]) -> String {
    all.iter()
        .map(kaiban_core::key::of)
        .collect::<Vec<_>>()
        .join(" | ")
}

pub fn run(argv: &[String]) -> u8 {
    let usage = || {
        eprintln!(
            "usage: kaiban-verify service --data-dir DIR RECEIPT SERVICE STATE [--detail TEXT]\n  SERVICE: {}\n  STATE: {}",
            keys(&Service::ALL),
            keys(&ServiceState::ALL)
        );
        2
    };
    let args = match Args::parse(argv, &["data-dir", "detail"]) {
        Ok(a) if a.positional.len() == 3 => a,
        _ => return usage(),
    };
    let (Some(service), Some(state)) = (
        kaiban_core::key::parse::<Service>(&args.positional[1]),
        kaiban_core::key::parse::<ServiceState>(&args.positional[2]),
    ) else {
        return usage();
    };
    let data = std::path::PathBuf::from(args.get("data-dir").unwrap_or("target/received"));
    let event = ServiceEvent {
        service,
        state,
        at: crate::clock::now_rfc3339(),
        detail: args.get("detail").unwrap_or_default().to_string(),
    };
    match append_service(&data, &args.positional[0], event) {
        Ok(events) => {
            println!("{}", serde_json::to_string(&events).unwrap_or_default());
            0
        }
        Err(e) => {
            eprintln!("kaiban-verify service: {e}");
            1
        }
    }
}
