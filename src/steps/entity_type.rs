use crate::app::use_wizard;
use crate::fields::{ErrorSummary, FieldError, OptionIds, OptionInput, OptionKind};
use crate::i18n::{both, text, use_i18n, Text};
use kaiban_core::model::EntityType;
use leptos::prelude::*;

fn input_id(entity: EntityType) -> String {
    format!("entity-{}", entity.key())
}

#[component]
pub fn EntityTypeStep() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let offered = expect_context::<crate::config::Config>().offered_entity_types();
    let first_id = input_id(offered.first().copied().unwrap_or(EntityType::Llc));
    let attempts = RwSignal::new(0u32);
    let selected = move || wizard.application.with(|a| a.entity_type);
    let missing = move || attempts.get() > 0 && selected().is_none();
    let errors = Signal::derive(move || {
        if missing() {
            vec![FieldError {
                field_id: first_id.clone(),
                message: i18n.t(Text::EntityTypeRequired).to_string(),
            }]
        } else {
            Vec::new()
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if selected().is_some() {
            wizard.journey.go_next();
        } else {
            attempts.update(|n| *n += 1);
        }
    };
    let describedby = move || {
        if missing() {
            "entity-type-hint entity-type-error"
        } else {
            "entity-type-hint"
        }
    };
    view! {
        <ErrorSummary errors attempts=attempts.into() />
        <form on:submit=on_submit novalidate>
            <div class="kb-field" class:has-error=missing>
                <fieldset class="kb-fieldset" aria-describedby=describedby>
                    <legend class="kb-legend">
                        <h1 class="kb-title" tabindex="-1">
                            {i18n.tr(Text::EntityTypeQuestion)}
                        </h1>
                    </legend>
                    <p id="entity-type-hint" class="kb-hint">
                        {i18n.tr(Text::EntityTypeHint)}
                    </p>
                    <Show when=missing>
                        <p id="entity-type-error" class="kb-error-message">
                            {i18n.tr(Text::EntityTypeRequired)}
                        </p>
                    </Show>
                    <div class="kb-radios">
                        {offered
                            .into_iter()
                            .map(|entity| {
                                view! {
                                    <OptionInput
                                        kind=OptionKind::Radio {
                                            name: "entity_type".to_string(),
                                        }
                                        ids=OptionIds {
                                            id: input_id(entity),
                                            data_path: None,
                                        }
                                        value=entity.key().to_string()
                                        checked=Signal::derive(move || selected() == Some(entity))
                                        on_change=Callback::new(move |_| {
                                            wizard.application.update(|a| a.entity_type = Some(entity))
                                        })
                                        label=text(entity.label())
                                        hint=Some(both(entity.summary_zh(), entity.summary_en()))
                                        invalid=Signal::derive(missing)
                                    />
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class="kb-actions">
                <button type="submit" class="kb-button">
                    {i18n.tr(Text::Continue)}
                </button>
            </div>
        </form>
    }
}
