/**
 * Pledges: what a donor promises a gift drive (cms/services/drives.ts) — money, items, or both —
 * and what became of it: pledged → received (partly or in full, recorded as receipts) →
 * thanked; or cancelled / lapsed.
 *
 * A pledge of items claims units of each item's pool through the capacity engine
 * (cms/services/capacity.ts `allocateBundle`): every line or none, so 200 donors pressing for
 * 90 bicycles at once get at most 90, and a donor whose item is covered is told so and offered
 * the others, with nothing stored. Money has no cap. A pledge sent twice (a double click, a
 * retry) is answered from the first one: the idempotency key finds it.
 */
import type { Payload } from 'payload'
import type { Drive, Pledge } from '../payload-types'
import type { TPledge } from '../schemas/pledge'
import { allocateBundle, release, unitsLeft, type AsyncOps, type BundleAllocation, type CapacityOps, type CapacityStore, type Claimed } from './capacity'
import { localStore, localUnitOps } from './capacity-store'
import { announceContentChange } from './content-events'
import { itemPool, pledgeWindowProblem, type DriveItem } from './drives'
import { uniqueViolationOn } from './errors'
import { asId, type Id } from './ids'
import { Kept } from './kept'
import { oneAtATime } from './process-wide'
import { newPledgeReference } from './pledge-reference'
import { pledgeLaneOps } from './pledge-sqlite'
import { signUpLaneOf } from './signup-sqlite'
import { defaultWrites, insertDocument, updateRow, type SqlRow, type Writes } from './sql-rows'
import { findBank, vietQrPayload } from './vietqr'

