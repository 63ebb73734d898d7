use super::page::StepPage;
use crate::app::{use_wizard, Holders};
use crate::bind;
use crate::fields::HolderCard;
use crate::fields::{card_groups, Button};
use crate::fields::{choices, Bind, ChoiceRadios, MessageAnchor, PersonEditor, Radios};
use crate::i18n::Text;
use crate::i18n::{both, capitalise, use_i18n};
use crate::steps::Step;
use kaiban_core::model::{
    Contribution, EntityType, Investor, OrganisationForm, PartnerKind, PropertyForm,
};
use kaiban_core::path::{self, InvestorField};
use leptos::prelude::*;

const INVESTORS: Holders<Investor> = (|a| &a.investors, |a| &mut a.investors);

/// A radio group's binding, legend and options.
type Question = (
    Bind<String>,
    Signal<String>,
    Signal<Vec<(String, String, Option<String>)>>,
);

/// What investor `i`'s card asks beyond the person, by entity type: the kind of partner in a
/// limited partnership, what a sole proprietor invests.
fn investor_question(t: EntityType, i: usize) -> Option<Question> {
    let wizard = use_wizard();
    let path = |field| path::investor(i, field);
    match t {
        EntityType::LimitedPartnership => Some((
            wizard
                .bind_item(
                    path(InvestorField::PartnerKind),
                    (i, INVESTORS),
                    |v| v.partner_kind,
                    |v, k| v.partner_kind = k,
                )
                .keyed(),
            both("合伙人类型", "Kind of partner"),
            choices(|_: PartnerKind| true),
        )),
        EntityType::SoleProprietorship => Some((
            wizard
                .bind_item(
                    path(InvestorField::PropertyForm),
                    (i, INVESTORS),
                    |v| v.property_form,
                    |v, f| v.property_form = f,
                )
                .keyed(),
            both("出资方式", "What the investment is"),
            choices(|_: PropertyForm| true),
        )),
        _ => None,
    }
}

