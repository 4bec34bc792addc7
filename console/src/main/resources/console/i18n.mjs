// English and Simplified Chinese. Codes from the API (statuses, kinds, reasons, errors) are shown in words;
// an error code without a translation shows the API's own message.
const en = {
  brand: 'SMS console', language: 'Language', signIn: 'Sign in', signOut: 'Sign out', loading: 'Loading…',
  welcome: 'Apply for SMS signatures, upload their documents and follow their review; reviewers decide on applications.',
  signedInAs: '{account} ({type}{reviewer})', reviewerSuffix: ', reviewer',
  navSignatures: 'Signatures', navReviews: 'Review queue', mainNav: 'Main',
  signatures: 'Signatures', newSignature: 'Apply for a signature', filterStatus: 'Status', all: 'All',
  noSignatures: 'No signatures yet.', name: 'Name', type: 'Type', purpose: 'Purpose', status: 'Status',
  created: 'Created', updated: 'Updated', international: 'International (global SMS, no documents needed)',
  entityName: 'Legal name of the entity', appStoreUrl: 'App store link', domain: 'Website domain',
  icpNumber: 'ICP filing number', wechatAccountName: 'WeChat account name', trademarkNumber: 'Trademark registration number',
  remark: 'Remark for the reviewer', submit: 'Submit application', save: 'Save and resubmit', cancel: 'Cancel',
  nameHint: '2-12 characters with Chinese characters, else 2-20; letters, digits, Chinese characters, single spaces.',
  nameOk: 'This name follows the rules.', applyTitle: 'Apply for a signature', editTitle: 'Modify {name}',
  detailTitle: 'Signature {name}', requiredDocuments: 'Required documents', oneOf: 'One of: {kinds}',
  provided: 'Provided', missing: 'Missing', chooseKind: 'Document kind', chooseFile: 'Choose a PDF, JPEG or PNG (up to 5 MiB)',
  dropHere: 'or drop the file here', uploading: 'Uploading {name}…', uploaded: 'Uploaded {name}; checking it…',
  checked: 'Checked: {result}', documents: 'Documents', findings: 'Findings', noFindings: 'No findings.',
  rejection: 'Why it was rejected', comment: 'Reviewer comment', history: 'History', modify: 'Modify and resubmit',
  delete: 'Delete', deleteConfirm: 'Delete this application for good? Its name and slot are freed.', deleteYes: 'Yes, delete it',
  deleted: 'Deleted.', created201: 'Application submitted. Upload its documents below.',
  saved: 'Saved: the application awaits its documents again.', stage: 'Review stage', version: 'Version',
  actor: 'by {actor}', discarded: 'A decision was discarded: the application changed after the reviewer opened it.',
  reviews: 'Review queue', kind: 'Kind', kindSignature: 'Signatures', kindTemplate: 'Templates', account: 'Account',
  waitingSince: 'Waiting since', open: 'Open', emptyQueue: 'Nothing waits for a review.', review: 'Review {name}',
  preview: 'Document preview', page: 'Page {n} of {total} of {kind}', decision: 'Decision', reasons: 'Reasons (needed to reject)',
  approve: 'Approve', reject: 'Reject', decisionSent: 'Decision sent; applying it…', decisionApplied: 'Decision applied: the application left the queue.',
  otherReason: 'Other (say which in the comment)',
  decisionOutdated: 'The applicant modified this application after you opened it, so your decision was not sent. Open it again to review the current version.',
  decisionStale: 'Your decision was discarded: the applicant modified the application meanwhile. Review the current version.',
  backToQueue: 'Back to the queue', content: 'Content', previewFailed: 'This document cannot be previewed: {why}',
  more: 'Load more', error: 'Something went wrong: {message}', notFound: 'Not found.', signInFailed: 'Sign-in failed: {why}',
  navSend: 'Send a test SMS', sendTitle: 'Send a test SMS', phone: 'Phone number', sign: 'Signature',
  template: 'Template', send: 'Send', follow: 'Follow this message', text: 'Text', fee: 'SMS parts (fee)',
  receipt: 'Carrier receipt', messageTitle: 'Message {serialNo}',
  sendNeeds: 'Sending needs an approved signature and an approved template.',
  'sms.QUEUED': 'Queued', 'sms.SENT': 'Sent to the carrier', 'sms.DELIVERED': 'Delivered', 'sms.UNDELIVERED': 'Undelivered',
  'sms.FAILED': 'Failed',
  'kindName.CODE': 'verification code', 'kindName.DIGITS': 'digits', 'kindName.AMOUNT': 'amount', 'kindName.DATETIME': 'date or time',
  'kindName.NAME': 'name', 'kindName.TEXT': 'text',
  'kind.CODE': '4-8 ASCII letters or digits', 'kind.DIGITS': '1-12 digits',
  'kind.AMOUNT': "a decimal number: an optional '-', 1-12 digits, then optionally '.' and 1-4 decimals",
  'kind.DATETIME': "1-20 characters of digits, '-', ':', '/', spaces and 年月日时分秒, with at least one digit",
  'kind.NAME': '1-12 characters with at least one letter (not only digits), no URL', 'kind.TEXT': '1-20 characters, no URL',
  navTemplates: 'Templates', templates: 'Templates', newTemplate: 'Apply for a template', noTemplates: 'No templates yet.',
  templateApplyTitle: 'Apply for a template', templateEditTitle: 'Modify {name}', templateTitle: 'Template {name}',
  templateName: 'Template name', variables: 'Variables', variable: 'Kind of {n}', noVariables: 'Write {1}, {2}, … in the content for the parts that change.',
  contentHint: 'Up to 500 characters. Variables {1} … {10}, each once, numbered without gaps; no 【】[].',
  'ttype.VERIFICATION_CODE': 'Verification code', 'ttype.NOTIFICATION': 'Notification', 'ttype.MARKETING': 'Marketing',
  entity: 'Entity', 'account.ENTERPRISE': 'enterprise', 'account.PUBLIC_INSTITUTION': 'public institution',
  'account.INDIVIDUAL': 'individual',
  'status.AWAITING_DOCUMENTS': 'Awaiting documents', 'status.IN_REVIEW': 'In review', 'status.APPROVED': 'Approved',
  'status.REJECTED': 'Rejected', 'stage.AUTOMATIC': 'Automatic checks', 'stage.MANUAL': 'Waiting for a reviewer',
  'type.COMPANY': 'Company', 'type.APP': 'App', 'type.WEBSITE': 'Website', 'type.WECHAT_OFFICIAL_ACCOUNT': 'WeChat official account',
  'type.WECHAT_MINI_PROGRAM': 'WeChat mini program', 'type.TRADEMARK': 'Trademark', 'type.GOVERNMENT': 'Government or public institution',
  'purpose.SELF_USE': 'For my own organisation', 'purpose.FOR_OTHERS': 'For an organisation that authorised me',
  'doc.BUSINESS_LICENSE': 'Business licence', 'doc.ORGANIZATION_CODE_CERTIFICATE': 'Organisation code certificate',
  'doc.SOCIAL_CREDIT_CODE_CERTIFICATE': 'Unified social credit code certificate',
  'doc.PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE': 'Public institution legal person certificate',
  'doc.APP_STORE_BACKEND_SCREENSHOT': 'App store back-end screenshot', 'doc.ICP_FILING_SCREENSHOT': 'ICP filing screenshot',
  'doc.WECHAT_ACCOUNT_SCREENSHOT': 'WeChat account screenshot', 'doc.TRADEMARK_REGISTRATION_CERTIFICATE': 'Trademark registration certificate',
  'doc.AUTHORIZATION_LETTER': 'Authorisation letter', 'docStatus.VALID': 'valid', 'docStatus.INVALID': 'invalid',
  'severity.BLOCKING': 'Blocking', 'severity.ADVISORY': 'Advisory',
  // The API's fixed messages of the reason codes (smsplatform.domain.ReasonCode).
  'reason.NON_IDENTIFIABLE_NAME': 'The signature does not identify an organisation or person',
  'reason.NAME_MISMATCH_ENTITY': 'The signature is neither the name of the entity in the documents nor an abbreviation of it',
  'reason.DOCUMENT_MISMATCH': 'The documents do not belong to the entity the signature names',
  'reason.DOCUMENT_UNREADABLE': 'A document cannot be read; upload a clear, complete copy',
  'reason.DOCUMENT_EXPIRED': 'A document has expired; upload a valid one',
  'reason.MISSING_AUTHORIZATION': 'Applying for others needs an authorisation letter from the entity',
  'reason.PROHIBITED_CONTENT': 'The application contains prohibited content',
  'reason.UNRELEASED_PRODUCT': "The product is not released yet; apply with your organisation's name until it is",
  'reason.MISSING_OPT_OUT': 'A marketing template must tell the recipient how to opt out (e.g. 拒收请回复R)',
  'reason.MARKETING_IN_NOTIFICATION': 'Marketing content belongs in a MARKETING template, not in a notification or verification code',
  'reason.UNCLEAR_PURPOSE': 'The template does not say what it is about; write a concrete message',
  'reason.VARIABLE_MISUSE': 'A variable is declared with a kind that does not fit its use',
  'reason.OTHER': "See the reviewer's comment",
  'err.InvalidParameterValue.SignNameFormat.alphabet': 'Signature names use only Chinese characters, letters, digits and single spaces between Latin words; no brackets or punctuation',
  'err.AuthFailure.SelfReview': 'You cannot decide on an application of your own account: another reviewer must.',
  'err.FailedOperation.NotEnterpriseCertification.individual': 'Individual accounts apply only for their own app, website or WeChat account.',
};

