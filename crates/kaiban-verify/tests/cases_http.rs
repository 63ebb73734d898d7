//! A case's life over HTTP (docs/case-lifecycle.md): the operator API and the console refuse
//! everyone without the operator token, and no route moves a case without it; the state machine
//! refuses illegal moves; a correction links to the returned case only with that case's status
//! token, once, and shows what changed; approval allocates a valid credit code and issues an
//! e-licence signed with the published key; the representative withdraws with their filing key.

mod support;

use kaiban_core::case::licence::verify;
use kaiban_core::case::withdrawal::{header, Withdrawal};
use kaiban_core::package::{sign_protected, Jwk, Package, Payload};
use serde_json::{json, Value};
use support::{example_llc, request, start_with, status, submit, Reply, LEASE};

const TOKEN: &str = "operator-token-for-the-tests";

/// One request an outsider tries: method, path, headers and body.
type Attempt = (&'static str, String, Vec<(&'static str, String)>, Vec<u8>);

fn app_with_lease(mut app: kaiban_core::Application) -> kaiban_core::Application {
    app.attachments[0].sha256 = kaiban_core::package::sha256_hex(LEASE);
    app.attachments[0].size = LEASE.len() as u64;
    app
}

/// `app` signed by everyone (the tests' deterministic keys), correcting `corrects` if given.
fn package(app: &kaiban_core::Application, id: &str, corrects: Option<&str>) -> Package {
    let payload = Payload::new(app, id.into(), "2026-01-01T00:00:00Z".into())
        .correcting(corrects.map(String::from));
    kaiban_core::samples::signed_by_everyone(&payload, 7, 1_767_225_600)
}

struct Filed {
    receipt: String,
    token: String,
}

fn file(port: u16, key: &str, package: &Package, headers: &[(&str, &str)]) -> Reply {
    let (content_type, body) = support::multipart(package.to_json().as_bytes(), &[LEASE]);
    let mut all = vec![
        ("Content-Type", content_type.as_str()),
        ("Idempotency-Key", key),
    ];
    all.extend_from_slice(headers);
    request(port, "POST", "/submissions", &all, &body)
}

fn filed(reply: &Reply) -> Filed {
    assert_eq!(reply.status, 201, "{}", reply.body);
    Filed {
        receipt: reply.body["receipt_id"].as_str().unwrap().into(),
        token: reply.body["status_token"].as_str().unwrap().into(),
    }
}

fn operator(port: u16, method: &str, path: &str, token: Option<&str>, body: Value) -> Reply {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(a) = &auth {
        headers.push(("Authorization", a));
    }
    let bytes = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    request(port, method, path, &headers, &bytes)
}

fn act(port: u16, receipt: &str, action: &str, reasons: Value) -> Reply {
    operator(
        port,
        "POST",
        &format!("/operator/cases/{receipt}/actions"),
        Some(TOKEN),
        json!({ "action": action, "reasons": reasons }),
    )
}

/// Signs in to the console with the operator token; the session's cookie, which must not be
/// the token.
fn signed_in(port: u16) -> String {
    let login = request(
        port,
        "POST",
        "/console/login",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!("token={TOKEN}").as_bytes(),
    );
    assert_eq!(login.status, 303);
    assert!(
        login.headers.contains("set-cookie: kaiban_operator=")
            && login.headers.contains("httponly")
            && login.headers.contains("samesite=strict")
            && !login.headers.contains(TOKEN),
        "{}",
        login.headers
    );
    let pair = login
        .headers
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a cookie");
    // The reply's headers come lower-cased; session ids are upper-case base32.
    let session = pair.split_once('=').expect("name=value").1.to_uppercase();
    format!("kaiban_operator={session}")
}

