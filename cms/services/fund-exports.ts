/**
 * Exports of a gift drive for fund officers (the accounts office, the year's report, calling
 * donors from a spreadsheet):
 * - **donors**: one row per pledge — who, how to reach them, whether they may be named, what
 *   they pledged and what was received, its status and reference;
 * - **receipts**: one row per numbered receipt, in number order — what the fund's books need.
 *
 * Same conventions as every export (cms/services/exports.ts): CSV with a byte-order mark and
 * formula-looking cells neutralised, or XLSX with text cells; headers in Vietnamese or English.
 * Donors' contacts are personal data: fund officers and admins only, and every export is logged.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { Lang } from '../i18n/messages'
import { audit } from './audit'
import { nationalPhone, tableFile, type ExportFile, type ExportFormat, type TableRow } from './exports'
import { requireFundStaff } from './fund-staff'
import { idOf, type Id } from './ids'
import { DONOR_KINDS_LABELS, PLEDGE_STATUSES, RECEIPT_SOURCES, type PledgeStatus } from './pledges'
import { StaffError, displayDay, displayMoment } from './staff'

export const DRIVE_EXPORTS = ['donors', 'receipts'] as const
export type DriveExport = (typeof DRIVE_EXPORTS)[number]

export const DONOR_COLUMNS = {
  name: { vi: 'Nhà hảo tâm', en: 'Donor' },
  kind: { vi: 'Là', en: 'Kind' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  listed: { vi: 'Đồng ý hiện tên', en: 'Agreed to be named' },
  pledgedAmount: { vi: 'Số tiền cam kết (đồng)', en: 'Money pledged (đồng)' },
  pledgedItems: { vi: 'Hiện vật cam kết', en: 'Items pledged' },
  receivedAmount: { vi: 'Số tiền đã nhận (đồng)', en: 'Money received (đồng)' },
  receivedItems: { vi: 'Hiện vật đã nhận', en: 'Items received' },
  status: { vi: 'Trạng thái', en: 'Status' },
  reference: { vi: 'Mã ủng hộ', en: 'Reference' },
  created: { vi: 'Ngày cam kết', en: 'Pledged at' },
} as const satisfies Record<string, Record<Lang, string>>

export const RECEIPT_COLUMNS = {
  number: { vi: 'Số biên nhận', en: 'Receipt number' },
  receivedOn: { vi: 'Ngày nhận', en: 'Received on' },
  donor: { vi: 'Nhà hảo tâm', en: 'Donor' },
  amount: { vi: 'Số tiền (đồng)', en: 'Money (đồng)' },
  items: { vi: 'Hiện vật', en: 'Items' },
  source: { vi: 'Nguồn', en: 'Source' },
  recordedBy: { vi: 'Người ghi nhận', en: 'Recorded by' },
  pledgeReference: { vi: 'Mã ủng hộ', en: 'Pledge reference' },
} as const satisfies Record<string, Record<Lang, string>>

const YES_NO = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } } as const

/** "2 × Xe đạp; 10 × Sổ tiết kiệm" (lines of zero left out). */
const itemsText = (lines: { item: string; quantity: number }[], labelOf: (item: string) => string) =>
  lines
    .filter((l) => l.quantity > 0)
    .map((l) => `${l.quantity} × ${labelOf(l.item)}`)
    .join('; ')

/** The rows of a drive's donor list, oldest pledge first (no access check: see exportDrive). */
export async function donorRows(payload: Payload, driveId: Id, lang: Lang, labelOf: (item: string, stored?: string | null) => string): Promise<{ rows: TableRow<typeof DONOR_COLUMNS>[]; ids: Id[] }> {
  const res = await payload.find({ collection: 'pledges', where: { drive: { equals: driveId } }, sort: 'createdAt', limit: 0, pagination: false, depth: 0 })
  const rows = res.docs.map((p) => {
    const label = (item: string) => labelOf(item, p.items?.find((l) => l.item === item)?.label)
    return {
      name: p.donor.name,
      kind: DONOR_KINDS_LABELS[p.donor.kind][lang],
      phone: nationalPhone(p.donor.phone),
      email: p.donor.email ?? '',
      listed: YES_NO[p.listed ? 'yes' : 'no'][lang],
      pledgedAmount: p.amount ?? '',
      pledgedItems: itemsText(p.items ?? [], label),
      receivedAmount: p.receivedAmount ?? 0,
      receivedItems: itemsText((p.items ?? []).map((l) => ({ item: l.item, quantity: l.received ?? 0 })), label),
      status: p.status in PLEDGE_STATUSES ? PLEDGE_STATUSES[p.status as PledgeStatus][lang] : p.status,
      reference: p.reference,
      created: displayMoment(p.createdAt),
    }
  })
  return { rows, ids: res.docs.map((p) => p.id) }
}

