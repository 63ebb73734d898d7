//! The receipt and the case's progress (e端查询 / e程监督).

use crate::app::use_wizard;
use crate::i18n::{use_i18n, Locale, Text};
use crate::steps::Step;
use crate::submit::{self, Submission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use qrcodegen::{QrCode, QrCodeEcc};

fn qr_svg(text: &str) -> String {
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let size = qr.size();
    let border = 2;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let dim = size + border * 2;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {dim} {dim}" role="img" aria-label="QR"><rect width="100%" height="100%" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    )
}

fn status_label(status: &str, l: Locale) -> String {
    match status {
        "received" => l.pick("已受理", "Received"),
        "under_review" => l.pick("审核中", "Under review"),
        "returned" => l.pick("退回修改", "Returned for correction"),
        "approved" => l.pick("已核准", "Approved"),
        "rejected" => l.pick("不予登记", "Rejected"),
        "licensed" => l.pick("已发照", "Licence issued"),
        other => other,
    }
    .to_string()
}

/// A registrar's reason may start with the JSON path of the field concerned
/// ("domicile.detail: …"); then it links to the step that shows that field.
fn field_step(reason: &str) -> Option<Step> {
    let (path, _) = reason.split_once([':', '：'])?;
    let path = path.trim();
    if path.is_empty()
        || path.contains(char::is_whitespace)
        || !(path.contains('.') || path.contains('[') || path.ends_with("_id"))
    {
        return None;
    }
    let probe = kaiban_core::Finding::error("registrar.reason", path, "", "");
    let step = crate::app::use_wizard()
        .application
        .with_untracked(|a| crate::app::step_of(a, &probe));
    (step != Step::Review).then_some(step)
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Result<serde_json::Value, String>>);
    let delivered = move || match wizard.submission.get() {
        Some(Submission::Delivered { receipt, endpoint }) => Some((receipt, endpoint)),
        _ => None,
    };
    let refresh = move || {
        if let Some((receipt, endpoint)) = delivered() {
            spawn_local(async move {
                let token = receipt.status_token.as_deref();
                status.set(Some(
                    submit::status(&endpoint, &receipt.receipt_id, token).await,
                ));
            });
        }
    };
    refresh();
    let poll = set_interval_with_handle(refresh, std::time::Duration::from_secs(15)).ok();
    on_cleanup(move || {
        if let Some(p) = poll {
            p.clear();
        }
    });
    view! {
        <h1 class="kb-title" tabindex="-1">{i18n.tr(Text::StepReceipt)}</h1>
        {move || match delivered() {
            None => view! {
                <p>{move || i18n.locale.get().pick("本申请尚未提交。", "This application has not been submitted yet.").to_string()}</p>
                <button type="button" class="kb-button" on:click=move |_| wizard.go(Step::Signing)>{i18n.tr(Text::StepSigning)}</button>
            }.into_any(),
            Some((receipt, _)) => {
                let l = i18n.locale.get();
                view! {
                    <div class="kb-receipt">
                        <div class="kb-receipt-main">
                            <p class="kb-receipt-label">{l.pick("回执编号", "Receipt number").to_string()}</p>
                            <p class="kb-receipt-id" id="receipt-id">{receipt.receipt_id.clone()}</p>
                            <p>{format!("{}{}", l.pick("提交时间：", "Received: "), receipt.received_at)}</p>
                            <h2 class="kb-subtitle">{l.pick("接下来", "What happens next").to_string()}</h2>
                            <p>{l.pick("登记机关对申请材料进行形式审查。材料齐全、符合法定形式的，承诺1个工作日内核准发照；需要补正的，会在这里显示原因。请保存回执编号，用于查询办理进度。", "The registrar checks the application. If it is complete and in order, the licence is promised within one working day; if something needs correcting, the reasons appear here. Keep the receipt number to follow the case.").to_string()}</p>
                        </div>
                        <div class="kb-qr" inner_html=qr_svg(&receipt.receipt_id)></div>
                    </div>
                    <h2 class="kb-subtitle">{l.pick("办理进度", "Progress").to_string()}</h2>
                    {move || {
                        let l = i18n.locale.get();
                        match status.get() {
                            None => view! { <p class="kb-loading">{i18n.tr(Text::Loading)}</p> }.into_any(),
                            Some(Err(e)) => view! { <p class="kb-warning-message">{format!("{}（{e}）", l.pick("暂时无法查询进度，将自动重试。", "The progress cannot be fetched right now; it will be retried."))}</p> }.into_any(),
                            Some(Ok(value)) => {
                                let promised = value["promised_by"].as_str().unwrap_or("").to_string();
                                let history = value["history"].as_array().cloned().unwrap_or_default();
                                view! {
                                    <p class="kb-hint">{format!("{}{promised}", l.pick("承诺办结时间：", "Promised by: "))}</p>
                                    <ol class="kb-timeline" id="status-timeline">
                                        {history.into_iter().map(|event| {
                                            let status = event["status"].as_str().unwrap_or("").to_string();
                                            let reasons: Vec<String> = event["reasons"].as_array().map(|r| r.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default();
                                            let returned = status == "returned";
                                            view! {
                                                <li class="kb-timeline-item" data-status=status.clone()>
                                                    <p class="kb-timeline-status">{status_label(&status, l)}</p>
                                                    <p class="kb-hint">{event["at"].as_str().unwrap_or("").to_string()}</p>
                                                    {(!reasons.is_empty()).then(|| view! {
                                                        <ul class="kb-reasons">{reasons.into_iter().map(|r| {
                                                            let target = field_step(&r);
                                                            view! {
                                                                <li>
                                                                    {r.clone()}
                                                                    {target.filter(|_| returned).map(|step| view! {
                                                                        " "
                                                                        <button type="button" class="kb-link-button" on:click=move |_| wizard.reopen_for_correction(step)>
                                                                            {format!("{}{}", l.pick("去修改：", "Correct: "), i18n.t(step.title()))}
                                                                        </button>
                                                                    })}
                                                                </li>
                                                            }
                                                        }).collect_view()}</ul>
                                                    })}
                                                    {returned.then(|| view! {
                                                        <p>{l.pick("请按上述原因修改后重新签名提交：修改会使原签名作废。", "Correct the points above, then sign and submit again; changing the application voids the earlier signatures.").to_string()}</p>
                                                        <button type="button" class="kb-button" id="correct-and-resubmit" on:click=move |_| wizard.reopen_for_correction(Step::Review)>
                                                            {l.pick("修改后重新提交", "Correct and resubmit").to_string()}
                                                        </button>
                                                    })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }
                        }
                    }}
                    <button type="button" class="kb-button kb-button-secondary" on:click=move |_| refresh()>{l.pick("刷新进度", "Refresh progress").to_string()}</button>
                }.into_any()
            }
        }}
    }
}
