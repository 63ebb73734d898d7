//! A case opened from its receipt's link (`#/case?receipt=…&token=…`, the receipt's QR code)
//! on any device: its progress from the deployment's own endpoint. The link carries no
//! endpoint, so a crafted link cannot point the app at another server.

use crate::app::nav::route_parameter;
use crate::config::Config;
use crate::i18n::{both, use_i18n, Text};
use crate::steps::case_progress::CaseProgress;
use leptos::prelude::*;

#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let endpoint = expect_context::<Config>().endpoint.clone();
    let receipt = route_parameter("receipt");
    let token = route_parameter("token");
    view! {
        <h1 class="kb-title" tabindex="-1">
            {i18n.tr(Text::StepCase)}
        </h1>
        {match receipt {
            None => {
                view! {
                    <p class="kb-warning-message">
                        {both(
                            "链接不完整：请扫描回执上的二维码。",
                            "The link is incomplete: scan the QR code on the receipt.",
                        )}
                    </p>
                }
                    .into_any()
            }
            Some(receipt_id) => {
                view! {
                    <p class="kb-receipt-label">{both("回执编号", "Receipt number")}</p>
                    <p class="kb-receipt-id" id="receipt-id">
                        {receipt_id.clone()}
                    </p>
                    <CaseProgress
                        endpoint=endpoint
                        receipt_id=receipt_id
                        token=token
                        correctable=false
                    />
                }
                    .into_any()
            }
        }}
    }
}
