//! The signer's side of a round: what their link's token may read, and signing or declining
//! as the one person it names, once.

use super::*;

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
    let (round, person_id, submission) =
        match signer_request::<SignatureSubmission>(&receiver, &headers, body).await {
            Ok(request) => request,
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
    let entry = submission.entry;
    let recorded = record(
        &receiver,
        &round.round_id,
        &person_id,
        SignerState::Signed,
        |round| {
            let keys = round.keys_of_others(&person_id);
            if RoundPayload::kid(&entry).is_some_and(|kid| keys.contains(&kid)) {
                return Err(Refusal::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "signature_invalid",
                    problems(
                        "signers.shared_key",
                        "this key already signed for another signer of the round",
                    ),
                ));
            }
            round.signer_mut(&person_id).ok_or_else(not_found)?.entry = Some(entry);
            Ok(())
        },
    );
    let at = match recorded.await {
        Ok(at) => at,
        Err(refused) => return refused.into_response(),
    };
    (
        StatusCode::CREATED,
        Json(json!({ "state": "signed", "at": at })),
    )
        .into_response()
}

/// What a signer sends, with the round and person their token names: refused before the body
/// is read if the link is spent (signed or declined already), then read within its bound.
async fn signer_request<T: DeserializeOwned>(
    receiver: &Receiver,
    headers: &HeaderMap,
    body: Body,
) -> Result<(Round, String, T), Refusal> {
    let (round, person_id) = signer_round(receiver, headers)?;
    if let Some(refused) = settled(&round, &person_id) {
        return Err(refused);
    }
    let request = read_json(body, SIGNER_BYTES).await?;
    Ok((round, person_id, request))
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
    let (round, person_id, request) =
        match signer_request::<Decline>(&receiver, &headers, body).await {
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
    let reason = (!reason.is_empty()).then_some(reason);
    let recorded = record(
        &receiver,
        &round.round_id,
        &person_id,
        SignerState::Declined,
        |round| {
            round.signer_mut(&person_id).ok_or_else(not_found)?.reason = reason;
            Ok(())
        },
    );
    let at = match recorded.await {
        Ok(at) => at,
        Err(refused) => return refused.into_response(),
    };
    Json(json!({ "state": "declined", "at": at })).into_response()
}

/// Records that the signer of `person_id` has `state` now, once `fill` has checked and kept
/// what goes with it, unless they have already signed or declined (checked again under the
/// lock: two requests at once settle once); on disk before the answer. The time recorded.
async fn record(
    receiver: &Arc<Receiver>,
    round_id: &str,
    person_id: &str,
    state: SignerState,
    fill: impl FnOnce(&mut Round) -> Result<(), Refusal>,
) -> Result<String, Refusal> {
    let at = clock::now_rfc3339();
    let (outcome, round) = receiver
        .rounds
        .change(round_id, |round| {
            if let Some(refused) = settled(round, person_id) {
                return Err(refused);
            }
            fill(round)?;
            let signer = round.signer_mut(person_id).ok_or_else(not_found)?;
            signer.state = state;
            signer.at = Some(at.clone());
            Ok(())
        })
        .ok_or_else(not_found)?;
    outcome?;
    persist(receiver, round).await?;
    Ok(at)
}
