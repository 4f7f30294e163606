/**
 * Drawing-contest entries on a real database: a child is placed in the category of their age on
 * the contest's day; the per-child and per-category caps hold under a race (the capacity
 * engine), with nothing kept of a refused entry — no record, no file; a submission sent again is
 * one entry and one email; consents follow the child's age; the picture is checked from its
 * bytes; withdrawing the entry gives its place back; nobody reads entries through the public API.
 */
import { readdir } from 'node:fs/promises'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contest } from '../../cms/payload-types'
import { env } from '../../cms/env'
import { ZEntry, type TEntry } from '../../cms/schemas/entry'
import { childPool, contestChildKey } from '../../cms/services/contests'
import { artworkDir, entryByToken, mayPublish, submitEntry, withdrawEntry, withdrawPublication, type EntryOutcome } from '../../cms/services/entries'
import { makePlace } from './fixtures'
import { makeStaff, setAsideQueuedMail, skipReason, testPayload, unique } from './payload'

type Id = number | string

describe.skipIf(skipReason)('drawing contest entries', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  const contests: Id[] = []
  let jpeg: Buffer

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
    await setAsideQueuedMail(payload)
    jpeg = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer()
  })
  afterAll(async () => {
    if (contests.length) {
      const entries = await payload.find({ collection: 'entries', where: { contest: { in: contests } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
      if (entries.docs.length) await payload.delete({ collection: 'entries', where: { id: { in: entries.docs.map((e) => e.id) } }, overrideAccess: true })
      await payload.delete({ collection: 'contests', where: { id: { in: contests } }, overrideAccess: true })
    }
    await place.cleanup()
  })

  async function makeContest(extra: Partial<Contest> = {}): Promise<Contest> {
    const contest = await payload.create({
      collection: 'contests',
      data: {
        title: unique('Ước mơ của em'),
        slug: unique('uoc-mo'),
        theme: 'Ước mơ của em',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2031-05-15T10:00:00.000Z',
        ageOn: '2031-06-01',
        categories: [
          { label: '6–8 tuổi', minAge: 6, maxAge: 8 },
          { label: '9–11 tuổi', minAge: 9, maxAge: 11 },
          { label: '12–15 tuổi', minAge: 12, maxAge: 15 },
        ],
        entriesPerChild: 1,
        consentVersion: 'test-1',
        _status: 'published',
        ...extra,
      },
    })
    contests.push(contest.id)
    return contest
  }

  const key = () => unique('k').replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x')
  const input = (contest: Contest, over: Partial<Omit<TEntry, 'child'>> & { child?: Partial<TEntry['child']> } = {}): TEntry => {
    const { child, ...rest } = over
    return ZEntry.parse({
      contestId: contest.id,
      idempotencyKey: key(),
      title: 'Em mơ làm bác sĩ',
      statement: 'Em vẽ em chữa bệnh cho các bạn nhỏ.',
      child: { familyName: 'Nguyễn Thị', givenName: unique('Lan'), birthDate: '2021-09-01', school: 'Trường Tiểu học Hoà Thành', className: '3A', area: String(place.commune.id), ...child },
      submittedBy: 'guardian',
      contact: { name: 'Nguyễn Văn Bình', email: 'binh@example.vn' },
      consent: { participation: true, childAssent: true, publication: true, publicationChild: true },
      ...rest,
    })
  }
  const options = { secret: 'test-secret-entries-0123456789abcdef', mediaDir: env().mediaDir }
  const send = (contest: Contest, entry: TEntry, picture: Buffer | null = jpeg, now?: Date) => submitEntry(payload, entry, picture, { ...options, now })
  const filesNow = async () => (await readdir(artworkDir(env().mediaDir)).catch(() => [] as string[])).sort()
  const entriesOf = async (contest: Contest) => (await payload.count({ collection: 'entries', where: { contest: { equals: contest.id } }, overrideAccess: true })).totalDocs
  const accepted = (outcomes: EntryOutcome[]) => outcomes.filter((o): o is Extract<EntryOutcome, { kind: 'accepted' }> => o.kind === 'accepted')

  it('places the child by age on the contest day, stores the consents and two pictures under random names, and queues one confirmation', async () => {
    const contest = await makeContest()
    // 8 on the contest's day (2031-06-01), 9 the day after: the category is 6–8
    const entry = input(contest, { child: { birthDate: '2022-06-02', givenName: 'Lan' } })
    const before = await filesNow()
    const outcome = await send(contest, entry)
    expect(outcome).toMatchObject({ kind: 'accepted', fresh: true, age: 8, category: '6–8 tuổi' })
    if (outcome.kind !== 'accepted') return
    expect(outcome.reference).toMatch(/^VE-[2-9A-HJKMNP-TW-Z]{6}$/)
    expect(outcome.entryCode).toMatch(/^[2-9A-HJKMNP-TW-Z]{5}$/)
    const stored = await payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: true, depth: 0 })
    expect(stored.status).toBe('submitted')
    expect(stored.child?.age).toBe(8)
    expect(stored.consents?.map((c) => `${c.purpose}:${c.grantedBy}:${c.wordingVersion}`).sort()).toEqual(['participation:child:test-1', 'participation:guardian:test-1', 'publication:child:test-1', 'publication:guardian:test-1'])
    expect(mayPublish(stored)).toBe(true)
    // two new files, named at random: nothing of the child in them
    const added = (await filesNow()).filter((f) => !before.includes(f))
    expect(added.sort()).toEqual([stored.artwork?.large?.file, stored.artwork?.small?.file].sort())
    for (const file of added) expect(file).toMatch(/^[A-Za-z0-9_-]{16,}\.webp$/)
    expect(stored.artwork?.large?.width).toBeGreaterThan(stored.artwork?.small?.width ?? Infinity)
    // its place in the child's pool
    const pool = childPool(contest, contestChildKey(contest.id, entry.child)).key
    expect((await payload.count({ collection: 'claims', where: { pool: { equals: pool } } })).totalDocs).toBe(1)
    // the manage link finds it; the email is queued once, with the link
    expect((await entryByToken(payload, outcome.manageToken))?.id).toBe(outcome.id)
    const mail = await payload.find({ collection: 'email-outbox', where: { dedupeKey: { equals: `entry-received:${outcome.reference}` } }, overrideAccess: true })
    expect(mail.docs).toHaveLength(1)
    expect(mail.docs[0]?.to).toBe('binh@example.vn')
    expect(mail.docs[0]?.text).toContain(outcome.reference)
    expect(mail.docs[0]?.text).toContain(`/bai-du-thi/${outcome.manageToken}/`)
  })

  it('the same submission sent again, and 10 times at once, is one entry, one email and no new file', async () => {
    const contest = await makeContest()
    const entry = input(contest)
    const first = await send(contest, entry)
    expect(first.kind).toBe('accepted')
    const files = await filesNow()
    const again = await Promise.all(Array.from({ length: 10 }, () => send(contest, entry)))
    for (const o of again) expect(o).toMatchObject({ kind: 'accepted', reference: first.kind === 'accepted' ? first.reference : '', fresh: false })
    expect(await entriesOf(contest)).toBe(1)
    expect(await filesNow()).toEqual(files)
    const mail = await payload.count({ collection: 'email-outbox', where: { to: { equals: 'binh@example.vn' }, subject: { contains: first.kind === 'accepted' ? first.reference : 'x' } }, overrideAccess: true })
    expect(mail.totalDocs).toBe(1)
  })

  it('one entry per child: a second picture of the same child is refused with nothing kept, also when both arrive at once', async () => {
    const contest = await makeContest()
    const child = { givenName: 'Minh', familyName: 'Trần Văn', birthDate: '2020-03-04' }
    expect((await send(contest, input(contest, { child }))).kind).toBe('accepted')
    const files = await filesNow()
    // the same child typed a little differently is the same child
    const second = await send(contest, input(contest, { title: 'Tranh thứ hai', child: { ...child, givenName: ' minh ', familyName: 'TRẦN  VĂN' } }))
    expect(second).toEqual({ kind: 'cap-reached', allowed: 1 })
    expect(await entriesOf(contest)).toBe(1)
    expect(await filesNow()).toEqual(files)

    const raced = await makeContest()
    const twins = await Promise.all(Array.from({ length: 6 }, () => send(raced, input(raced, { child }))))
    expect(accepted(twins)).toHaveLength(1)
    expect(twins.filter((o) => o.kind === 'cap-reached')).toHaveLength(5)
    expect(await entriesOf(raced)).toBe(1)
    expect((await filesNow()).length - files.length).toBe(2)

    const two = await makeContest({ entriesPerChild: 2 })
    const many = await Promise.all(Array.from({ length: 5 }, () => send(two, input(two, { child }))))
    expect(accepted(many)).toHaveLength(2)
    expect(many.filter((o) => o.kind === 'cap-reached')).toEqual(Array.from({ length: 3 }, () => ({ kind: 'cap-reached', allowed: 2 })))
  })

  it('a category with a cap takes exactly that many entries when children race for it', async () => {
    const contest = await makeContest({ categories: [{ label: '6–8 tuổi', minAge: 6, maxAge: 8, maxEntries: 3 }] })
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => send(contest, input(contest, { child: { birthDate: '2024-01-01' } }))))
    expect(accepted(outcomes)).toHaveLength(3)
    expect(outcomes.filter((o) => o.kind === 'category-full')).toHaveLength(5)
    expect(await entriesOf(contest)).toBe(3)
  })

  it('refuses outside the window and outside the age categories, storing nothing', async () => {
    const contest = await makeContest()
    const files = await filesNow()
    expect(await send(contest, input(contest), jpeg, new Date('2031-05-15T10:00:00.000Z'))).toEqual({ kind: 'refused', reason: 'closed' })
    expect(await send(contest, input(contest), jpeg, new Date('2025-12-31T23:59:00.000Z'))).toEqual({ kind: 'refused', reason: 'not-open' })
    // 5 on 2031-06-01
    expect(await send(contest, input(contest, { child: { birthDate: '2026-01-01' } }))).toMatchObject({ kind: 'refused', reason: 'too-young', age: 5 })
    expect(await send(contest, input(contest, { child: { birthDate: '2014-01-01' } }))).toMatchObject({ kind: 'refused', reason: 'too-old', age: 17 })
    expect(await entriesOf(contest)).toBe(0)
    expect(await filesNow()).toEqual(files)
  })

  it('a child of 7 or more must agree too, to taking part and to publication; a younger child needs only the guardian', async () => {
    const contest = await makeContest()
    const noAssent = await send(contest, input(contest, { consent: { participation: true, childAssent: false, publication: true, publicationChild: false } }))
    expect(noAssent).toEqual({ kind: 'invalid', errors: { 'consent.childAssent': { key: 'assent-required' }, 'consent.publicationChild': { key: 'publication-assent-required' } } })
    const young = await send(contest, input(contest, { child: { birthDate: '2024-09-01' }, consent: { participation: true, childAssent: false, publication: true, publicationChild: false } }))
    expect(young).toMatchObject({ kind: 'accepted', age: 6 })
    const notPublished = await send(contest, input(contest, { consent: { participation: true, childAssent: true, publication: false, publicationChild: false } }))
    expect(notPublished.kind).toBe('accepted')
    if (young.kind !== 'accepted' || notPublished.kind !== 'accepted') return
    expect(mayPublish(await payload.findByID({ collection: 'entries', id: young.id, overrideAccess: true }))).toBe(true)
    expect(mayPublish(await payload.findByID({ collection: 'entries', id: notPublished.id, overrideAccess: true }))).toBe(false)
    expect(await entriesOf(contest)).toBe(2)
  })

  it('a file that is not a picture is refused from its bytes, with nothing kept', async () => {
    const contest = await makeContest()
    const files = await filesNow()
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    expect(await send(contest, input(contest), html)).toEqual({ kind: 'invalid', errors: { picture: { key: 'not-an-image' } } })
    expect(await send(contest, input(contest), null)).toEqual({ kind: 'invalid', errors: { picture: { key: 'picture-required' } } })
    expect(await entriesOf(contest)).toBe(0)
    expect(await filesNow()).toEqual(files)
  })

  it('withdrawing publication keeps the entry in the contest; withdrawing the entry gives the place back', async () => {
    const contest = await makeContest()
    const entry = input(contest)
    const outcome = await send(contest, entry)
    if (outcome.kind !== 'accepted') throw new Error(outcome.kind)
    expect(await withdrawPublication(payload, outcome.id)).toBe(2)
    expect(await withdrawPublication(payload, outcome.id)).toBe(0)
    let stored = await payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: true })
    expect(stored.status).toBe('submitted')
    expect(mayPublish(stored)).toBe(false)
    expect(stored.consents?.filter((c) => c.purpose === 'publication').every((c) => c.withdrawnAt && c.endReason === 'withdrawn')).toBe(true)

    expect(await withdrawEntry(payload, outcome.id)).toBe(true)
    expect(await withdrawEntry(payload, outcome.id)).toBe(false)
    stored = await payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: true })
    expect(stored.status).toBe('withdrawn')
    expect(stored.consents?.every((c) => c.withdrawnAt)).toBe(true)
    // the same submission again says it was withdrawn; a new picture of the child is taken
    expect(await send(contest, entry)).toEqual({ kind: 'withdrawn', reference: outcome.reference })
    expect((await send(contest, input(contest, { child: entry.child }))).kind).toBe('accepted')
  })

  it('nobody reads entries through the public API; editors do; a judge sees no private field', async () => {
    const contest = await makeContest()
    const outcome = await send(contest, input(contest))
    if (outcome.kind !== 'accepted') throw new Error(outcome.kind)
    await expect(payload.find({ collection: 'entries', overrideAccess: false })).rejects.toThrow()
    const editor = await makeStaff(payload, ['editor'])
    const seen = await payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: false, user: editor })
    expect(seen.child?.givenName).toMatch(/^Lan/)
    // the editor's read is in the audit log
    const logged = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: editor.id } }, { resource: { equals: 'entries' } }] }, depth: 0 })
    expect(logged.docs.map((d) => [d.action, d.documentIds])).toEqual([['read-one', [outcome.id]]])
    const judge = await makeStaff(payload, ['judge'])
    await expect(payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: false, user: judge })).rejects.toThrow()
    const { id: _seenId, ...copy } = seen
    await expect(payload.create({ collection: 'entries', overrideAccess: false, user: editor, data: { ...copy, idempotencyKey: key(), reference: 'VE-COPY22', entryCode: 'COPY2', manageTokenHash: key() } })).rejects.toThrow()
  })
})
