/**
 * A school's class list, pasted or uploaded as CSV (papaparse), turned into rows of the sign-up
 * form. Used by the form's island (instantly) and by the server (forms sent without JavaScript).
 * Accepted: a header row in Vietnamese or English in any order, or no header with the columns
 * family name, given name, birth date, grade; or a single "full name" column (the last word is
 * the given name). Dates as 31/12/2017 or 2017-12-31. Separators: comma, semicolon or tab.
 */
import Papa from 'papaparse'
import { normaliseDay } from '../lib/cms/schemas'

export type ClassListRow = { familyName: string; givenName: string; birthDate: string; grade?: string; priorityGroup?: string }
export type ClassListResult = { rows: ClassListRow[]; problems: { line: number; text: string }[] }

const HEADERS: Record<string, keyof ClassListRow | 'fullName'> = {
  'họ': 'familyName', 'họ và tên đệm': 'familyName', 'họ đệm': 'familyName', 'family name': 'familyName', surname: 'familyName', 'last name': 'familyName',
  'tên': 'givenName', 'given name': 'givenName', 'first name': 'givenName',
  'họ và tên': 'fullName', 'họ tên': 'fullName', 'full name': 'fullName', name: 'fullName',
  'ngày sinh': 'birthDate', 'birth date': 'birthDate', 'date of birth': 'birthDate', birthday: 'birthDate',
  'lớp': 'grade', grade: 'grade', class: 'grade',
  'ưu tiên': 'priorityGroup', 'nhóm ưu tiên': 'priorityGroup', priority: 'priorityGroup', 'priority group': 'priorityGroup',
}

const PRIORITY: Record<string, string> = {
  'hộ nghèo': 'poor', poor: 'poor', 'cận nghèo': 'near-poor', 'hộ cận nghèo': 'near-poor', 'near-poor': 'near-poor',
  'hoàn cảnh đặc biệt': 'special-circumstances', 'special-circumstances': 'special-circumstances', 'khuyết tật': 'disability', disability: 'disability',
}

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ')

/** 31/12/2017, 31-12-2017, 31.12.2017 or 2017-12-31 → 2017-12-31; anything else unchanged (cms/schemas/day.ts). */
export const normaliseDate = normaliseDay

const looksLikeDate = (v: string | undefined) => v !== undefined && /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(v.trim())

export function parseClassList(text: string): ClassListResult {
  const out: ClassListResult = { rows: [], problems: [] }
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed) return out
  const parsed = Papa.parse<string[]>(trimmed, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] })
  const lines = parsed.data.map((r) => r.map((c) => c.trim()))
  if (!lines.length) return out
  const first = lines[0] ?? []
  const header = first.some((c) => HEADERS[norm(c)] !== undefined) && !first.some(looksLikeDate)
  const columns: (keyof ClassListRow | 'fullName' | undefined)[] = header
    ? first.map((c) => HEADERS[norm(c)])
    : first.length <= 2 || (first.length === 3 && looksLikeDate(first[1]))
      ? ['fullName', 'birthDate', 'grade']
      : ['familyName', 'givenName', 'birthDate', 'grade', 'priorityGroup']
  lines.slice(header ? 1 : 0).forEach((cells, i) => {
    const line = i + (header ? 2 : 1)
    const row: Partial<Record<keyof ClassListRow | 'fullName', string>> = {}
    columns.forEach((col, j) => {
      if (col && cells[j]) row[col] = cells[j]
    })
    if (row.fullName && !row.givenName) {
      const words = row.fullName.split(/\s+/)
      row.givenName = words.pop() ?? ''
      row.familyName ??= words.join(' ')
    }
    if (!row.givenName || !row.birthDate) {
      out.problems.push({ line, text: cells.join(', ') })
      return
    }
    const priority = row.priorityGroup ? PRIORITY[norm(row.priorityGroup)] : undefined
    out.rows.push({
      familyName: row.familyName ?? '',
      givenName: row.givenName,
      birthDate: normaliseDate(row.birthDate),
      ...(row.grade ? { grade: row.grade } : {}),
      ...(priority ? { priorityGroup: priority } : {}),
    })
  })
  return out
}
