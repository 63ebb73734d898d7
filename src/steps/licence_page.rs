//! A licence looked up from its QR code (`#/licence?code=…`) on any device: the e-licence the
//! deployment's receiver publishes for that credit code, checked against the authority's key.

use super::licence_card::LicenceCard;
use crate::app::nav::route_parameter;
use crate::config::Config;
use crate::i18n::{both, use_i18n, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LicencePage() -> impl IntoView {
    let i18n = use_i18n();
    let endpoint = expect_context::<Config>().endpoint.clone();
    let code = route_parameter("code").unwrap_or_default();
    let found = RwSignal::new(None::<Result<String, ()>>);
    {
        let (endpoint, code) = (endpoint.clone(), code.clone());
        spawn_local(async move {
            let url = format!(
                "{}/licences/{}",
                endpoint.trim_end_matches('/'),
                js_sys::encode_uri_component(&code)
            );
            let answer = crate::submit::get_json(&url, None).await;
            let jws = answer
                .ok()
                .and_then(|v| v["licence"].as_str().map(String::from))
                .ok_or(());
            let _ = found.try_set(Some(jws));
        });
    }
    let endpoint = StoredValue::new(endpoint);
    view! {
        <h1 class="kb-title" tabindex="-1">
            {i18n.tr(Text::StepLicence)}
        </h1>
        {move || match found.get() {
            None => {
                view! { <p role="status">{both("正在查询……", "Looking it up…")}</p> }
                    .into_any()
            }
            Some(Err(())) => {
                view! {
                    <p class="kb-warning-message" role="alert">
                        {both(
                            "没有找到这个统一社会信用代码的电子营业执照。",
                            "No e-licence was found for this credit code.",
                        )}
                    </p>
                }
                    .into_any()
            }
            Some(Ok(jws)) => view! { <LicenceCard jws endpoint=endpoint.get_value() /> }.into_any(),
        }}
    }
}
