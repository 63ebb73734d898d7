//! The receipt (e端查询): the receipt number, what happens next, a QR code that opens the case
//! on another device, and the case's progress.

use crate::app::use_wizard;
use crate::fields::Button;
use crate::fields::QrLink;
use crate::i18n::{both, use_i18n, Text};
use crate::steps::case_progress::CaseProgress;
use crate::steps::Step;
use crate::submit::{Receipt, Submission};
use kaiban_core::case::Stage;
use leptos::prelude::*;

/// What the QR code holds: the app's link to this case (`#/case?receipt=…&token=…`), which
/// shows its progress on any device; inside a portal's page, the number and token as text.
pub fn case_link(receipt: &Receipt) -> String {
    let token = receipt.status_token.as_deref().unwrap_or("");
    let location = web_sys::window().map(|w| w.location());
    match location.filter(|_| !crate::embed::is_in_page()) {
        Some(l) => format!(
            "{}{}#/case?receipt={}&token={token}",
            l.origin().unwrap_or_default(),
            l.pathname().unwrap_or_default(),
            receipt.receipt_id
        ),
        None => format!("{}\n{token}", receipt.receipt_id),
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let stage = RwSignal::new(None::<Stage>);
    let delivered = move || match wizard.filing.submission.get() {
        Some(Submission::Delivered { receipt, endpoint }) => Some((receipt, endpoint)),
        _ => None,
    };
    view! {
        <h1 class="kb-title" tabindex="-1">
            {i18n.tr(Text::StepReceipt)}
        </h1>
        {move || match delivered() {
            None => {
                view! {
                    <p>
                        {both(
                            "本申请尚未提交。",
                            "This application has not been submitted yet.",
                        )}
                    </p>
                    <Button class="kb-button" on_click=move |_| wizard.journey.go(Step::Signing)>
                        {i18n.tr(Text::StepSigning)}
                    </Button>
                }
                    .into_any()
            }
            Some((receipt, endpoint)) => {
                let l = i18n.locale.get();
                let link = case_link(&receipt);
                let manual_review = receipt.review.as_deref() == Some("manual");
                view! {
                    <div class="kb-receipt">
                        <div class="kb-receipt-main">
                            <p class="kb-receipt-label">
                                {l.pick("回执编号", "Receipt number").to_string()}
                            </p>
                            <p class="kb-receipt-id" id="receipt-id">
                                {receipt.receipt_id.clone()}
                            </p>
                            <p>
                                {format!(
                                    "{}{}",
                                    l
                                        .pick(
                                            "提交时间（北京时间）：",
                                            "Received (Beijing time): ",
                                        ),
                                    crate::i18n::beijing_time(&receipt.received_at),
                                )}
                            </p>
                            // What happens next holds until the registrar decides (or the
                            // applicant withdraws); then the progress below says what happened.
                            <Show when=move || !stage.get().is_some_and(Stage::is_decided)>
                                <h2 class="kb-subtitle" id="receipt-next">
                                    {l.pick("接下来", "What happens next").to_string()}
                                </h2>
                                <p>{Text::ReceiptWhatHappensNext.get(l).to_string()}</p>
                                {manual_review
                                    .then(|| {
                                        view! {
                                            <p class="kb-inset" id="receipt-manual-review">
                                                {Text::ReceiptManualReview.get(l).to_string()}
                                            </p>
                                        }
                                    })}
                            </Show>
                            <p class="kb-hint">{Text::ReceiptQrCodeNote.get(l).to_string()}</p>
                        </div>
                        <QrLink id="receipt-qr" link=link.clone() />
                    </div>
                    <CaseProgress
                        endpoint=endpoint
                        receipt_id=receipt.receipt_id.clone()
                        token=receipt.status_token.clone()
                        correctable=true
                        stage
                    />
                }
                    .into_any()
            }
        }}
    }
}
