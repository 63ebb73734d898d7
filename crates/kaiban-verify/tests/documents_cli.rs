//! `kaiban-verify documents`: the documents a registrar reads are regenerated from the
//! package's application and written inside the folder asked for, whatever ids the
//! submitter chose.

use kaiban_core::package::Payload;
use std::path::Path;
use std::process::Command;

fn example_llc() -> kaiban_core::Application {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../kaiban-core/examples/applications/llc.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn package(app: &kaiban_core::Application) -> Vec<u8> {
    let payload = Payload::new(app, "app-docs".into(), "2026-01-01T00:00:00Z".into());
    kaiban_core::samples::signed_by_everyone(&payload, 7, 1_767_225_600)
        .to_json()
        .into_bytes()
}

fn run_documents(package: &[u8], name: &str) -> (std::process::Output, std::path::PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("package.jws.json");
    std::fs::write(&file, package).unwrap();
    let out = dir.join("documents");
    let output = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args([
            "documents",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    (output, out)
}

#[test]
fn the_documents_of_a_package_are_written_as_readable_pages_with_an_index() {
    let app = example_llc();
    let (output, out) = run_documents(&package(&app), "documents-honest");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = kaiban_core::documents::generate(&app);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for doc in &expected {
        assert!(
            index.contains(&doc.sha256()),
            "{} is listed with its hash",
            doc.id
        );
    }
    let articles = std::fs::read_to_string(out.join("articles.html")).unwrap();
    assert!(articles.contains("第一条 "));
    for investor in &app.investors {
        let name = &app.person(&investor.person_id).unwrap().name;
        assert!(
            articles.contains(&format!("<td>{name}</td>")),
            "{name} signs the articles"
        );
    }
    let files = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(
        files,
        expected.len() + 1,
        "one page per document and the index"
    );
}

#[test]
fn a_submitter_chosen_person_id_cannot_write_outside_the_folder() {
    let mut app = example_llc();
    let hostile = "../../escaped";
    let supervisor = app.officers.supervisors[0].person_id.clone();
    app.persons
        .iter_mut()
        .find(|p| p.id == supervisor)
        .unwrap()
        .id = hostile.into();
    app.officers.supervisors[0].person_id = hostile.into();
    let (output, out) = run_documents(&package(&app), "documents-hostile");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parent = out.parent().unwrap();
    assert!(
        !parent.join("escaped.html").exists()
            && !parent.parent().unwrap().join("escaped.html").exists()
    );
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("acceptance_") && n.ends_with("escaped.html")),
        "{names:?}"
    );
}

#[test]
fn ids_that_read_alike_do_not_overwrite_each_other() {
    let mut app = example_llc();
    let (a, b) = (
        app.officers.supervisors[0].person_id.clone(),
        app.officers.manager_id.clone().unwrap(),
    );
    for (old, new) in [(a, "x/1"), (b, "x_1")] {
        app.persons.iter_mut().find(|p| p.id == old).unwrap().id = new.into();
        for id in app
            .officers
            .supervisors
            .iter_mut()
            .map(|s| &mut s.person_id)
            .chain(app.officers.directors.iter_mut().map(|d| &mut d.person_id))
        {
            if *id == old {
                *id = new.into();
            }
        }
        if app.officers.manager_id.as_deref() == Some(old.as_str()) {
            app.officers.manager_id = Some(new.into());
        }
    }
    let (output, out) = run_documents(&package(&app), "documents-alike");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pages = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(
        pages,
        kaiban_core::documents::generate(&app).len() + 1,
        "no page overwrote another"
    );
}

#[test]
fn what_is_not_a_package_writes_nothing() {
    let (output, out) = run_documents(b"{\"payload\": 5}", "documents-garbage");
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists());
}
