/**
 * Hand-overs and the communes' aid lists: private to admins and the coordinators of the child's
 * commune (Local API as the user, REST, the export), never readable by the public; every staff
 * read, creation and export is one audit entry; the public counts carry no child; importing a
 * commune's list previews without recording and never lists a child twice.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { createLocalReq, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AidRecipient, Drive } from '../../cms/payload-types'
import { AidError, importAidList } from '../../cms/services/aid-recipients'
import { csvGrid } from '../../cms/services/aid-list'
import { HAND_OVER_COLUMNS, handOverCounts, recordHandOver } from '../../cms/services/hand-overs'
import { staffWorld, type Who } from './staff-fixtures'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('hand-overs and aid lists', () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>
  let drive: Drive
  /** A child of commune A (covered by `coordinator`) and one of commune B (covered by `outsider`). */
  let childA: AidRecipient
  let childB: AidRecipient
  const communeA = () => world.place.commune.id
  const communeB = () => world.elsewhere.commune.id
  const item = (index = 0) => drive.items?.[index]?.id ?? ''
  const asUser = (who: Who) => world.users[who]

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
    drive = await payload.create({
      collection: 'drives',
      data: {
        title: 'Trung thu cho em',
        slug: unique('trung-thu'),
        kind: 'mid-autumn',
        startsOn: '2026-08-01T00:00:00.000Z',
        items: [
          { kind: 'gift', label: 'Hộp quà Trung thu', quantity: 400 },
          { kind: 'bicycle', label: 'Xe đạp', quantity: 20 },
        ],
        _status: 'published',
      },
    })
    childA = await payload.create({ collection: 'aid-recipients', data: { familyName: 'Hoàng Thị', givenName: 'Mơ', birthYear: 2016, area: communeA(), priorityGroup: 'poor' } })
    childB = await payload.create({ collection: 'aid-recipients', data: { familyName: 'Đinh Văn', givenName: 'Khải', birthYear: 2014, area: communeB() } })
  })

  afterAll(async () => {
    await payload.delete({ collection: 'hand-overs', where: { drive: { equals: drive.id } } })
    await payload.delete({ collection: 'aid-recipients', where: { area: { in: [communeA(), communeB()] } } })
    await payload.delete({ collection: 'drives', id: drive.id })
    await world.cleanup()
  })

  const entriesAfter = async (who: Who, before: number) => (await world.auditOf(who)).slice(before)

  describe('aid recipients', () => {
    it('a coordinator creates a child on the list of a commune they cover, and the server sets who entered it', async () => {
      const before = (await world.auditOf('coordinator')).length
      const made = await payload.create({
        collection: 'aid-recipients',
        data: { familyName: 'Lò Văn', givenName: 'Páo', birthYear: 2017, area: communeA(), createdBy: world.users.admin.id },
        user: asUser('coordinator'),
        overrideAccess: false,
        depth: 0,
      })
      expect(made.fullName).toBe('Lò Văn Páo')
      expect(made.createdBy).toBe(world.users.coordinator.id)
      const entries = await entriesAfter('coordinator', before)
      expect(entries.map((e) => [e.action, e.resource, e.documentIds])).toEqual([['create', 'aid-recipients', [made.id]]])
    })

    it('a coordinator cannot create a child in a commune they do not cover (translated refusal)', async () => {
      const attempt = payload.create({
        collection: 'aid-recipients',
        data: { familyName: 'Lò Văn', givenName: 'Súa', birthYear: 2017, area: communeB() },
        user: asUser('coordinator'),
        overrideAccess: false,
      })
      await expect(attempt).rejects.toThrow('Bạn chỉ ghi danh sách trẻ và bàn giao quà ở các xã, phường mình phụ trách.')
      expect((await payload.count({ collection: 'aid-recipients', where: { givenName: { equals: 'Súa' } } })).totalDocs).toBe(0)
    })

    it('a coordinator cannot move a child of their commune to another commune', async () => {
      await expect(payload.update({ collection: 'aid-recipients', id: childA.id, data: { area: communeB() }, user: asUser('coordinator'), overrideAccess: false })).rejects.toThrow(/phụ trách/)
      expect((await payload.findByID({ collection: 'aid-recipients', id: childA.id, depth: 0 })).area).toBe(communeA())
    })

    it('the same child (name written differently, same birth year, same commune) is refused a second time', async () => {
      const attempt = payload.create({
        collection: 'aid-recipients',
        // decomposed accents, other case and spacing, the name split differently
        data: { familyName: 'HOÀNG'.normalize('NFD'), givenName: ' thị   mơ ', birthYear: 2016, area: communeA() },
        user: asUser('coordinator'),
        overrideAccess: false,
      })
      await expect(attempt).rejects.toThrow(/đã có trong danh sách/)
      // Another commune's child of the same name is another child.
      const other = await payload.create({ collection: 'aid-recipients', data: { familyName: 'Hoàng Thị', givenName: 'Mơ', birthYear: 2016, area: communeB() }, depth: 0 })
      expect(other.area).toBe(communeB())
      await payload.delete({ collection: 'aid-recipients', id: other.id })
    })

    it('a coordinator reads only the lists of their communes, and each read is one audit entry', async () => {
      const before = (await world.auditOf('coordinator')).length
      const found = await payload.find({ collection: 'aid-recipients', where: { area: { in: [communeA(), communeB()] } }, user: asUser('coordinator'), overrideAccess: false, limit: 0, pagination: false, depth: 0 })
      expect(found.docs.length).toBeGreaterThan(0)
      expect(found.docs.every((d) => d.area === communeA())).toBe(true)
      expect(found.docs.some((d) => d.id === childB.id)).toBe(false)
      await expect(payload.findByID({ collection: 'aid-recipients', id: childB.id, user: asUser('coordinator'), overrideAccess: false })).rejects.toThrow()
      const entries = await entriesAfter('coordinator', before)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ action: 'read-list', resource: 'aid-recipients', documentIds: found.docs.map((d) => d.id) })
    })

    it('the duplicate key is never returned to anyone', async () => {
      const one = await payload.findByID({ collection: 'aid-recipients', id: childA.id, user: asUser('admin'), overrideAccess: false })
      expect(one).not.toHaveProperty('dedupeKey')
    })
  })

  describe('hand-overs', () => {
    it('recordHandOver: the child’s commune is copied, the recorder is the user, whatever the client sent', async () => {
      const before = (await world.auditOf('coordinator')).length
      const req = await world.reqAs('coordinator')
      const made = await recordHandOver(payload, req, { drive: drive.id, item: item(0), recipient: childA.id, quantity: 1, handedOverOn: '2026-09-15T00:00:00.000Z' })
      expect(made.area).toBe(communeA())
      expect(made.handedOverBy).toBe(world.users.coordinator.id)
      // Through the Local API as the user, with a forged commune and recorder: both replaced.
      const forged = await payload.create({
        collection: 'hand-overs',
        data: { drive: drive.id, item: item(1), recipient: childA.id, quantity: 1, handedOverOn: '2026-09-16T00:00:00.000Z', area: communeB(), handedOverBy: world.users.admin.id },
        user: asUser('coordinator'),
        overrideAccess: false,
        depth: 0,
      })
      expect([forged.area, forged.handedOverBy]).toEqual([communeA(), world.users.coordinator.id])
      const entries = await entriesAfter('coordinator', before)
      expect(entries.map((e) => [e.action, e.resource, e.documentIds])).toEqual([
        ['create', 'hand-overs', [made.id]],
        ['create', 'hand-overs', [forged.id]],
      ])
    })

    it('a coordinator cannot record a hand-over to a child of another commune, by the service or the Local API', async () => {
      const req = await world.reqAs('coordinator')
      await expect(recordHandOver(payload, req, { drive: drive.id, item: item(0), recipient: childB.id, quantity: 1 })).rejects.toThrow(AidError)
      await expect(
        payload.create({ collection: 'hand-overs', data: { drive: drive.id, item: item(0), recipient: childB.id, quantity: 1, handedOverOn: '2026-09-15T00:00:00.000Z' }, user: asUser('coordinator'), overrideAccess: false }),
      ).rejects.toThrow(/phụ trách/)
      expect((await payload.count({ collection: 'hand-overs', where: { recipient: { equals: childB.id } } })).totalDocs).toBe(0)
    })

    it('an item that is not one of the drive’s rows, or a quantity below 1, is refused; editors and fund officers record nothing', async () => {
      const req = await world.reqAs('coordinator')
      await expect(recordHandOver(payload, req, { drive: drive.id, item: 'not-an-item', recipient: childA.id, quantity: 1 }, 'en')).rejects.toThrow('The item "not-an-item" is not one of this drive’s items.')
      await expect(recordHandOver(payload, req, { drive: drive.id, item: item(0), recipient: childA.id, quantity: 0 })).rejects.toThrow(/Số lượng/)
      await expect(recordHandOver(payload, await world.reqAs('editor'), { drive: drive.id, item: item(0), recipient: childA.id, quantity: 1 })).rejects.toThrow(AidError)
    })

    it('a coordinator reads only the hand-overs of their communes; another commune’s coordinator sees none of them', async () => {
      await recordHandOver(payload, await world.reqAs('outsider'), { drive: drive.id, item: item(0), recipient: childB.id, quantity: 2 })
      const mine = await payload.find({ collection: 'hand-overs', where: { drive: { equals: drive.id } }, user: asUser('coordinator'), overrideAccess: false, depth: 0, limit: 0, pagination: false })
      expect(mine.docs.length).toBeGreaterThan(0)
      expect(mine.docs.every((h) => h.area === communeA())).toBe(true)
      const theirs = await payload.find({ collection: 'hand-overs', where: { drive: { equals: drive.id } }, user: asUser('outsider'), overrideAccess: false, depth: 0, limit: 0, pagination: false })
      expect(theirs.docs.map((h) => h.recipient)).toEqual([childB.id])
      const editor = await payload.find({ collection: 'hand-overs', where: { drive: { equals: drive.id } }, user: asUser('editor'), overrideAccess: false, depth: 0 }).catch((err: unknown) => err)
      expect(editor).toBeInstanceOf(Error)
    })

    it('every staff read of hand-overs (REST list, REST one) writes one audit entry naming what was read', async () => {
      const before = (await world.auditOf('coordinator')).length
      const list = await world.api('coordinator', 'GET', `/hand-overs?where[drive][equals]=${drive.id}&depth=0&limit=100`)
      expect(list.status).toBe(200)
      const body = (await list.json()) as { docs: { id: number; area: number }[] }
      expect(body.docs.every((d) => d.area === communeA())).toBe(true)
      const one = await world.api('coordinator', 'GET', `/hand-overs/${body.docs[0]?.id}?depth=0`)
      expect(one.status).toBe(200)
      const entries = await entriesAfter('coordinator', before)
      expect(entries.map((e) => [e.action, e.resource, e.documentIds])).toEqual([
        ['read-list', 'hand-overs', body.docs.map((d) => d.id)],
        ['read-one', 'hand-overs', [body.docs[0]?.id]],
      ])
    })

    it('the anonymous public reads nothing: access is false, REST answers 403 for both collections', async () => {
      const access = payload.collections['hand-overs'].config.access.read
      const recipientsAccess = payload.collections['aid-recipients'].config.access.read
      const req = await createLocalReq({}, payload)
      expect(await access({ req })).toBe(false)
      expect(await recipientsAccess({ req })).toBe(false)
      await expect(payload.find({ collection: 'hand-overs', overrideAccess: false })).rejects.toThrow()
      for (const path of ['/hand-overs', '/aid-recipients', `/aid-recipients/${childA.id}`]) {
        const res = await world.api(null, 'GET', path)
        expect(res.status).toBe(403)
        expect(await res.text()).not.toContain('Hoàng Thị')
      }
    })
  })

  describe('export', () => {
    const csvOf = async (res: Response) => Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

    it('a coordinator’s CSV holds only their communes’ children; an admin’s holds every commune', async () => {
      const mine = await world.api('coordinator', 'GET', `/hand-overs/export?drive=${drive.id}&format=csv`)
      expect(mine.status).toBe(200)
      expect(mine.headers.get('content-disposition')).toMatch(/^attachment; filename="ban-giao-.+\.csv"$/)
      const [header, ...rows] = await csvOf(mine)
      expect(header).toEqual(Object.values(HAND_OVER_COLUMNS).map((c) => c.vi))
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.every((r) => r[3] === 'Mơ')).toBe(true)
      expect(rows.map((r) => r[6])).toContain('Hộp quà Trung thu')

      const all = await csvOf(await world.api('admin', 'GET', `/hand-overs/export?drive=${drive.id}&format=csv`))
      expect(all.slice(1).map((r) => r[3]).sort()).toEqual([...rows.map((r) => r[3]), 'Khải'].sort())

      const theirs = await world.api('outsider', 'GET', `/hand-overs/export?drive=${drive.id}&format=csv`)
      const theirRows = (await csvOf(theirs)).slice(1)
      expect(theirRows.map((r) => r[3])).toEqual(['Khải'])
    })

    it('XLSX with English headers; editors are refused, the anonymous public must sign in', async () => {
      const res = await world.api('coordinator', 'GET', `/hand-overs/export?drive=${drive.id}&format=xlsx&lang=en`)
      expect(res.status).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await res.arrayBuffer())
      const sheet = workbook.worksheets[0]
      expect(sheet?.getRow(1).values).toEqual([undefined, ...Object.values(HAND_OVER_COLUMNS).map((c) => c.en)])
      expect(sheet?.getRow(2).getCell(4).value).toBe('Mơ')
      const editor = await world.api('editor', 'GET', `/hand-overs/export?drive=${drive.id}&format=csv`)
      expect(editor.status).toBe(403)
      expect(((await editor.json()) as { error: string }).error).toMatch(/điều phối viên của xã/)
      expect((await world.api(null, 'GET', `/hand-overs/export?drive=${drive.id}&format=csv`)).status).toBe(401)
    })

    it('every export writes one audit entry with the ids of the hand-overs it holds', async () => {
      const before = (await world.auditOf('coordinator')).length
      await world.api('coordinator', 'GET', `/hand-overs/export?drive=${drive.id}&format=csv`)
      await world.api('coordinator', 'GET', `/hand-overs/export?drive=${drive.id}&format=xlsx`)
      const ids = (await payload.find({ collection: 'hand-overs', where: { and: [{ drive: { equals: drive.id } }, { area: { equals: communeA() } }] }, limit: 0, pagination: false, depth: 0 })).docs.map((d) => d.id).sort()
      const entries = await entriesAfter('coordinator', before)
      expect(entries.map((e) => [e.action, e.resource, (e.documentIds as number[]).slice().sort()])).toEqual([
        ['export-csv', 'hand-overs', ids],
        ['export-xlsx', 'hand-overs', ids],
      ])
    })
  })

  describe('public counts', () => {
    it('counts per commune and item, children counted once, and not one name or child id in it', async () => {
      // A second item to the same child: one more gift, still one child.
      await recordHandOver(payload, await world.reqAs('admin'), { drive: drive.id, item: item(0), recipient: childA.id, quantity: 3 })
      const counts = await handOverCounts(payload, drive.id)
      const a = counts.communes.find((c) => c.area === communeA())
      const b = counts.communes.find((c) => c.area === communeB())
      // A: gift 1 + 3, bicycle 1 → one child; B: gift 2 → one child.
      expect(a).toMatchObject({ children: 1, quantity: 5, items: [{ item: item(0), label: 'Hộp quà Trung thu', quantity: 4 }, { item: item(1), label: 'Xe đạp', quantity: 1 }] })
      expect(b).toMatchObject({ children: 1, quantity: 2, items: [{ item: item(0), quantity: 2 }] })
      expect(counts.totals).toEqual({ quantity: 7, children: 2, communes: 2 })
      expect(counts.items.map((i) => [i.label, i.quantity])).toEqual([['Hộp quà Trung thu', 6], ['Xe đạp', 1]])

      const json = JSON.stringify(counts)
      for (const name of ['Mơ', 'Khải', 'Hoàng', 'Đinh', 'recipient', 'handedOverBy', world.users.coordinator.email]) expect(json).not.toContain(name)
      // Its shape holds nothing but communes, items and counts: no field that could carry a child.
      const keys = new Set<string>()
      JSON.stringify(counts, (key, value: unknown) => (keys.add(key), value))
      expect([...keys].filter((k) => k !== '' && !/^\d+$/.test(k)).sort()).toEqual(
        ['area', 'children', 'communes', 'drive', 'item', 'items', 'kind', 'label', 'name', 'quantity', 'totals'],
      )
    })

    it('reading the counts writes nothing to the audit log (no child is read)', async () => {
      const total = (await payload.count({ collection: 'audit-log' })).totalDocs
      await handOverCounts(payload, drive.id, 'en')
      expect((await payload.count({ collection: 'audit-log' })).totalDocs).toBe(total)
    })
  })

  describe('importing a commune’s list', () => {
    const LIST = ['Họ và tên,Năm sinh,Hoàn cảnh,Người giám hộ,Điện thoại', 'Vàng Thị Dở,2015,Hộ nghèo,Vàng A Lử,0912 345 678', 'Giàng A Páo,12/03/2013,cận nghèo,,', 'Vàng Thị Dở,2015,,,', ',2014,,,', 'Sùng Thị Mai,1890,khuyết tật,,'].join('\n')
    const listed = async () => (await payload.count({ collection: 'aid-recipients', where: { area: { equals: communeA() } } })).totalDocs

    it('a preview records nothing and says, line by line, what an import would do (translated)', async () => {
      const before = await listed()
      const audits = (await world.auditOf('coordinator')).length
      const res = await world.api('coordinator', 'POST', `/aid-recipients/import?lang=en`, { area: communeA(), mode: 'preview', text: LIST })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { counts: Record<string, number>; lines: { line: number; status: string; messages: string[] }[] }
      expect(body.counts).toEqual({ new: 2, created: 0, duplicate: 0, repeated: 1, invalid: 2 })
      expect(body.lines.map((l) => [l.line, l.status])).toEqual([[2, 'new'], [3, 'new'], [4, 'repeated'], [5, 'invalid'], [6, 'invalid']])
      expect(body.lines[3]?.messages).toEqual(['Line 5: the child’s given name is missing.'])
      expect(body.lines[4]?.messages[0]).toMatch(/^Line 6: "1890" is not a valid birth year/)
      expect(await listed()).toBe(before)
      expect(await world.auditOf('coordinator')).toHaveLength(audits)
    })

    it('an import creates the new children once, in one audit entry; importing again skips them as duplicates', async () => {
      const before = await listed()
      const req = await world.reqAs('coordinator')
      const first = await importAidList(payload, req, { area: communeA(), grid: csvGrid(LIST), mode: 'import', lang: 'vi' })
      expect(first.counts).toMatchObject({ created: 2, repeated: 1, invalid: 2 })
      expect(await listed()).toBe(before + 2)
      const made = await payload.find({ collection: 'aid-recipients', where: { and: [{ area: { equals: communeA() } }, { givenName: { in: ['Dở', 'Páo'] } }, { familyName: { in: ['Vàng Thị', 'Giàng A'] } }] }, depth: 0 })
      expect(made.docs.map((d) => [d.fullName, d.birthYear, d.birthDate?.slice(0, 10) ?? null, d.priorityGroup, d.guardian?.phone ?? null, d.createdBy]).sort()).toEqual([
        ['Giàng A Páo', 2013, '2013-03-12', 'near-poor', null, world.users.coordinator.id],
        ['Vàng Thị Dở', 2015, null, 'poor', '0912345678', world.users.coordinator.id],
      ])
      const importEntry = (await world.auditOf('coordinator')).at(-1)
      expect(importEntry).toMatchObject({ action: 'import', resource: 'aid-recipients', count: 2 })

      const again = await importAidList(payload, req, { area: communeA(), grid: csvGrid(LIST.toUpperCase()), mode: 'import', lang: 'vi' })
      // The line repeated in the file is now simply on the list too.
      expect(again.counts).toMatchObject({ created: 0, duplicate: 3, repeated: 0 })
      expect(again.lines[0]?.messages).toEqual(['Dòng 2: đã có trong danh sách của xã, không tạo lại.'])
      expect(await listed()).toBe(before + 2)
    })

    it('an XLSX file uploaded as multipart is read like the CSV (Excel dates too)', async () => {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('DS')
      sheet.addRow(['Họ', 'Tên', 'Ngày sinh', 'Ghi chú'])
      sheet.addRow(['Thào Thị', 'Dua', new Date(Date.UTC(2018, 4, 6)), 'Mồ côi cha'])
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
      const form = new FormData()
      form.set('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'danh-sach.xlsx')
      const { token } = await payload.login({ collection: 'users', data: { email: world.users.coordinator.email, password: 'test-password-123' } })
      const request = new Request(`${payload.config.serverURL}/api/aid-recipients/import?area=${communeA()}&mode=import`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
      const res = await handleEndpoints({ config: payload.config, request })
      expect(res.status).toBe(201)
      const body = (await res.json()) as { counts: Record<string, number> }
      expect(body.counts.created).toBe(1)
      const dua = await payload.find({ collection: 'aid-recipients', where: { and: [{ area: { equals: communeA() } }, { givenName: { equals: 'Dua' } }] }, depth: 0 })
      expect(dua.docs.map((d) => [d.birthYear, d.birthDate?.slice(0, 10), d.note])).toEqual([[2018, '2018-05-06', 'Mồ côi cha']])
    })

    it('a coordinator cannot import into (or preview against) a commune they do not cover', async () => {
      const res = await world.api('coordinator', 'POST', '/aid-recipients/import', { area: communeB(), mode: 'preview', text: LIST })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: string }).error).toMatch(/phụ trách/)
      const editor = await world.api('editor', 'POST', '/aid-recipients/import', { area: communeA(), mode: 'import', text: LIST })
      expect(editor.status).toBe(403)
    })
  })
})
