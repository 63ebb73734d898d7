//! Reading one submission's multipart body without trusting it: the `package` part must come
//! first and is the only part held in memory (bounded); from it the attachments the
//! application references are derived, and every later part is streamed to a temporary file
//! while it is hashed, bounded by the largest attachment still expected, and refused unless
//! its digest is one of them. Every read has an idle and an overall deadline.

use super::body::{Guarded, Progress, TOO_LARGE, UNPARSED};
use super::limits::{ATTACHMENT_BYTES, ATTACHMENT_PARTS, BODY_IDLE, PACKAGE_BYTES};
use super::refusal::{problems, Refusal};
use super::store::INCOMING_PREFIX;
use axum::http::StatusCode;
use kaiban_core::package::{Candidate, Received};
use multer::{Field, Multipart};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;
use tokio::time::{timeout_at, Instant};

/// A request's temporary folder; removed (off the async workers) unless kept.
pub struct Incoming(Option<PathBuf>);

impl Incoming {
    pub fn path(&self) -> &Path {
        self.0.as_deref().expect("not yet kept")
    }
    /// Removes the folder now (before the answer goes out: a refused request leaves nothing).
    pub async fn discard(mut self) {
        if let Some(path) = self.0.take() {
            let _ = tokio::fs::remove_dir_all(path).await;
        }
    }

    /// Hands the folder over (to be renamed into a case); it is no longer removed.
    pub fn keep(mut self) -> PathBuf {
        self.0.take().expect("kept once")
    }
}

impl Drop for Incoming {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            tokio::task::spawn_blocking(move || std::fs::remove_dir_all(path));
        }
    }
}

pub struct Intake {
    pub package: Vec<u8>,
    pub candidate: Candidate,
    pub received: Received,
    pub folder: Incoming,
}

impl Intake {
    /// The package bytes and the sorted digests of what was received: "the same body" across
    /// retries (multipart boundaries differ every time).
    pub fn body_hash(&self) -> String {
        let mut digests: Vec<&String> = self.received.keys().collect();
        digests.sort();
        let mut hash = Sha256::new();
        hash.update(&self.package);
        for d in digests {
            hash.update(d.as_bytes());
        }
        super::hex(&hash.finalize())
    }
}

/// The parser's error, or the guard's reason for cutting the body off.
fn unreadable(e: multer::Error, progress: &Progress) -> Refusal {
    match progress.tripped() {
        TOO_LARGE => Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            serde_json::json!("the body is larger than allowed"),
        ),
        UNPARSED => Refusal::new(
            StatusCode::BAD_REQUEST,
            "body_unreadable",
            serde_json::json!("a part's headers are too long"),
        ),
        _ => Refusal::new(
            StatusCode::BAD_REQUEST,
            "body_unreadable",
            serde_json::json!(e.to_string()),
        ),
    }
}

/// The reader of one request's parts, its deadline and the guard's progress.
struct Parts {
    multipart: Multipart<'static>,
    progress: Progress,
    deadline: Instant,
}

fn too_slow() -> Refusal {
    Refusal::new(
        StatusCode::REQUEST_TIMEOUT,
        "body_too_slow",
        serde_json::json!(format!(
            "the body stalled for {} s or took too long overall",
            BODY_IDLE.as_secs()
        )),
    )
}

/// The next read may wait until the idle limit or the overall deadline, whichever is first.
fn limit(deadline: Instant) -> Instant {
    (Instant::now() + BODY_IDLE).min(deadline)
}

impl Parts {
    async fn next_field(&mut self) -> Result<Option<Field<'static>>, Refusal> {
        match timeout_at(limit(self.deadline), self.multipart.next_field()).await {
            Err(_) => Err(too_slow()),
            Ok(Err(e)) => Err(unreadable(e, &self.progress)),
            Ok(Ok(field)) => {
                self.progress.handed_on();
                Ok(field)
            }
        }
    }

    async fn next_chunk(
        &self,
        field: &mut Field<'static>,
    ) -> Result<Option<axum::body::Bytes>, Refusal> {
        match timeout_at(limit(self.deadline), field.chunk()).await {
            Err(_) => Err(too_slow()),
            Ok(Err(e)) => Err(unreadable(e, &self.progress)),
            Ok(Ok(chunk)) => {
                self.progress.handed_on();
                Ok(chunk)
            }
        }
    }
}

