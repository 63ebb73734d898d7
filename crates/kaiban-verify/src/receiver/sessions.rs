//! The console's sign-ins: each login gets a session id of its own (128 bits from the operating
//! system), kept only as SHA-256 and in memory, ended by logging out or after 12 hours. The
//! cookie never carries the operator token itself, so a cookie that leaks (a shared computer, a
//! proxy's log) is worth one session, which logging out ends.

use super::ids;
use kaiban_core::package::sha256_hex;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a sign-in lasts (also the cookie's Max-Age).
pub const LIFETIME: Duration = Duration::from_secs(12 * 3600);
/// Sign-ins kept at most; beyond it the oldest is ended (a loop of logins cannot grow memory).
const MOST: usize = 256;

#[derive(Default)]
pub struct Sessions {
    open: Mutex<HashMap<String, Instant>>,
}

impl Sessions {
    /// A new sign-in's id, for the cookie.
    pub fn open(&self) -> String {
        let id = ids::new_status_token();
        let now = Instant::now();
        let mut open = self.open.lock().expect("sessions");
        open.retain(|_, ends| *ends > now);
        if open.len() >= MOST {
            if let Some(oldest) = open
                .iter()
                .min_by_key(|(_, ends)| **ends)
                .map(|(k, _)| k.clone())
            {
                open.remove(&oldest);
            }
        }
        open.insert(sha256_hex(id.as_bytes()), now + LIFETIME);
        id
    }

    pub fn is_open(&self, id: &str) -> bool {
        let open = self.open.lock().expect("sessions");
        open.get(&sha256_hex(id.as_bytes()))
            .is_some_and(|ends| *ends > Instant::now())
    }

    pub fn close(&self, id: &str) {
        self.open
            .lock()
            .expect("sessions")
            .remove(&sha256_hex(id.as_bytes()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_open_until_closed_and_ids_differ() {
        let sessions = Sessions::default();
        let a = sessions.open();
        let b = sessions.open();
        assert_ne!(a, b);
        assert!(sessions.is_open(&a) && sessions.is_open(&b));
        assert!(!sessions.is_open("not-a-session"));
        sessions.close(&a);
        assert!(!sessions.is_open(&a) && sessions.is_open(&b));
    }

    #[test]
    fn logins_beyond_the_bound_end_the_oldest() {
        let sessions = Sessions::default();
        let first = sessions.open();
        for _ in 0..MOST {
            sessions.open();
        }
        assert!(!sessions.is_open(&first));
        assert_eq!(sessions.open.lock().unwrap().len(), MOST);
    }
}
