// Load curves through the local gateway with autocannon (bench/run-load; see bench/README.md, "Load curves").
// Environment: API (the gateway), TOKENS (a file of ENTERPRISE tokens, one a line, accounts <prefix>-1..N),
// REVIEWER (a reviewer's token), OUT (the CSV to write), LEVELS (e.g. 1,4,16,64), DURATION (seconds a level),
// DRAIN (seconds without any message settling after which those still unsettled count as stuck),
// ENDPOINTS (send,submission,reviews).
import autocannon from 'autocannon'
import { readFileSync, writeFileSync } from 'node:fs'

const api = process.env.API
const tokens = readFileSync(process.env.TOKENS, 'utf8').split('\n').filter(Boolean)
const reviewer = process.env.REVIEWER
const levels = (process.env.LEVELS || '1,4,16,64').split(',').map(Number)
const duration = Number(process.env.DURATION || 30)
const drainSeconds = Number(process.env.DRAIN || 120)
// Each curve starts with WARMUP seconds at one connection, not reported: the functions' first requests are cold starts.
const warmUp = Number(process.env.WARMUP || 10)
const WARM_UP = 0
const endpoints = (process.env.ENDPOINTS || 'send,submission,reviews').split(',')
const QUOTA = 50 // signatures per account (DESIGN §5.4): each account in TOKENS takes at most this many submissions
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
const TERMINAL = new Set(['DELIVERED', 'UNDELIVERED', 'FAILED'])
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const auth = token => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })

