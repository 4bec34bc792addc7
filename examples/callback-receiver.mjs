// A webhook receiver for the SMS platform's callbacks (README, "Callbacks"). Node 20+, no dependencies.
//   CALLBACK_SECRET=whsec_... PORT=8787 node examples/callback-receiver.mjs
// Verifies Sms-Signature (t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>), refuses timestamps
// more than 5 minutes away, answers a repeated Sms-Event-Id 200 without processing it again, and prints
// each new event as one JSON line on stdout.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.CALLBACK_SECRET;
if (!secret) {
  console.error('set CALLBACK_SECRET to the secret PUT /v1/callbacks showed');
  process.exit(2);
}
const TOLERANCE_SECONDS = 300;
const seen = new Set(); // a real receiver keeps event ids in its database, for longer than the 24 h of retries

function verify(header, body) {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2)));
  const t = Number(parts.t);
  if (!/^[0-9]+$/.test(parts.t ?? '') || !parts.v1) return 'malformed signature';
  if (Math.abs(Date.now() / 1000 - t) > TOLERANCE_SECONDS) return 'timestamp too old';
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'bad signature';
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const refused = req.method === 'POST' ? verify(req.headers['sms-signature'], body) : 'POST only';
    if (refused) {
      console.error(`refused: ${refused}`);
      res.writeHead(400).end();
      return;
    }
    const eventId = req.headers['sms-event-id'];
    if (!seen.has(eventId)) {
      seen.add(eventId);
      console.log(JSON.stringify(JSON.parse(body)));
    }
    res.writeHead(204).end();
  });
});
server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => {
  console.error(`listening on http://127.0.0.1:${server.address().port}/`);
});
