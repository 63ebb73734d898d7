//! The clauses that say what the applicant chose on the articles-options step, shared by the
//! company articles and the partnership agreement.

use super::document::clause;
use crate::model::{
    Admission, ArticlesOptions, Disputes, Dissolution, ManagerPowers, PartnershipSharing,
    ProfitBasis, TransferRule, Voting,
};
use crate::text::Bi;

/// Notice of the shareholders' meeting and how its members vote (Company Law Arts 64, 65).
pub fn meeting(o: &ArticlesOptions) -> Bi {
    let days = o.notice_days.unwrap_or(15);
    let (zh, en) = match o.voting {
        Voting::ByContribution => (
            "股东会会议由股东按照出资比例行使表决权",
            "Shareholders vote in proportion to their contributions",
        ),
        Voting::OneVoteEach => (
            "股东会会议由股东按照一人一票行使表决权，不按出资比例",
            "Each shareholder has one vote, whatever their contribution",
        ),
    };
    clause(
        format!("召开股东会会议，应当于会议召开{}日前通知全体股东。{zh}（《公司法》第六十四条、第六十五条）。", super::chinese_number(days)),
        format!("A shareholders' meeting is called with {days} days' notice to every shareholder. {en} (Company Law Arts 64, 65)."),
    )
}

/// Selling equity inside and outside the company (Company Law Art 84).
pub fn transfer(o: &ArticlesOptions) -> Bi {
    match o.transfer {
        TransferRule::PreEmption => clause(
            "股东之间可以相互转让其全部或者部分股权。股东向股东以外的人转让股权的，应当将股权转让的数量、价格、支付方式和期限等事项书面通知其他股东，其他股东在同等条件下有优先购买权；其他股东自接到书面通知之日起三十日内未答复的，视为放弃优先购买权（《公司法》第八十四条）。",
            "Shareholders may transfer equity among themselves. A shareholder selling to an outsider notifies the others in writing of the quantity, price and terms; they may buy first on the same terms, and those who do not answer within thirty days waive that right (Company Law Art 84).",
        ),
        TransferRule::OthersConsent => clause(
            "股东之间可以相互转让其全部或者部分股权。股东向股东以外的人转让股权，应当经其他股东过半数同意；经同意转让的股权，在同等条件下，其他股东有优先购买权（《公司法》第八十四条第三款）。",
            "Shareholders may transfer equity among themselves. Selling to an outsider needs the consent of a majority of the other shareholders, who may still buy first on the same terms (Company Law Art 84(3)).",
        ),
    }
}

/// How long a director serves (Company Law Art 70: at most three years).
pub fn director_term(o: &ArticlesOptions) -> (String, String) {
    let years = o.director_term_years.unwrap_or(3);
    (
        format!("董事任期每届{}年", super::chinese_number(years)),
        if years == 1 {
            "Directors serve one year".into()
        } else {
            format!("Directors serve {years} years")
        },
    )
}

/// What the manager may do (Company Law Art 74).
pub fn manager(o: &ArticlesOptions, article: (&str, &str)) -> Bi {
    let (art_zh, art_en) = article;
    match o.manager_powers {
        ManagerPowers::Listed => clause(
            format!("公司设经理，由董事会决定聘任或者解聘，对董事会负责，行使下列职权：主持公司的生产经营管理工作，组织实施董事会决议；组织实施公司年度经营计划和投资方案；拟订公司内部管理机构设置方案和基本管理制度；提请聘任或者解聘公司副经理、财务负责人；董事会授予的其他职权（《公司法》{art_zh}）。"),
            format!("The company has a manager, appointed and dismissed by the board and answerable to it, who runs the business and carries out the board's resolutions, implements the annual business plan and investments, proposes the internal structure and basic rules, proposes deputy managers and the finance officer, and has the other powers the board gives (Company Law {art_en})."),
        ),
        ManagerPowers::BoardAuthorises => clause(
            format!("公司设经理，由董事会决定聘任或者解聘。经理对董事会负责，根据董事会的授权行使职权（《公司法》{art_zh}）。"),
            format!("The company has a manager, appointed and dismissed by the board, answerable to it and acting within the powers the board authorises (Company Law {art_en})."),
        ),
    }
}

