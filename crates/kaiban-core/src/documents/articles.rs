//! 公司章程 of a limited liability company (and a one-person one): every item of Company Law
//! Art 46, on the common model articles, with what the applicant chose where the law leaves it
//! to the articles (notice period, voting, transfers, directors' term, the manager's powers,
//! profit, dissolution).

use super::document::{articles_title, chapter, clause, signature_lines, Document};
use super::facts::{address, contribution_clauses, scope_text, term};
use super::options;
use super::DocumentKind;
use crate::model::{ArticlesOptions, BoardMode, EntityType, Supervision};
use crate::money::{format_wan, format_yuan};
use crate::rules::Indexed;
use crate::text::Bi;

pub const TEMPLATE: &str = "llc-articles";
pub const VERSION: u32 = 2;

pub fn llc_articles(app: &Indexed, signers: &[String]) -> Document {
    let one_person = app.entity_type == Some(EntityType::OnePersonLlc) || app.investors.len() == 1;
    let name = &app.name.full;
    let (address_zh, address_en) = address(app);
    let capital = app.capital.registered_fen.unwrap_or(0);
    let form = if one_person {
        Bi::new("一人有限责任公司", "a one-person limited liability company")
    } else {
        Bi::new("有限责任公司", "a limited liability company")
    };
    let term = term(app);
    let general = vec![
        clause(
            "为规范公司的组织和行为，保护公司、股东、职工和债权人的合法权益，根据《中华人民共和国公司法》（以下简称《公司法》）和有关法律、行政法规的规定，制定本章程。",
            "These articles are made under the Company Law of the People's Republic of China (the Company Law) and other laws and regulations, to govern the company's organisation and conduct and protect the lawful rights of the company, its shareholders, employees and creditors.",
        ),
        clause(format!("公司名称：{name}。"), format!("The company's name is {name}.")),
        clause(
            format!("公司住所：{address_zh}。"),
            format!("The company's domicile is {address_en}."),
        ),
        clause(
            format!("公司是{}，股东以其认缴的出资额为限对公司承担责任，公司以其全部财产对公司的债务承担责任。", form.zh),
            format!("The company is {}: each shareholder is liable up to the contribution they subscribe, and the company is liable for its debts with all its assets.", form.en),
        ),
        clause(
            format!("公司营业期限为{}，自营业执照签发之日起计算。", term.zh),
            format!("The company's term of operation is {}, from the date its business licence is issued.", term.en),
        ),
    ];
    let (scope_zh, scope_en) = scope_text(app);
    let scope = vec![clause(
        format!("公司的经营范围：{scope_zh}以登记机关登记的为准。"),
        format!("The company's business activities: {scope_en} As registered by the registration authority."),
    )];
    let capital_clauses = vec![clause(
        format!("公司注册资本为人民币{}万元。", format_wan(capital)),
        format!(
            "The company's registered capital is RMB {} yuan.",
            format_yuan(capital)
        ),
    )];
    let mut shareholders = contribution_clauses(app, Bi::new("股东", "Shareholder"));
    shareholders.push(clause(
        "股东应当按期足额缴纳各自所认缴的出资额。全体股东认缴的出资额应当自公司成立之日起五年内缴足（《公司法》第四十七条）。",
        "Each shareholder pays in full, on time, what they subscribed; all subscriptions are paid within five years of the company's establishment (Company Law Art 47).",
    ));
    let chapters = vec![
        chapter("第一章 总则", "Chapter 1 General provisions", general),
        chapter("第二章 经营范围", "Chapter 2 Business activities", scope),
        chapter(
            "第三章 注册资本",
            "Chapter 3 Registered capital",
            capital_clauses,
        ),
        chapter(
            "第四章 股东的姓名或者名称、出资额、出资方式和出资日期",
            "Chapter 4 Shareholders, their contributions, how and when they are paid",
            shareholders,
        ),
        chapter(
            "第五章 公司的机构及其产生办法、职权、议事规则",
            "Chapter 5 The company's organs: how they are formed, their powers and procedures",
            organs(app, one_person),
        ),
        chapter(
            "第六章 法定代表人的产生、变更办法",
            "Chapter 6 How the legal representative is chosen and changed",
            legal_representative(app, one_person),
        ),
        chapter(
            "第七章 附则",
            "Chapter 7 Final provisions",
            final_provisions(app, one_person),
        ),
    ];
    let signatures = signature_lines(app, signers, Bi::new("股东", "Shareholder"));
    Document::founding(
        (DocumentKind::Articles, TEMPLATE, VERSION),
        articles_title(name),
        chapters,
        signatures,
    )
}

