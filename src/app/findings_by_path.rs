//! The findings of one field, as a signal of its own. Every field on a step shows the findings
//! at its path; if each field read the whole findings list, each change would wake every field
//! of the application, and reactive_graph pays time linear in a source's subscribers for each
//! one that re-runs: quadratic, 100 ms a keystroke at 1 000 investors. Here one effect reads
//! the list and updates only the fields whose findings changed.

use kaiban_core::Finding;
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Copy)]
pub struct FindingsByPath {
    signals: StoredValue<HashMap<String, RwSignal<Vec<Finding>>>>,
    owner: StoredValue<Owner>,
    all: Memo<Vec<Finding>>,
}

impl FindingsByPath {
    pub fn new(all: Memo<Vec<Finding>>) -> FindingsByPath {
        let this = FindingsByPath {
            signals: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            all,
        };
        Effect::new(move |_| {
            let mut by_path: HashMap<String, Vec<Finding>> = HashMap::new();
            all.with(|all| {
                for finding in all {
                    by_path
                        .entry(finding.path.clone())
                        .or_default()
                        .push(finding.clone());
                }
            });
            // Collected first: a field woken by `set` may ask for a new path, which writes the map.
            let changed: Vec<_> = this.signals.with_value(|signals| {
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
        if let Some(signal) = self.signals.with_value(|m| m.get(path).copied()) {
            return signal;
        }
        let now: Vec<Finding> = self
            .all
            .with_untracked(|all| all.iter().filter(|f| f.path == path).cloned().collect());
        // Owned by the validation's owner, not by whichever effect asked first.
        let signal = self.owner.with_value(|o| o.with(|| RwSignal::new(now)));
        self.signals.update_value(|m| {
            m.insert(path.to_string(), signal);
        });
        signal
    }
}