const zh = {
  brand: '短信控制台', language: '语言', signIn: '登录', signOut: '退出登录', loading: '加载中…',
  welcome: '申请短信签名、上传资质文件并跟踪审核；审核员在这里审核申请。',
  signedInAs: '{account}（{type}{reviewer}）', reviewerSuffix: '，审核员',
  navSignatures: '签名', navReviews: '审核队列', mainNav: '主导航',
  signatures: '签名', newSignature: '申请签名', filterStatus: '状态', all: '全部',
  noSignatures: '还没有签名。', name: '名称', type: '类型', purpose: '用途', status: '状态',
  created: '创建时间', updated: '更新时间', international: '国际/港澳台短信（无需资质文件）',
  entityName: '主体的完整名称', appStoreUrl: '应用商店链接', domain: '网站域名', icpNumber: 'ICP 备案号',
  wechatAccountName: '微信公众号/小程序名称', trademarkNumber: '商标注册号',
  remark: '给审核员的备注', submit: '提交申请', save: '保存并重新提交', cancel: '取消',
  nameHint: '含汉字时 2-12 个字符，否则 2-20 个；仅限汉字、字母、数字和英文单词间的单个空格。',
  nameOk: '名称符合规则。', applyTitle: '申请签名', editTitle: '修改 {name}', detailTitle: '签名 {name}',
  requiredDocuments: '所需资质文件', oneOf: '以下任一：{kinds}', provided: '已提供', missing: '缺少',
  chooseKind: '文件类型', chooseFile: '选择 PDF、JPEG 或 PNG 文件（不超过 5 MiB）', dropHere: '或把文件拖到这里',
  uploading: '正在上传 {name}…', uploaded: '已上传 {name}，正在检查…', checked: '检查结果：{result}',
  documents: '文件', findings: '审核发现', noFindings: '没有发现问题。', rejection: '驳回原因', comment: '审核员备注',
  history: '历史记录', modify: '修改并重新提交', delete: '删除', deleteConfirm: '确定永久删除这份申请吗？其名称和名额将被释放。',
  deleteYes: '确定删除', deleted: '已删除。', created201: '申请已提交，请在下方上传资质文件。',
  saved: '已保存：申请重新等待资质文件。', stage: '审核阶段', version: '版本', actor: '操作者 {actor}',
  discarded: '一项审核决定已作废：审核员打开后申请已被修改。',
  reviews: '审核队列', kind: '类别', kindSignature: '签名', kindTemplate: '模板', account: '账号',
  waitingSince: '等待自', open: '打开', emptyQueue: '没有待审核的申请。', review: '审核 {name}',
  preview: '文件预览', page: '{kind} 第 {n} 页，共 {total} 页', decision: '审核决定', reasons: '驳回原因（驳回时必选）',
  approve: '通过', reject: '驳回', decisionSent: '决定已提交，正在生效…', decisionApplied: '决定已生效：申请已离开队列。',
  otherReason: '其他（请在备注中说明）',
  decisionOutdated: '你打开后申请人修改了这份申请，因此你的决定没有提交。请重新打开，审核当前版本。',
  decisionStale: '你的决定已作废：申请人在此期间修改了申请。请审核当前版本。',
  backToQueue: '返回审核队列', content: '内容', previewFailed: '无法预览此文件：{why}',
  more: '加载更多', error: '出错了：{message}', notFound: '未找到。', signInFailed: '登录失败：{why}', entity: '主体',
  navSend: '发送测试短信', sendTitle: '发送测试短信', phone: '手机号码', sign: '签名', template: '模板', send: '发送',
  follow: '跟踪这条短信', text: '内容', fee: '计费条数', receipt: '运营商回执', messageTitle: '短信 {serialNo}',
  sendNeeds: '发送需要一个已通过的签名和一个已通过的模板。',
  'sms.QUEUED': '排队中', 'sms.SENT': '已提交运营商', 'sms.DELIVERED': '已送达', 'sms.UNDELIVERED': '未送达', 'sms.FAILED': '发送失败',
  'kindName.CODE': '验证码', 'kindName.DIGITS': '数字', 'kindName.AMOUNT': '金额', 'kindName.DATETIME': '日期时间',
  'kindName.NAME': '名称', 'kindName.TEXT': '文本',
  'kind.CODE': '4-8 位字母或数字', 'kind.DIGITS': '1-12 位数字', 'kind.AMOUNT': '数字：可带负号，1-12 位整数，可带 1-4 位小数',
  'kind.DATETIME': '1-20 个字符：数字、-、:、/、空格和年月日时分秒，至少一个数字',
  'kind.NAME': '1-12 个字符，至少一个字母（不能全是数字），不能含网址', 'kind.TEXT': '1-20 个字符，不能含网址',
  navTemplates: '模板', templates: '模板', newTemplate: '申请模板', noTemplates: '还没有模板。',
  templateApplyTitle: '申请模板', templateEditTitle: '修改 {name}', templateTitle: '模板 {name}', templateName: '模板名称',
  variables: '变量', variable: '{n} 的类型', noVariables: '在内容中用 {1}、{2}…… 表示会变化的部分。',
  contentHint: '不超过 500 个字符。变量 {1}……{10}，每个只用一次，编号连续；不能含【】[]。',
  'ttype.VERIFICATION_CODE': '验证码', 'ttype.NOTIFICATION': '通知', 'ttype.MARKETING': '营销',
  'account.ENTERPRISE': '企业', 'account.PUBLIC_INSTITUTION': '事业单位', 'account.INDIVIDUAL': '个人',
  'status.AWAITING_DOCUMENTS': '待上传资质', 'status.IN_REVIEW': '审核中', 'status.APPROVED': '已通过', 'status.REJECTED': '已驳回',
  'stage.AUTOMATIC': '自动检查', 'stage.MANUAL': '等待人工审核',
  'type.COMPANY': '企业', 'type.APP': 'App', 'type.WEBSITE': '网站', 'type.WECHAT_OFFICIAL_ACCOUNT': '微信公众号',
  'type.WECHAT_MINI_PROGRAM': '微信小程序', 'type.TRADEMARK': '商标', 'type.GOVERNMENT': '政府/事业单位/其他机构',
  'purpose.SELF_USE': '自用', 'purpose.FOR_OTHERS': '他用（已获主体授权）',
  'doc.BUSINESS_LICENSE': '营业执照', 'doc.ORGANIZATION_CODE_CERTIFICATE': '组织机构代码证',
  'doc.SOCIAL_CREDIT_CODE_CERTIFICATE': '统一社会信用代码证书', 'doc.PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE': '事业单位法人证书',
  'doc.APP_STORE_BACKEND_SCREENSHOT': '应用商店后台截图', 'doc.ICP_FILING_SCREENSHOT': 'ICP 备案截图',
  'doc.WECHAT_ACCOUNT_SCREENSHOT': '微信公众平台截图', 'doc.TRADEMARK_REGISTRATION_CERTIFICATE': '商标注册证书',
  'doc.AUTHORIZATION_LETTER': '授权委托书', 'docStatus.VALID': '有效', 'docStatus.INVALID': '无效',
  'severity.BLOCKING': '阻断', 'severity.ADVISORY': '提示',
  'reason.NON_IDENTIFIABLE_NAME': '签名无法识别具体的组织或个人', 'reason.NAME_MISMATCH_ENTITY': '签名既不是资质文件中主体的名称，也不是其简称',
  'reason.DOCUMENT_MISMATCH': '资质文件不属于签名所指的主体', 'reason.DOCUMENT_UNREADABLE': '文件无法辨认，请上传清晰完整的副本',
  'reason.DOCUMENT_EXPIRED': '文件已过期，请上传有效文件', 'reason.MISSING_AUTHORIZATION': '他用签名需要主体出具的授权委托书',
  'reason.PROHIBITED_CONTENT': '申请包含违禁内容', 'reason.UNRELEASED_PRODUCT': '产品尚未上线，上线前请使用组织名称申请',
  'reason.MISSING_OPT_OUT': '营销模板必须告知退订方式（如“拒收请回复R”）', 'reason.MARKETING_IN_NOTIFICATION': '营销内容应使用营销模板，而非通知或验证码模板',
  'reason.UNCLEAR_PURPOSE': '模板用途不明确，请写出具体内容', 'reason.VARIABLE_MISUSE': '变量类型与其用途不符',
  'reason.OTHER': '见审核员备注',
  'err.InvalidParameterValue.SignNameFormat.alphabet': '签名只能包含汉字、字母、数字以及英文单词之间的单个空格，不能有括号或标点',
  'err.InvalidParameterValue.SignNameFormat.radical': '“{ch}”是部首而不是汉字，请输入汉字本身',
  'err.InvalidParameterValue.SignNameFormat.length': '签名长度为 2-20 个字符',
  'err.InvalidParameterValue.SignNameFormat.lengthHan': '含汉字的签名长度为 2-12 个字符',
  'err.FailedOperation.NonIdentifiableSignature.digits': '纯数字签名无法识别任何主体',
  'err.FailedOperation.NonIdentifiableSignature.generic': '“{name}”无法识别具体的组织或个人，请使用组织、应用、网站或账号的名称',
  'err.FailedOperation.NonIdentifiableSignature': '签名无法识别具体的组织或个人',
  'err.FailedOperation.NotEnterpriseCertification.individual': '个人账号只能为自己的 App、网站或微信账号申请签名。',
  'err.FailedOperation.NotEnterpriseCertification': '此账号类型不能申请该类签名。',
  'err.FailedOperation.SignNumberLimit': '签名数量已达上限，请先删除不用的签名。',
  'err.InvalidParameterValue.SignExistAndUnapproved': '已有同名签名在申请中。',
  'err.FailedOperation.SignatureAlreadyExists': '已有同名的已通过签名。',
  'err.InvalidParameterValue.SignAlreadyPassedCheck': '已通过的签名不能修改。',
  'err.AuthFailure.SelfReview': '审核员不能审核自己账号的申请，请由其他审核员审核。',
  'err.InvalidParameterValue.ReasonsRequired': '驳回至少需要一个原因。',
  'err.InvalidParameterValue.CommentRequired': '原因“其他”需要填写备注。',
};

const dictionaries = { en, 'zh-CN': zh };
let lang = 'en';

export function setLanguage(value) {
  lang = dictionaries[value] ? value : 'en';
  document.documentElement.lang = lang;
}

export function language() { return lang; }

export function t(key, values = {}) {
  const text = dictionaries[lang][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

export function has(key) { return key in dictionaries[lang]; }

// A problem ({code, message, variant, values}) in the current language; the API's message when untranslated.
export function problemText(p) {
  for (const key of [p.variant && 'err.' + p.code + '.' + p.variant, 'err.' + p.code]) {
    if (key && has(key)) return t(key, p.values);
  }
  return p.message || p.code;
}

// A reason {code, message} from the API in words of the current language.
export function reasonText(r) {
  return has('reason.' + r.code) ? t('reason.' + r.code) : r.message || r.code;
}
