//! Signing links on the applicant's signing page (docs/signing-rounds.md): open a round on the
//! backend, show each signer elsewhere their link (copy, QR code), follow the round every few
//! seconds while the page is open, take the entries signed there into the session, replace a
//! link. Without a backend that offers rounds, nothing here shows: the request files remain.

use crate::app::Wizard;
use crate::fields::{qr_svg, Button};
use crate::i18n::{both, local_time, text, use_i18n, Locale, Text};
use crate::rounds;
use crate::signing::RoundLinks;
use kaiban_core::package::exchange::{header_of, payload_hash};
use kaiban_core::package::round::{RoundState, RoundStatus, SignerState};
use kaiban_core::text::Bi;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How often the page asks the backend while it is open.
const POLL_MS: u64 = 5_000;

#[derive(Clone, Copy)]
pub struct RoundWatch {
    wizard: Wizard,
    endpoint: StoredValue<String>,
    /// Whether the backend offers rounds (None: not known yet).
    pub offered: RwSignal<Option<bool>>,
    pub status: RwSignal<Option<RoundStatus>>,
    pub problem: RwSignal<Option<Bi>>,
    pub busy: RwSignal<bool>,
}

impl RoundWatch {
    /// Asks whether rounds are offered, then follows the session's round while the page lives.
    pub fn start(wizard: Wizard, endpoint: String) -> RoundWatch {
        let watch = RoundWatch {
            wizard,
            endpoint: StoredValue::new(endpoint.clone()),
            offered: RwSignal::new(None),
            status: RwSignal::new(None),
            problem: RwSignal::new(None),
            busy: RwSignal::new(false),
        };
        spawn_local(async move {
            let offered = rounds::offered(&endpoint).await;
            let _ = watch.offered.try_set(Some(offered));
            watch.poll();
        });
        if let Ok(handle) = set_interval_with_handle(
            move || watch.poll(),
            std::time::Duration::from_millis(POLL_MS),
        ) {
            on_cleanup(move || handle.clear());
        }
        watch
    }

    fn round(&self) -> Option<RoundLinks> {
        self.wizard
            .filing
            .signing
            .get_untracked()
            .and_then(|s| s.round)
    }

    /// One look at the round: its states, and the entries signed elsewhere into the session.
    fn poll(&self) {
        let watch = *self;
        let Some(round) = self.round() else {
            let _ = watch.status.try_set(None);
            return;
        };
        spawn_local(async move {
            match rounds::status(&round.endpoint, &round.round_id, &round.token).await {
                Ok(status) => {
                    watch.take_entries(&status);
                    let _ = watch.status.try_set(Some(status));
                }
                Err(failure) if failure.code == "network" => {}
                Err(failure) => {
                    let _ = watch.problem.try_set(Some(failure.text));
                }
            }
        });
    }

    /// Entries the backend holds for this very payload, each for the signer it names.
    fn take_entries(&self, status: &RoundStatus) {
        self.wizard.filing.signing.update(|session| {
            let Some(session) = session else {
                return;
            };
            if status.payload_hash != payload_hash(&session.payload) {
                return;
            }
            for signer in &status.signers {
                let Some(entry) = &signer.entry else {
                    continue;
                };
                let names_them =
                    header_of(entry).is_some_and(|h| h.kaiban_signer == signer.person_id);
                if names_them && session.signed_by(&signer.person_id).is_none() {
                    session.add(entry.clone());
                }
            }
        });
    }