export const PLEDGE_STATUSES = {
  pending: { vi: 'Đang xử lý', en: 'Processing' },
  pledged: { vi: 'Đã cam kết', en: 'Pledged' },
  'partly-received': { vi: 'Đã nhận một phần', en: 'Partly received' },
  received: { vi: 'Đã nhận đủ', en: 'Received' },
  thanked: { vi: 'Đã cảm ơn', en: 'Thanked' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
  lapsed: { vi: 'Hết hạn', en: 'Lapsed' },
} as const
export type PledgeStatus = keyof typeof PLEDGE_STATUSES

export const DONOR_KINDS_LABELS = {
  person: { vi: 'Cá nhân', en: 'Person' },
  organisation: { vi: 'Doanh nghiệp, cơ quan', en: 'Business or organisation' },
  group: { vi: 'Nhóm, tập thể', en: 'Group' },
} as const

export const RECEIPT_SOURCES = {
  manual: { vi: 'Cán bộ ghi nhận', en: 'Recorded by an officer' },
  'bank-transfer': { vi: 'Thông báo chuyển khoản', en: 'Transfer notification' },
  statement: { vi: 'Sao kê ngân hàng', en: 'Bank statement' },
} as const

export const TRANSFER_STATUSES = {
  matched: { vi: 'Đã khớp', en: 'Matched' },
  unmatched: { vi: 'Chưa khớp', en: 'Unmatched' },
  ignored: { vi: 'Bỏ qua (tiền ra)', en: 'Ignored (money out)' },
} as const

/** Pledges that still count as promised (what is not yet received shows apart on the bars). */
export const OPEN_STATUSES: PledgeStatus[] = ['pledged', 'partly-received']
/** Pledges that hold their items' units. */
export const HOLDING_STATUSES: PledgeStatus[] = ['pledged', 'partly-received', 'received', 'thanked']

/** The units of one line of a pledge are held under this name. */
export const claimantOfLine = (pledgeId: Id, itemId: string) => `pledges:${pledgeId}:${itemId}`

type DriveDoc = Pick<Drive, 'id' | 'title' | 'startsOn' | 'endsOn' | 'items' | 'moneyGoal' | 'account'>

export class DriveNotFound extends Error {
  override name = 'DriveNotFound'
}

export type PledgeRefusal = 'not-open' | 'closed' | 'unknown-item'

export type PledgeOutcome =
  | { kind: 'accepted'; id: Id; reference: string; amount: number | null; items: { item: string; label: string; quantity: number }[]; payment: PaymentInstructions | null }
  | { kind: 'refused'; reason: PledgeRefusal }
  /** The item at `item` is covered (or has fewer units left than asked): nothing was stored. */
  | { kind: 'covered'; item: string; label: string; left: number }
  /** The same submission was cancelled since. */
  | { kind: 'ended'; reference: string }

/** A pledge as the pledge service makes it (pending until its items' units are claimed). */
export type NewPledge = {
  driveId: Id
  reference: string
  idempotencyKey: string
  status: 'pending' | 'pledged'
  donor: TPledge['donor']
  listed: boolean
  language: 'vi' | 'en'
  amount: number | null
  items: { item: string; label: string; quantity: number }[]
  message?: string
}

const FIELDS = { reference: true, status: true } as const

/** The state of the capacity engine a pledge's status stands for. */
export function pledgeState(status: string | null | undefined): Claimed['state'] {
  if (status === 'cancelled' || status === 'lapsed') return 'ended'
  if (status === 'pending' || !status) return 'pending'
  return 'held'
}

export const asClaimedPledge = (row: { id: Id; reference: string; status?: string | null }): Claimed => ({
  id: row.id,
  reference: row.reference,
  claimant: `pledges:${row.id}`,
  state: pledgeState(row.status),
  waitingSince: null,
  grouped: false,
})

/** Pledges never wait: the engine's waitlist steps are never called for them (both stores). */
export const noWaitlist = (): never => {
  throw new Error('Pledges have no waitlist')
}

/** The columns of a new pledge and of its item lines, as the Local API would store them. */
function pledgeRows(record: NewPledge, reference: string): { row: SqlRow; items: SqlRow[] } {
  const at = new Date().toISOString()
  const { donor } = record
  return {
    row: {
      reference, drive: record.driveId, status: record.status, donor_kind: donor.kind, donor_name: donor.name, donor_phone: donor.phone ?? null, donor_email: donor.email ?? null,
      listed: record.listed, language: record.language, amount: record.amount, receivedAmount: 0, message: record.message ?? null, idempotencyKey: record.idempotencyKey, updatedAt: at, createdAt: at,
    },
    items: record.items.map((line, i) => ({ id: `${record.idempotencyKey}:${i}`, item: line.item, label: line.label, quantity: line.quantity, received: 0 })),
  }
}

/**
 * Pledges as claimants of the capacity engine, over the Local API (every adapter). Where there
 * are tables, a new pledge's rows go straight into them and it is marked pledged there
 * (cms/services/sql-rows.ts: the same columns in a fifth of the time; the conformance tests
 * compare both ways).
 */
export function pledgeOps(payload: Payload, writes: Writes = defaultWrites(payload)): AsyncOps<CapacityOps<NewPledge>> {
  const insert = async (record: NewPledge, reference: string): Promise<Claimed> => {
    if (writes === 'tables') {
      const { row, items } = pledgeRows(record, reference)
      return asClaimedPledge({ id: await insertDocument(payload, 'pledges', row, { items }), reference, status: record.status })
    }
    const { driveId, ...data } = record
    return asClaimedPledge(await payload.create({ collection: 'pledges', depth: 0, select: FIELDS, data: { ...data, drive: asId(driveId), reference } }))
  }
  return {
    ...localUnitOps(payload),
    async earlier(key) {
      const res = await payload.find({ collection: 'pledges', where: { idempotencyKey: { equals: key } }, limit: 1, depth: 0, pagination: false, select: FIELDS })
      const row = res.docs[0]
      return row ? asClaimedPledge(row) : null
    },
    async store(record) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await insert(record, attempt ? newPledgeReference() : record.reference)
        } catch (err) {
          const on = uniqueViolationOn(err)
          if (on === 'idempotencyKey') return 'same-attempt'
          // a reference drawn twice (one in millions): draw again
          if (on === 'reference' && attempt < 5) continue
          throw err
        }
      }
    },
    hold: async (id) => {
      const data = { status: 'pledged' as const, updatedAt: new Date().toISOString() }
      if (writes === 'tables') await updateRow(payload, 'pledges', id, data)
      else await payload.db.updateOne({ collection: 'pledges', id, data, returning: false })
    },
    async drop(id) {
      const doc = await payload.findByID({ collection: 'pledges', id, depth: 0, select: { items: true } })
      for (const line of doc.items ?? []) await payload.delete({ collection: 'claims', where: { claimant: { equals: claimantOfLine(id, line.item) } }, depth: 0 })
      await payload.db.deleteOne({ collection: 'pledges', where: { id: { equals: id } } })
    },
    wait: noWaitlist,
    anyoneWaiting: async () => false,
    position: noWaitlist,
    queue: async () => [],
  }
}

