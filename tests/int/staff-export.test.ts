/**
 * Exports of an event's registrations: the CSV opens in Excel with Vietnamese intact (UTF-8
 * byte-order mark), neutralises cells a spreadsheet would run as formulas, lists seat holders by
 * seat and the waitlist in order with every column staff need; the XLSX carries the same rows as
 * text; headers follow the chosen language; only admins and the event's coordinators may export,
 * and each export is logged.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS } from '../../cms/services/exports'
import { staffWorld } from './staff-fixtures'
import { skipReason, testPayload } from './payload'

describe.skipIf(skipReason)('exports of registrations', () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>
  let event: { id: number | string }

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
    // Two seats, three children: two hold seats 1 and 2, the third waits.
    event = await world.place.makeEvent({
      capacity: 2,
      sessions: [
        { date: '2031-07-01', start: '07:30', end: '09:00' },
        { date: '2031-07-02', start: '07:30', end: '09:00' },
      ],
    })
    const [first] = await world.signUpChildren(
      event.id,
      [
        { familyName: 'Lê Hoàng', givenName: 'Minh', birthDate: '2021-07-02', school: '=HYPERLINK("http://x.example","bấm")', grade: '4A', area: world.place.commune.id, priorityGroup: 'poor', photoConsent: true },
        { familyName: 'Phạm', givenName: 'Ánh', birthDate: '2019-03-04', assent: true },
      ],
      { email: 'phu.huynh@example.vn', name: 'Lê Văn Bình' },
    )
    await world.signUpChildren(event.id, [{ familyName: 'Võ', givenName: 'Chi', birthDate: '2018-05-06' }])
    await payload.update({ collection: 'registrations', id: first?.id ?? 0, data: { attendance: [{ session: 2, at: new Date().toISOString() }, { session: 1, at: new Date().toISOString() }] } })
  })
  afterAll(() => world.cleanup())

  const csvRows = async (res: Response) => {
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    return Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data
  }

  it('a CSV in Vietnamese: seat holders by seat, then the waitlist, every column filled', async () => {
    const res = await world.api('coordinator', 'GET', `/registrations/export?event=${event.id}&format=csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="dang-ky-.+\.csv"$/)
    const [header, ...rows] = await csvRows(res)
    expect(header).toEqual(Object.values(EXPORT_COLUMNS).map((c) => c.vi))
    const col = (row: string[] | undefined, key: keyof typeof EXPORT_COLUMNS) => row?.[Object.keys(EXPORT_COLUMNS).indexOf(key)]
    expect(rows.map((r) => [col(r, 'givenName'), col(r, 'status'), col(r, 'seat'), col(r, 'waitlistPosition')])).toEqual([
      ['Minh', 'Có chỗ', '1', ''],
      ['Ánh', 'Có chỗ', '2', ''],
      ['Chi', 'Danh sách chờ', '', '1'],
    ])
    const minh = rows[0]
    expect(col(minh, 'reference')).toMatch(/^[0-9A-F]{10}$/)
    expect(col(minh, 'familyName')).toBe('Lê Hoàng')
    expect(col(minh, 'birthDate')).toBe('02/07/2021')
    expect(col(minh, 'age')).toBe('9') // on the first session day, the day before the 10th birthday
    expect(col(minh, 'school')).toBe(`'=HYPERLINK("http://x.example","bấm")`)
    expect(col(minh, 'grade')).toBe('4A')
    expect(col(minh, 'commune')).toBe('Xã')
    expect(col(minh, 'priorityGroup')).toBe('Hộ nghèo')
    expect([col(minh, 'guardianName'), col(minh, 'guardianRelationship'), col(minh, 'guardianPhone'), col(minh, 'guardianEmail')]).toEqual(['Lê Văn Bình', 'Bố', '0912345678', 'phu.huynh@example.vn'])
    expect([col(minh, 'consentGuardian'), col(minh, 'consentChild'), col(minh, 'consentPhoto'), col(minh, 'consentVersion')]).toEqual(['Có', 'Có', 'Có', 'v1'])
    expect(col(minh, 'sessionsAttended')).toBe('1, 2')
    expect(col(rows[1], 'consentPhoto')).toBe('Không')
  })

  it('neutralises every formula start, even with a line break inside the cell', async () => {
    const { toCsv } = await import('../../cms/services/exports')
    const blank = Object.fromEntries(Object.keys(EXPORT_COLUMNS).map((k) => [k, ''])) as Parameters<typeof toCsv>[0][number]
    const cells = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '=1\n+2', 'An toàn']
    const csv = toCsv(cells.map((school) => ({ ...blank, school, seat: 3 })), 'vi')
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1)
    const schoolAt = Object.keys(EXPORT_COLUMNS).indexOf('school')
    expect(rows.map((r) => r[schoolAt])).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'=1\n+2", 'An toàn'])
    expect(rows.every((r) => r[Object.keys(EXPORT_COLUMNS).indexOf('seat')] === '3')).toBe(true)
  })

  it('an XLSX in English with the same rows, formulas kept as text', async () => {
    const res = await world.api('admin', 'GET', `/registrations/export?event=${event.id}&format=xlsx&lang=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const sheet = workbook.worksheets[0]
    const row = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1)
    expect(row(1)).toEqual(Object.values(EXPORT_COLUMNS).map((c) => c.en))
    expect(sheet?.rowCount).toBe(4)
    expect(row(2).slice(1, 6)).toEqual(['Confirmed', 1, undefined, 'Lê Hoàng', 'Minh'])
    const school = sheet?.getRow(2).getCell(Object.keys(EXPORT_COLUMNS).indexOf('school') + 1)
    expect(school?.type).toBe(ExcelJS.ValueType.String)
    expect(school?.value).toBe('=HYPERLINK("http://x.example","bấm")')
  })

  it('only admins and the event’s coordinators may export, with a translated refusal', async () => {
    const outsider = await world.api('outsider', 'GET', `/registrations/export?event=${event.id}&format=csv`)
    expect(outsider.status).toBe(403)
    expect(await outsider.json()).toEqual({ error: 'Sự kiện này không thuộc địa bàn bạn phụ trách.' })
    expect((await world.api('editor', 'GET', `/registrations/export?event=${event.id}`)).status).toBe(403)
    expect((await world.api(null, 'GET', `/registrations/export?event=${event.id}`)).status).toBe(401)
    expect((await world.api('admin', 'GET', `/registrations/export?event=999999`)).status).toBe(404)
    expect((await world.api('admin', 'GET', `/registrations/export?event=${event.id}&format=pdf`)).status).toBe(400)
  })

  it('logs each export with the records it contained', async () => {
    const regs = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, depth: 0, limit: 0, pagination: false })
    const before = (await world.auditOf('coordinator')).length
    await world.api('coordinator', 'GET', `/registrations/export?event=${event.id}&format=xlsx`)
    const entries = (await world.auditOf('coordinator')).slice(before)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'export-xlsx', event: event.id, count: 3 })
    expect([...(entries[0]?.documentIds as number[])].sort()).toEqual(regs.docs.map((r) => r.id).sort())
  })
})
