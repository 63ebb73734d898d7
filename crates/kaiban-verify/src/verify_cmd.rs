//! `kaiban-verify verify PACKAGE [--attachments DIR]`: per-signature results, exit 0 only
//! when every entry verifies, every required signer signed and every attachment matches.

use crate::args::Args;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(argv, &["attachments"]) {
        Ok(a) if a.positional.len() == 1 => a,
        _ => {
            eprintln!("usage: kaiban-verify verify PACKAGE.jws.json [--attachments DIR]");
            return 2;
        }
    };
    let path = &args.positional[0];
    let package = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("kaiban-verify: cannot read {path}: {e}");
            return 2;
        }
    };
    let mut files = HashMap::new();
    if let Some(dir) = args.get("attachments") {
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    if let Ok(bytes) = std::fs::read(entry.path()) {
                        let digest: String = Sha256::digest(&bytes)
                            .iter()
                            .map(|b| format!("{b:02x}"))
                            .collect();
                        files.insert(digest, bytes);
                    }
                }
            }
            Err(e) => {
                eprintln!("kaiban-verify: cannot read {dir}: {e}");
                return 2;
            }
        }
    }
    let report = kaiban_core::package::verify(&package, &files);
    for entry in &report.entries {
        println!(
            "signature {}: {} signer={} kid={}{}",
            entry.index,
            if entry.valid { "valid" } else { "INVALID" },
            entry.signer.as_deref().unwrap_or("?"),
            entry.kid.as_deref().unwrap_or("?"),
            entry
                .problem
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default()
        );
    }
    for problem in &report.problems {
        println!("problem {}: {}", problem.code, problem.message);
    }
    if report.is_valid() {
        println!("package valid: {} signatures", report.entries.len());
        0
    } else {
        1
    }
}
