//! Signing rounds (docs/signing-rounds.md): the applicant opens a round for one version of the
//! application and hands each signer elsewhere a link; the signer reads and signs (or declines)
//! through their own token; the applicant follows the round and takes the entries into the
//! package. A token is a capability for one thing: the applicant's reads and manages its round,
//! a signer's reads that round's payload and signs as that person only. Every entry is checked
//! as the verifier checks it before it is kept.

mod book;

pub use book::Book;
use book::{Holder, ReissueRefused, Round};

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

/// The round and person a signer's token names, if it may still be used.
fn signer_round(receiver: &Receiver, headers: &HeaderMap) -> Result<(Round, String), Refusal> {
    let (round_id, person_id) = match receiver.rounds.holder(bearer(headers)) {
        Some(Holder::Signer {
            round_id,
            person_id,
        }) => (round_id, person_id),
        Some(Holder::Revoked) => {
            return Err(gone(
                "link_revoked",
                "this link was replaced by a new one: use the newest link you received",
            ))
        }
        _ => return Err(not_found()),
    };
    let round = receiver.rounds.get(&round_id).ok_or_else(not_found)?;
    match round.state(now()) {
        RoundState::Void => Err(gone(
            "round_void",
            "the application changed after this link was sent; a new request will come",
        )),
        RoundState::Expired => Err(gone(
            "round_expired",
            "the time to sign has passed; ask the applicant for a new request",
        )),
        _ => Ok((round, person_id)),
    }
}

/// `GET {endpoint}/signing-rounds/signer` with a signer's token: what they are asked to sign.
pub async fn signer_view(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    let (round, person_id) = match signer_round(&receiver, &headers) {
        Ok(found) => found,
        Err(refused) => return refused.into_response(),
    };
    let opened = receiver.rounds.change(&round.round_id, |round| {
        match round.signer_mut(&person_id) {
            Some(signer) if signer.state == SignerState::NotOpened => {
                signer.state = SignerState::Opened;
                signer.at = Some(clock::now_rfc3339());
                Ok(())
            }
            _ => Err(()),
        }
    });
    let round = match opened {
        Some((Ok(()), round)) => {
            if let Err(refused) = persist(&receiver, round.clone()).await {
                return refused.into_response();
            }
            round
        }
        Some((Err(()), round)) => round,
        None => return not_found().into_response(),
    };
    let Some(signer) = round.signer(&person_id) else {
        return not_found().into_response();
    };
    Json(SignerView {
        state: round.state(now()),
        expires_at: clock::rfc3339(round.expires_at.max(0) as u64),
        signer: signer.required.clone(),
        signer_state: signer.state,
        payload: round.payload.clone(),
    })
    .into_response()
}

/// `POST {endpoint}/signing-rounds/signer/signature` with a signer's token: their entry, kept
/// only if it verifies over the round's payload as that person, with a fresh `iat` and a key
/// of their own; a second signature is refused.
pub async fn sign(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (round, person_id) = match signer_round(&receiver, &headers) {
        Ok(found) => found,
        Err(refused) => return refused.into_response(),
    };
    if let Some(refused) = settled(&round, &person_id) {
        return refused.into_response();
    }
    let submission: SignatureSubmission = match read_json(body, SIGNER_BYTES).await {
        Ok(submission) => submission,
        Err(refused) => return refused.into_response(),
    };
    let entry = submission.entry.clone();
    let (payload, person, others) = (
        round.payload.clone(),
        person_id.clone(),
        round.keys_of_others(&person_id),
    );
    let verdict = checked(&receiver, move || {
        let checked = RoundPayload::check(&payload, now()).map_err(|mut p| p.remove(0))?;
        checked.accept(&entry, &person, &others, now())
    })
    .await;
    match verdict {
        Err(refused) => return refused.into_response(),
        Ok(Err(problem)) => {
            return Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "signature_invalid",
                problems(&problem.code, &problem.message),
            )
            .into_response()
        }
        Ok(Ok(())) => {}
    }
    let at = clock::now_rfc3339();
    let Some((outcome, round)) = receiver.rounds.change(&round.round_id, |round| {
        if let Some(refused) = settled(round, &person_id) {
            return Err(refused);
        }
        let keys = round.keys_of_others(&person_id);
        if RoundPayload::kid(&submission.entry).is_some_and(|kid| keys.contains(&kid)) {
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "signature_invalid",
                problems(
                    "signers.shared_key",
                    "this key already signed for another signer of the round",
                ),
            ));
        }
        let signer = round.signer_mut(&person_id).ok_or_else(not_found)?;
        signer.state = SignerState::Signed;
        signer.at = Some(at.clone());
        signer.entry = Some(submission.entry);
        Ok(())
    }) else {
        return not_found().into_response();
    };
    if let Err(refused) = outcome {
        return refused.into_response();
    }
    if let Err(refused) = persist(&receiver, round).await {
        return refused.into_response();
    }
    (
        StatusCode::CREATED,
        Json(json!({ "state": "signed", "at": at })),
    )
        .into_response()
}

/// A signer who has signed or declined cannot do either again through the same link.
fn settled(round: &Round, person_id: &str) -> Option<Refusal> {
    match round.signer(person_id)?.state {
        SignerState::Signed => Some(conflict(
            "already_signed",
            "this person has already signed this round",
        )),
        SignerState::Declined => Some(conflict(
            "declined",
            "this link was declined; the applicant may send a new one",
        )),
        _ => None,
    }
}

/// `POST {endpoint}/signing-rounds/signer/decline` with a signer's token.
pub async fn decline(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (round, person_id) = match signer_round(&receiver, &headers) {
        Ok(found) => found,
        Err(refused) => return refused.into_response(),
    };
    let request: Decline = match read_json(body, SIGNER_BYTES).await {
        Ok(request) => request,
        Err(refused) => return refused.into_response(),
    };
    let reason = request.reason.trim().to_string();
    if reason.chars().count() > MAX_REASON_CHARS {
        return Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "reason_too_long",
            json!(format!(
                "a reason has at most {MAX_REASON_CHARS} characters"
            )),
        )
        .into_response();
    }
    let at = clock::now_rfc3339();
    let Some((outcome, round)) = receiver.rounds.change(&round.round_id, |round| {
        if let Some(refused) = settled(round, &person_id) {
            return Err(refused);
        }
        let signer = round.signer_mut(&person_id).ok_or_else(not_found)?;
        signer.state = SignerState::Declined;
        signer.at = Some(at.clone());
        signer.reason = (!reason.is_empty()).then_some(reason);
        Ok(())
    }) else {
        return not_found().into_response();
    };
    if let Err(refused) = outcome {
        return refused.into_response();
    }
    if let Err(refused) = persist(&receiver, round).await {
        return refused.into_response();
    }
    Json(json!({ "state": "declined", "at": at })).into_response()
}
