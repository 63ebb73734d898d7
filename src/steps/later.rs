//! The later pages: every page but the start page and the first step.
//!
//! In the app's build (the `split` feature; tools/split.mjs) they are a wasm module of their own,
//! so that a new visitor's first download holds only what the first step needs (#22,
//! docs/performance.md "The later pages' module"). The module is fetched once: at start when the
//! first screen is one of its pages, otherwise once the first screen is on show. The service
//! worker precaches it with the rest of the app, so it is there offline too. Until it is here a
//! later page says it is loading; a failed fetch says so, says the draft is kept, and offers to
//! try again. Without the feature (the browser unit tests) the pages are drawn directly.

use super::Step;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "split"), allow(dead_code))]
enum Module {
    NotRequested,
    Loading,
    Failed,
    Loaded,
}

/// The later pages' module, for the whole app (a context).
#[derive(Clone, Copy)]
pub struct LaterPages {
    module: RwSignal<Module>,
    /// `loaded()`'s callers, resolved when a fetch succeeds.
    waiting: StoredValue<Vec<js_sys::Function>, LocalStorage>,
}

impl LaterPages {
    pub fn new() -> LaterPages {
        let module = if cfg!(feature = "split") {
            Module::NotRequested
        } else {
            Module::Loaded
        };
        LaterPages {
            module: RwSignal::new(module),
            waiting: StoredValue::new_local(Vec::new()),
        }
    }

    /// Whether `step`'s page is in the later pages' module (the start page and the first step,
    /// which `super::render` draws itself, are not).
    pub fn holds(step: Step) -> bool {
        !matches!(step, Step::Start | Step::EntityType)
    }

    /// Fetches the module unless it is here or on its way (again after a failure).
    pub fn load(self) {
        if matches!(
            self.module.get_untracked(),
            Module::Loading | Module::Loaded
        ) {
            return;
        }
        self.module.set(Module::Loading);
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move {
            let module = match preload_later_pages().await {
                Ok(()) => Module::Loaded,
                Err(_) => Module::Failed,
            };
            self.module.try_set(module);
            if module == Module::Loaded {
                for resolve in self
                    .waiting
                    .try_update_value(std::mem::take)
                    .unwrap_or_default()
                {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            }
        });
    }

    /// Fetches the module if nothing has asked for it yet (a failure is retried by the applicant).
    pub fn prefetch(self) {
        if self.module.get_untracked() == Module::NotRequested {
            self.load();
        }
    }

    /// Runs `run` once, when the module is here and `also` holds (both tracked), with the
    /// reactive owner of the caller: what it creates lives as long as the caller's.
    pub fn when_loaded_and(self, also: impl Fn() -> bool + 'static, run: impl FnOnce() + 'static) {
        let owner = Owner::current();
        let mut run = Some(run);
        Effect::new(move |_| {
            if self.module.get() != Module::Loaded || !also() {
                return;
            }
            if let Some(run) = run.take() {
                let run = move || untrack(run);
                match &owner {
                    Some(owner) => owner.with(run),
                    None => run(),
                }
            }
        });
    }

    /// Whether `step`'s screen is what it will be until the applicant acts (tracked): its page,
    /// or the notice that the page could not be fetched. Not while it is loading.
    pub fn settled(self, step: Step) -> bool {
        !Self::holds(step) || matches!(self.module.get(), Module::Loaded | Module::Failed)
    }

    /// Whether the last fetch failed (tracked).
    pub fn failed(self) -> bool {
        self.module.get() == Module::Failed
    }

