//! Documents: one slot per document the application needs. Files are hashed with WebCrypto
//! SHA-256; size and type are checked before a single byte is read.

use super::page::StepPage;
use crate::app::use_wizard;
use crate::fields::MessageAnchor;
use crate::i18n::Text;
use crate::i18n::{both, text, use_i18n};
use crate::steps::Step;
use kaiban_core::catalog::Catalog;
use kaiban_core::model::{Attachment, AttachmentPurpose, DomicileProof};
use kaiban_core::path;
use kaiban_core::rules::{ACCEPTED_MEDIA_TYPES, MAX_ATTACHMENT_BYTES};
use kaiban_core::text::Bi;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, PartialEq)]
struct Slot {
    key: String,
    purpose: AttachmentPurpose,
    scope_item: Option<String>,
    label_zh: String,
    label_en: String,
    required: bool,
}

/// The files the application needs; a 前置 item's approval once the catalogue is here (it says
/// which items need one).
fn slots(app: &kaiban_core::model::Application, catalog: Option<&Catalog>) -> Vec<Slot> {
    let mut slots = Vec::new();
    if app.domicile.proof == DomicileProof::Document {
        slots.push(Slot {
            key: "domicile".into(),
            purpose: AttachmentPurpose::DomicileProof,
            scope_item: None,
            label_zh: "住所使用证明（房产证明或租赁合同）".into(),
            label_en: "Proof of the premises (title deed or lease)".into(),
            required: true,
        });
    }
    for chosen in &app.business_scope.items {
        let id = &chosen.code;
        let listed = catalog.and_then(|c| c.get(id));
        if let Some(item) = listed.filter(|i| i.pre_registration) {
            slots.push(Slot {
                key: format!("pre-{id}"),
                purpose: AttachmentPurpose::PreApproval,
                scope_item: Some(id.clone()),
                label_zh: format!("“{}”的批准文件（{}）", item.text_zh, item.authority_zh),
                label_en: format!("Approval for “{}” ({})", item.text_en, item.authority_en),
                required: true,
            });
        }
    }
    // The applicant's own articles (agreement), when they chose not to use the generated ones.
    if app.uses_own_articles() {
        let partnership = app.entity_type.is_some_and(|t| t.is_partnership());
        slots.push(Slot {
            key: "articles".into(),
            purpose: AttachmentPurpose::Articles,
            scope_item: None,
            label_zh: if partnership {
                "自备合伙协议（经全体合伙人签署）"
            } else {
                "自备公司章程（经全体股东签署）"
            }
            .into(),
            label_en: if partnership {
                "Your own partnership agreement (signed by every partner)"
            } else {
                "Your own articles of association (signed by every shareholder)"
            }
            .into(),
            required: true,
        });
    }
    slots
}

/// Marks `kaiban:hash` in the performance timeline, so bench/ can compare this path with a
/// bare `crypto.subtle.digest` of the same bytes.
async fn sha256_hex(file: &web_sys::File) -> Result<String, String> {
    let performance = window().performance();
    if let Some(p) = &performance {
        let _ = p.mark("kaiban:hash:start");
    }
    let digest = digest_file(file).await;
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("kaiban:hash", "kaiban:hash:start");
    }
    digest
}

async fn digest_file(file: &web_sys::File) -> Result<String, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    let subtle = window().crypto().map_err(|e| format!("{e:?}"))?.subtle();
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", buffer.unchecked_ref::<js_sys::Object>())
        .map_err(|e| format!("{e:?}"))?;
    release_now(&buffer);
    let digest = JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Frees the file's bytes at once instead of at the next garbage collection, so a series of
/// uploads holds one file in memory, not several. WebCrypto copied them when `digest` was
/// called. `ArrayBuffer.prototype.transfer(0)` detaches the buffer (Chromium 114+, Firefox
/// 122+, Safari 17.4+); elsewhere the collector frees it later.
fn release_now(buffer: &JsValue) {
    if let Ok(transfer) = js_sys::Reflect::get(buffer, &"transfer".into()) {
        if let Some(transfer) = transfer.dyn_ref::<js_sys::Function>() {
            let _ = transfer.call1(buffer, &JsValue::from(0));
        }
    }
}

