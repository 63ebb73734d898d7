//! Draft and attachment records as stored: plain JS objects, the application as JSON text.

use js_sys::{Object, Reflect};
use kaiban_core::model::{Application, EntityType};
use wasm_bindgen::JsValue;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub id: String,
    pub application: Application,
    pub step: String,
    /// A name the applicant gave the draft; the enterprise name is shown when empty.
    pub title: String,
    pub created_at: f64,
    pub updated_at: f64,
    /// The revision this copy was read at (0: never saved).
    pub revision: u64,
    pub signing: Option<crate::signing::SigningSession>,
    pub submission: Option<crate::submit::Submission>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub title: String,
    pub entity_type: Option<EntityType>,
    pub updated_at: f64,
    /// Share of the steps with no blocking problem, in percent.
    pub completeness: u8,
    pub submitted: bool,
}

#[derive(Clone, Debug)]
pub struct AttachmentBlob {
    pub id: String,
    pub draft_id: String,
    pub blob: web_sys::Blob,
}

impl PartialEq for AttachmentBlob {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.draft_id == other.draft_id
    }
}

fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

pub(super) fn string_of(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

fn number_of(object: &JsValue, key: &str) -> f64 {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

pub(super) fn revision_of(record: &JsValue) -> u64 {
    number_of(record, "revision") as u64
}

impl Draft {
    pub fn new(id: String) -> Draft {
        let now = super::now();
        Draft {
            id,
            application: Application::default(),
            step: String::new(),
            title: String::new(),
            created_at: now,
            updated_at: now,
            revision: 0,
            signing: None,
            submission: None,
        }
    }

    pub fn display_title(&self) -> String {
        if !self.title.trim().is_empty() {
            self.title.clone()
        } else {
            self.application.name.full.trim().to_string()
        }
    }

    pub(super) fn to_record(&self, revision: u64) -> JsValue {
        let record = Object::new();
        set(&record, "id", self.id.as_str().into());
        set(
            &record,
            "schema_version",
            self.application.schema_version.into(),
        );
        set(
            &record,
            "application_json",
            serde_json::to_string(&self.application)
                .expect("the model always serialises")
                .into(),
        );
        set(&record, "step", self.step.as_str().into());
        set(&record, "title", self.title.as_str().into());
        set(&record, "created_at", self.created_at.into());
        set(&record, "updated_at", self.updated_at.into());
        set(&record, "revision", (revision as f64).into());
        if let Some(signing) = &self.signing {
            set(
                &record,
                "signing_json",
                serde_json::to_string(signing).expect("serialises").into(),
            );
        }
        if let Some(submission) = &self.submission {
            set(
                &record,
                "submission_json",
                serde_json::to_string(submission)
                    .expect("serialises")
                    .into(),
            );
        }
        record.into()
    }

    pub(super) fn from_record(record: &JsValue) -> Result<Draft, String> {
        let id = string_of(record, "id").ok_or("no id")?;
        let json = string_of(record, "application_json").ok_or("no application")?;
        let application = kaiban_core::migrate(&json).map_err(|e| e.to_string())?;
        Ok(Draft {
            id,
            application,
            step: string_of(record, "step").unwrap_or_default(),
            title: string_of(record, "title").unwrap_or_default(),
            created_at: number_of(record, "created_at"),
            updated_at: number_of(record, "updated_at"),
            revision: revision_of(record),
            signing: string_of(record, "signing_json").and_then(|j| serde_json::from_str(&j).ok()),
            submission: string_of(record, "submission_json")
                .and_then(|j| serde_json::from_str(&j).ok()),
        })
    }

    pub fn summary(&self, reference: &crate::reference::Reference) -> DraftSummary {
        let findings = reference.check_untracked(&self.application, crate::app::today());
        let steps = crate::steps::steps_for(self.application.entity_type);
        let blocked: std::collections::HashSet<_> = findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| crate::steps::step_of(&self.application, f))
            .collect();
        let done = steps.iter().filter(|s| !blocked.contains(s)).count();
        let completeness = if self.application.entity_type.is_none() {
            0
        } else {
            (done * 100 / steps.len().max(1)) as u8
        };
        DraftSummary {
            id: self.id.clone(),
            title: self.display_title(),
            entity_type: self.application.entity_type,
            updated_at: self.updated_at,
            completeness,
            submitted: matches!(
                self.submission,
                Some(crate::submit::Submission::Delivered { .. })
            ),
        }
    }
}

impl AttachmentBlob {
    pub(super) fn to_record(&self) -> JsValue {
        let record = Object::new();
        set(&record, "id", self.id.as_str().into());
        set(&record, "draft_id", self.draft_id.as_str().into());
        set(&record, "blob", self.blob.clone().into());
        record.into()
    }

    pub(super) fn from_record(record: &JsValue) -> Option<AttachmentBlob> {
        use wasm_bindgen::JsCast;
        Some(AttachmentBlob {
            id: string_of(record, "id")?,
            draft_id: string_of(record, "draft_id").unwrap_or_default(),
            blob: Reflect::get(record, &"blob".into()).ok()?.dyn_into().ok()?,
        })
    }
}
