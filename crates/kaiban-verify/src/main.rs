//! `kaiban-verify`: re-checks Kaiban applications natively with exactly the rules the browser
//! runs, and serves the reference receiver that the app submits to.

mod args;
mod check;
mod serve;

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  kaiban-verify check FILE.json|- [--today YYYY-MM-DD]
      print findings as JSON lines; exit 0 when no errors, 1 with errors, 2 if not an application
  kaiban-verify serve [--host 127.0.0.1] [--port 8787] [--data-dir DIR] [--allow-origin URL]...
      run the reference receiver";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let code = match argv.first().map(String::as_str) {
        Some("check") => check::run(&argv[1..]),
        Some("serve") => serve::run(&argv[1..]),
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
