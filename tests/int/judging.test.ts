/**
 * Judging a drawing contest on a real database: judges see an entry's picture, title,
 * sentence, category and code — never the child's name, school, commune or guardian, whether
 * through the Local API, REST or GraphQL, and not by filtering or sorting on them; a judge sees
 * no other judge's score before sending their own, cannot score twice, and can declare they
 * know a child; rounds pass entries on; the ranking flags ties; publishing refuses ties across
 * a prize boundary until the organisers order them.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contest, Entry, User } from '../../cms/payload-types'
import { env } from '../../cms/env'
import { ZEntry } from '../../cms/schemas/entry'
import { submitEntry } from '../../cms/services/entries'
import { closeRound, judgingProgress, judgingState, publishResults, ranking, submitScore, weightedTotal } from '../../cms/services/judging'
import { makePlace } from './fixtures'
import { makeStaff, skipReason, testPayload, unique } from './payload'

type Id = number | string
const PASSWORD = 'test-password-123'
/** What a judge must never learn of an entry: any of these words in any answer. */
const PRIVATE_KEYS = ['child', 'contact', 'consents', 'reference', 'manageTokenHash', 'idempotencyKey', 'childKey', 'submittedBy', 'source', 'language', 'noticeQueuedAt', 'tieBreak', 'withdrawnAt']

