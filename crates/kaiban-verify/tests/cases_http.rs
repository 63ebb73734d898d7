//! The case API's gate over HTTP (docs/case-lifecycle.md): the operator API and the console
//! refuse everyone without the operator token or a console session, no route moves a case
//! without them, and the console refuses a cross-site form; the docs' recipes run as written.
//! The case's life itself is in case_lifecycle_http.rs.

mod support;

use serde_json::Value;
use support::{example_llc, request, start_with, status, submit, LEASE};

use support::cases::*;

/// One request an outsider tries: method, path, headers and body.
type Attempt = (&'static str, String, Vec<(&'static str, String)>, Vec<u8>);

#[test]
fn without_the_operator_token_nothing_is_read_and_no_case_moves() {
    let closed = start_with("cases-no-console", &[]);
    for path in ["/console", "/operator/cases"] {
        assert_eq!(
            request(closed.port, "GET", path, &[], b"").status,
            404,
            "{path} exists without a token configured"
        );
    }

    let server = start_with("cases-gate", &["--operator-token", TOKEN]);
    let case = filed(&submit(
        server.port,
        "gate",
        package(&app_with_lease(example_llc()), "app-gate", None)
            .to_json()
            .as_bytes(),
        &[LEASE],
    ));
    let r = &case.receipt;
    let form = "action=accept&reasons=".to_string();
    let attempts: Vec<Attempt> = vec![
        ("GET", "/console".into(), vec![], vec![]),
        ("GET", format!("/console/cases/{r}"), vec![], vec![]),
        (
            "POST",
            format!("/console/cases/{r}/actions"),
            vec![("Content-Type", "application/x-www-form-urlencoded".into())],
            form.clone().into_bytes(),
        ),
        ("GET", "/operator/cases".into(), vec![], vec![]),
        (
            "GET",
            format!("/operator/cases/{r}"),
            vec![("Authorization", "Bearer wrong-token-wrong-token".into())],
            vec![],
        ),
        (
            "POST",
            format!("/operator/cases/{r}/actions"),
            vec![("Content-Type", "application/json".into())],
            br#"{"action":"accept"}"#.to_vec(),
        ),
        (
            "POST",
            format!("/operator/cases/{r}/actions"),
            vec![
                ("Cookie", "kaiban_operator=guess".into()),
                ("Content-Type", "application/json".into()),
            ],
            br#"{"action":"accept"}"#.to_vec(),
        ),
        // The applicant's own token is not the operator's.
        (
            "POST",
            format!("/operator/cases/{r}/actions"),
            vec![
                ("Authorization", format!("Bearer {}", case.token)),
                ("Content-Type", "application/json".into()),
            ],
            br#"{"action":"accept"}"#.to_vec(),
        ),
    ];
    for (method, path, headers, body) in &attempts {
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = request(server.port, method, path, &headers, body);
        assert_eq!(reply.status, 401, "{method} {path}: {}", reply.body);
        assert!(
            !reply.body.to_string().contains(r.as_str()),
            "{method} {path} leaked the case"
        );
    }
    let wrong = request(
        server.port,
        "POST",
        "/console/login",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"token=not-the-token",
    );
    assert_eq!(wrong.status, 401);
    // The operator token itself is not a console cookie: a sign-in makes a session of its own.
    let token_as_cookie = format!("kaiban_operator={TOKEN}");
    let by_token_cookie = request(
        server.port,
        "GET",
        "/operator/cases",
        &[("Cookie", &token_as_cookie)],
        b"",
    );
    assert_eq!(by_token_cookie.status, 401);

    let cookie = signed_in(server.port);

    // The session's cookie, but a form posted from another site (cross-site request forgery):
    // named by Origin, or only by the browser's Sec-Fetch-Site.
    for forged_from in [
        [("Origin", "http://evil.example")],
        [("Sec-Fetch-Site", "cross-site")],
    ] {
        let mut headers = vec![
            ("Cookie", cookie.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ];
        headers.extend(forged_from);
        let forged = request(
            server.port,
            "POST",
            &format!("/console/cases/{r}/actions"),
            &headers,
            form.as_bytes(),
        );
        assert_eq!(forged.status, 403, "{forged_from:?}");
    }
    assert_eq!(
        stage(server.port, &case),
        "received",
        "no attempt moved the case"
    );

    // From its own origin, the signed-in console acts.
    let origin = format!("http://127.0.0.1:{}", server.port);
    let own = [
        ("Cookie", cookie.as_str()),
        ("Origin", origin.as_str()),
        ("Sec-Fetch-Site", "same-origin"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    let accepted = request(
        server.port,
        "POST",
        &format!("/console/cases/{r}/actions"),
        &own,
        form.as_bytes(),
    );
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    assert_eq!(stage(server.port, &case), "accepted");

    // Logging out ends the session: the same cookie opens nothing afterwards.
    let logout = request(server.port, "POST", "/console/logout", &own, b"");
    assert_eq!(logout.status, 303);
    let after = request(
        server.port,
        "GET",
        "/operator/cases",
        &[("Cookie", &cookie)],
        b"",
    );
    assert_eq!(after.status, 401);
}

/// docs/case-lifecycle.md shows the applicant's view, the `case` setting and the command that
/// moves a case: each is checked here against the real answer, types and command.
#[test]
fn the_case_docs_show_what_runs() {
    let doc = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/case-lifecycle.md"),
    )
    .unwrap();
    let blocks: Vec<&str> = doc
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|block| block.split_once('\n').map_or(block, |(_, body)| body))
        .collect();
    let block = |starts: &str| -> &str {
        blocks
            .iter()
            .find(|b| b.trim_start().starts_with(starts))
            .unwrap_or_else(|| panic!("no block starting {starts}"))
    };

    // The `case` setting: the values shown are the defaults, and the calendar's shape is read.
    let setting: Value = serde_json::from_str(block("{\n  \"case\"")).unwrap();
    let limits: kaiban_core::case::Limits =
        serde_json::from_value(setting["case"]["limits"].clone()).unwrap();
    assert_eq!(limits, kaiban_core::case::Limits::default());
    let _: kaiban_core::case::Calendar =
        serde_json::from_value(setting["case"]["calendar"].clone()).unwrap();

    // The command, on a real case in a receiver's data folder.
    let server = start_with("cases-docs", &[]);
    let case = filed(&submit(
        server.port,
        "docs",
        package(&app_with_lease(example_llc()), "app-docs", None)
            .to_json()
            .as_bytes(),
        &[LEASE],
    ));
    let command = block("kaiban-verify status").trim();
    let (words, reason) = command.split_once(" --reason '").unwrap();
    let mut args: Vec<String> = words
        .split_whitespace()
        .skip(1)
        .map(|w| match w {
            "DIR" => server.data.display().to_string(),
            "KB-…" => case.receipt.clone(),
            other => other.to_string(),
        })
        .collect();
    args.extend([
        "--reason".to_string(),
        reason.trim_end_matches('\'').to_string(),
    ]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // What the applicant reads has the members shown, and the reason on its field.
    let view = status(server.port, &case.receipt, Some(&case.token)).body;
    let shown: Value = serde_json::from_str(block("{\n  \"receipt_id\"")).unwrap();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&shown), keys(&view));
    assert_eq!(view["stage"], "returned");
    let last = view["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["reasons"], shown["history"][2]["reasons"]);
    assert_eq!(
        keys(&view["clocks"][0]),
        keys(&shown["clocks"][0]),
        "a clock's members"
    );
}
