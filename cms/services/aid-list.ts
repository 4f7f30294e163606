/**
 * A commune's list of children who may receive aid (danh sách trẻ em được hỗ trợ), as its
 * coordinator keeps it: usually an Excel sheet handed down from the commune's people's
 * committee, or the same copied as text. This turns the sheet's cells into rows of
 * `aid-recipients`, with a translated problem for every line it cannot take.
 *
 * Accepted (the ideas of the school class list, site/lib/class-list.ts): a header row in
 * Vietnamese or English in any order — or no header, with the columns family name, given name,
 * birth year, group, guardian, phone, note (or full name, birth year, … when the second cell is a
 * year) — birth years as 2015 or birth dates as 31/12/2015 or 2015-12-31 (an Excel date cell
 * too); separators comma, semicolon or tab. Pure functions: no database, unit-testable.
 */
import Papa from 'papaparse'
import { t, type Lang } from '../i18n/messages'
import { PRIORITY_GROUPS, type PriorityGroup } from './events'

/** One child of the list, as the collection stores it. */
export type AidListRow = {
  familyName: string
  givenName: string
  birthYear: number
  birthDate?: string
  priorityGroup?: PriorityGroup
  guardianName?: string
  guardianPhone?: string
  note?: string
}

export type AidListLine = { line: number; row: AidListRow | null; problems: string[] }

/** A cell as a sheet gives it: text, a number, an Excel date, or nothing. */
export type AidCell = string | number | Date | null | undefined

type Column = keyof AidListRow | 'fullName' | 'birth'

/** At most this many lines per import: a commune's list is a few hundred children. */
export const AID_LIST_MAX_ROWS = 2000

const HEADERS: Record<string, Column> = {
  'họ': 'familyName', 'họ và tên đệm': 'familyName', 'họ đệm': 'familyName', 'family name': 'familyName', surname: 'familyName', 'last name': 'familyName',
  'tên': 'givenName', 'given name': 'givenName', 'first name': 'givenName',
  'họ và tên': 'fullName', 'họ tên': 'fullName', 'họ và tên trẻ': 'fullName', 'full name': 'fullName', name: 'fullName',
  'năm sinh': 'birth', 'ngày sinh': 'birth', 'ngày tháng năm sinh': 'birth', 'birth year': 'birth', 'year of birth': 'birth', 'birth date': 'birth', 'date of birth': 'birth',
  'hoàn cảnh': 'priorityGroup', 'nhóm': 'priorityGroup', 'nhóm ưu tiên': 'priorityGroup', 'diện': 'priorityGroup', 'circumstances': 'priorityGroup', group: 'priorityGroup', 'priority group': 'priorityGroup',
  'người giám hộ': 'guardianName', 'cha mẹ / người giám hộ': 'guardianName', 'phụ huynh': 'guardianName', guardian: 'guardianName', 'guardian name': 'guardianName',
  'điện thoại': 'guardianPhone', 'số điện thoại': 'guardianPhone', 'sđt': 'guardianPhone', phone: 'guardianPhone',
  'ghi chú': 'note', note: 'note', notes: 'note',
}

/** The words a list uses for the circumstances the fund gives priority to. */
const GROUP_WORDS: Record<string, PriorityGroup> = {
  'hộ nghèo': 'poor', 'nghèo': 'poor', poor: 'poor',
  'cận nghèo': 'near-poor', 'hộ cận nghèo': 'near-poor', 'near-poor': 'near-poor', 'near poor': 'near-poor',
  'hoàn cảnh đặc biệt': 'special-circumstances', 'trẻ em có hoàn cảnh đặc biệt': 'special-circumstances', 'hcđb': 'special-circumstances', 'special circumstances': 'special-circumstances', 'special-circumstances': 'special-circumstances',
  'khuyết tật': 'disability', 'trẻ em khuyết tật': 'disability', disability: 'disability',
}
for (const [value, label] of Object.entries(PRIORITY_GROUPS) as [PriorityGroup, { vi: string; en: string }][]) {
  GROUP_WORDS[norm(label.vi)] = value
  GROUP_WORDS[norm(label.en)] = value
}

function norm(s: string): string {
  return s.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ')
}

/**
 * The name as the list compares it: Unicode composed (a sheet from an old Windows machine may
 * hold decomposed accents), case and spacing ignored, family and given name together (one list
 * writes "Nguyễn Thị | Lan", the next "Nguyễn | Thị Lan"). Accents are kept: Lan and Lân are
 * two children.
 */
export function normalisedName(familyName: string, givenName: string): string {
  return norm(`${familyName} ${givenName}`)
}

/**
 * The one key of a child on a commune's list: the same normalised name and birth year in the
 * same commune is the same child, created once (the collection holds it in a unique column).
 */
export function recipientKey(area: string | number, familyName: string, givenName: string, birthYear: number): string {
  return `${area}|${birthYear}|${normalisedName(familyName, givenName)}`
}

/** The year it is in Vietnam, and the birth years a child on an aid list may have (aged 0–18). */
export function birthYearRange(now: Date): { min: number; max: number } {
  const year = new Date(now.getTime() + 7 * 3600_000).getUTCFullYear()
  return { min: year - 18, max: year }
}

