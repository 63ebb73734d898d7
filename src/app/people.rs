//! The people of the application: adding, changing and binding inputs to them, and letting
//! go of those no role refers to any more.

use super::settled_signal::{same_ids, settled_signal};
use super::wizard::Wizard;
use crate::fields::Bind;
use kaiban_core::ids::IdType;
use kaiban_core::model::{Application, EntityType, Holder, Mark, Marked, Person};
use kaiban_core::path::{self, PersonField};
use leptos::prelude::*;

/// Where a list of role holders is in the application, read and written.
pub type Holders<T> = (
    fn(&Application) -> &Vec<T>,
    fn(&mut Application) -> &mut Vec<T>,
);

impl Wizard {
    /// Where the person with `id` is in `persons` (tracked: wakes when the order changes).
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.person_signals.index(id)
    }

    pub fn update_person(&self, id: &str, change: impl FnOnce(&mut Person)) {
        self.application.update(|a| {
            if let Some(p) = a.persons.iter_mut().find(|p| p.id == id) {
                change(p);
            }
        });
    }

    /// Binds an input to `field` of the person with `id`: `get` reads it (a default while
    /// the person is gone), `set` writes it.
    pub fn bind_person<T: Default + PartialEq + Clone + Send + Sync + 'static>(
        &self,
        id: &str,
        field: PersonField,
        get: fn(&Person) -> T,
        set: fn(&mut Person, T),
    ) -> Bind<T> {
        let wizard = *self;
        let (person, write) = (self.person_signals.person(id), id.to_string());
        Bind::new(
            path::person(id, field),
            Signal::derive(move || person.with(|p| p.as_deref().map(get).unwrap_or_default())),
            Callback::new(move |v| wizard.update_person(&write, |p| set(p, v))),
        )
    }

    /// The person ids of the holders in the list `holders` finds, in order; recomputed when
    /// the application changes, waking readers only when the ids do.
    pub fn holder_ids<T: Holder + 'static>(&self, holders: Holders<T>) -> Signal<Vec<String>> {
        let list = holders.0;
        settled_signal(
            self.application,
            move |a, ids: &Vec<String>| same_ids(ids, list(a).iter().map(|h| h.person_id())),
            move |a| list(a).iter().map(|h| h.person_id().clone()).collect(),
        )
    }

    /// The entity type being registered; a limited liability company until one is chosen.
    pub fn entity_type(&self) -> Signal<EntityType> {
        let entity = |a: &Application| a.entity_type.unwrap_or(EntityType::Llc);
        settled_signal(
            self.application,
            move |a, before| entity(a) == *before,
            entity,
        )
    }

    /// Binds a text input to the free-text `field` of the person with `id`
    /// (`Person::text`/`set_text`).
    pub fn person_text(&self, id: &str, field: PersonField) -> Bind<String> {
        self.bind_person_as(
            id,
            field,
            |p, f| p.text(f).unwrap_or_default().to_string(),
            |p, f, v| p.set_text(f, v),
        )
    }

    /// Binds a select or radio group to the choice field `field` of the person with `id`,
    /// by the chosen value's key.
    pub fn person_choice(&self, id: &str, field: PersonField) -> Bind<String> {
        self.bind_person_as(
            id,
            field,
            |p, f| p.choice(f).unwrap_or_default(),
            |p, f, v| p.set_choice(f, &v),
        )
    }

    /// Binds an input to `field` of the person with `id` as text: `read` gives it ("" while
    /// the person is gone), `write` stores what is typed or chosen.
    fn bind_person_as(
        &self,
        id: &str,
        field: PersonField,
        read: fn(&Person, PersonField) -> String,
        write: fn(&mut Person, PersonField, String),
    ) -> Bind<String> {
        let wizard = *self;
        let (person, target) = (self.person_signals.person(id), id.to_string());
        Bind::new(
            path::person(id, field),
            Signal::derive(move || {
                person.with(|p| p.as_ref().map(|p| read(p, field)).unwrap_or_default())
            }),
            Callback::new(move |v| wizard.update_person(&target, |p| write(p, field, v))),
        )
    }

    /// Binds a person picker to the person of holder `i` in the list `holders` finds.
    /// Choosing someone else lets go of anyone no role refers to any more.
    pub fn bind_holder<T: Holder + 'static>(
        &self,
        path: String,
        (i, holders): (usize, Holders<T>),
    ) -> Bind<Option<String>> {
        let wizard = *self;
        let (list, list_mut) = holders;
        Bind::new(
            path,
            Signal::derive(move || {
                let id = wizard
                    .application
                    .with(|a| list(a).get(i).map(|h| h.person_id().clone()));
                id.filter(|id| !id.is_empty())
            }),
            Callback::new(move |id: Option<String>| {
                wizard.application.update(|a| {
                    if let Some(h) = list_mut(a).get_mut(i) {
                        *h.person() = id.unwrap_or_default();
                    }
                });
                wizard.drop_unreferenced_people();
            }),
        )
    }

    /// Binds an input to a field of element `i` of the list `holders` finds: `get` reads it
    /// (a default while the element is gone), `set` writes it.
    pub fn bind_item<L: 'static, T: Default + PartialEq + Clone + Send + Sync + 'static>(
        &self,
        path: String,
        (i, holders): (usize, Holders<L>),
        get: impl Fn(&L) -> T + Copy + Send + Sync + 'static,
        set: impl Fn(&mut L, T) + Copy + Send + Sync + 'static,
    ) -> Bind<T> {
        let application = self.application;
        let (list, list_mut) = holders;
        Bind::new(
            path,
            Signal::derive(move || {
                application.with(|a| list(a).get(i).map(get).unwrap_or_default())
            }),
            Callback::new(move |value| {
                application.update(|a| {
                    if let Some(item) = list_mut(a).get_mut(i) {
                        set(item, value);
                    }
                })
            }),
        )
    }

    /// Binds a checkbox to `mark` of officer `i` in the list `holders` finds.
    pub fn bind_mark<L: Marked + 'static>(
        &self,
        path: String,
        holder: (usize, Holders<L>),
        mark: Mark,
    ) -> Bind<bool> {
        let read = move |officer: &L| officer.mark(mark);
        self.bind_item(path, holder, read, move |officer, on| {
            officer.set_mark(mark, on)
        })
    }

    /// Adds an empty holder at the end of the list `holders` finds.
    pub fn add_holder<T: Default + 'static>(
        &self,
        holders: fn(&mut Application) -> &mut Vec<T>,
    ) -> Callback<()> {
        let application = self.application;
        Callback::new(move |()| application.update(|a| holders(a).push(T::default())))
    }

    /// Takes holder `i` off the list `holders` finds, and lets go of anyone no role refers
    /// to any more.
    pub fn remove_holder<T: 'static>(
        &self,
        holders: fn(&mut Application) -> &mut Vec<T>,
        i: usize,
    ) -> Callback<()> {
        let wizard = *self;
        Callback::new(move |()| {
            wizard.application.update(|a| {
                let list = holders(a);
                if i < list.len() {
                    list.remove(i);
                }
            });
            wizard.drop_unreferenced_people();
        })
    }

    /// Adds an empty person record and returns its id.
    pub fn add_person(&self, organisation: bool) -> String {
        let id = crate::drafts::new_id();
        self.application.update(|a| {
            a.persons.push(
                Person {
                    id: id.clone(),
                    id_type: if organisation {
                        IdType::CreditCode
                    } else {
                        IdType::ResidentId
                    },
                    nationality: if organisation {
                        String::new()
                    } else {
                        "CHN".into()
                    },
                    ..Default::default()
                }
                .into(),
            )
        });
        id
    }

    /// Removes people whom no role refers to any more (after a role was removed).
    pub fn drop_unreferenced_people(&self) {
        self.application.update(|a| {
            let used = referenced_people(a);
            a.persons.retain(|p| used.contains(&p.id));
        });
    }
}

/// Every person id a role of the application points at.
pub fn referenced_people(a: &Application) -> std::collections::HashSet<String> {
    // The bundle names people too (the tax officer, agents, the account's operators).
    a.roles()
        .into_iter()
        .map(|r| r.person_id.to_string())
        .chain(a.bundle.people().into_iter().map(|(id, _)| id.clone()))
        .collect()
}
