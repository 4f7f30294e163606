/**
 * Aid recipients (trẻ em được hỗ trợ): the children of one commune who may receive the
 * Children's Support Fund's aid — a Mid-Autumn gift, a scholarship, a bicycle — as the
 * commune's list names them (poor and near-poor households, children in special
 * circumstances, children with a disability). The commune's coordinator keeps the list: by
 * hand, or by importing the sheet the commune's people's committee hands down.
 *
 * Who received what is a child's private information (Decree 56/2017 counts "services
 * received" among it): only admins and the coordinators of the child's commune read the list,
 * every staff read is logged (cms/services/audit.ts), and nothing of it ever reaches a public
 * page — the public sees counts per commune only (cms/services/hand-overs.ts).
 *
 * One child is one row per commune: the same normalised name and birth year in the same commune
 * (cms/services/aid-list.ts `recipientKey`) is refused a second time, and the database holds
 * the key in a unique column so two imports at once cannot both create it.
 */
import ExcelJS from 'exceljs'
import { APIError, commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'
import { checkRole } from '../access/roles'
import { t, type Lang, type MessageKey } from '../i18n/messages'
import type { AidRecipient } from '../payload-types'
import { AID_LIST_MAX_ROWS, birthYearRange, csvGrid, parseAidList, recipientKey, type AidCell, type AidListRow } from './aid-list'
import { audit } from './audit'
import { asId, idOf, type Id } from './ids'
import { inScope, scopeOf } from './staff'

/** A refusal with a translated message: shown as it is by the admin, the REST API and the staff endpoints. */
export class AidError extends APIError {
  constructor(
    lang: Lang,
    readonly key: MessageKey,
    status: number,
    vars: Record<string, string | number> = {},
  ) {
    super(t(lang, key, vars), status, null, true)
  }
}

/** Set on a request whose operation writes its own audit entry (an import): the per-document hooks then write none. */
export const AUDITED_BY_OPERATION = 'auditedByOperation'

/** The commune a list belongs to, if the user may work on it: admins on any, coordinators on those they cover. */
export async function scopedCommune(payload: Payload, req: PayloadRequest, areaId: Id | null, lang: Lang): Promise<{ id: Id; name: string }> {
  const scope = await scopeOf(req)
  if (!scope) throw new AidError(lang, 'handOverForbidden', 403)
  if (areaId === null) throw new AidError(lang, 'importCommuneRequired', 400)
  const area = await payload.findByID({ collection: 'areas', id: asId(areaId), depth: 0, locale: lang, disableErrors: true })
  if (!area) throw new AidError(lang, 'importCommuneRequired', 400)
  if (!inScope(scope, area.id)) throw new AidError(lang, 'recipientOutsideAreas', 403)
  if (area.level !== 'commune') throw new AidError(lang, 'recipientAreaNotCommune', 400)
  return { id: area.id, name: area.name }
}

/** The communes whose lists the user keeps (for the import form): every commune for admins, the covered ones for coordinators. */
export async function communesInScope(payload: Payload, req: PayloadRequest, lang: Lang): Promise<{ id: Id; name: string }[]> {
  const scope = await scopeOf(req)
  if (!scope) return []
  const where: Where = scope.all ? { level: { equals: 'commune' } } : { and: [{ level: { equals: 'commune' } }, { id: { in: scope.areas } }] }
  const found = await payload.find({ collection: 'areas', where, limit: 0, pagination: false, depth: 0, locale: lang, select: { name: true } })
  return found.docs.map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

type RecipientData = Partial<Pick<AidRecipient, 'familyName' | 'givenName' | 'fullName' | 'birthYear' | 'birthDate' | 'area' | 'createdBy' | 'dedupeKey'>>

/**
 * What every write of a recipient keeps, whoever makes it (the admin, REST, an import): the
 * commune is a commune the user covers, the birth year is a child's, the full name and the
 * duplicate key are computed, a duplicate is refused, and `createdBy` is the staff member who
 * made the row (never what the client sent).
 */
export async function checkRecipient<T extends RecipientData>(
  payload: Payload,
  req: PayloadRequest,
  args: { data: T; original?: RecipientData & { id?: Id }; operation: 'create' | 'update'; lang: Lang; now?: Date },
): Promise<T> {
  const { data, original, lang } = args
  const areaId = idOf(data.area ?? original?.area)
  const staffUser = req.user && req.user.collection === 'users' ? req.user : null
  if (staffUser && !checkRole(['admin'], staffUser)) {
    // A coordinator keeps only the lists of their communes: where the row was and where it goes.
    const scope = await scopeOf(req)
    const was = idOf(original?.area)
    if (!scope || !inScope(scope, areaId) || (was !== null && !inScope(scope, was))) throw new AidError(lang, 'recipientOutsideAreas', 403)
  }
  const area = areaId === null ? null : await payload.findByID({ collection: 'areas', id: asId(areaId), depth: 0, disableErrors: true, req })
  if (!area || area.level !== 'commune') throw new AidError(lang, 'recipientAreaNotCommune', 400)

  const familyName = (data.familyName ?? original?.familyName ?? '').normalize('NFC').trim()
  const givenName = (data.givenName ?? original?.givenName ?? '').normalize('NFC').trim()
  const birthDate = data.birthDate ?? original?.birthDate ?? null
  // A known birth date decides the year; otherwise the year as given.
  const birthYear = birthDate ? Number(birthDate.slice(0, 4)) : (data.birthYear ?? original?.birthYear ?? 0)
  if (args.operation === 'create' || birthYear !== original?.birthYear) {
    const { min, max } = birthYearRange(args.now ?? new Date())
    if (!Number.isInteger(birthYear) || birthYear < min || birthYear > max) throw new AidError(lang, 'recipientBirthYear', 400, { min, max })
  }
  const dedupeKey = recipientKey(area.id, familyName, givenName, birthYear)
  // At the adapter, in the write's transaction, and not as the user: a check is not a staff read to log.
  const same = await payload.db.count({
    collection: 'aid-recipients',
    where: original?.id === undefined ? { dedupeKey: { equals: dedupeKey } } : { and: [{ dedupeKey: { equals: dedupeKey } }, { id: { not_equals: original.id } }] },
    req,
  })
  if (same.totalDocs > 0) throw new AidError(lang, 'recipientDuplicate', 409)

  const createdBy = args.operation === 'create' ? (staffUser?.id ?? data.createdBy ?? null) : (original?.createdBy ?? null)
  return { ...data, familyName, givenName, fullName: `${familyName} ${givenName}`.trim(), birthYear, dedupeKey, createdBy }
}

// ---------------------------------------------------------------------------------------------
// Importing a commune's list

export const IMPORT_MODES = ['preview', 'import'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]

/** What became of one line: `new` (preview: would be created), `created`, `duplicate` (already on the list), `repeated` (twice in the file), `invalid`. */
export type ImportLineStatus = 'new' | 'created' | 'duplicate' | 'repeated' | 'invalid'
export type ImportLine = { line: number; status: ImportLineStatus; familyName?: string; givenName?: string; birthYear?: number; messages: string[] }
export type ImportResult = {
  mode: ImportMode
  area: { id: Id; name: string }
  lines: ImportLine[]
  counts: Record<ImportLineStatus, number>
}

/** An uploaded list → cells: an Excel workbook (its first sheet) when the bytes are a ZIP, otherwise UTF-8 CSV text. */
export async function readAidListFile(bytes: Uint8Array, lang: Lang): Promise<AidCell[][]> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  if (!zip) {
    try {
      return csvGrid(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch {
      throw new AidError(lang, 'importUnreadable', 400)
    }
  }
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs wants an ArrayBuffer of its own (as cms/services/bank-statement.ts reads statements).
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  } catch {
    throw new AidError(lang, 'importUnreadable', 400)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  if (sheet.rowCount > AID_LIST_MAX_ROWS + 1) throw new AidError(lang, 'importTooManyRows', 413, { max: AID_LIST_MAX_ROWS })
  const grid: AidCell[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: AidCell[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value))
    grid.push(cells)
  }
  return grid
}

/** An exceljs value as a list cell: rich text joined, a formula by its result, a link by its text. */
function xlsxCell(v: ExcelJS.CellValue): AidCell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v
  if (typeof v === 'boolean') return String(v)
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined || (typeof v.result === 'object' && !(v.result instanceof Date)) ? null : xlsxCell(v.result)
  if ('hyperlink' in v) return v.text
  return null
}

const rowData = (row: AidListRow, areaId: Id, createdBy: Id | null) => ({
  familyName: row.familyName,
  givenName: row.givenName,
  birthYear: row.birthYear,
  birthDate: row.birthDate ?? null,
  area: asId(areaId),
  priorityGroup: row.priorityGroup ?? null,
  guardian: { name: row.guardianName ?? null, phone: row.guardianPhone ?? null },
  note: row.note ?? null,
  createdBy: createdBy === null ? null : asId(createdBy),
})

/**
 * Reads a commune's list and, in `import` mode, creates the children not yet on it — all or
 * none, in one transaction. `preview` records nothing: it says what an import would do, line by
 * line. A child already on the list (or twice in the file) is not created again. The import is
 * one audit entry naming every row it created; a preview that showed existing rows (the
 * duplicates) logs that read.
 */
export async function importAidList(
  payload: Payload,
  req: PayloadRequest,
  args: { area: Id | null; grid: AidCell[][]; mode: ImportMode; lang: Lang; now?: Date },
): Promise<ImportResult> {
  const { lang, mode } = args
  const area = await scopedCommune(payload, req, args.area, lang)
  const parsed = parseAidList(args.grid, lang, args.now ?? new Date())
  if (!parsed.length) throw new AidError(lang, 'importEmpty', 400)
  if (parsed.length > AID_LIST_MAX_ROWS) throw new AidError(lang, 'importTooManyRows', 413, { max: AID_LIST_MAX_ROWS })

  const keyOf = (row: AidListRow) => recipientKey(area.id, row.familyName, row.givenName, row.birthYear)
  const keys = parsed.flatMap((p) => (p.row ? [keyOf(p.row)] : []))
  const existing = keys.length
    ? await payload.find({ collection: 'aid-recipients', where: { dedupeKey: { in: keys } }, limit: 0, pagination: false, depth: 0, select: { dedupeKey: true } })
    : { docs: [] }
  const onList = new Map<string, Id>(existing.docs.map((d) => [d.dedupeKey ?? '', d.id]))
  const firstLine = new Map<string, number>()

  const lines: (ImportLine & { row?: AidListRow })[] = parsed.map((p) => {
    if (!p.row) return { line: p.line, status: 'invalid', messages: p.problems }
    const named = { familyName: p.row.familyName, givenName: p.row.givenName, birthYear: p.row.birthYear }
    const key = keyOf(p.row)
    if (onList.has(key)) return { line: p.line, status: 'duplicate', ...named, messages: [t(lang, 'importRowDuplicate', { line: p.line })] }
    const first = firstLine.get(key)
    if (first !== undefined) return { line: p.line, status: 'repeated', ...named, messages: [t(lang, 'importRowRepeated', { line: p.line, first })] }
    firstLine.set(key, p.line)
    return { line: p.line, status: 'new', ...named, messages: [], row: p.row }
  })

  const duplicateIds = lines.filter((l) => l.status === 'duplicate').map((l) => onList.get(keyOf({ familyName: l.familyName ?? '', givenName: l.givenName ?? '', birthYear: l.birthYear ?? 0 }))).filter((id): id is Id => id !== undefined)
  const createdIds: Id[] = []
  if (mode === 'import') {
    const staffId = req.user && req.user.collection === 'users' ? req.user.id : null
    // Rows are written without the user (scope checked above) in one transaction: all or none.
    const tx = await createLocalReq({ context: { [AUDITED_BY_OPERATION]: true } }, payload)
    await initTransaction(tx)
    try {
      for (const l of lines) {
        if (!l.row) continue
        const doc = await payload.create({ collection: 'aid-recipients', data: rowData(l.row, area.id, staffId), req: tx, depth: 0, select: {} })
        createdIds.push(doc.id)
        l.status = 'created'
      }
      await commitTransaction(tx)
    } catch (err) {
      await killTransaction(tx)
      throw err
    }
    await audit(payload, { action: 'import', resource: 'aid-recipients', documentIds: createdIds, summary: `import into ${area.name}: ${createdIds.length} created, ${duplicateIds.length} already listed` }, req)
  }
  if (duplicateIds.length) {
    await audit(payload, { action: 'read-list', resource: 'aid-recipients', documentIds: duplicateIds, summary: `${mode} of a list for ${area.name}: rows already listed` }, req)
  }

  const counts: Record<ImportLineStatus, number> = { new: 0, created: 0, duplicate: 0, repeated: 0, invalid: 0 }
  for (const l of lines) counts[l.status]++
  return { mode, area, counts, lines: lines.map(({ row: _row, ...l }) => l) }
}
