//! Reference data the wizard fetches instead of carrying in its first load: the national
//! division index (at once for a returning applicant; for a new one once it is needed: a step
//! that lists places or parses the name, or an application with a name or a county,
//! `kaiban_core::reads_divisions`), a province's townships
//! (when the applicant picks that province) and the deployment's business-scope catalogue
//! (catalogue.rs). The service worker keeps every file fetched, so a draft keeps working
//! offline for every place it has touched (public/sw.js).

mod catalogue;

use crate::steps::LaterPages;
pub use catalogue::{refile_scope, Catalogue, CatalogueState};
use kaiban_core::bundle::BundleOffer;
use kaiban_core::catalog::divisions::{parse_townships, Township};
use kaiban_core::catalog::{Catalog, CatalogueSource, Divisions, Jurisdiction};
use kaiban_core::date::Date;
use kaiban_core::model::Application;
use kaiban_core::{Checker, Context, Finding};
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

crate::steps::in_later_module! {
    /// The division index's file, read in the later pages' module: a new visitor's first step
    /// does not need it.
    fn read_index(text: String) -> Result<Divisions, String> {
        Divisions::parse(&text)
    }
}

/// Where the index is, relative to the app's assets (tools/divisions.mjs writes it there).
const INDEX: &str = "divisions/index.json";

#[derive(Clone, Debug, PartialEq)]
pub enum Loading<T> {
    Pending,
    Ready(T),
    /// Why not (a network or data fault), for the message that says what to do.
    Failed(String),
}

type Townships = Arc<BTreeMap<String, Vec<Township>>>;

#[derive(Clone, Copy)]
pub struct Reference {
    /// Empty until the index has arrived; read through `divisions()`, which asks for it.
    divisions: RwSignal<Arc<Divisions>>,
    /// Whether the index has been asked for (not reactive, as `requested`).
    index_requested: StoredValue<bool>,
    pub status: RwSignal<Loading<()>>,
    /// Province code → its counties' townships, or why they could not be had.
    townships: RwSignal<HashMap<String, Result<Townships, String>>>,
    /// Provinces whose chunk has been asked for (not reactive: read and written at once, so
    /// two callers in one tick fetch it once).
    requested: StoredValue<std::collections::HashSet<String>>,
    jurisdiction: StoredValue<Arc<Jurisdiction>>,
    pub catalogue: Catalogue,
    /// Where the files are read: they are only needed by its pages.
    later: LaterPages,
    /// What the deployment offers with the registration.
    pub bundle: StoredValue<Arc<BundleOffer>>,
    /// The current application's check, kept between keystrokes (a person who did not change
    /// is not checked again).
    checker: StoredValue<Checker>,
}

impl Reference {
    /// `later`: where the files are read (`read_index`, `read_catalogue`).
    pub fn start(
        later: LaterPages,
        jurisdiction: Jurisdiction,
        catalogue: Option<CatalogueSource>,
        bundle: BundleOffer,
    ) -> Reference {
        let reference = Reference {
            bundle: StoredValue::new(Arc::new(bundle)),
            catalogue: Catalogue::new(catalogue, later),
            later,
            divisions: RwSignal::new(Arc::new(Divisions::empty())),
            index_requested: StoredValue::new(false),
            status: RwSignal::new(Loading::Pending),
            townships: RwSignal::new(HashMap::new()),
            requested: StoredValue::new(Default::default()),
            jurisdiction: StoredValue::new(Arc::new(jurisdiction)),
            checker: StoredValue::new(Checker::new()),
        };
        // A new visitor's first screen needs none of it, and reading it is a few long tasks on
        // a phone while the applicant starts to answer: fetched once needed. A returning
        // applicant's draft, read next, most likely has a name or a place: fetched now,
        // alongside it, so that a step's place selects do not wait for it after the draft.
        if crate::app::current_draft_id().is_some() {
            reference.request_index();
        }
        reference
    }

    /// The division index as loaded now (tracked), asking for it on first use.
    pub fn divisions(&self) -> RwSignal<Arc<Divisions>> {
        self.request_index();
        self.divisions
    }

    /// Starts fetching the index unless it has been asked for already.
    fn request_index(&self) {
        if !self.index_requested.get_value() {
            self.index_requested.set_value(true);
            self.fetch_index();
        }
    }

    /// Fetches the index again after a failure (the message offers a retry).
    pub fn load_index(self) {
        self.index_requested.set_value(true);
        self.status.set(Loading::Pending);
        self.fetch_index();
    }

    fn fetch_index(self) {
        wasm_bindgen_futures::spawn_local(async move {
            // Reading the index, building what the name rules read and checking the
            // application again are each a long task on a phone: one task each.
            let loaded = async {
                let text = crate::submit::get_text(&asset_url(INDEX)).await?;
                crate::browser::next_task().await;
                // Only its pages show places: until it is here, the index waits for it.
                self.later.loaded().await;
                read_index(text).await.map_err(|_| {
                    "the app's later pages could not be fetched to read the place list".to_string()
                })?
            }
            .await;
            match loaded {
                Ok(divisions) => {
                    crate::browser::next_task().await;
                    divisions.prepare_name_rules();
                    crate::browser::next_task().await;
                    self.divisions.set(Arc::new(divisions));
                    self.status.set(Loading::Ready(()));
                }
                Err(why) => self.status.set(Loading::Failed(why)),
            }
        });
    }