type StoreMaker = () => CapacityStore
const chosen = new WeakMap<Payload, StoreMaker>()

/** Puts every pledge of this Payload through another store (null: back to the default); the conformance suite runs both this way. */
export function choosePledgeStore(payload: Payload, make: StoreMaker | null): void {
  if (make) chosen.set(payload, make)
  else chosen.delete(payload)
}

/** The store pledges are allocated in: the SQLite lane on the embedded database, the Local API elsewhere. */
export function pledgeStore(payload: Payload): CapacityStore {
  const make = chosen.get(payload)
  if (make) return make()
  return signUpLaneOf(payload)?.storeOf(pledgeLaneOps) ?? localStore(pledgeOps(payload))
}

/**
 * A rush of pledges reads the same drive over and over: a published drive is kept for a moment,
 * and dropped at once when any drive changes.
 */
const drivesKept = new WeakMap<Payload, Kept<DriveDoc>>()

function loadDrive(payload: Payload, id: Id): Promise<DriveDoc> {
  let kept = drivesKept.get(payload)
  if (!kept) {
    kept = new Kept(2_000, (change) => change.source === 'drives')
    drivesKept.set(payload, kept)
  }
  return kept.get(String(id), () => readDrive(payload, id))
}

async function readDrive(payload: Payload, id: Id): Promise<DriveDoc> {
  const res = await payload.find({
    collection: 'drives',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { title: true, startsOn: true, endsOn: true, items: true, moneyGoal: true, account: true },
  })
  const drive = res.docs[0]
  if (!drive) throw new DriveNotFound(`No published drive ${id}`)
  return drive
}

/**
 * Takes one pledge from the public form (already checked by the shared schema). The capacity
 * engine's steps in order: the earlier attempt of the same submission → the drive takes pledges
 * now and every item is one of its own → the pledge stored, then every item line's units
 * claimed, or nothing kept and the covered item named.
 */
export async function pledge(payload: Payload, input: TPledge, options: { now?: Date; lang?: 'vi' | 'en' } = {}): Promise<PledgeOutcome> {
  const now = options.now ?? new Date()
  const drive = await loadDrive(payload, input.driveId)
  const items = new Map((drive.items ?? []).map((item) => [item.id ?? '', item]))
  const lines = input.items.map((line) => ({ item: line.item, label: items.get(line.item)?.label ?? '', quantity: line.quantity }))
  const record: NewPledge = {
    driveId: drive.id,
    reference: newPledgeReference(),
    idempotencyKey: input.idempotencyKey,
    status: lines.length ? 'pending' : 'pledged',
    donor: input.donor,
    listed: input.listed,
    language: options.lang ?? 'vi',
    amount: input.amount ?? null,
    items: lines,
    message: input.message,
  }
  const store = pledgeStore(payload)
  const result: BundleAllocation<PledgeRefusal> = await oneAtATime(`pledge:${input.idempotencyKey}`, () =>
    store.run(
      allocateBundle<NewPledge, PledgeRefusal>({
        key: input.idempotencyKey,
        eligibility: () => pledgeWindowProblem(drive, now) ?? (lines.every((l) => items.has(l.item)) ? null : 'unknown-item'),
        record,
        wants: (rec) => lines.map((line) => ({ claimant: claimantOfLine(rec.id, line.item), pools: [itemPool(drive.id, items.get(line.item) ?? { id: line.item, quantity: 0 })], units: line.quantity })),
      }),
    ),
  )
  switch (result.kind) {
    case 'held': {
      announceContentChange({ source: 'pledges', id: result.id })
      // a retry is answered from what the first attempt stored, whatever this one sent
      const fresh = result.reference === record.reference
      const stored = fresh ? record : await payload.findByID({ collection: 'pledges', id: result.id, depth: 0, select: { amount: true, items: true } })
      const amount = stored.amount ?? null
      const items = (stored.items ?? []).map((l) => ({ item: l.item, label: l.label ?? '', quantity: l.quantity }))
      return { kind: 'accepted', id: result.id, reference: result.reference, amount, items, payment: paymentInstructions(drive, result.reference, amount) }
    }
    case 'refused':
      return { kind: 'refused', reason: result.reason }
    case 'ended':
      return { kind: 'ended', reference: result.reference }
    case 'short': {
      const line = lines[result.index]
      const item = items.get(line?.item ?? '')
      const left = item ? await itemUnitsLeft(payload, drive.id, item) : 0
      return { kind: 'covered', item: line?.item ?? '', label: line?.label ?? '', left }
    }
  }
}

