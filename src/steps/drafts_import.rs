//! Importing an application file (exported from this or another device) as a new draft.

use crate::drafts::{self, Draft};
use kaiban_core::text::Bi;

/// Stores the application in `text` as a new draft named after `file_name` and says what
/// happened. Attachments are not in the file: they must be uploaded again.
pub(super) async fn import_application(file_name: &str, text: &str) -> Bi {
    let application = match kaiban_core::migrate(text) {
        Ok(application) => application,
        Err(e) => {
            return Bi::owned(
                format!("无法导入“{file_name}”：{}", e.message().zh),
                format!("Could not import “{file_name}”: {}", e.message().en),
            )
        }
    };
    let mut draft = Draft::new(drafts::new_id());
    draft.application = application;
    draft.application.attachments.clear();
    draft.title = file_name.trim_end_matches(".json").to_string();
    match drafts::save(&draft).await {
        Ok(_) => Bi::owned(
            format!("已导入“{file_name}”为新草稿（原有草稿均未改动；附件需重新上传）。"),
            format!("Imported “{file_name}” as a new draft (no existing draft was changed; documents must be uploaded again)."),
        ),
        Err(e) => e.text(),
    }
}
