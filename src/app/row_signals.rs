//! One signal per row of a long list, fed by one effect. A memo or closure per row reading the
//! application would give the application one subscriber per row, and reactive_graph pays time
//! linear in a source's subscribers for each subscriber that re-runs: every keystroke would
//! cost time quadratic in the rows (100 ms at 1 000 investors). Here the effect compares the
//! rows and sets only the signals whose row changed.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct RowSignals<T: Send + Sync + 'static> {
    rows: StoredValue<Vec<RwSignal<T>>>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> RowSignals<T> {
    /// `values` is read in an effect on every change of what it reads.
    pub fn new(values: impl Fn() -> Vec<T> + 'static) -> RowSignals<T> {
        let rows = StoredValue::new(Vec::<RwSignal<T>>::new());
        Effect::new(move |_| {
            let now = values();
            // Collected first: a row woken by `set` may redraw and replace the rows.
            let changed: Vec<_> = rows.with_value(|rows| {
                rows.iter()
                    .zip(now)
                    .filter_map(|(row, value)| {
                        let same = row.try_with_untracked(|before| *before == value)?;
                        (!same).then_some((*row, value))
                    })
                    .collect()
            });
            for (row, value) in changed {
                row.try_set(value);
            }
        });
        RowSignals { rows }
    }

    /// New signals for the rows as they are now, owned by the caller's owner (the view that
    /// draws them); the effect feeds these from now on.
    pub fn draw(&self, now: Vec<T>) -> Vec<RwSignal<T>> {
        let signals: Vec<_> = now.into_iter().map(RwSignal::new).collect();
        self.rows.set_value(signals.clone());
        signals
    }
}