/** The rows of a drive's receipts, in number order (no access check: see exportDrive). */
export async function receiptRows(payload: Payload, driveId: Id, lang: Lang, labelOf: (item: string, stored?: string | null) => string): Promise<{ rows: TableRow<typeof RECEIPT_COLUMNS>[]; ids: Id[] }> {
  const res = await payload.find({ collection: 'donation-receipts', where: { drive: { equals: driveId } }, sort: 'number', limit: 0, pagination: false, depth: 0 })
  const pledgeIds = [...new Set(res.docs.map((r) => idOf(r.pledge)).filter((id): id is Id => id !== null))]
  const userIds = [...new Set(res.docs.map((r) => idOf(r.recordedBy)).filter((id): id is Id => id !== null))]
  const [pledges, users] = await Promise.all([
    pledgeIds.length ? payload.find({ collection: 'pledges', where: { id: { in: pledgeIds } }, limit: 0, pagination: false, depth: 0, select: { reference: true, donor: true } }) : { docs: [] },
    userIds.length ? payload.find({ collection: 'users', where: { id: { in: userIds } }, limit: 0, pagination: false, depth: 0, select: { name: true, email: true } }) : { docs: [] },
  ])
  const pledgeOf = new Map(pledges.docs.map((p) => [String(p.id), p]))
  const userOf = new Map(users.docs.map((u) => [String(u.id), u.name || u.email]))
  const rows = res.docs.map((r) => {
    const pledge = pledgeOf.get(String(idOf(r.pledge)))
    return {
      number: r.number,
      receivedOn: displayDay(r.receivedOn),
      donor: pledge?.donor.name ?? '',
      amount: r.amount ?? '',
      items: itemsText(r.items ?? [], (item) => labelOf(item, r.items?.find((l) => l.item === item)?.label)),
      source: RECEIPT_SOURCES[r.source][lang],
      recordedBy: userOf.get(String(idOf(r.recordedBy))) ?? '',
      pledgeReference: pledge?.reference ?? '',
    }
  })
  return { rows, ids: res.docs.map((r) => r.id) }
}

/** Builds a drive's donor list or receipts for a fund officer or an admin, and logs it. */
export async function exportDrive(payload: Payload, req: PayloadRequest, args: { driveId: Id; what: DriveExport; format: ExportFormat; lang: Lang }): Promise<ExportFile> {
  requireFundStaff(req)
  const drive = await payload.findByID({ collection: 'drives', id: args.driveId, depth: 0, locale: args.lang, disableErrors: true, select: { title: true, slug: true, items: true } })
  if (!drive) throw new StaffError('driveNotFound', 404)
  const labelOf = (item: string, stored?: string | null) => drive.items?.find((i) => i.id === item)?.label ?? stored ?? item
  const day = new Date().toISOString().slice(0, 10)
  const slug = drive.slug || String(drive.id)
  let file: ExportFile
  let ids: Id[]
  if (args.what === 'donors') {
    const table = await donorRows(payload, drive.id, args.lang, labelOf)
    ids = table.ids
    file = await tableFile({ columns: DONOR_COLUMNS, rows: table.rows, lang: args.lang, format: args.format, base: `nha-hao-tam-${slug}-${day}`, sheetTitle: drive.title })
  } else {
    const table = await receiptRows(payload, drive.id, args.lang, labelOf)
    ids = table.ids
    file = await tableFile({ columns: RECEIPT_COLUMNS, rows: table.rows, lang: args.lang, format: args.format, base: `bien-nhan-${slug}-${day}`, sheetTitle: drive.title })
  }
  await audit(
    payload,
    {
      action: args.format === 'csv' ? 'export-csv' : 'export-xlsx',
      resource: args.what === 'donors' ? 'pledges' : 'donation-receipts',
      documentIds: ids,
      summary: `${file.filename} (${file.count})`,
    },
    req,
  )
  return file
}
