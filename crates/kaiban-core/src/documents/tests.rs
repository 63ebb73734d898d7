//! The generated articles read against the law's checklist, not against the template.

use super::*;
use crate::money::format_wan;
use crate::rules::testing::example;

mod application_form;
mod partnership_and_jsc;

/// How the signature block names `person` in `capacity`: "股东：张伟（签名）".
fn signature_line(capacity: &str, person: &crate::model::Person) -> String {
    let mark = if person.is_organisation() {
        "盖章"
    } else {
        "签名"
    };
    format!("{capacity}：{}（{mark}）", person.name)
}

const ALL_EXAMPLES: [&str; 7] = [
    "llc",
    "one_person_llc",
    "joint_stock",
    "general_partnership",
    "limited_partnership",
    "sole_proprietorship",
    "individual_business",
];

fn text(app: &Application) -> String {
    articles(app)
        .expect("a company has articles")
        .chinese_text()
}

/// Company Law Art 46: what a limited liability company's articles must state.
#[test]
fn llc_articles_state_every_item_of_company_law_article_46() {
    for name in ["llc", "one_person_llc"] {
        let app = example(name);
        let text = text(&app);
        let must =
            |item: &str, found: bool| assert!(found, "{name}: Art 46 {item} is missing:\n{text}");
        // (1) 名称和住所
        must(
            "name",
            text.contains(&format!("公司名称：{}", app.name.full)),
        );
        must(
            "domicile",
            text.contains(&app.domicile.detail) && text.contains("公司住所"),
        );
        // (2) 经营范围
        let scope = crate::catalog::licence_text(&app.business_scope.items);
        must("business scope", !scope.is_empty() && text.contains(&scope));
        // (3) 注册资本
        let capital = format_wan(app.capital.registered_fen.unwrap());
        must(
            "registered capital",
            text.contains(&format!("注册资本为人民币{capital}万元")),
        );
        for investor in &app.investors {
            let person = app.person(&investor.person_id).unwrap();
            // (4) 股东的姓名或者名称
            must("shareholder", text.contains(&person.name));
            // (5) 出资额、出资方式和出资日期
            must(
                "subscription",
                text.contains(&format!(
                    "认缴出资额{}万元",
                    format_wan(investor.subscribed_fen)
                )),
            );
            for c in &investor.contributions {
                let due = c.due_date.unwrap();
                let due = format!("{}年{}月{}日", due.year, due.month, due.day);
                let part = format!(
                    "以{}出资{}万元，于{due}前缴足",
                    c.method.label().zh,
                    format_wan(c.amount_fen)
                );
                must("contribution", text.contains(&part));
            }
            // Art 46 last paragraph: 股东应当在公司章程上签名或者盖章.
            must("signature", text.contains(&signature_line("股东", person)));
        }
        // (6) 公司的机构及其产生办法、职权、议事规则
        let organs = ["董事", "监事", "职权", "选举产生", "过半数"];
        must("organs", organs.iter().all(|o| text.contains(o)));
        // (7) 法定代表人的产生、变更办法
        must(
            "legal representative",
            text.contains("公司的法定代表人由") && text.contains("变更登记"),
        );
    }
}

#[test]
fn the_articles_follow_the_organs_the_application_chose() {
    let mut app = example("llc");
    assert!(text(&app).contains("公司设董事会，成员为3人"));
    assert!(text(&app).contains("股东会由全体股东组成"));
    app.officers
        .set_board_mode(crate::model::BoardMode::SingleDirector);
    assert!(text(&app).contains("公司不设董事会，设董事一人"));
    let one = example("one_person_llc");
    assert!(text(&one).contains("公司不设股东会"));
    assert!(!text(&one).contains("股东会由全体股东组成"));
}

#[test]
fn the_same_application_gives_the_same_bytes_and_any_change_other_ones() {
    let app = example("llc");
    let first = articles(&app).unwrap();
    assert_eq!(
        first.canonical_bytes(),
        articles(&app.clone()).unwrap().canonical_bytes()
    );
    assert_eq!(first.sha256().len(), 64);
    let mut changed = app.clone();
    changed.domicile.detail.push('A');
    assert_ne!(articles(&changed).unwrap().sha256(), first.sha256());
    assert_eq!((first.template, first.version), ("llc-articles", 2));
}

/// Fails naming the first of `phrases` that `text` does not contain.
fn says(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(text.contains(phrase), "{phrase}");
    }
}

/// Every option of the articles-options step shows in the text the signers read.
#[test]
fn the_articles_say_what_the_options_chose() {
    use crate::model::*;
    let mut app = example("llc");
    let default = text(&app);
    assert!(default.contains("会议召开十五日前通知") && default.contains("按照出资比例行使表决权"));
    assert!(
        default.contains("董事任期每届三年")
            && default.contains("其他股东在同等条件下有优先购买权")
    );
    assert!(default.contains("按照股东实缴的出资比例分配"));
    let o = &mut app.articles;
    o.notice_days = Some(20);
    o.voting = Voting::OneVoteEach;
    o.transfer = TransferRule::OthersConsent;
    o.director_term_years = Some(2);
    o.profit = ProfitBasis::Subscribed;
    o.dissolution = Dissolution::AlsoTermEnds;
    o.manager_powers = ManagerPowers::BoardAuthorises;
    says(
        &text(&app),
        &[
            "会议召开二十日前通知",
            "一人一票行使表决权",
            "应当经其他股东过半数同意",
            "董事任期每届二年",
            "按照股东认缴的出资比例分配",
            "股东会未作出使公司存续的决议的，公司解散",
            "根据董事会的授权行使职权",
        ],
    );
    let mut partnership = example("limited_partnership");
    let before = agreement(&partnership);
    assert!(before.contains("按照实缴出资比例分配、分担") && before.contains("人民法院起诉"));
    let o = &mut partnership.articles;
    o.sharing = PartnershipSharing::Equally;
    o.admission = Admission::TwoThirds;
    o.disputes = Disputes::Arbitration;
    says(
        &agreement(&partnership),
        &[
            "合伙人平均分配、分担",
            "经三分之二以上合伙人同意",
            "仲裁委员会仲裁",
        ],
    );
}