fn organs(app: &Indexed, one_person: bool) -> Vec<Bi> {
    let o = &app.officers;
    let mut out = Vec::new();
    if one_person {
        out.push(clause(
            "公司不设股东会。股东作出《公司法》第五十九条第一款所列事项的决定时，应当采用书面形式，并由股东签名或者盖章后置备于公司（《公司法》第六十条）。",
            "The company has no shareholders' meeting. The shareholder takes the decisions of Company Law Art 59(1) in writing, signed or sealed, and keeps them at the company (Art 60).",
        ));
    } else {
        out.push(clause(
            "股东会由全体股东组成，是公司的权力机构，依照《公司法》第五十九条行使职权。",
            "The shareholders' meeting consists of all shareholders; it is the company's highest organ and has the powers of Company Law Art 59.",
        ));
        out.push(options::meeting(&app.articles));
        out.push(clause(
            "股东会作出修改公司章程、增加或者减少注册资本的决议，以及公司合并、分立、解散或者变更公司形式的决议，应当经代表三分之二以上表决权的股东通过；作出其他决议，应当经代表过半数表决权的股东通过（《公司法》第六十六条）。",
            "Amending the articles, changing the capital, merging, dividing, dissolving or converting the company needs shareholders holding two thirds of the votes; other resolutions need more than half (Company Law Art 66).",
        ));
    }
    let directors = o.directors.len();
    out.push(match o.board_mode {
        BoardMode::Board => clause(
            format!("公司设董事会，成员为{directors}人，由股东会选举产生（职工代表董事由职工代表大会、职工大会或者其他形式民主选举产生）。董事会设董事长一人，由董事会以全体董事的过半数选举产生。"),
            format!("The company has a board of {directors} directors elected by the shareholders (employee representatives by the employees). The board elects its chair by a majority of all directors."),
        ),
        BoardMode::SingleDirector => clause(
            "公司不设董事会，设董事一人，由股东会选举产生，行使《公司法》规定的董事会的职权（《公司法》第七十五条）。",
            "The company has no board but a single director, elected by the shareholders, with the board's powers under the Company Law (Art 75).",
        ),
    });
    let (term_zh, term_en) = options::director_term(&app.articles);
    out.push(clause(
        format!("{term_zh}，任期届满，连选可以连任（《公司法》第七十条）。董事会会议应当有过半数的董事出席方可举行，董事会作出决议，应当经全体董事的过半数通过，表决实行一人一票（《公司法》第七十三条）。"),
        format!("{term_en} and may be re-elected (Company Law Art 70). The board meets with more than half of the directors present and resolves by a majority of all directors, one vote each (Art 73)."),
    ));
    let supervisors = o.supervisors.len();
    out.push(match o.supervision {
        Supervision::Board => clause(
            format!("公司设监事会，成员为{supervisors}人，其中职工代表的比例不低于三分之一。监事任期每届三年，任期届满，连选可以连任。董事、高级管理人员不得兼任监事（《公司法》第七十六条、第七十七条）。"),
            format!("The company has a supervisory board of {supervisors}, at least a third of them employee representatives. Supervisors serve three years and may be re-elected; directors and senior managers may not be supervisors (Company Law Arts 76, 77)."),
        ),
        Supervision::Single => clause(
            "公司不设监事会，设监事一人，行使《公司法》规定的监事会的职权。监事任期每届三年，任期届满，连选可以连任。董事、高级管理人员不得兼任监事（《公司法》第八十三条）。",
            "The company has no supervisory board but one supervisor with its powers, serving three years and re-eligible; directors and senior managers may not be the supervisor (Company Law Art 83).",
        ),
        Supervision::None => clause(
            "经全体股东一致同意，公司不设监事（《公司法》第八十三条）。",
            "With the consent of all shareholders, the company has no supervisor (Company Law Art 83).",
        ),
        Supervision::AuditCommittee => clause(
            "公司在董事会中设置由董事组成的审计委员会，行使《公司法》规定的监事会的职权，不设监事会或者监事（《公司法》第六十九条）。",
            "The board has an audit committee of directors with the supervisory board's powers; the company has no supervisors (Company Law Art 69).",
        ),
    });
    if o.manager_id.is_some() {
        out.push(options::manager(&app.articles, ("第七十四条", "Art 74")));
    }
    out
}

pub(super) fn legal_representative(app: &Indexed, one_person: bool) -> Vec<Bi> {
    let o = &app.officers;
    let holder = o.legal_representative_id.as_deref().unwrap_or_default();
    let is_manager = o.manager_id.as_deref() == Some(holder) && !holder.is_empty();
    let chair = o.directors.iter().any(|d| d.person_id == holder && d.chair);
    let office = if chair {
        Bi::new("董事长", "the chair of the board")
    } else if is_manager && !o.directors.iter().any(|d| d.person_id == holder) {
        Bi::new("经理", "the manager")
    } else {
        Bi::new(
            "代表公司执行公司事务的董事",
            "the director who executes the company's affairs",
        )
    };
    let decides = if one_person {
        Bi::new("股东", "the shareholder")
    } else {
        Bi::new("股东会", "the shareholders' meeting")
    };
    vec![
        clause(
            format!("公司的法定代表人由{}担任（《公司法》第十条）。", office.zh),
            format!("The company's legal representative is {} (Company Law Art 10).", office.en),
        ),
        clause(
            format!("担任法定代表人的董事或者经理辞任的，视为同时辞去法定代表人。法定代表人辞任的，公司应当在法定代表人辞任之日起三十日内确定新的法定代表人，由{}依照本章程作出决定，并依法办理变更登记。", decides.zh),
            format!("A director or manager who resigns also resigns as legal representative; the company names a new one within thirty days, decided by {} under these articles, and registers the change.", decides.en),
        ),
    ]
}

fn final_provisions(app: &Indexed, one_person: bool) -> Vec<Bi> {
    let mut out = Vec::new();
    if !one_person {
        out.push(options::transfer(&app.articles));
        out.push(options::llc_profit(&app.articles));
    } else {
        out.push(options::llc_profit(&ArticlesOptions::default()));
    }
    out.push(options::company_dissolution(&app.articles));
    out.push(clause(
        "本章程经全体股东签名或者盖章后生效。本章程与法律、行政法规不一致的，以法律、行政法规的规定为准。",
        "These articles take effect once every shareholder has signed or sealed them. Where they differ from the law, the law prevails.",
    ));
    out
}
