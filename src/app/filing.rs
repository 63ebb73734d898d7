//! The filing once the applicant is done: the signing round, the signed package in the
//! outbox, its delivery with upload progress, and the receiver's answer.

use super::journey::Journey;
use super::session::{DraftSession, Notice};
use crate::steps::Step;
use crate::submit::{self, OutboxItem, Submission};
use kaiban_core::model::Application;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Filing {
    pub signing: RwSignal<Option<crate::signing::SigningSession>>,
    pub submission: RwSignal<Option<Submission>>,
    pub upload_progress: RwSignal<Option<f64>>,
    session: DraftSession,
    journey: Journey,
}

impl Filing {
    pub fn new(
        signing: RwSignal<Option<crate::signing::SigningSession>>,
        submission: RwSignal<Option<Submission>>,
        session: DraftSession,
        journey: Journey,
    ) -> Filing {
        Filing {
            signing,
            submission,
            upload_progress: RwSignal::new(None),
            session,
            journey,
        }
    }

    /// What the filing does without being asked, from the later pages' module (see
    /// `in_background`): resumes a queued submission now and whenever the browser is back
    /// online, and voids signatures the application no longer matches.
    pub fn start_in_background(&self, application: RwSignal<Application>) {
        let (filing, owner) = (*self, Owner::current());
        // The module is here (`LaterPages::when_loaded_and`), but this split point has a loader of
        // its own, which resolves in a later task.
        spawn_local(async move {
            let _ = in_background(filing, application, owner).await;
        });
    }

    /// Signatures cover the exact payload: a change to the application voids them.
    fn void_signatures_on_change(&self, application: RwSignal<Application>) {
        let filing = *self;
        Effect::new(move |_| {
            let changed = application.with(|app| {
                let session = filing.signing.get_untracked()?;
                let again = filing.payload(app, &session.application_id, &session.created_at);
                (again.encoded() != session.payload)
                    .then_some((session.entries.len(), session.round))
            });
            if let Some((voided, round)) = changed {
                filing.signing.set(None);
                // Its links now say the application changed (docs/signing-rounds.md).
                if let Some(round) = round {
                    crate::rounds::void_later(round.endpoint, round.round_id, round.token);
                }
                if voided > 0 {
                    filing
                        .session
                        .notices
                        .update(|n| n.push(Notice::SignaturesVoided(voided)));
                }
            }
        });
    }

    /// The returned case this draft answers, while it is being corrected.
    pub fn correcting(&self) -> Option<(crate::submit::Receipt, String)> {
        self.submission.with_untracked(|s| match s {
            Some(Submission::Correcting {
                returned, endpoint, ..
            }) => Some((returned.clone(), endpoint.clone())),
            _ => None,
        })
    }

    /// The payload every signer signs: the application, and the returned case it answers.
    pub fn payload(
        &self,
        app: &Application,
        application_id: &str,
        created_at: &str,
    ) -> kaiban_core::package::Payload {
        kaiban_core::package::Payload::new(app, application_id.into(), created_at.into())
            .correcting(self.correcting().map(|(r, _)| r.receipt_id))
    }

    fn queued() -> Submission {
        Submission::Queued {
            attempts: 0,
            last_error: None,
        }
    }

    /// Hands the signed package to the outbox and delivers it (now, or when back online).
    pub fn submit(&self, item: OutboxItem) {
        let filing = *self;
        spawn_local(async move {
            if let Err(e) = submit::enqueue(&item).await {
                filing.session.set_save_status(super::SaveStatus::Failed(e));
                return;
            }
            filing.submission.set(Some(Self::queued()));
            let _ = filing.session.save_pending().await;
            filing.deliver(item).await;
        });
    }

    async fn deliver(&self, item: OutboxItem) {
        let filing = *self;
        let draft_id = item.draft_id.clone();
        let current = move || filing.session.draft_id.get_untracked() == draft_id;
        let shown = current.clone();
        let outcome = submit::deliver(
            item.clone(),
            move |state| {
                if shown() {
                    filing.submission.set(Some(state));
                }
            },
            move |fraction| filing.upload_progress.set(Some(fraction)),
        )
        .await;
        if let Some(state) = outcome {
            // Durable first, shown second.
            let _ = submit::record_final(&item, &state).await;
            if current() {
                filing.submission.set(Some(state));
            }
        }
        let _ = filing.session.save_pending().await;
    }

    /// Resumes a submission that was queued (offline, or interrupted by a reload). The outbox
    /// is the durable record: written before anything says "queued", and given the
    /// receiver's final answer before anything says "submitted".
    pub fn resume_delivery(&self) {
        crate::rounds::void_pending();
        let filing = *self;
        spawn_local(async move {
            let draft_id = filing.session.draft_id.get_untracked();
            let Some((item, final_state)) = submit::outbox_entry(&draft_id).await else {
                return;
            };
            match final_state {
                Some(state) => {
                    if filing.submission.get_untracked().as_ref() != Some(&state) {
                        filing.submission.set(Some(state));
                    }
                }
                None => {
                    if filing.submission.get_untracked().is_none() {
                        filing.submission.set(Some(Self::queued()));
                    }
                    filing.deliver(item).await;
                }
            }
        });
    }

    /// After the registrar returned the case: the application becomes editable again (the old
    /// signatures no longer apply), the registrar's reasons stay at their fields until the
    /// corrected version is submitted as the answer to that case, and the applicant is taken to
    /// `step`.
    pub fn reopen_for_correction(&self, step: Step, reasons: Vec<kaiban_core::case::Reason>) {
        let filing = *self;
        let returned = self.submission.with_untracked(|s| match s {
            Some(Submission::Delivered { receipt, endpoint }) => {
                Some((receipt.clone(), endpoint.clone()))
            }
            Some(Submission::Correcting {
                returned, endpoint, ..
            }) => Some((returned.clone(), endpoint.clone())),
            _ => None,
        });
        spawn_local(async move {
            submit::discard(&filing.session.draft_id.get_untracked()).await;
            filing
                .submission
                .set(returned.map(|(returned, endpoint)| Submission::Correcting {
                    returned,
                    endpoint,
                    reasons,
                }));
            filing.signing.set(None);
            filing.journey.go(step);
        });
    }

    pub fn is_submitted(&self) -> bool {
        self.submission.with(|s| {
            matches!(
                s,
                Some(Submission::Delivered { .. })
                    | Some(Submission::Queued { .. })
                    | Some(Submission::Sending { .. })
            )
        })
    }
}

crate::steps::in_later_module! {
    /// `Filing::start_in_background`, in the later pages' module (src/steps/later.rs): the
    /// payload, the documents and delivery are reached from here and from the signing pages only.
    fn in_background(filing: Filing, application: RwSignal<Application>, owner: Option<Owner>) -> () {
        filing.resume_delivery();
        let resume = Closure::<dyn Fn()>::new(move || filing.resume_delivery());
        let _ = window().add_event_listener_with_callback("online", resume.as_ref().unchecked_ref());
        resume.forget();
        // With the app's owner: the effect lives as long as the app.
        match owner {
            Some(owner) => owner.with(|| filing.void_signatures_on_change(application)),
            None => filing.void_signatures_on_change(application),
        }
    }
}
