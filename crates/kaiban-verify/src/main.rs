//! `kaiban-verify`: re-checks Kaiban applications natively with exactly the rules the browser
//! runs, and serves the reference receiver that the app submits to.

mod args;
mod catalogue_cmd;
mod check;
mod clock;
mod deployment;
mod documents_cmd;
mod receiver;
mod service_cmd;
mod status_cmd;
mod verify_cmd;

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  kaiban-verify check FILE.json|- [--today YYYY-MM-DD] [--config kaiban.config.json] [--catalogue FILE]
      print findings as JSON lines; exit 0 when no errors, 1 with errors, 2 if not an application
  kaiban-verify catalogue FILE
      check a business-scope catalogue file and print its version, items and SHA-256
  kaiban-verify verify PACKAGE.jws.json [--attachments DIR]
      check every signature, signer and attachment; exit 0 only if all hold
  kaiban-verify documents PACKAGE.jws.json --out DIR
      regenerate the filing's documents from the package's application and write them as HTML
  kaiban-verify serve [--host 127.0.0.1] [--port 8787] [--data-dir DIR] [--allow-origin URL]... [--config kaiban.config.json] [--catalogue FILE] [--round-expiry SECONDS]
      [--operator-token TOKEN]
      run the reference receiver (POST /submissions, GET /submissions/RECEIPT, signing rounds)
  kaiban-verify status --data-dir DIR RECEIPT ACTION... [--reason TEXT]... [--config FILE]
      move a case by the registrar's actions: accept | refuse_to_accept | start_review | extend |
      approve | return | reject (a reason on a field: 'domicile.detail: 中文 | English')
  kaiban-verify service --data-dir DIR RECEIPT SERVICE STATE [--detail TEXT]
      set one service of a case: seals | tax | social_insurance | housing_fund | bank,
      requested | in_progress | done | refused
  kaiban-verify sample --investors N
      print a valid synthetic LLC application with N shareholders (benchmarks)";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let code = match argv.first().map(String::as_str) {
        Some("check") => check::run(&argv[1..]),
        Some("catalogue") => catalogue_cmd::run(&argv[1..]),
        Some("serve") => receiver::run(&argv[1..]),
        Some("verify") => verify_cmd::run(&argv[1..]),
        Some("status") => status_cmd::run(&argv[1..]),
        Some("service") => service_cmd::run(&argv[1..]),
        Some("documents") => documents_cmd::run(&argv[1..]),
        Some("sample") => {
            let investors = argv.get(2).and_then(|n| n.parse().ok()).unwrap_or(50);
            println!(
                "{}",
                kaiban_core::samples::llc_with_investors(investors).to_json_pretty()
            );
            0
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            0
        }
        _ => {
            eprintln!("{USAGE}");
            2
        }
    };
    ExitCode::from(code)
}
