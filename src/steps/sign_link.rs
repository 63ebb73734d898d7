//! A signer's link (`#/sign?token=…`, docs/signing-rounds.md) on their own phone or computer:
//! who asks and in which role, the documents they sign and the application, then sign with a
//! key made in this browser, or decline with a reason. The link carries no endpoint: the app
//! asks its own deployment's. Nothing here changes any draft on this device.

use super::documents::SignerDocuments;
use super::review::ApplicationSummary;
use crate::app::nav::route_parameter;
use crate::browser::download;
use crate::config::Config;
use crate::i18n::{both, local_time, text, use_i18n, Locale, Text};
use crate::rounds;
use crate::signing;
use crate::signing::exchange::{open_payload, payload_hash, SignatureFile, SIGNATURE_KIND};
use kaiban_core::package::round::{SignerState, SignerView};
use kaiban_core::package::Payload;
use kaiban_core::text::Bi;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    Loading,
    Failed(Bi),
    Ready(Box<SignerView>, Box<Payload>),
}

/// "贵阳云栈科技有限公司（筹）的联络员陈静": who asks, as the application names them (the
/// enterprise alone when that person is the signer).
fn asked_by(payload: &Payload, signer: &str, l: Locale) -> String {
    let app = &payload.application;
    let asker = app
        .liaison_id
        .as_deref()
        .or(app.officers.legal_representative_id.as_deref())
        .filter(|id| *id != signer)
        .and_then(|id| app.person(id));
    let role = if app.liaison_id.is_some() {
        l.pick("联络员", "liaison")
    } else {
        l.pick("法定代表人", "legal representative")
    };
    match asker {
        Some(p) if l.is_chinese() => format!("{}（筹）的{role}{}", app.name.full, p.name),
        Some(p) => format!("{}, {role} of {} (being registered)", p.name, app.name.full),
        None if l.is_chinese() => format!("{}（筹）", app.name.full),
        None => format!("{} (being registered)", app.name.full),
    }
}

