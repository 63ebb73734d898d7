//! What each choice the applicant makes is called, in the order it is offered: the radio
//! groups and selects of the wizard, and (later) the documents that name them.

use super::*;
use crate::ids::IdType;
use crate::key::Choice;
use crate::text::Bi;

/// A `Choice` whose values, labels and hints are listed once, one value a line.
macro_rules! choice {
    (@hint) => { None };
    (@hint $zh:literal, $en:literal) => { Some(Bi::new($zh, $en)) };
    ($type:ty { $($value:ident => $zh:literal, $en:literal $(; $hint_zh:literal, $hint_en:literal)?;)* }) => {
        impl Choice for $type {
            fn all() -> &'static [Self] {
                &[$(<$type>::$value),*]
            }
            fn label(self) -> Bi {
                match self { $(<$type>::$value => Bi::new($zh, $en),)* }
            }
            fn hint(self) -> Option<Bi> {
                match self { $(<$type>::$value => choice!(@hint $($hint_zh, $hint_en)?),)* }
            }
        }
    };
}

choice!(OrgCategory {
    Ordinary => "一般企业或组织", "Ordinary business or organisation";
    StateOwnedSoleFunded => "国有独资公司", "State-owned sole-funded company";
    StateOwned => "国有企业", "State-owned enterprise";
    Listed => "上市公司", "Listed company";
    PublicWelfare => "公益性事业单位、社会团体", "Public-welfare institution or social organisation";
});

choice!(OwnershipBasis {
    Ownership => "直接或间接拥有25%以上股权（合伙权益）", "Owns 25% or more, directly or indirectly";
    IncomeOrVoting => "享有25%以上收益权或表决权", "Has 25% or more of income or voting rights";
    Control => "单独或联合实施实际控制", "Controls it alone or jointly";
    SeniorManager => "无上述人员时的高级管理人员", "Senior manager, when nobody above qualifies";
});

choice!(BoardMode {
    Board => "设董事会", "A board of directors"; "三名以上董事，设董事长一人", "Three or more directors, one of them chair";
    SingleDirector => "不设董事会，设一名董事", "A single director"; "规模较小或者股东人数较少的公司可以选择", "For small companies or few shareholders";
});

choice!(Supervision {
    Single => "设一名监事", "A single supervisor";
    Board => "设监事会", "A supervisory board"; "三人以上，职工代表不少于三分之一", "Three or more, at least a third employee representatives";
    AuditCommittee => "在董事会中设审计委员会，不设监事", "An audit committee of the board instead";
    None => "不设监事", "No supervisor"; "须经全体股东一致同意", "Needs the consent of all shareholders";
});

choice!(PartnerKind {
    General => "普通合伙人", "General partner"; "对合伙企业债务承担无限连带责任", "Unlimited joint liability";
    Limited => "有限合伙人", "Limited partner"; "以认缴出资额为限承担责任，不执行合伙事务", "Liable up to the contribution; does not run the partnership";
});

choice!(PropertyForm {
    Personal => "以个人财产出资", "Personal property";
    Family => "以家庭共有财产出资", "Family property"; "以家庭共有财产对企业债务承担无限责任", "The family's common property answers for the debts";
});

choice!(OrganisationForm {
    Personal => "个人经营", "Run by one person";
    Family => "家庭经营", "Run by a family"; "以家庭共有财产承担责任", "The family's common property answers for the debts";
});

choice!(DomicileProof {
    Declaration => "住所申报承诺", "Declare the address"; "承诺住所真实、合法、可以使用，无需上传证明", "Promise the premises are real, lawful and usable; nothing to upload";
    Document => "上传住所使用证明", "Upload proof of the premises"; "房产证明或租赁合同，在“附件材料”步骤上传", "Title deed or lease, uploaded on the Documents step";
});

choice!(EstablishmentMethod {
    Promotion => "发起设立", "By promotion"; "发起人认购设立时应发行的全部股份", "The founders take all shares issued at establishment";
    PublicSubscription => "募集设立", "By public subscription"; "发起人认购不少于35%，其余向社会公开募集", "Founders take at least 35%; the rest is offered publicly";
});

choice!(DeliveryMethod {
    ElectronicOnly => "只领取电子营业执照", "Electronic licence only"; "核准后在“电子营业执照”小程序下载，与纸质执照具有同等法律效力", "Download it from the e-licence app once approved; it has the same legal effect as paper";
    ServiceHall => "到政务服务大厅领取纸质执照", "Collect the paper licence at the service hall";
    Post => "邮寄送达（e邮快达，免费）", "By post (free)"; "纸质执照免费寄到您指定的地址", "The paper licence is posted free to the address you give";
});

choice!(Voting {
    ByContribution => "按出资比例行使表决权", "In proportion to contributions"; "《公司法》的默认规则，多数公司采用", "The Company Law's default; most companies keep it";
    OneVoteEach => "每名股东一票", "One vote per shareholder"; "不论出资多少，每人表决权相同", "Every shareholder has the same say, whatever they invest";
});

