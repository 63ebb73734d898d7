//! The real receiver binary on 127.0.0.1 and plain HTTP/1.1 requests to it, shared by the
//! HTTP test suites.
#![allow(dead_code)]

pub mod cases;
pub mod rounds;

use kaiban_core::package::{Package, Payload};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub fn example_llc() -> kaiban_core::Application {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kaiban-core/examples/applications/llc.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `app` with `lease` as its first attachment, signed by every signer it requires (keys of
/// the test's own: what an attacker can do too), or by all but one.
pub fn signed(app: &kaiban_core::Application, lease: &[u8], skip_signer: Option<usize>) -> Package {
    let mut app = app.clone();
    app.attachments[0].sha256 = Sha256::digest(lease)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    app.attachments[0].size = lease.len() as u64;
    let payload = Payload::new(&app, "app-http".into(), "2026-01-01T00:00:00Z".into());
    let mut package = kaiban_core::samples::signed_by_everyone(&payload, 7, 1_767_225_600);
    if let Some(skip) = skip_signer {
        package.signatures.remove(skip);
    }
    package
}

/// A file of docs/examples/ (the receiver's tests use the examples a district copies).
pub fn docs_example(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/examples")
        .join(name)
}

/// `app` choosing from Zunyi's example catalogue (docs/examples/zunyi-scope.csv), its items
/// filed as the app files them: tea growing and food production.
pub fn with_zunyi_scope(mut app: kaiban_core::Application) -> kaiban_core::Application {
    let text = std::fs::read_to_string(docs_example("zunyi-scope.csv")).unwrap();
    let catalog = kaiban_core::catalog::Catalog::parse(&text).unwrap();
    app.business_scope.items = ["ZY001", "ZY006"]
        .map(|code| catalog.get(code).unwrap().filed())
        .to_vec();
    app.business_scope.catalogue_version = catalog.version().into();
    app
}

/// The example LLC as Zunyi's deployment (docs/examples/zunyi.config.json) accepts it: its
/// domicile in 红花岗区 and its scope from Zunyi's catalogue.
pub fn zunyi_company() -> kaiban_core::Application {
    let mut app = with_zunyi_scope(example_llc());
    app.domicile.division_code = "520302".into();
    app.domicile.township_code.clear();
    app.domicile.functional_zone = None;
    app.domicile.place = kaiban_core::catalog::Divisions::national().place("520302");
    app
}

/// The cases stored in a receiver's data folder (its folders not named with a dot: not the
/// rounds, the authority's key or a request's temporary folder).
pub fn stored_cases(data: &std::path::Path) -> usize {
    std::fs::read_dir(data)
        .map(|d| {
            d.filter(|e| {
                let entry = e.as_ref().unwrap();
                entry.path().is_dir() && !entry.file_name().to_string_lossy().starts_with('.')
            })
            .count()
        })
        .unwrap_or(0)
}

/// Whatever is left in a data folder besides the receiver's own files (`.authority-key`,
/// `.licence-keys.json`): cases, and anything a request left behind.
pub fn left_in(data: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(data)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n != ".authority-key" && n != ".licence-keys.json")
                .collect()
        })
        .unwrap_or_default()
}

pub const LEASE: &[u8] = b"%PDF-1.4 lease of room 1501";

pub struct Server {
    child: Child,
    pub port: u16,
    pub data: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(name: &str) -> Server {
    start_with(name, &["--allow-origin", "http://127.0.0.1:8080"])
}

pub fn start_with(name: &str, extra: &[&str]) -> Server {
    let data = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("receiver-{name}"));
    let _ = std::fs::remove_dir_all(&data);
    let mut child = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args(["serve", "--port", "0", "--data-dir", data.to_str().unwrap()])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect(&line);
    Server { child, port, data }
}

pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: serde_json::Value,
}

pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    send(port, bytes)
}

/// Writes `bytes` on one thread while reading the answer on this one: a receiver may answer
/// (and close) before it has read a hostile body to the end, as it should.
pub fn send(port: u16, bytes: Vec<u8>) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(&bytes);
    });
    let mut response = Vec::new();
    let mut buffer = [0u8; 65536];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => response.extend_from_slice(&buffer[..n]),
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = sender.join();
    parse(&response)
}

pub fn parse(response: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(response);
    let status = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let body = body
        .find('{')
        .map(|i| &body[i..body.rfind('}').unwrap() + 1])
        .unwrap_or("null");
    Reply {
        status,
        headers: headers.to_ascii_lowercase(),
        body: serde_json::from_str(body).unwrap_or(serde_json::Value::Null),
    }
}

/// The refusal codes in an answer: its `error`, and every problem's and entry's code.
pub fn codes(reply: &Reply) -> Vec<String> {
    let mut out = vec![reply.body["error"].as_str().unwrap_or("").to_string()];
    for list in ["problems", "entries"] {
        if let Some(items) = reply.body["detail"][list].as_array() {
            out.extend(
                items
                    .iter()
                    .filter_map(|p| p["code"].as_str().map(String::from)),
            );
        }
    }
    out
}

/// A multipart body: the package first, then each attachment.
pub fn multipart(package: &[u8], attachments: &[&[u8]]) -> (String, Vec<u8>) {
    let boundary = "kaibanTESTboundary";
    let mut body = Vec::new();
    let mut part = |name: &str, kind: &str, bytes: &[u8]| {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\nContent-Type: {kind}\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    };
    part("package", "application/jose+json", package);
    for (i, a) in attachments.iter().enumerate() {
        part(&format!("attachment-{i}"), "application/pdf", a);
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub fn submit(port: u16, key: &str, package: &[u8], attachments: &[&[u8]]) -> Reply {
    let (content_type, body) = multipart(package, attachments);
    request(
        port,
        "POST",
        "/submissions",
        &[("Content-Type", &content_type), ("Idempotency-Key", key)],
        &body,
    )
}

/// `GET /submissions/{receipt}` with the status token (or without one).
pub fn status(port: u16, receipt: &str, token: Option<&str>) -> Reply {
    let auth = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", a.as_str())).collect();
    request(
        port,
        "GET",
        &format!("/submissions/{receipt}"),
        &headers,
        b"",
    )
}

/// A JSON request, with `token` as its bearer if given; a null `body` sends none.
pub fn json_request(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &serde_json::Value,
) -> Reply {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(auth) = &auth {
        headers.push(("Authorization", auth.as_str()));
    }
    let bytes = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    request(port, method, path, &headers, &bytes)
}
