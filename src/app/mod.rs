//! The shell: header, progress navigation, the current step, footer.

mod layout;
pub mod nav;
mod status;
mod validation;
mod wizard;

pub use nav::{Nav, NavMode};
pub use validation::{field_id, person_home_step, step_of, today, use_validation, Validation};
pub use wizard::{referenced_people, use_wizard, SaveStatus, Wizard, AUTOSAVE_DELAY};

use crate::config::Config;
use crate::i18n::{I18n, Locale, Text};
use crate::steps::{StartPage, Step};
use layout::{Footer, Header, WizardLayout};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n {
        locale: RwSignal::new(Locale::load()),
    };
    provide_context(i18n);
    provide_context(Config::from_page());
    Effect::new(move |_| {
        let locale = i18n.locale.get();
        locale.save();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.tag());
        }
    });

    provide_context(crate::offline::Connectivity::start());
    let nav = Nav::new(NavMode::UrlHash);
    provide_context(nav);
    let wizard = Wizard::start(nav);
    provide_context(wizard);
    provide_context(Validation::new(wizard));
    provide_context(crate::steps::PendingRequest(RwSignal::new(None)));

    Effect::new(move |_| {
        let step = nav.step.get();
        let title = if step == Step::Start {
            i18n.t(Text::ServiceName).to_string()
        } else {
            format!("{} · {}", i18n.t(step.title()), i18n.t(Text::ServiceName))
        };
        document().set_title(&title);
    });

    view! {
        <Header />
        <div class="kb-page">
            <Show when=move || wizard.ready.get() fallback=move || view! { <p class="kb-loading">{i18n.tr(Text::Loading)}</p> }>
                <status::Banners />
                {move || match nav.step.get() {
                    Step::Start => view! { <StartPage /> }.into_any(),
                    Step::Drafts => crate::steps::render(Step::Drafts),
                    Step::SignRequest => crate::steps::render(Step::SignRequest),
                    step => view! { <WizardLayout step /> }.into_any(),
                }}
            </Show>
        </div>
        <Footer />
    }
}
