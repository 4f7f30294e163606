/**
 * Hand-overs (bàn giao): the record that a drive's item — a Mid-Autumn gift box, a bicycle, a
 * scholarship — went to one child of a commune's aid list (cms/services/aid-recipients.ts), on
 * a day, recorded by a coordinator of that commune.
 *
 * Who received what is the child's private information (Decree 56/2017 counts "services
 * received" among it), so a hand-over is read only by admins and the coordinators of the
 * child's commune, every staff read and export is logged, and nothing of it reaches the public
 * but **counts**: per commune, how many of each item and how many children ("400 gifts given in
 * 12 communes"). `handOverCounts` is that public view, and it carries no name and no id of a child.
 *
 * A hand-over's commune (`area`) is copied from the child's row on every write: it is what the
 * access rules filter on and what the counts group by, and no client can set it.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { checkRole } from '../access/roles'
import type { Lang } from '../i18n/messages'
import type { Drive, HandOver } from '../payload-types'
import { AidError } from './aid-recipients'
import { audit } from './audit'
import { vietnamDay } from './drives'
import { PRIORITY_GROUPS } from './events'
import { tableFile, type ExportFile, type ExportFormat } from './exports'
import { asId, idOf, type Id } from './ids'
import { displayDay, inScope, scopeOf } from './staff'

type HandOverData = Partial<Pick<HandOver, 'drive' | 'item' | 'recipient' | 'quantity' | 'handedOverOn' | 'handedOverBy' | 'area'>>

/**
 * What every write of a hand-over keeps, whoever makes it: the drive exists and the item is one
 * of its item rows; the child is on an aid list, in a commune the user covers (admins: any);
 * the quantity is a whole number ≥ 1; `area` is the child's commune and `handedOverBy` the staff
 * member who recorded it (on a change, whoever first recorded it). Reads go to the adapter in
 * the write's transaction, not as the user: a check is not a staff read to log.
 */
export async function checkHandOver<T extends HandOverData>(
  payload: Payload,
  req: PayloadRequest,
  args: { data: T; original?: HandOverData; operation: 'create' | 'update'; lang: Lang },
): Promise<T & { area: number | null; handedOverBy: number | null; handedOverOn: string }> {
  const { data, original, lang } = args
  const driveId = idOf(data.drive ?? original?.drive)
  const recipientId = idOf(data.recipient ?? original?.recipient)
  const item = data.item ?? original?.item ?? ''
  const quantity = data.quantity ?? original?.quantity

  const drive = driveId === null ? null : await payload.db.findOne<Drive>({ collection: 'drives', where: { id: { equals: driveId } }, req })
  if (!drive) throw new AidError(lang, 'handOverDriveNotFound', 404)
  if (!(drive.items ?? []).some((row) => row.id === item)) throw new AidError(lang, 'handOverItemNotInDrive', 400, { item })
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) throw new AidError(lang, 'handOverQuantity', 400)

  const recipient = recipientId === null ? null : await payload.db.findOne<{ id: Id; area: Id | { id: Id } }>({ collection: 'aid-recipients', where: { id: { equals: recipientId } }, req })
  if (!recipient) throw new AidError(lang, 'recipientNotFound', 404)
  const area = idOf(recipient.area)

  const staffUser = req.user && req.user.collection === 'users' ? req.user : null
  if (staffUser) {
    const scope = await scopeOf(req)
    const was = idOf(original?.area)
    if (!scope) throw new AidError(lang, 'handOverForbidden', 403)
    if (!inScope(scope, area) || (was !== null && !inScope(scope, was))) throw new AidError(lang, 'recipientOutsideAreas', 403)
  }
  const handedOverBy = args.operation === 'create' ? (staffUser?.id ?? data.handedOverBy ?? null) : (original?.handedOverBy ?? null)
  const handedOverOn = data.handedOverOn ?? original?.handedOverOn ?? `${vietnamDay(new Date())}T00:00:00.000Z`
  const by = idOf(handedOverBy)
  return { ...data, area: area === null ? null : asId(area), handedOverBy: by === null ? null : asId(by), handedOverOn }
}

export type HandOverInput = { drive: Id; item: string; recipient: Id; quantity: number; handedOverOn?: string; note?: string }

/**
 * Records that `quantity` of a drive's item went to one child: refused unless the user is an
 * admin or a coordinator covering the child's commune, and the item belongs to the drive (the
 * same rules the collection's hook keeps for the admin and REST). Logged as a staff creation.
 */
