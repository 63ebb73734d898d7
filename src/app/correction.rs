//! While a returned case is being corrected: the registrar's reasons above every step, each
//! linked to the step that shows its field (those on a field are also shown at it), until the
//! corrected version is submitted as the answer to that case.

use super::use_wizard;
use crate::fields::Button;
use crate::i18n::use_i18n;
use crate::submit::Submission;
use kaiban_core::case::Reason;
use leptos::prelude::*;

fn reasons() -> Option<(String, Vec<Reason>)> {
    use_wizard().filing.submission.with(|s| match s {
        Some(Submission::Correcting {
            returned, reasons, ..
        }) => Some((returned.receipt_id.clone(), reasons.clone())),
        _ => None,
    })
}

/// "去修改：住所": the button that opens the step where a reason's field is.
#[component]
pub fn GoCorrect(step: crate::steps::Step, on_go: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Button class="kb-link-button" on_click=move |_| on_go.run(())>
            {move || {
                format!(
                    "{}{}",
                    i18n.locale.get().pick("去修改：", "Correct: "),
                    i18n.t(step.title()),
                )
            }}
        </Button>
    }
}

#[component]
pub fn CorrectionBanner() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    move || {
        let (receipt, reasons) = reasons()?;
        let l = i18n.locale.get();
        let items = reasons
            .into_iter()
            .map(|r| {
                let text = if l.is_chinese() || r.en.is_empty() {
                    r.zh.clone()
                } else {
                    r.en.clone()
                };
                let step = r.path.as_deref().map(|p| {
                    let probe = kaiban_core::Finding::error("registrar.reason", p, "", "");
                    wizard
                        .application
                        .with_untracked(|a| crate::steps::step_of(a, &probe))
                });
                view! {
                    <li>
                        {text}
                        {step
                            .map(|step| {
                                view! {
                                    " "
                                    <GoCorrect
                                        step
                                        on_go=Callback::new(move |_| wizard.journey.go(step))
                                    />
                                }
                            })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div
                class="kb-banner kb-banner-warning"
                role="region"
                aria-labelledby="correction-title"
                id="correction-banner"
            >
                <div>
                    <p id="correction-title">
                        <strong>
                            {format!(
                                "{}{receipt}{}",
                                l
                                    .pick(
                                        "登记机关退回了本申请（回执 ",
                                        "The registrar returned this application (receipt ",
                                    ),
                                l
                                    .pick(
                                        "），请修改以下内容后重新签名提交：",
                                        "): correct the following, then sign and submit again:",
                                    ),
                            )}
                        </strong>
                    </p>
                    <ul class="kb-reasons">{items}</ul>
                </div>
            </div>
        })
    }
}
