//! The facts of the application as documents state them: the full address, the business
//! scope as registered, each investor's contributions.

use crate::catalog::licence_text;
use crate::model::OperatingTerm;
use crate::money::{format_wan, format_yuan};
use crate::rules::Indexed;
use crate::text::Bi;

/// 贵州省贵阳市观山湖区长岭北路… and "…, Guanshanhu District, Guiyang, Guizhou": the place
/// as filed with the application (its names, not today's data), then the street address.
pub fn address(app: &Indexed) -> (String, String) {
    let place = &app.domicile.place;
    // An address typed with its district ("南明区中华南路…") is not given the district twice.
    let detail = app.domicile.detail.as_str();
    let zh: String = place
        .iter()
        .map(|p| p.zh.as_str())
        .take_while(|name| !detail.starts_with(name))
        .collect();
    let mut en = vec![app.domicile.detail.clone()];
    en.extend(place.iter().rev().map(|p| p.en.clone()));
    (format!("{zh}{}", app.domicile.detail), en.join(", "))
}

/// 长期 or 20年: the term of operation as documents state it.
pub fn term(app: &Indexed) -> Bi {
    match app.operating_term {
        OperatingTerm::LongTerm => Bi::new("长期", "unlimited"),
        OperatingTerm::Years(years) => Bi::owned(format!("{years}年"), format!("{years} years")),
    }
}

/// The scope as the licence prints it, and its items in English: the words filed with the
/// application (checked against the catalogue by the rules), so no catalogue is needed here.
pub fn scope_text(app: &Indexed) -> (String, String) {
    let items = &app.business_scope.items;
    let english: Vec<&str> = items.iter().map(|i| i.en.as_str()).collect();
    (licence_text(items), format!("{}.", english.join("; ")))
}

/// One clause per investor: who they are, what they subscribe, and each part's method,
/// amount and date.
pub fn contribution_clauses(app: &Indexed, title: Bi) -> Vec<Bi> {
    let mut out = Vec::new();
    for investor in &app.investors {
        let Some(person) = app.person(&investor.person_id) else {
            continue;
        };
        let id_type = person.id_type.label();
        let mut zh = format!(
            "{}{}（{}：{}）认缴出资额{}万元",
            title.zh,
            person.name,
            id_type.zh,
            person.id_number,
            format_wan(investor.subscribed_fen)
        );
        let mut en = format!(
            "{} {} ({}: {}) subscribes RMB {} yuan",
            title.en,
            person.name,
            id_type.en,
            person.id_number,
            format_yuan(investor.subscribed_fen)
        );
        let parts: Vec<(String, String)> = investor
            .contributions
            .iter()
            .map(|c| {
                let method = c.method.label();
                let due = c.due_date.map(|d| d.to_string()).unwrap_or_default();
                let due_zh = c
                    .due_date
                    .map(|d| format!("{}年{}月{}日", d.year, d.month, d.day));
                let due_zh = due_zh.unwrap_or_default();
                (
                    format!(
                        "以{}出资{}万元，于{due_zh}前缴足",
                        method.zh,
                        format_wan(c.amount_fen)
                    ),
                    format!(
                        "{} yuan in {}, paid by {due}",
                        format_yuan(c.amount_fen),
                        method.en.to_lowercase()
                    ),
                )
            })
            .collect();
        if !parts.is_empty() {
            let (part_zh, part_en): (Vec<_>, Vec<_>) = parts.into_iter().unzip();
            zh.push_str(&format!("，其中：{}", part_zh.join("；")));
            en.push_str(&format!(": {}", part_en.join("; ")));
        }
        zh.push('。');
        en.push('.');
        out.push(Bi::owned(zh, en));
    }
    out
}