export async function recordHandOver(payload: Payload, req: PayloadRequest, input: HandOverInput, lang: Lang = 'vi'): Promise<HandOver> {
  if (!checkRole(['admin', 'coordinator'], req.user)) throw new AidError(lang, 'handOverForbidden', 403)
  const data = await checkHandOver(payload, req, {
    data: { drive: asId(input.drive), item: input.item, recipient: asId(input.recipient), quantity: input.quantity, handedOverOn: input.handedOverOn },
    operation: 'create',
    lang,
  })
  return payload.create({ collection: 'hand-overs', data: { ...data, drive: asId(input.drive), item: input.item, recipient: asId(input.recipient), quantity: input.quantity, note: input.note }, req, overrideAccess: false, depth: 0 })
}

/** The drives staff record and export hand-overs for: the most recent first (their own titles, not a child in sight). */
export async function drivesForHandOvers(payload: Payload, lang: Lang, limit = 20): Promise<{ id: Id; title: string; items: { id: string; label: string }[] }[]> {
  const found = await payload.find({ collection: 'drives', sort: '-startsOn', limit, depth: 0, locale: lang, select: { title: true, items: true } })
  return found.docs.map((d) => ({ id: d.id, title: d.title, items: (d.items ?? []).map((i) => ({ id: i.id ?? '', label: i.label })) }))
}

// ---------------------------------------------------------------------------------------------
// The public view: counts only

/** How much of one item went out. */
export type ItemCount = { item: string; kind: string; label: string; quantity: number }

/**
 * What a drive handed over, as the public (the drive's page) and the staff report show it:
 * per commune the quantity of each item and the number of distinct children, and the totals.
 * Counts only: no name, no birth year, no id of a child is in it.
 */
export type HandOverCounts = {
  drive: Id
  communes: { area: Id; name: string; children: number; quantity: number; items: ItemCount[] }[]
  items: ItemCount[]
  totals: { quantity: number; children: number; communes: number }
}

/**
 * Counts a drive's hand-overs (read by the server, not as a user: nothing is logged, nothing
 * private leaves). Communes in name order; items in the drive's order, only those handed over.
 */
