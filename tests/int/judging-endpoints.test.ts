/**
 * The judging endpoints on a real database, called in-process as the admin calls them: the
 * picture of an entry goes to a judge of its current round (a real WebP, under the entry code)
 * and to organisers, and is a 404 for another judge, the public and a file name that tries to
 * leave the pictures' folder; a judge's score is taken once and every refusal is answered in the
 * admin's language; closing a round, ordering ties and publishing are the organisers' (403 for
 * a judge) and refuse what the rules refuse; certificates are a PDF for organisers only, with
 * the children's full names, and every one of those is in the audit log. The judge's page reads
 * nothing private.
 */
import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contest, Entry, User } from '../../cms/payload-types'
import { env } from '../../cms/env'
import { ZEntry } from '../../cms/schemas/entry'
import { submitEntry } from '../../cms/services/entries'
import { judgeContests, judgeEntry, judgeQueue } from '../../cms/services/judging-staff'
import { makePlace } from './fixtures'
import { makeStaff, skipReason, testPayload, unique } from './payload'

type Id = number | string
type Staff = User & { collection: 'users' }
const PASSWORD = 'test-password-123'

describe.skipIf(skipReason)('judging endpoints', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  const contests: Id[] = []
  let judges: Staff[]
  let outsider: Staff
  let editor: Staff
  let coordinator: Staff
  let picture: Buffer
  const tokens = new Map<Id, string>()

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
    judges = [await makeStaff(payload, ['judge']), await makeStaff(payload, ['judge'])]
    outsider = await makeStaff(payload, ['judge'])
    editor = await makeStaff(payload, ['editor'])
    coordinator = await makeStaff(payload, ['coordinator'])
    picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer()
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

  /**
   * A contest whose entry window is over (entries are sent "as of" a day inside it): a
   * shortlist, then a final scored by the rubric; one category with a First and a Second prize.
   */
  async function makeContest(rounds: { name: string; kind: 'yes-no' | 'rubric' }[] = [{ name: 'Sơ khảo', kind: 'yes-no' }, { name: 'Chung khảo', kind: 'rubric' }]): Promise<Contest> {
    const contest = await payload.create({
      collection: 'contests',
      data: {
        title: unique('Ước mơ của em'),
        slug: unique('uoc-mo'),
        theme: 'Ngôi nhà an toàn',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2026-05-15T10:00:00.000Z',
        ageOn: '2026-06-01',
        categories: [{ label: 'Bảng A: 6–8 tuổi', minAge: 6, maxAge: 8, prizes: [{ label: 'Giải Nhất', count: 1 }, { label: 'Giải Nhì', count: 1 }] }],
        rubric: [
          { criterion: 'Ý tưởng', weight: 3 },
          { criterion: 'Màu sắc', weight: 1 },
        ],
        rounds,
        jury: judges.map((j) => j.id),
        entriesPerChild: 5,
        consentVersion: 'test-1',
        _status: 'published',
      },
    })
    contests.push(contest.id)
    return contest
  }

  async function enter(contest: Contest, n: number): Promise<Entry> {
    const input = ZEntry.parse({
      contestId: contest.id,
      idempotencyKey: unique(`judging-ep-${n}`).replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x'),
      title: `Tranh số ${n}`,
      statement: 'Em vẽ ngôi nhà an toàn.',
      child: { familyName: 'Võ Thị', givenName: `Mai${n}`, birthDate: '2019-01-01', school: 'Trường Tiểu học Kín Đáo', className: '1A', area: String(place.commune.id) },
      contact: { name: 'Võ Văn Ba', phone: '0912345678' },
      consent: { participation: true, childAssent: true, publication: false, publicationChild: false },
    })
    const outcome = await submitEntry(payload, input, picture, { secret: env().secret, mediaDir: env().mediaDir, now: new Date('2026-03-01T00:00:00Z') })
    if (outcome.kind !== 'accepted') throw new Error(`entry ${n}: ${outcome.kind}`)
    return payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: true })
  }

  const roundId = (contest: Contest, i: number) => contest.rounds?.[i]?.id ?? ''
  const tokenOf = async (user: User | null): Promise<string | null> => {
    if (!user) return null
    const known = tokens.get(user.id)
    if (known) return known
    const token = (await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })).token ?? ''
    tokens.set(user.id, token)
    return token
  }
  const call = async (user: User | null, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const token = await tokenOf(user)
    const request = new Request(`${env().serverURL}/api${path}`, {
      method,
      headers: { ...(token ? { authorization: `JWT ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    return handleEndpoints({ config: payload.config, request })
  }
  const json = async (res: Response) => (await res.json()) as Record<string, unknown>
  /** The audit log's entries by this user on these records (documentIds is JSON: filtered here, alike on every adapter). */
  const auditOf = async (user: User, resource: string, id: Id) => {
    const res = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: user.id } }, { resource: { equals: resource } }] }, overrideAccess: true, sort: 'at', depth: 0, limit: 0, pagination: false })
    return res.docs.filter((d) => Array.isArray(d.documentIds) && d.documentIds.map(String).includes(String(id)))
  }

  it('sends the picture to a judge of its current round and to organisers, as <entryCode>.webp, never cached; 404 to anyone else and for a file name that leaves the folder', async () => {
    const contest = await makeContest()
    const entry = await enter(contest, 1)
    const [judge] = judges
    if (!judge) throw new Error('no judge')

    const res = await call(judge, 'GET', `/entries/${entry.id}/picture?size=large`)
    expect(res.status).toBe(200)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.toString('latin1', 0, 4)).toBe('RIFF')
    expect(bytes.toString('latin1', 8, 12)).toBe('WEBP')
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${entry.entryCode}.webp"`)
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length)
    const meta = await sharp(bytes).metadata()
    expect(meta.format).toBe('webp')

    const small = await call(judge, 'GET', `/entries/${entry.id}/picture?size=small`)
    expect(small.status).toBe(200)
    const smallBytes = Buffer.from(await small.arrayBuffer())
    expect(smallBytes.length).toBeLessThan(bytes.length)
    expect((await sharp(smallBytes).metadata()).width).toBeLessThan(meta.width ?? 0)

    expect((await call(editor, 'GET', `/entries/${entry.id}/picture`)).status).toBe(200)
    // a judge of another contest, a coordinator, the public, a made-up id
    for (const who of [outsider, coordinator, null]) {
      const refused = await call(who, 'GET', `/entries/${entry.id}/picture`)
      expect(refused.status).toBe(404)
      expect(refused.headers.get('content-type')).not.toBe('image/webp')
    }
    expect((await call(judge, 'GET', `/entries/not-an-id/picture`)).status).toBe(404)

    // a file name in the database that tries to leave the pictures' folder is never followed
    const large = entry.artwork?.large
    for (const file of ['../../../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', `../artworks/${large?.file ?? ''}`, '/etc/hostname', 'x.webp/../../secret.webp', 'AAAAAAAAAAAAAAAAAAAAAA.webp']) {
      await payload.db.updateOne({ collection: 'entries', id: entry.id, data: { artwork: { ...entry.artwork, large: { ...large, file } } }, returning: false })
      expect((await call(judge, 'GET', `/entries/${entry.id}/picture`)).status).toBe(404)
    }
    await payload.db.updateOne({ collection: 'entries', id: entry.id, data: { artwork: entry.artwork }, returning: false })
    expect((await call(judge, 'GET', `/entries/${entry.id}/picture`)).status).toBe(200)

    // once the judge's round is closed and the entry did not pass, the judge no longer gets it
    await call(judge, 'POST', `/entries/${entry.id}/score`, { round: roundId(contest, 0), decision: 'no' })
    await call(judges[1] ?? judge, 'POST', `/entries/${entry.id}/score`, { round: roundId(contest, 0), decision: 'no' })
    expect((await call(editor, 'POST', `/contests/${contest.id}/close-round`)).status).toBe(200)
    expect((await call(judge, 'GET', `/entries/${entry.id}/picture`)).status).toBe(404)
    expect((await call(editor, 'GET', `/entries/${entry.id}/picture`)).status).toBe(200)
  })

  it('takes a judge\u2019s score once and answers every refusal with its status and a translated message', async () => {
    const contest = await makeContest()
    const entry = await enter(contest, 2)
    const [a, b] = judges
    if (!a || !b) throw new Error('no judges')
    const score = (user: User | null, body: unknown, headers?: Record<string, string>) => call(user, 'POST', `/entries/${entry.id}/score`, body, headers)

    // nobody signed in; a bad body (not JSON, a key it does not take, a decision that is not yes/no)
    expect((await score(null, { round: roundId(contest, 0), decision: 'yes' })).status).toBe(401)
    for (const bad of ['{not json', { round: roundId(contest, 0), decision: 'yes', judge: outsider.id }, { round: roundId(contest, 0), decision: 'maybe' }, {}]) {
      const res = await score(a, bad)
      expect(res.status).toBe(400)
      expect(String((await json(res)).error)).toMatch(/^Dữ liệu không hợp lệ/)
    }
    // a yes/no round needs a decision
    const none = await score(a, { round: roundId(contest, 0) })
    expect(none.status).toBe(400)
    expect(await json(none)).toMatchObject({ error: 'Hãy chọn Có hoặc Không.', reason: 'decision-required' })
    // a page left open on a round that is not the current one
    const stale = await score(a, { round: roundId(contest, 1), marks: {} }, { 'accept-language': 'en' })
    expect(stale.status).toBe(409)
    expect(await json(stale)).toMatchObject({ reason: 'round-closed', error: 'This round is closed (or is not the round being judged). Reload the page.' })
    // a judge of another contest cannot see the entry: it does not exist for them
    expect((await score(outsider, { round: roundId(contest, 0), decision: 'yes' })).status).toBe(404)
    // an organiser reads every entry but is not on the jury
    const organiser = await score(editor, { round: roundId(contest, 0), decision: 'yes' })
    expect(organiser.status).toBe(403)
    expect((await json(organiser)).reason).toBe('not-a-judge')

    // the score, then the same again (a double click): final
    const first = await score(a, { round: roundId(contest, 0), decision: 'yes', comment: 'Màu sắc tươi' })
    expect(first.status).toBe(200)
    expect(await json(first)).toEqual({ ok: true, total: null })
    const again = await score(a, { round: roundId(contest, 0), decision: 'no' })
    expect(again.status).toBe(409)
    expect(await json(again)).toMatchObject({ reason: 'already-scored', error: 'Bạn đã chấm bài này ở vòng này: phiếu chấm đã gửi không sửa được.' })
    const stored = await payload.find({ collection: 'scores', where: { entry: { equals: entry.id } }, overrideAccess: true })
    expect(stored.docs.map((s) => [s.decision, s.comment])).toEqual([['yes', 'Màu sắc tươi']])

    // b knows the child
    expect((await score(b, { round: roundId(contest, 0), conflict: true })).status).toBe(200)
    expect((await payload.find({ collection: 'scores', where: { and: [{ entry: { equals: entry.id } }, { judge: { equals: b.id } }] }, overrideAccess: true })).docs[0]).toMatchObject({ conflict: true, decision: null })

    // the final round: marks 1–10 for every criterion
    expect((await call(editor, 'POST', `/contests/${contest.id}/close-round`)).status).toBe(200)
    const [idea, colour] = (contest.rubric ?? []).map((r) => r.id ?? '')
    if (!idea || !colour) throw new Error('rubric')
    const out = await score(a, { round: roundId(contest, 1), marks: { [idea]: 11, [colour]: 5 } })
    expect(out.status).toBe(400)
    expect((await json(out)).reason).toBe('mark-out-of-range')
    const missing = await score(a, { round: roundId(contest, 1), marks: { [idea]: 8 } }, { 'accept-language': 'en' })
    expect(missing.status).toBe(400)
    expect(await json(missing)).toMatchObject({ reason: 'marks-required', error: 'Give a mark for every criterion (1 to 10).' })
    const marked = await score(a, { round: roundId(contest, 1), marks: { [idea]: 8, [colour]: 4 } })
    expect(await json(marked)).toEqual({ ok: true, total: 7 })
  })

  it('shows a judge only the entries of their round and only what a judge may see; the others\u2019 scores once their own is sent', async () => {
    const contest = await makeContest()
    const entries = await Promise.all([3, 4].map((n) => enter(contest, n)))
    const [a, b] = judges
    const [e3, e4] = entries
    if (!a || !b || !e3 || !e4) throw new Error('setup')
    const [view] = (await judgeContests(payload, a, 'vi')).filter((c) => String(c.id) === String(contest.id))
    if (!view) throw new Error('the judge sees the contest')
    expect(view).toMatchObject({ onJury: true, round: { index: 0, kind: 'yes-no', name: 'Sơ khảo' } })
    expect((await judgeContests(payload, outsider, 'vi')).some((c) => String(c.id) === String(contest.id))).toBe(false)

    await call(b, 'POST', `/entries/${e3.id}/score`, { round: roundId(contest, 0), decision: 'no', comment: 'Chưa rõ ý' })
    const before = await judgeQueue(payload, a, view)
    expect(before).toMatchObject({ total: 2, scored: 0 })
    expect(before.toScore.map((e) => e.entryCode).sort()).toEqual([e3.entryCode, e4.entryCode].sort())
    const text = JSON.stringify(before)
    for (const secret of ['Mai3', 'Võ', 'Kín Đáo', '0912345678', e3.reference]) expect(text).not.toContain(secret)
    // b's score is hidden from a until a sends their own
    expect((await judgeEntry(payload, a, view, e3.id))?.scores).toEqual([])
    await call(a, 'POST', `/entries/${e3.id}/score`, { round: roundId(contest, 0), decision: 'yes' })
    const after = await judgeEntry(payload, a, view, e3.id)
    expect(after?.scores.map((s) => [s.mine, s.decision, s.comment])).toEqual([
      [true, 'yes', null],
      [false, 'no', 'Chưa rõ ý'],
    ])
    expect(JSON.stringify(after)).not.toContain(b.email)
    expect(await judgeQueue(payload, a, view)).toMatchObject({ total: 2, scored: 1, toScore: [{ entryCode: e4.entryCode }] })
    // a judge's reads are in the audit log (the entries collection logs every staff read)
    const reads = await payload.find({ collection: 'audit-log', where: { and: [{ user: { equals: a.id } }, { resource: { equals: 'entries' } }] }, overrideAccess: true, limit: 0 })
    expect(reads.docs.length).toBeGreaterThan(0)
  })

  it('leaves closing, ordering ties and publishing to the organisers, refuses what the rules refuse, and logs each', async () => {
    const contest = await makeContest([{ name: 'Chung khảo', kind: 'rubric' }])
    const entries = await Promise.all([5, 6, 7].map((n) => enter(contest, n)))
    const [e5, e6, e7] = entries
    const [a, b] = judges
    if (!a || !b || !e5 || !e6 || !e7) throw new Error('setup')

    for (const who of [a, coordinator]) {
      for (const path of ['close-round', 'publish-results']) {
        const res = await call(who, 'POST', `/contests/${contest.id}/${path}`)
        expect(res.status).toBe(403)
        expect((await json(res)).error).toBe('Chỉ ban tổ chức (quản trị viên, biên tập viên) làm được việc này.')
      }
    }
    expect((await call(null, 'POST', `/contests/${contest.id}/close-round`)).status).toBe(401)
    expect((await call(editor, 'POST', `/contests/999999/close-round`)).status).toBe(404)
    const open = await call(editor, 'POST', `/contests/${contest.id}/publish-results`, undefined, { 'accept-language': 'en' })
    expect(open.status).toBe(409)
    expect(await json(open)).toMatchObject({ reason: 'rounds-open', error: 'A round is still open: close the last round before publishing.' })

    const [idea, colour] = (contest.rubric ?? []).map((r) => r.id ?? '')
    if (!idea || !colour) throw new Error('rubric')
    const mark = async (entry: Entry, m: [number, number]) => {
      for (const judge of [a, b]) expect((await call(judge, 'POST', `/entries/${entry.id}/score`, { round: roundId(contest, 0), marks: { [idea]: m[0], [colour]: m[1] } })).status).toBe(200)
    }
    await mark(e5, [9, 9])
    await mark(e6, [7, 7])
    await mark(e7, [7, 7])

    const closed = await call(editor, 'POST', `/contests/${contest.id}/close-round`)
    expect(await json(closed)).toEqual({ ok: true, advanced: 0 })
    const noRound = await call(editor, 'POST', `/contests/${contest.id}/close-round`)
    expect(noRound.status).toBe(409)
    expect((await json(noRound)).reason).toBe('no-open-round')

    // e6 and e7 tie across the Second prize: named, nothing published
    const tied = await call(editor, 'POST', `/contests/${contest.id}/publish-results`)
    expect(tied.status).toBe(409)
    const tiedBody = await json(tied)
    expect(tiedBody.reason).toBe('ties')
    for (const code of [e6.entryCode, e7.entryCode]) expect(String(tiedBody.error)).toContain(code)
    expect(String(tiedBody.error)).not.toContain(e5.entryCode)

    // the order among equal scores: organisers only, a whole number from 1 or nothing
    expect((await call(a, 'POST', `/entries/${e7.id}/tie-break`, { tieBreak: 1 })).status).toBe(403)
    expect((await call(editor, 'POST', `/entries/${e7.id}/tie-break`, { tieBreak: 0 })).status).toBe(400)
    expect((await call(editor, 'POST', `/entries/${e7.id}/tie-break`, { tieBreak: 'first' })).status).toBe(400)
    const ordered = await call(editor, 'POST', `/entries/${e7.id}/tie-break`, { tieBreak: 1 })
    expect(await json(ordered)).toEqual({ tieBreak: 1 })
    const changes = (await auditOf(editor, 'entries', e7.id)).filter((d) => d.action === 'update')
    expect(changes.map((d) => d.fields)).toEqual([['tieBreak']])

    const published = await call(editor, 'POST', `/contests/${contest.id}/publish-results`)
    expect(published.status).toBe(200)
    expect(await json(published)).toEqual({ ok: true, awarded: 2 })
    const awarded = await payload.find({ collection: 'entries', where: { contest: { equals: contest.id } }, overrideAccess: true, sort: 'award.rank', depth: 0 })
    expect(awarded.docs.filter((e) => e.award?.rank).map((e) => e.entryCode)).toEqual([e5.entryCode, e7.entryCode])
    expect((await json(await call(editor, 'POST', `/contests/${contest.id}/publish-results`))).reason).toBe('already-published')
    expect((await call(editor, 'POST', `/entries/${e6.id}/tie-break`, { tieBreak: 2 })).status).toBe(409)

    const log = await auditOf(editor, 'contests', contest.id)
    expect(log.map((d) => [d.action, d.user, d.summary])).toEqual([
      ['update', editor.id, expect.stringMatching(/^closed round "Chung khảo"/)],
      ['update', editor.id, 'results published: 2 prizes'],
    ])
  })

  it('prints the certificates as one PDF for organisers, with the children\u2019s full names, and logs it; 403 for a judge', async () => {
    const contest = await makeContest([{ name: 'Chung khảo', kind: 'rubric' }])
    const entries = await Promise.all([8, 9].map((n) => enter(contest, n)))
    const [e8, e9] = entries
    const [a, b] = judges
    if (!a || !b || !e8 || !e9) throw new Error('setup')
    const certificates = (user: User | null, query: string) => call(user, 'GET', `/contests/${contest.id}/certificates?${query}`)

    expect((await certificates(a, 'kind=participants')).status).toBe(403)
    expect((await certificates(null, 'kind=participants')).status).toBe(401)
    expect((await certificates(editor, 'kind=everyone')).status).toBe(400)
    expect((await certificates(editor, 'kind=participants&category=nope')).status).toBe(404)
    const early = await certificates(editor, 'kind=winners')
    expect(early.status).toBe(409)
    expect((await json(early)).error).toBe('Chưa công bố kết quả: chưa in được giấy khen.')

    const participants = await certificates(editor, 'kind=participants')
    expect(participants.status).toBe(200)
    expect(participants.headers.get('content-type')).toBe('application/pdf')
    expect(participants.headers.get('cache-control')).toBe('no-store')
    const pdf = Buffer.from(await participants.arrayBuffer())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const proxy = await getDocumentProxy(new Uint8Array(pdf))
    const { text, totalPages } = await extractText(proxy, { mergePages: true })
    expect(totalPages).toBe(2)
    for (const expected of ['GIẤY CHỨNG NHẬN', 'Võ Thị Mai8', 'Võ Thị Mai9', contest.title, 'Đã tham gia cuộc thi — Bảng A: 6–8 tuổi']) expect(text).toContain(expected)

    const [idea, colour] = (contest.rubric ?? []).map((r) => r.id ?? '')
    if (!idea || !colour) throw new Error('rubric')
    for (const [entry, m] of [[e8, 9], [e9, 6]] as const) for (const judge of [a, b]) await call(judge, 'POST', `/entries/${entry.id}/score`, { round: roundId(contest, 0), marks: { [idea]: m, [colour]: m } })
    await call(editor, 'POST', `/contests/${contest.id}/close-round`)
    expect((await call(editor, 'POST', `/contests/${contest.id}/publish-results`)).status).toBe(200)
    const winners = await certificates(editor, `kind=winners&category=${contest.categories?.[0]?.id ?? ''}&lang=en`)
    expect(winners.status).toBe(200)
    const won = await extractText(await getDocumentProxy(new Uint8Array(await winners.arrayBuffer())), { mergePages: false })
    expect(won.totalPages).toBe(2)
    expect(won.text[0]).toContain('Võ Thị Mai8')
    expect(won.text[0]).toContain('Giải Nhất — Bảng A: 6–8 tuổi')
    expect(won.text[1]).toContain('Võ Thị Mai9')
    expect(won.text[1]).toContain('Giải Nhì')

    const log = (await auditOf(editor, 'entries', e8.id)).filter((d) => String(d.summary).startsWith('certificates'))
    expect(log.map((d) => [d.action, d.count, d.summary])).toEqual([
      ['read-list', 2, `certificates (PDF, participants) of contest ${contest.id}`],
      ['read-list', 2, `certificates (PDF, winners, category ${contest.categories?.[0]?.id ?? ''}) of contest ${contest.id}`],
    ])
  })
})
