//! What the applicant should know about their data: saved or not, online or not, another
//! tab's changes, a new version of the app.

use super::session::{Notice, SaveStatus};
use super::use_wizard;
use crate::fields::Button;
use crate::i18n::{both, text, use_i18n, Text};
use crate::offline::use_connectivity;
use leptos::prelude::*;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let connectivity = use_connectivity();
    let session = wizard.session;
    let shown = session.shown_status;
    let state = move |status: &SaveStatus| match status {
        SaveStatus::Idle => "idle",
        SaveStatus::Pending => "pending",
        SaveStatus::Saving => "saving",
        SaveStatus::Saved(_) => "saved",
        SaveStatus::Failed(_) => "failed",
    };
    let text = move || {
        let chinese = i18n.locale.get().is_chinese();
        match shown.get() {
            SaveStatus::Idle => i18n.t(Text::SaveIdle).to_string(),
            SaveStatus::Pending => i18n.t(Text::SavePending).to_string(),
            SaveStatus::Saving => i18n.t(Text::Saving).to_string(),
            SaveStatus::Saved(at) => {
                let time = js_sys::Date::new(&at.into());
                format!(
                    "{} {:02}:{:02}",
                    i18n.t(Text::Saved),
                    time.get_hours(),
                    time.get_minutes()
                )
            }
            SaveStatus::Failed(e) => format!("{}：{}", i18n.t(Text::NotSaved), e.message(chinese)),
        }
    };
    view! {
        <div class="kb-status-bar">
            <p
                class="kb-save"
                data-state=move || shown.with(state)
                prop:saveState=move || session.save_status.with(state)
                role="status"
                aria-live="polite"
            >
                {text}
            </p>
            <p class="kb-online" class:is-offline=move || !connectivity.online.get() role="status">
                {move || {
                    if connectivity.online.get() {
                        i18n.t(Text::Online)
                    } else {
                        i18n.t(Text::Offline)
                    }
                }}
            </p>
        </div>
    }
}

/// Share of the origin's quota in use above which the applicant is warned.
const NEARLY_FULL: f64 = 0.9;

#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let connectivity = use_connectivity();
    let nearly_full = RwSignal::new(false);
    // Browsers that block third-party storage (cookies blocked, incognito) refuse IndexedDB
    // to the iframe; a top-level window of the same app stores normally.
    let framed = matches!(crate::embed::host(), crate::embed::Host::Framed { .. });
    let blocked_in_frame = move || {
        framed
            && matches!(
                wizard.session.save_status.get(),
                SaveStatus::Failed(crate::drafts::StorageError::Unavailable(_))
            )
    };
    leptos::task::spawn_local(async move {
        if let Some((used, quota)) = crate::drafts::estimate().await {
            nearly_full.set(quota > 0.0 && used / quota > NEARLY_FULL);
        }
    });
    view! {
        <Show when=move || nearly_full.get()>
            <div class="kb-banner kb-banner-warning" role="status">
                <p>{text(Text::StorageNearlyFull)}</p>
            </div>
        </Show>
        <Show when=move || connectivity.update_ready.get()>
            <div class="kb-banner" role="status">
                <p>
                    <strong>{i18n.tr(Text::UpdateReady)}</strong>
                    " "
                    {both(
                        "您的填写内容已保存，更新后会原样保留。",
                        "Your answers are saved and stay as they are.",
                    )}
                </p>
                <Button
                    class="kb-button kb-button-secondary"
                    on_click=move |_| {
                        wizard.session.flush();
                        connectivity.apply_update();
                    }
                >
                    {i18n.tr(Text::UpdateReload)}
                </Button>
            </div>
        </Show>
        <Show when=blocked_in_frame>
            <div class="kb-banner kb-banner-warning" role="alert">
                <p>{text(Text::EmbeddedStorageBlocked)}</p>
                <div class="kb-banner-actions">
                    <a
                        class="kb-button"
                        href=move || window().location().href().unwrap_or_default()
                        target="_blank"
                        rel="noopener"
                    >
                        {both("在新窗口中打开", "Open in a new window")}
                    </a>
                </div>
            </div>
        </Show>
        <Show when=move || wizard.session.stale.get()>
            <div class="kb-banner kb-banner-warning" role="alert">
                <p>
                    <strong>{i18n.tr(Text::StaleTitle)}</strong>
                    " "
                    {i18n.tr(Text::StaleBody)}
                </p>
                <div class="kb-banner-actions">
                    <Button class="kb-button" on_click=move |_| wizard.session.reload_latest()>
                        {i18n.tr(Text::StaleReload)}
                    </Button>
                    <Button
                        class="kb-button kb-button-secondary"
                        on_click=move |_| wizard.session.continue_read_only()
                    >
                        {i18n.tr(Text::StaleReadOnly)}
                    </Button>
                </div>
            </div>
        </Show>
        <Show when=move || wizard.session.read_only.get()>
            <div class="kb-banner kb-banner-warning" role="status">
                <p>{i18n.tr(Text::ReadOnlyBanner)}</p>
                <Button
                    class="kb-button kb-button-secondary"
                    on_click=move |_| wizard.session.reload_latest()
                >
                    {i18n.tr(Text::StaleReload)}
                </Button>
            </div>
        </Show>
        {move || {
            wizard
                .session
                .notices
                .get()
                .into_iter()
                .map(|n| match n {
                    Notice::DraftSetAside(_) => {
                        view! {
                            <div class="kb-banner kb-banner-warning" role="status">
                                <p>{i18n.tr(Text::SetAsideNotice)}</p>
                            </div>
                        }
                            .into_any()
                    }
                    Notice::StorageCleared => {
                        view! {
                            <div class="kb-banner kb-banner-warning" role="alert">
                                <p>{text(Text::StorageCleared)}</p>
                            </div>
                        }
                            .into_any()
                    }
                    Notice::SignaturesVoided(n) => {
                        view! {
                            <div class="kb-banner kb-banner-warning" role="status">
                                <p>
                                    {move || {
                                        format!(
                                            "{}{n}{}",
                                            i18n
                                                .locale
                                                .get()
                                                .pick(
                                                    "申请内容已修改，已收集的 ",
                                                    "The application changed: the ",
                                                ),
                                            i18n
                                                .locale
                                                .get()
                                                .pick(
                                                    " 个签名已作废，需要重新签名。",
                                                    " signatures collected no longer apply and must be given again.",
                                                ),
                                        )
                                    }}
                                </p>
                            </div>
                        }
                            .into_any()
                    }
                })
                .collect_view()
        }}
    }
}