    /// Returns once the module is here: at once if it is, otherwise after a fetch succeeds.
    /// Starts the fetch if none has been asked for; after a failure, the applicant's Try again
    /// fetches it again.
    pub async fn loaded(self) {
        match self.module.get_untracked() {
            Module::Loaded => return,
            Module::NotRequested => self.load(),
            Module::Loading | Module::Failed => {}
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            self.waiting.update_value(|waiting| waiting.push(resolve));
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        // Everything that waited wakes at once (a returning applicant's draft, the index, the
        // catalogue): each goes on in a task of its own, not all in the one that instantiated
        // the module (a long task on a phone).
        crate::browser::next_task().await;
    }

    /// In place of `step`'s screen when the module could not be fetched: the step's title, what
    /// happened, that nothing is lost, and Try again.
    pub fn failure_notice(self, step: Step) -> AnyView {
        use crate::fields::RetryAlert;
        use crate::i18n::use_i18n;
        use kaiban_core::text::Bi;

        let i18n = use_i18n();
        let message = Bi::new(
            "这一页未能载入（网络出错）。您填写的内容不会丢失。请检查网络后点“重新加载”。",
            "This page could not be loaded (a network error). Nothing you have entered is lost. \
             Check your connection, then choose Try again.",
        );
        view! {
            <h1 class="kb-title" tabindex="-1">
                {i18n.tr(step.title())}
            </h1>
            <RetryAlert message on_retry=move || self.load() />
        }
        .into_any()
    }

    /// Whether `step`'s own page is drawn when asked for (tracked).
    pub fn drawn(self, step: Step) -> bool {
        !Self::holds(step) || self.module.get() == Module::Loaded
    }
}

impl Default for LaterPages {
    fn default() -> Self {
        Self::new()
    }
}

/// The page for `step`, one of the later pages.
#[cfg(not(feature = "split"))]
pub fn render(step: Step) -> AnyView {
    super::later_page(step)
}

/// The page for `step`, one of the later pages: from the module once it is here.
#[cfg(feature = "split")]
pub fn render(step: Step) -> AnyView {
    use crate::i18n::{use_i18n, Text};

    let later = expect_context::<LaterPages>();
    later.load();
    let i18n = use_i18n();
    let loading = move || {
        let text = i18n.tr(Text::Loading);
        view! {
            <p class="kb-loading" role="status">
                {text}
            </p>
        }
    };
    (move || match later.module.get() {
        Module::Loaded => already_loaded(later_page_in_module(step)).into_any(),
        Module::Failed => later.failure_notice(step),
        Module::NotRequested | Module::Loading => loading().into_any(),
    })
    .into_any()
}

/// The result of a call into the loaded module, `None` if it is not loaded. The call is async
/// only because it would first fetch the module; once `preload_later_pages` has, a call to
/// `later_page_in_module` (whose loader that is) completes at its first poll.
#[cfg(feature = "split")]
fn already_loaded(
    call: impl std::future::Future<Output = Result<AnyView, LoadFailed>>,
) -> Option<AnyView> {
    use std::task::{Context, Poll, Waker};
    let mut call = std::pin::pin!(call);
    match call.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(result)) => Some(result),
        Poll::Ready(Err(LoadFailed)) | Poll::Pending => None,
    }
}

/// The module could not be fetched or instantiated.
pub struct LoadFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Declares a function of the later pages' module. In the app's build it is a split point:
/// the function and everything only it reaches go into that module, and calling it first
/// fetches the module (if it is not here yet). Without the `split` feature it runs at once.
/// Either way the caller awaits a `Result<_, LoadFailed>`. The body must not `return`.
macro_rules! in_later_module {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            later_pages,
            wasm_split_path = ::leptos::wasm_split,
            fallible
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::steps::LoadFailed> {
            Ok($body)
        }
        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::steps::LoadFailed> {
            Ok($body)
        }
    };
}
pub(crate) use in_later_module;

/// The split point: this function and everything only it reaches go into the later pages'
/// module (tools/wasm-split). `fallible`: a failed fetch is an error to show, not a panic.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    later_pages,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_later_pages)
)]
fn later_page_in_module(step: Step) -> Result<AnyView, LoadFailed> {
    Ok(super::later_page(step))
}
