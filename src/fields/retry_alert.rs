use super::Button;
use crate::i18n::{text, use_i18n, Text};
use kaiban_core::text::Bi;
use leptos::prelude::*;

/// What could not be fetched, that the draft is kept, and a button to try again.
#[component]
pub fn RetryAlert(
    #[prop(into)] message: Bi,
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="kb-banner kb-banner-warning" role="alert">
            <p>{text(message)}</p>
            <Button class="kb-button kb-button-secondary" on_click=move |_| on_retry()>
                {i18n.tr(Text::Retry)}
            </Button>
        </div>
    }
}
