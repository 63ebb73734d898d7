//! The findings of one field, as a signal of its own (see KeyedSignals for why): one effect
//! reads the whole list and updates only the fields whose findings changed.

use super::keyed_signals::KeyedSignals;
use kaiban_core::Finding;
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct FindingsByPath {
    signals: KeyedSignals<String, Vec<Finding>>,
    all: Memo<Vec<Finding>>,
}

impl FindingsByPath {
    /// `ready`: the stored draft has been read. Until then no field is drawn, and checking the
    /// empty application would only be work in the mount's task (a long one on a phone).
    pub fn new(all: Memo<Vec<Finding>>, ready: RwSignal<bool>) -> FindingsByPath {
        let this = FindingsByPath {
            signals: KeyedSignals::new(),
            all,
        };
        Effect::new(move |_| {
            if !ready.get() {
                return;
            }
            let mut by_path: HashMap<String, Vec<Finding>> = HashMap::default();
            all.with(|all| {
                for finding in all {
                    by_path
                        .entry(finding.path.clone())
                        .or_default()
                        .push(finding.clone());
                }
            });
            // Collected first: a field woken by `set` may ask for a new path, which writes the map.
            let changed: Vec<_> = this.signals.with_all(|signals| {
                signals
                    .iter()
                    .filter_map(|(path, signal)| {
                        let now = by_path.remove(path).unwrap_or_default();
                        let same = signal.try_with_untracked(|before| *before == now)?;
                        (!same).then_some((*signal, now))
                    })
                    .collect()
            });
            for (signal, findings) in changed {
                signal.try_set(findings);
            }
        });
        this
    }

    /// The findings at exactly `path`, tracked.
    pub fn at(&self, path: &str) -> Vec<Finding> {
        self.signal(path).get()
    }

    fn signal(&self, path: &str) -> RwSignal<Vec<Finding>> {
        let all = self.all;
        self.signals.signal(path.to_string(), move || {
            all.with_untracked(|all| all.iter().filter(|f| f.path == path).cloned().collect())
        })
    }
}
