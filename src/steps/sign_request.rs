//! A signer on their own device: import the request file, read the application, sign, and
//! send the signature file back. Nothing here changes any draft on this device.

use super::documents::SignerDocuments;
use super::review::ApplicationSummary;
use crate::browser::download;
use crate::i18n::{both, text, use_i18n, Text};
use crate::signing;
use crate::signing::exchange::{payload_hash, SignatureFile, SigningRequest, SIGNATURE_KIND};
use kaiban_core::package::Payload;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The signing request imported on this device, waiting for its signer.
#[derive(Clone, Copy)]
pub struct PendingRequest(pub RwSignal<Option<(SigningRequest, Payload)>>);

#[component]
pub fn SignRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let pending = expect_context::<PendingRequest>().0;
    let confirmed = RwSignal::new(false);
    let done = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let sign = move |_| {
        let Some((request, payload)) = pending.get_untracked() else {
            return;
        };
        let Some(person) = payload
            .application
            .person(&request.signer.person_id)
            .cloned()
        else {
            return;
        };
        spawn_local(async move {
            match signing::sign(&payload.application_id, &person, &request.payload).await {
                Ok(entry) => {
                    let file = SignatureFile {
                        kind: SIGNATURE_KIND.into(),
                        payload_hash: payload_hash(&request.payload),
                        signer: request.signer.clone(),
                        entry,
                    };
                    download(
                        &format!("kaiban-signature-{}.json", request.signer.name),
                        &serde_json::to_string_pretty(&file).expect("serialises"),
                    );
                    done.set(true);
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <main id="kb-main" class="kb-start" tabindex="-1">
            <h1 class="kb-title">{i18n.tr(Text::StepSignRequest)}</h1>
            {move || match pending.get() {
                None => {
                    view! {
                        <p>
                            {both(
                                "请在“我的草稿”页面导入收到的签名请求文件。",
                                "Import the signing request file you received on the Saved applications page.",
                            )}
                        </p>
                    }
                        .into_any()
                }
                Some((request, payload)) => {
                    let l = i18n.locale.get();
                    let roles = request
                        .signer
                        .roles_text(payload.application.entity_type, l.is_chinese());
                    let app = Signal::derive(move || payload.application.clone());
                    view! {
                        <p class="kb-lead">
                            {format!(
                                "{}{}{}{roles}{}",
                                request.signer.name,
                                l.pick("，请您以", ", you are asked to sign as "),
                                l.pick("", ""),
                                l.pick("身份签署以下申请：", ":"),
                            )}
                        </p>
                        <SignerDocuments app person_id=request.signer.person_id.clone() />
                        <div
                            class="kb-sign-review"
                            tabindex="0"
                            role="region"
                            aria-label=text(Text::SignReviewRegion)
                        >
                            <ApplicationSummary app />
                        </div>
                        {move || {
                            problem
                                .get()
                                .map(|e| {
                                    view! {
                                        <p class="kb-error-message" role="alert">
                                            {e}
                                        </p>
                                    }
                                })
                        }}
                        <Show
                            when=move || !done.get()
                            fallback=move || {
                                view! {
                                    <div class="kb-panel kb-panel-success" role="status">
                                        <h2 class="kb-panel-title">
                                            {both("已签名", "Signed")}
                                        </h2>
                                        <p>{text(Text::SignRequestSignatureFileSaved)}</p>
                                    </div>
                                }
                            }
                        >
                            <div class="kb-checkbox">
                                <input
                                    type="checkbox"
                                    class="kb-checkbox-input"
                                    id="remote-sign-confirm"
                                    prop:checked=move || confirmed.get()
                                    on:change:target=move |ev| confirmed.set(ev.target().checked())
                                />
                                <label class="kb-checkbox-label" for="remote-sign-confirm">
                                    {move || {
                                        i18n.locale.get().text(&super::signing::CONSENT).to_string()
                                    }}
                                </label>
                            </div>
                            <div class="kb-actions">
                                <button
                                    type="button"
                                    class="kb-button"
                                    disabled=move || !confirmed.get()
                                    on:click=sign
                                >
                                    {both(
                                        "签名并下载签名文件",
                                        "Sign and download the signature file",
                                    )}
                                </button>
                            </div>
                        </Show>
                    }
                        .into_any()
                }
            }}
        </main>
    }
}
