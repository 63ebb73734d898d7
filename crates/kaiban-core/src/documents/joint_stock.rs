//! 公司章程 of a joint-stock company: every item of Company Law Art 95, on the law's
//! defaults.

use super::articles::legal_representative;
use super::document::{articles_title, chapter, clause, signature_lines, Document};
use super::facts::{address, scope_text, term};
use super::options;
use super::DocumentKind;
use crate::model::{EstablishmentMethod, Supervision};
use crate::money::{format_wan, format_yuan, format_yuan_plain};
use crate::rules::Indexed;
use crate::text::Bi;

pub const TEMPLATE: &str = "jsc-articles";
pub const VERSION: u32 = 2;

pub fn jsc_articles(app: &Indexed, signers: &[String]) -> Document {
    let name = &app.name.full;
    let (address_zh, address_en) = address(app);
    let (scope_zh, scope_en) = scope_text(app);
    let capital = &app.capital;
    let registered = capital.registered_fen.unwrap_or(0);
    let shares = capital.total_shares.unwrap_or(0);
    let par = format_yuan_plain(capital.par_value_fen.unwrap_or(0));
    let term = term(app);
    let general = vec![
        clause(
            "为规范公司的组织和行为，保护公司、股东、职工和债权人的合法权益，根据《中华人民共和国公司法》（以下简称《公司法》）和有关法律、行政法规的规定，制定本章程。",
            "These articles are made under the Company Law of the PRC (the Company Law) to govern the company's organisation and conduct and protect the lawful rights of the company, its shareholders, employees and creditors.",
        ),
        clause(format!("公司名称：{name}。"), format!("The company's name is {name}.")),
        clause(format!("公司住所：{address_zh}。"), format!("The company's domicile is {address_en}.")),
        clause(
            format!("公司是股份有限公司，股东以其认购的股份为限对公司承担责任，公司以其全部财产对公司的债务承担责任。公司营业期限为{}。", term.zh),
            format!("The company is a joint-stock company: shareholders are liable up to the shares they subscribe and the company with all its assets. Its term of operation is {}.", term.en),
        ),
    ];
    let scope = vec![clause(
        format!("公司的经营范围：{scope_zh}以登记机关登记的为准。"),
        format!("The company's business activities: {scope_en} As registered by the registration authority."),
    )];
    let method = match capital.establishment_method {
        EstablishmentMethod::Promotion => Bi::new(
            "发起设立",
            "by promotion: the founders take all shares issued at establishment",
        ),
        EstablishmentMethod::PublicSubscription => Bi::new(
            "募集设立",
            "by public subscription of the shares the founders do not take",
        ),
    };
    let share_capital = vec![
        clause(format!("公司的设立方式为{}。", method.zh), format!("The company is established {}.", method.en)),
        clause(
            format!("公司注册资本为人民币{}万元。公司设立时发行的股份总数为{shares}股，已发行的股份数为{shares}股，均为面额股，每股金额为人民币{par}元。", format_wan(registered)),
            format!("Registered capital: RMB {} yuan. At establishment the company issues {shares} shares, all of them issued, with a par value of RMB {par} yuan each.", format_yuan(registered)),
        ),
        clause("公司的股份均为普通股，不发行类别股。", "All shares are ordinary shares; the company issues no class shares."),
    ];
    let mut founders = Vec::new();
    for investor in &app.investors {
        let Some(p) = app.person(&investor.person_id) else {
            continue;
        };
        let methods: Vec<Bi> = investor
            .contributions
            .iter()
            .map(|c| c.method.label())
            .collect();
        let zh: Vec<&str> = methods.iter().map(|m| m.zh.as_ref()).collect();
        let en: Vec<String> = methods.iter().map(|m| m.en.to_lowercase()).collect();
        let taken = investor.shares.unwrap_or(0);
        founders.push(clause(
            format!(
                "发起人{}（{}：{}）认购股份{taken}股，出资方式为{}，出资额人民币{}万元。",
                p.name,
                p.id_type.label().zh,
                p.id_number,
                zh.join("、"),
                format_wan(investor.subscribed_fen)
            ),
            format!(
                "Founder {} ({}: {}) takes {taken} shares, paying RMB {} yuan in {}.",
                p.name,
                p.id_type.label().en,
                p.id_number,
                format_yuan(investor.subscribed_fen),
                en.join(" and ")
            ),
        ));
    }
    founders.push(clause(
        "发起人应当在公司成立前按照其认购的股份全额缴纳股款（《公司法》第九十八条）。",
        "Founders pay in full for the shares they take before the company is established (Company Law Art 98).",
    ));
    let meeting = vec![
        clause(
            "股东会由全体股东组成，是公司的权力机构，依照《公司法》第一百一十二条行使职权。股东会应当每年召开一次年会。",
            "The shareholders' meeting consists of all shareholders, is the company's highest organ with the powers of Company Law Art 112, and meets once a year.",
        ),
        clause(
            "召开股东会会议，应当将会议召开的时间、地点和审议的事项于会议召开二十日前通知各股东；临时股东会会议应当于会议召开十五日前通知各股东（《公司法》第一百一十五条）。股东所持每一股份有一表决权。",
            "Shareholders are told the time, place and business of a meeting twenty days ahead, fifteen for an extraordinary one (Company Law Art 115). Each share carries one vote.",
        ),
        clause(
            "股东会作出决议，应当经出席会议的股东所持表决权过半数通过；作出修改公司章程、增加或者减少注册资本的决议，以及公司合并、分立、解散或者变更公司形式的决议，应当经出席会议的股东所持表决权的三分之二以上通过（《公司法》第一百一十六条）。",
            "Resolutions need more than half of the votes present; amending the articles, changing the capital, merging, dividing, dissolving or converting the company need two thirds (Company Law Art 116).",
        ),
    ];
    let directors = app.officers.directors.len();
    let term = options::director_term(&app.articles);
    let board = vec![
        clause(
            format!("公司设董事会，成员为{directors}人，由股东会选举产生；{}，任期届满，连选可以连任。董事会设董事长一人，由董事会以全体董事的过半数选举产生（《公司法》第一百二十条、第一百二十二条）。", term.0),
            format!("The company has a board of {directors} directors elected by the shareholders. {}, and may be re-elected; the board elects its chair by a majority of all directors (Company Law Arts 120, 122).", term.1),
        ),
        clause(
            "董事会依照《公司法》第六十七条、第一百二十条行使职权。董事会会议应当有过半数的董事出席方可举行；董事会作出决议，应当经全体董事的过半数通过，表决实行一人一票（《公司法》第一百二十四条）。",
            "The board has the powers of Company Law Arts 67 and 120, meets with more than half of the directors present and resolves by a majority of all directors, one vote each (Art 124).",
        ),
        options::manager(&app.articles, ("第一百二十六条", "Art 126")),
    ];
    let supervisors = app.officers.supervisors.len();
    let supervision = vec![match app.officers.supervision {
        Supervision::AuditCommittee => clause(
            "公司在董事会中设置由董事组成的审计委员会，行使《公司法》规定的监事会的职权，不设监事会或者监事（《公司法》第一百二十一条）。",
            "The board has an audit committee of directors with the supervisory board's powers; the company has no supervisors (Company Law Art 121).",
        ),
        Supervision::Board => clause(
            format!("公司设监事会，成员为{supervisors}人，其中职工代表的比例不低于三分之一；监事任期每届三年，连选可以连任。监事会依照《公司法》第一百三十一条行使职权，监事会决议应当经全体监事的过半数通过（《公司法》第一百三十条、第一百三十二条）。"),
            format!("The company has a supervisory board of {supervisors}, at least a third employee representatives, serving three years and re-eligible, with the powers of Company Law Art 131, resolving by a majority of all supervisors (Arts 130, 132)."),
        ),
        _ => clause(
            "公司规模较小，不设监事会，设监事一人，行使《公司法》规定的监事会的职权；监事任期每届三年，连选可以连任（《公司法》第一百三十三条）。",
            "As a small company it has no supervisory board but one supervisor with its powers, serving three years and re-eligible (Company Law Art 133).",
        ),
    }];
    let profit = vec![clause(
        "公司弥补亏损和提取公积金后所余税后利润，按照股东所持有的股份比例分配（《公司法》第二百一十条）。",
        "Profit after tax, once losses are made good and reserves set aside, is distributed in proportion to the shares held (Company Law Art 210).",
    )];
    let dissolution = vec![options::company_dissolution(&app.articles)];
    let notices = vec![clause(
        "公司的通知以专人送达、邮寄或者电子邮件等书面方式发出。公司依法需要公告的事项，通过国家企业信用信息公示系统公告。",
        "The company gives notice in writing: by hand, post or email. What the law requires it to announce, it announces through the National Enterprise Credit Information Publicity System.",
    )];
    let other = vec![clause(
        "本章程经全体发起人签名或者盖章后生效。本章程未规定的事项，依照《公司法》和有关法律、行政法规的规定执行；股东会认为需要规定的其他事项，由股东会决议修改本章程作出规定。",
        "These articles take effect once every founder has signed or sealed them. What they do not cover follows the Company Law; other matters the shareholders want to regulate are added by amending these articles.",
    )];
    let chapters = vec![
        chapter("第一章 总则", "Chapter 1 General provisions", general),
        chapter("第二章 经营范围", "Chapter 2 Business activities", scope),
        chapter(
            "第三章 设立方式、股份和注册资本",
            "Chapter 3 Establishment, shares and capital",
            share_capital,
        ),
        chapter("第四章 发起人", "Chapter 4 The founders", founders),
        chapter(
            "第五章 股东会",
            "Chapter 5 The shareholders' meeting",
            meeting,
        ),
        chapter(
            "第六章 董事会和经理",
            "Chapter 6 The board and the manager",
            board,
        ),
        chapter("第七章 监事会", "Chapter 7 Supervision", supervision),
        chapter(
            "第八章 法定代表人的产生、变更办法",
            "Chapter 8 How the legal representative is chosen and changed",
            legal_representative(app, false),
        ),
        chapter(
            "第九章 利润分配办法",
            "Chapter 9 Distribution of profit",
            profit,
        ),
        chapter(
            "第十章 解散事由与清算办法",
            "Chapter 10 Dissolution and liquidation",
            dissolution,
        ),
        chapter(
            "第十一章 通知和公告办法",
            "Chapter 11 Notices and announcements",
            notices,
        ),
        chapter("第十二章 附则", "Chapter 12 Final provisions", other),
    ];
    Document::founding(
        (DocumentKind::Articles, TEMPLATE, VERSION),
        articles_title(name),
        chapters,
        signature_lines(app, signers, Bi::new("发起人", "Founder")),
    )
}