    /// Opens a round for the session's payload (a new one after the last expired).
    pub fn open(&self) {
        let watch = *self;
        let Some(session) = self.wizard.filing.signing.get_untracked() else {
            return;
        };
        let endpoint = self.endpoint.get_value();
        self.busy.set(true);
        spawn_local(async move {
            match rounds::open(&endpoint, &session.payload).await {
                Ok(created) => {
                    watch.wizard.filing.signing.update(|s| {
                        if let Some(s) = s.as_mut().filter(|s| s.payload == session.payload) {
                            s.round = Some(RoundLinks {
                                endpoint: endpoint.clone(),
                                round_id: created.round_id,
                                token: created.applicant_token,
                                expires_at: created.expires_at,
                                links: created.signers,
                            });
                        }
                    });
                    let _ = watch.problem.try_set(None);
                    watch.poll();
                }
                Err(failure) => {
                    let _ = watch.problem.try_set(Some(failure.text));
                }
            }
            let _ = watch.busy.try_set(false);
        });
    }

    /// A new link for `person_id`; the old one stops working.
    pub fn replace(&self, person_id: String) {
        let watch = *self;
        let Some(round) = self.round() else {
            return;
        };
        self.busy.set(true);
        spawn_local(async move {
            match rounds::replace_link(&round.endpoint, &round.round_id, &round.token, &person_id)
                .await
            {
                Ok(link) => {
                    watch.wizard.filing.signing.update(|s| {
                        let links = s.as_mut().and_then(|s| s.round.as_mut());
                        if let Some(round) = links.filter(|r| r.round_id == round.round_id) {
                            round.links.retain(|l| l.person_id != link.person_id);
                            round.links.push(link);
                        }
                    });
                    watch.poll();
                }
                Err(failure) => {
                    let _ = watch.problem.try_set(Some(failure.text));
                }
            }
            let _ = watch.busy.try_set(false);
        });
    }

    fn state(&self) -> Option<RoundState> {
        self.status.with(|s| s.as_ref().map(|s| s.state))
    }
}

/// Above the signers: what links are, the button that makes them, the deadline.
#[component]
pub fn RoundPanel(watch: RoundWatch) -> impl IntoView {
    let i18n = use_i18n();
    let round = move || {
        watch
            .wizard
            .filing
            .signing
            .with(|s| s.as_ref().and_then(|s| s.round.clone()))
    };
    view! {
        <Show when=move || watch.offered.get() == Some(true)>
            <section class="kb-inset kb-round" aria-labelledby="round-title">
                <h2 class="kb-subtitle" id="round-title">
                    {both("通过链接在线签名", "Signing by link")}
                </h2>
                <p>{text(Text::RoundLead)}</p>
                {move || match round() {
                    None => {
                        view! {
                            <Button
                                class="kb-button"
                                id="round-open"
                                disabled=watch.busy
                                on_click=move |_| watch.open()
                            >
                                {both("生成签名链接", "Create signing links")}
                            </Button>
                        }
                            .into_any()
                    }
                    Some(links) => {
                        let deadline = local_time(&links.expires_at);
                        view! {
                            <p id="round-deadline">
                                {move || {
                                    format!(
                                        "{}{deadline}",
                                        i18n.locale.get().pick("签名截止时间：", "Sign by: "),
                                    )
                                }}
                            </p>
                            <Show when=move || watch.state() == Some(RoundState::Expired)>
                                <div class="kb-banner kb-banner-warning" role="alert">
                                    <p>{text(Text::RoundExpired)}</p>
                                    <Button
                                        class="kb-button kb-button-secondary"
                                        disabled=watch.busy
                                        on_click=move |_| watch.open()
                                    >
                                        {both(
                                            "重新生成签名链接",
                                            "Create new signing links",
                                        )}
                                    </Button>
                                </div>
                            </Show>
                        }
                            .into_any()
                    }
                }}
                {move || {
                    watch
                        .problem
                        .get()
                        .map(|problem| {
                            view! {
                                <p class="kb-error-message" role="alert">
                                    {move || {
                                        problem.pick(i18n.locale.get().is_chinese()).to_string()
                                    }}
                                </p>
                            }
                        })
                }}
            </section>
        </Show>
    }
}

