/**
 * The audit log of staff access to children's records: a staff user's read of a list, of one
 * record, or a change, through the REST API or the Local API on their behalf, writes exactly one
 * entry per operation naming every record read; the server's own calls write none; the log
 * itself can be neither changed nor deleted, and only admins read it.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffWorld } from './staff-fixtures'
import { skipReason, testPayload } from './payload'

describe.skipIf(skipReason)('audit log of staff access to registrations', () => {
  let payload: Payload
  let world: Awaited<ReturnType<typeof staffWorld>>

  beforeAll(async () => {
    payload = await testPayload()
    world = await staffWorld(payload)
  })
  afterAll(() => world.cleanup())

  const totalEntries = async () => (await payload.count({ collection: 'audit-log' })).totalDocs

  it('a coordinator listing registrations over REST writes one entry with every id read', async () => {
    const event = await world.place.makeEvent({ capacity: 5 })
    const regs = await world.signUpChildren(event.id, [{}, {}, {}])
    const before = await world.auditOf('coordinator')
    const res = await world.api('coordinator', 'GET', `/registrations?where[event][equals]=${event.id}&limit=2&depth=0`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { docs: { id: number }[]; totalDocs: number }
    expect(body.totalDocs).toBe(3)
    const entries = (await world.auditOf('coordinator')).slice(before.length)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'read-list',
      resource: 'registrations',
      userEmail: world.users.coordinator.email,
      event: event.id,
      count: 2,
      documentIds: body.docs.map((d) => d.id),
    })
    expect(body.docs.every((d) => regs.some((r) => r?.id === d.id))).toBe(true)
  })

  it('reading one record and changing it write one read-one and one update entry', async () => {
    const event = await world.place.makeEvent({ capacity: 5 })
    const [reg] = await world.signUpChildren(event.id, [{}])
    const before = await world.auditOf('coordinator')
    expect((await world.api('coordinator', 'GET', `/registrations/${reg?.id}?depth=0`)).status).toBe(200)
    const patch = await world.api('coordinator', 'PATCH', `/registrations/${reg?.id}`, { staffNote: 'Gia đình hỏi về áo phao' })
    expect(patch.status).toBe(200)
    const entries = (await world.auditOf('coordinator')).slice(before.length)
    expect(entries.map((e) => [e.action, e.documentIds, e.count, e.fields])).toEqual([
      ['read-one', [reg?.id], 1, null],
      ['update', [reg?.id], 1, ['staffNote']],
    ])
  })

  it('a Local API read made for a staff user logs; the server’s own reads and the sign-up itself do not', async () => {
    const event = await world.place.makeEvent({ capacity: 5 })
    const total = await totalEntries()
    await world.signUpChildren(event.id, [{}, {}])
    await payload.find({ collection: 'registrations', where: { event: { equals: event.id } } })
    expect(await totalEntries()).toBe(total)

    const found = await payload.find({ collection: 'registrations', where: { event: { equals: event.id } }, user: world.users.admin, overrideAccess: false })
    expect(found.totalDocs).toBe(2)
    expect(await totalEntries()).toBe(total + 1)
    expect((await world.auditOf('admin')).at(-1)).toMatchObject({ action: 'read-list', count: 2 })
  })

  it('a read that returns nothing (another province’s coordinator) writes nothing', async () => {
    const event = await world.place.makeEvent({ capacity: 5 })
    await world.signUpChildren(event.id, [{}])
    const before = (await world.auditOf('outsider')).length
    const res = await world.api('outsider', 'GET', `/registrations?where[event][equals]=${event.id}`)
    expect(((await res.json()) as { totalDocs: number }).totalDocs).toBe(0)
    expect(await world.auditOf('outsider')).toHaveLength(before)
  })

  it('the log is append-only and readable by admins only', async () => {
    const event = await world.place.makeEvent({ capacity: 5 })
    const [reg] = await world.signUpChildren(event.id, [{}])
    await world.api('coordinator', 'GET', `/registrations/${reg?.id}`)
    const entry = (await world.auditOf('coordinator')).at(-1)
    expect(entry?.action).toBe('read-one')

    expect((await world.api('coordinator', 'GET', '/audit-log')).status).toBe(403)
    expect((await world.api('admin', 'GET', `/audit-log/${entry?.id}`)).status).toBe(200)
    expect((await world.api('admin', 'PATCH', `/audit-log/${entry?.id}`, { summary: 'edited' })).status).toBe(403)
    await expect(payload.update({ collection: 'audit-log', id: entry?.id ?? 0, data: { summary: 'edited' } })).rejects.toThrow(/append-only/)
    await expect(payload.delete({ collection: 'audit-log', id: entry?.id ?? 0 })).rejects.toThrow(/append-only/)
    expect((await payload.findByID({ collection: 'audit-log', id: entry?.id ?? 0 })).summary).toBe(entry?.summary)
  })
})
