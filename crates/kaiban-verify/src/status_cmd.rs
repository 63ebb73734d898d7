//! `kaiban-verify status --data-dir DIR RECEIPT STATUS [--reason TEXT]...`: what an operator
//! does to move a case along; the receiver shows it at once.

use crate::args::Args;
use crate::receiver::store::{append_status, StatusEvent};

pub const STATUSES: [&str; 6] = [
    "received",
    "under_review",
    "returned",
    "approved",
    "rejected",
    "licensed",
];

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(argv, &["data-dir", "reason"]) {
        Ok(a) if a.positional.len() == 2 => a,
        _ => {
            eprintln!("usage: kaiban-verify status --data-dir DIR RECEIPT STATUS [--reason TEXT]...\n  STATUS: {}", STATUSES.join(" | "));
            return 2;
        }
    };
    let status = args.positional[1].as_str();
    if !STATUSES.contains(&status) {
        eprintln!(
            "kaiban-verify status: {status} is not one of {}",
            STATUSES.join(", ")
        );
        return 2;
    }
    let data = std::path::PathBuf::from(args.get("data-dir").unwrap_or("target/received"));
    let event = StatusEvent {
        status: status.into(),
        at: crate::clock::now_rfc3339(),
        reasons: args.all("reason").into_iter().map(String::from).collect(),
    };
    match append_status(&data, &args.positional[0], event) {
        Ok(history) => {
            println!("{}", serde_json::to_string(&history).unwrap_or_default());
            0
        }
        Err(e) => {
            eprintln!("kaiban-verify status: {e}");
            1
        }
    }
}
