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

        impl From<Text> for kaiban_core::text::Bi {
            fn from(text: Text) -> Self {
                kaiban_core::text::Bi::new(text.get(Locale::Zh), text.get(Locale::En))
            }
        }
    };
}

texts! {
    ServiceName => "企业开办", "Start a business";
    FullyOnline => "全程电子化", "fully online";
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
    StepBundle => "开办套餐", "Seals, tax, insurance, bank";
    BundleLead => "登记的同时，可以一并办理以下事项，无需再到各部门重复填写：所需信息取自您已填写的内容。每一项都可以不选。",
        "With the registration you can set up the following too, without filling in the same details again for each office: what they need is taken from what you have entered. Each is optional.";
    BundleEmployeesHint => "员工参保和住房公积金登记都使用这里的人数和月份。",
        "Social insurance and the housing fund both use the number and the month given here.";
    StepArticles => "章程（协议）约定", "What the articles say";
    StepDelivery => "营业执照领取", "Licence delivery";
    ReceiptManualReview => "您使用了自备章程（协议），登记机关将人工审查，办理时间可能比通常更长。", "You filed articles (an agreement) of your own: the registry reviews them by hand, which may take longer than usual.";
    SignReviewRegion => "申请内容", "The application";
    NoDocumentToSign => "没有需要您单独签署的文件；您的签名确认以下申请内容。", "There is no separate document for you to sign: your signature confirms the application below.";
    StepDocuments => "申请文件", "The filing's documents";
    DocumentsLead => "以下文件由系统根据您的填写生成，签名即确认文件内容。中文文本为准，英文为阅读辅助译文。", "These documents are generated from your answers; signing confirms them. The Chinese text is authoritative; the English is a reading aid.";
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
    StorageNearlyFull => "本设备为本网站保留的存储空间快用完了。请在“我的草稿”中导出重要草稿，并删除不需要的草稿和附件。",
        "This device's storage for this site is nearly full. Export the drafts you need from Saved applications, and delete drafts or documents you no longer need.";
    EmbeddedStorageBlocked => "此浏览器不允许嵌入在其他网站中的页面保存数据，您填写的内容将无法自动保存。请在新窗口中打开本服务继续填写。",
        "This browser does not let pages embedded in another site store data, so your answers cannot be saved here. Open the service in a new window to continue.";
    StorageCleared => "浏览器清除了本网站保存的数据。当前申请已从本页面重新保存，没有丢失；其他草稿可能已被清除。建议在“我的草稿”中导出备份。",
        "The browser cleared this site's stored data. This application was saved again from this page and nothing in it is lost; other drafts may be gone. Export a copy from Saved applications.";
    AttachmentsLead => "可上传 PDF、JPG、PNG 或 WebP 文件，每个不超过 20 MB。通过政务数据共享能够获取的身份证件等材料无需上传。",
        "Upload PDF, JPG, PNG or WebP files of up to 20 MB each. Documents the government can obtain through data sharing, such as ID cards, are not needed.";
    ArticlesLead => "法律允许章程（合伙协议）自行约定的事项。默认采用常见的章程范本，多数企业无需修改；每一项都会写进全体股东（合伙人）签署的文件。", "What the law leaves to the articles (the partnership agreement). The defaults are the common model articles, which most businesses keep; each choice is written into the document every shareholder (partner) signs.";
    ArticlesOwn => "使用自备章程（协议），不使用系统生成的文本", "Use articles (an agreement) of our own instead of the generated text";
    ArticlesOwnHint => "须在“附件材料”步骤上传经全体股东（合伙人）签署的文本；登记机关人工审查，办理时间可能较长", "Upload the text every shareholder (partner) has signed on the Documents step; the registry reviews it by hand, which may take longer";
    ArticlesMeeting => "股东会", "Shareholders' meeting";
    ArticlesOrgans => "董事和经理", "Directors and manager";
    ArticlesPartners => "合伙人之间", "Among the partners";
    BeneficialLead => "受益所有人是最终拥有、实际控制企业或者享有企业最终收益的自然人（《受益所有人信息管理办法》）。",
        "Beneficial owners are the natural persons who ultimately own, control or benefit from the business (Beneficial Owner Information Measures).";
    BeneficialExemptionCommitment => "承诺免报：注册资本（出资额）不超过1000万元，股东（合伙人）全部为自然人，且不存在股东以外的自然人实际控制或享有收益",
        "Commit instead of filing: capital of at most 10 million yuan, all members are natural persons, and no one else controls or benefits";
    CapitalLead => "金额以万元为单位，精确到分。各出资人认缴出资额合计必须等于注册资本。",
        "Amounts are in 万元 (10,000 yuan), exact to the fen. The holders' subscriptions must add up to the capital exactly.";
    CapitalPayInDeadline => "全体股东认缴的出资额应当自公司成立之日起五年内缴足：出资日期最晚为 ",
        "Shareholders must pay in full within five years of establishment: the latest payment date is ";
    CaseProgressNoSuchCase => "找不到这个案件：回执编号或查询令牌不正确。请使用回执上的二维码或链接。",
        "No case was found: the receipt number or the lookup token is wrong. Use the QR code or link on the receipt.";
    CaseProgressCorrectAndResubmit => "请按上述原因修改后重新签名提交：修改会使原签名作废。",
        "Correct the points above, then sign and submit again; changing the application voids the earlier signatures.";
    ContactsLead => "财务负责人信息同步用于税务登记；登记联络员负责与登记机关联系，二人均须使用本人实名手机号。",
        "The finance officer's details go to tax registration; the liaison is the registrar's contact. Both need their own real-name mobile.";
    DeclarationTruthful => "本人承诺所提交的申请材料真实、合法、有效，复印件与原件一致，并对其真实性承担法律责任。",
        "I declare that the application is true, lawful and valid, that copies match the originals, and that I bear legal responsibility for it.";
    DomicileLead => "住所是企业的主要办事机构所在地，一个企业只能登记一个住所（《公司法》第八条）。",
        "The registered address is where the business is run from; a business registers exactly one (Company Law, Art 8).";
    DomicileAddressDeclaration => "本人承诺：所填住所真实、合法，企业取得了该住所的使用权，如有不实愿承担法律责任。",
        "I declare that the address is real and lawful and that the business has the right to use it; I accept legal responsibility if this is untrue.";
    PlaceSearch => "搜索地名", "Search for a place";
    PlaceSearchHint => "输入汉字或拼音首字母，例如“观山湖”或“gsh”；选定区县后也可搜索乡镇（街道）", "Type Chinese characters or pinyin initials, e.g. 观山湖 or gsh; once a district is chosen, its townships too";
    PlaceIndexFailed => "行政区划数据未能加载，请检查网络连接后重试（草稿已保存）。", "The list of places could not be loaded. Check the connection and try again (your draft is saved).";
    PlaceTownshipsFailed => "乡镇（街道）列表未能加载，请检查网络连接后重试（草稿已保存）。", "The townships could not be loaded. Check the connection and try again (your draft is saved).";
    Retry => "重新加载", "Try again";
    CatalogueLoading => "正在加载经营范围目录……", "Loading the business-scope catalogue…";
    CatalogueUnreachable => "经营范围目录未能加载，请检查网络连接后重试（草稿已保存）。", "The business-scope catalogue could not be loaded. Check the connection and try again (your draft is saved).";
    CatalogueNotTheConfiguredFile => "收到的经营范围目录与本平台配置的文件不一致（校验值不符），未予使用。请稍后重试；如仍出现，请联系登记机关（草稿已保存）。",
        "The business-scope catalogue received is not the file this service is configured with (its checksum differs), so it was not used. Try again later; if it persists, contact the registration authority (your draft is saved).";
    DraftsPageWhereDraftsAreKept => "草稿只保存在本设备的本浏览器中。在门户网站内嵌使用时，草稿只在该网站内可见；换设备请先导出。",
        "Drafts are kept in this browser on this device only. Inside a portal they are visible on that portal only; export a draft to move it to another device.";
    NameLead => "名称实行自主申报：系统会按《企业名称登记管理规定》逐项检查，最终以登记机关审查为准。",
        "Names are self-declared: each part is checked against the Enterprise Name Registration Provisions as you type; the registrar has the final word.";
    NameSelfDeclaration => "本人承诺：申报的企业名称不侵犯他人合法权益；如登记机关认定名称不适宜，同意依法变更。",
        "I declare that this name infringes no one's rights, and that I will change it if the registrar finds it unsuitable.";
    OfficersLead => "法定代表人由代表公司执行公司事务的董事或者经理担任（《公司法》第十条）。董事、高级管理人员不得兼任监事。",
        "The legal representative is a director who executes the company's affairs, or the manager (Company Law, Art 10). Directors and senior managers may not be supervisors.";
    PartnershipLead => "执行事务合伙人对外代表合伙企业。有限合伙企业由普通合伙人执行合伙事务；执行事务合伙人是单位的，须委派一名自然人代表。",
        "Executing partners act for the partnership. In a limited partnership only general partners do; an organisation names a natural person as its delegate.";
    ReceiptWhatHappensNext => "登记机关对申请材料进行形式审查。材料齐全、符合法定形式的，承诺1个工作日内核准发照；需要补正的，会在这里显示原因。请保存回执编号，用于查询办理进度。",
        "The registrar checks the application. If it is complete and in order, the licence is promised within one working day; if something needs correcting, the reasons appear here. Keep the receipt number to follow the case.";
    ReceiptQrCodeNote => "用另一台设备扫描二维码可随时查看办理进度；二维码含查询令牌，请勿公开。",
        "Scan the QR code with another device to follow the case there; it holds the lookup token, so do not share it publicly.";
    ScopeLead => "请从经营范围规范表述目录中选择。第一项为主营项目，决定名称中的行业表述；许可项目须取得批准后方可经营。",
        "Choose from the standard catalogue. The first item is the main business and should match the industry in the name; licensed items need a permit before you operate them.";
    SignRequestSignatureFileSaved => "签名文件已下载。请把它发回给申请人，由申请人导入。",
        "The signature file has been downloaded. Send it back to the applicant, who imports it.";
    DeclarationLead => "提交前请确认以下承诺。确认后进入签名：须签名的人员在本设备签名，或通过您发给本人的签名链接或签名请求文件签名。",
        "Confirm the declarations below. Then everyone who must sign does so: here on this device, or through a signing link or request file you send them.";
    LicenceNotVerified => "签名未能核验，请勿使用此执照，并联系登记机关。",
        "The signature could not be verified: do not rely on this licence, and contact the registration authority.";
    LicenceUnchecked => "暂时无法核验签名：无法取得登记机关的公钥。请联网后刷新本页。",
        "The signature cannot be checked now: the registration authority's keys cannot be fetched. Refresh this page when online.";
    StepLicence => "电子营业执照", "E-licence";
    StepSignLink => "在线签名", "Sign online";
    RoundLead => "不在本设备的签名人，可以用各自的链接在自己的手机或电脑上阅读并签名。本系统不会发送短信或通知：请您把每人的链接（复制或二维码）发给本人。本页面每隔几秒自动更新各人的签名状态。",
        "Signers who are not at this device can read and sign on their own phone or computer through a link of their own. This service sends no text message or notification: send each person their link (copy it, or show the QR code). This page updates everyone's state every few seconds.";
    RoundExpired => "签名期限已过，尚未签名的人员无法再通过原链接签名。请重新生成签名链接并发给他们。",
        "The time to sign has passed: those who have not signed can no longer use their links. Create new links and send them.";
    SignLinkSigned => "您已签名。申请人会在其签名页面上看到。您可以下载签名副本留存。",
        "You have signed. The applicant will see it on their signing page. You can download a copy of your signature to keep.";
    SignLinkDeclined => "您已拒绝签署。申请人会看到您的理由，并可能修改申请后重新发送链接。",
        "You declined to sign. The applicant will see your reason and may change the application and send a new link.";
    SigningLead => "以下每一位人员都要对同一份申请签名。签名使用本设备上为签名人生成的密钥，密钥不会离开设备。签名后修改任何内容，全部签名都将作废。",
        "Everyone below signs the same application, with a key made for them on the device they sign on; the key never leaves that device. Any change after signing voids every signature.";
    SubmissionPanelQueuedSafely => "申请已安全保存在本设备。联网后会自动发送，不会重复提交；关闭页面后再次打开也会继续。",
        "The application is stored safely on this device. It is sent automatically when you are online, never twice, even if you close and reopen the page.";
    HolderDirector => "董事", "Director";
    HolderSupervisor => "监事", "Supervisor";
    HolderExecutingPartner => "执行事务合伙人", "Executing partner";
    HolderFamilyMember => "家庭成员", "Family member";
    HolderBeneficialOwner => "受益所有人", "Beneficial owner";
    AddDirector => "＋ 添加董事", "+ Add a director";
    AddSupervisor => "＋ 添加监事", "+ Add a supervisor";
    AddBeneficialOwner => "＋ 添加受益所有人", "+ Add a beneficial owner";
}
