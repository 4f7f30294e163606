/**
 * Export of an event's registrations (the class list a coordinator prints or shares with the
 * instructors): one row per child, in CSV (UTF-8 with a byte-order mark so Excel shows
 * Vietnamese; cells that a spreadsheet would run as a formula are neutralised) or XLSX.
 * Scoped like reading registrations, and every export is written to the audit log.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Payload, PayloadRequest } from 'payload'
import type { Lang } from '../i18n/messages'
import type { Event, Registration } from '../payload-types'
import { audit } from './audit'
import { ageOn, firstSessionDay } from './eligibility'
import { PRIORITY_GROUPS } from './events'
import { idOf, type Id } from './ids'
import { consentInForce } from './registrations'
import { seatsOfEvent } from './seat-store'
import { GUARDIAN_RELATIONSHIPS, REGISTRATION_STATUSES, displayDay, displayMoment, scopedEvent } from './staff'

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The columns, in order, with their headers. */
export const EXPORT_COLUMNS = {
  reference: { vi: 'Mã đăng ký', en: 'Reference' },
  status: { vi: 'Trạng thái', en: 'Status' },
  seat: { vi: 'Số chỗ', en: 'Seat number' },
  waitlistPosition: { vi: 'Thứ tự chờ', en: 'Waitlist position' },
  familyName: { vi: 'Họ và tên đệm', en: 'Family name' },
  givenName: { vi: 'Tên', en: 'Given name' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  age: { vi: 'Tuổi (ngày học đầu)', en: 'Age (first session)' },
  school: { vi: 'Trường', en: 'School' },
  grade: { vi: 'Lớp', en: 'Grade' },
  commune: { vi: 'Xã / phường', en: 'Commune' },
  priorityGroup: { vi: 'Nhóm ưu tiên', en: 'Priority group' },
  prioritySeat: { vi: 'Chỗ dành cho nhóm ưu tiên', en: 'Priority seat' },
  guardianName: { vi: 'Người giám hộ', en: 'Guardian' },
  guardianRelationship: { vi: 'Quan hệ', en: 'Relationship' },
  guardianPhone: { vi: 'Điện thoại', en: 'Phone' },
  guardianEmail: { vi: 'Thư điện tử', en: 'Email' },
  consentGuardian: { vi: 'Cha mẹ đồng ý tham gia', en: 'Guardian consent' },
  consentChild: { vi: 'Trẻ đồng ý tham gia', en: 'Child assent' },
  consentPhoto: { vi: 'Đồng ý chụp ảnh', en: 'Photo consent' },
  consentVersion: { vi: 'Phiên bản nội dung đồng ý', en: 'Consent wording version' },
  sessionsAttended: { vi: 'Các buổi có mặt', en: 'Sessions attended' },
} as const satisfies Record<string, Record<Lang, string>>
export type ExportColumn = keyof typeof EXPORT_COLUMNS
export type ExportRow = Record<ExportColumn, string | number>

const YES_NO = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } } as const
const ENDED = { vi: 'Không (hết hiệu lực {at})', en: 'No (ended {at})' } as const
const PRIORITY_SEAT = {
  toVerify: { vi: 'Chờ xác minh', en: 'To verify' },
  verified: { vi: 'Đã xác minh', en: 'Verified' },
} as const

/** Yes while in force; No with the time it ended (withdrawn, or the sign-up cancelled); No when never given. */
function consentCell(consents: NonNullable<Registration['consents']>, purpose: 'participation' | 'photo', grantedBy: 'guardian' | 'child', lang: Lang): string {
  if (consentInForce(consents, purpose, grantedBy)) return YES_NO.yes[lang]
  const ended = consents.filter((c) => c.purpose === purpose && c.grantedBy === grantedBy && c.withdrawnAt).map((c) => c.withdrawnAt ?? '').sort().pop()
  return ended ? ENDED[lang].replace('{at}', displayMoment(ended)) : YES_NO.no[lang]
}

