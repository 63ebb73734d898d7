//! A value held by a shared pointer and copied on write. The browser keeps copies of the
//! application (the last checked, the last saved, one per person's signal); with the people
//! held this way, copying the application copies pointers, and after a keystroke every person
//! but the one edited is still the same allocation, so "did this person change?" is a pointer
//! comparison instead of a comparison of every field. Reading and writing look as they would
//! with the value itself: a write goes through `DerefMut`, which copies the value first if
//! anyone else still holds it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// Whether both are the same allocation: then they are equal without looking further.
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::same(self, other) || *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn a_write_copies_only_a_value_someone_else_holds() {
        let mut people = vec![
            Shared::new(String::from("张三")),
            Shared::new("李四".into()),
        ];
        let before = people.clone();
        people[1].push('四');
        assert!(
            Shared::same(&people[0], &before[0]),
            "the untouched one is shared"
        );
        assert!(!Shared::same(&people[1], &before[1]));
        assert_eq!(
            *before[1], "李四",
            "the copy kept before the write is unchanged"
        );
        assert_eq!(*people[1], "李四四");
        assert_eq!(people[0], before[0]);
        assert_ne!(people[1], before[1]);
        assert_eq!(
            Shared::new(String::from("a")),
            Shared::new(String::from("a")),
            "equal by value"
        );
    }

    #[test]
    fn it_reads_and_writes_as_the_value_in_json() {
        let person: Shared<Vec<u32>> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(*person, vec![1, 2]);
        assert_eq!(serde_json::to_string(&person).unwrap(), "[1,2]");
    }
}
