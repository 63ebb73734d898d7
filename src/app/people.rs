//! The people of the application: adding, changing and binding inputs to them, and letting
//! go of those no role refers to any more.

use super::wizard::Wizard;
use crate::fields::Bind;
use kaiban_core::ids::IdType;
use kaiban_core::model::{Application, Person};
use kaiban_core::path::{self, PersonField};
use leptos::prelude::*;

impl Wizard {
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.application.with(|a| a.person_index(id))
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
    pub fn bind_person<T: Default + Send + Sync + 'static>(
        &self,
        id: &str,
        field: PersonField,
        get: fn(&Person) -> T,
        set: fn(&mut Person, T),
    ) -> Bind<T> {
        let wizard = *self;
        let (read, write) = (id.to_string(), id.to_string());
        Bind::new(
            path::person(id, field),
            Signal::derive(move || {
                wizard
                    .application
                    .with(|a| a.person(&read).map(get).unwrap_or_default())
            }),
            Callback::new(move |v| wizard.update_person(&write, |p| set(p, v))),
        )
    }

    /// Adds an empty person record and returns its id.
    pub fn add_person(&self, organisation: bool) -> String {
        let id = crate::drafts::new_id();
        self.application.update(|a| {
            a.persons.push(Person {
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
            })
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
    a.roles()
        .into_iter()
        .map(|r| r.person_id.to_string())
        .collect()
}