export async function handOverCounts(payload: Payload, driveId: Id, locale: Lang = 'vi'): Promise<HandOverCounts> {
  const [handOvers, drive] = await Promise.all([
    payload.find({ collection: 'hand-overs', where: { drive: { equals: driveId } }, limit: 0, pagination: false, depth: 0, select: { area: true, item: true, quantity: true, recipient: true } }),
    payload.findByID({ collection: 'drives', id: asId(driveId), depth: 0, locale, disableErrors: true, select: { items: true } }),
  ])
  const order = (drive?.items ?? []).map((row) => row.id ?? '')
  const itemOf = (id: string): Omit<ItemCount, 'quantity'> => {
    const row = (drive?.items ?? []).find((r) => r.id === id)
    return { item: id, kind: row?.kind ?? 'other', label: row?.label ?? '' }
  }
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length)
  const sortItems = (m: Map<string, number>): ItemCount[] =>
    [...m.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([id, quantity]) => ({ ...itemOf(id), quantity }))

  type Tally = { children: Set<string>; items: Map<string, number>; quantity: number }
  const byArea = new Map<string, Tally>()
  const all: Tally = { children: new Set(), items: new Map(), quantity: 0 }
  for (const h of handOvers.docs) {
    const area = idOf(h.area)
    // A child removed from the list since (an admin's delete) still counts as items handed over, not as a child.
    const recipient = idOf(h.recipient)
    if (area === null) continue
    const tally = byArea.get(String(area)) ?? { children: new Set<string>(), items: new Map<string, number>(), quantity: 0 }
    byArea.set(String(area), tally)
    for (const t of [tally, all]) {
      if (recipient !== null) t.children.add(String(recipient))
      t.items.set(h.item, (t.items.get(h.item) ?? 0) + h.quantity)
      t.quantity += h.quantity
    }
  }
  const areaIds = [...byArea.keys()]
  const areas = areaIds.length
    ? await payload.find({ collection: 'areas', where: { id: { in: areaIds } }, limit: 0, pagination: false, depth: 0, locale, select: { name: true } })
    : { docs: [] }
  const nameOf = new Map(areas.docs.map((a) => [String(a.id), a.name]))
  const communes = areas.docs
    .map((a) => {
      const tally = byArea.get(String(a.id))
      return { area: a.id, name: nameOf.get(String(a.id)) ?? '', children: tally?.children.size ?? 0, quantity: tally?.quantity ?? 0, items: tally ? sortItems(tally.items) : [] }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  return { drive: driveId, communes, items: sortItems(all.items), totals: { quantity: all.quantity, children: all.children.size, communes: communes.length } }
}

// ---------------------------------------------------------------------------------------------
// The staff export

export const HAND_OVER_COLUMNS = {
  handedOverOn: { vi: 'Ngày bàn giao', en: 'Handed over on' },
  commune: { vi: 'Xã / phường', en: 'Commune' },
  familyName: { vi: 'Họ và tên đệm', en: 'Family name' },
  givenName: { vi: 'Tên', en: 'Given name' },
  birthYear: { vi: 'Năm sinh', en: 'Birth year' },
  priorityGroup: { vi: 'Hoàn cảnh', en: 'Circumstances' },
  item: { vi: 'Hiện vật', en: 'Item' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  handedOverBy: { vi: 'Người bàn giao', en: 'Recorded by' },
  note: { vi: 'Ghi chú', en: 'Note' },
} as const satisfies Record<string, Record<Lang, string>>
export type HandOverColumn = keyof typeof HAND_OVER_COLUMNS
const SHEET_TITLE = { vi: 'Bàn giao', en: 'Hand-overs' } as const satisfies Record<Lang, string>

/**
 * The hand-overs of a drive as a CSV or XLSX file (the conventions of cms/services/exports.ts):
 * admins get every commune, coordinators only the communes they cover, anyone else is refused.
 * Each export is one audit entry naming every hand-over in it.
 */
export async function exportHandOvers(payload: Payload, req: PayloadRequest, args: { driveId: Id; format: ExportFormat; lang: Lang }): Promise<ExportFile> {
  const { lang } = args
  const scope = await scopeOf(req)
  if (!scope) throw new AidError(lang, 'handOverForbidden', 403)
  const drive = await payload.findByID({ collection: 'drives', id: asId(args.driveId), depth: 0, locale: lang, disableErrors: true, select: { title: true, slug: true, items: true } })
  if (!drive) throw new AidError(lang, 'handOverDriveNotFound', 404)
  const where: Where = scope.all ? { drive: { equals: drive.id } } : { and: [{ drive: { equals: drive.id } }, { area: { in: scope.areas } }] }
  const handOvers = await payload.find({ collection: 'hand-overs', where, limit: 0, pagination: false, depth: 0, sort: 'handedOverOn' })
  const ids = <K extends 'area' | 'recipient' | 'handedOverBy'>(key: K) => [...new Set(handOvers.docs.map((h) => idOf(h[key])).filter((v): v is Id => v !== null))]
  // Read by the server (the export's own audit entry names what was read), none when there is nothing to look up.
  const none = { docs: [] }
  const recipientIds = ids('recipient')
  const areaIds = ids('area')
  const userIds = ids('handedOverBy')
  const [recipients, areas, users] = await Promise.all([
    recipientIds.length ? payload.find({ collection: 'aid-recipients', where: { id: { in: recipientIds } }, limit: 0, pagination: false, depth: 0 }) : none,
    areaIds.length ? payload.find({ collection: 'areas', where: { id: { in: areaIds } }, limit: 0, pagination: false, depth: 0, locale: lang, select: { name: true } }) : none,
    userIds.length ? payload.find({ collection: 'users', where: { id: { in: userIds } }, limit: 0, pagination: false, depth: 0, select: { name: true, email: true } }) : none,
  ])
  const byId = <D extends { id: Id }>(docs: D[]) => new Map(docs.map((d) => [String(d.id), d]))
  const recipientOf = byId(recipients.docs)
  const areaOf = byId(areas.docs)
  const userOf = byId(users.docs)
  const labelOf = new Map((drive.items ?? []).map((row) => [row.id ?? '', row.label]))

  const rows = handOvers.docs
    .map((h) => {
      const child = recipientOf.get(String(idOf(h.recipient)))
      const user = userOf.get(String(idOf(h.handedOverBy)))
      const cells: Record<HandOverColumn, string | number> = {
        handedOverOn: displayDay(h.handedOverOn),
        commune: areaOf.get(String(idOf(h.area)))?.name ?? '',
        familyName: child?.familyName ?? '',
        givenName: child?.givenName ?? '',
        birthYear: child?.birthYear ?? '',
        priorityGroup: child?.priorityGroup ? PRIORITY_GROUPS[child.priorityGroup][lang] : '',
        item: labelOf.get(h.item) ?? h.item,
        quantity: h.quantity,
        handedOverBy: user ? user.name || user.email : '',
        note: h.note ?? '',
      }
      return cells
    })
    .sort((a, b) => String(a.commune).localeCompare(String(b.commune), 'vi') || String(a.familyName).localeCompare(String(b.familyName), 'vi') || String(a.givenName).localeCompare(String(b.givenName), 'vi'))
  const base = `ban-giao-${drive.slug || drive.id}-${new Date().toISOString().slice(0, 10)}`
  const file = await tableFile({ columns: HAND_OVER_COLUMNS, rows, lang, format: args.format, base, sheetTitle: drive.title || SHEET_TITLE[lang] })
  await audit(
    payload,
    { action: args.format === 'csv' ? 'export-csv' : 'export-xlsx', resource: 'hand-overs', documentIds: handOvers.docs.map((h) => h.id), summary: `${file.filename} (${rows.length})` },
    req,
  )
  return file
}
