//! The signing rounds the receiver holds: in memory behind one lock (each change is a few
//! field writes), and on disk as one JSON file per round, written atomically after each change,
//! read back at start. Tokens are kept only as SHA-256 hashes: a copy of the data folder does
//! not let anyone sign.

use super::super::ids::{new_status_token, same_secret};
use kaiban_core::package::round::{RoundState, SignerState, SignerStatus};
use kaiban_core::package::{sha256_hex, RequiredSigner, SignatureEntry};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Rounds held at once (open or not yet forgotten); a new one beyond it is refused with 503.
pub const MAX_ROUNDS: usize = 10_000;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Round {
    pub round_id: String,
    applicant_token_hash: String,
    pub created_at: String,
    /// Seconds since the epoch.
    pub expires_at: i64,
    pub void: bool,
    pub payload: String,
    pub payload_hash: String,
    pub signers: Vec<Signer>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Signer {
    pub required: RequiredSigner,
    token_hash: String,
    /// Links replaced by a new one: they now say so.
    revoked: Vec<String>,
    pub state: SignerState,
    pub at: Option<String>,
    pub reason: Option<String>,
    pub entry: Option<SignatureEntry>,
}

impl Round {
    pub fn state(&self, now: i64) -> RoundState {
        if self.void {
            RoundState::Void
        } else if self.signers.iter().all(|s| s.state == SignerState::Signed) {
            RoundState::Complete
        } else if now > self.expires_at {
            RoundState::Expired
        } else {
            RoundState::Open
        }
    }

    pub fn signer_mut(&mut self, person_id: &str) -> Option<&mut Signer> {
        self.signers
            .iter_mut()
            .find(|s| s.required.person_id == person_id)
    }

    pub fn signer(&self, person_id: &str) -> Option<&Signer> {
        self.signers
            .iter()
            .find(|s| s.required.person_id == person_id)
    }

    /// The key ids that signed for someone other than `person_id`.
    pub fn keys_of_others(&self, person_id: &str) -> Vec<String> {
        self.signers
            .iter()
            .filter(|s| s.required.person_id != person_id)
            .filter_map(|s| s.entry.as_ref())
            .filter_map(kaiban_core::package::round::RoundPayload::kid)
            .collect()
    }

    pub fn statuses(&self) -> Vec<SignerStatus> {
        self.signers
            .iter()
            .map(|s| SignerStatus {
                person_id: s.required.person_id.clone(),
                state: s.state,
                at: s.at.clone(),
                reason: s.reason.clone(),
                entry: s.entry.clone(),
            })
            .collect()
    }
}

impl Signer {
    /// A new link for this signer; the old one is revoked, and the signer starts afresh.
    fn reissue(&mut self) -> String {
        let token = new_status_token();
        self.revoked
            .push(std::mem::replace(&mut self.token_hash, hash(&token)));
        self.state = SignerState::NotOpened;
        self.at = None;
        self.reason = None;
        token
    }
}

/// Who a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    Applicant(String),
    Signer {
        round_id: String,
        person_id: String,
    },
    /// A signer's link that was replaced by a new one.
    Revoked,
}

fn hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// Why a new link was not issued.
#[derive(Debug, PartialEq, Eq)]
pub enum ReissueRefused {
    NoSuchSigner,
    Closed(RoundState),
    AlreadySigned,
}

struct Rounds {
    by_id: HashMap<String, Round>,
    /// SHA-256 of every token ever issued → who it is (a lookup by hash: a token's bytes
    /// never meet a comparison that could leak them by its timing).
    tokens: HashMap<String, Holder>,
}

impl Rounds {
    fn index(&mut self, round: &Round) {
        let id = round.round_id.clone();
        self.tokens.insert(
            round.applicant_token_hash.clone(),
            Holder::Applicant(id.clone()),
        );
        for signer in &round.signers {
            let holder = Holder::Signer {
                round_id: id.clone(),
                person_id: signer.required.person_id.clone(),
            };
            self.tokens.insert(signer.token_hash.clone(), holder);
            for revoked in &signer.revoked {
                self.tokens.insert(revoked.clone(), Holder::Revoked);
            }
        }
    }
}

pub struct Book {
    folder: PathBuf,
    rounds: Mutex<Rounds>,
}