fn state_text(state: SignerState, at: Option<&str>, l: Locale) -> String {
    let when = at.map(local_time).unwrap_or_default();
    match state {
        SignerState::NotOpened => l.pick("链接尚未打开", "Link not opened yet").to_string(),
        SignerState::Opened => format!("{} {when}", l.pick("已打开链接", "Opened the link")),
        SignerState::Signed => format!("{} {when}", l.pick("已通过链接签名", "Signed by link")),
        SignerState::Declined => format!("{} {when}", l.pick("已拒绝签署", "Declined")),
    }
}

/// In a signer's row: their link's state, the link to copy, its QR code, and a new link.
#[component]
pub fn SignerLinkControls(watch: RoundWatch, person_id: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown_qr = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let input_id = format!("round-link-{}", crate::app::field_id(&person_id));
    // Stored: every closure below is Copy, as the views that redraw need.
    let (person_id, name) = (StoredValue::new(person_id), StoredValue::new(name));
    let token = move || {
        watch.wizard.filing.signing.with(|s| {
            let round = s.as_ref().and_then(|s| s.round.as_ref());
            person_id.with_value(|id| round.and_then(|r| r.token_of(id).map(str::to_string)))
        })
    };
    let link = move || token().map(|t| rounds::signer_link(&t));
    let status = move || {
        watch.status.with(|s| {
            let signers = s.as_ref().map(|s| s.signers.as_slice()).unwrap_or_default();
            person_id.with_value(|id| signers.iter().find(|x| &x.person_id == id).cloned())
        })
    };
    let copy = move |_| {
        let Some(link) = link() else { return };
        let clipboard = window().navigator().clipboard();
        spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&link)).await;
            let _ = copied.try_set(done.is_ok());
        });
    };
    view! {
        <Show when=move || link().is_some()>
            <div class="kb-signer-link">
                <p class="kb-signer-link-state" aria-live="polite">
                    {move || {
                        let l = i18n.locale.get();
                        match status() {
                            None => String::new(),
                            Some(s) => {
                                let mut line = state_text(s.state, s.at.as_deref(), l);
                                if let Some(reason) = s
                                    .reason
                                    .filter(|_| s.state == SignerState::Declined)
                                {
                                    line.push_str(l.pick("，理由：", "; reason: "));
                                    line.push_str(&reason);
                                }
                                line
                            }
                        }
                    }}
                </p>
                <label class="kb-label" for=input_id.clone()>
                    {move || {
                        format!(
                            "{}{}",
                            i18n.locale.get().pick("签名链接：", "Signing link for "),
                            name.get_value(),
                        )
                    }}
                </label>
                <input
                    class="kb-input kb-signer-link-input"
                    id=input_id.clone()
                    readonly
                    prop:value=move || link().unwrap_or_default()
                />
                <div class="kb-signer-actions">
                    <Button class="kb-button kb-button-secondary" on_click=copy>
                        {move || {
                            if copied.get() {
                                i18n.locale.get().pick("已复制", "Copied")
                            } else {
                                i18n.locale.get().pick("复制链接", "Copy link")
                            }
                        }}
                    </Button>
                    <Button class="kb-link-button" on_click=move |_| shown_qr.update(|s| *s = !*s)>
                        {move || {
                            if shown_qr.get() {
                                i18n.locale.get().pick("隐藏二维码", "Hide QR code")
                            } else {
                                i18n.locale.get().pick("显示二维码", "Show QR code")
                            }
                        }}
                    </Button>
                    <Button
                        class="kb-link-button"
                        disabled=watch.busy
                        on_click=move |_| watch.replace(person_id.get_value())
                    >
                        {both(
                            "更换链接（旧链接失效）",
                            "Replace the link (the old one stops working)",
                        )}
                    </Button>
                </div>
                <Show when=move || shown_qr.get()>
                    <div
                        class="kb-qr"
                        inner_html=move || link().map(|l| qr_svg(&l)).unwrap_or_default()
                    ></div>
                </Show>
            </div>
        </Show>
    }
}
