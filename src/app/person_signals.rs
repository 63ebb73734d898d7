//! One signal per person, fed by one effect (see KeyedSignals for why): an input bound to a
//! person's field reads that person's signal, so a keystroke in one card re-runs that card's
//! bindings only. Read from the application directly, every bound input of every person was a
//! subscriber of the application, and a keystroke on the investors step of a 1 000-investor
//! application took half a second.

use super::keyed_signals::KeyedSignals;
use super::settled_signal::{same_ids, settled_signal};
use kaiban_core::model::{Application, Person, Shared};
use leptos::prelude::*;
use std::collections::HashMap;

/// A person as their signal holds them: `None` once they are gone.
type Held = Option<Shared<Person>>;

#[derive(Clone, Copy)]
pub struct PersonSignals {
    application: RwSignal<Application>,
    signals: KeyedSignals<String, Held>,
    /// The people's ids in order, set only when the order changes (see `settled_signal`).
    ids: Signal<Vec<String>>,
}

impl PersonSignals {
    pub fn new(application: RwSignal<Application>) -> PersonSignals {
        let signals = KeyedSignals::<String, Held>::new();
        let ids = settled_signal(
            application,
            |a, ids: &Vec<String>| same_ids(ids, a.persons.iter().map(|p| &p.id)),
            |a| a.persons.iter().map(|p| p.id.clone()).collect(),
        );
        // The people as the effect last saw them: after a keystroke all but the edited one are
        // the same allocations (`Shared`), so a pass over pointers finds who changed.
        let seen = StoredValue::new(Vec::<Shared<Person>>::new());
        Effect::new(move |_| {
            // Collected first: a person's signal woken by `set` may redraw and make new ones.
            let changed: Vec<_> = application.with(|a| {
                let edited = seen.with_value(|before| edited_in_place(before, &a.persons));
                // In place: the list's buffer is reused at every keystroke.
                seen.update_value(|before| before.clone_from(&a.persons));
                match edited {
                    // A signal made since the last run may hold the person already.
                    Some(edited) => signals.with_all(|all| {
                        edited
                            .into_iter()
                            .filter_map(|i| {
                                let now = &a.persons[i];
                                stale(*all.get(&now.id)?, Some(now))
                            })
                            .collect()
                    }),
                    None => everyone_changed(&a.persons, signals),
                }
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
    pub fn person(&self, id: &str) -> RwSignal<Held> {
        let application = self.application;
        self.signals.signal(id.to_string(), || {
            application.with_untracked(|a| a.shared_person(id).cloned())
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

/// The positions of the people edited since `before`, if the list is otherwise the same (same
/// length, and the same id at every position); `None` when people were added, removed,
/// reordered or given another id.
fn edited_in_place(before: &[Shared<Person>], now: &[Shared<Person>]) -> Option<Vec<usize>> {
    if before.len() != now.len() {
        return None;
    }
    let mut edited = Vec::new();
    for (i, (was, is)) in before.iter().zip(now).enumerate() {
        if !Shared::same(was, is) {
            if was.id != is.id {
                return None;
            }
            edited.push(i);
        }
    }
    Some(edited)
}

/// Every signal whose person differs from the application's (gone: `None`).
fn everyone_changed(
    persons: &[Shared<Person>],
    signals: KeyedSignals<String, Held>,
) -> Vec<(RwSignal<Held>, Held)> {
    let by_id: HashMap<&str, &Shared<Person>> =
        persons.iter().map(|p| (p.id.as_str(), p)).collect();
    signals.with_all(|all| {
        all.iter()
            .filter_map(|(id, signal)| stale(*signal, by_id.get(id.as_str()).copied()))
            .collect()
    })
}

/// `signal` with what it should now hold, if it holds something else (`None`: disposed).
fn stale(signal: RwSignal<Held>, now: Option<&Shared<Person>>) -> Option<(RwSignal<Held>, Held)> {
    let same = signal.try_with_untracked(|before| before.as_ref() == now)?;
    (!same).then(|| (signal, now.cloned()))
}

#[cfg(test)]
mod tests {
    use super::edited_in_place;
    use kaiban_core::model::{Person, Shared};

    fn person(id: &str) -> Shared<Person> {
        Person {
            id: id.into(),
            ..Person::default()
        }
        .into()
    }

    #[test]
    fn only_the_people_written_to_count_as_edited() {
        let before = vec![person("a"), person("b"), person("c")];
        let mut now = before.clone();
        assert_eq!(edited_in_place(&before, &now), Some(vec![]));
        now[1].name = "李四".into();
        assert_eq!(edited_in_place(&before, &now), Some(vec![1]));
        // Equal but read again: counted as edited (the signal then compares by value).
        now[2] = person("c");
        assert_eq!(edited_in_place(&before, &now), Some(vec![1, 2]));
    }

    #[test]
    fn people_added_removed_or_given_another_id_need_the_full_pass() {
        let before = vec![person("a"), person("b")];
        let mut now = before.clone();
        now.push(person("c"));
        assert_eq!(edited_in_place(&before, &now), None);
        now.truncate(1);
        assert_eq!(edited_in_place(&before, &now), None);
        let mut renamed = before.clone();
        renamed[0].id = "z".into();
        assert_eq!(edited_in_place(&before, &renamed), None);
        let swapped = vec![before[1].clone(), before[0].clone()];
        assert_eq!(edited_in_place(&before, &swapped), None);
    }
}
