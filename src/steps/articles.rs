//! What the articles (or the partnership agreement) say where the law leaves it to them, on the
//! common model articles' defaults; or the applicant's own articles, uploaded and reviewed by
//! hand. Which options an entity's articles contain is `Asked::of`, in kaiban-core.

use super::page::StepPage;
use crate::app::use_wizard;
use crate::bind;
use crate::fields::{Checkbox, ChoiceRadios, TextInput};
use crate::i18n::{both, text, Text};
use crate::steps::Step;
use kaiban_core::model::{Asked, EntityType};
use kaiban_core::path;
use leptos::prelude::*;

#[component]
pub fn ArticlesStep() -> impl IntoView {
    let wizard = use_wizard();
    let step = Step::Articles;
    let app = wizard.application;
    let asked = Memo::new(move |_| app.with(Asked::of));
    let own = Memo::new(move |_| app.with(|a| a.articles.own_articles));
    let has_manager = Memo::new(move |_| {
        app.with(|a| {
            a.officers.manager_id.is_some() || a.entity_type == Some(EntityType::JointStock)
        })
    });
    view! {
        <StepPage step lead=text(Text::ArticlesLead)>
            <Checkbox
                bind=bind!(app, path::ARTICLES_OWN, articles.own_articles)
                step
                label=text(Text::ArticlesOwn)
                hint=text(Text::ArticlesOwnHint)
            />
            <Show when=move || !own.get()>
                <Show when=move || asked.get().meeting>
                    <h2 class="kb-section-title">{text(Text::ArticlesMeeting)}</h2>
                    <TextInput
                        bind=bind!(app, path::ARTICLES_NOTICE_DAYS, articles.notice_days).number()
                        step
                        label=both(
                            "股东会会议提前通知天数",
                            "Days' notice of a shareholders' meeting",
                        )
                        hint=both(
                            "《公司法》默认会议召开十五日前通知全体股东",
                            "The Company Law's default is fifteen days before the meeting",
                        )
                        input_mode="numeric"
                        width="kb-w-3"
                    />
                    <ChoiceRadios
                        bind=bind!(app, path::ARTICLES_VOTING, articles.voting)
                        step
                        legend=both("表决权", "How shareholders vote")
                    />
                    <ChoiceRadios
                        bind=bind!(app, path::ARTICLES_PROFIT, articles.profit)
                        step
                        legend=both("利润分配", "How profit is shared")
                    />
                    <ChoiceRadios
                        bind=bind!(app, path::ARTICLES_TRANSFER, articles.transfer)
                        step
                        legend=both("股权转让", "Selling equity")
                    />
                </Show>
                <Show when=move || asked.get().company>
                    <h2 class="kb-section-title">{text(Text::ArticlesOrgans)}</h2>
                    <TextInput
                        bind=bind!(app, path::ARTICLES_DIRECTOR_TERM, articles.director_term_years)
                            .number()
                        step
                        label=both("董事每届任期（年）", "A director's term (years)")
                        hint=both(
                            "每届不超过三年，任期届满可以连选连任（《公司法》第七十条）",
                            "At most three years; directors may be re-elected (Company Law Art 70)",
                        )
                        input_mode="numeric"
                        width="kb-w-3"
                    />
                    <Show when=move || has_manager.get()>
                        <ChoiceRadios
                            bind=bind!(app, path::ARTICLES_MANAGER_POWERS, articles.manager_powers)
                            step
                            legend=both("经理职权", "The manager's powers")
                        />
                    </Show>
                </Show>
                <Show when=move || asked.get().partnership>
                    <h2 class="kb-section-title">{text(Text::ArticlesPartners)}</h2>
                    <ChoiceRadios
                        bind=bind!(app, path::ARTICLES_SHARING, articles.sharing)
                        step
                        legend=both("利润分配和亏损分担", "Sharing profit and loss")
                    />
                    <ChoiceRadios
                        bind=bind!(app, path::ARTICLES_ADMISSION, articles.admission)
                        step
                        legend=both("入伙", "Admitting a new partner")
                    />
                    <ChoiceRadios
                        bind=bind!(app, path::ARTICLES_DISPUTES, articles.disputes)
                        step
                        legend=both("争议解决", "Settling disputes")
                    />
                </Show>
                <ChoiceRadios
                    bind=bind!(app, path::ARTICLES_DISSOLUTION, articles.dissolution)
                    step
                    legend=both("解散事由", "When it is dissolved")
                />
            </Show>
        </StepPage>
    }
}
