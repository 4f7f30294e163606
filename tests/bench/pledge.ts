/**
 * Pledge throughput, printed by `npm run bench`: the real public pledge endpoint (the pledge
 * page's Astro Action: a form post with money and one item, validated, guarded, the item's unit
 * claimed through the capacity engine, the confirmation queued), driven by `clients` concurrent
 * clients for `seconds`, beside the same raw Node guarded insert as the sign-up bench
 * (tests/bench/signup.ts) in the same run. Afterwards the item's units are counted: more than
 * its quantity would be over-pledging.
 */
import { randomBytes } from 'node:crypto'
import { issueFormToken, pledgeFormOf } from '../../cms/services/form-guard'
import { adminToken, api } from '../helpers/signup'
import { drive, type RawServer } from './signup'

function body(driveId: number, item: string, i: number, secret: string): string {
  return new URLSearchParams({
    driveId: String(driveId),
    idempotencyKey: randomBytes(18).toString('base64url'),
    formToken: issueFormToken(secret, pledgeFormOf(driveId), new Date(Date.now() - 10_000)),
    website: '',
    'donor.kind': 'person',
    'donor.name': `Nhà hảo tâm thử tải ${i}`,
    'donor.email': `ung-ho-${i}@example.vn`,
    listed: 'on',
    amount: '200.000',
    [`items.${item}`]: '1',
  }).toString()
}

export async function benchPledges(opts: { url: string; raw: RawServer; secret: string; seconds: number; clients: number; quantity: number }) {
  const admin = await adminToken(opts.url)
  const slug = `thu-tai-${randomBytes(4).toString('hex')}`
  const created = await api<{ doc: { id: number; slug: string; items: { id: string }[] } }>(opts.url, admin, '/drives', {
    method: 'POST',
    body: JSON.stringify({
      title: `Đợt vận động thử tải ${slug}`,
      slug,
      kind: 'mid-autumn',
      startsOn: '2020-01-01T00:00:00.000Z',
      moneyGoal: 1_000_000_000,
      items: [{ kind: 'gift', label: 'Suất quà', quantity: opts.quantity, unitValue: 1_200_000 }],
      account: { bankBin: '970418', bankName: 'BIDV', accountNumber: '63010000123456', accountName: 'QUY BAO TRO TRE EM' },
      _status: 'published',
    }),
  })
  const driveId = created.doc.id
  const item = created.doc.items[0]?.id ?? ''
  const endpoint = `${opts.url}/ung-ho/${created.doc.slug}/cam-ket/?_action=pledge`
  const ours = await drive(opts.seconds, opts.clients, async (i) => {
    const res = await fetch(endpoint, { method: 'POST', headers: { origin: opts.url, 'content-type': 'application/x-www-form-urlencoded' }, body: body(driveId, item, i, opts.secret) })
    const html = await res.text()
    if (res.status === 409) return 'covered'
    if (res.status !== 200) return `http ${res.status}`
    return html.includes('class="reference"') ? 'accepted' : 'no result'
  })
  const units = (await api<{ docs: { number: number }[] }>(opts.url, admin, `/claims?where[pool][equals]=drives:${driveId}:items:${item}&limit=0&depth=0`)).docs.map((u) => u.number)
  // The confirmations go out after the burst (they wait while requests are answered): let them
  // finish before the raw run, so that the server's mail work does not compete with the raw
  // server (at most two minutes).
  const drainedBy = Date.now() + 120_000
  while (Date.now() < drainedBy) {
    const sent = await api<{ totalDocs: number }>(opts.url, admin, `/email-outbox?where[status][equals]=sent&where[to][like]=ung-ho-&limit=1&depth=0`)
    if (sent.totalDocs >= (ours.statuses.accepted ?? 0)) break
    await new Promise((r) => setTimeout(r, 1_000))
  }
  const raw = await opts.raw(100_000_000)
  let theirs: Awaited<ReturnType<typeof drive>>
  try {
    theirs = await drive(opts.seconds, opts.clients, async (i) => {
      const res = await fetch(raw.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body(1, item, i, opts.secret) })
      const text = await res.text()
      return res.status === 200 ? text : `http ${res.status}`
    })
  } finally {
    raw.stop()
  }
  return { ours, theirs, unitsHeld: units.length, distinctUnits: new Set(units).size, quantity: opts.quantity, slug: created.doc.slug }
}
