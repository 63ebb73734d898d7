//! One option of a radio group or of a list of checkboxes: the input, its words and its hint
//! line, which the input points to. The groups (`Radios`, `ChoiceChecks`, the entity type,
//! the account's operators) decide what is offered and what choosing does; this is the markup
//! they share, so an option reads the same to a screen reader wherever it stands.

use super::frame::FieldFrame;
use leptos::either::Either;
use leptos::prelude::*;

/// What identifies an option in the page: its DOM id, and the group's path on the first one
/// only (the error summary and the tests find the group there).
pub struct OptionIds {
    pub id: String,
    pub data_path: Option<String>,
}

impl OptionIds {
    /// Option `i` of the group whose first input has `first_id`; `suffix` tells the others apart.
    pub fn nth(first_id: &str, path: &str, i: usize, suffix: impl std::fmt::Display) -> Self {
        if i == 0 {
            OptionIds {
                id: first_id.to_string(),
                data_path: Some(path.to_string()),
            }
        } else {
            OptionIds {
                id: format!("{first_id}-{suffix}"),
                data_path: None,
            }
        }
    }

    fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }
}

/// Which kind of option: a radio of the group `name` (radios with one name are one choice),
/// or a checkbox.
pub enum OptionKind {
    Radio { name: String },
    Check,
}

/// One option. A radio carries its hint inside its label, under the title; a checkbox's hint
/// is a line of its own under the label.
#[component]
pub fn OptionInput(
    kind: OptionKind,
    ids: OptionIds,
    value: String,
    #[prop(into)] checked: Signal<bool>,
    /// Called with whether the input is now checked (a radio is only ever chosen).
    on_change: Callback<bool>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    /// Marks the input invalid (the entity type, asked before any rule can run).
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
) -> impl IntoView {
    let hint_id = ids.hint_id();
    let describedby = hint.is_some().then(|| hint_id.clone());
    let (name, (kind, box_class, input_class), words) = match kind {
        OptionKind::Radio { name } => {
            let words = view! {
                <label class="kb-radio-label" for=ids.id.clone()>
                    <span class="kb-radio-title">{label}</span>
                    {hint
                        .map(|h| {
                            view! {
                                <span class="kb-radio-hint" id=hint_id>
                                    {h}
                                </span>
                            }
                        })}
                </label>
            };
            (
                Some(name),
                ("radio", "kb-radio", "kb-radio-input"),
                Either::Left(words),
            )
        }
        OptionKind::Check => {
            let words = view! {
                <label class="kb-checkbox-label" for=ids.id.clone()>
                    {label}
                </label>
                {hint
                    .map(|h| {
                        view! {
                            <p class="kb-hint kb-checkbox-hint" id=hint_id>
                                {h}
                            </p>
                        }
                    })}
            };
            (
                None,
                ("checkbox", "kb-checkbox", "kb-checkbox-input"),
                Either::Right(words),
            )
        }
    };
    view! {
        <div class=box_class>
            <input
                type=kind
                class=input_class
                id=ids.id
                data-path=ids.data_path
                name=name
                value=value
                aria-describedby=describedby
                aria-invalid=move || invalid.is_some_and(|i| i.get()).then_some("true")
                prop:checked=checked
                on:change:target=move |ev| on_change.run(ev.target().checked())
            />
            {words}
        </div>
    }
}

/// A group of options in its fieldset: the legend, the hint, the field's messages, then the
/// options in a box of class `list` ("kb-radios", "kb-checkboxes").
#[component]
pub fn OptionGroup(
    frame: FieldFrame,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    list: &'static str,
    children: Children,
) -> impl IntoView {
    let error = frame.error();
    view! {
        <div class="kb-field" class:has-error=move || error.get()>
            <fieldset class="kb-fieldset" aria-describedby=frame.describedby(Vec::new)>
                <legend class="kb-label">{move || legend.get()}</legend>
                {frame.hint(hint, "kb-hint")}
                {frame.messages()}
                <div class=list>{children()}</div>
            </fieldset>
        </div>
    }
}
