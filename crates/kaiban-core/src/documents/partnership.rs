//! 合伙协议 of a general or limited partnership: every item of 合伙企业法 Art 18 and, for a
//! limited partnership, the items of Art 63, on the law's default rules until the
//! articles-options step lets partners choose others.

use super::document::{chapter, clause, signature_lines, Document};
use super::facts::{address, contribution_clauses, scope_text, term};
use super::options;
use super::DocumentKind;
use crate::model::{EntityType, PartnerKind};
use crate::money::{format_wan, format_yuan};
use crate::rules::Indexed;
use crate::text::Bi;

pub const TEMPLATE: &str = "partnership-agreement";
pub const VERSION: u32 = 2;

pub fn partnership_agreement(app: &Indexed, signers: &[String]) -> Document {
    let limited = app.entity_type == Some(EntityType::LimitedPartnership);
    let name = &app.name.full;
    let (place_zh, place_en) = address(app);
    let (scope_zh, scope_en) = scope_text(app);
    let total = app.capital.registered_fen.unwrap_or(0);
    let term = term(app);
    let general = vec![
        clause(
            "为设立合伙企业，明确合伙人的权利义务，根据《中华人民共和国合伙企业法》（以下简称《合伙企业法》）及有关法律、行政法规，经全体合伙人协商一致，订立本协议。",
            "The partners make this agreement under the Partnership Enterprise Law of the PRC (the Partnership Law) to set up the partnership and state their rights and duties.",
        ),
        clause(format!("合伙企业名称：{name}。"), format!("The partnership's name is {name}.")),
        clause(
            format!("合伙企业主要经营场所：{place_zh}。"),
            format!("Its main place of business is {place_en}."),
        ),
        clause(
            format!("合伙目的：依法开展经营活动，实现合伙人的共同利益。合伙企业的经营范围：{scope_zh}以登记机关登记的为准。"),
            format!("Purpose: to do lawful business for the partners' common benefit. Business activities: {scope_en} As registered by the registration authority."),
        ),
        clause(
            format!("合伙期限为{}，自营业执照签发之日起计算。", term.zh),
            format!("The partnership's term is {}, from the date its business licence is issued.", term.en),
        ),
    ];
    let mut partners = Vec::new();
    for investor in &app.investors {
        let Some(p) = app.person(&investor.person_id) else {
            continue;
        };
        let (kind, liability) = match (limited, investor.partner_kind) {
            (true, Some(PartnerKind::Limited)) => (
                Bi::new("有限合伙人", "limited partner"),
                Bi::new(
                    "以其认缴的出资额为限对合伙企业债务承担责任",
                    "liable for the partnership's debts up to the contribution subscribed",
                ),
            ),
            (true, _) => (
                Bi::new("普通合伙人", "general partner"),
                Bi::new(
                    "对合伙企业债务承担无限连带责任",
                    "jointly and without limit liable for the partnership's debts",
                ),
            ),
            (false, _) => (
                Bi::new("合伙人", "partner"),
                Bi::new(
                    "对合伙企业债务承担无限连带责任",
                    "jointly and without limit liable for the partnership's debts",
                ),
            ),
        };
        partners.push(clause(
            format!(
                "{}：{}，住所：{}，{}。",
                kind.zh, p.name, p.address, liability.zh
            ),
            format!(
                "{}, {}, domiciled at {}, is {}.",
                p.name, kind.en, p.address, liability.en
            ),
        ));
    }
    let mut contributions = contribution_clauses(app, Bi::new("合伙人", "Partner"));
    contributions.push(clause(
        format!("全体合伙人认缴出资总额为人民币{}万元。合伙人应当按照本协议约定的出资方式、数额和缴付期限履行出资义务（《合伙企业法》第十七条）。", format_wan(total)),
        format!("The partners subscribe RMB {} yuan in all, and pay in as this agreement says: how, how much and by when (Partnership Law Art 17).", format_yuan(total)),
    ));
    let profit = vec![options::sharing(&app.articles)];
    let executing = executing_partners(app);
    let mut affairs = vec![clause(
        format!("全体合伙人一致同意，委托{}为执行事务合伙人，对外代表合伙企业，执行合伙事务；其他合伙人不再执行合伙事务，有权监督执行事务合伙人执行合伙事务的情况（《合伙企业法》第二十六条、第二十七条）。", executing.zh),
        format!("All partners entrust {} with the partnership's affairs as executing partner, representing it to others; the other partners do not run its affairs but may supervise how they are run (Partnership Law Arts 26, 27).", executing.en),
    )];
    if limited {
        affairs.push(clause(
            "执行事务合伙人应当由普通合伙人担任，经全体合伙人一致同意委托产生；执行事务合伙人应当定期向其他合伙人报告事务执行情况以及合伙企业的经营和财务状况（《合伙企业法》第六十七条、第二十八条）。",
            "The executing partner must be a general partner, entrusted by all partners, and reports regularly to the others on its work and on the partnership's business and finances (Arts 67, 28).",
        ));
        affairs.push(clause(
            "执行事务合伙人在全体合伙人委托的权限内执行合伙事务；超越权限或者不按照本协议执行事务，给合伙企业或者其他合伙人造成损失的，依法承担赔偿责任。有限合伙人不执行合伙事务，不得对外代表有限合伙企业（《合伙企业法》第六十八条）。",
            "The executing partner acts within the powers entrusted to it and is liable for loss caused by exceeding them or not following this agreement. Limited partners neither run the partnership nor represent it (Art 68).",
        ));
        affairs.push(clause(
            "执行事务合伙人有故意或者重大过失、不按照本协议或者全体合伙人的决定执行事务等情形的，经其他合伙人一致同意，可以撤销委托、将其除名，并由全体合伙人另行委托普通合伙人担任执行事务合伙人（《合伙企业法》第二十九条、第四十九条）。",
            "An executing partner who acts wilfully or grossly negligently, or against this agreement or the partners' decisions, can have the mandate revoked and be expelled by the other partners, who then entrust another general partner (Arts 29, 49).",
        ));
    }
    let mut joining = vec![options::admission(&app.articles)];
    if limited {
        joining.push(clause(
            "新入伙的有限合伙人对入伙前有限合伙企业的债务，以其认缴的出资额为限承担责任；有限合伙人退伙后，对基于其退伙前的原因发生的有限合伙企业债务，以其退伙时从有限合伙企业中取回的财产承担责任（《合伙企业法》第七十七条、第八十一条）。",
            "A limited partner who joins is liable for earlier debts up to the contribution subscribed; one who leaves answers for debts arising before leaving with what they took out (Arts 77, 81).",
        ));
        joining.push(clause(
            "普通合伙人转变为有限合伙人，或者有限合伙人转变为普通合伙人，应当经全体合伙人一致同意（《合伙企业法》第八十二条）。",
            "A general partner becomes a limited one, or a limited one general, only with the consent of all partners (Art 82).",
        ));
    }
    let end = vec![
        options::disputes(&app.articles),
        options::partnership_dissolution(&app.articles),
        clause(
            "合伙人违反本协议的，应当依法承担违约责任。",
            "A partner who breaches this agreement is liable under the law.",
        ),
        clause(
            "本协议经全体合伙人签名、盖章后生效。本协议与法律、行政法规不一致的，以法律、行政法规的规定为准。",
            "This agreement takes effect once every partner has signed or sealed it; where it differs from the law, the law prevails.",
        ),
    ];
    let chapters = vec![
        chapter("第一章 总则", "Chapter 1 General provisions", general),
        chapter("第二章 合伙人", "Chapter 2 The partners", partners),
        chapter(
            "第三章 出资方式、数额和缴付期限",
            "Chapter 3 Contributions: how, how much, by when",
            contributions,
        ),
        chapter(
            "第四章 利润分配、亏损分担方式",
            "Chapter 4 Sharing profit and loss",
            profit,
        ),
        chapter(
            "第五章 合伙事务的执行",
            "Chapter 5 Running the partnership's affairs",
            affairs,
        ),
        chapter(
            "第六章 入伙与退伙",
            "Chapter 6 Joining and leaving",
            joining,
        ),
        chapter(
            "第七章 争议解决、解散与清算、违约责任",
            "Chapter 7 Disputes, dissolution and liquidation, breach",
            end,
        ),
    ];
    Document::founding(
        (DocumentKind::PartnershipAgreement, TEMPLATE, VERSION),
        Bi::owned(
            format!("{name}合伙协议"),
            format!("Partnership agreement of {name}"),
        ),
        chapters,
        signature_lines(app, signers, Bi::new("合伙人", "Partner")),
    )
}

/// The executing partners by name, each organisation with its delegate:
/// "贵州某某有限公司（委派代表：张三）".
fn executing_partners(app: &Indexed) -> Bi {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for e in &app.executing_partners {
        let Some(partner) = app.person(&e.partner_id) else {
            continue;
        };
        match e.delegate_id.as_deref().and_then(|d| app.person(d)) {
            Some(delegate) if partner.is_organisation() => {
                zh.push(format!("{}（委派代表：{}）", partner.name, delegate.name));
                en.push(format!("{} (delegate: {})", partner.name, delegate.name));
            }
            _ => {
                zh.push(partner.name.clone());
                en.push(partner.name.clone());
            }
        }
    }
    Bi::owned(zh.join("、"), en.join(", "))
}