/// Reads one submission's body (`boundary` from its Content-Type).
pub async fn read(
    data: &Path,
    body: axum::body::Body,
    boundary: String,
    deadline: Instant,
    now: i64,
) -> Result<Intake, Refusal> {
    let progress = Progress::default();
    let stream = Guarded::new(body.into_data_stream(), progress.clone());
    let mut parts = Parts {
        multipart: Multipart::new(stream, boundary),
        progress,
        deadline,
    };
    let mut first = parts.next_field().await?.ok_or_else(package_first)?;
    if first.name() != Some("package") {
        return Err(package_first());
    }
    let mut package = Vec::new();
    while let Some(chunk) = parts.next_chunk(&mut first).await? {
        if package.len() + chunk.len() > PACKAGE_BYTES {
            return Err(Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "package_too_large",
                problems(
                    "package.too_large",
                    "the package part is larger than allowed",
                ),
            ));
        }
        package.extend_from_slice(&chunk);
    }
    drop(first);
    let (package, parsed) = tokio::task::spawn_blocking(move || {
        let parsed = Candidate::parse(&package, now);
        (package, parsed)
    })
    .await
    .map_err(|_| Refusal::internal())?;
    let candidate = parsed.map_err(|report| Refusal::invalid(&report))?;

    // digest → (size, references not yet received): the same file may serve two purposes.
    let mut expected: HashMap<String, (u64, usize)> = HashMap::new();
    for a in candidate.expected_attachments() {
        expected.entry(a.sha256.clone()).or_insert((a.size, 0)).1 += 1;
    }
    let folder = Incoming(Some(data.join(format!(
        "{INCOMING_PREFIX}{}",
        super::ids::new_status_token()
    ))));
    match read_attachments(&mut parts, &folder, expected).await {
        Ok(received) => Ok(Intake {
            package,
            candidate,
            received,
            folder,
        }),
        Err(refusal) => {
            folder.discard().await;
            Err(refusal)
        }
    }
}

async fn read_attachments(
    parts: &mut Parts,
    folder: &Incoming,
    mut expected: HashMap<String, (u64, usize)>,
) -> Result<Received, Refusal> {
    tokio::fs::create_dir_all(folder.path().join("attachments"))
        .await
        .map_err(|_| Refusal::storage())?;
    let mut received = Received::new();
    let mut count = 0usize;
    while let Some(mut field) = parts.next_field().await? {
        count += 1;
        if expected.is_empty() || count > ATTACHMENT_PARTS {
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "package_invalid",
                problems(
                    "attachment.unreferenced",
                    "more parts than the application references attachments",
                ),
            ));
        }
        let largest = expected.values().map(|(size, _)| *size).max().unwrap_or(0);
        let bound = largest.min(ATTACHMENT_BYTES);
        let part = folder.path().join(format!("part-{count}"));
        let mut file = tokio::fs::File::create(&part)
            .await
            .map_err(|_| Refusal::storage())?;
        let mut hash = Sha256::new();
        let mut size = 0u64;
        while let Some(chunk) = parts.next_chunk(&mut field).await? {
            size += chunk.len() as u64;
            if size > bound {
                return Err(Refusal::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "attachment_too_large",
                    problems(
                        "attachment.unreferenced",
                        "a part is larger than any attachment the application references",
                    ),
                ));
            }
            hash.update(&chunk);
            file.write_all(&chunk)
                .await
                .map_err(|_| Refusal::storage())?;
        }
        file.sync_all().await.map_err(|_| Refusal::storage())?;
        drop(file);
        let digest = super::hex(&hash.finalize());
        let Some((_, remaining)) = expected.get_mut(&digest) else {
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "package_invalid",
                problems(
                    "attachment.unreferenced",
                    "a part is not an attachment the application references",
                ),
            ));
        };
        *remaining -= 1;
        if *remaining == 0 {
            expected.remove(&digest);
        }
        if received.insert(digest.clone(), size).is_none() {
            tokio::fs::rename(&part, folder.path().join("attachments").join(&digest)).await
        } else {
            tokio::fs::remove_file(&part).await
        }
        .map_err(|_| Refusal::storage())?;
    }
    Ok(received)
}

fn package_first() -> Refusal {
    Refusal::new(
        StatusCode::BAD_REQUEST,
        "package_missing",
        serde_json::json!("the first multipart part must be named \"package\""),
    )
}