/// On what an LLC's profit is shared (Company Law Art 210).
pub fn llc_profit(o: &ArticlesOptions) -> Bi {
    match o.profit {
        ProfitBasis::PaidIn => clause(
            "公司弥补亏损和提取公积金后所余税后利润，按照股东实缴的出资比例分配（《公司法》第二百一十条）。",
            "Profit after tax, once losses are made good and reserves set aside, is distributed in proportion to the contributions shareholders have paid in (Company Law Art 210).",
        ),
        ProfitBasis::Subscribed => clause(
            "经全体股东约定，公司弥补亏损和提取公积金后所余税后利润，按照股东认缴的出资比例分配（《公司法》第二百一十条）。",
            "As all shareholders agree, profit after tax, once losses are made good and reserves set aside, is distributed in proportion to the contributions subscribed (Company Law Art 210).",
        ),
    }
}

/// A company's grounds of dissolution (Company Law Art 229), and who winds it up (Art 232).
pub fn company_dissolution(o: &ArticlesOptions) -> Bi {
    let (zh, en) = match o.dissolution {
        Dissolution::Statutory => ("", ""),
        Dissolution::AlsoTermEnds => ("本章程规定的营业期限届满，股东会未作出使公司存续的决议的，公司解散。", "The company is dissolved when the business term in these articles ends without a shareholders' resolution to continue. "),
    };
    clause(
        format!("{zh}公司因《公司法》第二百二十九条规定的事由解散的，应当由董事组成清算组，在解散事由出现之日起十五日内进行清算（《公司法》第二百三十二条）。"),
        format!("{en}On the grounds of Company Law Art 229 the company is dissolved and wound up by a liquidation group of its directors formed within fifteen days (Art 232)."),
    )
}

/// Sharing a partnership's profit and loss (合伙企业法 Art 33).
pub fn sharing(o: &ArticlesOptions) -> Bi {
    let (zh, en) = match o.sharing {
        PartnershipSharing::ByContribution => (
            "按照实缴出资比例",
            "in proportion to the contributions paid in",
        ),
        PartnershipSharing::Equally => ("平均", "equally"),
    };
    clause(
        format!("合伙企业的利润和亏损，由合伙人{zh}分配、分担；不得将全部利润分配给部分合伙人，也不得由部分合伙人承担全部亏损（《合伙企业法》第三十三条）。"),
        format!("Profit and loss are shared {en}; no partner takes all the profit or bears all the loss (Partnership Law Art 33)."),
    )
}

/// Admitting a new partner (合伙企业法 Art 43) and leaving (Arts 45 to 49).
pub fn admission(o: &ArticlesOptions) -> Bi {
    let (zh, en) = match o.admission {
        Admission::AllPartners => ("经全体合伙人一致同意", "with the consent of all partners"),
        Admission::TwoThirds => (
            "经三分之二以上合伙人同意",
            "with the consent of two thirds of the partners",
        ),
    };
    clause(
        format!("新合伙人入伙，应当{zh}，并依法订立书面入伙协议（《合伙企业法》第四十三条）。合伙人有《合伙企业法》第四十五条至第四十九条规定情形的，可以退伙或者当然退伙、被除名。"),
        format!("A new partner joins {en} and a written joining agreement (Partnership Law Art 43). Partners withdraw, or are withdrawn or expelled, as Arts 45 to 49 provide."),
    )
}

/// Where partners take a dispute they cannot settle.
pub fn disputes(o: &ArticlesOptions) -> Bi {
    let (zh, en) = match o.disputes {
        Disputes::Court => ("向合伙企业主要经营场所所在地人民法院起诉", "before the people's court where the partnership has its main place of business"),
        Disputes::Arbitration => ("提交合伙企业主要经营场所所在地的仲裁委员会仲裁，仲裁裁决是终局的", "by arbitration at the commission where the partnership has its main place of business, whose award is final"),
    };
    clause(
        format!("合伙人履行本协议发生争议的，可以通过协商或者调解解决；不愿通过协商、调解解决或者协商、调解不成的，{zh}。"),
        format!("Disputes over this agreement are settled by negotiation or mediation; failing that, {en}."),
    )
}

/// A partnership's grounds of dissolution (合伙企业法 Art 85) and its liquidators (Art 86).
pub fn partnership_dissolution(o: &ArticlesOptions) -> Bi {
    let (zh, en) = match o.dissolution {
        Dissolution::Statutory => ("", ""),
        Dissolution::AlsoTermEnds => ("本协议约定的合伙期限届满，合伙人决定不再经营的，合伙企业解散。", "The partnership is dissolved when the term in this agreement ends and the partners decide not to go on. "),
    };
    clause(
        format!("{zh}合伙企业有《合伙企业法》第八十五条规定情形之一的，应当解散。合伙企业解散，由全体合伙人担任清算人进行清算（《合伙企业法》第八十六条）。"),
        format!("{en}The partnership is dissolved in the cases of Partnership Law Art 85 and wound up by all partners as liquidators (Art 86)."),
    )
}