    pub fn jurisdiction(&self) -> Arc<Jurisdiction> {
        self.jurisdiction.get_value()
    }

    /// The rules on the application being edited, with the data as loaded now (reactive:
    /// re-run when it arrives). Only for that one application: its checker remembers it.
    pub fn check(&self, app: &Application, today: Date) -> Vec<Finding> {
        if kaiban_core::reads_divisions(app) {
            self.request_index();
        }
        let catalog = self.catalogue.for_rules(app, true);
        let divisions = self.divisions.get();
        let checker = self.checker;
        self.with_context(today, &divisions, catalog.as_deref(), |ctx| {
            checker
                .try_update_value(|checker| checker.check(app, ctx))
                .unwrap_or_else(|| kaiban_core::check(app, ctx))
        })
    }

    /// The rules on any application (the drafts list), outside a reactive scope.
    pub fn check_untracked(&self, app: &Application, today: Date) -> Vec<Finding> {
        if kaiban_core::reads_divisions(app) {
            self.request_index();
        }
        let catalog = self.catalogue.for_rules(app, false);
        let divisions = self.divisions.get_untracked();
        self.with_context(today, &divisions, catalog.as_deref(), |ctx| {
            kaiban_core::check(app, ctx)
        })
    }

    fn with_context<R>(
        &self,
        today: Date,
        divisions: &Divisions,
        catalog: Option<&Catalog>,
        run: impl FnOnce(&Context) -> R,
    ) -> R {
        let jurisdiction = self.jurisdiction();
        let bundle = self.bundle.get_value();
        run(&Context {
            today,
            catalog: catalog.unwrap_or_else(|| Catalog::empty()),
            divisions,
            jurisdiction: &jurisdiction,
            bundle: &bundle,
        })
    }

    /// The townships of `county`, fetching its province's chunk on first use.
    pub fn townships(&self, county: &str) -> Loading<Vec<Township>> {
        // Tracked: a county chosen before the index arrived gets its list once it has.
        self.fetch_chunk(&self.divisions().get(), county);
        let Some(province) = province_of(county) else {
            return Loading::Pending;
        };
        match self.townships.with(|all| all.get(&province).cloned()) {
            Some(Ok(all)) => Loading::Ready(all.get(county).cloned().unwrap_or_default()),
            Some(Err(why)) => Loading::Failed(why),
            None => Loading::Pending,
        }
    }

    /// Starts fetching the townships of the province that contains `code` (the picker calls
    /// it when the province is chosen, so the list is there by the time the county is).
    pub fn prefetch(&self, code: &str) {
        self.fetch_chunk(&self.divisions().get_untracked(), code);
    }

    /// Forgets a failed chunk so the next look fetches it again.
    pub fn retry_townships(&self, county: &str) {
        let Some(province) = province_of(county) else {
            return;
        };
        self.requested.update_value(|asked| {
            asked.remove(&province);
        });
        self.townships.update(|all| {
            all.remove(&province);
        });
    }

    /// Fetches the chunk of the province containing `code`, unless it was asked for already.
    fn fetch_chunk(&self, divisions: &Divisions, code: &str) {
        let (Some(chunk), Some(province)) = (divisions.chunk_of(code), province_of(code)) else {
            return;
        };
        let chunk = chunk.to_string();
        let first = self
            .requested
            .try_update_value(|asked| asked.insert(province.clone()))
            .unwrap_or(false);
        if !first {
            return;
        }
        let townships = self.townships;
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = crate::submit::get_text(&asset_url(&chunk))
                .await
                .and_then(|text| parse_townships(&text));
            let state = loaded.map(|(_, map)| Arc::new(map));
            townships.update(|all| {
                all.insert(province, state);
            });
        });
    }
}

/// A draft from before places were filed with their names (or opened before the index
/// arrived) gets them once the index is here, whichever step is open.
pub fn fill_place_names(reference: Reference, application: RwSignal<Application>) {
    Effect::new(move |_| {
        let all = reference.divisions.get();
        let code = application.with(|a| a.domicile.division_code.clone());
        if all.find(&code).is_some() && application.with_untracked(|a| a.domicile.place.is_empty())
        {
            application.update(|a| a.domicile.place = all.place(&code));
        }
    });
}

/// The province (six digits) of a division or township code.
fn province_of(code: &str) -> Option<String> {
    Some(format!("{:0<6}", code.get(..2)?))
}

pub fn use_reference() -> Reference {
    expect_context::<Reference>()
}

thread_local! {
    static ASSET_BASE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// In-page mode: the app's assets are beside its stylesheet, not at the portal page's address.
pub fn set_asset_base(url: &str) {
    ASSET_BASE.with(|base| *base.borrow_mut() = Some(url.to_string()));
}

/// The standalone app's address (without `#…`), also when it is mounted in a portal's page:
/// links for other people open the app itself.
pub fn app_base() -> String {
    asset_url("./")
}

/// `path` resolved against the app's own address (the page's, unless mounted in a portal).
fn asset_url(path: &str) -> String {
    let base = ASSET_BASE
        .with(|base| base.borrow().clone())
        .or_else(|| leptos::prelude::document().base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(path, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| path.to_string())
}
