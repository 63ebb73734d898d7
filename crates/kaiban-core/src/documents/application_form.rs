//! 登记（备案）申请书 and its attached sheets (附表), per entity type as the SAMR model forms
//! have them (domain.md §3.1): the registered particulars first, then one sheet per group of
//! people. Each line is "item：value", so a registrar reads it like the paper form.

use super::document::{chapter, clause, signature_lines, Chapter, Document, Numbering};
use super::facts::{address, scope_text, term};
use super::{DocumentKind, DocumentNeed};
use crate::key::Choice;
use crate::model::{EntityType, OrganisationForm, Person, PropertyForm, Supervision};
use crate::money::{format_wan, format_yuan};
use crate::rules::Indexed;
use crate::text::Bi;

pub const TEMPLATE: &str = "application-form";
/// v2: the services filed with the registration (开办套餐), when any is taken.
pub const VERSION: u32 = 2;

/// "名称：贵阳云栈科技有限公司" with its reading aid "Name: …".
fn item(label: Bi, value: impl Into<String>, value_en: impl Into<String>) -> Bi {
    Bi::owned(
        format!("{}：{}", label.zh, value.into()),
        format!("{}: {}", label.en, value_en.into()),
    )
}

fn same(label: Bi, value: &str) -> Bi {
    item(label, value, value)
}

/// One person on a sheet: name, identity document and mobile, and the capacity they hold.
fn person_line(capacity: &Bi, p: &Person) -> Bi {
    let id = p.id_type.label();
    Bi::owned(
        format!(
            "{}：{}，{}：{}，联系电话：{}",
            capacity.zh, p.name, id.zh, p.id_number, p.mobile
        ),
        format!(
            "{}: {}, {}: {}, phone: {}",
            capacity.en, p.name, id.en, p.id_number, p.mobile
        ),
    )
}

/// One line per person `ids` names, each in `capacity`.
fn people_lines(
    app: &Indexed,
    capacity: Bi,
    ids: impl IntoIterator<Item = impl AsRef<str>>,
) -> Vec<Bi> {
    ids.into_iter()
        .filter_map(|id| app.person(id.as_ref()))
        .map(|p| person_line(&capacity, p))
        .collect()
}

fn people_sheet(
    app: &Indexed,
    heading: (&'static str, &'static str),
    capacity: Bi,
    ids: impl IntoIterator<Item = impl AsRef<str>>,
) -> Chapter {
    chapter(heading.0, heading.1, people_lines(app, capacity, ids))
}

pub fn application_form(app: &Indexed, need: &DocumentNeed) -> Option<Document> {
    let entity = app.entity_type?;
    let (form_zh, form_en) = match entity {
        t if t.is_company() => (
            "公司登记（备案）申请书",
            "Application for company registration",
        ),
        t if t.is_partnership() => (
            "合伙企业登记（备案）申请书",
            "Application for partnership registration",
        ),
        EntityType::SoleProprietorship => (
            "个人独资企业登记（备案）申请书",
            "Application for sole proprietorship registration",
        ),
        _ => (
            "个体工商户登记（备案）申请书",
            "Application for individual business registration",
        ),
    };
    let mut chapters = vec![particulars(app, entity)];
    chapters.extend(sheets(app, entity));
    let bundle = crate::bundle::summary(app);
    if !bundle.is_empty() {
        let lines = bundle
            .into_iter()
            .map(|(service, asked)| item(service, asked.zh, asked.en))
            .collect();
        chapters.push(chapter(
            "附表 一并办理事项（开办套餐）",
            "Sheet: services set up with the registration",
            lines,
        ));
    }
    chapters.push(chapter(
        "申请人承诺",
        "Declaration",
        vec![clause(
            "本申请人和签字人承诺：提交的申请书和其他申请材料真实、合法、有效，复印件与原件一致，并对申请材料的真实性、合法性、有效性承担责任（《市场主体登记管理条例》第十七条）。",
            "The applicant and the signatories declare that this form and every document filed are true, lawful and valid, copies match their originals, and they answer for it (Market Entity Registration Regulation Art 17).",
        )],
    ));
    let capacity = if entity.is_company() {
        Bi::new("法定代表人", "Legal representative")
    } else if entity.is_partnership() {
        Bi::new("合伙人", "Partner")
    } else if entity == EntityType::SoleProprietorship {
        Bi::new("投资人", "Investor")
    } else {
        Bi::new("经营者", "Operator")
    };
    Some(Document {
        id: need.id(),
        kind: DocumentKind::ApplicationForm,
        template: TEMPLATE,
        version: VERSION,
        title: Bi::new(form_zh, form_en),
        preamble: None,
        numbering: Numbering::Paragraphs,
        chapters,
        signatures: signature_lines(app, &need.signers, capacity),
    })
}

