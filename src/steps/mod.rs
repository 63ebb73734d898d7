//! The wizard's steps: which apply to which entity type, and one component per step.

mod articles;
mod attachments;
mod beneficial;
mod bundle;
mod bundle_services;
mod capital;
mod capital_shares;
mod capital_totals;
mod case;
mod case_clocks;
mod case_progress;
mod contacts;
mod declaration;
mod delivery;
mod documents;
mod domicile;
mod domicile_zone;
mod drafts_import;
mod drafts_page;
mod entity_type;
pub mod fields;
mod investors;
mod labels;
mod later;
mod licence_card;
mod licence_page;
mod name;
mod officers;
mod page;
mod partnership;
mod place_picker;
mod receipt;
mod review;
mod review_rows;
mod scope;
mod scope_items;
mod sign_link;
mod sign_request;
mod signing;
mod signing_links;
mod start;
mod submission_panel;
mod withdrawal;

pub use entity_type::EntityTypeStep;
pub use fields::{home_steps_of_holders, person_home_step};
pub use fields::{step_of, step_of_with_homes};
pub(crate) use later::in_later_module;
pub use later::{LaterPages, LoadFailed};
pub use sign_request::PendingRequest;
pub use start::StartPage;

use leptos::prelude::*;

/// The page for `step`. The start page and the first step are in the first module a new visitor
/// downloads; every other page is in the later pages' module (`later`).
pub fn render(step: Step) -> AnyView {
    match step {
        Step::Start => view! { <StartPage /> }.into_any(),
        Step::EntityType => view! { <EntityTypeStep /> }.into_any(),
        step => later::render(step),
    }
}

/// Every page but the start page and the first step.
fn later_page(step: Step) -> AnyView {
    match step {
        Step::Start | Step::EntityType => ().into_any(),
        Step::Drafts => view! { <drafts_page::DraftsPage /> }.into_any(),
        Step::Name => view! { <name::NameStep /> }.into_any(),
        Step::Domicile => view! { <domicile::DomicileStep /> }.into_any(),
        Step::Scope => view! { <scope::ScopeStep /> }.into_any(),
        Step::Investors => view! { <investors::InvestorsStep /> }.into_any(),
        Step::Capital => view! { <capital::CapitalStep /> }.into_any(),
        Step::Officers => view! { <officers::OfficersStep /> }.into_any(),
        Step::Partnership => view! { <partnership::PartnershipStep /> }.into_any(),
        Step::Articles => view! { <articles::ArticlesStep /> }.into_any(),
        Step::Contacts => view! { <contacts::ContactsStep /> }.into_any(),
        Step::BeneficialOwners => view! { <beneficial::BeneficialOwnersStep /> }.into_any(),
        Step::Attachments => view! { <attachments::AttachmentsStep /> }.into_any(),
        Step::Delivery => view! { <delivery::DeliveryStep /> }.into_any(),
        Step::Bundle => view! { <bundle::BundleStep /> }.into_any(),
        Step::Review => view! { <review::ReviewStep /> }.into_any(),
        Step::Documents => view! { <documents::DocumentsPage /> }.into_any(),
        Step::Declaration => view! { <declaration::DeclarationStep /> }.into_any(),
        Step::Signing => view! { <signing::SigningStep /> }.into_any(),
        Step::Receipt => view! { <receipt::ReceiptPage /> }.into_any(),
        Step::SignRequest => view! { <sign_request::SignRequestPage /> }.into_any(),
        Step::Case => view! { <case::CasePage /> }.into_any(),
        Step::SignLink => view! { <sign_link::SignLinkPage /> }.into_any(),
        Step::Licence => view! { <licence_page::LicencePage /> }.into_any(),
    }
}

use crate::i18n::Text;
use kaiban_core::model::EntityType;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Start,
    /// The list of saved drafts: not part of the journey.
    Drafts,
    EntityType,
    Name,
    Domicile,
    Scope,
    Investors,
    Capital,
    Officers,
    Partnership,
    Articles,
    Contacts,
    BeneficialOwners,
    Attachments,
    Delivery,
    /// 开办套餐: seals, tax, social insurance, housing fund, bank, filed with the registration.
    Bundle,
    Review,
    /// The filing's documents, to read and print: opened from the review and signing pages.
    Documents,
    Declaration,
    Signing,
    /// After submission: the receipt and the case's status.
    Receipt,
    /// A signer on another device reviewing an imported signing request.
    SignRequest,
    /// A case looked up from its receipt's link (QR code), on any device: not part of a draft.
    Case,
    /// A signer's link to a signing round (`#/sign?token=…`), on their own device.
    SignLink,
    /// An e-licence looked up from its QR code (`#/licence?code=…`), on any device.
    Licence,
}

const ALL: [Step; 25] = [
    Step::Start,
    Step::Drafts,
    Step::EntityType,
    Step::Name,
    Step::Domicile,
    Step::Scope,
    Step::Investors,
    Step::Capital,
    Step::Officers,
    Step::Partnership,
    Step::Articles,
    Step::Contacts,
    Step::BeneficialOwners,
    Step::Attachments,
    Step::Delivery,
    Step::Bundle,
    Step::Review,
    Step::Documents,
    Step::Declaration,
    Step::Signing,
    Step::Receipt,
    Step::SignRequest,
    Step::Case,
    Step::SignLink,
    Step::Licence,
];

