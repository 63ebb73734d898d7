//! The application with its people indexed by id. The rules look a person up for every
//! investor, officer and owner; a linear search each time made one check quadratic in the
//! number of people (1 000 investors: a million comparisons per keystroke).

use crate::model::{Application, Person};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Deref;

pub(crate) struct Indexed<'a> {
    app: &'a Application,
    people: People<'a>,
}

/// SipHash by default: a receiver indexes ids an attacker chose, perhaps to collide. The
/// browser's `Checker` indexes the applicant's own people at every keystroke, where hashing
/// 1 000 ids with SipHash was a third of the check.
enum People<'a> {
    Keyed(HashMap<&'a str, &'a Person>),
    Fast(FxHashMap<&'a str, &'a Person>),
}

impl<'a> Indexed<'a> {
    pub(crate) fn new(app: &'a Application) -> Indexed<'a> {
        Indexed {
            app,
            people: People::Keyed(by_id(app)),
        }
    }

    /// For the `Checker` only (see `People`).
    pub(crate) fn fast(app: &'a Application) -> Indexed<'a> {
        Indexed {
            app,
            people: People::Fast(by_id(app)),
        }
    }

    pub(crate) fn person(&self, id: &str) -> Option<&'a Person> {
        match &self.people {
            People::Keyed(people) => people.get(id).copied(),
            People::Fast(people) => people.get(id).copied(),
        }
    }
}

fn by_id<S: BuildHasher + Default>(app: &Application) -> HashMap<&str, &Person, S> {
    let mut people = HashMap::with_capacity_and_hasher(app.persons.len(), S::default());
    for person in &app.persons {
        // The first wins, as with `Application::person`.
        people.entry(person.id.as_str()).or_insert(&**person);
    }
    people
}

impl Deref for Indexed<'_> {
    type Target = Application;

    fn deref(&self) -> &Application {
        self.app
    }
}