/// What is registered: name, type, domicile, capital, scope, term.
fn particulars(app: &Indexed, entity: EntityType) -> Chapter {
    let (address_zh, address_en) = address(app);
    let (scope_zh, scope_en) = scope_text(app);
    let capital = app.capital.registered_fen.unwrap_or(0);
    let capital_label = if entity.is_company() {
        Bi::new("注册资本", "Registered capital")
    } else {
        Bi::new("出资额", "Contributions")
    };
    let place = if entity.is_company() {
        Bi::new("住所", "Domicile")
    } else {
        Bi::new("主要经营场所", "Main place of business")
    };
    let kind = entity.label();
    let mut lines = vec![
        same(Bi::new("名称", "Name"), &app.name.full),
        item(Bi::new("类型", "Type"), kind.zh, kind.en),
        item(place, address_zh, address_en),
        item(
            Bi::new("经营范围", "Business activities"),
            scope_zh,
            scope_en,
        ),
    ];
    if entity != EntityType::IndividualBusiness {
        let term = term(app);
        lines.insert(
            3,
            item(
                capital_label,
                format!("{}万元", format_wan(capital)),
                format!("RMB {} yuan", format_yuan(capital)),
            ),
        );
        lines.push(item(Bi::new("营业期限", "Term"), term.zh, term.en));
    }
    chapter("一、登记事项", "1. Particulars to be registered", lines)
}

fn sheets(app: &Indexed, entity: EntityType) -> Vec<Chapter> {
    let o = &app.officers;
    let investors = app.investors.iter().map(|i| i.person_id.as_str());
    let mut out = Vec::new();
    if entity.is_company() {
        let lr = o.legal_representative_id.iter();
        out.push(people_sheet(
            app,
            ("附表 法定代表人信息", "Sheet: legal representative"),
            Bi::new("法定代表人", "Legal representative"),
            lr,
        ));
        let mut officers = Vec::new();
        for d in &o.directors {
            let capacity = if d.chair {
                Bi::new("董事长", "Chair")
            } else {
                Bi::new("董事", "Director")
            };
            officers.extend(app.person(&d.person_id).map(|p| person_line(&capacity, p)));
        }
        if o.supervision != Supervision::AuditCommittee {
            for s in &o.supervisors {
                let capacity = if s.chair {
                    Bi::new("监事会主席", "Chair of supervisors")
                } else {
                    Bi::new("监事", "Supervisor")
                };
                officers.extend(app.person(&s.person_id).map(|p| person_line(&capacity, p)));
            }
        }
        let manager = o.manager_id.as_deref().and_then(|id| app.person(id));
        officers.extend(manager.map(|p| person_line(&Bi::new("经理", "Manager"), p)));
        out.push(chapter(
            "附表 董事、监事、经理信息",
            "Sheet: directors, supervisors, manager",
            officers,
        ));
        out.push(chapter(
            "附表 股东（发起人）出资情况",
            "Sheet: shareholders' (founders') contributions",
            contributions(app),
        ));
    } else if entity.is_partnership() {
        out.push(chapter(
            "附表 全体合伙人名录及出资情况",
            "Sheet: all partners and their contributions",
            contributions(app),
        ));
        let executing = app
            .executing_partners
            .iter()
            .flat_map(|e| [Some(&e.partner_id), e.delegate_id.as_ref()])
            .flatten();
        out.push(people_sheet(
            app,
            (
                "附表 执行事务合伙人（委派代表）信息",
                "Sheet: executing partner (delegate)",
            ),
            Bi::new("执行事务合伙人（委派代表）", "Executing partner (delegate)"),
            executing,
        ));
    } else if entity == EntityType::SoleProprietorship {
        let mut sheet = people_sheet(
            app,
            ("附表 投资人信息", "Sheet: the investor"),
            Bi::new("投资人", "Investor"),
            investors,
        );
        for investor in &app.investors {
            let form = investor
                .property_form
                .unwrap_or(PropertyForm::Personal)
                .label();
            sheet
                .clauses
                .push(item(Bi::new("出资方式", "Contributes"), form.zh, form.en));
        }
        out.push(sheet);
    } else {
        out.push(people_sheet(
            app,
            ("附表 经营者信息", "Sheet: the operator"),
            Bi::new("经营者", "Operator"),
            investors,
        ));
        let ib = &app.individual_business;
        let form = ib.organisation_form.label();
        let mut sheet = chapter(
            "附表 组成形式",
            "Sheet: how it is run",
            vec![item(Bi::new("组成形式", "Run"), form.zh, form.en)],
        );
        if ib.organisation_form == OrganisationForm::Family {
            let member = Bi::new("参加经营的家庭成员", "Family member taking part");
            sheet
                .clauses
                .extend(people_lines(app, member, &ib.family_member_ids));
        }
        out.push(sheet);
    }
    let contacts = [
        (
            Bi::new("财务负责人", "Finance officer"),
            &app.finance_officer_id,
        ),
        (Bi::new("联络员", "Liaison"), &app.liaison_id),
    ];
    let mut contact_lines = Vec::new();
    for (capacity, id) in contacts {
        contact_lines.extend(
            id.as_deref()
                .and_then(|id| app.person(id))
                .map(|p| person_line(&capacity, p)),
        );
    }
    if !contact_lines.is_empty() {
        let heading = (
            "附表 财务负责人、联络员信息",
            "Sheet: finance officer and liaison",
        );
        out.push(chapter(heading.0, heading.1, contact_lines));
    }
    if entity.is_company() || entity.is_partnership() {
        out.push(beneficial_owners(app));
    }
    out
}