/** Vietnamese numbers as staff dial them (+84 912… → 0912…); others keep their + prefix. */
export const nationalPhone = (phone: string | null | undefined) => (phone ?? '').replace(/^\+84(?=\d{9,10}$)/, '0')

/** Seat holders by seat number, then the waitlist in order, then everyone else. */
const STATUS_ORDER: Record<Registration['status'], number> = { confirmed: 0, attended: 0, 'no-show': 0, waitlisted: 1, pending: 2, cancelled: 3 }

/** The rows of an event's export (no access check: see exportRegistrations). */
export async function registrationRows(payload: Payload, event: Pick<Event, 'id' | 'sessions' | 'capacity' | 'reservedSeats'>, lang: Lang): Promise<{ rows: ExportRow[]; ids: Id[] }> {
  const [regs, seats] = await Promise.all([
    payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, limit: 0, pagination: false, depth: 0 }),
    seatsOfEvent(payload, event),
  ])
  // Waitlist order: first come, first served (as cms/services/registrations.ts promotes).
  const waiting = regs.docs
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => (a.waitlistedAt ?? '').localeCompare(b.waitlistedAt ?? '') || Number(a.id) - Number(b.id))
  const positionOf = new Map(waiting.map((r, i) => [String(r.id), i + 1]))
  const areaIds = [...new Set(regs.docs.map((r) => idOf(r.child.area)).filter((a): a is Id => a !== null))]
  const areas = areaIds.length
    ? await payload.find({ collection: 'areas', where: { id: { in: areaIds } }, limit: 0, pagination: false, depth: 0, locale: lang })
    : { docs: [] }
  const areaName = new Map(areas.docs.map((a) => [String(a.id), a.name]))
  const firstDay = firstSessionDay(event.sessions)

  const rows = regs.docs.map((r) => {
    const consents = r.consents ?? []
    const held = seats.get(String(r.id))
    const seat = held?.number
    const row: ExportRow = {
      reference: r.reference,
      status: REGISTRATION_STATUSES[r.status][lang],
      seat: seat ?? '',
      waitlistPosition: positionOf.get(String(r.id)) ?? '',
      familyName: r.child.familyName,
      givenName: r.child.givenName,
      birthDate: displayDay(r.child.birthDate),
      age: firstDay ? ageOn(r.child.birthDate, firstDay) : '',
      school: r.child.school ?? '',
      grade: r.child.grade ?? '',
      commune: areaName.get(String(idOf(r.child.area))) ?? '',
      priorityGroup: r.child.priorityGroup ? PRIORITY_GROUPS[r.child.priorityGroup][lang] : '',
      prioritySeat: held?.reserved ? PRIORITY_SEAT[r.priorityCheck?.verifiedAt ? 'verified' : 'toVerify'][lang] : '',
      guardianName: r.guardian.name,
      guardianRelationship: GUARDIAN_RELATIONSHIPS[r.guardian.relationship][lang],
      guardianPhone: nationalPhone(r.guardian.phone),
      guardianEmail: r.guardian.email ?? '',
      consentGuardian: consentCell(consents, 'participation', 'guardian', lang),
      consentChild: consentCell(consents, 'participation', 'child', lang),
      consentPhoto: consentCell(consents, 'photo', 'guardian', lang),
      consentVersion: [...new Set(consents.map((c) => c.wordingVersion))].join(', '),
      sessionsAttended: [...new Set((r.attendance ?? []).map((a) => a.session))].sort((a, b) => a - b).join(', '),
    }
    return { row, order: [STATUS_ORDER[r.status], seat ?? positionOf.get(String(r.id)) ?? 0, r.reference] as const }
  })
  rows.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2].localeCompare(b.order[2]))
  return { rows: rows.map((r) => r.row), ids: regs.docs.map((r) => r.id) }
}

const FORMULA_START = /^[=+\-@\t\r]/