choice!(ProfitBasis {
    PaidIn => "按实缴出资比例分配利润", "In proportion to what each has paid in"; "《公司法》的默认规则", "The Company Law's default";
    Subscribed => "按认缴出资比例分配利润", "In proportion to what each has subscribed"; "尚未缴足出资的股东也按认缴比例分红，须全体股东约定", "Shareholders who have not yet paid in share by subscription; needs everyone's agreement";
});

choice!(TransferRule {
    PreEmption => "对外转让通知其他股东，其他股东有优先购买权", "Sales to outsiders are notified; the others may buy first"; "《公司法》第八十四条的默认规则", "Company Law Art 84's default";
    OthersConsent => "对外转让须经其他股东过半数同意", "Sales to outsiders need the consent of most other shareholders"; "更封闭：防止陌生人成为股东", "Closer: keeps strangers out";
});

choice!(ManagerPowers {
    Listed => "章程列明经理职权", "The articles list the manager's powers"; "主持生产经营、组织实施董事会决议、拟订内部管理机构方案等", "Runs the business, carries out board resolutions, proposes the internal structure …";
    BoardAuthorises => "经理职权由董事会授权", "The board authorises the manager case by case"; "董事会可以随时调整经理的权限", "The board can change the manager's powers at any time";
});

choice!(Dissolution {
    Statutory => "仅限法定解散事由", "Only the statute's grounds"; "如决议解散、依法被吊销营业执照等，始终适用", "Such as a resolution to dissolve or a revoked licence; these always apply";
    AlsoTermEnds => "营业期限届满且未决议延续的，解散", "Also when the business term ends without a decision to continue";
});

choice!(PartnershipSharing {
    ByContribution => "按实缴出资比例分配利润、分担亏损", "Profit and loss in proportion to contributions paid in"; "《合伙企业法》第三十三条的默认规则", "The Partnership Law's default (Art 33)";
    Equally => "由合伙人平均分配、分担", "Shared equally among the partners";
});

choice!(Admission {
    AllPartners => "新合伙人入伙须经全体合伙人一致同意", "A new partner joins only if every partner agrees"; "《合伙企业法》第四十三条的默认规则", "The Partnership Law's default (Art 43)";
    TwoThirds => "新合伙人入伙须经三分之二以上合伙人同意", "A new partner joins with the consent of two thirds of the partners";
});

choice!(Disputes {
    Court => "向合伙企业住所地人民法院起诉", "Sue in the court where the partnership is domiciled";
    Arbitration => "提交合伙企业住所地仲裁委员会仲裁", "Refer to the arbitration commission where the partnership is domiciled"; "仲裁一裁终局，不公开进行", "Arbitration is final and held in private";
});

// The bundle (crate::bundle): what the agencies are asked for.
use crate::bundle::{
    AccountingStandard, InvoiceKind, SealDelivery, SealKind, SealMaterial, TaxpayerKind, TimeSlot,
};

choice!(SealKind {
    Official => "公章", "Official seal";
    Finance => "财务专用章", "Finance seal";
    Invoice => "发票专用章", "Invoice seal"; "开具发票时使用，须同时办理税务登记", "Used on invoices: needs the tax registration too";
    Contract => "合同专用章", "Contract seal";
    LegalRepresentative => "法定代表人名章", "Legal representative's name seal";
});

choice!(SealMaterial {
    Photosensitive => "光敏印章", "Photosensitive";
    SelfInking => "原子印章（回墨）", "Self-inking";
    Copper => "铜质印章", "Copper";
});

choice!(SealDelivery {
    WithLicence => "与营业执照一并领取或寄递", "With the licence, as it is delivered";
    PickUp => "到刻章企业自取", "Collect at the engraver";
});

choice!(TaxpayerKind {
    SmallScale => "小规模纳税人", "Small-scale taxpayer"; "年应税销售额500万元以下，按简易办法计税", "Annual taxable sales up to 5 million yuan; simplified VAT";
    General => "一般纳税人", "General taxpayer"; "会计核算健全、能提供准确税务资料；可抵扣进项税额", "Sound accounts and accurate tax data; input VAT deductible";
});

choice!(InvoiceKind {
    DigitalOrdinary => "数电发票（普通发票）", "Digital invoice (ordinary)"; "按税务机关核定的开票额度开具", "Within the invoicing quota the tax office sets";
    DigitalSpecial => "数电发票（增值税专用发票）", "Digital invoice (special VAT)";
});

choice!(AccountingStandard {
    SmallEnterprise => "小企业会计准则", "Accounting Standards for Small Enterprises";
    Enterprise => "企业会计准则", "Accounting Standards for Business Enterprises";
});

choice!(TimeSlot {
    Morning => "上午 9:00–12:00", "Morning 9:00–12:00";
    Afternoon => "下午 14:00–17:00", "Afternoon 14:00–17:00";
});

/// The enums that already list their values and labels themselves.
macro_rules! listed_choice {
    ($($type:ty),*) => {$(
        impl Choice for $type {
            fn all() -> &'static [Self] {
                &<$type>::ALL
            }
            fn label(self) -> Bi {
                <$type>::label(self)
            }
        }
    )*};
}

listed_choice!(IdType, EntityType, ContributionMethod);
