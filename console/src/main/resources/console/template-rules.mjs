// DESIGN §10's pre-checks of a template as the API runs them (smsplatform.domain.TemplateRules: the same table,
// in the same order, with the same codes, fields and messages), so the form can tell the user as they type.
// Not mirrored: the radical-equivalence table (the API maps CJK Radicals Supplement characters to ideographs).
import { hex, normalize } from './rules.mjs';

export const MAX_CONTENT = 500;
export const MAX_VARIABLES = 10;
const MAX_NAME = 30;
const MAX_REMARK = 500;
// The longest value of each variable kind (smsplatform.domain.VariableKind).
export const KIND_MAX = { CODE: 8, DIGITS: 12, AMOUNT: 18, DATETIME: 20, NAME: 12, TEXT: 20 };
// What the longest signature adds: 【20】 at home, [20] and a space abroad (TemplateText.signatureOverhead).
const OVERHEAD = { domestic: 22, international: 23 };

const BRACKETS = '【】[]';
const VARIABLE = /\{([1-9][0-9]*)\}/g;
const MARK = '\u0001';
const TLDS = ['com', 'cn', 'net', 'org', 'info', 'biz', 'io', 'co', 'cc', 'me', 'tv', 'top', 'xyz', 'vip', 'shop',
  'app', 'link', 'site', 'online', 'club', 'tech', 'ly', 'gov', 'edu', 'hk', 'tw', 'uk', 'us'];
const URL_CHAR = "[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%" + MARK + ']';
const LABEL_CHAR = '[A-Za-z0-9\\-' + MARK + ']';
const LABEL = LABEL_CHAR + '+';
// Without the u flag, as Java's (?i) folds ASCII letters only.
const URL = new RegExp('(?:https?://|www\\.)' + URL_CHAR + '*|(?<!' + LABEL_CHAR + ')' + LABEL + '(?:\\.' + LABEL + ')*\\.(?:'
  + TLDS.join('|') + ')(?![A-Za-z0-9\\-])(?:[/?#:]' + URL_CHAR + '*)?', 'gi');
const FOREIGN = [[/\$\{[^{}]*\}/, '${name}'], [/\{\{[^{}]*\}\}/, '{{name}}'],
  [/%(?:[0-9]+\$)?[sdif@](?![A-Za-z])/, "printf's %s"], [/#[A-Za-z_][A-Za-z0-9_]*#/, '#name#']];

const length = text => [...text].length;
const codePoints = text => [...text].map(c => c.codePointAt(0));
const isControl = cp => cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F);
const isSurrogate = cp => cp >= 0xD800 && cp <= 0xDFFF;
const forbidden = cp => BRACKETS.includes(String.fromCodePoint(cp)) || isControl(cp) || isSurrogate(cp);
const number = digits => (digits.length > 3 ? Infinity : Number(digits));
// The variable numbers written in the content, in order.
export const variableNumbers = content => [...content.matchAll(VARIABLE)].map(m => number(m[1]));

const lengthProblem = (what, text, max) => {
  const n = length(text);
  return n >= 1 && n <= max ? null
    : { variant: 'length', values: { max, n }, message: `${what} must be 1-${max} characters after trimming; it has ${n}` };
};

function nameProblem(name) {
  return lengthProblem('The template name', name, MAX_NAME) || (codePoints(name).some(forbidden)
    ? { variant: 'characters', message: 'The template name may not contain 【】[] or control characters' } : null);
}

function characterProblem(content) {
  const cp = codePoints(content).find(c => (c !== 0x0A && isControl(c)) || isSurrogate(c));
  return cp === undefined ? null : { variant: 'control', values: { cp: 'U+' + hex(cp) },
    message: `Template content may not contain U+${hex(cp)}: no control characters (line breaks excepted) and no lone surrogates` };
}

function strayBrace(content) {
  const rest = content.replace(VARIABLE, m => '\u0000'.repeat(m.length));
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '}') return '}';
    if (rest[i] === '{') {
      const close = content.indexOf('}', i);
      return close < 0 || close - i > 20 ? '{' : content.substring(i, close + 1);
    }
  }
  return null;
}

