use super::{use_wizard, Nav};
use crate::fields::Button;
use crate::i18n::{both, use_i18n, Text};
use crate::steps::{self, Step};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = crate::embed::by_id("kb-main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    // The deployment's area (tools/config.mjs writes the same into the pre-rendered copy).
    let served = use_context::<crate::config::Config>()
        .map(|c| c.jurisdiction.area())
        .unwrap_or_else(|| kaiban_core::catalog::Jurisdiction::default().area());
    let area = move || {
        let locale = i18n.locale.get();
        format!(
            "{} · {}",
            served.pick(locale.is_chinese()),
            Text::FullyOnline.get(locale)
        )
    };
    let nav = expect_context::<Nav>();
    let open_drafts = move |_| nav.go(Step::Drafts);
    view! {
        <a class="kb-skip" href="#kb-main" on:click=skip>
            {i18n.tr(Text::SkipToContent)}
        </a>
        <header class="kb-header">
            <div class="kb-header-inner">
                <div class="kb-brand">
                    <span class="kb-brand-mark" aria-hidden="true">
                        "开"
                    </span>
                    <span class="kb-brand-text">
                        <span class="kb-brand-name">{i18n.tr(Text::ServiceName)}</span>
                        <span class="kb-brand-area">{area}</span>
                    </span>
                </div>
                <div class="kb-header-actions">
                    <button type="button" class="kb-header-link" on:click=open_drafts>
                        {i18n.tr(Text::DraftsLink)}
                    </button>
                    <button
                        type="button"
                        class="kb-lang"
                        lang=move || i18n.locale.get().other().tag()
                        aria-label=i18n.tr(Text::SwitchLanguageLabel)
                        on:click=move |_| i18n.locale.update(|l| *l = l.other())
                    >
                        {i18n.tr(Text::SwitchLanguage)}
                    </button>
                </div>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="kb-footer">
            <div class="kb-footer-inner">{i18n.tr(Text::FooterNote)}</div>
        </footer>
    }
}

#[component]
fn Progress(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let nav = expect_context::<Nav>();
    let validation = crate::app::use_validation();
    // Memos: a keystroke leaves the list as it is unless a step's state changes.
    let steps = Memo::new(move |_| wizard.journey.steps());
    let steps = move || steps.get();
    let position = move || steps().iter().position(|s| *s == step).unwrap_or(0);
    let chosen = Memo::new(move |_| wizard.application.with(|a| a.entity_type.is_some()));
    let chosen = move || chosen.get();
    let states = Memo::new(move |_| {
        let here = position();
        steps()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let visited = i < here || validation.was_attempted(s);
                let has_errors = visited && validation.error_steps.with(|e| e.contains(&s));
                let state = if i == here {
                    "current"
                } else if has_errors {
                    "error"
                } else if visited {
                    "done"
                } else {
                    "todo"
                };
                (s, state, s == Step::EntityType || chosen())
            })
            .collect::<Vec<_>>()
    });
    view! {
        <nav class="kb-progress" aria-label=i18n.tr(Text::StepsNav)>
            <p class="kb-progress-count">
                {move || format!("{} {} / {}", i18n.t(Text::StepOf), position() + 1, steps().len())}
                <span class="kb-progress-current">{move || i18n.t(step.title())}</span>
            </p>
            <div class="kb-progress-bar" aria-hidden="true">
                <span style:width=move || {
                    format!("{}%", (position() + 1) * 100 / steps().len().max(1))
                }></span>
            </div>
            <ol class="kb-progress-list">
                {move || {
                    let here = position();
                    let l = i18n.locale.get();
                    states
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (s, state, reachable))| {
                            let status = match state {
                                "current" => i18n.t(Text::StepStatusCurrent),
                                "error" => l.pick("有待更正的问题", "has problems"),
                                "done" => i18n.t(Text::StepStatusDone),
                                _ => l.pick("未开始", "not started"),
                            };
                            view! {
                                <li class=format!("kb-progress-item is-{state}")>
                                    <button
                                        type="button"
                                        class="kb-progress-link"
                                        disabled=!reachable
                                        aria-current=if i == here { Some("step") } else { None }
                                        on:click=move |_| nav.go(s)
                                    >
                                        <span class="kb-progress-num" aria-hidden="true">
                                            {if state == "error" {
                                                "!".to_string()
                                            } else {
                                                (i + 1).to_string()
                                            }}
                                        </span>
                                        <span class="kb-progress-title">{i18n.t(s.title())}</span>
                                        <span class="kb-visually-hidden">
                                            {format!("（{status}）")}
                                        </span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}

#[component]
pub fn WizardLayout(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let first_draw = expect_context::<super::FirstDraw>();
    view! {
        <div class="kb-layout" class:kb-layout-single=step == Step::Receipt>
            <Show when=move || step != Step::Receipt>
                <Progress step />
            </Show>
            <main id="kb-main" class="kb-main" tabindex="-1">
                <div class="kb-main-top">
                    <Button class="kb-back" on_click=move |_| wizard.journey.go_back()>
                        {i18n.tr(Text::Back)}
                    </Button>
                    <super::status::SaveIndicator />
                </div>
                <super::correction::CorrectionBanner />
                <Show when=move || {
                    wizard.filing.is_submitted() && !matches!(step, Step::Signing | Step::Receipt)
                }>
                    <div class="kb-banner" role="status">
                        <p>
                            {both(
                                "本申请已提交，内容不能再修改。",
                                "This application has been submitted and can no longer be changed.",
                            )}
                        </p>
                        <Button
                            class="kb-button kb-button-secondary"
                            on_click=move |_| wizard.journey.go(Step::Receipt)
                        >
                            {i18n.tr(Text::StepReceipt)}
                        </Button>
                    </div>
                </Show>
                <div
                    class="kb-step-content"
                    inert=move || {
                        wizard.session.read_only.get()
                            || (wizard.filing.is_submitted()
                                && !matches!(step, Step::Signing | Step::Receipt))
                    }
                >
                    {move || first_draw.step_content().then(|| steps::render(step))}
                </div>
            </main>
        </div>
    }
}
