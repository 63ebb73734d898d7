//! `kaiban-verify verify PACKAGE [--attachments DIR]`: per-signature results, exit 0 only
//! when every entry verifies, every signer the application requires signed with a key of their
//! own, and the attachments received are exactly those the application references.

use crate::args::Args;
use kaiban_core::package::{received_files, verify};

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
    let mut files = Vec::new();
    if let Some(dir) = args.get("attachments") {
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    if let Ok(bytes) = std::fs::read(entry.path()) {
                        files.push(bytes);
                    }
                }
            }
            Err(e) => {
                eprintln!("kaiban-verify: cannot read {dir}: {e}");
                return 2;
            }
        }
    }
    let received = received_files(files.iter().map(Vec::as_slice));
    let report = verify(&package, &received, crate::clock::unix_now() as i64);
    for entry in &report.entries {
        println!(
            "signature {}: {} signer={} kid={}{}",
            entry.index,
            if entry.valid { "valid" } else { "INVALID" },
            entry.signer.as_deref().unwrap_or("?"),
            entry.kid.as_deref().unwrap_or("?"),
            match (&entry.code, &entry.problem) {
                (Some(code), Some(text)) => format!(" ({code}: {text})"),
                _ => String::new(),
            }
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
