//! Every rule that can be checked without a registry lookup. `check` is a pure function of
//! the document and the date: the browser runs it as the applicant types, the receiver runs
//! it again, so the two can never disagree. One file per area of law; each finding carries
//! a stable code, a JSON path, and messages in zh-CN and en that cite the article.

mod articles;
mod beneficial;
mod capital;
mod contacts;
pub mod email;
mod finding;
mod incremental;
mod indexed;
mod members;
mod name;
mod officers;
mod partnership;
mod people;
mod place;
mod scope;
mod small_business;
mod submission;

pub use beneficial::exemption_available as beneficial_exemption_available;
pub use capital::contribution_allowed;
pub use finding::{Finding, Severity};
pub use incremental::Checker;
pub use submission::{ACCEPTED_MEDIA_TYPES, MAX_ATTACHMENT_BYTES};

use crate::catalog::{Catalog, Divisions, Jurisdiction};
use crate::date::Date;
use crate::model::Application;
use crate::path;
pub(crate) use indexed::Indexed;

/// What the rules need besides the document.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The application date: ages and the five-year limit are counted from it.
    pub today: Date,
    pub catalog: &'a Catalog,
    /// Empty in the browser until the index has arrived: the rules that need it wait.
    pub divisions: &'a Divisions,
    pub jurisdiction: &'a Jurisdiction,
    /// What the deployment offers with the registration (seal engravers, banks, services).
    pub bundle: &'a crate::bundle::BundleOffer,
}

#[cfg(feature = "national-divisions")]
impl Context<'static> {
    /// The bundled catalogue, the national divisions and the demo jurisdiction.
    pub fn with_bundled_catalog(today: Date) -> Context<'static> {
        static DEMO: std::sync::OnceLock<Jurisdiction> = std::sync::OnceLock::new();
        static OFFER: std::sync::OnceLock<crate::bundle::BundleOffer> = std::sync::OnceLock::new();
        Context {
            today,
            catalog: Catalog::bundled(),
            divisions: Divisions::national(),
            jurisdiction: DEMO.get_or_init(Jurisdiction::default),
            bundle: OFFER.get_or_init(Default::default),
        }
    }
}

impl Context<'_> {
    /// The expected establishment date, else the application date.
    pub fn establishment_date(&self, app: &Application) -> Date {
        app.capital.expected_establishment.unwrap_or(self.today)
    }
}

/// Whether the rules read the division index for `app`: a name to parse for its region, or
/// a county to look up. Without either, `check` finds the same with or without the index, so
/// the browser fetches the index only once one of them is there (or a step that lists
/// places or parses the name is open).
pub fn reads_divisions(app: &Application) -> bool {
    !app.name.full.trim().is_empty() || !app.domicile.division_code.is_empty()
}

/// All findings for `app`, errors first, in a stable order.
pub fn check(app: &Application, ctx: &Context) -> Vec<Finding> {
    check_with(app, ctx, &mut incremental::PersonFields::Fresh)
}

fn check_with(
    app: &Application,
    ctx: &Context,
    person_fields: &mut incremental::PersonFields,
) -> Vec<Finding> {
    let Some(entity) = app.entity_type else {
        return vec![Finding::error(
            "entity_type.required",
            path::ENTITY_TYPE,
            "请选择要设立的企业类型",
            "Choose the type of enterprise to set up",
        )];
    };
    let app = &match person_fields {
        incremental::PersonFields::Fresh => Indexed::new(app),
        incremental::PersonFields::Remembered(_) => Indexed::fast(app),
    };
    let mut findings = Vec::new();
    name::check(app, entity, ctx, &mut findings);
    place::check(app, ctx, &mut findings);
    scope::check(app, ctx, &mut findings);
    people::check(app, entity, ctx, person_fields, &mut findings);
    members::check(app, entity, &mut findings);
    capital::check(app, entity, ctx, &mut findings);
    if entity.is_company() {
        officers::check(app, entity, ctx, &mut findings);
    }
    if entity.is_partnership() {
        partnership::check(app, entity, ctx, &mut findings);
    }
    small_business::check(app, entity, &mut findings);
    contacts::check(app, entity, &mut findings);
    if entity.files_beneficial_owners() {
        beneficial::check(app, &mut findings);
    }
    articles::check(app, &mut findings);
    crate::bundle::check(app, ctx, &mut findings);
    submission::check(app, &mut findings);
    findings.sort_by_key(|f| f.severity);
    findings
}

/// Whether any finding blocks submission.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

/// "张三" for a known person id, "?" otherwise: messages name the person concerned.
pub(crate) fn person_name<'a>(app: &'a Indexed, id: &str) -> &'a str {
    app.person(id).map(|p| p.name.as_str()).unwrap_or("?")
}

/// Paths of roles that point at a person who is not in `persons`. The path is made only for a
/// finding: callers run this for every investor at every keystroke.
pub(crate) fn missing_person(
    app: &Indexed,
    id: &str,
    path: impl FnOnce() -> String,
    findings: &mut Vec<Finding>,
) -> bool {
    if app.person(id).is_some() {
        return false;
    }
    findings.push(Finding::error(
        "person.unknown_reference",
        path(),
        "请选择一位已录入的人员",
        "Choose a person who has been entered",
    ));
    true
}

#[cfg(test)]
pub(crate) mod testing;