#[component]
pub fn AttachmentsStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Attachments;
    let app = wizard.application;
    let catalogue = crate::reference::use_reference().catalogue;
    let all_slots =
        Memo::new(move |_| app.with(|a| slots(a, catalogue.for_rules(a, true).as_deref())));
    let problems = RwSignal::new(std::collections::HashMap::<String, Bi>::new());
    let busy = RwSignal::new(None::<String>);
    let pick = move |slot: Slot, input: web_sys::HtmlInputElement| {
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let size = file.size() as u64;
        let media_type = file.type_();
        let refuse = |zh: String, en: String| {
            problems.update(|p| {
                p.insert(slot.key.clone(), Bi::owned(zh, en));
            })
        };
        if size > MAX_ATTACHMENT_BYTES {
            refuse(
                format!(
                    "文件“{}”有 {:.1} MB，超过 20 MB 上限；请压缩或分开扫描后再上传",
                    file.name(),
                    size as f64 / 1_048_576.0
                ),
                format!(
                    "“{}” is {:.1} MB, over the 20 MB limit: compress it or scan it in parts",
                    file.name(),
                    size as f64 / 1_048_576.0
                ),
            );
            return;
        }
        if size == 0 {
            refuse(
                format!("文件“{}”是空的", file.name()),
                format!("“{}” is empty", file.name()),
            );
            return;
        }
        if !ACCEPTED_MEDIA_TYPES.contains(&media_type.as_str()) {
            refuse(
                format!(
                    "文件“{}”的格式不受支持，请上传 PDF、JPG、PNG 或 WebP",
                    file.name()
                ),
                format!(
                    "“{}” is not a supported format: upload PDF, JPG, PNG or WebP",
                    file.name()
                ),
            );
            return;
        }
        problems.update(|p| {
            p.remove(&slot.key);
        });
        busy.set(Some(slot.key.clone()));
        spawn_local(async move {
            let stored = async {
                let sha256 = sha256_hex(&file).await.map_err(|e| {
                    Bi::owned(
                        format!("无法读取该文件，请重新选择（{e}）"),
                        format!("The file could not be read: choose it again ({e})"),
                    )
                })?;
                let id = crate::drafts::new_id();
                let blob = crate::drafts::AttachmentBlob {
                    id: id.clone(),
                    draft_id: wizard.session.draft_id.get_untracked(),
                    blob: file.clone().into(),
                };
                crate::drafts::put_attachment(&blob)
                    .await
                    .map_err(|e| e.text())?;
                Ok::<_, Bi>((id, sha256))
            };
            match stored.await {
                Ok((id, sha256)) => {
                    let replaced = app.with_untracked(|a| {
                        a.attachments
                            .iter()
                            .find(|x| x.purpose == slot.purpose && x.scope_item == slot.scope_item)
                            .map(|x| x.id.clone())
                    });
                    app.update(|a| {
                        a.attachments.retain(|x| {
                            !(x.purpose == slot.purpose && x.scope_item == slot.scope_item)
                        });
                        a.attachments.push(Attachment {
                            id,
                            purpose: slot.purpose,
                            scope_item: slot.scope_item.clone(),
                            name: file.name(),
                            media_type,
                            size,
                            sha256,
                        });
                    });
                    if let Some(old) = replaced {
                        let _ = crate::drafts::delete_attachment(&old).await;
                    }
                }
                // try_: the applicant may have left the step while the file was stored.
                Err(message) => {
                    problems.try_update(|p| {
                        p.insert(slot.key.clone(), message);
                    });
                }
            }
            let _ = busy.try_set(None);
        });
    };
    view! {
        <StepPage step lead=text(Text::AttachmentsLead)>
            <MessageAnchor path=path::DOMICILE_PROOF_FILE step />
            <MessageAnchor path=path::ARTICLES_FILE step />
            {move || {
                let list = all_slots.get();
                if list.is_empty() {
                    return view! {
                        <p class="kb-inset">
                            {both(
                                "根据您的填写，本申请无需上传附件。",
                                "From your answers, this application needs no documents.",
                            )}
                        </p>
                    }
                        .into_any();
                }
                list.into_iter()
                    .map(|slot| {
                        let input_id = format!("file-{}", slot.key);
                        let slot_for_pick = slot.clone();
                        let slot_for_file = slot.clone();
                        let key = slot.key.clone();
                        let key_busy = slot.key.clone();
                        let approval_path = slot.scope_item.as_deref().map(path::approval_file);
                        let record_index = Memo::new(move |_| {
                            app.with(|a| {
                                a.attachments
                                    .iter()
                                    .position(|x| {
                                        x.purpose == slot_for_file.purpose
                                            && x.scope_item == slot_for_file.scope_item
                                    })
                            })
                        });
                        let current = Memo::new(move |_| {
                            let i = record_index.get()?;
                            app.with(|a| a.attachments.get(i).cloned())
                        });
                        // Findings about the stored file itself (its size, type, digest) land here.
                        view! {
                            <div class="kb-field kb-upload">
                                <label class="kb-label" for=input_id.clone()>
                                    {move || {
                                        i18n.locale
                                            .get()
                                            .pick(&slot.label_zh, &slot.label_en)
                                            .to_string()
                                    }}
                                </label>
                                {approval_path.map(|p| view! { <MessageAnchor path=p step /> })}
                                {move || {
                                    record_index
                                        .get()
                                        .map(|i| {
                                            ["name", "size", "media_type", "sha256"]
                                                .map(|f| {
                                                    view! { <MessageAnchor path=path::attachment(i, f) step /> }
                                                })
                                        })
                                }}
                                {move || {
                                    problems
                                        .with(|p| p.get(&key).cloned())
                                        .map(|problem| {
                                            view! {
                                                <p class="kb-error-message" role="alert">
                                                    {problem.pick(i18n.locale.get().is_chinese()).to_string()}
                                                </p>
                                            }
                                        })
                                }}
                                {move || {
                                    current
                                        .get()
                                        .map(|a| {
                                            view! {
                                                <p class="kb-file">
                                                    <span class="kb-file-name">{a.name.clone()}</span>
                                                    <span class="kb-hint">
                                                        {format!(
                                                            " · {:.1} KB · SHA-256 {}…",
                                                            a.size as f64 / 1024.0,
                                                            &a.sha256[..12],
                                                        )}
                                                    </span>
                                                </p>
                                            }
                                        })
                                }}
                                {move || {
                                    (busy.get().as_deref() == Some(key_busy.as_str()))
                                        .then(|| {
                                            view! {
                                                <p class="kb-hint" role="status">
                                                    {i18n
                                                        .locale
                                                        .get()
                                                        .pick("正在计算文件摘要…", "Hashing the file…")
                                                        .to_string()}
                                                </p>
                                            }
                                        })
                                }}
                                <input
                                    type="file"
                                    class="kb-file-input"
                                    id=input_id
                                    accept=ACCEPTED_MEDIA_TYPES.join(",")
                                    on:change:target=move |ev| pick(
                                        slot_for_pick.clone(),
                                        ev.target(),
                                    )
                                />
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </StepPage>
    }
}