function variableProblem(content) {
  for (const [pattern, style] of FOREIGN) {
    const found = content.match(pattern);
    if (found) {
      return { variant: 'foreign', values: { found: found[0], style },
        message: `'${found[0]}' is a placeholder of the ${style} style; write variables as {1}, {2}, …` };
    }
  }
  const stray = strayBrace(content);
  if (stray) {
    return { variant: 'stray', values: { found: stray },
      message: `'${stray}' is not a variable; variables are written {1}, {2}, … and no other braces are allowed` };
  }
  const numbers = variableNumbers(content);
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    if (n > MAX_VARIABLES) {
      const shown = '{' + (n === Infinity ? '…' : n) + '}';
      return { variant: 'beyond', values: { v: shown }, message: `${shown} is beyond the limit of ${MAX_VARIABLES} variables` };
    }
    if (numbers.slice(0, i).includes(n)) {
      return { variant: 'twice', values: { v: `{${n}}` }, message: `{${n}} is used more than once; each variable is used once` };
    }
  }
  for (let n = 1; n <= numbers.length; n++) {
    if (!numbers.includes(n)) {
      return { variant: 'gap', values: { v: `{${n}}` }, message: `{${n}} is missing: variables are numbered from {1} without gaps` };
    }
  }
  return null;
}

function mismatchProblem(a) {
  const used = variableNumbers(a.content).length;
  return used === a.variables.length ? null : { values: { used, declared: a.variables.length },
    message: `The content uses ${used} variable(s) but ${a.variables.length} kind(s) are declared; declare one kind per variable, in the order {1}, {2}, …` };
}

function urlProblem(content) {
  const marked = content.replace(VARIABLE, m => MARK.repeat(m.length));
  for (const url of marked.matchAll(URL)) {
    const end = url.index + url[0].length;
    const at = marked.indexOf(MARK, Math.max(0, url.index - 1));
    if (at >= 0 && at < Math.min(marked.length, end + 1)) {
      const variable = new RegExp(VARIABLE.source, 'g');
      variable.lastIndex = content.lastIndexOf('{', at);
      const v = variable.exec(content)[0];
      const shown = content.substring(url.index, end);
      return { values: { url: shown, v },
        message: `The URL '${shown}' is built with variable ${v}; a URL must be a constant of the content, never a variable` };
    }
  }
  return null;
}

function worstCaseProblem(a) {
  const longest = a.content.replace(VARIABLE, (m, digits) => 'x'.repeat(KIND_MAX[a.variables[number(digits) - 1].kind]));
  const region = a.international ? 'international' : 'domestic';
  const worst = length(longest) + OVERHEAD[region];
  return worst <= MAX_CONTENT ? null : { variant: 'worst', values: { worst },
    message: `With every variable at its longest and the longest ${region} signature, the message would be ${worst} characters; it must fit in ${MAX_CONTENT}: shorten the content or use shorter variable kinds` };
}

const RULES = [
  ['InvalidParameterValue.TemplateNameFormat', 'name', a => nameProblem(a.name)],
  ['InvalidParameterValue.TemplateContentLength', 'content', a => lengthProblem('Template content', a.content, MAX_CONTENT)],
  ['InvalidParameterValue.TemplateContentCharacters', 'content', a => characterProblem(a.content)],
  ['InvalidParameterValue.TemplateContainsBrackets', 'content', a => (codePoints(a.content).some(c => BRACKETS.includes(String.fromCodePoint(c)))
    ? { message: 'Template content may not contain 【】[] (full-width ［］ included): they would forge a signature' } : null)],
  ['InvalidParameterValue.TemplateVariableFormat', 'content', a => variableProblem(a.content)],
  ['InvalidParameterValue.TemplateVariablesMismatch', 'variables', mismatchProblem],
  ['InvalidParameterValue.TemplateUrlVariable', 'content', a => urlProblem(a.content)],
  ['InvalidParameterValue.TemplateContentLength', 'content', worstCaseProblem],
  ['InvalidParameterValue.TemplateRemarkLength', 'remark', a => lengthProblem('The remark (what the template is used for)', a.remark, MAX_REMARK)],
];

// null when the application {name, international, content, variables: [{kind}], remark} passes the API's
// pre-checks, else the first problem {code, field, message, variant, values}; message is the API's (English) text.
export function templateProblem(application) {
  const a = { ...application, name: normalize(application.name), content: normalize(application.content),
    remark: normalize(application.remark) };
  for (const [code, field, rule] of RULES) {
    const p = rule(a);
    if (p) return { code, field, ...p };
  }
  return null;
}