/// Each investor's subscription and contributions, as on the contributions sheet.
fn contributions(app: &Indexed) -> Vec<Bi> {
    let mut out = Vec::new();
    for investor in &app.investors {
        let Some(p) = app.person(&investor.person_id) else {
            continue;
        };
        let parts: Vec<Bi> = investor
            .contributions
            .iter()
            .map(|c| {
                let due = c.due_date.map(|d| d.to_string()).unwrap_or_default();
                let method = c.method.label();
                Bi::owned(
                    format!("{}{}万元（{due}前）", method.zh, format_wan(c.amount_fen)),
                    format!(
                        "{} {} yuan (by {due})",
                        method.en,
                        format_yuan(c.amount_fen)
                    ),
                )
            })
            .collect();
        let zh: Vec<&str> = parts.iter().map(|b| b.zh.as_ref()).collect();
        let en: Vec<&str> = parts.iter().map(|b| b.en.as_ref()).collect();
        out.push(Bi::owned(
            format!(
                "{}（{}：{}）：认缴{}万元；{}",
                p.name,
                p.id_type.label().zh,
                p.id_number,
                format_wan(investor.subscribed_fen),
                zh.join("，")
            ),
            format!(
                "{} ({}: {}): subscribes {} yuan; {}",
                p.name,
                p.id_type.label().en,
                p.id_number,
                format_yuan(investor.subscribed_fen),
                en.join(", ")
            ),
        ));
    }
    out
}

fn beneficial_owners(app: &Indexed) -> Chapter {
    let b = &app.beneficial_owners;
    let lines = if b.exemption_commitment {
        vec![Bi::new(
            "承诺免报：注册资本（出资额）不超过1000万元，股东（合伙人）全部为自然人，且不存在股东（合伙人）以外的自然人实际控制或者享有收益（《受益所有人信息管理办法》第三条）。",
            "Exempt by commitment: capital of at most 10 million yuan, all members natural persons, and no one else controls or benefits (Beneficial Owner Information Measures Art 3).",
        )]
    } else {
        b.owners
            .iter()
            .filter_map(|o| app.person(&o.person_id).map(|p| (o, p)))
            .map(|(o, p)| {
                let basis = o.basis.label();
                let share = o
                    .share_millionths
                    .map(|m| format!("，{}%", m as f64 / 10_000.0))
                    .unwrap_or_default();
                Bi::owned(
                    format!(
                        "{}（{}：{}）：{}{share}",
                        p.name,
                        p.id_type.label().zh,
                        p.id_number,
                        basis.zh
                    ),
                    format!(
                        "{} ({}: {}): {}{}",
                        p.name,
                        p.id_type.label().en,
                        p.id_number,
                        basis.en,
                        share.replace('，', ", ")
                    ),
                )
            })
            .collect()
    };
    chapter("附表 受益所有人信息", "Sheet: beneficial owners", lines)
}