impl Book {
    /// The rounds under `<data>/.rounds/` (beside the cases, which are the only folders named
    /// without a dot; made when the first round is written).
    pub fn open(data: &Path) -> Book {
        let folder = data.join(".rounds");
        let mut rounds = Rounds {
            by_id: HashMap::new(),
            tokens: HashMap::new(),
        };
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            if let Ok(round) = serde_json::from_str::<Round>(&text) {
                rounds.index(&round);
                rounds.by_id.insert(round.round_id.clone(), round);
            }
        }
        Book {
            folder,
            rounds: Mutex::new(rounds),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Rounds> {
        self.rounds.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Opens a round; the applicant's token and each signer's, in the order of `signers`. None
    /// when the book is full.
    pub fn create(
        &self,
        payload: String,
        payload_hash: String,
        signers: &[RequiredSigner],
        created_at: String,
        expires_at: i64,
    ) -> Option<(Round, String, Vec<String>)> {
        let applicant = new_status_token();
        let tokens: Vec<String> = signers.iter().map(|_| new_status_token()).collect();
        let round = Round {
            round_id: format!("R-{}", new_status_token()),
            applicant_token_hash: hash(&applicant),
            created_at,
            expires_at,
            void: false,
            payload,
            payload_hash,
            signers: signers
                .iter()
                .zip(&tokens)
                .map(|(required, token)| Signer {
                    required: required.clone(),
                    token_hash: hash(token),
                    revoked: Vec::new(),
                    state: SignerState::NotOpened,
                    at: None,
                    reason: None,
                    entry: None,
                })
                .collect(),
        };
        let mut rounds = self.lock();
        if rounds.by_id.len() >= MAX_ROUNDS {
            return None;
        }
        rounds.index(&round);
        rounds.by_id.insert(round.round_id.clone(), round.clone());
        Some((round, applicant, tokens))
    }

    /// Who `token` is, if anyone.
    pub fn holder(&self, token: &str) -> Option<Holder> {
        if token.is_empty() {
            return None;
        }
        self.lock().tokens.get(&hash(token)).cloned()
    }

    /// The round `round_id` if `token` is its applicant's.
    pub fn for_applicant(&self, round_id: &str, token: &str) -> Option<Round> {
        match self.holder(token)? {
            Holder::Applicant(id) if same_secret(&id, round_id) => self.get(round_id),
            _ => None,
        }
    }

    pub fn get(&self, round_id: &str) -> Option<Round> {
        self.lock().by_id.get(round_id).cloned()
    }

    /// Changes the round with `change`, kept only if it answers Ok, and returns the round as it
    /// now is.
    pub fn change<T, E>(
        &self,
        round_id: &str,
        change: impl FnOnce(&mut Round) -> Result<T, E>,
    ) -> Option<(Result<T, E>, Round)> {
        let mut rounds = self.lock();
        let round = rounds.by_id.get_mut(round_id)?;
        let mut draft = round.clone();
        let outcome = change(&mut draft);
        if outcome.is_ok() {
            *round = draft;
        }
        let now = round.clone();
        rounds.index(&now);
        Some((outcome, now))
    }

    /// A new link for `person_id` (the old one then says it was replaced).
    pub fn reissue(
        &self,
        round_id: &str,
        person_id: &str,
        now: i64,
    ) -> Option<(Result<String, ReissueRefused>, Round)> {
        self.change(round_id, |round| {
            let state = round.state(now);
            if state != RoundState::Open {
                return Err(ReissueRefused::Closed(state));
            }
            match round.signer_mut(person_id) {
                None => Err(ReissueRefused::NoSuchSigner),
                Some(signer) if signer.state == SignerState::Signed => {
                    Err(ReissueRefused::AlreadySigned)
                }
                Some(signer) => Ok(signer.reissue()),
            }
        })
    }

    /// Writes the round's file atomically (blocking: call off the async workers).
    pub fn persist(&self, round: &Round) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.folder)?;
        let path = self.folder.join(format!("{}.json", round.round_id));
        let temp = self.folder.join(format!("{}.json.tmp", round.round_id));
        std::fs::write(&temp, serde_json::to_vec_pretty(round)?)?;
        std::fs::File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, path)
    }
}
