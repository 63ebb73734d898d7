use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks submission: the registrar would refuse the application.
    Error,
    /// Shown, but submission is allowed: the law is vague or only the registrar can decide.
    Warning,
}

/// One problem with the application, pointing at the field to fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable machine code, e.g. `capital.sum_mismatch`.
    pub code: String,
    pub severity: Severity,
    /// JSON path of the field, e.g. `investors[2].contributions[0].due_date`.
    pub path: String,
    pub message_zh: String,
    pub message_en: String,
}

impl Finding {
    pub fn error(
        code: &str,
        path: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Finding {
        Finding {
            code: code.to_string(),
            severity: Severity::Error,
            path: path.into(),
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }

    pub fn warning(
        code: &str,
        path: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, path, zh, en)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn message(&self, chinese: bool) -> &str {
        if chinese {
            &self.message_zh
        } else {
            &self.message_en
        }
    }
}
