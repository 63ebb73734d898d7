//! Signing rounds (docs/signing-rounds.md): the applicant opens a round for one version of the
//! application and hands each signer elsewhere a link; the signer reads and signs (or declines)
//! through their own token; the applicant follows the round and takes the entries into the
//! package. A token is a capability for one thing: the applicant's reads and manages its round,
//! a signer's reads that round's payload and signs as that person only. Every entry is checked
//! as the verifier checks it before it is kept.

mod book;
mod signer;

pub use book::Book;
use book::{Holder, ReissueRefused, Round};
pub use signer::{decline, sign, signer_view};

use super::refusal::{problems, Refusal};
use super::Receiver;
use crate::clock;
use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use kaiban_core::package::round::{
    Decline, NewRound, Offer, RoundCreated, RoundPayload, RoundState, RoundStatus,
    SignatureSubmission, SignerLink, SignerState, SignerView, MAX_REASON_CHARS, PROTOCOL,
};
use serde::de::DeserializeOwned;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

/// A new round's body: the payload (at most a package's size) and a little JSON around it.
const NEW_ROUND_BYTES: usize = super::limits::PACKAGE_BYTES + 4096;
/// A signature entry or a decline.
const SIGNER_BYTES: usize = 16 * 1024;
/// A JSON body that has not arrived in this long is cut off.
const BODY_DEADLINE: Duration = Duration::from_secs(60);

fn now() -> i64 {
    clock::unix_now() as i64
}

fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
        .trim()
}

fn not_found() -> Refusal {
    Refusal::new(
        StatusCode::NOT_FOUND,
        "not_found",
        json!("no round for this link or token"),
    )
}

fn gone(code: &'static str, message: &str) -> Refusal {
    Refusal::new(StatusCode::GONE, code, json!(message))
}

fn conflict(code: &'static str, message: &str) -> Refusal {
    Refusal::new(StatusCode::CONFLICT, code, json!(message))
}

/// The body as JSON of type `T`, at most `limit` bytes, within the deadline.
async fn read_json<T: DeserializeOwned>(body: Body, limit: usize) -> Result<T, Refusal> {
    let bytes = match tokio::time::timeout(BODY_DEADLINE, axum::body::to_bytes(body, limit)).await {
        Err(_) => {
            return Err(Refusal::new(
                StatusCode::REQUEST_TIMEOUT,
                "body_too_slow",
                json!("the body did not arrive in time"),
            ))
        }
        Ok(Err(_)) => {
            return Err(Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                json!(format!("the body is larger than {limit} bytes")),
            ))
        }
        Ok(Ok(bytes)) => bytes,
    };
    serde_json::from_slice(&bytes).map_err(|e| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "body_invalid",
            json!(format!("the body is not the expected JSON: {e}")),
        )
    })
}

/// Writes the round to disk off the async workers; 503 if it could not be.
async fn persist(receiver: &Arc<Receiver>, round: Round) -> Result<(), Refusal> {
    let receiver = receiver.clone();
    match tokio::task::spawn_blocking(move || receiver.rounds.persist(&round)).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(Refusal::storage()),
    }
}

/// Runs `work` on a blocking thread within the receiver's check slots.
async fn checked<T: Send + 'static>(
    receiver: &Arc<Receiver>,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Refusal> {
    let _slot = receiver
        .checks
        .acquire()
        .await
        .map_err(|_| Refusal::internal())?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| Refusal::internal())
}

/// `GET {endpoint}/signing-rounds`: rounds are offered (the app falls back to files without).
pub async fn offer(State(receiver): State<Arc<Receiver>>) -> Json<Offer> {
    Json(Offer {
        protocol: PROTOCOL.into(),
        max_expiry_seconds: receiver.round_expiry_seconds,
    })
}

