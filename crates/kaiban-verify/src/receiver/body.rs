//! The request body as the multipart parser reads it, bounded twice: in total, and in how much
//! the parser may hold without handing anything on. (multer buffers a part's headers whole
//! until their end: a "header" of hundreds of megabytes would otherwise sit in memory and be
//! searched again with every chunk.)

use super::limits::{BODY_BYTES, UNPARSED_BYTES};
use axum::body::Bytes;
use futures_core::Stream;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// Why the guard cut a body off (`Progress::tripped`; 0 while it has not).
pub const TOO_LARGE: u8 = 1;
pub const UNPARSED: u8 = 2;

/// Shared between the guarded stream and the reader: what was read but not yet handed on.
#[derive(Clone, Default)]
pub struct Progress {
    unparsed: Arc<AtomicUsize>,
    tripped: Arc<AtomicU8>,
}

impl Progress {
    /// The parser handed on a part or a chunk: what it held is no longer held.
    pub fn handed_on(&self) {
        self.unparsed.store(0, Ordering::Relaxed);
    }

    pub fn tripped(&self) -> u8 {
        self.tripped.load(Ordering::Relaxed)
    }
}

pub struct Guarded<S> {
    inner: S,
    total: usize,
    progress: Progress,
}

impl<S> Guarded<S> {
    pub fn new(inner: S, progress: Progress) -> Guarded<S> {
        Guarded {
            inner,
            total: 0,
            progress,
        }
    }
}

#[derive(Debug)]
pub struct CutOff(&'static str);

impl std::fmt::Display for CutOff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for CutOff {}

impl<S, E> Stream for Guarded<S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Item = Result<Bytes, Box<dyn std::error::Error + Send + Sync>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let chunk = match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => chunk,
            Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(e.into()))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => return Poll::Pending,
        };
        self.total += chunk.len();
        let unparsed = self
            .progress
            .unparsed
            .fetch_add(chunk.len(), Ordering::Relaxed)
            + chunk.len();
        let trip = |why: u8, text: &'static str| {
            self.progress.tripped.store(why, Ordering::Relaxed);
            Poll::Ready(Some(Err(Box::new(CutOff(text)) as _)))
        };
        if self.total > BODY_BYTES {
            return trip(TOO_LARGE, "the body is larger than allowed");
        }
        if unparsed > UNPARSED_BYTES {
            return trip(UNPARSED, "a part's headers do not end");
        }
        Poll::Ready(Some(Ok(chunk)))
    }
}
