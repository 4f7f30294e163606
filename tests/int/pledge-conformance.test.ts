/**
 * Pledges through every store of the capacity engine on this database — the Local API writing
 * through `payload.create` (every database), the Local API writing new rows straight into the
 * tables (cms/services/sql-rows.ts: PostgreSQL, SQLite), and the SQLite lane
 * (cms/services/pledge-sqlite.ts) — on the same cases, comparing what they store field by
 * field: the fast paths are optimisations of the same rules, never a second statement of them.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Drive } from '../../cms/payload-types'
import type { TPledge } from '../../cms/schemas/pledge'
import { localStore } from '../../cms/services/capacity-store'
import { choosePledgeStore, pledge, pledgeOps, type PledgeOutcome } from '../../cms/services/pledges'
import { pledgeLaneOps } from '../../cms/services/pledge-sqlite'
import { signUpLaneOf } from '../../cms/services/signup-sqlite'
import { hasTables } from '../../cms/services/sql-rows'
import { skipReason, testPayload, unique } from './payload'

type StoreKind = 'api' | 'tables' | 'lane'

describe.skipIf(skipReason)('pledges: both stores, same documents', () => {
  let payload: Payload
  const drives: (number | string)[] = []
  const kinds = (): StoreKind[] => ['api', ...(hasTables(payload) ? (['tables'] as const) : []), ...(signUpLaneOf(payload) ? (['lane'] as const) : [])]
  const use = (kind: StoreKind) => {
    const lane = signUpLaneOf(payload)
    choosePledgeStore(payload, () => (kind === 'lane' && lane ? lane.storeOf(pledgeLaneOps) : localStore(pledgeOps(payload, kind === 'tables' ? 'tables' : 'api'))))
  }

  beforeAll(async () => {
    payload = await testPayload()
  })
  afterAll(async () => {
    choosePledgeStore(payload, null)
    if (drives.length) {
      await payload.delete({ collection: 'pledges', where: { drive: { in: drives } }, overrideAccess: true })
      await payload.delete({ collection: 'drives', where: { id: { in: drives } }, overrideAccess: true })
    }
  })

  async function makeDrive(quantities: number[]): Promise<Drive> {
    const drive = await payload.create({
      collection: 'drives',
      data: {
        title: unique('Quà'),
        slug: unique('qua'),
        kind: 'mid-autumn',
        startsOn: '2020-01-01T00:00:00.000Z',
        moneyGoal: 100_000_000,
        items: quantities.map((quantity, i) => ({ kind: 'gift' as const, label: `Quà ${i}`, quantity })),
        _status: 'published',
      },
    })
    drives.push(drive.id)
    return drive
  }

  const key = () => unique('key').replace(/[^A-Za-z0-9_-]/g, '').padEnd(20, 'x')
  const input = (drive: Drive, name: string, over: Partial<TPledge> = {}): TPledge => ({
    driveId: drive.id,
    idempotencyKey: key(),
    donor: { kind: 'person', name, email: `donor-${[...name].reduce((n, c) => n + (c.codePointAt(0) ?? 0), 0)}@example.vn` },
    listed: name.length % 2 === 0,
    items: [],
    ...over,
  })
  const line = (drive: Drive, index: number, quantity: number) => ({ item: drive.items?.[index]?.id ?? '', quantity })

  /** Everything stored for a drive, without ids, references and times (which differ by nature). */
  async function stored(drive: Drive) {
    const itemIndex = new Map((drive.items ?? []).map((item, i) => [item.id ?? '', i]))
    const pledges = await payload.find({ collection: 'pledges', where: { drive: { equals: drive.id } }, limit: 0, pagination: false, depth: 0, sort: 'donor.name' })
    const claims = await payload.find({ collection: 'claims', where: { pool: { in: (drive.items ?? []).map((i) => `drives:${drive.id}:items:${i.id}`) } }, limit: 0, pagination: false, depth: 0 })
    const byPledge = new Map(pledges.docs.map((p) => [String(p.id), p.donor.name]))
    return {
      // every field but those that differ by nature (ids, references, keys, times)
      pledges: pledges.docs.map(({ id: _id, reference, createdAt: _c, updatedAt: _u, idempotencyKey: _k, drive: _d, items, ...rest }) => ({
        ...rest,
        items: (items ?? []).map(({ id: _line, item, ...l }) => ({ ...l, item: itemIndex.get(item) })),
        referenceShape: /^TT-[2-9A-HJKMNP-TW-Z]{5}$/.test(reference),
      })),
      units: claims.docs
        .map((c) => {
          const [, pledgeId = '', item = ''] = c.claimant.split(':')
          return `${byPledge.get(pledgeId) ?? '?'} item ${itemIndex.get(item)} part ${c.part}`
        })
        .sort(),
      numbersPerPool: (drive.items ?? []).map((item) => claims.docs.filter((c) => c.pool === `drives:${drive.id}:items:${item.id}`).map((c) => c.number).sort((a, b) => a - b)),
    }
  }

  const answers = (outcomes: PledgeOutcome[]) => outcomes.map((o) => (o.kind === 'accepted' ? { kind: o.kind, amount: o.amount, items: o.items.length, payment: o.payment !== null } : o.kind === 'covered' ? { kind: o.kind, left: o.left } : o))

  const scenarios: Record<string, (drive: Drive, kind: StoreKind) => Promise<unknown>> = {
    'money and two items; one covered, refused whole; a retry answered from the first': async (drive, kind) => {
      const first = input(drive, 'An', { amount: 500_000, message: 'Chúc các em vui Trung thu', items: [line(drive, 0, 2), line(drive, 1, 1)] })
      const out = [await pledge(payload, first)]
      out.push(await pledge(payload, input(drive, 'Bình', { items: [line(drive, 0, 1), line(drive, 1, 6)] })))
      out.push(await pledge(payload, { ...first, amount: 9_999_000 }))
      out.push(await pledge(payload, input(drive, 'Chi', { amount: 1_000 })))
      expect(answers(out), kind).toEqual([
        { kind: 'accepted', amount: 500_000, items: 2, payment: false },
        { kind: 'covered', left: 5 },
        { kind: 'accepted', amount: 500_000, items: 2, payment: false },
        { kind: 'accepted', amount: 1_000, items: 0, payment: false },
      ])
      return answers(out)
    },
    'one submission sent 6 times at once': async (drive) => {
      const same = input(drive, 'Dũng', { items: [line(drive, 0, 3)] })
      const out = await Promise.all(Array.from({ length: 6 }, () => pledge(payload, same)))
      expect(new Set(out.map((o) => (o.kind === 'accepted' ? o.reference : o.kind))).size).toBe(1)
      return answers(out).map((a) => a.kind)
    },
    '30 donors racing for the 4 units left of an item': async (drive) => {
      await pledge(payload, input(drive, 'Đầu tiên', { items: [line(drive, 1, 2)] }))
      const out = await Promise.all(Array.from({ length: 30 }, (_, i) => pledge(payload, input(drive, `Người ${String(i).padStart(2, '0')}`, { items: [line(drive, 1, 1)] }))))
      const accepted = out.filter((o) => o.kind === 'accepted').length
      expect(accepted).toBe(4)
      return accepted
    },
  }

  for (const [name, run] of Object.entries(scenarios)) {
    it(`same documents: ${name}`, async () => {
      const results: Record<string, unknown> = {}
      for (const kind of kinds()) {
        use(kind)
        const drive = await makeDrive([5, 6])
        const answer = await run(drive, kind)
        const docs = await stored(drive)
        if (name.startsWith('30 donors')) {
          // who wins a race differs from run to run: compare the counts, not the names
          results[kind] = { answer, pledges: docs.pledges.length, units: docs.units.length, numbersPerPool: docs.numbersPerPool }
        } else results[kind] = { answer, ...docs }
      }
      for (const kind of kinds()) expect(results[kind], kind).toEqual(results.api)
      expect(Object.keys(results)).toEqual(kinds())
    })
  }
})