#[component]
pub fn InvestorsStep() -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let step = Step::Investors;
    let app = wizard.application;
    let entity = wizard.entity_type();
    let ids = wizard.holder_ids(INVESTORS);
    let add = move |organisation: bool| {
        let person_id = wizard.add_person(organisation);
        let entity = entity.get_untracked();
        app.update(|a| {
            a.investors.push(Investor {
                person_id,
                partner_kind: (entity == EntityType::GeneralPartnership)
                    .then_some(PartnerKind::General),
                property_form: (entity == EntityType::SoleProprietorship)
                    .then_some(PropertyForm::Personal),
                contributions: vec![Contribution::default()],
                ..Investor::default()
            })
        });
    };
    if ids.get_untracked().is_empty() && entity.get_untracked().investors_are_natural_persons() {
        add(false);
    }
    let remove = move |i: usize| {
        app.update(|a| {
            a.investors.remove(i);
        });
        wizard.drop_unreferenced_people();
    };
    let title = move || {
        let l = i18n.locale.get();
        let t = entity.get();
        l.pick(t.investor_title_zh(), t.investor_title_en())
            .to_string()
    };
    let lead = Signal::derive(move || {
        let l = i18n.locale.get();
        match entity.get() {
            EntityType::Llc => l.pick("有限责任公司有1至50名股东。股东可以是自然人，也可以是企业等单位。", "A limited liability company has 1 to 50 shareholders, people or organisations."),
            EntityType::OnePersonLlc => l.pick("一人有限责任公司只有一名股东。", "A one-person company has a single shareholder."),
            EntityType::JointStock => l.pick("股份有限公司有1至200名发起人，其中半数以上在中国境内有住所。", "A joint-stock company has 1 to 200 founders, more than half domiciled in China."),
            EntityType::SoleProprietorship => l.pick("个人独资企业由一名自然人投资。", "A sole proprietorship has one natural-person investor."),
            EntityType::GeneralPartnership => l.pick("普通合伙企业至少有两名合伙人。", "A general partnership has at least two partners."),
            EntityType::LimitedPartnership => l.pick("有限合伙企业有2至50名合伙人，至少一名普通合伙人和一名有限合伙人。", "A limited partnership has 2 to 50 partners: at least one general and one limited partner."),
            EntityType::IndividualBusiness => l.pick("个体工商户登记一名经营者；家庭经营的，请同时填写参加经营的家庭成员。", "An individual business registers one operator; for a family business also list the family members who take part."),
        }
        .to_string()
    });
    view! {
        <StepPage step lead>
            <MessageAnchor path=path::INVESTORS step />
            {move || {
                let t = entity.get();
                let n = ids.get().len();
                let cards = ids
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(move |(i, person_id)| {
                        view! {
                            <section class="kb-card" aria-labelledby=format!("investor-{i}-title")>
                                <h2 class="kb-card-title" id=format!("investor-{i}-title")>
                                    {move || format!("{} {}", capitalise(&title()), i + 1)}
                                </h2>
                                <MessageAnchor
                                    path=path::investor(i, InvestorField::PersonId)
                                    step
                                />
                                <PersonEditor
                                    person_id=person_id.clone()
                                    step
                                    natural_only=t.investors_are_natural_persons()
                                    ask_domicile=t == EntityType::JointStock
                                    ask_org_category=t.is_partnership()
                                />
                                {investor_question(t, i)
                                    .map(|(bind, legend, options)| {
                                        view! { <Radios bind step legend options /> }
                                    })}
                                {(n > 1 || !t.investors_are_natural_persons())
                                    .then(|| {
                                        view! {
                                            <Button
                                                class="kb-link-button kb-danger"
                                                on_click=move |_| remove(i)
                                            >
                                                {move || {
                                                    format!(
                                                        "{}{} {}",
                                                        i18n.locale.get().pick("删除", "Remove "),
                                                        title(),
                                                        i + 1,
                                                    )
                                                }}
                                            </Button>
                                        }
                                    })}
                            </section>
                        }
                    });
                card_groups(cards)
            }}
            <Show when=move || {
                let (_, max) = entity.get().investor_range();
                ids.get().len() < max
            }>
                <div class="kb-actions kb-actions-secondary">
                    <Button class="kb-button kb-button-secondary" on_click=move |_| add(false)>
                        {move || {
                            format!(
                                "{}{}",
                                i18n.locale.get().pick("＋ 添加自然人", "+ Add a person as "),
                                title(),
                            )
                        }}
                    </Button>
                    <Show when=move || !entity.get().investors_are_natural_persons()>
                        <Button class="kb-button kb-button-secondary" on_click=move |_| add(true)>
                            {move || {
                                format!(
                                    "{}{}",
                                    i18n
                                        .locale
                                        .get()
                                        .pick("＋ 添加单位", "+ Add an organisation as "),
                                    title(),
                                )
                            }}
                        </Button>
                    </Show>
                </div>
            </Show>
            <Show when=move || entity.get() == EntityType::IndividualBusiness>
                <FamilyBusiness />
            </Show>
        </StepPage>
    }
}

#[component]
fn FamilyBusiness() -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::Investors;
    let app = wizard.application;
    let members = Memo::new(move |_| app.with(|a| a.individual_business.family_member_ids.clone()));
    let is_family = Memo::new(move |_| {
        app.with(|a| a.individual_business.organisation_form == OrganisationForm::Family)
    });
    view! {
        <ChoiceRadios
            bind=bind!(app, path::BUSINESS_FORM, individual_business.organisation_form)
            step
            legend=both("组成形式", "How it is run")
        />
        <Show when=move || is_family.get()>
            <MessageAnchor path=path::FAMILY_MEMBERS step />
            {move || {
                members
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, id)| {
                        view! {
                            <HolderCard
                                title=Text::HolderFamilyMember
                                number=i + 1
                                on_remove=Some(
                                    wizard
                                        .remove_holder(
                                            |a| &mut a.individual_business.family_member_ids,
                                            i,
                                        ),
                                )
                            >
                                <PersonEditor person_id=id step natural_only=true />
                            </HolderCard>
                        }
                    })
                    .collect_view()
            }}
            <Button
                class="kb-button kb-button-secondary"
                on_click=move |_| {
                    let id = wizard.add_person(false);
                    app.update(|a| a.individual_business.family_member_ids.push(id));
                }
            >
                {both("＋ 添加家庭成员", "+ Add a family member")}
            </Button>
        </Show>
    }
}
