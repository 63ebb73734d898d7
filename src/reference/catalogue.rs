//! The business-scope catalogue: the bundled demo sample, or the deployment's own file
//! (`catalogue` in kaiban.config.json, docs/business-scope-catalogue.md). The file is fetched
//! when it is first needed (the scope step, or a draft that has chosen items), used only if
//! its bytes have the configured SHA-256, and kept offline by the service worker, which
//! recognises it by the `kaiban-catalogue` parameter (public/sw.js).

use super::asset_url;
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
}

impl Catalogue {
    /// The deployment's file, or the bundled sample (ready at once) without one.
    pub fn new(source: Option<CatalogueSource>) -> Catalogue {
        let state = RwSignal::new(CatalogueState::Pending);
        if source.is_none() {
            // The bundled file, parsed in a task of its own rather than in the first draw's (a
            // long task on a phone). Nothing needs it before the draft has been read from
            // storage, which comes later.
            wasm_bindgen_futures::spawn_local(async move {
                crate::browser::next_task().await;
                let catalog = Catalog::parse(kaiban_core::catalog::scope::BUNDLED_CSV)
                    .expect("data/business_scope.csv");
                state.set(CatalogueState::Ready(Arc::new(catalog)));
            });
        }
        Catalogue {
            source: StoredValue::new(source),
            state,
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
        let Some(source) = self.source.get_value() else {
            return;
        };
        let first = !self.requested.get_value();
        if !first {
            return;
        }
        self.requested.set_value(true);
        let state = self.state;
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = crate::submit::get_bytes(&cache_key_url(&source)).await;
            state.set(match loaded {
                Err(why) => {
                    leptos::logging::warn!("kaiban: the catalogue could not be fetched: {why}");
                    CatalogueState::Failed(crate::i18n::Text::CatalogueUnreachable.into())
                }
                Ok(bytes) if !source.matches(&bytes) => {
                    CatalogueState::Failed(crate::i18n::Text::CatalogueNotTheConfiguredFile.into())
                }
                Ok(bytes) => match Catalog::from_bytes(&bytes) {
                    Ok(catalog) => CatalogueState::Ready(Arc::new(catalog)),
                    Err(why) => CatalogueState::Failed(Bi::owned(
                        format!("经营范围目录文件有误（{why}），请联系登记机关。草稿已保存。"),
                        format!("The business-scope catalogue file is faulty ({why}): contact the registration authority. Your draft is saved."),
                    )),
                },
            });
        });
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