describe.skipIf(skipReason)('judging a drawing contest, blind', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  const contests: Id[] = []
  let judges: (User & { collection: 'users' })[]
  let outsider: User & { collection: 'users' }
  let editor: User & { collection: 'users' }
  let picture: Buffer

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
    judges = [await makeStaff(payload, ['judge']), await makeStaff(payload, ['judge']), await makeStaff(payload, ['judge'])]
    outsider = await makeStaff(payload, ['judge'])
    editor = await makeStaff(payload, ['editor'])
    picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 140, b: 200 } } }).jpeg().toBuffer()
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

  /** A contest with its entry window open, three judges, a shortlist and a final round. */
  async function makeContest(prizes = [{ label: 'Giải Nhất', count: 1 }, { label: 'Giải Nhì', count: 1 }]): Promise<Contest> {
    const contest = await payload.create({
      collection: 'contests',
      data: {
        title: unique('Ước mơ'),
        slug: unique('uoc-mo'),
        theme: 'Ước mơ của em',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2031-05-15T10:00:00.000Z',
        ageOn: '2031-06-01',
        categories: [{ label: '6–8 tuổi', minAge: 6, maxAge: 8, prizes }],
        rubric: [
          { criterion: 'Ý tưởng', weight: 3 },
          { criterion: 'Màu sắc', weight: 1 },
        ],
        rounds: [
          { name: 'Sơ khảo', kind: 'yes-no' },
          { name: 'Chung khảo', kind: 'rubric' },
        ],
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
      idempotencyKey: unique(`judging-${n}`).replace(/[^A-Za-z0-9_-]/g, '').padEnd(16, 'x'),
      title: `Tranh số ${n}`,
      statement: 'Em vẽ ngôi nhà an toàn.',
      child: { familyName: 'Phan Thị', givenName: `Hoa${n}`, birthDate: '2024-01-01', school: 'Trường Tiểu học Bí Mật', className: '1A', area: String(place.commune.id) },
      contact: { name: 'Phan Văn Cha', phone: '0912345678' },
      consent: { participation: true, childAssent: true, publication: true, publicationChild: true },
    })
    const outcome = await submitEntry(payload, input, picture, { secret: env().secret, mediaDir: env().mediaDir, now: new Date('2030-01-01T00:00:00Z') })
    if (outcome.kind !== 'accepted') throw new Error(`entry ${n}: ${outcome.kind}`)
    return payload.findByID({ collection: 'entries', id: outcome.id, overrideAccess: true })
  }

  const roundId = (contest: Contest, i: number) => contest.rounds?.[i]?.id ?? ''
  const login = async (user: User) => (await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })).token ?? ''
  const rest = async (token: string, path: string) => {
    const res = await handleEndpoints({ config: payload.config, request: new Request(`${env().serverURL}/api${path}`, { headers: { authorization: `JWT ${token}` } }) })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const graphql = async (token: string, query: string) => {
    const res = await GRAPHQL_POST(Promise.resolve(payload.config))(new Request(`${env().serverURL}/api/graphql`, { method: 'POST', headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query }) }))
    return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] }
  }

  it('a judge reads an entry without any private field, through the Local API, REST and GraphQL; another judge reads nothing', async () => {
    const contest = await makeContest()
    const entry = await enter(contest, 1)
    const judge = judges[0]
    if (!judge) throw new Error('no judge')
    const seen = await payload.findByID({ collection: 'entries', id: entry.id, overrideAccess: false, user: judge, depth: 0 })
    expect(seen).toMatchObject({ entryCode: entry.entryCode, title: 'Tranh số 1', statement: 'Em vẽ ngôi nhà an toàn.', category: entry.category })
    // a private field is absent (an array shows empty)
    for (const key of PRIVATE_KEYS) expect([undefined, '[]']).toContain(key in seen ? JSON.stringify(seen[key as keyof typeof seen]) : undefined)
    const asText = JSON.stringify(seen)
    for (const secret of ['Hoa1', 'Phan', 'Bí Mật', '0912345678', entry.reference]) expect(asText).not.toContain(secret)
    // the picture's file names say nothing of the child
    expect(seen.artwork?.large?.file).toMatch(/^[A-Za-z0-9_-]{16,}\.webp$/)

    const token = await login(judge)
    const one = await rest(token, `/entries/${entry.id}?depth=1`)
    expect(one.status).toBe(200)
    const restText = JSON.stringify(one.body)
    expect(restText).toContain(entry.entryCode)
    for (const secret of ['Hoa1', 'Phan', 'Bí Mật', '0912345678', entry.reference, 'familyName', 'manageTokenHash']) expect(restText).not.toContain(secret)
    // asking for private fields by filtering or selecting gets nothing
    const filtered = await rest(token, `/entries?where[child.givenName][equals]=Hoa1`)
    expect(filtered.status === 403 || filtered.status === 400 || (filtered.body.docs as unknown[] | undefined)?.length === 0).toBe(true)
    const filteredText = JSON.stringify(filtered.body)
    expect(filteredText).not.toContain('Hoa1')
    const sorted = await rest(token, `/entries?sort=child.familyName&select[child]=true`)
    expect(JSON.stringify(sorted.body)).not.toContain('Phan')

    const gql = await graphql(token, `{ Entries { docs { entryCode title child { givenName familyName school } contact { name phone } reference consents { purpose } } } }`)
    const gqlText = JSON.stringify(gql)
    expect(gqlText).toContain(entry.entryCode)
    for (const secret of ['Hoa1', 'Phan', 'Bí Mật', '0912345678', entry.reference]) expect(gqlText).not.toContain(secret)

    // a judge of another contest reads nothing
    const other = await rest(await login(outsider), `/entries/${entry.id}`)
    expect([403, 404]).toContain(other.status)
    expect(JSON.stringify(other.body)).not.toContain(entry.entryCode)
    // an editor (organiser) reads it whole
    const whole = await payload.findByID({ collection: 'entries', id: entry.id, overrideAccess: false, user: editor })
    expect(whole.child?.givenName).toBe('Hoa1')
  })

  it('a judge cannot see the others\u2019 scores before sending their own, cannot score twice, and may declare they know the child', async () => {
    const contest = await makeContest()
    const entry = await enter(contest, 2)
    const [a, b, c] = judges
    if (!a || !b || !c) throw new Error('no judges')
    expect(await submitScore(payload, a, { entryId: entry.id, roundId: roundId(contest, 0), decision: 'yes', comment: 'Ý tưởng hay' })).toMatchObject({ kind: 'scored' })
    // b has not scored: sees no score at all
    const before = await payload.find({ collection: 'scores', overrideAccess: false, user: b, where: { entry: { equals: entry.id } } })
    expect(before.docs).toHaveLength(0)
    expect(await submitScore(payload, b, { entryId: entry.id, roundId: roundId(contest, 0), decision: 'no' })).toMatchObject({ kind: 'scored' })
    const after = await payload.find({ collection: 'scores', overrideAccess: false, user: b, where: { entry: { equals: entry.id } } })
    expect(after.docs.map((s) => s.decision).sort()).toEqual(['no', 'yes'])
    // once sent, final: the same judge again (also at the same moment) is refused
    const twice = await Promise.all([1, 2, 3].map(() => submitScore(payload, c, { entryId: entry.id, roundId: roundId(contest, 0), decision: 'yes' })))
    expect(twice.filter((o) => o.kind === 'scored')).toHaveLength(1)
    expect(twice.filter((o) => o.kind === 'refused' && o.reason === 'already-scored')).toHaveLength(2)
    // not a judge of this contest; not the current round; a yes/no round needs a decision
    expect(await submitScore(payload, outsider, { entryId: entry.id, roundId: roundId(contest, 0), decision: 'yes' })).toEqual({ kind: 'refused', reason: 'not-a-judge' })
    expect(await submitScore(payload, a, { entryId: entry.id, roundId: roundId(contest, 1), marks: {} })).toEqual({ kind: 'refused', reason: 'round-closed' })

    const known = await enter(contest, 3)
    expect(await submitScore(payload, a, { entryId: known.id, roundId: roundId(contest, 0) })).toEqual({ kind: 'refused', reason: 'decision-required' })
    expect(await submitScore(payload, a, { entryId: known.id, roundId: roundId(contest, 0), conflict: true })).toMatchObject({ kind: 'scored' })
    const progress = await judgingProgress(payload, contest.id)
    expect(progress.entries).toBe(2)
    expect(progress.judges.find((j) => j.judge === a.id)).toMatchObject({ scored: 1, conflicts: 1, toScore: 0 })
    expect(progress.judges.find((j) => j.judge === b.id)).toMatchObject({ scored: 1, conflicts: 0, toScore: 1 })
  })

  it('the shortlist passes entries with half the votes or more; the final ranks by weighted marks, flags ties, and publishing waits for the organisers to order a tie across a prize', async () => {
    const contest = await makeContest()
    const entries = await Promise.all([4, 5, 6, 7].map((n) => enter(contest, n)))
    const [e4, e5, e6, e7] = entries
    if (!e4 || !e5 || !e6 || !e7) throw new Error('entries')
    const vote = async (entry: Entry, decisions: ('yes' | 'no')[]) => {
      for (const [i, decision] of decisions.entries()) {
        const judge = judges[i]
        if (judge) expect((await submitScore(payload, judge, { entryId: entry.id, roundId: roundId(contest, 0), decision })).kind).toBe('scored')
      }
    }
    await vote(e4, ['yes', 'yes', 'yes'])
    await vote(e5, ['yes', 'no', 'yes'])
    await vote(e6, ['yes', 'yes', 'no'])
    await vote(e7, ['no', 'no', 'yes'])
    expect(await closeRound(payload, contest.id)).toEqual({ kind: 'closed', advanced: 3 })
    expect((await judgingState(payload, contest.id)).roundsClosed).toBe(1)
    // the judges now see only the finalists
    const seen = await payload.find({ collection: 'entries', overrideAccess: false, user: judges[0], where: { contest: { equals: contest.id } } })
    expect(seen.docs.map((e) => e.entryCode).sort()).toEqual([e4, e5, e6].map((e) => e.entryCode).sort())
    expect(await submitScore(payload, judges[0] ?? outsider, { entryId: e7.id, roundId: roundId(contest, 1), marks: {} })).toEqual({ kind: 'refused', reason: 'not-in-round' })

    const [idea, colour] = (contest.rubric ?? []).map((r) => r.id ?? '')
    if (!idea || !colour) throw new Error('rubric')
    expect(weightedTotal(contest.rubric, { [idea]: 8, [colour]: 4 })).toBe(7)
    expect(await submitScore(payload, judges[0] ?? outsider, { entryId: e4.id, roundId: roundId(contest, 1), marks: { [idea]: 11, [colour]: 4 } })).toEqual({ kind: 'refused', reason: 'mark-out-of-range' })
    expect(await submitScore(payload, judges[0] ?? outsider, { entryId: e4.id, roundId: roundId(contest, 1), marks: { [idea]: 8 } })).toEqual({ kind: 'refused', reason: 'marks-required' })
    const mark = async (entry: Entry, totals: [number, number][]) => {
      for (const [i, [a, b]] of totals.entries()) {
        const judge = judges[i]
        if (judge) expect((await submitScore(payload, judge, { entryId: entry.id, roundId: roundId(contest, 1), marks: { [idea]: a, [colour]: b } })).kind).toBe('scored')
      }
    }
    // e4: 9, 9, 9 → 9; e5 and e6 both 7 (a tie across the First/Second boundary? no: across Second and nothing)
    await mark(e4, [[9, 9], [9, 9], [9, 9]])
    await mark(e5, [[8, 4], [7, 7], [6, 10]])
    await mark(e6, [[7, 7], [8, 4], [7, 7]])
    const ranked = await ranking(payload, contest.id)
    const rows = ranked.categories[0]?.entries ?? []
    expect(rows.map((r) => [r.entryCode, r.score, r.rank, r.tied])).toEqual([
      [e4.entryCode, 9, 1, false],
      ...[e5, e6].map((e) => [e.entryCode, 7, 2, true]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ])
    expect(rows[0]?.byJudge).toHaveLength(3)

    expect(await publishResults(payload, contest.id, new Date('2030-01-01T00:00:00Z'))).toEqual({ kind: 'refused', reason: 'entries-open' })
    const after = new Date('2031-06-01T00:00:00Z')
    expect(await publishResults(payload, contest.id, after)).toEqual({ kind: 'refused', reason: 'rounds-open' })
    expect(await closeRound(payload, contest.id)).toEqual({ kind: 'closed', advanced: 0 })
    const tied = await publishResults(payload, contest.id, after)
    expect(tied.kind).toBe('ties')
    if (tied.kind === 'ties') expect(tied.entryCodes.sort()).toEqual([e5.entryCode, e6.entryCode].sort())
    expect((await judgingState(payload, contest.id)).resultsPublishedAt).toBeNull()
    // the organisers put e6 first
    await payload.update({ collection: 'entries', id: e6.id, data: { tieBreak: 1 }, overrideAccess: false, user: editor })
    await payload.update({ collection: 'entries', id: e5.id, data: { tieBreak: 2 }, overrideAccess: false, user: editor })
    expect(await publishResults(payload, contest.id, after)).toEqual({ kind: 'published', awarded: 2 })
    const awarded = await payload.find({ collection: 'entries', where: { contest: { equals: contest.id } }, overrideAccess: true, sort: 'award.rank' })
    const prizes = contest.categories?.[0]?.prizes ?? []
    expect(awarded.docs.filter((e) => e.award?.rank).map((e) => [e.entryCode, e.award?.prize, e.award?.rank])).toEqual([
      [e4.entryCode, prizes[0]?.id, 1],
      [e6.entryCode, prizes[1]?.id, 2],
    ])
    expect((await judgingState(payload, contest.id)).resultsPublishedAt).toBe(after.toISOString())
    // judges see nothing once the results are out, and cannot score
    expect((await payload.find({ collection: 'entries', overrideAccess: false, user: judges[0], where: { contest: { equals: contest.id } } })).docs).toHaveLength(0)
    expect(await publishResults(payload, contest.id, after)).toEqual({ kind: 'refused', reason: 'already-published' })
  })
})