fn stage(port: u16, case: &Filed) -> String {
    status(port, &case.receipt, Some(&case.token)).body["stage"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

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

#[test]
fn returned_corrected_approved_licensed_and_withdrawn() {
    let server = start_with("cases-life", &["--operator-token", TOKEN]);
    let first = filed(&submit(
        server.port,
        "first",
        package(&app_with_lease(example_llc()), "app-life", None)
            .to_json()
            .as_bytes(),
        &[LEASE],
    ));
    let r = first.receipt.clone();

    // The state machine refuses what the stage does not allow, and says what it does.
    let illegal = act(server.port, &r, "approve", json!([]));
    assert_eq!(
        (illegal.status, illegal.body["error"].as_str()),
        (409, Some("case.illegal_transition"))
    );
    assert!(
        illegal.body["message_zh"]
            .as_str()
            .unwrap()
            .contains("受理"),
        "{}",
        illegal.body
    );
    assert_eq!(act(server.port, &r, "accept", json!([])).status, 200);
    assert_eq!(act(server.port, &r, "start_review", json!([])).status, 200);
    let no_reason = act(server.port, &r, "return", json!([]));
    assert_eq!(no_reason.body["error"], "case.reasons_required");
    let reason = json!([{ "path": "domicile.detail", "zh": "详细地址缺少房间号", "en": "The address lacks the room number" }]);
    assert_eq!(act(server.port, &r, "return", reason).status, 200);
    let returned = status(server.port, &r, Some(&first.token));
    assert_eq!(returned.body["stage"], "returned");
    assert_eq!(
        returned.body["history"][3]["reasons"][0]["path"],
        "domicile.detail"
    );
    let clocks = returned.body["clocks"].as_array().unwrap();
    assert_eq!(clocks.len(), 2);
    assert_eq!(clocks[1]["flag"], "green", "decided within the promise");

    // The correction: only with the returned case's status token, and only once.
    let mut corrected = app_with_lease(example_llc());
    corrected.domicile.detail = format!("{}（1502室）", corrected.domicile.detail);
    let correction = package(&corrected, "app-life", Some(&r));
    let stranger = file(server.port, "c-none", &correction, &[]);
    assert_eq!(
        (stranger.status, stranger.body["error"].as_str()),
        (422, Some("corrects_invalid"))
    );
    let guessed = file(
        server.port,
        "c-guess",
        &correction,
        &[("X-Kaiban-Corrects-Token", "0123456789ABCDEFGHJKMNPQRS")],
    );
    assert_eq!(guessed.status, 422);
    let second = filed(&file(
        server.port,
        "c-right",
        &correction,
        &[("X-Kaiban-Corrects-Token", &first.token)],
    ));
    let again = file(
        server.port,
        "c-again",
        &package(&corrected, "app-other", Some(&r)),
        &[("X-Kaiban-Corrects-Token", &first.token)],
    );
    assert_eq!(again.status, 422, "a returned case is answered once");
    let detail = operator(
        server.port,
        "GET",
        &format!("/operator/cases/{}", second.receipt),
        Some(TOKEN),
        Value::Null,
    );
    assert_eq!(detail.body["corrects"], r.as_str());
    let changes: Vec<&str> = detail.body["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["domicile.detail"]);
    assert_eq!(
        status(server.port, &r, Some(&first.token)).body["corrected_by"],
        second.receipt.as_str()
    );

    // Approval: a valid credit code and a licence signed with the published key.
    for action in ["accept", "start_review", "approve"] {
        assert_eq!(
            act(server.port, &second.receipt, action, json!([])).status,
            200,
            "{action}"
        );
    }
    let licensed = status(server.port, &second.receipt, Some(&second.token));
    assert_eq!(licensed.body["stage"], "licensed");
    let code = licensed.body["credit_code"].as_str().unwrap();
    let parsed: kaiban_core::ids::CreditCode = code.parse().unwrap();
    assert!(
        parsed.embedded_org_code().is_ok() && parsed.authority_division() == "520115",
        "{code}"
    );
    let keys = request(server.port, "GET", "/submissions/licence-keys", &[], b"").body;
    assert_eq!(
        keys,
        request(
            server.port,
            "GET",
            "/.well-known/kaiban-licence-keys",
            &[],
            b""
        )
        .body
    );
    let jwk: Jwk = serde_json::from_value(json!({ "kty": keys["keys"][0]["kty"], "crv": keys["keys"][0]["crv"], "x": keys["keys"][0]["x"], "y": keys["keys"][0]["y"] })).unwrap();
    let jws = licensed.body["licence"].as_str().unwrap();
    let licence = verify(jws, &jwk).expect("the licence verifies with the published key");
    assert_eq!(
        (licence.credit_code.as_str(), licence.name.as_str()),
        (code, "贵阳云栈科技有限公司")
    );
    let public = request(
        server.port,
        "GET",
        &format!("/submissions/licences/{code}"),
        &[],
        b"",
    );
    assert_eq!(public.body["licence"], jws);
    // A code never issued, a mistyped one, or one that tries to name a file answers 404.
    let other = kaiban_core::case::licence::allocate_credit_code(false, "520115", 7);
    for probe in [
        other.as_str(),
        "91520115MA6TRQ635X",
        "..%2F.authority-key",
        "%2E%2E",
    ] {
        let reply = request(
            server.port,
            "GET",
            &format!("/submissions/licences/{probe}"),
            &[],
            b"",
        );
        assert_eq!(reply.status, 404, "{probe}");
    }

    // Withdrawal: signed by the legal representative with the key they filed with.
    let third = filed(&submit(
        server.port,
        "third",
        package(&app_with_lease(example_llc()), "app-third", None)
            .to_json()
            .as_bytes(),
        &[LEASE],
    ));
    let stored: Package = serde_json::from_slice(
        &std::fs::read(server.data.join(&third.receipt).join("package.jws.json")).unwrap(),
    )
    .unwrap();
    let payload: Payload =
        serde_json::from_slice(&kaiban_core::package::unb64(&stored.payload).unwrap()).unwrap();
    let who = kaiban_core::case::withdrawal::withdrawer(&payload.application).unwrap();
    let position = payload
        .required_signers
        .iter()
        .position(|s| s.person_id == who)
        .unwrap() as u8;
    let own =
        p256::ecdsa::SigningKey::from_bytes(&[7u8.wrapping_add(position); 32].into()).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let withdrawal = |key: &p256::ecdsa::SigningKey, receipt: &str, hash: &str| {
        let body = Withdrawal::new(receipt, hash).encoded();
        let entry = sign_protected(
            key,
            header(Jwk::from_verifying_key(key.verifying_key()), &who, now),
            &body,
        );
        json!({ "protected": entry.protected, "payload": body, "signature": entry.signature })
    };
    let post = |case: &Filed, body: Value| {
        let auth = format!("Bearer {}", case.token);
        request(
            server.port,
            "POST",
            &format!("/submissions/{}/withdrawal", case.receipt),
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            body.to_string().as_bytes(),
        )
    };
    let stranger_key = p256::ecdsa::SigningKey::from_bytes(&[42; 32].into()).unwrap();
    let refused = post(
        &third,
        withdrawal(&stranger_key, &third.receipt, &stored.payload_hash()),
    );
    assert_eq!(
        (refused.status, refused.body["error"].as_str()),
        (422, Some("withdrawal.other_key"))
    );
    let wrong_token = Filed {
        receipt: third.receipt.clone(),
        token: "0123456789ABCDEFGHJKMNPQRS".into(),
    };
    assert_eq!(
        post(
            &wrong_token,
            withdrawal(&own, &third.receipt, &stored.payload_hash())
        )
        .status,
        404
    );
    assert_eq!(stage(server.port, &third), "received");
    let done = post(
        &third,
        withdrawal(&own, &third.receipt, &stored.payload_hash()),
    );
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(stage(server.port, &third), "withdrawn");
    assert_eq!(
        act(server.port, &third.receipt, "accept", json!([])).status,
        409,
        "a withdrawn case is closed"
    );

    // The console lists the cases, most urgent first.
    let cookie = signed_in(server.port);
    let page = request(server.port, "GET", "/console", &[("Cookie", &cookie)], b"");
    assert_eq!(page.status, 200);
    let list = operator(
        server.port,
        "GET",
        "/operator/cases",
        Some(TOKEN),
        Value::Null,
    );
    assert_eq!(list.body["cases"].as_array().unwrap().len(), 3);
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
