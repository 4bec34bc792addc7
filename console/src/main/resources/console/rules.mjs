// DESIGN §5.1-§5.3 as the API checks them (smsplatform.domain.SignatureNameRules, with the same codes and
// messages), so the form can tell the user as they type; the API stays the judge on submit.
// Not mirrored: the radical-equivalence table (the API maps CJK Radicals Supplement characters to ideographs).
export const FORMAT_CODE = 'InvalidParameterValue.SignNameFormat';
export const NON_IDENTIFIABLE_CODE = 'FailedOperation.NonIdentifiableSignature';
export const NOT_ENTERPRISE_CODE = 'FailedOperation.NotEnterpriseCertification';

// The CJK unified ideograph blocks through extension G and the compatibility ideographs (never radicals).
const IDEOGRAPH_BLOCKS = [[0x4E00, 0x9FFF], [0x3400, 0x4DBF], [0x20000, 0x2A6DF], [0x2A700, 0x2B73F],
  [0x2B740, 0x2B81F], [0x2B820, 0x2CEAF], [0x2CEB0, 0x2EBEF], [0x30000, 0x3134F], [0xF900, 0xFAFF]];
const RADICAL_BLOCKS = [[0x2F00, 0x2FDF], [0x2E80, 0x2EFF]];
const ALLOWED = /^[\p{Script=Han}A-Za-z0-9]+(?:(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])[\p{Script=Han}A-Za-z0-9]*)*$/u;
const HAS_LETTER = /[\p{Script=Han}A-Za-z]/u;
const HAS_IDEOGRAPH = /\p{Script=Han}/u;
const GENERIC = new Set(['test', 'testing', 'demo', 'sample', 'example', 'verificationcode', 'verification', 'code',
  'otp', 'notification', 'notice', 'announcement', 'alert', 'message', 'sms', 'system', 'service', 'customerservice',
  '测试', '验证码', '通知', '公告', '提醒', '短信', '系统', '客服', '服务', '測試', '驗證碼', '簡訊', '系統', '服務']);

const inBlocks = (cp, blocks) => blocks.some(([from, to]) => cp >= from && cp <= to);
const isIdeograph = cp => /\p{Ideographic}/u.test(String.fromCodePoint(cp)) && inBlocks(cp, IDEOGRAPH_BLOCKS);
const inAlphabet = cp => cp === 0x20 || (cp < 0x80 && /[A-Za-z0-9]/.test(String.fromCodePoint(cp))) || isIdeograph(cp);
// Java's String.strip(): Unicode white space at both ends.
export const strip = s => s.replace(/^[\s\u001C-\u001F]+|[\s\u001C-\u001F]+$/gu, '');
export const hex = cp => cp.toString(16).toUpperCase().padStart(4, '0');
// The API's normalisation (§5.1): stripped, NFKC, stripped again.
export const normalize = raw => strip(strip(raw || '').normalize('NFKC'));
const problem = (code, message, variant, values) => ({ code, message, variant, values, field: 'name' });

function onlyWordsOf(compact) {
  const reachable = [true];
  for (let end = 1; end <= compact.length; end++) {
    reachable[end] = false;
    for (let start = 0; start < end && !reachable[end]; start++) {
      reachable[end] = reachable[start] && GENERIC.has(compact.substring(start, end));
    }
  }
  return reachable[compact.length];
}

function placeholderShape(compact) {
  const cps = [...compact].map(c => c.codePointAt(0));
  if (cps.length > 0 && cps.every(c => c === cps[0])) return true;
  return cps.length === 4 && ((cps[0] === cps[1] && cps[2] === cps[3]) || (cps[0] === cps[2] && cps[1] === cps[3]));
}

// null when the name passes, else {code, message, variant, values}: message is the API's (English) text.
export function nameProblem(raw) {
  const name = normalize(raw);
  const cps = [...name].map(c => c.codePointAt(0));
  const outside = cps.find(c => !inAlphabet(c));
  if (outside !== undefined && inBlocks(outside, RADICAL_BLOCKS)) {
    const ch = String.fromCodePoint(outside);
    return problem(FORMAT_CODE, `'${ch}' (U+${hex(outside)}) is a radical, not a Chinese character; write the character itself`,
      'radical', { ch });
  }
  if (outside !== undefined || !ALLOWED.test(name)) {
    return problem(FORMAT_CODE, 'Signature names use only Chinese characters, letters, digits and single spaces between Latin words; no brackets or punctuation', 'alphabet');
  }
  const ideographic = HAS_IDEOGRAPH.test(name);
  const max = ideographic ? 12 : 20;
  if (cps.length < 2 || cps.length > max) {
    return problem(FORMAT_CODE, `Signature names are 2-${max} characters long${ideographic ? ' when they contain Chinese characters' : ''}`,
      ideographic ? 'lengthHan' : 'length', { max });
  }
  if (!HAS_LETTER.test(name)) return problem(NON_IDENTIFIABLE_CODE, 'A signature made only of digits identifies no one', 'digits');
  const compact = name.replace(/ /g, '').toLowerCase();
  if (onlyWordsOf(compact) || placeholderShape(compact)) {
    return problem(NON_IDENTIFIABLE_CODE, `'${name}' identifies no organisation or person; use the name of your organisation, app, website or account`,
      'generic', { name });
  }
  return null;
}

const INDIVIDUAL_TYPES = ['APP', 'WEBSITE', 'WECHAT_OFFICIAL_ACCOUNT', 'WECHAT_MINI_PROGRAM'];

// §5.3: what an account of accountType may apply for; null when allowed.
export function eligibilityProblem(accountType, type, purpose) {
  if (accountType === 'INDIVIDUAL' && (purpose !== 'SELF_USE' || !INDIVIDUAL_TYPES.includes(type))) {
    return { code: NOT_ENTERPRISE_CODE, variant: 'individual', field: 'type' };
  }
  return null;
}

// §4: the entity fields each signature type asks for, after the name.
export function entityFields(type) {
  return { APP: ['appStoreUrl'], WEBSITE: ['domain', 'icpNumber'], WECHAT_OFFICIAL_ACCOUNT: ['wechatAccountName'],
    WECHAT_MINI_PROGRAM: ['wechatAccountName'], TRADEMARK: ['trademarkNumber'] }[type] || [];
}
