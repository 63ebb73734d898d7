//! One signal per person, fed by one effect (see KeyedSignals for why): an input bound to a
//! person's field reads that person's signal, so a keystroke in one card re-runs that card's
//! bindings only. Read from the application directly, every bound input of every person was a
//! subscriber of the application, and a keystroke on the investors step of a 1 000-investor
//! application took half a second.

use super::keyed_signals::KeyedSignals;
use super::settled_signal::{same_ids, settled_signal};
use kaiban_core::model::{Application, Person};
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct PersonSignals {
    application: RwSignal<Application>,
    signals: KeyedSignals<String, Option<Person>>,
    /// The people's ids in order, set only when the order changes (see `settled_signal`).
    ids: Signal<Vec<String>>,
}

impl PersonSignals {
    pub fn new(application: RwSignal<Application>) -> PersonSignals {
        let signals = KeyedSignals::<String, Option<Person>>::new();
        let ids = settled_signal(
            application,
            |a, ids: &Vec<String>| same_ids(ids, a.persons.iter().map(|p| &p.id)),
            |a| a.persons.iter().map(|p| p.id.clone()).collect(),
        );
        Effect::new(move |_| {
            // Collected first: a person's signal woken by `set` may redraw and make new ones.
            let changed: Vec<_> = application.with(|a| {
                let by_id: HashMap<&str, &Person> =
                    a.persons.iter().map(|p| (p.id.as_str(), p)).collect();
                signals.with_all(|all| {
                    all.iter()
                        .filter_map(|(id, signal)| {
                            let now = by_id.get(id.as_str()).copied();
                            let same =
                                signal.try_with_untracked(|before| before.as_ref() == now)?;
                            (!same).then(|| (*signal, now.cloned()))
                        })
                        .collect()
                })
            });
            for (signal, person) in changed {
                signal.try_set(person);
            }
        });
        PersonSignals {
            application,
            signals,
            ids,
        }
    }

    /// The person with `id` as it is now (`None` once they are gone), tracked.
    pub fn person(&self, id: &str) -> RwSignal<Option<Person>> {
        let application = self.application;
        self.signals.signal(id.to_string(), || {
            application.with_untracked(|a| a.person(id).cloned())
        })
    }

    /// Where the person with `id` is in `persons`, tracked: wakes only when the order of the
    /// people changes.
    pub fn index(&self, id: &str) -> Option<usize> {
        // Until the effect has seen a person just added, the application itself says.
        let application = self.application;
        self.ids
            .with(|ids| ids.iter().position(|p| p == id))
            .or_else(|| application.with_untracked(|a| a.persons.iter().position(|p| p.id == id)))
    }
}
