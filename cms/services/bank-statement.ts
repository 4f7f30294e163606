/**
 * A bank statement (sao kê) uploaded by staff, read into incoming transfers.
 *
 * Staff download the statement from their bank's internet banking (Vietcombank, Techcombank, MB,
 * BIDV, VietinBank, Agribank…) as XLSX or CSV and upload it as it is. No two banks lay it out the
 * same, but they share a shape:
 *   - a few title lines first (bank name, account number, account holder, period);
 *   - one header row (sometimes two: Vietnamese over English, or "Số tiền" spanning "Ghi nợ" and
 *     "Ghi có" below it), in Vietnamese, English or both ("Nợ/Debit");
 *   - one line per movement, with either two money columns (ghi nợ = debit = money out,
 *     ghi có = credit = money in) or one signed amount;
 *   - lines at the end (or start) that are not movements: opening and closing balance (số dư đầu
 *     kỳ / cuối kỳ), totals (tổng cộng, cộng phát sinh).
 * So the header row is found by its column names, not by its position, and lines that are not
 * movements are reported as skipped, with the reason, for staff to see.
 *
 * The type of file is read from its bytes (an XLSX file is a ZIP archive, which starts with
 * "PK\x03\x04"), never from its name: a renamed file is still read right, and anything else
 * (an old binary .xls, a PDF, garbage) is refused as 'unknown-format'. Text is UTF-8, with or
 * without a byte-order mark, or UTF-16 with its mark (Excel's "Unicode Text").
 *
 * Amounts are whole đồng (VND has no subunit in use). Times are Vietnam wall-clock time (UTC+7).
 */
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { vietnamTimeToIso, type IncomingTransfer } from './bank-transfer'

/** At most this many movement lines in one file (a busy account's year is well under it). */
export const STATEMENT_MAX_ROWS = 20_000
/** At most this many bytes in one upload. */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024
/** The header row is looked for among this many first lines (title lines come before it). */
const HEADER_SEARCH_ROWS = 40

export type StatementErrorCode = 'unknown-format' | 'no-header' | 'empty' | 'too-large'

/** The file could not be read at all; `code` says why, `message` says it for staff (English). */
export class StatementError extends Error {
  readonly code: StatementErrorCode
  constructor(code: StatementErrorCode, message: string) {
    super(message)
    this.name = 'StatementError'
    this.code = code
  }
}

/** What each column was taken from: the header cell's text as written in the file, or null. */
export type StatementColumns = {
  date: string
  credit: string | null
  debit: string | null
  amount: string | null
  content: string | null
  reference: string | null
}

export type StatementParse = {
  format: 'csv' | 'xlsx'
  /** The worksheet read (XLSX), or null (CSV). */
  sheet: string | null
  /** The row of the header (1-based, as the spreadsheet numbers it; for CSV, the record number). */
  headerRow: number
  /** The account the statement is of: given by the caller, else read from the title lines. */
  accountNumber: string | null
  transfers: IncomingTransfer[]
  /** Lines below the header that are not movements, with why (row numbers as for headerRow). */
  skipped: { row: number; reason: string }[]
  columns: StatementColumns
}

type Role = keyof StatementColumns

/**
 * Header names, best first within a role: when a file has two columns of one role (e.g. "Ngày
 * giao dịch" and "Ngày hiệu lực"), the earlier name wins. Compared without diacritics or case,
 * with anything in brackets ("(VND)") and punctuation dropped; a cell "Nợ/Debit" or
 * "Ngày GD\nTransaction date" is also read part by part.
 */
