//! The business-scope catalogue: the bundled demo sample, or the deployment's own file
//! (`catalogue` in kaiban.config.json, docs/business-scope-catalogue.md). The file is fetched
//! when it is first needed (the scope step, or a draft that has chosen items), used only if
//! its bytes have the configured SHA-256, and kept offline by the service worker, which
//! recognises it by the `kaiban-catalogue` parameter (public/sw.js).

use super::asset_url;
use crate::i18n::Text;
use crate::steps::LaterPages;
use kaiban_core::catalog::{Catalog, CatalogueSource};
use kaiban_core::model::Application;
use kaiban_core::text::Bi;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub enum CatalogueState {
    /// Not asked for yet, or on its way.
    Pending,
    Ready(Arc<Catalog>),
    /// What went wrong and what to do, for the scope step's alert.
    Failed(Bi),
}

#[derive(Clone, Copy)]
pub struct Catalogue {
    source: StoredValue<Option<CatalogueSource>>,
    state: RwSignal<CatalogueState>,
    /// Whether the file has been asked for (not reactive: read and written at once, so two
    /// readers in one tick fetch it once).
    requested: StoredValue<bool>,
    /// Where the file is read (`read_catalogue`): its users are the module's pages.
    later: LaterPages,
}

impl Catalogue {
    /// The deployment's file, or the bundled sample without one. Neither is read before it is
    /// needed: a new visitor's first step does not need it.
    pub fn new(source: Option<CatalogueSource>, later: LaterPages) -> Catalogue {
        Catalogue {
            later,
            source: StoredValue::new(source),
            state: RwSignal::new(CatalogueState::Pending),
            requested: StoredValue::new(false),
        }
    }

    /// The catalogue as it stands (tracked), fetching it on first use.
    pub fn get(&self) -> CatalogueState {
        let state = self.state.get();
        if matches!(state, CatalogueState::Pending) {
            self.fetch();
        }
        state
    }

    /// The catalogue if it is here, for code that must not start a fetch (tracked).
    pub fn ready(&self) -> Option<Arc<Catalog>> {
        match self.state.get() {
            CatalogueState::Ready(catalog) => Some(catalog),
            _ => None,
        }
    }

    /// What the rules judge `app` against: the catalogue, fetched if the application has
    /// chosen items (with none, the rules need no catalogue and none is fetched).
    pub fn for_rules(&self, app: &Application, tracked: bool) -> Option<Arc<Catalog>> {
        let state = if !tracked {
            if !app.business_scope.items.is_empty() {
                self.fetch();
            }
            self.state.get_untracked()
        } else if app.business_scope.items.is_empty() {
            self.state.get()
        } else {
            self.get()
        };
        match state {
            CatalogueState::Ready(catalog) => Some(catalog),
            _ => None,
        }
    }

    /// After a failure: forgets it and fetches again.
    pub fn retry(&self) {
        self.requested.set_value(false);
        self.state.set(CatalogueState::Pending);
        self.fetch();
    }

    fn fetch(&self) {
        if self.requested.get_value() {
            return;
        }
        self.requested.set_value(true);
        let (source, state, later) = (self.source.get_value(), self.state, self.later);
        wasm_bindgen_futures::spawn_local(async move {
            let unreachable = || CatalogueState::Failed(Text::CatalogueUnreachable.into());
            let bytes = match &source {
                // The bundled sample, read in a task of its own (a long task on a phone).
                None => {
                    crate::browser::next_task().await;
                    None
                }
                Some(source) => match crate::submit::get_bytes(&cache_key_url(source)).await {
                    Err(why) => {
                        leptos::logging::warn!("kaiban: the catalogue could not be fetched: {why}");
                        state.set(unreachable());
                        return;
                    }
                    Ok(bytes) if !source.matches(&bytes) => {
                        state.set(CatalogueState::Failed(
                            Text::CatalogueNotTheConfiguredFile.into(),
                        ));
                        return;
                    }
                    Ok(bytes) => Some(bytes),
                },
            };
            later.loaded().await;
            state.set(match read_catalogue(bytes).await {
                Err(_) => unreachable(),
                Ok(Ok(catalog)) => CatalogueState::Ready(Arc::new(catalog)),
                Ok(Err(why)) => CatalogueState::Failed(Bi::owned(
                    format!("经营范围目录文件有误（{why}），请联系登记机关。草稿已保存。"),
                    format!("The business-scope catalogue file is faulty ({why}): contact the registration authority. Your draft is saved."),
                )),
            });
        });
    }
}

crate::steps::in_later_module! {
    /// The deployment's file (its bytes), or the bundled sample (`None`), read in the later
    /// pages' module: only the scope step and a draft with chosen items need it.
    fn read_catalogue(bytes: Option<Vec<u8>>) -> Result<Catalog, String> {
        match bytes {
            Some(bytes) => Catalog::from_bytes(&bytes),
            None => Catalog::parse(kaiban_core::catalog::scope::BUNDLED_CSV),
        }
    }
}

/// The file's address with its hash as a parameter: the service worker keeps it under that
/// name, so a new file (a new hash in the config) is never answered with an old copy.
fn cache_key_url(source: &CatalogueSource) -> String {
    let url = asset_url(source.url.trim());
    let separator = if url.contains('?') { '&' } else { '?' };
    format!(
        "{url}{separator}kaiban-catalogue={}",
        source.sha256.trim().to_ascii_lowercase()
    )
}

/// A draft whose items were filed from another catalogue version, or before items carried
/// their words, gets the words and version of the catalogue in use once it is here.
pub fn refile_scope(catalogue: Catalogue, application: RwSignal<Application>) {
    Effect::new(move |_| {
        let Some(catalog) = catalogue.ready() else {
            return;
        };
        let mut scope = application.with(|a| a.business_scope.clone());
        if !scope.items.is_empty() && catalog.refresh(&mut scope) {
            application.update(|a| a.business_scope = scope);
        }
    });
}