#[component]
pub fn SignLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let endpoint = StoredValue::new(expect_context::<Config>().endpoint.clone());
    let token = StoredValue::new(route_parameter("token").unwrap_or_default());
    let loaded = RwSignal::new(Loaded::Loading);
    let load = move || {
        loaded.set(Loaded::Loading);
        spawn_local(async move {
            let view = rounds::signer_view(&endpoint.get_value(), &token.get_value()).await;
            let state = match view {
                Err(failure) => Loaded::Failed(failure.text),
                Ok(view) => match open_payload(&view.payload, &view.signer.person_id) {
                    Ok(payload) => Loaded::Ready(Box::new(view), Box::new(payload)),
                    Err(why) => Loaded::Failed(why.text()),
                },
            };
            let _ = loaded.try_set(state);
        });
    };
    load();
    view! {
        <main id="kb-main" class="kb-start" tabindex="-1">
            <h1 class="kb-title">{i18n.tr(Text::StepSignLink)}</h1>
            {move || match loaded.get() {
                Loaded::Loading => {
                    view! { <p role="status">{both("正在打开……", "Opening…")}</p> }
                        .into_any()
                }
                Loaded::Failed(why) => {
                    view! {
                        <div class="kb-banner kb-banner-warning" role="alert">
                            <p>{text(why)}</p>
                            <button
                                type="button"
                                class="kb-button kb-button-secondary"
                                on:click=move |_| load()
                            >
                                {i18n.tr(Text::Retry)}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Loaded::Ready(view, payload) => {
                    view! {
                        <SignLinkReady
                            view=*view
                            payload=*payload
                            endpoint
                            token=token.get_value()
                        />
                    }
                        .into_any()
                }
            }}
        </main>
    }
}

#[component]
fn SignLinkReady(
    view: SignerView,
    payload: Payload,
    endpoint: StoredValue<String>,
    token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(view.signer_state);
    let confirmed = RwSignal::new(false);
    let declining = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Bi>);
    let busy = RwSignal::new(false);
    let copy = RwSignal::new(None::<SignatureFile>);
    let token = StoredValue::new(token);
    let signer = view.signer.clone();
    let person = payload.application.person(&signer.person_id).cloned();
    let application_id = payload.application_id.clone();
    let encoded = view.payload.clone();
    let sign = move || {
        let Some(person) = person.clone() else { return };
        let (application_id, encoded, signer) =
            (application_id.clone(), encoded.clone(), signer.clone());
        // Read now: the page may be gone by the time the key has signed.
        let (endpoint, token) = (endpoint.get_value(), token.get_value());
        busy.set(true);
        spawn_local(async move {
            let outcome = match signing::sign(&application_id, &person, &encoded).await {
                Err(e) => Err(Bi::owned(
                    format!("签名失败：{e}"),
                    format!("Signing failed: {e}"),
                )),
                Ok(entry) => {
                    let sent = rounds::sign(&endpoint, &token, &entry).await;
                    // Kept either way: a signature file the applicant can import if the upload fails.
                    let _ = copy.try_set(Some(SignatureFile {
                        kind: SIGNATURE_KIND.into(),
                        payload_hash: payload_hash(&encoded),
                        signer,
                        entry,
                    }));
                    sent.map_err(|f| f.text)
                }
            };
            match outcome {
                Ok(()) => {
                    let _ = state.try_set(SignerState::Signed);
                    let _ = problem.try_set(None);
                }
                Err(why) => {
                    let _ = problem.try_set(Some(why));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let decline = move || {
        busy.set(true);
        spawn_local(async move {
            match rounds::decline(
                &endpoint.get_value(),
                &token.get_value(),
                &reason.get_untracked(),
            )
            .await
            {
                Ok(()) => {
                    let _ = state.try_set(SignerState::Declined);
                    let _ = problem.try_set(None);
                }
                Err(failure) => {
                    let _ = problem.try_set(Some(failure.text));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    let keep_copy = move |_| {
        if let Some(file) = copy.get_untracked() {
            download(
                &format!("kaiban-signature-{}.json", file.signer.name),
                &serde_json::to_string_pretty(&file).expect("serialises"),
            );
        }
    };
    let lead = {
        let (payload, view) = (payload.clone(), view.clone());
        move || {
            let l = i18n.locale.get();
            format!(
                "{}{}{}{}{}",
                asked_by(&payload, &view.signer.person_id, l),
                l.pick("请您以", " asks you, "),
                if l.is_chinese() {
                    view.signer
                        .roles_text(payload.application.entity_type, true)
                } else {
                    format!(
                        "{}, to sign as {}",
                        view.signer.name,
                        view.signer
                            .roles_text(payload.application.entity_type, false),
                    )
                },
                l.pick("身份签署以下申请。签名截止：", ". Sign by: "),
                local_time(&view.expires_at),
            )
        }
    };
    let app = Signal::derive(move || payload.application.clone());
    let person_id = view.signer.person_id.clone();
    view! {
        <p class="kb-lead" id="sign-link-lead">
            {lead}
        </p>
        {move || {
            problem
                .get()
                .map(|why| {
                    view! {
                        <p class="kb-error-message" role="alert">
                            {text(why)}
                        </p>
                    }
                })
        }}
        {move || match state.get() {
            SignerState::Signed => {
                view! {
                    <div class="kb-panel kb-panel-success" role="status" id="sign-link-done">
                        <h2 class="kb-panel-title">{both("已签名", "Signed")}</h2>
                        <p>{text(Text::SignLinkSigned)}</p>
                        <Show when=move || copy.with(Option::is_some)>
                            <button
                                type="button"
                                class="kb-button kb-button-secondary"
                                on:click=keep_copy
                            >
                                {both("下载签名副本", "Download a copy of your signature")}
                            </button>
                        </Show>
                    </div>
                }
                    .into_any()
            }
            SignerState::Declined => {
                view! {
                    <div class="kb-panel" role="status" id="sign-link-declined">
                        <h2 class="kb-panel-title">{both("已拒绝签署", "Declined")}</h2>
                        <p>{text(Text::SignLinkDeclined)}</p>
                    </div>
                }
                    .into_any()
            }
            _ => ().into_any(),
        }}
        <SignerDocuments app person_id=person_id />
        <div
            class="kb-sign-review"
            tabindex="0"
            role="region"
            aria-label=text(Text::SignReviewRegion)
        >
            <ApplicationSummary app />
        </div>
        <Show when=move || matches!(state.get(), SignerState::NotOpened | SignerState::Opened)>
            <div class="kb-checkbox">
                <input
                    type="checkbox"
                    class="kb-checkbox-input"
                    id="link-sign-confirm"
                    prop:checked=move || confirmed.get()
                    on:change:target=move |ev| confirmed.set(ev.target().checked())
                />
                <label class="kb-checkbox-label" for="link-sign-confirm">
                    {text(super::signing::CONSENT.clone())}
                </label>
            </div>
            <div class="kb-actions">
                <button
                    type="button"
                    class="kb-button"
                    id="link-sign"
                    disabled=move || !confirmed.get() || busy.get()
                    on:click={
                        let sign = sign.clone();
                        move |_| sign()
                    }
                >
                    {both("签名", "Sign")}
                </button>
                <button
                    type="button"
                    class="kb-link-button"
                    aria-expanded=move || declining.get().to_string()
                    aria-controls="link-decline"
                    on:click=move |_| declining.update(|d| *d = !*d)
                >
                    {both("拒绝签署", "Decline to sign")}
                </button>
            </div>
            <Show when=move || declining.get()>
                <div class="kb-field" id="link-decline">
                    <label class="kb-label" for="link-decline-reason">
                        {both(
                            "拒绝的理由（申请人会看到）",
                            "Why you decline (the applicant will see it)",
                        )}
                    </label>
                    <textarea
                        class="kb-input kb-textarea"
                        id="link-decline-reason"
                        maxlength="500"
                        prop:value=move || reason.get()
                        on:input:target=move |ev| reason.set(ev.target().value())
                    ></textarea>
                    <button
                        type="button"
                        class="kb-button kb-button-secondary"
                        id="link-decline-confirm"
                        disabled=move || busy.get()
                        on:click=move |_| decline()
                    >
                        {both("确认拒绝", "Decline")}
                    </button>
                </div>
            </Show>
        </Show>
    }
}