export const STATEMENT_HEADERS: Record<Role, readonly string[]> = {
  date: ['Ngày giao dịch', 'Ngày GD', 'Transaction date', 'Ngày hạch toán', 'Posting date', 'Ngày hiệu lực', 'Effective date', 'Value date', 'Date', 'Ngày'],
  credit: ['Số tiền ghi có', 'Ghi có', 'Có', 'Credit', 'Credit amount', 'Số tiền vào', 'Tiền vào', 'Phát sinh có'],
  debit: ['Số tiền ghi nợ', 'Ghi nợ', 'Nợ', 'Debit', 'Debit amount', 'Số tiền ra', 'Tiền ra', 'Phát sinh nợ'],
  amount: ['Số tiền', 'Amount', 'Số tiền giao dịch', 'Transaction amount'],
  content: ['Nội dung', 'Nội dung giao dịch', 'Diễn giải', 'Mô tả', 'Description', 'Details', 'Transaction details', 'Remark', 'Remarks', 'Nội dung chi tiết', 'Narrative'],
  reference: ['Số tham chiếu', 'Mã giao dịch', 'Số bút toán', 'Reference', 'Reference no', 'Reference number', 'Ref no', 'Ref', 'Transaction no', 'Transaction ID', 'Số giao dịch', 'Mã GD', 'Số chứng từ'],
}

/**
 * "Nợ" and "Có" stripped of their marks are "no" and "co", and "No." is the row-number column of
 * English exports ("STT/No."): these two are matched with their marks.
 */
const MARKED_ONLY = new Set(['nợ', 'có'])

/** Lower case, no diacritics (đ → d), brackets and punctuation dropped, spaces collapsed. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
const lowerMarked = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\([^)]*\)/g, ' ').replace(/[.:*]/g, ' ').replace(/\s+/g, ' ').trim()

type Alias = { role: Role; rank: number; folded: string; marked: string | null }
const ALIASES: Alias[] = (Object.keys(STATEMENT_HEADERS) as Role[]).flatMap((role) =>
  STATEMENT_HEADERS[role].map((name, rank) => {
    const marked = lowerMarked(name)
    return { role, rank, folded: fold(name), marked: MARKED_ONLY.has(marked) ? marked : null }
  }),
)

/** The role a header cell names, with the alias's rank (lower is better), or null. */
function roleOf(cell: string): { role: Role; rank: number } | null {
  const parts = [cell, ...cell.split(/[/\n\r|]+/)].map((p) => p.trim()).filter(Boolean)
  let best: { role: Role; rank: number } | null = null
  for (const part of parts) {
    const folded = fold(part)
    const marked = lowerMarked(part)
    for (const a of ALIASES) {
      const hit = a.marked !== null ? marked === a.marked : folded === a.folded
      if (hit && (!best || a.rank < best.rank)) best = { role: a.role, rank: a.rank }
    }
    if (best) return best
  }
  return best
}

/** A cell as read: text (CSV, or an XLSX text cell), a number, an Excel date, or nothing. */
type Cell = string | number | Date | null
type Grid = { rows: Cell[][]; firstRow: number; sheet: string | null }

const cellText = (c: Cell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).replace(/\s+/g, ' ').trim()

// ---------------------------------------------------------------------------------------------
// Amounts

/**
 * A money cell → whole đồng (signed), null for an empty cell, or 'unreadable'.
 * Vietnamese banks group thousands with dots ("1.000.000"), English-language exports with commas
 * ("1,000,000"), some with spaces ("1 000 000"); a few add decimals ("1000000.00", "1.000.000,00").
 * A separator followed by exactly three digits groups thousands; one followed by one or two
 * digits at the end marks decimals, which must be zero for VND. Negative: "-500.000",
 * "(500.000)" or "500.000-". Currency marks ("VND", "VNĐ", "đ", "₫") are ignored.
 */
