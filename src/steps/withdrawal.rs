//! Withdrawing one's own case before a decision (撤回): the legal representative (or, for
//! other entities, the first investor) signs the request with the key they signed the
//! application with, on this device; the receiver checks both that key and the status token.

use crate::app::{use_wizard, Wizard};
use crate::i18n::{both, use_i18n};
use kaiban_core::case::withdrawal::{header, withdrawer, SignedWithdrawal, Withdrawal};
use kaiban_core::package::{b64, exchange::payload_hash, signing_input};
use kaiban_core::text::Bi;
use leptos::prelude::*;
use leptos::task::spawn_local;

async fn withdraw(
    wizard: Wizard,
    endpoint: &str,
    receipt: &str,
    token: Option<&str>,
) -> Result<(), Bi> {
    let session = wizard.filing.signing.get_untracked().ok_or_else(|| {
        Bi::new(
            "本设备没有这份申请的签名记录，无法撤回。",
            "This device holds no signatures of this application, so it cannot withdraw it.",
        )
    })?;
    let (who, person) = wizard.application.with_untracked(|a| {
        let who = withdrawer(a);
        (who.clone(), who.and_then(|id| a.person(&id).cloned()))
    });
    let (Some(who), Some(person)) = (who, person) else {
        return Err(Bi::new(
            "申请中没有可以撤回的人员。",
            "The application names nobody who may withdraw it.",
        ));
    };
    let Some(key) = crate::signing::existing_key(&session.application_id, &person).await else {
        return Err(Bi::owned(
            format!("撤回须由{}在其签署本申请的设备上操作。", person.name),
            format!(
                "{} withdraws it, on the device they signed the application with.",
                person.name
            ),
        ));
    };
    let body = Withdrawal::new(receipt, &payload_hash(&session.payload)).encoded();
    let iat = (js_sys::Date::now() / 1000.0) as i64;
    let protected = header(key.jwk.clone(), &who, iat);
    let signature = crate::signing::sign_bytes(&key, &signing_input(&protected, &body))
        .await
        .map_err(|e| Bi::owned(format!("签名失败：{e}"), format!("Signing failed: {e}")))?;
    let request = SignedWithdrawal {
        protected,
        payload: body,
        signature: b64(&signature),
    };
    let url = format!("{}/{receipt}/withdrawal", endpoint.trim_end_matches('/'));
    let json = serde_json::to_string(&request).expect("serialises");
    match crate::submit::http_json("POST", &url, token, Some(&json)).await {
        Ok((200, _)) => Ok(()),
        Ok((409, _)) => Err(Bi::new(
            "登记机关已作出决定，申请不能再撤回。",
            "The registrar has decided: the application can no longer be withdrawn.",
        )),
        Ok((status, _)) => Err(Bi::owned(
            format!("撤回未被接受（{status}）。"),
            format!("The withdrawal was not accepted ({status})."),
        )),
        Err(_) => Err(Bi::new(
            "无法连接登记机关的服务器，请检查网络后重试。",
            "The server cannot be reached: check the connection and try again.",
        )),
    }
}

#[component]
pub fn Withdraw(
    endpoint: String,
    receipt_id: String,
    token: Option<String>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Taken here: an async task has no component context to look it up in.
    let wizard = use_wizard();
    let open = RwSignal::new(false);
    let confirmed = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<Bi>);
    let (endpoint, receipt_id, token) = (
        StoredValue::new(endpoint),
        StoredValue::new(receipt_id),
        StoredValue::new(token),
    );
    let go = move |_| {
        busy.set(true);
        spawn_local(async move {
            let outcome = withdraw(
                wizard,
                &endpoint.get_value(),
                &receipt_id.get_value(),
                token.get_value().as_deref(),
            )
            .await;
            match outcome {
                Ok(()) => {
                    let _ = problem.try_set(None);
                    let _ = open.try_set(false);
                    // try_: the page may have been left while the withdrawal was sent.
                    let _ = on_done.try_run(());
                }
                Err(why) => {
                    let _ = problem.try_set(Some(why));
                }
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <div class="kb-withdraw">
            <button
                type="button"
                class="kb-link-button kb-danger"
                id="withdraw-open"
                aria-expanded=move || open.get().to_string()
                aria-controls="withdraw-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {both("撤回申请", "Withdraw the application")}
            </button>
            <Show when=move || open.get()>
                <div class="kb-inset" id="withdraw-panel">
                    <div class="kb-checkbox">
                        <input
                            type="checkbox"
                            class="kb-checkbox-input"
                            id="withdraw-confirm"
                            prop:checked=move || confirmed.get()
                            on:change:target=move |ev| confirmed.set(ev.target().checked())
                        />
                        <label class="kb-checkbox-label" for="withdraw-confirm">
                            {both(
                                "我确认撤回本申请。撤回后登记机关不再办理，如需登记须重新申请。",
                                "I withdraw this application. The registrar stops; to register, apply again.",
                            )}
                        </label>
                    </div>
                    <button
                        type="button"
                        class="kb-button kb-button-warning"
                        id="withdraw-confirm-button"
                        disabled=move || !confirmed.get() || busy.get()
                        on:click=go
                    >
                        {both("签名并撤回", "Sign and withdraw")}
                    </button>
                </div>
            </Show>
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <p class="kb-error-message" role="alert">
                                {p.pick(i18n.locale.get().is_chinese()).to_string()}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
