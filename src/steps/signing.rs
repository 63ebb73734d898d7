//! The signing round and submission: every required signer signs the same payload, here or
//! on their own device through request/signature files; then the package is submitted.

use super::documents::SignerDocuments;
use super::review::ApplicationSummary;
use super::signing_links::{RoundPanel, RoundWatch, SignerLinkControls};
use super::submission_panel::SubmissionPanel;
use crate::app::{use_wizard, Wizard};
use crate::browser::download;
use crate::config::Config;
use crate::fields::Button;
use crate::i18n::{both, text, use_i18n, Text};
use crate::signing::exchange::{accept_signature, SigningRequest, REQUEST_KIND};
use crate::signing::{self, SigningSession};
use crate::submit::{self};
use kaiban_core::package::{Package, RequiredSigner};
use kaiban_core::text::Bi;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The signer's consent, here and on a signing request opened on another device.
pub(super) static CONSENT: Bi = Bi::new(
    "我是本人，已阅读并确认以上申请内容，同意以电子签名方式签署。",
    "I am this person, I have read the application above and I agree to sign it electronically.",
);

fn now_rfc3339() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    format!("{}Z", &iso[..19])
}

/// The session for the current application, created (unsigned) the first time it is needed.
fn ensure_session(wizard: Wizard) -> SigningSession {
    if let Some(session) = wizard.filing.signing.get_untracked() {
        return session;
    }
    let application_id = wizard.session.draft_id.get_untracked();
    let created_at = now_rfc3339();
    let payload = wizard
        .application
        .with_untracked(|a| wizard.filing.payload(a, &application_id, &created_at));
    let session = SigningSession {
        application_id,
        created_at,
        payload: payload.encoded(),
        entries: Vec::new(),
        round: None,
    };
    wizard.filing.signing.set(Some(session.clone()));
    session
}