export function parseVndAmount(value: Cell): number | null | 'unreadable' {
  if (value === null) return null
  if (value instanceof Date) return 'unreadable'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'unreadable'
    const whole = Math.round(value)
    // Spreadsheets store money as floating point: 1000000.0000001 is still a million.
    return Math.abs(value - whole) < 0.005 && Number.isSafeInteger(whole) ? whole : 'unreadable'
  }
  let s = value
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
  if (!s || s === '-') return null
  s = s.replace(/\s*(vnd|vnđ|đồng|đ|₫)\.?$/i, '').replace(/^(vnd|vnđ)\s*/i, '').trim()
  let negative = false
  const paren = /^\((.*)\)$/.exec(s)
  if (paren) [negative, s] = [true, (paren[1] ?? '').trim()]
  if (/^[-−]/.test(s)) [negative, s] = [!negative, s.slice(1).trim()]
  else if (/[-−]$/.test(s)) [negative, s] = [!negative, s.slice(0, -1).trim()]
  else if (s.startsWith('+')) s = s.slice(1).trim()
  if (!/^[0-9][0-9., ']*$/.test(s)) return 'unreadable'
  let fraction = ''
  const decimal = /^(.*\d)[.,](\d{1,2})$/.exec(s)
  if (decimal) [s, fraction] = [decimal[1] ?? '', decimal[2] ?? '']
  // The whole part: plain digits, or groups of three behind one kind of separator.
  const grouped = /^\d{1,3}(?:([., ']))\d{3}(?:\1\d{3})*$/.exec(s)
  if (!grouped && !/^\d+$/.test(s)) return 'unreadable'
  if (fraction && /[1-9]/.test(fraction)) return 'unreadable'
  const n = Number(s.replace(/[., ']/g, ''))
  if (!Number.isSafeInteger(n)) return 'unreadable'
  return negative ? -n : n
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * A date cell → UTC ISO of the Vietnam wall-clock moment, null for an empty cell, or 'unreadable'.
 * Text: "31/12/2026", "31-12-2026", "31.12.2026", with an optional time "14:05" / "14:05:00";
 * "2026-12-31" (optionally with a time). Always day before month: Vietnamese banks never write
 * month first. An Excel date cell arrives as a Date whose UTC fields are the wall-clock time shown
 * in the sheet (exceljs reads the sheet's serial number as UTC); a bare serial number in the date
 * column (a date cell that lost its format) is read the same way.
 */
export function parseStatementDate(value: Cell): string | null | 'unreadable' {
  if (value === null) return null
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'unreadable'
    return (
      vietnamTimeToIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds()) ??
      'unreadable'
    )
  }
  if (typeof value === 'number') {
    // Excel's day 1 is 1900-01-01, counted from 1899-12-30 because of its 1900 leap-year bug.
    if (value < 20_000 || value > 80_000) return 'unreadable'
    return parseStatementDate(new Date(Math.round((value - 25_569) * 86_400) * 1000))
  }
  const s = value.replace(/\s+/g, ' ').trim()
  if (!s) return null
  const time = /(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/
  const dmy = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})${time.source}`).exec(s)
  if (dmy) {
    const year = Number(dmy[3]) + ((dmy[3] ?? '').length === 2 ? 2000 : 0)
    return vietnamTimeToIso(year, Number(dmy[2]), Number(dmy[1]), Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0)) ?? 'unreadable'
  }
  const ymd = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time.source}`).exec(s)
  if (ymd) return vietnamTimeToIso(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), Number(ymd[4] ?? 0), Number(ymd[5] ?? 0), Number(ymd[6] ?? 0)) ?? 'unreadable'
  return 'unreadable'
}

// ---------------------------------------------------------------------------------------------
// Reading the bytes

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** The text of a CSV file, or a StatementError: UTF-8 (with or without BOM), UTF-16 with BOM. */
function decodeText(bytes: Buffer): string {
  let text: string
  try {
    if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2))
    else if (startsWith(bytes, 0xfe, 0xff)) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2))
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new StatementError('unknown-format', 'The file is neither an Excel workbook (.xlsx) nor a CSV text file in UTF-8 or UTF-16.')
  }
  // Text files have no control characters but tab and line breaks: anything else is binary data.
  let binary = false
  for (let i = 0; i < text.length && !binary; i++) {
    const code = text.charCodeAt(i)
    binary = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f
  }
  if (binary) {
    throw new StatementError('unknown-format', 'The file is neither an Excel workbook (.xlsx) nor a CSV text file.')
  }
  if (/^\s*<(!doctype|html|table|\?xml)/i.test(text)) {
    throw new StatementError('unknown-format', 'The file is a web page (some banks name these .xls): open it in Excel and save it as .xlsx or CSV.')
  }
  return text
}

const DELIMITERS = [',', ';', '\t', '|'] as const