impl Step {
    /// Drawn inside the wizard's layout (progress list, status bar) rather than on its own:
    /// exactly the steps of a draft's journey.
    pub fn in_wizard_layout(self) -> bool {
        !self.outside_drafts()
    }

    /// Not a step of a draft's journey: never remembered as the draft's place.
    pub fn outside_drafts(self) -> bool {
        matches!(
            self,
            Step::Start
                | Step::Drafts
                | Step::SignRequest
                | Step::Case
                | Step::SignLink
                | Step::Licence
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Drafts => "drafts",
            Step::EntityType => "entity-type",
            Step::Name => "name",
            Step::Domicile => "domicile",
            Step::Scope => "scope",
            Step::Investors => "investors",
            Step::Capital => "capital",
            Step::Officers => "officers",
            Step::Partnership => "partnership",
            Step::Articles => "articles",
            Step::Contacts => "contacts",
            Step::BeneficialOwners => "beneficial-owners",
            Step::Attachments => "attachments",
            Step::Delivery => "delivery",
            Step::Bundle => "bundle",
            Step::Review => "review",
            Step::Documents => "documents",
            Step::Declaration => "declaration",
            Step::Signing => "signing",
            Step::Receipt => "receipt",
            Step::SignRequest => "sign-request",
            Step::Case => "case",
            Step::SignLink => "sign",
            Step::Licence => "licence",
        }
    }

    pub fn from_key(key: &str) -> Option<Step> {
        ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn title(self) -> Text {
        match self {
            Step::Start => Text::StartTitle,
            Step::Drafts => Text::DraftsTitle,
            Step::EntityType => Text::StepEntityType,
            Step::Name => Text::StepName,
            Step::Domicile => Text::StepDomicile,
            Step::Scope => Text::StepScope,
            Step::Investors => Text::StepInvestors,
            Step::Capital => Text::StepCapital,
            Step::Officers => Text::StepOfficers,
            Step::Partnership => Text::StepPartnership,
            Step::Articles => Text::StepArticles,
            Step::Contacts => Text::StepContacts,
            Step::BeneficialOwners => Text::StepBeneficialOwners,
            Step::Attachments => Text::StepAttachments,
            Step::Delivery => Text::StepDelivery,
            Step::Bundle => Text::StepBundle,
            Step::Review => Text::StepReview,
            Step::Documents => Text::StepDocuments,
            Step::Declaration => Text::StepDeclaration,
            Step::Signing => Text::StepSigning,
            Step::Receipt => Text::StepReceipt,
            Step::SignRequest => Text::StepSignRequest,
            Step::Case => Text::StepCase,
            Step::SignLink => Text::StepSignLink,
            Step::Licence => Text::StepLicence,
        }
    }
}

thread_local! {
    /// Whether the deployment offers any service with the registration (its `bundle`).
    static BUNDLE_OFFERED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Set once from the deployment's configuration: without services, the bundle step is left out.
pub fn set_bundle_offered(offered: bool) {
    BUNDLE_OFFERED.with(|o| o.set(offered));
}

/// The steps of the journey for an entity type, in order (the start page excluded). People
/// come before capital because contributions are entered per person.
pub fn steps_for(entity: Option<EntityType>) -> Vec<Step> {
    let mut steps = vec![
        Step::EntityType,
        Step::Name,
        Step::Domicile,
        Step::Scope,
        Step::Investors,
        Step::Capital,
    ];
    match entity {
        Some(t) if t.is_company() => steps.push(Step::Officers),
        Some(t) if t.is_partnership() => steps.push(Step::Partnership),
        _ => {}
    }
    if entity.is_some_and(|t| t.is_company() || t.is_partnership()) {
        steps.push(Step::Articles);
    }
    if entity.is_none_or(|t| t.needs_finance_officer()) {
        steps.push(Step::Contacts);
    }
    if entity.is_some_and(|t| t.files_beneficial_owners()) {
        steps.push(Step::BeneficialOwners);
    }
    steps.extend([Step::Attachments, Step::Delivery]);
    if BUNDLE_OFFERED.with(|o| o.get()) {
        steps.push(Step::Bundle);
    }
    steps.extend([Step::Review, Step::Declaration, Step::Signing]);
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_entity_type() {
        let llc = steps_for(Some(EntityType::Llc));
        assert!(llc.contains(&Step::Officers) && llc.contains(&Step::BeneficialOwners));
        assert!(!llc.contains(&Step::Partnership));
        let lp = steps_for(Some(EntityType::LimitedPartnership));
        assert!(lp.contains(&Step::Partnership) && !lp.contains(&Step::Officers));
        let ib = steps_for(Some(EntityType::IndividualBusiness));
        assert!(!ib.contains(&Step::Contacts) && !ib.contains(&Step::BeneficialOwners));
        assert_eq!(llc.first(), Some(&Step::EntityType));
        assert_eq!(llc.last(), Some(&Step::Signing));
        for step in ALL {
            assert_eq!(Step::from_key(step.key()), Some(step));
        }
    }
}
