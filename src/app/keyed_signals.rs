//! One signal per key, made on first use and owned by the owner that made the collection (not
//! by whichever effect asked first). A field that reads its key wakes only when that key
//! changes: one signal holding everything would wake every field of the application, and
//! reactive_graph pays time linear in a source's subscribers for each one that re-runs, so a
//! 1 000-investor application became quadratic (minutes to leave a field).

use leptos::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;

pub struct KeyedSignals<K: Send + Sync + 'static, V: Send + Sync + 'static> {
    signals: StoredValue<HashMap<K, RwSignal<V>>>,
    owner: StoredValue<Owner>,
}

impl<K: Send + Sync + 'static, V: Send + Sync + 'static> Clone for KeyedSignals<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static, V: Send + Sync + 'static> Copy for KeyedSignals<K, V> {}

impl<K: Eq + Hash + Clone + Send + Sync + 'static, V: Send + Sync + 'static> KeyedSignals<K, V> {
    pub fn new() -> KeyedSignals<K, V> {
        KeyedSignals {
            signals: StoredValue::new(HashMap::default()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    /// The signal of `key`, made with `initial()` if there is none yet.
    pub fn signal(&self, key: K, initial: impl FnOnce() -> V) -> RwSignal<V> {
        if let Some(signal) = self.signals.with_value(|m| m.get(&key).copied()) {
            return signal;
        }
        let value = initial();
        let signal = self.owner.with_value(|o| o.with(|| RwSignal::new(value)));
        self.signals.update_value(|m| {
            m.insert(key, signal);
        });
        signal
    }

    /// Every (key, signal) made so far.
    pub fn with_all<R>(&self, f: impl FnOnce(&HashMap<K, RwSignal<V>>) -> R) -> R {
        self.signals.with_value(f)
    }
}
