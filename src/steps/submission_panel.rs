//! Submitting the signed package: the button, the outbox state, upload progress and refusals.

use crate::app::use_wizard;
use crate::config::Config;
use crate::fields::Button;
use crate::i18n::use_i18n;
use crate::i18n::Text;
use crate::steps::Step;
use crate::submit::Submission;
use leptos::prelude::*;

#[component]
pub(super) fn SubmissionPanel(all_signed: Signal<bool>, on_submit: Callback<()>) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    view! {
        {move || {
            let l = i18n.locale.get();
            match wizard.filing.submission.get() {
                None | Some(Submission::Refused { .. }) | Some(Submission::Correcting { .. }) => {
                    let refused = match wizard.filing.submission.get() {
                        Some(Submission::Refused { reason }) => Some(reason),
                        _ => None,
                    };
                    view! {
                        <div class="kb-submit">
                            {refused
                                .map(|r| {
                                    view! {
                                        <div class="kb-error-summary" role="alert">
                                            <h2 class="kb-error-summary-title">
                                                {l
                                                    .pick(
                                                        "登记机关的系统拒收了本申请",
                                                        "The registrar's system refused the application",
                                                    )
                                                    .to_string()}
                                            </h2>
                                            <p>{r.into_text(l.is_chinese()).to_string()}</p>
                                        </div>
                                    }
                                })}
                            <p class="kb-endpoint">
                                {l.pick("提交至：", "Submitting to: ").to_string()}
                                <code>{config.endpoint.clone()}</code>
                            </p>
                            <button
                                type="button"
                                class="kb-button"
                                id="submit-application"
                                disabled=move || !all_signed.get()
                                on:click=move |_| on_submit.run(())
                            >
                                {l.pick("提交申请", "Submit the application").to_string()}
                            </button>
                            {(!all_signed.get())
                                .then(|| {
                                    view! {
                                        <p class="kb-hint">
                                            {l
                                                .pick(
                                                    "所有人签名后才能提交。",
                                                    "You can submit once everyone has signed.",
                                                )
                                                .to_string()}
                                        </p>
                                    }
                                })}
                        </div>
                    }
                        .into_any()
                }
                Some(Submission::Queued { attempts, last_error }) => {
                    view! {
                        <div class="kb-panel" role="status">
                            <h2 class="kb-panel-title">
                                {l.pick("已排队，等待发送", "Queued to send").to_string()}
                            </h2>
                            <p>{Text::SubmissionPanelQueuedSafely.get(l).to_string()}</p>
                            {last_error
                                .map(|e| {
                                    view! {
                                        <p class="kb-hint">
                                            {format!(
                                                "{} {attempts}：{e}",
                                                l.pick("已尝试次数", "Attempts"),
                                            )}
                                        </p>
                                    }
                                })}
                        </div>
                    }
                        .into_any()
                }
                Some(Submission::Sending { .. }) => {
                    view! {
                        <div class="kb-panel" role="status">
                            <h2 class="kb-panel-title">
                                {l.pick("正在发送…", "Sending…").to_string()}
                            </h2>
                            <progress
                                class="kb-upload-progress"
                                max="100"
                                value=move || {
                                    wizard
                                        .filing
                                        .upload_progress
                                        .get()
                                        .map(|p| (p * 100.0).round())
                                        .unwrap_or(0.0)
                                }
                            ></progress>
                        </div>
                    }
                        .into_any()
                }
                Some(Submission::Delivered { receipt, .. }) => {
                    view! {
                        <div class="kb-panel kb-panel-success" role="status">
                            <h2 class="kb-panel-title">
                                {l.pick("申请已提交", "Application submitted").to_string()}
                            </h2>
                            <p>
                                {format!(
                                    "{}{}",
                                    l.pick("回执编号：", "Receipt number: "),
                                    receipt.receipt_id,
                                )}
                            </p>
                            <Button
                                class="kb-button"
                                on_click=move |_| wizard.journey.go(Step::Receipt)
                            >
                                {l
                                    .pick(
                                        "查看回执和办理进度",
                                        "See the receipt and progress",
                                    )
                                    .to_string()}
                            </Button>
                        </div>
                    }
                        .into_any()
                }
            }
        }}
    }
}