/** CSV text → rows. The delimiter is the one under which a header row is found (title lines fool guessing). */
function csvGrid(text: string): Grid {
  let body = text
  let forced: string | undefined
  // Excel writes and honours a first line "sep=;" naming the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(body)
  if (sep) [forced, body] = [sep[1], body.slice(sep[0].length)]
  const parse = (delimiter: string, preview?: number) =>
    Papa.parse<string[]>(body, { delimiter, preview, skipEmptyLines: false }).data.map((r) => r.map((c): Cell => (c.trim() === '' ? null : c)))
  let delimiter = forced
  if (!delimiter) {
    let bestScore = -1
    for (const d of DELIMITERS) {
      const header = findHeader(parse(d, HEADER_SEARCH_ROWS))
      const score = header ? header.roles : 0
      if (score > bestScore) [bestScore, delimiter] = [score, d]
    }
  }
  return { rows: parse(delimiter ?? ','), firstRow: 1, sheet: null }
}

/** An exceljs cell value → Cell (rich text joined, formulas by their cached result, errors as empty). */
function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v.trim() === '' ? null : v
  if (typeof v === 'number' || v instanceof Date) return v
  if (typeof v === 'boolean') return String(v)
  if ('richText' in v) return xlsxCell(v.richText.map((r) => r.text).join(''))
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined || (typeof v.result === 'object' && !(v.result instanceof Date)) ? null : xlsxCell(v.result)
  if ('hyperlink' in v) return xlsxCell(v.text)
  return null
}

async function xlsxGrids(bytes: Buffer): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs wants an ArrayBuffer of its own; the copy is at most 5 MB.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  } catch {
    throw new StatementError('unknown-format', 'The file looks like a ZIP archive but is not a readable Excel workbook (.xlsx).')
  }
  return workbook.worksheets.map((ws) => {
    if (ws.rowCount > STATEMENT_MAX_ROWS + HEADER_SEARCH_ROWS * 2) {
      throw new StatementError('too-large', `The sheet "${ws.name}" has ${ws.rowCount} rows; at most ${STATEMENT_MAX_ROWS} lines can be read at once.`)
    }
    const rows: Cell[][] = []
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r)
      const cells: Cell[] = []
      for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value))
      rows.push(cells)
    }
    return { rows, firstRow: 1, sheet: ws.name }
  })
}

// ---------------------------------------------------------------------------------------------
// Finding the header

type Header = { index: number; dataStart: number; roles: number; columns: Map<Role, { col: number; rank: number; text: string }> }

/** The best header row among the first lines: the most roles, with a date and a money column. */
function findHeader(rows: Cell[][]): Header | null {
  let best: Header | null = null
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS)
  for (let i = 0; i < limit; i++) {
    const columns = headerColumns(rows[i] ?? [])
    if (!columns.has('date') || !(columns.has('credit') || columns.has('debit') || columns.has('amount'))) continue
    let dataStart = i + 1
    // A second header line under the first: English names under Vietnamese ones, or "Ghi nợ" and
    // "Ghi có" under a "Số tiền" spanning both. Its names take over their columns.
    const next = headerColumns(rows[i + 1] ?? [])
    const nextDate = next.get('date')
    if (next.size && (nextDate === undefined || nextDate.col === columns.get('date')?.col)) {
      for (const [role, at] of next) {
        for (const [other, there] of columns) if (there.col === at.col && other !== role) columns.delete(other)
        const current = columns.get(role)
        if (!current || current.col === at.col || at.rank < current.rank) columns.set(role, at)
      }
      dataStart = i + 2
    }
    // Separate debit and credit columns say the direction; a "Số tiền" beside them is not used.
    if (columns.has('credit') || columns.has('debit')) columns.delete('amount')
    const header: Header = { index: i, dataStart, roles: columns.size, columns }
    if (!best || header.roles > best.roles) best = header
  }
  return best
}

function headerColumns(row: Cell[]): Map<Role, { col: number; rank: number; text: string }> {
  const columns = new Map<Role, { col: number; rank: number; text: string }>()
  row.forEach((cell, col) => {
    if (typeof cell !== 'string') return
    const hit = roleOf(cell)
    if (!hit) return
    const current = columns.get(hit.role)
    if (!current || hit.rank < current.rank) columns.set(hit.role, { col, rank: hit.rank, text: cell.replace(/\s+/g, ' ').trim() })
  })
  return columns
}

