//! Check your answers: every answer grouped by step, with a Change link that comes back
//! here, the problems still open, and a print layout that reads as the application form.

use super::documents::DocumentList;
use super::review_rows::rows;
use crate::app::{use_validation, use_wizard};
use crate::fields::{Button, PrintButton};
use crate::i18n::{both, use_i18n, Text};
use crate::steps::step_of;
use crate::steps::Step;
use kaiban_core::model::Application;
use leptos::prelude::*;

#[component]
pub fn ReviewStep() -> impl IntoView {
    let wizard = use_wizard();
    let validation = use_validation();
    let i18n = use_i18n();
    let app = wizard.application;
    let open_problems = move || {
        let chinese = i18n.locale.get().is_chinese();
        let findings = validation.findings.get();
        app.with(|a| {
            findings
                .into_iter()
                .filter(|f| !matches!(step_of(a, f), Step::Declaration | Step::Signing))
                .map(|f| (step_of(a, &f), f))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .map(|(step, f)| {
            let class = if f.is_error() {
                "kb-error-message"
            } else {
                "kb-warning-message"
            };
            view! {
                <li class=class>
                    <Button class="kb-link-button" on_click=move |_| wizard.journey.change(step)>
                        {i18n.t(step.title())}
                    </Button>
                    {format!("：{}", f.message(chinese))}
                </li>
            }
        })
        .collect::<Vec<_>>()
    };
    view! {
        <h1 class="kb-title" tabindex="-1">
            {i18n.tr(Text::StepReview)}
        </h1>
        <p class="kb-print-only kb-print-heading">
            {move || {
                format!(
                    "{} · {}",
                    i18n
                        .locale
                        .get()
                        .pick(
                            "企业设立登记申请书",
                            "Application for establishment registration",
                        ),
                    app.with(|a| a.name.full.clone()),
                )
            }}
        </p>
        {move || {
            let problems = open_problems();
            (!problems.is_empty())
                .then(|| {
                    view! {
                        <div class="kb-inset kb-inset-warning">
                            <p class="kb-inset-title">
                                {i18n
                                    .locale
                                    .get()
                                    .pick("还需要处理的问题", "Still to sort out")
                                    .to_string()}
                            </p>
                            <ul class="kb-problem-list">{problems}</ul>
                        </div>
                    }
                })
        }}
        <ApplicationSummary app=app changeable=true />
        <section class="kb-review-section" aria-labelledby="review-documents-title">
            <h2 class="kb-review-title" id="review-documents-title">
                {i18n.tr(Text::StepDocuments)}
            </h2>
            <DocumentList documents=Signal::derive(move || {
                app.with(kaiban_core::documents::generate)
            }) />
        </section>
        <div class="kb-actions">
            <button type="button" class="kb-button" on:click=move |_| wizard.journey.go_next()>
                {i18n.tr(Text::Continue)}
            </button>
            <PrintButton label=both("打印申请书", "Print the application") />
        </div>
    }
}

/// Every answer of `app`, grouped by step: on the review page with a "Change" link per answer,
/// read-only for a signer.
#[component]
pub fn ApplicationSummary(
    #[prop(into)] app: Signal<Application>,
    #[prop(optional)] changeable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    move || {
        let l = i18n.locale.get();
        app.with(|a| {
            crate::steps::steps_for(a.entity_type)
                .into_iter()
                .filter(|s| !matches!(s, Step::Review | Step::Declaration | Step::Signing))
                .map(|step| {
                    let list = rows(a, step, l);
                    view! {
                        <section class="kb-review-section">
                            <h2 class="kb-review-title">{i18n.t(step.title())}</h2>
                            <dl class="kb-summary">
                                {list
                                    .into_iter()
                                    .map(|(k, v)| {
                                        view! {
                                            <div
                                                class="kb-summary-row"
                                                class:kb-summary-row-readonly=!changeable
                                            >
                                                <dt class="kb-summary-key">{k.clone()}</dt>
                                                <dd class="kb-summary-value">{v}</dd>
                                                {changeable
                                                    .then(|| {
                                                        let hidden = format!(" {k}");
                                                        view! {
                                                            <dd class="kb-summary-action">
                                                                <Button
                                                                    class="kb-link-button"
                                                                    on_click=move |_| wizard.journey.change(step)
                                                                >
                                                                    {l.pick("修改", "Change").to_string()}
                                                                    <span class="kb-visually-hidden">{hidden}</span>
                                                                </Button>
                                                            </dd>
                                                        }
                                                    })}
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        </section>
                    }
                })
                .collect_view()
        })
    }
}
