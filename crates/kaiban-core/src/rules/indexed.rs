//! The application with its people indexed by id. The rules look a person up for every
//! investor, officer and owner; a linear search each time made one check quadratic in the
//! number of people (1 000 investors: a million comparisons per keystroke).

use crate::model::{Application, Person};
use std::collections::HashMap;
use std::ops::Deref;

pub(crate) struct Indexed<'a> {
    app: &'a Application,
    people: HashMap<&'a str, &'a Person>,
}

impl<'a> Indexed<'a> {
    pub(crate) fn new(app: &'a Application) -> Indexed<'a> {
        let mut people = HashMap::with_capacity(app.persons.len());
        for person in &app.persons {
            // The first wins, as with `Application::person`.
            people.entry(person.id.as_str()).or_insert(&**person);
        }
        Indexed { app, people }
    }

    pub(crate) fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).copied()
    }
}

impl Deref for Indexed<'_> {
    type Target = Application;

    fn deref(&self) -> &Application {
        self.app
    }
}
