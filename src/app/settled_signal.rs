//! A signal of something the application holds, set only when that changes. A memo of the
//! application would do the same work, but reactive_graph marks every reader of a memo for a
//! re-check whenever the memo's source changes, even when its value stays the same: with a
//! card per investor reading the entity type or the people's order, every keystroke anywhere
//! was linear in the investors.

use kaiban_core::model::Application;
use leptos::prelude::*;

/// What `make` finds in the application, made again only when `unchanged` says the value
/// held no longer matches (so it can compare without building a new value each keystroke).
pub fn settled_signal<T: Send + Sync + 'static>(
    application: RwSignal<Application>,
    unchanged: impl Fn(&Application, &T) -> bool + Send + Sync + 'static,
    make: impl Fn(&Application) -> T + Send + Sync + 'static,
) -> Signal<T> {
    let value = RwSignal::new(application.with_untracked(&make));
    Effect::new(move |_| {
        let now =
            application.with(|a| (!value.with_untracked(|v| unchanged(a, v))).then(|| make(a)));
        if let Some(now) = now {
            value.set(now);
        }
    });
    value.into()
}

/// Whether `ids` are, in order, the ids `items` carry.
pub fn same_ids<'a, I>(ids: &[String], items: I) -> bool
where
    I: ExactSizeIterator<Item = &'a String>,
{
    ids.len() == items.len() && ids.iter().zip(items).all(|(id, item)| id == item)
}
