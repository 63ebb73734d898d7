//! A deployment's own business-scope catalogue (`--catalogue`): the receiver judges the scope
//! against that file, as the app that fetched it did. Each forgery is an application re-signed
//! by every signer it requires (the attacker's own keys), so only the catalogue can refuse it;
//! the honest package is accepted by the same receiver.

mod support;

use kaiban_core::catalog::ScopeKind;
use std::path::PathBuf;
use std::process::Command;
use support::{
    docs_example, example_llc, signed, start_with, submit, with_zunyi_scope, zunyi_company, LEASE,
};

/// An altered copy of Zunyi's example catalogue.
fn altered(name: &str, change: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(docs_example("zunyi-scope.csv")).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("catalogue-http");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, change(text)).unwrap();
    path
}

/// The example LLC choosing tea growing and food production from Zunyi's catalogue.
fn tea_company() -> kaiban_core::Application {
    with_zunyi_scope(example_llc())
}

fn finding_codes(reply: &support::Reply) -> Vec<String> {
    reply.body["detail"]["findings"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|f| f["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_receiver_judges_the_scope_against_the_deployments_catalogue() {
    let catalogue = docs_example("zunyi-scope.csv");
    let server = start_with(
        "catalogue-zunyi",
        &["--catalogue", catalogue.to_str().unwrap()],
    );

    let honest = signed(&tea_company(), LEASE, None).to_json();
    let reply = submit(server.port, "honest", honest.as_bytes(), &[LEASE]);
    assert_eq!(reply.status, 201, "{}", reply.body);

    // The bundled demo's items are unknown to Zunyi.
    let demo = signed(&example_llc(), LEASE, None).to_json();
    let reply = submit(server.port, "demo-items", demo.as_bytes(), &[LEASE]);
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(finding_codes(&reply).contains(&"scope.unknown_item".into()));

    let mut forgeries: Vec<(&str, kaiban_core::Application, &str)> = Vec::new();
    let mut app = tea_company();
    app.business_scope.items[0].zh = "茶叶种植及一切经营活动".into();
    forgeries.push(("wording", app, "scope.filed_text_differs"));
    let mut app = tea_company();
    app.business_scope.items[1].kind = ScopeKind::General;
    forgeries.push((
        "licensed item filed as general",
        app,
        "scope.filed_text_differs",
    ));
    let mut app = tea_company();
    app.business_scope.catalogue_version = "zy-2025.9".into();
    forgeries.push(("old version", app, "scope.catalogue_version_differs"));
    let mut app = tea_company();
    app.business_scope.items[0].code = "ZY99".into();
    forgeries.push(("invented code", app, "scope.unknown_item"));
    for (i, (what, app, code)) in forgeries.into_iter().enumerate() {
        let package = signed(&app, LEASE, None).to_json();
        let reply = submit(
            server.port,
            &format!("forged-{i}"),
            package.as_bytes(),
            &[LEASE],
        );
        assert_eq!(reply.status, 422, "{what}: {}", reply.body);
        assert!(
            finding_codes(&reply).iter().any(|c| c == code),
            "{what}: {}",
            reply.body
        );
    }
}

/// The receiver does not start on a catalogue other than the one the app is configured with,
/// nor on a malformed one: it would judge every application otherwise than the app.
#[test]
fn the_receiver_needs_the_catalogue_the_app_fetches() {
    // docs/examples/zunyi.config.json names docs/examples/zunyi-scope.csv by its SHA-256.
    let catalogue = docs_example("zunyi-scope.csv");
    let config = docs_example("zunyi.config.json");
    let other = altered("zunyi-other.csv", |t| t.replace("茶叶种植", "茶树种植"));
    let broken = altered("zunyi-broken.csv", |t| t.replace(",一般,", ",普通,"));
    let serve = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
            .args(["serve", "--port", "0"])
            .args(args)
            .output()
            .unwrap()
    };
    for (args, says) in [
        (vec!["--config", config.to_str().unwrap()], "--catalogue"),
        (
            vec![
                "--config",
                config.to_str().unwrap(),
                "--catalogue",
                other.to_str().unwrap(),
            ],
            "SHA-256",
        ),
        (
            vec!["--catalogue", broken.to_str().unwrap()],
            "kind must be 一般 or 许可",
        ),
    ] {
        let out = serve(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    // The matching pair starts.
    let server = start_with(
        "catalogue-pair",
        &[
            "--config",
            config.to_str().unwrap(),
            "--catalogue",
            catalogue.to_str().unwrap(),
        ],
    );
    let honest = signed(&zunyi_company(), LEASE, None).to_json();
    let reply = submit(server.port, "pair", honest.as_bytes(), &[LEASE]);
    assert_eq!(reply.status, 201, "{}", reply.body);
}

/// docs/business-scope-catalogue.md shows the config setting, the command that checks the
/// example file and what it prints, and what an application files: each is checked here
/// against the real files and the real command.
#[test]
fn the_catalogue_docs_show_what_runs() {
    let doc = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/business-scope-catalogue.md"),
    )
    .unwrap();
    let blocks: Vec<&str> = doc
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|block| {
            block
                .split_once('\n')
                .map(|(_, body)| body)
                .unwrap_or(block)
        })
        .collect();
    let json_fragment = |fragment: &str| -> serde_json::Value {
        serde_json::from_str(&format!("{{{fragment}}}"))
            .unwrap_or_else(|e| panic!("{e}: {fragment}"))
    };
    // The setting is the example config's.
    let setting = blocks
        .iter()
        .find(|b| b.starts_with("\"catalogue\""))
        .unwrap();
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(docs_example("zunyi.config.json")).unwrap())
            .unwrap();
    assert_eq!(json_fragment(setting)["catalogue"], config["catalogue"]);
    // The command, run from the repository's root, prints the block that follows it.
    let at = blocks
        .iter()
        .position(|b| b.trim() == "kaiban-verify catalogue docs/examples/zunyi-scope.csv")
        .expect("the docs show the command");
    let out = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args(["catalogue", "docs/examples/zunyi-scope.csv"])
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shown: serde_json::Value = serde_json::from_str(blocks[at + 1]).unwrap();
    assert_eq!(printed, shown);
    assert_eq!(printed["sha256"], config["catalogue"]["sha256"]);
    // What an application files reads as the model and passes the rules' scope checks.
    let filed = blocks
        .iter()
        .find(|b| b.starts_with("\"business_scope\""))
        .unwrap();
    let mut app = zunyi_company();
    app.business_scope =
        serde_json::from_value(json_fragment(filed)["business_scope"].clone()).unwrap();
    let deployment_check = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args(["check", "-", "--catalogue"])
        .arg(docs_example("zunyi-scope.csv"))
        .args(["--config"])
        .arg(docs_example("zunyi.config.json"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    deployment_check
        .stdin
        .as_ref()
        .unwrap()
        .write_all(app.to_json_pretty().as_bytes())
        .unwrap();
    let out = deployment_check.wait_with_output().unwrap();
    let findings = String::from_utf8_lossy(&out.stdout);
    assert!(!findings.contains("\"scope."), "{findings}");
    assert_eq!(out.status.code(), Some(0), "{findings}");
}
