//! Every bound the reference receiver puts on a request, in one place (docs/reliability.md
//! and docs/package-format.md list them). What one request may cost is capped before the
//! work is done: a submitter controls every byte it sends and how slowly it sends them.

use kaiban_core::package::limits::{MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, MAX_PACKAGE_BYTES};
use std::time::Duration;

/// The `package` part (the JWS JSON), buffered in memory: the only part that is.
pub const PACKAGE_BYTES: usize = MAX_PACKAGE_BYTES;

/// One attachment part, streamed to a temporary file while it is hashed.
pub const ATTACHMENT_BYTES: u64 = MAX_ATTACHMENT_BYTES;

/// Parts after the package: never more than the application references, and at most this.
pub const ATTACHMENT_PARTS: usize = MAX_ATTACHMENTS;

/// The whole request body.
pub const BODY_BYTES: usize = 256 * 1024 * 1024;

/// What the multipart parser may hold without handing on a part or a chunk: a part's headers
/// (and the boundary before them) must end within this.
pub const UNPARSED_BYTES: usize = 1024 * 1024;

/// Submissions being received at once; one more is answered 503 with `Retry-After`.
pub const CONCURRENT_SUBMISSIONS: usize = 32;

/// Submissions whose signatures and rules are checked at once (CPU-bound; the rest wait).
pub const CONCURRENT_CHECKS: usize = 2;

/// `Retry-After` (seconds) when the receiver is busy or a retry of the same key is in flight.
pub const RETRY_AFTER_SECONDS: u32 = 2;

/// A body that sends nothing for this long is cut off.
pub const BODY_IDLE: Duration = Duration::from_secs(20);

/// No body may take longer than this to arrive (20 MB at ~1 Mbit/s takes ~3 minutes).
pub const BODY_TOTAL: Duration = Duration::from_secs(10 * 60);

/// `Idempotency-Key` length.
pub const KEY_BYTES: usize = 200;

/// Keys remembered for replays (the same package under a new key); the oldest are forgotten.
pub const REPLAY_KEYS: usize = 10_000;
