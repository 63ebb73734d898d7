//! What every input shares, derived from its field's path: the DOM id (error-summary links
//! land on it), the `data-path` the tests find it by, its label and hint, its messages from
//! kaiban-core, `aria-invalid` and `aria-describedby`.

use super::messages::FieldMessages;
use crate::app::{field_id, use_validation};
use crate::steps::Step;
use leptos::prelude::*;

#[derive(Clone)]
pub struct FieldFrame {
    pub path: String,
    pub id: String,
    pub step: Step,
    has_hint: bool,
    /// A second path whose findings this field shows (see `FieldMessages`).
    also: Option<String>,
}

impl FieldFrame {
    pub fn new(path: &str, step: Step, hint: &Option<Signal<String>>) -> FieldFrame {
        FieldFrame {
            path: path.to_string(),
            id: field_id(path),
            step,
            has_hint: hint.is_some(),
            also: None,
        }
    }

    pub fn also(mut self, also: Option<String>) -> FieldFrame {
        self.also = also;
        self
    }

    /// The findings visible now at the field's path (and its `also` path).
    fn visible(&self) -> Vec<kaiban_core::Finding> {
        let validation = use_validation();
        let mut found = validation.visible_at(&self.path, self.step);
        if let Some(also) = &self.also {
            found.extend(validation.visible_at(also, self.step));
        }
        found
    }

    /// Whether the field shows an error now (the red bar, `aria-invalid`).
    pub fn error(&self) -> Signal<bool> {
        let frame = self.clone();
        Signal::derive(move || frame.visible().iter().any(|f| f.is_error()))
    }

    /// The ids for `aria-describedby`: the hint, any visible message, and `extra` ids.
    pub fn describedby(
        &self,
        extra: impl Fn() -> Vec<String> + Send + Sync + 'static,
    ) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let frame = self.clone();
        move || {
            let id = &frame.id;
            let mut ids = Vec::new();
            if frame.has_hint {
                ids.push(format!("{id}-hint"));
            }
            if !frame.visible().is_empty() {
                ids.push(format!("{id}-message"));
            }
            ids.extend(extra());
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// Marks the field as left: its findings show from now on.
    pub fn touch(&self) {
        let validation = use_validation();
        validation.touch(&self.path);
        if let Some(also) = &self.also {
            validation.touch(also);
        }
    }

    pub fn label(&self, text: Signal<String>) -> impl IntoView {
        view! {
            <label class="kb-label" for=self.id.clone()>
                {move || text.get()}
            </label>
        }
    }

    pub fn hint(&self, hint: Option<Signal<String>>, class: &'static str) -> impl IntoView {
        let id = format!("{}-hint", self.id);
        hint.map(|h| {
            view! {
                <p class=class id=id>
                    {move || h.get()}
                </p>
            }
        })
    }

    pub fn messages(&self) -> impl IntoView {
        view! { <FieldMessages path=self.path.clone() step=self.step also=self.also.clone() /> }
    }
}

/// What an input is bound to: the field's path, its value, and how to change it.
pub struct Bind<T: Send + Sync + 'static> {
    pub path: String,
    pub value: Signal<T>,
    pub set: Callback<T>,
}

impl<T: PartialEq + Clone + Send + Sync + 'static> Bind<T> {
    /// `value` is usually read from the whole application: it is kept as a memo, so an edit
    /// elsewhere (a keystroke in another investor's card) wakes nothing that shows this field.
    pub fn new(path: impl Into<String>, value: Signal<T>, set: Callback<T>) -> Bind<T> {
        Bind {
            path: path.into(),
            value: Memo::new(move |_| value.get()).into(),
            set,
        }
    }
}

impl<T: serde::Serialize + serde::de::DeserializeOwned + Clone + Send + Sync + 'static> Bind<T> {
    /// The same binding as a radio group or select sees it: the value's key
    /// (`kaiban_core::key`); a key that names no value changes nothing.
    pub fn keyed(self) -> Bind<String> {
        let Bind { path, value, set } = self;
        Bind::new(
            path,
            Signal::derive(move || value.with(kaiban_core::key::of)),
            Callback::new(move |key: String| {
                if let Some(chosen) = kaiban_core::key::parse(&key) {
                    set.run(chosen)
                }
            }),
        )
    }
}

impl<N: std::str::FromStr + ToString + Send + Sync + 'static> Bind<Option<N>> {
    /// The same binding as a text input sees a whole number: empty for none, and what does
    /// not parse stores none (the rule that needs the number then says so).
    pub fn number(self) -> Bind<String> {
        let Bind { path, value, set } = self;
        Bind::new(
            path,
            Signal::derive(move || {
                value.with(|n| n.as_ref().map(ToString::to_string).unwrap_or_default())
            }),
            Callback::new(move |text: String| set.run(text.trim().parse().ok())),
        )
    }
}

/// Binds an input to a field of the wizard's application:
/// `bind!(wizard.application, path::NAME_FULL, name.full)`.
#[macro_export]
macro_rules! bind {
    ($application:expr, $path:expr, $($field:ident).+) => {{
        let application = $application;
        $crate::fields::Bind::new(
            $path,
            ::leptos::prelude::Signal::derive(move || {
                application.with(|a| ToOwned::to_owned(&a.$($field).+))
            }),
            ::leptos::prelude::Callback::new(move |v| application.update(|a| a.$($field).+ = v)),
        )
    }};
}

/// A binding to a field inside an optional part of the application (`bundle.seals`): its
/// value while the part is there (the default otherwise), changed only while it is.
#[macro_export]
macro_rules! bind_in {
    ($application:expr, $path:expr, $($part:ident).+ => $($field:ident).+) => {{
        let application = $application;
        $crate::fields::Bind::new(
            $path,
            ::leptos::prelude::Signal::derive(move || {
                application.with(|a| {
                    a.$($part).+
                        .as_ref()
                        .map(|p| ToOwned::to_owned(&p.$($field).+))
                        .unwrap_or_default()
                })
            }),
            ::leptos::prelude::Callback::new(move |v| {
                application.update(|a| {
                    if let Some(p) = a.$($part).+.as_mut() {
                        p.$($field).+ = v;
                    }
                })
            }),
        )
    }};
}