/// `POST {endpoint}/signing-rounds`: a round for a payload that could verify, whose application
/// passes the rules.
pub async fn create(State(receiver): State<Arc<Receiver>>, body: Body) -> Response {
    let request: NewRound = match read_json(body, NEW_ROUND_BYTES).await {
        Ok(request) => request,
        Err(refused) => return refused.into_response(),
    };
    let deployment = receiver.deployment.clone();
    let payload = request.payload;
    let verdict = checked(&receiver, move || {
        let round = RoundPayload::check(&payload, now()).map_err(|problems| {
            Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "package_invalid",
                json!({ "problems": problems, "entries": [] }),
            )
        })?;
        let findings =
            kaiban_core::check(round.application(), &deployment.context(clock::today_utc()));
        if kaiban_core::rules::has_errors(&findings) {
            let errors: Vec<_> = findings.into_iter().filter(|f| f.is_error()).collect();
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "application_invalid",
                json!({ "findings": errors }),
            ));
        }
        Ok((round.hash(), round.signers().to_vec(), round.payload))
    })
    .await;
    let (hash, signers, payload) = match verdict {
        Err(refused) => return refused.into_response(),
        Ok(Err(refusal)) => return refusal.into_response(),
        Ok(Ok(checked)) => checked,
    };
    let longest = receiver.round_expiry_seconds;
    let lasts = request
        .expires_in_seconds
        .unwrap_or(longest)
        .clamp(1, longest);
    let created = clock::now_rfc3339();
    let Some((round, applicant, tokens)) =
        receiver
            .rounds
            .create(payload, hash, &signers, created, now() + lasts as i64)
    else {
        return Refusal::busy("busy", "too many signing rounds are open; retry later")
            .into_response();
    };
    let answer = RoundCreated {
        round_id: round.round_id.clone(),
        applicant_token: applicant,
        expires_at: clock::rfc3339(round.expires_at as u64),
        signers: signers
            .iter()
            .zip(tokens)
            .map(|(s, token)| SignerLink {
                person_id: s.person_id.clone(),
                token,
            })
            .collect(),
    };
    if let Err(refused) = persist(&receiver, round).await {
        return refused.into_response();
    }
    (StatusCode::CREATED, Json(answer)).into_response()
}

fn status_of(round: &Round) -> RoundStatus {
    RoundStatus {
        round_id: round.round_id.clone(),
        state: round.state(now()),
        expires_at: clock::rfc3339(round.expires_at.max(0) as u64),
        payload_hash: round.payload_hash.clone(),
        signers: round.statuses(),
    }
}

/// `GET {endpoint}/signing-rounds/{round}` with the applicant's token.
pub async fn status(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(round_id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    match receiver.rounds.for_applicant(&round_id, bearer(&headers)) {
        Some(round) => Json(status_of(&round)).into_response(),
        None => not_found().into_response(),
    }
}

/// `DELETE {endpoint}/signing-rounds/{round}` with the applicant's token: the application
/// changed; its links say so from now on.
pub async fn void(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(round_id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if receiver
        .rounds
        .for_applicant(&round_id, bearer(&headers))
        .is_none()
    {
        return not_found().into_response();
    }
    let Some((_, round)) = receiver.rounds.change(&round_id, |round| {
        round.void = true;
        Ok::<(), ()>(())
    }) else {
        return not_found().into_response();
    };
    if let Err(refused) = persist(&receiver, round.clone()).await {
        return refused.into_response();
    }
    Json(status_of(&round)).into_response()
}

/// `POST {endpoint}/signing-rounds/{round}/signers/{person}/link` with the applicant's token:
/// the signer's link is replaced (the old one says so) and they start afresh.
pub async fn reissue(
    State(receiver): State<Arc<Receiver>>,
    UrlPath((round_id, person_id)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if receiver
        .rounds
        .for_applicant(&round_id, bearer(&headers))
        .is_none()
    {
        return not_found().into_response();
    }
    let Some((outcome, round)) = receiver.rounds.reissue(&round_id, &person_id, now()) else {
        return not_found().into_response();
    };
    match outcome {
        Err(ReissueRefused::NoSuchSigner) => not_found().into_response(),
        Err(ReissueRefused::AlreadySigned) => conflict(
            "already_signed",
            "this signer has signed: their link is no longer needed",
        )
        .into_response(),
        Err(ReissueRefused::Closed(state)) => Refusal::new(
            StatusCode::CONFLICT,
            "round_closed",
            json!({ "state": state }),
        )
        .into_response(),
        Ok(token) => {
            if let Err(refused) = persist(&receiver, round).await {
                return refused.into_response();
            }
            (StatusCode::CREATED, Json(SignerLink { person_id, token })).into_response()
        }
    }
}