/** Excel keeps dates as days since 30/12/1899; a bare number in this range in a birth column is one. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const isExcelSerial = (n: number) => Number.isInteger(n) && n > 3000 && n < 80000

/** A birth cell → year (and day when it has one), or null. */
export function parseBirth(cell: AidCell): { year: number; date?: string } | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : { year: cell.getUTCFullYear(), date: cell.toISOString().slice(0, 10) }
  if (typeof cell === 'number') {
    if (isExcelSerial(cell)) return parseBirth(new Date(EXCEL_EPOCH + cell * 86_400_000))
    return Number.isInteger(cell) && cell >= 1000 && cell <= 9999 ? { year: cell } : null
  }
  const v = (cell ?? '').trim()
  if (/^\d{4}$/.test(v)) return { year: Number(v) }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v)
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v)
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : []
  if (!y || !m || !d) return null
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  // 31/02/2015 is no day: the calendar must give it back unchanged.
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? { year: Number(y), date } : null
}

/** A Vietnamese mobile or landline number as staff dial it (0912 345 678, +84 912…), or null. */
export function parsePhone(value: string): string | null {
  const digits = value.replace(/[\s.()-]/g, '')
  if (/^\+84\d{9,10}$/.test(digits)) return `0${digits.slice(3)}`
  if (/^84\d{9,10}$/.test(digits)) return `0${digits.slice(2)}`
  return /^0\d{9,10}$/.test(digits) ? digits : null
}

const cellText = (cell: AidCell): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell == null ? '' : String(cell)).trim()
const looksLikeBirth = (cell: AidCell) => parseBirth(cell) !== null

/** Text pasted or uploaded as CSV → a grid of cells. */
export function csvGrid(text: string): AidCell[][] {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed) return []
  return Papa.parse<string[]>(trimmed, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] }).data
}

/**
 * The rows of a list (a grid from CSV text or an Excel sheet), one entry per line with what it
 * holds or why it cannot be taken. `now` sets the birth years allowed.
 */
export function parseAidList(grid: AidCell[][], lang: Lang, now: Date): AidListLine[] {
  const lines = grid.filter((r) => r.some((c) => cellText(c) !== ''))
  const first = lines[0] ?? []
  const header = first.some((c) => HEADERS[norm(cellText(c))] !== undefined) && !first.some((c) => cellText(c) !== '' && (typeof c !== 'string' || looksLikeBirth(c)))
  const columns: (Column | undefined)[] = header
    ? first.map((c) => HEADERS[norm(cellText(c))])
    : looksLikeBirth(first[1])
      ? ['fullName', 'birth', 'priorityGroup', 'guardianName', 'guardianPhone', 'note']
      : ['familyName', 'givenName', 'birth', 'priorityGroup', 'guardianName', 'guardianPhone', 'note']
  const { min, max } = birthYearRange(now)
  // A sheet read from Excel keeps its line numbers; blank lines were dropped above, so count in the grid.
  const lineOf = new Map(lines.map((r) => [r, grid.indexOf(r) + 1]))

  return lines.slice(header ? 1 : 0).map((cells): AidListLine => {
    const line = lineOf.get(cells) ?? 0
    const raw: Partial<Record<Column, AidCell>> = {}
    columns.forEach((col, j) => {
      if (col && cellText(cells[j]) !== '') raw[col] ??= cells[j]
    })
    const text = (col: Column) => cellText(raw[col])
    let familyName = text('familyName')
    let givenName = text('givenName')
    if (!givenName && text('fullName')) {
      const words = text('fullName').split(/\s+/)
      givenName = words.pop() ?? ''
      familyName ||= words.join(' ')
    }
    const problems: string[] = []
    if (!givenName) problems.push(t(lang, 'importRowNoName', { line }))
    const birth = raw.birth === undefined ? null : parseBirth(raw.birth)
    if (raw.birth === undefined) problems.push(t(lang, 'importRowNoBirth', { line }))
    else if (!birth || birth.year < min || birth.year > max) problems.push(t(lang, 'importRowBadBirth', { line, value: text('birth') }))
    const groupText = text('priorityGroup')
    const priorityGroup = groupText ? GROUP_WORDS[norm(groupText)] : undefined
    if (groupText && !priorityGroup) problems.push(t(lang, 'importRowBadGroup', { line, value: groupText }))
    const phoneText = text('guardianPhone')
    const phone = phoneText ? parsePhone(phoneText) : null
    if (phoneText && !phone) problems.push(t(lang, 'importRowBadPhone', { line, value: phoneText }))
    if (problems.length || !birth) return { line, row: null, problems }
    return {
      line,
      problems,
      row: {
        familyName: familyName.normalize('NFC'),
        givenName: givenName.normalize('NFC'),
        birthYear: birth.year,
        ...(birth.date ? { birthDate: birth.date } : {}),
        ...(priorityGroup ? { priorityGroup } : {}),
        ...(text('guardianName') ? { guardianName: text('guardianName').normalize('NFC') } : {}),
        ...(phone ? { guardianPhone: phone } : {}),
        ...(text('note') ? { note: text('note').slice(0, 1000) } : {}),
      },
    }
  })
}