#[component]
pub fn SigningStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    ensure_session(wizard);
    let watch = RoundWatch::start(wizard, config.endpoint.clone());
    // Settled: the list is not drawn again at every change to the application.
    let entity = wizard.entity_type();
    let signers = Memo::new(move |_| {
        wizard
            .application
            .with(kaiban_core::package::required_signers)
    });
    let signing_here = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let problem = RwSignal::new(None::<Bi>);
    let busy = RwSignal::new(false);
    let all_signed = move || {
        let session = wizard.filing.signing.get();
        signers.get().iter().all(|s| {
            session
                .as_ref()
                .is_some_and(|x| x.signed_by(&s.person_id).is_some())
        })
    };
    let sign_here = move |person_id: String| {
        let Some(person) = wizard
            .application
            .with_untracked(|a| a.person(&person_id).cloned())
        else {
            return;
        };
        let session = ensure_session(wizard);
        busy.set(true);
        spawn_local(async move {
            match signing::sign(&session.application_id, &person, &session.payload).await {
                Ok(entry) => {
                    wizard.filing.signing.update(|s| {
                        if let Some(s) = s {
                            s.add(entry)
                        }
                    });
                    // try_: the step may have been left while WebCrypto signed.
                    let _ = signing_here.try_set(None);
                    let _ = confirmed.try_set(false);
                    let _ = problem.try_set(None);
                }
                Err(e) => {
                    let _ = problem.try_set(Some(Bi::owned(
                        format!("签名失败：{e}"),
                        format!("Signing failed: {e}"),
                    )));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let request_file = move |signer: RequiredSigner| {
        let session = ensure_session(wizard);
        let request = SigningRequest {
            kind: REQUEST_KIND.into(),
            signer: signer.clone(),
            payload: session.payload,
        };
        download(
            &format!("kaiban-signing-request-{}.json", signer.name),
            &serde_json::to_string_pretty(&request).expect("serialises"),
        );
    };
    let import_signature = move |input: web_sys::HtmlInputElement| {
        spawn_local(async move {
            let Some((_, text)) = crate::browser::take_chosen_text(&input).await else {
                return;
            };
            // The applicant may have left the step while the file was read.
            let Some(signers) = signers.try_get_untracked() else {
                return;
            };
            let session = ensure_session(wizard);
            let result = accept_signature(&text, &session.payload, &signers);
            match result {
                Ok(entry) => {
                    wizard.filing.signing.update(|s| {
                        if let Some(s) = s {
                            s.add(entry)
                        }
                    });
                    problem.set(None);
                }
                Err(e) => problem.set(Some(Bi::owned(
                    format!("无法导入签名文件：{}", e.text().zh),
                    format!("Could not import the signature file: {}", e.text().en),
                ))),
            }
        });
    };
    let submit_now = {
        let endpoint = config.endpoint.clone();
        move |_| {
            let Some(session) = wizard.filing.signing.get_untracked() else {
                return;
            };
            let package = Package::assemble(
                session.payload.clone(),
                session.entries.clone(),
                &signers.get_untracked(),
            );
            let attachments = wizard.application.with_untracked(|a| {
                a.attachments
                    .iter()
                    .map(|x| (x.id.clone(), x.name.clone()))
                    .collect()
            });
            let corrects_token = wizard
                .filing
                .correcting()
                .and_then(|(returned, _)| returned.status_token);
            wizard.filing.submit(submit::build(
                &package,
                &wizard.session.draft_id.get_untracked(),
                &endpoint,
                attachments,
                corrects_token,
            ));
        }
    };
    let json = move || wizard.application.with(|a| a.to_json_pretty());
    view! {
        <h1 class="kb-title" tabindex="-1">
            {i18n.tr(Text::StepSigning)}
        </h1>
        <p class="kb-lead">{text(Text::SigningLead)}</p>
        {move || {
            problem
                .get()
                .map(|problem| {
                    view! {
                        <div class="kb-error-summary" role="alert" tabindex="-1">
                            <p>{problem.pick(i18n.locale.get().is_chinese()).to_string()}</p>
                        </div>
                    }
                })
        }}
        <RoundPanel watch />
        <ul class="kb-signers">
            {move || {
                let l = i18n.locale.get();
                let session = wizard.filing.signing.get();
                let entity = Some(entity.get());
                signers
                    .get()
                    .into_iter()
                    .map(|signer| {
                        let signed = session.as_ref().and_then(|s| s.signed_by(&signer.person_id));
                        let id_for_here = signer.person_id.clone();
                        let id_for_show = signer.person_id.clone();
                        let for_request = signer.clone();
                        let (link_id, link_name) = (signer.person_id.clone(), signer.name.clone());
                        view! {
                            <li class="kb-signer" class:is-signed=signed.is_some()>
                                <div class="kb-signer-main">
                                    <p class="kb-signer-name">{signer.name.clone()}</p>
                                    <p class="kb-hint">
                                        {signer.roles_text(entity, l.is_chinese())}
                                    </p>
                                </div>
                                <p class="kb-signer-status">
                                    {match &signed {
                                        Some(h) => {
                                            let at = js_sys::Date::new(
                                                &((h.iat as f64) * 1000.0).into(),
                                            );
                                            format!(
                                                "{} {:02}-{:02} {:02}:{:02}",
                                                l.pick("已签名", "Signed"),
                                                at.get_month() + 1,
                                                at.get_date(),
                                                at.get_hours(),
                                                at.get_minutes(),
                                            )
                                        }
                                        None => l.pick("待签名", "Not signed yet").to_string(),
                                    }}
                                </p>
                                {signed
                                    .is_none()
                                    .then(|| {
                                        view! {
                                            <div class="kb-signer-actions">
                                                <Button
                                                    class="kb-button kb-button-secondary"
                                                    on_click=move |_| {
                                                        confirmed.set(false);
                                                        signing_here.set(Some(id_for_show.clone()));
                                                    }
                                                >
                                                    {l
                                                        .pick("在本设备签名", "Sign on this device")
                                                        .to_string()}
                                                    <span class="kb-visually-hidden">
                                                        {format!(" {}", signer.name)}
                                                    </span>
                                                </Button>
                                                <Button
                                                    class="kb-link-button"
                                                    on_click=move |_| request_file(for_request.clone())
                                                >
                                                    {l
                                                        .pick(
                                                            "下载签名请求文件（发给本人）",
                                                            "Download a signing request (to send them)",
                                                        )
                                                        .to_string()}
                                                </Button>
                                            </div>
                                            <SignerLinkControls
                                                watch
                                                person_id=link_id
                                                name=link_name
                                            />
                                        }
                                    })}
                                {move || {
                                    (signing_here.get().as_deref() == Some(id_for_here.as_str()))
                                        .then(|| {
                                            let id = id_for_here.clone();
                                            view! {
                                                <div class="kb-sign-here">
                                                    <p class="kb-inset-title">
                                                        {both(
                                                            "请签名人本人核对以下申请内容",
                                                            "The signer reads the application below",
                                                        )}
                                                    </p>
                                                    <SignerDocuments
                                                        app=wizard.application
                                                        person_id=id.clone()
                                                    />
                                                    <div
                                                        class="kb-sign-review"
                                                        tabindex="0"
                                                        role="region"
                                                        aria-label=text(Text::SignReviewRegion)
                                                    >
                                                        <ApplicationSummary app=wizard.application />
                                                    </div>
                                                    <div class="kb-checkbox">
                                                        <input
                                                            type="checkbox"
                                                            class="kb-checkbox-input"
                                                            id="sign-confirm"
                                                            prop:checked=move || confirmed.get()
                                                            on:change:target=move |ev| {
                                                                confirmed.set(ev.target().checked())
                                                            }
                                                        />
                                                        <label class="kb-checkbox-label" for="sign-confirm">
                                                            {text(CONSENT.clone())}
                                                        </label>
                                                    </div>
                                                    <div class="kb-actions">
                                                        <button
                                                            type="button"
                                                            class="kb-button"
                                                            disabled=move || !confirmed.get() || busy.get()
                                                            on:click=move |_| sign_here(id.clone())
                                                        >
                                                            {both("签名", "Sign")}
                                                        </button>
                                                        <Button
                                                            class="kb-link-button"
                                                            on_click=move |_| signing_here.set(None)
                                                        >
                                                            {both("取消", "Cancel")}
                                                        </Button>
                                                    </div>
                                                </div>
                                            }
                                        })
                                }}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <div class="kb-field">
            <label class="kb-button kb-button-secondary kb-file-button">
                {both("导入签名文件", "Import a signature file")}
                <input
                    type="file"
                    class="kb-visually-hidden"
                    id="signature-import"
                    accept="application/json,.json"
                    on:change:target=move |ev| import_signature(ev.target())
                />
            </label>
        </div>
        <SubmissionPanel
            all_signed=Signal::derive(all_signed)
            on_submit=Callback::new(submit_now)
        />
        <details class="kb-details">
            <summary>
                {both("查看申请数据（JSON）", "See the application data (JSON)")}
            </summary>
            <pre class="kb-json" id="application-json" tabindex="0">
                {json}
            </pre>
        </details>
    }
}
