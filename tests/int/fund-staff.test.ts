/**
 * The fund officers' admin work, through Payload's real REST handler: recording a receipt from
 * the form is idempotent per form key (a double click is one receipt); every refusal is
 * translated; only fund officers and admins may do any of it (coordinators and editors get 403,
 * nobody signed in 401, and nothing changes); cancelling frees the units of items not received;
 * "thanked by phone" is refused for donors with an email or pledges not received in full; the
 * drive's donor and receipt exports carry their rows in CSV and XLSX with formulas neutralised;
 * the receipt PDF downloads; the working lists filter what they say; the drive report counts
 * pledged against received and takes hand-over counts when given; every operation is logged.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Drive } from '../../cms/payload-types'
import type { TPledge } from '../../cms/schemas/pledge'
import { driveReport } from '../../cms/services/drive-report'
import { vietnamDay } from '../../cms/services/drives'
import { DONOR_COLUMNS, RECEIPT_COLUMNS } from '../../cms/services/fund-exports'
import { pledgeListQuery, type PledgeList } from '../../cms/services/pledge-lists'
import { pledge } from '../../cms/services/pledges'
import { recordReceipt } from '../../cms/services/receipts'
import { staffWorld, type Who } from './staff-fixtures'
import { skipReason, testPayload, unique } from './payload'

type Id = number | string

describe.skipIf(skipReason)("fund officers' work on pledges, receipts and drives", () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>
  let drive: Drive
  const drives: Id[] = []

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
    drive = await makeDrive()
  })
  afterAll(async () => {
    const pledges = await payload.find({ collection: 'pledges', where: { drive: { in: drives } }, limit: 0, pagination: false, depth: 0 })
    const ids = pledges.docs.map((p) => p.id)
    if (ids.length) {
      await payload.db.deleteMany({ collection: 'donation-receipts', where: { pledge: { in: ids } } })
      await payload.delete({ collection: 'pledges', where: { id: { in: ids } } })
    }
    await payload.delete({ collection: 'drives', where: { id: { in: drives } } })
    await world.cleanup()
  })

  async function makeDrive(): Promise<Drive> {
    const made = await payload.create({
      collection: 'drives',
      data: {
        title: unique('Trung thu cho em'),
        slug: unique('trung-thu'),
        kind: 'mid-autumn',
        startsOn: '2026-01-01T00:00:00.000Z',
        moneyGoal: 50_000_000,
        items: [
          { kind: 'bicycle', label: 'Xe đạp', quantity: 10, unitValue: 2_500_000 },
          { kind: 'gift', label: 'Hộp sữa', quantity: 40, unitValue: 300_000 },
        ],
        _status: 'published',
      },
    })
    drives.push(made.id)
    return made
  }

  const bikes = () => drive.items?.[0]?.id ?? ''
  const milk = () => drive.items?.[1]?.id ?? ''
  const claimsOf = async (item: string) => (await payload.count({ collection: 'claims', where: { pool: { equals: `drives:${drive.id}:items:${item}` } } })).totalDocs

  /** A pledge through the public service; an email donor unless `phoneOnly`. */
  async function makePledge(over: Partial<TPledge> = {}, phoneOnly = false): Promise<Id> {
    const outcome = await pledge(payload, {
      driveId: drive.id,
      idempotencyKey: unique('k').replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x'),
      donor: phoneOnly ? { kind: 'person', name: 'Trần Thị Bích', phone: '+84912345678' } : { kind: 'organisation', name: 'Công ty TNHH Ánh Dương', email: 'lienhe@anhduong.example.vn' },
      listed: true,
      items: [],
      ...over,
    })
    if (outcome.kind !== 'accepted') throw new Error(`pledge not accepted: ${outcome.kind}`)
    return outcome.id
  }

  const post = (who: Who | null, path: string, body?: unknown, headers?: Record<string, string>) => world.api(who, 'POST', path, body ?? {}, headers)
  const json = async (res: Response) => (await res.json()) as Record<string, unknown>
  const stored = (id: Id) => payload.findByID({ collection: 'pledges', id, depth: 0 })
  const receiptsOf = async (id: Id) => (await payload.find({ collection: 'donation-receipts', where: { pledge: { equals: id } }, limit: 0, pagination: false, depth: 0 })).docs
  const newEntries = async (who: Who, before: number) => (await world.auditOf(who)).slice(before)
  const key = () => unique('form').replace(/[^A-Za-z0-9_-]/g, '')

  it('the same form sent twice (and three times at once) records one receipt, by the officer, logged once', async () => {
    const id = await makePledge({ amount: 2_000_000, items: [{ item: bikes(), quantity: 3 }] })
    const before = (await world.auditOf('fund')).length
    const form = { key: key(), amount: 1_500_000, items: [{ item: bikes(), quantity: 1 }], receivedOn: vietnamDay(new Date()) }
    const first = await post('fund', `/pledges/${id}/receive`, form)
    expect(first.status).toBe(201)
    const made = await json(first)
    expect(made).toMatchObject({ created: true, status: 'partly-received', receipt: { amount: 1_500_000, receivedOn: form.receivedOn } })
    const again = await post('fund', `/pledges/${id}/receive`, form)
    expect(again.status).toBe(200)
    expect(await json(again)).toMatchObject({ created: false, receipt: made.receipt })
    const racing = await Promise.all([1, 2, 3].map(() => post('fund', `/pledges/${id}/receive`, form)))
    expect(racing.map((r) => r.status)).toEqual([200, 200, 200])

    const receipts = await receiptsOf(id)
    expect(receipts).toHaveLength(1)
    expect(receipts[0]).toMatchObject({ source: 'manual', recordKey: `form:${form.key}`, recordedBy: world.users.fund.id, amount: 1_500_000 })
    expect(receipts[0]?.number).toMatch(/^\d{4}-\d{6}$/)
    expect(await stored(id)).toMatchObject({ status: 'partly-received', receivedAmount: 1_500_000 })

    const entries = await newEntries('fund', before)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'update', resource: 'pledges', documentIds: [id], changes: { status: { before: 'pledged', after: 'partly-received' } } })
    expect(entries[0]?.summary).toContain(receipts[0]?.number)

    // the ledger the side panel shows
    const ledger = await json(await world.api('fund', 'GET', `/pledges/${id}/ledger`))
    expect(ledger).toMatchObject({ status: 'partly-received', amount: 2_000_000, receivedAmount: 1_500_000, lines: [{ item: bikes(), label: 'Xe đạp', quantity: 3, received: 1 }], may: { receive: true, end: true, thank: false } })
    expect((ledger.receipts as { number: string }[]).map((r) => r.number)).toEqual([receipts[0]?.number])
  })

  it('each refusal of a receipt says what is wrong, in the officer’s language, and records nothing', async () => {
    const id = await makePledge({ amount: 500_000, items: [{ item: bikes(), quantity: 1 }] })
    const refused = async (body: Record<string, unknown>, status: number, message: string, headers?: Record<string, string>) => {
      const res = await post('fund', `/pledges/${id}/receive`, { key: key(), ...body }, headers)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(await json(res)).toEqual({ error: message })
    }
    await refused({}, 400, 'Hãy nhập số tiền hoặc số lượng hiện vật đã nhận.')
    await refused({ amount: -5 }, 400, 'Số tiền phải là số đồng chẵn, từ 0 đến 10.000.000.000.')
    await refused({ amount: 1.5 }, 400, 'Số tiền phải là số đồng chẵn, từ 0 đến 10.000.000.000.')
    await refused({ items: [{ item: bikes(), quantity: -1 }] }, 400, 'Số lượng phải là số nguyên không âm.')
    await refused({ items: [{ item: milk(), quantity: 1 }] }, 400, 'Hiện vật này không có trong cam kết.')
    await refused({ amount: 1000, receivedOn: '2999-01-01' }, 400, 'Ngày nhận không hợp lệ (không được sau hôm nay).')
    await refused({ amount: 1000, receivedOn: '2026-02-30' }, 400, 'Ngày nhận không hợp lệ (không được sau hôm nay).')
    await refused({ amount: 1000, key: undefined }, 400, 'Biểu mẫu thiếu mã gửi: hãy tải lại trang.')
    await refused({ amount: 'một triệu' }, 400, 'Dữ liệu không hợp lệ: amount')
    await refused({ amount: -5 }, 400, 'The amount must be whole đồng, from 0 to 10,000,000,000.', { 'accept-language': 'en' })
    expect((await post('fund', `/pledges/999999999/receive`, { key: key(), amount: 1000 })).status).toBe(404)
    expect(await receiptsOf(id)).toHaveLength(0)

    expect((await post('fund', `/pledges/${id}/lapse`)).status).toBe(200)
    await refused({ amount: 1000 }, 409, 'Cam kết này đã huỷ hoặc hết hạn: không ghi nhận thêm được.')
    expect(await receiptsOf(id)).toHaveLength(0)
  })

  it('coordinators and editors get 403 on every operation, nobody signed in 401, and nothing changes', async () => {
    const id = await makePledge({ amount: 1_000_000, items: [{ item: bikes(), quantity: 1 }] }, true)
    const { receipt } = await recordReceipt(payload, { pledgeId: id, items: [{ item: bikes(), quantity: 1 }], source: 'manual', recordKey: unique('r') })
    const calls: [method: 'GET' | 'POST', path: string, body?: unknown][] = [
      ['GET', `/pledges/${id}/ledger`],
      ['POST', `/pledges/${id}/receive`, { key: key(), amount: 1_000_000 }],
      ['POST', `/pledges/${id}/cancel`, {}],
      ['POST', `/pledges/${id}/lapse`, {}],
      ['POST', `/pledges/${id}/thanked`, {}],
      ['GET', `/donation-receipts/${receipt.id}/pdf`],
      ['GET', `/drives/${drive.id}/export?what=donors&format=csv`],
      ['GET', `/drives/${drive.id}/export?what=receipts&format=xlsx`],
    ]
    for (const who of ['coordinator', 'editor'] as const) {
      for (const [method, path, body] of calls) {
        const res = await world.api(who, method, path, body)
        expect(res.status, `${who} ${method} ${path}`).toBe(403)
        expect(await json(res)).toEqual({ error: 'Chỉ cán bộ Quỹ Bảo trợ trẻ em và quản trị viên làm được việc này.' })
      }
    }
    for (const [method, path, body] of calls) expect((await world.api(null, method, path, body)).status, `anonymous ${path}`).toBe(401)
    expect(await stored(id)).toMatchObject({ status: 'partly-received', receivedAmount: 0 })
    expect(await receiptsOf(id)).toHaveLength(1)
    expect(await world.auditOf('coordinator')).toHaveLength(0)
    expect(await world.auditOf('editor')).toHaveLength(0)
    // and an admin may
    expect((await world.api('admin', 'GET', `/pledges/${id}/ledger`)).status).toBe(200)
  })

  it('cancelling frees the units of items not received (received ones stand); a pledge received in full cannot be cancelled', async () => {
    const held = await claimsOf(milk())
    const id = await makePledge({ items: [{ item: milk(), quantity: 5 }] })
    expect(await claimsOf(milk())).toBe(held + 5)
    expect((await post('fund', `/pledges/${id}/receive`, { key: key(), items: [{ item: milk(), quantity: 2 }] })).status).toBe(201)
    const before = (await world.auditOf('fund')).length
    const cancel = await post('fund', `/pledges/${id}/cancel`)
    expect(cancel.status).toBe(200)
    expect(await json(cancel)).toEqual({ changed: true, status: 'cancelled', freed: 3 })
    expect(await claimsOf(milk())).toBe(held + 2)
    expect(await stored(id)).toMatchObject({ status: 'cancelled', items: [{ quantity: 5, received: 2 }] })
    expect(await newEntries('fund', before)).toMatchObject([{ action: 'update', resource: 'pledges', documentIds: [id], changes: { status: { before: 'partly-received', after: 'cancelled' } } }])

    // again: nothing more; lapsing a cancelled pledge is refused
    expect(await json(await post('fund', `/pledges/${id}/cancel`))).toEqual({ changed: false, status: 'cancelled', freed: 0 })
    const lapse = await post('fund', `/pledges/${id}/lapse`)
    expect(lapse.status).toBe(409)
    expect(await json(lapse)).toEqual({ error: 'Cam kết này đã ở trạng thái “Đã huỷ”.' })

    const full = await makePledge({ items: [{ item: milk(), quantity: 1 }] })
    await recordReceipt(payload, { pledgeId: full, items: [{ item: milk(), quantity: 1 }], source: 'manual', recordKey: unique('r') })
    const refused = await post('fund', `/pledges/${full}/cancel`)
    expect(refused.status).toBe(409)
    expect(await json(refused)).toEqual({ error: 'Cam kết đã nhận đủ: không huỷ hay đánh dấu hết hạn được nữa.' })
    expect((await stored(full)).status).toBe('received')

    // lapsing an unpaid money pledge, by an admin
    const unpaid = await makePledge({ amount: 300_000 })
    expect(await json(await post('admin', `/pledges/${unpaid}/lapse`))).toEqual({ changed: true, status: 'lapsed', freed: 0 })
    expect((await world.auditOf('admin')).at(-1)).toMatchObject({ action: 'update', documentIds: [unpaid], changes: { status: { before: 'pledged', after: 'lapsed' } } })
  })

  it('thanked by phone: refused while not received in full or when the donor has an email; then marked and logged', async () => {
    const phoneOnly = await makePledge({ amount: 400_000 }, true)
    const notYet = await post('fund', `/pledges/${phoneOnly}/thanked`)
    expect(notYet.status).toBe(409)
    expect(await json(notYet)).toEqual({ error: 'Chỉ đánh dấu đã cảm ơn khi đã nhận đủ những gì nhà hảo tâm cam kết.' })
    await recordReceipt(payload, { pledgeId: phoneOnly, amount: 200_000, source: 'manual', recordKey: unique('r') })
    expect((await post('fund', `/pledges/${phoneOnly}/thanked`)).status).toBe(409)

    const withEmail = await makePledge({ amount: 400_000 })
    await recordReceipt(payload, { pledgeId: withEmail, amount: 400_000, source: 'manual', recordKey: unique('r') })
    expect((await stored(withEmail)).status).toBe('received')
    const email = await post('fund', `/pledges/${withEmail}/thanked`, {}, { 'accept-language': 'en' })
    expect(email.status).toBe(409)
    expect(await json(email)).toEqual({ error: 'The donor has an email address: the thank-you with the receipt is sent automatically.' })
    expect((await stored(withEmail)).status).toBe('received')

    await recordReceipt(payload, { pledgeId: phoneOnly, amount: 200_000, source: 'manual', recordKey: unique('r') })
    expect((await json(await world.api('fund', 'GET', `/pledges/${phoneOnly}/ledger`))).may).toEqual({ receive: true, end: false, thank: true })
    const before = (await world.auditOf('fund')).length
    const ok = await post('fund', `/pledges/${phoneOnly}/thanked`)
    expect(ok.status).toBe(200)
    expect(await json(ok)).toEqual({ changed: true, status: 'thanked' })
    const thanked = await stored(phoneOnly)
    expect(thanked.status).toBe('thanked')
    expect(thanked.thankedAt).toBeTruthy()
    expect(await newEntries('fund', before)).toMatchObject([{ action: 'update', documentIds: [phoneOnly], changes: { status: { before: 'received', after: 'thanked' } } }])
    expect(await json(await post('fund', `/pledges/${phoneOnly}/thanked`))).toEqual({ changed: false, status: 'thanked' })
  })

  it('the receipt PDF downloads as an attachment, and the download is logged', async () => {
    const id = await makePledge({ amount: 700_000 })
    const { receipt } = await recordReceipt(payload, { pledgeId: id, amount: 700_000, source: 'manual', recordKey: unique('r') })
    const before = (await world.auditOf('fund')).length
    const res = await world.api('fund', 'GET', `/donation-receipts/${receipt.id}/pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bien-nhan-${receipt.number}.pdf"`)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(await newEntries('fund', before)).toMatchObject([{ action: 'read-one', resource: 'donation-receipts', documentIds: [receipt.id] }])
    expect((await world.api('fund', 'GET', '/donation-receipts/999999999/pdf')).status).toBe(404)
  })

  describe('exports of a drive', () => {
    let exportDrive: Drive
    let formulaPledge: Id
    let plainPledge: Id
    let receiptNumbers: string[]

    beforeAll(async () => {
      const kept = drive
      drive = await makeDrive()
      exportDrive = drive
      formulaPledge = await makePledge({ amount: 1_000_000, items: [{ item: bikes(), quantity: 2 }], donor: { kind: 'person', name: '=HYPERLINK("http://x.example","bấm")', phone: '+84987654321' } }, true)
      plainPledge = await makePledge({ items: [{ item: milk(), quantity: 4 }], listed: false })
      const a = await post('fund', `/pledges/${formulaPledge}/receive`, { key: key(), amount: 1_000_000, items: [{ item: bikes(), quantity: 1 }], receivedOn: '2026-03-05' })
      const b = await post('fund', `/pledges/${plainPledge}/receive`, { key: key(), items: [{ item: milk(), quantity: 4 }], receivedOn: '2026-03-06' })
      receiptNumbers = [((await json(a)).receipt as { number: string }).number, ((await json(b)).receipt as { number: string }).number]
      drive = kept
    })

    const csvRows = async (res: Response) => {
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      return Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data
    }
    const col = <C extends Record<string, unknown>>(columns: C, row: string[] | undefined, key: keyof C) => row?.[Object.keys(columns).indexOf(String(key))]

    it('donors as CSV: one row per pledge, contacts and what was pledged and received, the formula neutralised; logged', async () => {
      const before = (await world.auditOf('fund')).length
      const res = await world.api('fund', 'GET', `/drives/${exportDrive.id}/export?what=donors&format=csv&lang=vi`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="nha-hao-tam-.+\.csv"$/)
      const [header, ...rows] = await csvRows(res)
      expect(header).toEqual(Object.values(DONOR_COLUMNS).map((c) => c.vi))
      expect(rows).toHaveLength(2)
      const [first, second] = rows
      expect(col(DONOR_COLUMNS, first, 'name')).toBe(`'=HYPERLINK("http://x.example","bấm")`)
      expect([col(DONOR_COLUMNS, first, 'kind'), col(DONOR_COLUMNS, first, 'phone'), col(DONOR_COLUMNS, first, 'email'), col(DONOR_COLUMNS, first, 'listed')]).toEqual(['Cá nhân', '0987654321', '', 'Có'])
      expect([col(DONOR_COLUMNS, first, 'pledgedAmount'), col(DONOR_COLUMNS, first, 'pledgedItems'), col(DONOR_COLUMNS, first, 'receivedAmount'), col(DONOR_COLUMNS, first, 'receivedItems')]).toEqual(['1000000', '2 × Xe đạp', '1000000', '1 × Xe đạp'])
      expect(col(DONOR_COLUMNS, first, 'status')).toBe('Đã nhận một phần')
      expect(col(DONOR_COLUMNS, first, 'reference')).toMatch(/^TT-[2-9A-Z]{5}$/)
      expect(col(DONOR_COLUMNS, first, 'created')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
      expect([col(DONOR_COLUMNS, second, 'name'), col(DONOR_COLUMNS, second, 'email'), col(DONOR_COLUMNS, second, 'listed'), col(DONOR_COLUMNS, second, 'receivedItems'), col(DONOR_COLUMNS, second, 'status')]).toEqual([
        'Công ty TNHH Ánh Dương',
        'lienhe@anhduong.example.vn',
        'Không',
        '4 × Hộp sữa',
        'Đã nhận đủ',
      ])
      const entries = await newEntries('fund', before)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ action: 'export-csv', resource: 'pledges', count: 2 })
      expect([...(entries[0]?.documentIds as Id[])].map(String).sort()).toEqual([formulaPledge, plainPledge].map(String).sort())
    })

    it('receipts as XLSX in English: number order, donor, items, source, who recorded them; the formula kept as text; logged', async () => {
      const before = (await world.auditOf('admin')).length
      const res = await world.api('admin', 'GET', `/drives/${exportDrive.id}/export?what=receipts&format=xlsx&lang=en`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await res.arrayBuffer())
      const sheet = workbook.worksheets[0]
      const row = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1)
      expect(row(1)).toEqual(Object.values(RECEIPT_COLUMNS).map((c) => c.en))
      expect(sheet?.rowCount).toBe(3)
      const fund = await payload.findByID({ collection: 'users', id: world.users.fund.id, depth: 0 })
      expect(row(2)).toEqual([receiptNumbers[0], '05/03/2026', '=HYPERLINK("http://x.example","bấm")', 1_000_000, '1 × Xe đạp', 'Recorded by an officer', fund.name, expect.stringMatching(/^TT-/)])
      expect(row(3)).toEqual([receiptNumbers[1], '06/03/2026', 'Công ty TNHH Ánh Dương', undefined, '4 × Hộp sữa', 'Recorded by an officer', fund.name, expect.stringMatching(/^TT-/)])
      const donor = sheet?.getRow(2).getCell(3)
      expect(donor?.type).toBe(ExcelJS.ValueType.String)
      expect((await newEntries('admin', before))[0]).toMatchObject({ action: 'export-xlsx', resource: 'donation-receipts', count: 2 })
    })

    it('receipts as CSV and donors as XLSX carry the same rows; a bad kind or format is refused', async () => {
      const [header, ...rows] = await csvRows(await world.api('fund', 'GET', `/drives/${exportDrive.id}/export?what=receipts&format=csv`))
      expect(header).toEqual(Object.values(RECEIPT_COLUMNS).map((c) => c.vi))
      expect(rows.map((r) => [col(RECEIPT_COLUMNS, r, 'number'), col(RECEIPT_COLUMNS, r, 'donor'), col(RECEIPT_COLUMNS, r, 'source')])).toEqual([
        [receiptNumbers[0], `'=HYPERLINK("http://x.example","bấm")`, 'Cán bộ ghi nhận'],
        [receiptNumbers[1], 'Công ty TNHH Ánh Dương', 'Cán bộ ghi nhận'],
      ])
      const res = await world.api('fund', 'GET', `/drives/${exportDrive.id}/export?what=donors&format=xlsx&lang=en`)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await res.arrayBuffer())
      const sheet = workbook.worksheets[0]
      expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(DONOR_COLUMNS).map((c) => c.en))
      expect(sheet?.getRow(2).getCell(1).value).toBe('=HYPERLINK("http://x.example","bấm")')
      expect(sheet?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String)
      expect(sheet?.getRow(3).getCell(10).value).toBe('Received')

      const what = await world.api('fund', 'GET', `/drives/${exportDrive.id}/export?what=children`)
      expect(what.status).toBe(400)
      expect(await json(what)).toEqual({ error: 'Chỉ xuất được danh sách nhà hảo tâm (donors) hoặc biên nhận (receipts).' })
      expect((await world.api('fund', 'GET', `/drives/${exportDrive.id}/export?what=donors&format=pdf`)).status).toBe(400)
      expect((await world.api('fund', 'GET', `/drives/999999999/export?what=donors`)).status).toBe(404)
    })

    it('the drive report counts pledged against received per target, and shows hand-overs once counted', async () => {
      const report = await driveReport(payload, exportDrive.id)
      expect(report?.money).toEqual({ goal: 50_000_000, received: 1_000_000, pledgedOpen: 0, pledged: 1_000_000 })
      expect(report?.items.map((i) => [i.label, i.goal, i.pledged, i.received, i.left, i.handedOver])).toEqual([
        ['Xe đạp', 10, 2, 1, 8, null],
        ['Hộp sữa', 40, 4, 4, 36, null],
      ])
      expect(report?.pledges).toMatchObject({ 'partly-received': 1, received: 1, pledged: 0 })
      expect(report?.handOvers).toBeNull()
      const bikeId = exportDrive.items?.[0]?.id ?? ''
      const counted = await driveReport(payload, exportDrive.id, { byItem: { [bikeId]: 1 }, byCommune: [{ area: 'Xã Tân Lập', items: { [bikeId]: 1 }, children: 1 }] }, { lang: 'en' })
      expect(counted?.items.map((i) => i.handedOver)).toEqual([1, 0])
      expect(counted?.handOvers).toEqual([{ area: 'Xã Tân Lập', children: 1, items: [{ id: bikeId, label: 'Xe đạp', count: 1 }] }])
      expect(await driveReport(payload, 999_999_999)).toBeNull()
    })
  })

  it('the working lists filter the pledges list: to call, unpaid money, received but not thanked', async () => {
    const listDrive = await makeDrive()
    const kept = drive
    drive = listDrive
    const callPledged = await makePledge({ amount: 100_000 }, true)
    const callReceived = await makePledge({ items: [{ item: milk(), quantity: 1 }] }, true)
    await recordReceipt(payload, { pledgeId: callReceived, items: [{ item: milk(), quantity: 1 }], source: 'manual', recordKey: unique('r') })
    const emailUnpaid = await makePledge({ amount: 250_000 })
    const emailItems = await makePledge({ items: [{ item: bikes(), quantity: 1 }] })
    const emailReceived = await makePledge({ amount: 100_000 })
    await recordReceipt(payload, { pledgeId: emailReceived, amount: 100_000, source: 'manual', recordKey: unique('r') })
    drive = kept
    const list = async (name: PledgeList) => {
      // the list's own query, narrowed to this drive as one more condition of the same group
      const res = await world.api('fund', 'GET', `/pledges?${pledgeListQuery(name)}&where[or][0][and][9][drive][equals]=${listDrive.id}&depth=0&limit=50`)
      expect(res.status).toBe(200)
      return ((await res.json()) as { docs: { id: Id }[] }).docs.map((d) => String(d.id)).sort()
    }
    const ids = (...xs: Id[]) => xs.map(String).sort()
    expect(await list('toCall')).toEqual(ids(callPledged, callReceived))
    expect(await list('unpaidMoney')).toEqual(ids(callPledged, emailUnpaid))
    expect(await list('notThanked')).toEqual(ids(callReceived, emailReceived))
    expect(emailItems).toBeTruthy()
  })
})
