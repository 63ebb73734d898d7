//! Findings from kaiban-core, mapped onto the wizard: which step a finding belongs to, which
//! DOM element shows it, and whether it should be shown yet (a field is judged once the
//! applicant has left it, or once they tried to continue from its step).

use super::findings_by_path::FindingsByPath;
use super::keyed_signals::KeyedSignals;
use super::wizard::Wizard;
use crate::steps::{step_of, step_of_with_homes, Step};
use kaiban_core::date::Date;
use kaiban_core::model::Application;
use kaiban_core::Finding;
use leptos::prelude::*;
use std::hash::Hash;

/// A flag per key (a field left, a step attempted); see KeyedSignals for why one per key.
struct Flags<K: Send + Sync + 'static>(KeyedSignals<K, bool>);

impl<K: Send + Sync + 'static> Clone for Flags<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static> Copy for Flags<K> {}

impl<K: Eq + Hash + Clone + Send + Sync + 'static> Flags<K> {
    fn new() -> Flags<K> {
        Flags(KeyedSignals::new())
    }

    fn signal(&self, key: K) -> RwSignal<bool> {
        self.0.signal(key, || false)
    }

    fn get(&self, key: K) -> bool {
        self.signal(key).get()
    }

    fn raise(&self, key: K) {
        let signal = self.signal(key);
        if !signal.get_untracked() {
            signal.set(true);
        }
    }
}

#[derive(Clone, Copy)]
pub struct Validation {
    pub findings: Memo<Vec<Finding>>,
    by_path: FindingsByPath,
    /// The steps with at least one error (the progress list marks them).
    pub error_steps: Memo<Vec<Step>>,
    touched: Flags<String>,
    attempted: Flags<Step>,
    /// Bumped on each Continue with errors, so the error summary takes focus again.
    pub attempts: RwSignal<u32>,
}

/// Today in the applicant's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// The DOM id of the element that shows the field at `path` (a person's id inside it may be
/// anything an imported draft holds: only letters, digits, `-` and `_` pass).
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}

impl Validation {
    pub fn new(wizard: Wizard) -> Validation {
        let application = wizard.application;
        let reference = crate::reference::use_reference();
        let submission = wizard.filing.submission;
        let findings = Memo::new(move |_| {
            let mut found = application.with(|app| reference.check(app, today()));
            found.extend(submission.with(registrar_reasons));
            found
        });
        let homes = wizard.home_steps;
        let error_steps = Memo::new(move |_| {
            findings.with(|all| {
                application.with(|app| {
                    let errors = all.iter().filter(|f| f.is_error());
                    let mut steps: Vec<Step> = homes
                        .with(|homes| errors.map(|f| step_of_with_homes(app, homes, f)).collect());
                    steps.sort_by_key(|s| *s as u8);
                    steps.dedup();
                    steps
                })
            })
        });
        Validation {
            findings,
            by_path: FindingsByPath::new(findings, wizard.ready),
            error_steps,
            touched: Flags::new(),
            attempted: Flags::new(),
            attempts: RwSignal::new(0),
        }
    }

    /// Leaving a field marks it. Deferred to a microtask: when a step is left, the browser
    /// blurs the focused input while the step is being torn down, and waking that field's
    /// half-disposed views at that moment reads disposed signals.
    pub fn touch(&self, path: &str) {
        let touched = self.touched;
        let path = path.to_string();
        wasm_bindgen_futures::spawn_local(async move { touched.raise(path) });
    }

    pub fn was_attempted(&self, step: Step) -> bool {
        self.attempted.get(step)
    }

    /// Findings at exactly `path` that should be visible now (the registrar's reasons always).
    pub fn visible_at(&self, path: &str, step: Step) -> Vec<Finding> {
        let shown = self.touched.get(path.to_string()) || self.was_attempted(step);
        let mut found = self.by_path.at(path);
        if !shown {
            found.retain(|f| f.code == REGISTRAR_REASON);
        }
        found
    }

    /// Findings that belong on `step`, errors first.
    pub fn for_step(&self, app: &Application, step: Step) -> Vec<Finding> {
        self.findings.with(|all| {
            all.iter()
                .filter(|f| step_of(app, f) == step)
                .cloned()
                .collect()
        })
    }

    /// Marks the step as attempted and says whether it may be left (no errors on it).
    pub fn attempt(&self, app: &Application, step: Step) -> bool {
        self.attempted.raise(step);
        let blocked = self.for_step(app, step).iter().any(Finding::is_error);
        if blocked {
            self.attempts.update(|n| *n += 1);
        }
        !blocked
    }
}

/// The code of a registrar's reason shown at its field while a returned case is corrected.
pub const REGISTRAR_REASON: &str = "registrar.reason";

/// While a returned case is being corrected, the registrar's reasons that name a field are
/// shown there, as warnings (the registrar judges the correction, not the rules).
fn registrar_reasons(submission: &Option<crate::submit::Submission>) -> Vec<Finding> {
    let Some(crate::submit::Submission::Correcting { reasons, .. }) = submission else {
        return Vec::new();
    };
    reasons
        .iter()
        .filter_map(|r| {
            let path = r.path.as_deref()?;
            let en = if r.en.is_empty() {
                r.zh.clone()
            } else {
                r.en.clone()
            };
            Some(Finding::warning(
                REGISTRAR_REASON,
                path,
                format!("登记机关退回修改：{}", r.zh),
                format!("Returned by the registrar: {en}"),
            ))
        })
        .collect()
}

pub fn use_validation() -> Validation {
    expect_context::<Validation>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_ids_are_valid_html_ids() {
        assert_eq!(
            field_id("investors[2].contributions[0].due_date"),
            "f-investors-2-contributions-0-due_date"
        );
        assert_eq!(field_id("name.full"), "f-name-full");
        assert_eq!(field_id("persons[a \"b].name"), "f-persons-a__b-name");
    }
}