/** Units of an item still free to pledge. */
export async function itemUnitsLeft(payload: Payload, driveId: Id, item: DriveItem): Promise<number> {
  const pool = itemPool(driveId, item)
  const held = await payload.count({ collection: 'claims', where: { pool: { equals: pool.key } } })
  return unitsLeft(pool, held.totalDocs)
}

/**
 * Ends a pledge (the donor cancelled, or it lapsed unpaid): the units of items not received go
 * back to their pools, at once offered to other donors. What was received stands, and so do its
 * units. Safe to run again.
 */
export async function endPledge(payload: Payload, id: Id, status: 'cancelled' | 'lapsed', now = new Date()): Promise<void> {
  await oneAtATime(`pledge-change:${String(id)}`, async () => {
    const doc = await payload.findByID({ collection: 'pledges', id, depth: 0 })
    if (pledgeState(doc.status) === 'ended') return
    const store = localStore(pledgeOps(payload))
    for (const line of doc.items ?? []) {
      const claimant = claimantOfLine(id, line.item)
      const keep = Math.min(line.quantity, line.received ?? 0)
      if (keep === 0) await store.run(release(claimant))
      else await payload.delete({ collection: 'claims', where: { and: [{ claimant: { equals: claimant } }, { part: { greater_than: keep } }] }, depth: 0 })
    }
    await payload.db.updateOne({ collection: 'pledges', id, data: { status, endedAt: now.toISOString(), updatedAt: now.toISOString() }, returning: false })
    announceContentChange({ source: 'pledges', id })
  })
}

/** A pledge was deleted (by an admin): its units go back to their pools. */
export async function pledgeDeleted(payload: Payload, doc: Pick<Pledge, 'id' | 'items'>): Promise<void> {
  for (const line of doc.items ?? []) await payload.delete({ collection: 'claims', where: { claimant: { equals: claimantOfLine(doc.id, line.item) } }, depth: 0 })
  announceContentChange({ source: 'pledges', id: doc.id })
}


export type PaymentInstructions = { bankName: string; accountNumber: string; accountName: string; amount: number | null; note: string; qrPayload: string }

/**
 * How to pay a money pledge: the fund's account, the exact amount, the pledge reference as the
 * transfer note, and the VietQR text a banking app scans to fill all of it in. Null when the
 * drive has no account set (staff will call), or the pledge has no money in it.
 */
export function paymentInstructions(drive: Pick<Drive, 'account'>, reference: string, amount: number | null): PaymentInstructions | null {
  const account = drive.account
  if (!amount || !account?.bankBin || !account.accountNumber) return null
  const bank = findBank(account.bankBin)
  return {
    bankName: account.bankName || bank?.name || account.bankBin,
    accountNumber: account.accountNumber,
    accountName: account.accountName ?? '',
    amount,
    note: reference,
    qrPayload: vietQrPayload({ bin: account.bankBin, accountNumber: account.accountNumber, amount, note: reference }),
  }
}
