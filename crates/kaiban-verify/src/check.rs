//! `kaiban-verify check`: the same findings the browser shows, as JSON lines.

use crate::args::Args;
use crate::deployment::Deployment;
use kaiban_core::date::Date;
use kaiban_core::{check, migrate};
use std::io::Read;

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_ERRORS: u8 = 1;
pub const EXIT_NOT_AN_APPLICATION: u8 = 2;

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(argv, &["today", "config", "catalogue"]) {
        Ok(args) if args.positional.len() == 1 => args,
        Ok(_) => return usage("check needs exactly one FILE (or - for stdin)"),
        Err(e) => return usage(&e),
    };
    let today = match args.get("today") {
        None => today_utc(),
        Some(text) => match text.parse::<Date>() {
            Ok(date) => date,
            Err(e) => return usage(&format!("--today {text}: {e}")),
        },
    };
    let deployment = match Deployment::load(args.get("config"), args.get("catalogue")) {
        Ok(deployment) => deployment,
        Err(e) => return usage(&e),
    };
    let source = &args.positional[0];
    let text = match read_source(source) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("kaiban-verify: cannot read {source}: {e}");
            return EXIT_NOT_AN_APPLICATION;
        }
    };
    let app = match migrate(&text) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("kaiban-verify: {source} is not a Kaiban application: {e}");
            return EXIT_NOT_AN_APPLICATION;
        }
    };
    let findings = check(&app, &deployment.context(today));
    for finding in &findings {
        println!(
            "{}",
            serde_json::to_string(finding).expect("findings serialise")
        );
    }
    if kaiban_core::rules::has_errors(&findings) {
        EXIT_ERRORS
    } else {
        EXIT_CLEAN
    }
}

fn usage(problem: &str) -> u8 {
    eprintln!("kaiban-verify check: {problem}\nusage: kaiban-verify check FILE.json|- [--today YYYY-MM-DD] [--config kaiban.config.json] [--catalogue FILE]");
    EXIT_NOT_AN_APPLICATION
}

fn read_source(source: &str) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    if source == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(source)?;
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
        )
    })
}

pub use crate::clock::today_utc;
