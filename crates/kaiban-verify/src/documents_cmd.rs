//! `kaiban-verify documents PACKAGE --out DIR`: regenerates the filing's documents from the
//! application the package carries (never from anything else in it) and writes each as an
//! HTML page a registrar can read and print, with an index.

use crate::args::Args;
use kaiban_core::documents::{escape, generate};
use kaiban_core::package::Candidate;
use std::path::Path;

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(argv, &["out"]) {
        Ok(a) if a.positional.len() == 1 && a.get("out").is_some() => a,
        _ => {
            eprintln!("usage: kaiban-verify documents PACKAGE.jws.json --out DIR");
            return 2;
        }
    };
    let path = &args.positional[0];
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("kaiban-verify: cannot read {path}: {e}");
            return 2;
        }
    };
    let candidate = match Candidate::parse(&bytes, crate::clock::unix_now() as i64) {
        Ok(candidate) => candidate,
        Err(report) => {
            for problem in &report.problems {
                eprintln!("problem {}: {}", problem.code, problem.message);
            }
            return 2;
        }
    };
    let out = Path::new(args.get("out").unwrap_or_default());
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("kaiban-verify: cannot create {}: {e}", out.display());
        return 2;
    }
    let documents = generate(candidate.application());
    let mut used = std::collections::HashSet::new();
    let mut index = String::from("<!doctype html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>申请材料</title></head>\n<body>\n<h1>申请材料 <span lang=\"en\">Documents of the filing</span></h1>\n<ul>\n");
    for doc in &documents {
        let file = file_name(&doc.id, &mut used);
        if let Err(e) = std::fs::write(out.join(&file), doc.to_html()) {
            eprintln!("kaiban-verify: cannot write {file}: {e}");
            return 2;
        }
        index.push_str(&format!(
            "<li><a href=\"{file}\">{}</a> <span lang=\"en\">{}</span> · {} v{} · {}</li>\n",
            escape(&doc.title.zh),
            escape(&doc.title.en),
            doc.template,
            doc.version,
            doc.sha256()
        ));
        println!(
            "{file} {} v{} sha256={}",
            doc.template,
            doc.version,
            doc.sha256()
        );
    }
    index.push_str("</ul>\n</body>\n</html>\n");
    if let Err(e) = std::fs::write(out.join("index.html"), index) {
        eprintln!("kaiban-verify: cannot write index.html: {e}");
        return 2;
    }
    0
}

/// A file name for the document `id` that stays in the folder and no other document has:
/// ids hold person ids, which the submitter chooses ("../x", or "a/b" beside "a_b").
fn file_name(id: &str, used: &mut std::collections::HashSet<String>) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut name = format!("{safe}.html");
    let mut n = 1;
    while !used.insert(name.clone()) {
        n += 1;
        name = format!("{safe}-{n}.html");
    }
    name
}
