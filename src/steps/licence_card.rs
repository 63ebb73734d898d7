//! The e-licence (电子营业执照) an approval issues: the registered items, checked against the
//! registration authority's published key with WebCrypto before they are called verified, a
//! download of the signed licence, and a QR code of the page that verifies it on any device.

use crate::browser::download;
use crate::fields::QrLink;
use crate::i18n::{both, use_i18n, Text};
use kaiban_core::case::licence::{read, Licence};
use kaiban_core::package::{unb64, Jwk};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
enum Check {
    Checking,
    Verified,
    Failed,
    /// The authority's keys could not be fetched (offline): nothing is known either way.
    Unreachable,
}

/// Whether `jws` is signed by a key the authority publishes at `{endpoint}/licence-keys`;
/// `Check::Unreachable` when those keys cannot be fetched.
async fn verify(endpoint: &str, jws: &str, kid: &str) -> Check {
    let url = format!("{}/licence-keys", endpoint.trim_end_matches('/'));
    let Ok(keys) = crate::submit::get_json(&url, None).await else {
        return Check::Unreachable;
    };
    if signed_by(&keys, jws, kid).await {
        Check::Verified
    } else {
        Check::Failed
    }
}

async fn signed_by(keys: &serde_json::Value, jws: &str, kid: &str) -> bool {
    let Some(key) = keys["keys"]
        .as_array()
        .and_then(|k| k.iter().find(|k| k["kid"] == kid))
    else {
        return false;
    };
    let Ok(jwk) = serde_json::from_value::<Jwk>(
        serde_json::json!({ "kty": key["kty"], "crv": key["crv"], "x": key["x"], "y": key["y"] }),
    ) else {
        return false;
    };
    let Some((input, signature)) = jws.rsplit_once('.') else {
        return false;
    };
    let Some(signature) = unb64(signature) else {
        return false;
    };
    kaiban_core::package::thumbprint(&jwk) == kid
        && crate::signing::verify_es256(&jwk, input.as_bytes(), &signature)
            .await
            .unwrap_or(false)
}

#[component]
pub fn LicenceCard(jws: String, endpoint: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some((kid, licence)) = read(&jws) else {
        return view! {
            <p class="kb-warning-message">
                {both("电子营业执照无法读取。", "The e-licence cannot be read.")}
            </p>
        }
        .into_any();
    };
    let check = RwSignal::new(Check::Checking);
    {
        let jws = jws.clone();
        spawn_local(async move {
            let _ = check.try_set(verify(&endpoint, &jws, &kid).await);
        });
    }
    let link = format!(
        "{}#/licence?code={}",
        crate::reference::app_base(),
        licence.credit_code
    );
    let file = format!("营业执照-{}.jws", licence.credit_code);
    let save = move |_| download(&file, &jws);
    view! {
        <section class="kb-licence" aria-labelledby="licence-title" id="licence-card">
            <h3 class="kb-subtitle" id="licence-title">
                {both("营业执照（电子）", "Business licence (electronic)")}
            </h3>
            {move || {
                let l = i18n.locale.get();
                match check.get() {
                    Check::Checking => {
                        view! {
                            <p class="kb-hint" role="status">
                                {l.pick("正在核验签名……", "Checking the signature…")}
                            </p>
                        }
                            .into_any()
                    }
                    Check::Verified => {
                        view! {
                            <p
                                class="kb-badge kb-licence-verified"
                                role="status"
                                id="licence-verified"
                            >
                                {l
                                    .pick(
                                        "已核验：由登记机关签发",
                                        "Verified: issued by the registration authority",
                                    )}
                            </p>
                        }
                            .into_any()
                    }
                    Check::Unreachable => {
                        view! {
                            <p class="kb-warning-message" id="licence-unchecked">
                                {Text::LicenceUnchecked.get(l)}
                            </p>
                        }
                            .into_any()
                    }
                    Check::Failed => {
                        view! {
                            <p class="kb-error-message" role="alert" id="licence-forged">
                                {Text::LicenceNotVerified.get(l)}
                            </p>
                        }
                            .into_any()
                    }
                }
            }}
            <LicenceItems licence=licence.clone() />
            <div class="kb-licence-actions">
                <button type="button" class="kb-button kb-button-secondary" on:click=save>
                    {both("下载电子营业执照", "Download the e-licence")}
                </button>
                <QrLink id="licence-qr" link=link.clone() />
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn LicenceItems(licence: Licence) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.locale.get();
        let row = |zh: &'static str, en: &'static str, value: String| {
            view! {
                <div class="kb-summary-row">
                    <dt class="kb-summary-key">{l.pick(zh, en).to_string()}</dt>
                    <dd class="kb-summary-value">{value}</dd>
                </div>
            }
        };
        let capital = licence
            .capital
            .clone()
            .map(|c| row("注册资本", "Registered capital", c));
        view! {
            <dl class="kb-summary">
                {row(
                    "统一社会信用代码",
                    "Unified social credit code",
                    licence.credit_code.clone(),
                )} {row("名称", "Name", licence.name.clone())}
                {row(
                    "类型",
                    "Type",
                    if l.is_chinese() {
                        licence.entity_type.clone()
                    } else {
                        licence.entity_type_en.clone()
                    },
                )} {row("住所", "Domicile", licence.domicile.clone())}
                {row(
                    "负责人",
                    "Representative",
                    format!("{}：{}", licence.representative_title, licence.representative),
                )} {capital} {row("成立日期", "Established", licence.established.to_string())}
                {row("营业期限", "Term", licence.term.clone())}
                {row("经营范围", "Business activities", licence.scope.clone())}
                {row("登记机关", "Registration authority", licence.authority.clone())}
            </dl>
        }
    }
}
