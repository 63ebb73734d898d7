//! The generated documents of every example application, committed as golden files
//! (tests/golden/documents/): `index.json` holds each document's template, version and
//! hash, and one `.txt` per document its Chinese text for a reviewer to read in a diff.
//!
//! A template whose text changes must get a new version, because a signature covers the
//! hash: the same (template, version) must always mean the same words. So this test fails
//! on any change, and `KAIBAN_BLESS_DOCUMENTS=1 cargo test -p kaiban-core --test
//! documents_golden` rewrites the golden files only for documents that are new or whose
//! template version went up; it refuses a changed text at an unchanged version.

use kaiban_core::documents::{generate, Document};
use kaiban_core::Application;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Golden {
    template: String,
    version: u32,
    sha256: String,
    /// SHA-256 of the example application the text was generated from: a new text at the
    /// same version is a template change only if the application is the same.
    #[serde(default)]
    input: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/documents")
}

fn examples() -> Vec<(String, Application)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/applications");
    let mut out: Vec<(String, Application)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let app = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (name, app)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn input_hash(app: &Application) -> String {
    kaiban_core::package::sha256_hex(serde_json::to_string(app).unwrap().as_bytes())
}

fn key(example: &str, doc: &Document) -> String {
    format!("{example}/{}", doc.id)
}

fn text_path(key: &str) -> PathBuf {
    root().join(format!("{}.txt", key.replace(':', "_")))
}

/// What is wrong with `doc` against its golden entry, if anything.
fn judge(key: &str, doc: &Document, input: &str, golden: Option<&Golden>) -> Option<String> {
    let golden = golden?;
    let same_version = golden.template == doc.template && golden.version == doc.version;
    match (same_version, golden.sha256 == doc.sha256()) {
        (true, true) => None,
        (true, false) if golden.input != input => Some(format!(
            "{key}: the example application changed: bless its documents"
        )),
        (true, false) => Some(format!(
            "{key}: the text of {} v{} changed without a version bump",
            doc.template, doc.version
        )),
        (false, _) => Some(format!(
            "{key}: {} is now v{}, the golden file has {} v{}: bless the new version",
            doc.template, doc.version, golden.template, golden.version
        )),
    }
}

#[test]
fn generated_documents_match_their_golden_files() {
    let index_path = root().join("index.json");
    let index: BTreeMap<String, Golden> = std::fs::read_to_string(&index_path)
        .map(|text| serde_json::from_str(&text).unwrap())
        .unwrap_or_default();
    let bless = std::env::var_os("KAIBAN_BLESS_DOCUMENTS").is_some();
    let mut problems = Vec::new();
    let mut next = BTreeMap::new();
    for (example, app) in examples() {
        let input = input_hash(&app);
        for doc in generate(&app) {
            let key = key(&example, &doc);
            let golden = index.get(&key);
            let problem = match golden {
                None => Some(format!("{key}: new document, not in the golden files")),
                Some(_) => judge(&key, &doc, &input, golden),
            };
            let refused = problem
                .as_deref()
                .is_some_and(|p| p.contains("without a version bump"));
            let text = doc.chinese_text();
            let stale_text =
                std::fs::read_to_string(text_path(&key)).ok().as_deref() != Some(&text);
            if bless && !refused {
                std::fs::create_dir_all(text_path(&key).parent().unwrap()).unwrap();
                std::fs::write(text_path(&key), &text).unwrap();
            } else if let Some(problem) = problem {
                problems.push(problem);
            } else if stale_text {
                problems.push(format!(
                    "{key}: {} does not hold the text",
                    text_path(&key).display()
                ));
            }
            let entry = Golden {
                template: doc.template.into(),
                version: doc.version,
                sha256: doc.sha256(),
                input: input.clone(),
            };
            next.insert(
                key.clone(),
                if refused {
                    golden.unwrap().clone()
                } else {
                    entry
                },
            );
        }
    }
    for gone in index.keys().filter(|k| !next.contains_key(*k)) {
        problems.push(format!(
            "{gone}: in the golden files but no longer generated"
        ));
    }
    if bless {
        std::fs::write(
            &index_path,
            serde_json::to_string_pretty(&next).unwrap() + "\n",
        )
        .unwrap();
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The rule itself, on a document changed by hand: a new text at the same version is
/// refused, a new version is accepted once blessed, the same text passes.
#[test]
fn a_changed_text_needs_a_new_version() {
    let (_, app) = examples()
        .into_iter()
        .find(|(name, _)| name == "llc")
        .unwrap();
    let doc = generate(&app).remove(1);
    let input = input_hash(&app);
    let golden = Golden {
        template: doc.template.into(),
        version: doc.version,
        sha256: doc.sha256(),
        input: input.clone(),
    };
    assert_eq!(judge("llc/articles", &doc, &input, Some(&golden)), None);
    let mut reworded = doc.clone();
    reworded.chapters[0].clauses[0].zh.to_mut().push('。');
    let refusal = judge("llc/articles", &reworded, &input, Some(&golden)).unwrap();
    assert!(refusal.contains("without a version bump"), "{refusal}");
    let other_input = judge("llc/articles", &reworded, "another", Some(&golden)).unwrap();
    assert!(
        other_input.contains("example application changed"),
        "{other_input}"
    );
    reworded.version += 1;
    let bump = judge("llc/articles", &reworded, &input, Some(&golden)).unwrap();
    assert!(bump.contains("bless the new version"), "{bump}");
}
