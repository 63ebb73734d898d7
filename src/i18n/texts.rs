use super::Locale;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text { $($key,)* }

        impl Text {
            pub fn get(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $((Text::$key, Locale::Zh) => $zh, (Text::$key, Locale::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    ServiceName => "企业开办", "Start a business";
    ServiceArea => "贵阳国家高新技术产业开发区 · 全程电子化", "Guiyang National Hi-tech Zone · fully online";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "Switch to English", "切换为中文";
    SkipToContent => "跳到主要内容", "Skip to main content";
    StartTitle => "在线开办企业", "Register a new business online";
    StartLead => "在这里填写企业设立登记申请，系统会边填边检查，所有签名人在线签名后一次提交。",
        "Fill in the application to register a new business here: it is checked as you type, signed online by everyone who must sign, and submitted in one go.";
    StartNeedTitle => "开始前请准备", "Before you start";
    StartNeed => "您需要准备所有股东、董事、监事、经理等人员的身份证件，住所使用证明（房产证明或租赁合同）或作出住所申报承诺；材料齐全时一般约 30 分钟可以填完，资料齐全、符合规定的申请可当场或 1 个工作日内办结。",
        "You will need the identity documents of every shareholder, director, supervisor and manager, and proof that you may use the premises (title deed or lease) or a declaration instead. With everything at hand it takes about 30 minutes; complete, compliant applications are decided on the spot or within one working day.";
    StartSaveNote => "填写内容自动保存在本设备上，可以随时离开、稍后继续，断网时也能继续填写。",
        "Your answers are saved on this device as you go: you can leave and come back, even without a connection.";
    StartButton => "开始申请", "Start now";
    Back => "返回", "Back";
    Continue => "继续", "Continue";
    StepOf => "步骤", "Step";
    StepsNav => "申请步骤", "Application steps";
    StepStatusDone => "已完成", "Completed";
    StepStatusCurrent => "当前步骤", "Current step";
    StepEntityType => "企业类型", "Type of business";
    StepName => "企业名称", "Business name";
    StepDomicile => "住所", "Registered address";
    StepScope => "经营范围", "Business activities";
    StepCapital => "注册资本与出资", "Capital and contributions";
    StepInvestors => "投资人", "Owners";
    StepOfficers => "组织机构", "Officers";
    StepPartnership => "执行事务合伙人", "Executing partner";
    StepContacts => "财务负责人与联络员", "Finance officer and liaison";
    StepBeneficialOwners => "受益所有人", "Beneficial owners";
    StepAttachments => "附件材料", "Documents";
    StepDelivery => "营业执照领取", "Licence delivery";
    StepReview => "核对信息", "Check your answers";
    StepDeclaration => "承诺", "Declaration";
    StepSigning => "签名与提交", "Sign and submit";
    StepReceipt => "申请回执", "Receipt";
    StepSignRequest => "签名请求", "Request to sign";
    StepCase => "办理进度查询", "Case progress";
    EntityTypeQuestion => "您要设立哪种类型的企业？", "What type of business are you setting up?";
    EntityTypeHint => "类型决定需要填写的内容和适用的法律规则，之后仍可更改。", "The type decides what you need to fill in and which rules apply. You can change it later.";
    EntityTypeRequired => "请选择要设立的企业类型", "Choose the type of business to set up";
    ErrorSummaryTitle => "请先更正以下问题", "There is a problem";
    FooterNote => "开办 Kaiban · 数据仅保存在您的设备上，直到您签名提交", "Kaiban · your data stays on this device until you sign and submit";
    Loading => "正在载入…", "Loading…";
    DraftsTitle => "我的申请草稿", "Your saved applications";
    DraftsLink => "我的草稿", "Saved applications";
    SaveIdle => "尚未填写", "Nothing entered yet";
    SavePending => "有未保存的修改", "Unsaved changes";
    Saving => "正在保存…", "Saving…";
    Saved => "已保存在本设备", "Saved on this device";
    NotSaved => "未保存", "Not saved";
    Online => "在线", "Online";
    Offline => "离线：可以继续填写，内容保存在本设备", "Offline: keep going, everything is saved on this device";
    StaleTitle => "此草稿已在另一个标签页中更新", "This draft was updated in another tab";
    StaleBody => "为避免相互覆盖，本页面暂停保存。", "To avoid overwriting each other, this tab has stopped saving.";
    StaleReload => "载入最新内容", "Load the latest version";
    StaleReadOnly => "在此页只读查看", "Keep viewing here, read-only";
    ReadOnlyBanner => "只读模式：本页面的修改不会被保存。", "Read-only: changes in this tab are not saved.";
    SetAsideNotice => "有一份草稿无法读取，已单独保存（未删除），其他草稿不受影响。", "One draft could not be read. It has been set aside (not deleted); your other drafts are unaffected.";
    UpdateReady => "新版本已就绪", "A new version is ready";
    UpdateReload => "立即更新", "Update now";
}