/**
 * "Số tài khoản: 0123 456 789" (or "Account number", "STK", in one cell or the next) in the title
 * lines. Groups of digits are joined only when each has three or more, so a period written after
 * the number ("…567, 01/12/2026") is not taken into it.
 */
function accountFromTitle(rows: Cell[][]): string | null {
  for (const row of rows) {
    const line = fold(row.map(cellText).join(' | '))
    const m = /\b(?:so tai khoan|tai khoan|so tk|stk|account number|account no|account)\b\s*(?:so\s*)?(\d{3,}(?: \d{3,})*)\b/.exec(line)
    if (m?.[1]) return m[1].replace(/\s+/g, '')
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Lines that are not movements

const TOTAL_WORDS = ['tong cong', 'tong so', 'tong phat sinh', 'cong phat sinh', 'tong', 'total', 'totals', 'grand total', 'sub total', 'subtotal']
const OPENING_WORDS = ['so du dau ky', 'so du dau', 'du dau ky', 'so du dau ngay', 'opening balance', 'beginning balance', 'balance brought forward', 'so du dau ki']
const CLOSING_WORDS = ['so du cuoi ky', 'so du cuoi', 'du cuoi ky', 'so du cuoi ngay', 'closing balance', 'ending balance', 'so du cuoi ki']

const startsWithWords = (text: string, words: readonly string[]) => words.some((w) => text === w || text.startsWith(`${w} `))

/**
 * Why a line is not a movement, judged from its words: a line with no date may say so anywhere
 * (a totals line puts "Tổng cộng" in the first column); a dated line only when its note is
 * nothing but those words — a donor may well write "Tong tien ung ho…" in a real transfer.
 */
function summaryReason(cells: string[], note: string, dated: boolean): string | null {
  const candidates = dated ? [fold(note)] : cells.map(fold)
  for (const text of candidates) {
    const exact = (words: readonly string[]) => (dated ? words.includes(text) : startsWithWords(text, words))
    if (exact(OPENING_WORDS)) return 'opening balance line'
    if (exact(CLOSING_WORDS)) return 'closing balance line'
    if (exact(TOTAL_WORDS)) return 'totals line'
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Transaction ids

/**
 * A statement line's id: a hash of what identifies the bank movement, the same in every file it
 * appears in. Lines identical in all of it (two 100.000 đ gifts on one day with the same note, in
 * a statement that shows no reference) are told apart by their order among themselves; statements
 * cover whole days, so an overlapping statement counts them the same way.
 */
function statementTransactionId(t: Omit<IncomingTransfer, 'transactionId'>, occurrence: number): string {
  const key = JSON.stringify([t.accountNumber ?? '', t.bookedAt, t.direction, t.amount, t.note, t.bankReference ?? '', occurrence])
  return `st-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}`
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a statement file. Throws StatementError when the file cannot be read as a statement
 * ('empty', 'too-large', 'unknown-format', 'no-header'); otherwise every line under the header
 * is either a transfer (money in and out) or in `skipped` with the reason.
 */
export async function parseBankStatement(file: { name: string; bytes: Buffer }, options: { accountNumber?: string } = {}): Promise<StatementParse> {
  const { bytes } = file
  if (bytes.length === 0) throw new StatementError('empty', 'The file is empty.')
  if (bytes.length > STATEMENT_MAX_BYTES) {
    throw new StatementError('too-large', `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${STATEMENT_MAX_BYTES / 1024 / 1024} MB can be read. Download a shorter period.`)
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new StatementError('unknown-format', 'The file is an old Excel workbook (.xls): open it in Excel and save it as .xlsx or CSV.')
  }
  const isXlsx = startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)
  const grids = isXlsx ? await xlsxGrids(bytes) : [csvGrid(decodeText(bytes))]
  if (grids.every((g) => g.rows.every((r) => r.every((c) => c === null)))) throw new StatementError('empty', 'The file has no data.')

  // The first sheet with a header row (a workbook may start with a cover sheet).
  let grid: Grid | undefined
  let header: Header | null = null
  for (const g of grids) {
    header = findHeader(g.rows)
    if (header) {
      grid = g
      break
    }
  }
  if (!grid || !header) {
    throw new StatementError(
      'no-header',
      'No header row was found: the statement needs a date column ("Ngày giao dịch", "Transaction date"…) and an amount column ("Ghi có" / "Credit", "Ghi nợ" / "Debit" or "Số tiền" / "Amount").',
    )
  }

  const rows = grid.rows
  let last = rows.length
  while (last > header.dataStart && (rows[last - 1] ?? []).every((c) => c === null)) last--
  if (last - header.dataStart > STATEMENT_MAX_ROWS) {
    throw new StatementError('too-large', `The statement has ${last - header.dataStart} lines; at most ${STATEMENT_MAX_ROWS} can be read at once. Download a shorter period.`)
  }

  const col = (role: Role) => header.columns.get(role)?.col
  const [dateCol, creditCol, debitCol, amountCol, contentCol, referenceCol] = (['date', 'credit', 'debit', 'amount', 'content', 'reference'] as const).map(col)
  const text = (role: Role) => header.columns.get(role)?.text ?? null
  const columns: StatementColumns = { date: text('date') ?? '', credit: text('credit'), debit: text('debit'), amount: text('amount'), content: text('content'), reference: text('reference') }
  const accountNumber = options.accountNumber?.trim() || accountFromTitle(rows.slice(0, header.index))

  const out: StatementParse = { format: isXlsx ? 'xlsx' : 'csv', sheet: grid.sheet, headerRow: grid.firstRow + header.index, accountNumber, transfers: [], skipped: [], columns }
  const seen = new Map<string, number>()
  const at = (cells: Cell[], c: number | undefined): Cell => (c === undefined ? null : (cells[c] ?? null))

  for (let i = header.dataStart; i < last; i++) {
    const cells = rows[i] ?? []
    const row = grid.firstRow + i
    const skip = (reason: string) => out.skipped.push({ row, reason })
    if (cells.every((c) => c === null)) {
      skip('empty line')
      continue
    }
    const note = cellText(at(cells, contentCol))
    const rawDate = at(cells, dateCol)
    const bookedAt = parseStatementDate(rawDate)
    const dated = bookedAt !== null && bookedAt !== 'unreadable'
    const summary = summaryReason(cells.map(cellText), note, dated)
    if (summary) {
      skip(summary)
      continue
    }
    if (!dated && headerColumns(cells).has('date')) {
      skip('header line repeated')
      continue
    }
    if (bookedAt === null) {
      skip('no date')
      continue
    }
    if (bookedAt === 'unreadable') {
      skip(`unreadable date "${cellText(rawDate)}"`)
      continue
    }

    let signed: number
    if (amountCol !== undefined) {
      const amount = parseVndAmount(at(cells, amountCol))
      if (amount === 'unreadable') {
        skip(`unreadable amount "${cellText(at(cells, amountCol))}"`)
        continue
      }
      signed = amount ?? 0
    } else {
      const credit = parseVndAmount(at(cells, creditCol))
      const debit = parseVndAmount(at(cells, debitCol))
      if (credit === 'unreadable' || debit === 'unreadable') {
        skip(`unreadable amount "${cellText(at(cells, credit === 'unreadable' ? creditCol : debitCol))}"`)
        continue
      }
      if (credit && debit) {
        skip('both a debit and a credit amount')
        continue
      }
      // A debit is money out whether the bank prints it as 500.000 or -500.000.
      signed = credit ? credit : debit ? -Math.abs(debit) : 0
    }
    if (signed === 0) {
      skip('no amount')
      continue
    }

    const transfer: Omit<IncomingTransfer, 'transactionId'> = {
      source: 'statement',
      bookedAt,
      accountNumber,
      amount: Math.abs(signed),
      direction: signed > 0 ? 'in' : 'out',
      note,
      bankReference: cellText(at(cells, referenceCol)) || null,
      gateway: null,
    }
    const key = JSON.stringify(transfer)
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    out.transfers.push({ ...transfer, transactionId: statementTransactionId(transfer, occurrence) })
  }
  return out
}
