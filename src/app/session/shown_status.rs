//! The save status and what the status line shows of it (`DraftSession::shown_status`).

use super::{DraftSession, SaveStatus};
use leptos::prelude::*;

impl DraftSession {
    /// Sets the save status; the line shows it at once if it is an outcome (saved, failed,
    /// nothing yet), if the write under way is slow, or if nothing was saved yet (the line
    /// would otherwise go on saying "尚未填写" over what was typed). Set here, not by an
    /// effect: an effect sees only the newest status, and while typing goes on "saved" is
    /// followed at once by the next write, so the line would never show it.
    pub fn set_save_status(&self, status: SaveStatus) {
        let under_way = matches!(status, SaveStatus::Pending | SaveStatus::Saving);
        let nothing_saved = self.shown_status.with_untracked(|s| *s == SaveStatus::Idle);
        if !under_way || nothing_saved || self.slow_write.get_untracked() {
            self.show(status.clone());
        }
        self.save_status.set(status);
    }

    /// The write under way has taken longer than `SLOW_WRITE`: the line says so.
    pub(super) fn write_is_slow(&self) {
        self.slow_write.set(true);
        self.show(self.save_status.get_untracked());
    }

    fn show(&self, status: SaveStatus) {
        if self.shown_status.with_untracked(|shown| *shown != status) {
            self.shown_status.set(status);
        }
    }
}
