//! The filing's documents (articles, resolutions, acceptances, the application form), generated
//! by kaiban-core from the application: read on screen, printed on A4, and listed for each
//! signer with what they sign. The HTML is core's (`Document::body_html`), so the page shows
//! exactly what a registrar's `kaiban-verify documents` writes.

use crate::app::use_wizard;
use crate::fields::{Button, PrintButton};
use crate::i18n::{both, text, use_i18n, Text};
use kaiban_core::documents::Document;
use kaiban_core::model::Application;
use leptos::prelude::*;

/// The element id of a document on the documents page.
pub fn anchor(document_id: &str) -> String {
    format!("document-{}", document_id.replace(':', "-"))
}

/// The names of the people who sign `document`, "、"-joined.
fn signer_names(document: &Document) -> String {
    document
        .signatures
        .iter()
        .map(|line| line.name.clone())
        .collect::<Vec<_>>()
        .join("、")
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let app = wizard.application;
    let documents = Memo::new(move |_| {
        crate::browser::measured("kaiban:documents", || {
            app.with(kaiban_core::documents::generate)
        })
    });
    // Scroll to (and focus) the document the review or signing page opened, once drawn.
    Effect::new(move |_| {
        let wanted = wizard
            .journey
            .document
            .get_untracked()
            .map(|(id, _)| anchor(&id));
        documents.track();
        if let Some(element) = wanted.and_then(|id| document().get_element_by_id(&id)) {
            element.scroll_into_view();
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
    view! {
        <h1 class="kb-title" tabindex="-1">
            {i18n.tr(Text::StepDocuments)}
        </h1>
        <p class="kb-lead">{i18n.tr(Text::DocumentsLead)}</p>
        <DocumentList documents=Signal::derive(move || documents.get()) />
        <div class="kb-actions">
            <Button class="kb-button" on_click=move |_| wizard.journey.go_back()>
                {i18n.tr(Text::Back)}
            </Button>
            <PrintButton label=both("打印全部文件", "Print every document") />
        </div>
        {move || {
            documents
                .get()
                .into_iter()
                .map(|document| {
                    view! {
                        <article
                            class="kb-document"
                            id=anchor(&document.id)
                            tabindex="-1"
                            inner_html=document.body_html(2)
                        ></article>
                    }
                })
                .collect_view()
        }}
    }
}

/// Links to `documents` on the documents page, each with who signs it.
#[component]
pub fn DocumentList(#[prop(into)] documents: Signal<Vec<Document>>) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    move || {
        let chinese = i18n.locale.get().is_chinese();
        let items = documents
            .get()
            .into_iter()
            .map(|d| {
                (
                    d.id.clone(),
                    d.title.pick(chinese).to_string(),
                    signer_names(&d),
                )
            })
            .collect::<Vec<_>>();
        view! {
            <ul class="kb-document-list">
                {items
                    .into_iter()
                    .map(|(id, title, signers)| {
                        view! {
                            <li>
                                <Button
                                    class="kb-link-button"
                                    on_click=move |_| wizard.journey.open_document(id.clone())
                                >
                                    {title}
                                </Button>
                                <span class="kb-document-signers">
                                    {format!(
                                        "{}{signers}",
                                        if chinese { "签署：" } else { "Signed by: " },
                                    )}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    }
}

/// The documents `person_id` signs, each to open and read in full before signing.
#[component]
pub fn SignerDocuments(#[prop(into)] app: Signal<Application>, person_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let documents = Memo::new(move |_| {
        app.with(kaiban_core::documents::generate)
            .into_iter()
            .filter(|d| d.signatures.iter().any(|line| line.person_id == person_id))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="kb-signer-documents" aria-labelledby="signer-documents-title">
            <h2 class="kb-section-title" id="signer-documents-title">
                {both("您签署的文件", "The documents you sign")}
            </h2>
            {move || {
                let chinese = i18n.locale.get().is_chinese();
                let documents = documents.get();
                if documents.is_empty() {
                    return view! { <p class="kb-hint">{text(Text::NoDocumentToSign)}</p> }
                        .into_any();
                }
                documents
                    .into_iter()
                    .map(|d| {
                        view! {
                            <details
                                class="kb-details kb-signer-document"
                                data-document=d.id.clone()
                            >
                                <summary>{d.title.pick(chinese).to_string()}</summary>
                                <div class="kb-document" inner_html=d.body_html(3)></div>
                            </details>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}