/** The columns of a table, in order, with their headers in both languages. */
export type ExportColumns = Record<string, Record<Lang, string>>
/** One row of a table: a cell per column, text or number ('' for empty). */
export type TableRow<C extends ExportColumns> = Record<keyof C & string, string | number>

const headers = (columns: ExportColumns, lang: Lang) => Object.values(columns).map((c) => c[lang])
const values = <C extends ExportColumns>(columns: C, row: TableRow<C>) => (Object.keys(columns) as (keyof C & string)[]).map((k) => row[k])

/**
 * CSV for Excel: a UTF-8 byte-order mark, CRLF lines, and any text cell starting with = + - @
 * tab or CR prefixed with an apostrophe, so a name like `=HYPERLINK(…)` stays text (OWASP CSV
 * injection). Numbers are written as numbers. Every export of the platform goes through here.
 */
export function csvTable<C extends ExportColumns>(columns: C, rows: TableRow<C>[], lang: Lang): string {
  // Papa's own default pattern ends in `.*$`, which a line break inside the cell slips past.
  return `\uFEFF${Papa.unparse({ fields: headers(columns, lang), data: rows.map((r) => values(columns, r)) }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}`
}

/** XLSX: every text is stored as a string cell, never as a formula. */
export async function xlsxTable<C extends ExportColumns>(columns: C, rows: TableRow<C>[], lang: Lang, sheetTitle: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Vì trẻ em'
  const sheet = workbook.addWorksheet(sheetTitle.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31) || 'Export', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers(columns, lang).map((header) => ({ header, width: Math.max(12, header.length + 2) }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) sheet.addRow(values(columns, row).map((v) => (v === '' ? null : v)))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The registrations export as CSV (see csvTable). */
export const toCsv = (rows: ExportRow[], lang: Lang): string => csvTable(EXPORT_COLUMNS, rows, lang)

/** The registrations export as XLSX (see xlsxTable). */
export const toXlsx = (rows: ExportRow[], lang: Lang, sheetTitle: string): Promise<Uint8Array<ArrayBuffer>> => xlsxTable(EXPORT_COLUMNS, rows, lang, sheetTitle)

export type ExportFile = { filename: string; contentType: string; body: string | Uint8Array<ArrayBuffer>; count: number }

/** A table as a file to download: `<base>.csv` or `<base>.xlsx`. */
export async function tableFile<C extends ExportColumns>(args: { columns: C; rows: TableRow<C>[]; lang: Lang; format: ExportFormat; base: string; sheetTitle: string }): Promise<ExportFile> {
  const { columns, rows, lang } = args
  return args.format === 'csv'
    ? { filename: `${args.base}.csv`, contentType: 'text/csv; charset=utf-8', body: csvTable(columns, rows, lang), count: rows.length }
    : { filename: `${args.base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await xlsxTable(columns, rows, lang, args.sheetTitle), count: rows.length }
}

/** The HTTP answer that downloads a file: never cached, never sniffed. */
export function downloadResponse(file: { filename: string; contentType: string; body: string | Uint8Array<ArrayBuffer> }): Response {
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}

/** Builds the export of an event the user may work on, and logs it. */
export async function exportRegistrations(
  payload: Payload,
  req: PayloadRequest,
  args: { eventId: Id; format: ExportFormat; lang: Lang },
): Promise<ExportFile> {
  const event = await scopedEvent(payload, req, args.eventId, args.lang)
  const { rows, ids } = await registrationRows(payload, event, args.lang)
  const base = `dang-ky-${event.slug || event.id}-${new Date().toISOString().slice(0, 10)}`
  const file = await tableFile({ columns: EXPORT_COLUMNS, rows, lang: args.lang, format: args.format, base, sheetTitle: event.title })
  await audit(
    payload,
    { action: args.format === 'csv' ? 'export-csv' : 'export-xlsx', resource: 'registrations', event: event.id, documentIds: ids, summary: `${file.filename} (${rows.length})` },
    req,
  )
  return file
}