async function call (method, path, token, body) {
  const response = await fetch(api + path, { method, headers: auth(token), body: body && JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : null }
}

async function expect (status, method, path, token, body) {
  const r = await call(method, path, token, body)
  if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}, not ${status}`)
  return r.json
}

async function await_ (path, token, test, what) {
  for (let i = 0; i < 600; i++) {
    const r = await call('GET', path, token)
    if (r.status === 200 && test(r.json)) return r.json
    await sleep(200)
  }
  throw new Error(`gave up waiting for ${what}`)
}

// As Journeys.decide: wait for the manual stage, approve the current version, wait for APPROVED.
async function approve (path, id, applicant) {
  const ready = await await_(path, applicant, a => a.reviewStage === 'MANUAL', `manual review of ${id}`)
  await expect(202, 'POST', `/v1/reviews/${id}/decision`, reviewer, { decision: 'APPROVE', version: ready.version })
  await await_(path, applicant, a => a.status === 'APPROVED', `approval of ${id}`)
}

// As Journeys.approveSender: an approved "Acme Cloud" (licence uploaded through its form) and the code template.
async function approvedSender (token) {
  const submitted = await expect(201, 'POST', '/v1/signatures', token, {
    name: 'Acme Cloud', type: 'COMPANY', purpose: 'SELF_USE', entity: { name: 'Acme Cloud Computing Co., Ltd.' }
  })
  const id = submitted.signature.signatureId
  const upload = submitted.uploads[0]
  const form = new FormData()
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v)
  form.append('Content-Type', 'application/pdf')
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'licence.pdf')
  const uploaded = await fetch(upload.url, { method: 'POST', body: form })
  if (uploaded.status !== 204) throw new Error(`licence upload: ${uploaded.status} ${await uploaded.text()}`)
  await approve(`/v1/signatures/${id}`, id, token)
  const template = await expect(201, 'POST', '/v1/templates', token, {
    name: 'Login code', type: 'VERIFICATION_CODE', content: 'Your verification code is {1}, valid for 5 minutes.',
    variables: [{ kind: 'CODE' }], remark: 'Sign-in verification codes for our app'
  })
  await approve(`/v1/templates/${template.templateId}`, template.templateId, token)
  return template.templateId
}

function percentile (sorted, p) {
  if (sorted.length === 0) return ''
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]
}

async function inParallel (items, width, work) {
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++])
  }))
}

function run (options) {
  const warm = options.connections === WARM_UP
  return new Promise((resolve, reject) => {
    autocannon({ url: api, duration: warm ? warmUp : duration, timeout: 30, ...options, connections: warm ? 1 : options.connections }, (err, result) => err ? reject(err) : resolve(result))
  })
}

function row (endpoint, connections, result, extra = {}) {
  return {
    endpoint,
    concurrency: connections,
    duration_s: result.duration.toFixed(1),
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    throughput_rps: (result['2xx'] / result.duration).toFixed(1),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    e2e_p50_ms: '',
    e2e_p99_ms: '',
    lost: '',
    duplicated: '',
    stuck: '',
    undelivered: '',
    ...extra
  }
}

// Every send answered 200 holds one serialNo; after the level each must reach exactly one terminal status, and the
// handset must hold it exactly once. DELIVERED's time minus the answer's time is the end-to-end latency.
async function settle (sent, token) {
  let deadline = Date.now() + drainSeconds * 1000
  let waiting = sent
  const found = new Map()
  let lost = 0
  while (waiting.length > 0 && Date.now() < deadline) {
    const still = []
    await inParallel(waiting, 8, async s => {
      const r = await call('GET', `/v1/sms/${s.serialNo}`, token)
      if (r.status === 404) { lost++; return }
      if (r.status === 200 && TERMINAL.has(r.json.status)) found.set(s.serialNo, r.json)
      else still.push(s)
    })
    // A backlog that still moves is slow, not stuck: the deadline counts from the last message settled.
    if (still.length < waiting.length) deadline = Date.now() + drainSeconds * 1000
    waiting = still
    if (waiting.length > 0) await sleep(1000)
  }
  let duplicated = 0
  let undelivered = 0
  const e2e = []
  await inParallel(sent.filter(s => found.has(s.serialNo)), 8, async s => {
    const message = found.get(s.serialNo)
    const terminal = message.statusHistory.filter(h => TERMINAL.has(h.status))
    if (terminal.length > 1) duplicated++
    const handset = await expect(200, 'GET', `/local/handsets/${encodeURIComponent(s.phoneNumber)}`, token)
    const received = handset.messages.filter(m => m.serialNo === s.serialNo).length
    if (message.status !== 'DELIVERED') { undelivered++; return }
    if (received === 0) lost++
    if (received > 1) duplicated++
    e2e.push(Date.parse(terminal[0].at) - s.answeredAt)
  })
  e2e.sort((a, b) => a - b)
  return {
    e2e_p50_ms: percentile(e2e, 50),
    e2e_p99_ms: percentile(e2e, 99),
    lost,
    duplicated,
    stuck: waiting.length,
    undelivered
  }
}

async function sendCurve (rows, token, templateId) {
  let number = 0
  for (const connections of [WARM_UP, ...levels]) {
    const sent = []
    const result = await run({
      connections,
      requests: [{
        method: 'POST',
        path: '/v1/sms/send',
        headers: auth(token),
        // Each send to a number of its own (the per-number limits, DESIGN §4, would refuse repeats), ending in 1:
        // the carrier simulator's test numbers (README, "Test numbers": …0400, …0404, …0599 …) fail on purpose.
        setupRequest: (req, context) => {
          context.phoneNumber = '+86139' + String(1000000 + (number++ % 9000000)) + '1'
          return {
            ...req,
            body: JSON.stringify({ phoneNumbers: [context.phoneNumber], sign: 'Acme Cloud', templateId, templateParams: ['424242'] })
          }
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return
          const answer = JSON.parse(body).sendStatuses[0]
          if (answer.code === 'Ok') sent.push({ serialNo: answer.serialNo, phoneNumber: context.phoneNumber, answeredAt: Date.now() })
        }
      }]
    })
    const settled = await settle(sent, token)
    report(rows, row('send', connections, result, { ...settled, refused: result['2xx'] - sent.length }))
  }
}

// Each submission its own account slot (QUOTA a token, never reused: run-load mints enough), Idempotency-Key and
// name; afterwards every 201 must be listed exactly once under its account.
async function submissionCurve (rows, runId) {
  let index = 0
  for (const connections of [WARM_UP, ...levels]) {
    const created = new Map()
    const result = await run({
      connections,
      requests: [{
        method: 'POST',
        path: '/v1/signatures',
        setupRequest: (req, context) => {
          const i = index++
          context.token = tokens[1 + Math.floor(i / QUOTA)]
          return {
            ...req,
            headers: { ...auth(context.token), 'idempotency-key': `${runId}-${i}` },
            body: JSON.stringify({
              name: `Load Bench ${letters(i % QUOTA)}`, type: 'COMPANY', purpose: 'SELF_USE', entity: { name: 'Load Bench Co., Ltd.' }
            })
          }
        },
        onResponse: (status, body, context) => {
          if (status !== 201) return
          const ids = created.get(context.token) || []
          ids.push(JSON.parse(body).signature.signatureId)
          created.set(context.token, ids)
        }
      }]
    })
    let lost = 0
    let duplicated = 0
    for (const [token, ids] of created) {
      const listed = await expect(200, 'GET', `/v1/signatures?limit=${QUOTA}`, token)
      const seen = listed.signatures.map(s => s.signatureId)
      lost += ids.filter(id => !seen.includes(id)).length
      duplicated += seen.length - new Set(seen).size + ids.length - new Set(ids).size
    }
    report(rows, row('submission', connections, result, { lost, duplicated, stuck: 0 }))
  }
}

function report (rows, r) {
  console.error((r.concurrency === WARM_UP ? 'warm-up (not reported): ' : '') + JSON.stringify(r))
  if (r.concurrency !== WARM_UP) rows.push(r)
}

function letters (i) {
  let s = ''
  do { s = String.fromCharCode(97 + i % 26) + s; i = Math.floor(i / 26) } while (i > 0)
  return 'q' + s
}

async function reviewsCurve (rows) {
  for (const connections of [WARM_UP, ...levels]) {
    const result = await run({ connections, requests: [{ method: 'GET', path: '/v1/reviews', headers: auth(reviewer) }] })
    report(rows, row('reviews', connections, result))
  }
}

const rows = []
if (endpoints.includes('send')) await sendCurve(rows, tokens[0], await approvedSender(tokens[0]))
if (endpoints.includes('submission')) await submissionCurve(rows, `load-${Date.now()}`)
if (endpoints.includes('reviews')) await reviewsCurve(rows)
const columns = Object.keys(row('x', 0, { duration: 1, requests: {}, latency: {} }, { refused: '' }))
writeFileSync(process.env.OUT, [columns.join(','), ...rows.map(r => columns.map(c => r[c] ?? '').join(','))].join('\n') + '\n')
