/**
 * A contest's public results and gallery on a real database: once the results are published,
 * the public sees a picture with the child's given name, family initial, age and commune only
 * where the family agreed; a winner without that consent shows as "a participant from <commune>";
 * public copies (and a share image per consenting winner) are new files, and withdrawing the
 * consent or the entry deletes them, takes them off the server's list of public files and
 * announces the change that clears every kept page.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contest, Entry } from '../../cms/payload-types'
import { env } from '../../cms/env'
import { ZEntry } from '../../cms/schemas/entry'
import { onContentChange, type ContentChange } from '../../cms/services/content-events'
import { artworkDir, submitEntry, withdrawEntry, withdrawPublication } from '../../cms/services/entries'
import { contestResults, galleryFileNames, galleryPicture, galleryPictures, pictureIdOf } from '../../cms/services/gallery'
import { closeRound, publishResults, submitScore } from '../../cms/services/judging'
import { makePlace } from './fixtures'
import { makeStaff, skipReason, testPayload, unique } from './payload'

type Id = number | string
const exists = async (file: string) => Boolean(await stat(path.join(artworkDir(env().mediaDir), file)).catch(() => null))

describe.skipIf(skipReason)('contest results and the public gallery', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  const contests: Id[] = []

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
  })
  afterAll(async () => {
    if (contests.length) {
      await payload.delete({ collection: 'scores', where: { contest: { in: contests } }, overrideAccess: true })
      await payload.delete({ collection: 'entries', where: { contest: { in: contests } }, overrideAccess: true })
      await payload.delete({ collection: 'contest-states', where: { contest: { in: contests } }, overrideAccess: true })
      await payload.delete({ collection: 'contests', where: { id: { in: contests } }, overrideAccess: true })
    }
    await place.cleanup()
  })

  /** A judged contest: four entries (the first three agreed to publication, the fourth did not), results published. */
  async function judgedContest(): Promise<{ contest: Contest; entries: Entry[] }> {
    const judge = await makeStaff(payload, ['judge'])
    const contest = await payload.create({
      collection: 'contests',
      data: {
        title: unique('Ước mơ'),
        slug: unique('uoc-mo'),
        theme: 'Ước mơ của em',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2026-06-01T00:00:00.000Z',
        ageOn: '2026-06-01',
        categories: [{ label: '9–11 tuổi', minAge: 9, maxAge: 11, prizes: [{ label: 'Giải Nhất', count: 1 }, { label: 'Giải Nhì', count: 1 }] }],
        rubric: [{ criterion: 'Ý tưởng', weight: 1 }],
        rounds: [{ name: 'Chung khảo', kind: 'rubric' }],
        jury: [judge.id],
        entriesPerChild: 1,
        consentVersion: 'test-1',
        _status: 'published',
      },
    })
    contests.push(contest.id)
    const picture = await sharp({ create: { width: 1000, height: 750, channels: 3, background: { r: 240, g: 200, b: 40 } } }).png().toBuffer()
    const entries: Entry[] = []
    for (const n of [1, 2, 3, 4]) {
      const consent = n < 4
      const outcome = await submitEntry(
        payload,
        ZEntry.parse({
          contestId: contest.id,
          idempotencyKey: unique(`gallery-${n}`).replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x'),
          title: `Ước mơ số ${n}`,
          child: { familyName: 'Trương Văn', givenName: `Khoa${n}`, birthDate: '2016-03-01', school: 'Trường THCS Riêng Tư', area: String(place.commune.id) },
          contact: { name: 'Trương Thị Mẹ', email: 'me@example.vn' },
          consent: { participation: true, childAssent: true, publication: consent, publicationChild: consent },
        }),
        picture,
        { secret: env().secret, mediaDir: env().mediaDir, now: new Date('2026-03-01T00:00:00Z') },
      )
      if (outcome.kind !== 'accepted') throw new Error(`entry ${n}: ${outcome.kind}`)
      entries.push(await payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: true }))
    }
    const criterion = contest.rubric?.[0]?.id ?? ''
    // the fourth (no publication consent) wins; the first is second
    for (const [i, entry] of entries.entries()) {
      const outcome = await submitScore(payload, judge, { entryId: entry.id, roundId: contest.rounds?.[0]?.id ?? '', marks: { [criterion]: [8, 5, 4, 10][i] ?? 1 } })
      expect(outcome.kind).toBe('scored')
    }
    expect((await closeRound(payload, contest.id)).kind).toBe('closed')
    expect(await publishResults(payload, contest.id, new Date('2026-06-02T00:00:00Z'))).toEqual({ kind: 'published', awarded: 2 })
    const fresh = await payload.find({ collection: 'entries', where: { contest: { equals: contest.id } }, overrideAccess: true, sort: 'createdAt' })
    return { contest, entries: fresh.docs }
  }

  it('shows pictures and names only with consent, a winner without it as "a participant from" the commune, and serves only the public copies', async () => {
    const { contest, entries } = await judgedContest()
    const [first, second, third, fourth] = entries
    if (!first || !second || !third || !fourth) throw new Error('entries')
    const results = await contestResults(payload, contest, 'vi')
    expect(results).toMatchObject({ published: true, entries: 4, communes: 1 })
    const category = results.categories[0]
    expect(category?.winners.map((w) => [w.award, w.rank, w.card?.name ?? null, w.commune])).toEqual([
      ['Giải Nhất', 1, null, 'Xã'],
      ['Giải Nhì', 2, 'Khoa1 T.', 'Xã'],
    ])
    // the gallery: the three who agreed, the winner first; nothing private in it
    expect(category?.gallery.map((c) => [c.name, c.age, c.commune, c.award])).toEqual([
      ['Khoa1 T.', 10, 'Xã', 'Giải Nhì'],
      ['Khoa2 T.', 10, 'Xã', null],
      ['Khoa3 T.', 10, 'Xã', null],
    ])
    const text = JSON.stringify(results)
    for (const secret of ['Trương Văn', 'Riêng Tư', 'me@example.vn', 'Ước mơ số 4', first.reference, first.entryCode, '2016-03-01']) expect(text).not.toContain(secret)
    expect(category?.gallery[0]?.small).toMatchObject({ url: `/api/gallery/file/${first.gallery?.small?.file}`, width: 480, height: 360 })

    // public copies are new names: the jury's private files are never among them
    const names = await galleryFileNames(payload)
    for (const e of [first, second, third]) {
      for (const f of [e.gallery?.large?.file, e.gallery?.small?.file]) {
        expect(names.has(f ?? '')).toBe(true)
        expect(await exists(f ?? '')).toBe(true)
      }
      expect(names.has(e.artwork?.large?.file ?? '')).toBe(false)
      expect(e.gallery?.large?.file).not.toBe(e.artwork?.large?.file)
    }
    expect(fourth.gallery?.large?.file ?? null).toBeNull()
    // a share image for the consenting winner only
    expect(first.gallery?.share?.file).toBeTruthy()
    const share = await sharp(path.join(artworkDir(env().mediaDir), first.gallery?.share?.file ?? '')).metadata()
    expect([share.width, share.height]).toEqual([1200, 630])
    expect(second.gallery?.share?.file ?? null).toBeNull()
  })

  it('withdrawing the consent or the entry takes the picture off everything public at once', async () => {
    const { contest, entries } = await judgedContest()
    const [first, second] = entries
    if (!first || !second) throw new Error('entries')
    const changes: ContentChange[] = []
    const stop = onContentChange((c) => changes.push(c))
    try {
      const files = [first.gallery?.large?.file ?? '', first.gallery?.small?.file ?? '', first.gallery?.share?.file ?? '']
      // the picture's own page and its sitemap entry
      const picture = pictureIdOf(first.gallery?.large?.file) ?? ''
      expect((await galleryPicture(payload, contest, picture, 'vi'))?.card).toMatchObject({ name: 'Khoa1 T.', award: 'Giải Nhì', share: { width: 1200, height: 630 } })
      expect((await galleryPictures(payload)).filter((p) => p.slug === contest.slug).map((p) => p.picture)).toContain(picture)
      expect(await withdrawPublication(payload, first.id)).toBe(2)
      expect(await galleryPicture(payload, contest, picture, 'vi')).toBeNull()
      expect((await galleryPictures(payload)).map((p) => p.picture)).not.toContain(picture)
      for (const f of files) expect(await exists(f)).toBe(false)
      const names = await galleryFileNames(payload)
      for (const f of files) expect(names.has(f)).toBe(false)
      // the private record stays for the contest
      expect(await exists(first.artwork?.large?.file ?? '')).toBe(true)
      expect(changes.some((c) => c.source === 'entries' && c.id === first.id)).toBe(true)
      let results = await contestResults(payload, contest, 'en')
      const winner = results.categories[0]?.winners.find((w) => w.rank === 2)
      expect(winner).toMatchObject({ card: null, commune: 'Xã' })
      expect(results.categories[0]?.gallery.map((c) => c.name)).toEqual(['Khoa2 T.', 'Khoa3 T.'])

      changes.length = 0
      const secondFiles = [second.gallery?.large?.file ?? '', second.gallery?.small?.file ?? '']
      expect(await withdrawEntry(payload, second.id)).toBe(true)
      for (const f of secondFiles) expect(await exists(f)).toBe(false)
      expect(changes.some((c) => c.source === 'entries')).toBe(true)
      results = await contestResults(payload, contest, 'vi')
      expect(results.categories[0]?.gallery.map((c) => c.name)).toEqual(['Khoa3 T.'])
      expect(results.entries).toBe(3)
    } finally {
      stop()
    }
  })

  it('an organiser can take a picture off public pages on the family\u2019s behalf; a judge cannot', async () => {
    const { contest, entries } = await judgedContest()
    const first = entries[0]
    if (!first) throw new Error('entries')
    const post = async (email: string) => {
      const token = (await payload.login({ collection: 'users', data: { email, password: 'test-password-123' } })).token ?? ''
      return handleEndpoints({ config: payload.config, request: new Request(`${env().serverURL}/api/entries/${first.id}/withdraw-publication`, { method: 'POST', headers: { authorization: `JWT ${token}` } }) })
    }
    const judge = await makeStaff(payload, ['judge'])
    expect((await post(judge.email)).status).toBe(403)
    expect(await exists(first.gallery?.large?.file ?? '')).toBe(true)
    const editor = await makeStaff(payload, ['editor'])
    const res = await post(editor.email)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ withdrawn: 2 })
    expect(await exists(first.gallery?.large?.file ?? '')).toBe(false)
    const stored = await payload.findByID({ collection: 'entries', id: first.id, overrideAccess: true })
    expect(stored.consents?.filter((c) => c.purpose === 'publication').map((c) => c.endReason)).toEqual(['staff', 'staff'])
    expect((await contestResults(payload, contest, 'vi')).categories[0]?.gallery.map((c) => c.name)).toEqual(['Khoa2 T.', 'Khoa3 T.'])
    const logged = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: editor.id } }, { resource: { equals: 'entries' } }] }, depth: 0 })
    expect(logged.docs.map((d) => d.summary)).toEqual([expect.stringContaining('publication consent ended by the organisers')])
  })
})