/// Articles the applicant wrote themselves are not generated: they come as an attachment.
#[test]
fn own_articles_are_not_generated() {
    for kind in ["llc", "joint_stock", "general_partnership"] {
        let mut app = example(kind);
        app.articles.own_articles = true;
        let kinds: Vec<_> = required_documents(&app)
            .into_iter()
            .map(|d| d.kind)
            .collect();
        assert!(
            !kinds.contains(&DocumentKind::Articles)
                && !kinds.contains(&DocumentKind::PartnershipAgreement),
            "{kind}"
        );
        assert!(kinds.contains(&DocumentKind::ApplicationForm), "{kind}");
    }
}

/// The English reading aid is English: once the applicant's own words (names, the street
/// address) are taken out, no Chinese is left in any document's title, preamble or clause.
#[test]
fn every_clause_has_its_english_reading_aid() {
    let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for name in ALL_EXAMPLES {
        let app = example(name);
        let mut quoted = vec![app.name.full.clone(), app.domicile.detail.clone()];
        quoted.extend(
            app.persons
                .iter()
                .flat_map(|p| [p.name.clone(), p.address.clone()]),
        );
        let english = |bi: &crate::text::Bi| {
            assert!(!bi.zh.is_empty() && !bi.en.trim().is_empty(), "{bi:?}");
            let own_words_out = quoted
                .iter()
                .fold(bi.en.to_string(), |en, q| en.replace(q.as_str(), ""));
            assert!(
                !chinese(&own_words_out),
                "{name}: Chinese left in the reading aid: {}",
                bi.en
            );
        };
        for doc in generate(&app) {
            english(&doc.title);
            doc.preamble.iter().for_each(english);
            for chapter in &doc.chapters {
                chapter.heading.iter().for_each(english);
                chapter.clauses.iter().for_each(english);
            }
        }
    }
    assert!(articles(&example("general_partnership")).is_none());
}

#[test]
fn every_generated_document_is_signed_by_exactly_the_signers_its_need_derives() {
    for name in ALL_EXAMPLES {
        let app = example(name);
        let needs = required_documents(&app);
        let documents = generate(&app);
        for doc in &documents {
            let need = needs
                .iter()
                .find(|n| n.id() == doc.id)
                .expect("a need for every document");
            let signed: Vec<&str> = doc
                .signatures
                .iter()
                .map(|s| s.person_id.as_str())
                .collect();
            assert_eq!(signed, need.signers, "{name}: {}", doc.id);
        }
        let kinds: Vec<DocumentKind> = documents.iter().map(|d| d.kind).collect();
        assert_eq!(kinds[0], DocumentKind::ApplicationForm, "{name}");
        assert_eq!(
            documents.len(),
            needs.len(),
            "{name}: a document for every need"
        );
    }
}

#[test]
fn the_resolutions_elect_exactly_the_officers_the_application_names() {
    let app = example("llc");
    let documents = generate(&app);
    let text_of = |id: &str| {
        documents
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .chinese_text()
    };
    let shareholders = text_of("shareholders_resolution");
    let o = &app.officers;
    let named = |text: &str, id: &str| text.contains(&app.person(id).unwrap().name);
    for d in &o.directors {
        assert!(
            named(&shareholders, &d.person_id),
            "director {} is elected",
            d.person_id
        );
    }
    for s in &o.supervisors {
        assert!(
            named(&shareholders, &s.person_id),
            "supervisor {} is elected",
            s.person_id
        );
    }
    let officers: Vec<&str> = o
        .directors
        .iter()
        .map(|d| d.person_id.as_str())
        .chain(o.supervisors.iter().map(|s| s.person_id.as_str()))
        .collect();
    for p in &app.persons {
        if !officers.contains(&p.id.as_str()) && app.investors.iter().all(|i| i.person_id != p.id) {
            assert!(
                !shareholders.contains(&p.name),
                "{} holds no office and signs nothing here",
                p.name
            );
        }
    }
    let board = text_of("board_resolution");
    let chair = o.directors.iter().find(|d| d.chair).unwrap();
    assert!(board.contains(&format!(
        "选举{}为董事长",
        app.person(&chair.person_id).unwrap().name
    )));
    let manager = app.person(o.manager_id.as_deref().unwrap()).unwrap();
    assert!(board.contains(&format!("聘任{}为公司经理", manager.name)));
    let acceptances = documents
        .iter()
        .filter(|d| d.kind == DocumentKind::Acceptance);
    for doc in acceptances {
        let signer = &doc.signatures[0];
        assert_eq!(doc.signatures.len(), 1);
        assert!(
            doc.chinese_text().contains(&format!("本人{}", signer.name)),
            "{}",
            doc.id
        );
    }
}

fn agreement(app: &Application) -> String {
    let documents = generate(app);
    let doc = documents
        .iter()
        .find(|d| d.kind == DocumentKind::PartnershipAgreement);
    doc.expect("a partnership has an agreement").chinese_text()
}
