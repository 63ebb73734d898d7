//! Rounds to void: when the application changes, its open round must stop taking signatures
//! for the old version. If the backend cannot be reached then, the round is remembered on this
//! device and voided when the app next starts or comes back online.

use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

const KEY: &str = "kaiban.rounds-to-void";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Pending {
    endpoint: String,
    round_id: String,
    token: String,
}

fn load() -> Vec<Pending> {
    crate::browser::local_storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn store(pending: &[Pending]) {
    if let Some(storage) = crate::browser::local_storage() {
        let _ = if pending.is_empty() {
            storage.remove_item(KEY)
        } else {
            storage.set_item(KEY, &serde_json::to_string(pending).unwrap_or_default())
        };
    }
}

/// Voids the round now, or as soon as the backend can be reached.
pub fn void_later(endpoint: String, round_id: String, token: String) {
    let mut pending = load();
    let round = Pending {
        endpoint,
        round_id,
        token,
    };
    if !pending.contains(&round) {
        pending.push(round);
        store(&pending);
    }
    void_pending();
}

/// Tries every remembered round; forgets those the backend voided or no longer knows.
pub fn void_pending() {
    spawn_local(async {
        for round in load() {
            let outcome = super::void(&round.endpoint, &round.round_id, &round.token).await;
            if outcome
                .as_ref()
                .map_or_else(|f| f.code != "network", |_| true)
            {
                store(
                    &load()
                        .into_iter()
                        .filter(|p| *p != round)
                        .collect::<Vec<_>>(),
                );
            }
        }
    });
}
