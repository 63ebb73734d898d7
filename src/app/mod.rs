//! The shell: header, progress navigation, the current step, footer.

mod correction;
mod filing;
mod findings_by_path;
mod first_draw;
mod journey;
mod keyed_signals;
mod layout;
pub mod nav;
mod people;
mod person_signals;
mod row_signals;
mod session;
mod settled_signal;
mod status;
mod validation;
mod wizard;

pub use correction::GoCorrect;
pub use first_draw::FirstDraw;
pub use nav::{Nav, NavMode};
pub use people::{referenced_people, Holders};
pub use row_signals::RowSignals;
pub use session::{current_draft_id, Notice, SaveStatus, AUTOSAVE_DELAY};
pub use validation::{field_id, today, use_validation, Validation};
pub use wizard::{use_wizard, Wizard};

use crate::config::{Config, ConfigProblem};
use crate::embed::{self, EmbedBridge, HostEvent};
use crate::i18n::{I18n, Locale, Text};
use crate::steps::Step;
use layout::{Footer, Header, WizardLayout};
use leptos::prelude::*;

#[component]
pub fn App(config: Config, problems: Vec<ConfigProblem>) -> impl IntoView {
    let i18n = I18n {
        locale: RwSignal::new(config.locale.unwrap_or_else(Locale::load)),
    };
    provide_context(i18n);
    embed::follow_host_locale(i18n.locale);
    if let Some(colour) = config.theme_primary {
        embed::set_style_property("--kb-primary", &colour.to_hex());
        embed::set_style_property("--kb-primary-dark", &colour.darken(0.25).to_hex());
    }
    for problem in &problems {
        web_sys::console::warn_1(
            &format!("kaiban config: {}: {}", problem.field, problem.en).into(),
        );
    }
    crate::submit::set_upload_timeout(config.submit_timeout_seconds);
    let later = crate::steps::LaterPages::new();
    provide_context(later);
    provide_context(crate::reference::Reference::start(
        later,
        config.jurisdiction.clone(),
        config.catalogue.clone(),
        config.bundle.clone(),
    ));
    crate::steps::set_bundle_offered(!config.bundle.services.is_empty());
    provide_context(config);
    Effect::new(move |_| {
        let locale = i18n.locale.get();
        locale.save();
        embed::set_lang(locale.tag());
    });

    provide_context(crate::offline::Connectivity::start());
    let nav = Nav::new(if embed::is_in_page() {
        NavMode::Memory
    } else {
        NavMode::UrlHash
    });
    provide_context(nav);
    // A later page as the first screen, or a stored draft to read (drafts are read in that
    // module): the module is fetched now, not a few tasks later when the page is drawn.
    if crate::steps::LaterPages::holds(nav.step.get_untracked()) || current_draft_id().is_some() {
        later.load();
    }
    let wizard = Wizard::start(nav, later);
    provide_context(wizard);
    #[cfg(feature = "bench-hooks")]
    crate::bench_hooks::install(wizard);
    provide_context(Validation::new(wizard));
    let reference = crate::reference::use_reference();
    crate::reference::fill_place_names(reference, wizard.application);
    crate::reference::refile_scope(reference.catalogue, wizard.application);
    provide_context(crate::steps::PendingRequest(RwSignal::new(None)));

    Effect::new(move |_| {
        let step = nav.step.get();
        let title = if step == Step::Start {
            i18n.t(Text::ServiceName).to_string()
        } else {
            format!("{} · {}", i18n.t(step.title()), i18n.t(Text::ServiceName))
        };
        embed::set_title(&title);
    });
    if nav.mode() == NavMode::UrlHash {
        crate::prerendered::keep_resume_view(wizard, nav, i18n, later);
    }
    let first_draw = FirstDraw::for_this_page();
    provide_context(first_draw);
    let shown = StoredValue::new(false);
    Effect::new(move |_| {
        let step = nav.step.get();
        if shown.get_value() {
            return;
        }
        let drawn = wizard.ready.get() && first_draw.complete(step) && later.settled(step);
        if drawn || cannot_open(wizard, later) {
            shown.set_value(true);
            first_draw.finish();
            // Runs before the next paint, after the first screen has been drawn.
            request_animation_frame(move || {
                crate::prerendered::reveal_app();
                // The first screen is on show: the pages after it are fetched meanwhile.
                crate::browser::when_idle(move || later.prefetch());
                #[cfg(feature = "bench-hooks")]
                crate::bench_hooks::ready();
            });
        }
    });
    // After mounting, so the host has its listeners when it hears about refused settings.
    request_animation_frame(move || {
        for problem in problems {
            embed::emit(HostEvent::Error {
                code: "config",
                message_zh: problem.zh,
                message_en: problem.en,
            });
        }
    });

    view! {
        <Show when=move || first_draw.shell()>
            <EmbedBridge />
            <Header />
            <div class="kb-page">
                <Show
                    when=move || wizard.ready.get() && first_draw.page()
                    fallback=move || opening(wizard, nav, later, i18n)
                >
                    <status::Banners />
                    {move || match nav.step.get() {
                        step if step.in_wizard_layout() => {
                            view! { <WizardLayout step /> }.into_any()
                        }
                        step => crate::steps::render(step),
                    }}
                </Show>
            </div>
            <Footer />
        </Show>
    }
}

/// The stored draft waits for the later pages' module, whose fetch failed: the notice with Try
/// again is the screen (tracked).
fn cannot_open(wizard: Wizard, later: crate::steps::LaterPages) -> bool {
    !wizard.ready.get() && later.failed()
}

/// What shows until the draft is open: "Loading…", or, when the stored draft cannot be read
/// because the later pages' module could not be fetched, the notice with Try again.
fn opening(wizard: Wizard, nav: Nav, later: crate::steps::LaterPages, i18n: I18n) -> impl IntoView {
    move || {
        if cannot_open(wizard, later) {
            later.failure_notice(nav.step.get())
        } else {
            view! { <p class="kb-loading">{i18n.tr(Text::Loading)}</p> }.into_any()
        }
    }
}
