//! Which keys and payloads the receiver has seen, in memory. Every decision is one call
//! under one lock acquisition (look up and reserve together), so two concurrent requests can
//! never both store a case for one key or one payload. The lock guards map operations only,
//! never I/O or an `.await` (the short critical section tokio's docs recommend a std mutex for).

use super::limits::REPLAY_KEYS;
use super::store::Meta;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

#[derive(Clone, Debug)]
enum Slot {
    /// Verified and being written to disk by the request that reserved it.
    Pending {
        body_hash: String,
    },
    Stored(Meta),
}

#[derive(Default)]
struct Maps {
    by_key: HashMap<String, Slot>,
    by_payload: HashMap<String, Slot>,
    by_receipt: HashMap<String, String>,
    /// Keys that only ever replayed a stored payload, oldest first (bounded).
    replay_keys: VecDeque<String>,
}

#[derive(Default)]
pub struct Index(Mutex<Maps>);

/// What to do with a request, decided atomically.
#[derive(Debug)]
pub enum Decision {
    /// Store it: this request now holds the key and the payload.
    Fresh,
    /// The same key and body again: answer with the stored receipt.
    Retry(Meta),
    /// The same payload under another key: answer with the stored receipt (`duplicate`).
    Replay(Meta),
    /// The key was used for another body.
    Conflict,
    /// Another request with this key or payload is being stored right now: retry shortly.
    InFlight,
}

impl Index {
    pub fn new(cases: Vec<Meta>) -> Index {
        let mut maps = Maps::default();
        for meta in cases {
            maps.by_receipt
                .insert(meta.receipt_id.clone(), meta.status_token.clone());
            maps.by_payload
                .insert(meta.payload_hash.clone(), Slot::Stored(meta.clone()));
            maps.by_key
                .insert(meta.idempotency_key.clone(), Slot::Stored(meta));
        }
        Index(Mutex::new(maps))
    }

    fn maps(&self) -> std::sync::MutexGuard<'_, Maps> {
        // A panic while holding the lock leaves the maps consistent (each change is one insert).
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A key's earlier answer, if it has one (a cheap check before verifying).
    pub fn by_key(&self, key: &str, body_hash: &str) -> Option<Decision> {
        match self.maps().by_key.get(key)? {
            Slot::Stored(meta) if meta.body_hash == body_hash => {
                Some(Decision::Retry(meta.clone()))
            }
            Slot::Pending { body_hash: b } if b == body_hash => Some(Decision::InFlight),
            _ => Some(Decision::Conflict),
        }
    }

    /// Decides and, for `Fresh`, reserves key and payload in one step.
    pub fn reserve(&self, key: &str, body_hash: &str, payload_hash: &str) -> Decision {
        let mut maps = self.maps();
        match maps.by_key.get(key) {
            Some(Slot::Stored(meta)) if meta.body_hash == body_hash => {
                return Decision::Retry(meta.clone())
            }
            Some(Slot::Pending { body_hash: b }) if b == body_hash => return Decision::InFlight,
            Some(_) => return Decision::Conflict,
            None => {}
        }
        match maps.by_payload.get(payload_hash).cloned() {
            Some(Slot::Stored(meta)) => {
                maps.by_key
                    .insert(key.to_string(), Slot::Stored(meta.clone()));
                maps.replay_keys.push_back(key.to_string());
                while maps.replay_keys.len() > REPLAY_KEYS {
                    if let Some(old) = maps.replay_keys.pop_front() {
                        maps.by_key.remove(&old);
                    }
                }
                Decision::Replay(meta)
            }
            Some(Slot::Pending { .. }) => Decision::InFlight,
            None => {
                let pending = Slot::Pending {
                    body_hash: body_hash.to_string(),
                };
                maps.by_key.insert(key.to_string(), pending.clone());
                maps.by_payload.insert(payload_hash.to_string(), pending);
                Decision::Fresh
            }
        }
    }

    /// The reserved case was stored.
    pub fn stored(&self, meta: &Meta) {
        let mut maps = self.maps();
        maps.by_receipt
            .insert(meta.receipt_id.clone(), meta.status_token.clone());
        maps.by_key
            .insert(meta.idempotency_key.clone(), Slot::Stored(meta.clone()));
        maps.by_payload
            .insert(meta.payload_hash.clone(), Slot::Stored(meta.clone()));
    }

    /// The reserved case could not be stored: free the key and payload for a retry.
    pub fn release(&self, key: &str, payload_hash: &str) {
        let mut maps = self.maps();
        maps.by_key.remove(key);
        maps.by_payload.remove(payload_hash);
    }

    /// Whether `token` opens `receipt` (false for an unknown receipt: one answer for both).
    pub fn may_read(&self, receipt: &str, token: &str) -> bool {
        let maps = self.maps();
        let expected = maps.by_receipt.get(receipt).map(String::as_str);
        // Compared even for an unknown receipt, so the two cases take the same time.
        let matches = super::ids::same_secret(expected.unwrap_or("-"), token);
        matches && expected.is_some_and(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(key: &str) -> Meta {
        Meta {
            receipt_id: "KB-AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA".into(),
            status_token: "T".into(),
            idempotency_key: key.into(),
            body_hash: "b1".into(),
            payload_hash: "p1".into(),
            received_at: String::new(),
            manual_review: false,
            services: Vec::new(),
            corrects: None,
        }
    }

    #[test]
    fn one_key_with_two_bodies_stores_once() {
        let index = Index::default();
        assert!(matches!(index.reserve("k", "b1", "p1"), Decision::Fresh));
        assert!(matches!(index.reserve("k", "b2", "p2"), Decision::Conflict));
        assert!(matches!(index.reserve("k", "b1", "p1"), Decision::InFlight));
        assert!(matches!(
            index.reserve("k2", "b1", "p1"),
            Decision::InFlight
        ));
        index.stored(&meta("k"));
        assert!(matches!(index.reserve("k", "b1", "p1"), Decision::Retry(_)));
        assert!(matches!(
            index.reserve("k2", "b9", "p1"),
            Decision::Replay(_)
        ));
        assert!(index.may_read("KB-AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA", "T"));
        assert!(!index.may_read("KB-AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA", "U"));
        assert!(!index.may_read("KB-BBBBB-AAAAA-AAAAA-AAAAA-AAAAAA", "T"));
    }

    #[test]
    fn replay_keys_are_bounded() {
        let index = Index::new(vec![meta("k")]);
        for n in 0..REPLAY_KEYS + 10 {
            assert!(matches!(
                index.reserve(&format!("r{n}"), "x", "p1"),
                Decision::Replay(_)
            ));
        }
        assert_eq!(index.maps().by_key.len(), REPLAY_KEYS + 1);
    }
}
