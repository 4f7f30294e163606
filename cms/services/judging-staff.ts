/**
 * The judging tools in the admin, on top of the judging rules (cms/services/judging.ts):
 *
 * - **A judge's page**: the contests they sit on, and of the chosen one the entries of the
 *   current round still to score. Entries are always read *as the judge* (the collection's
 *   access hides the private fields and every entry outside the judge's current rounds), and
 *   only the fields a judge may see are asked for: picture, title, sentence, category, code.
 *   Scores are read as the judge too, so the others' show only once the judge sent their own.
 * - **The organisers' page** (admins and editors): progress per judge, each category's ranking
 *   with every judge's scores and the child's name, the order of tied entries, closing a round
 *   and publishing the results, and the certificates to print. Every read of children's names
 *   and every change is written to the audit log.
 *
 * Refusals are JudgingError: an HTTP status and a message key (components/staff/judging-text.ts).
 */
import path from 'node:path'
import type { Payload, PayloadHandler, PayloadRequest } from 'payload'
import { checkRole } from '../access/roles'
import { JUDGING_MESSAGES, judgingMessage, type JudgingMessage } from '../components/staff/judging-text'
import { reqLang, type Lang } from '../i18n/messages'
import type { Contest, User } from '../payload-types'
import { audit } from './audit'
import { certificatePdf, type CertificateDocument } from './certificate-pdf'
import { categoryLabel } from './contests'
import { artworkDir, withdrawPublication } from './entries'
import { asId, idOf, type Id } from './ids'
import {
  CONTEST_ORGANISERS,
  closeRound,
  currentRound,
  judgingProgress,
  judgingState,
  publishResults,
  ranking,
  roundsOf,
  type CloseOutcome,
  type JudgingState,
  type PublishOutcome,
  type Round,
} from './judging'
import { parseId, vietnamDay } from './staff'

/** A refusal to show staff: HTTP status and a translated message. */
export class JudgingError extends Error {
  override name = 'JudgingError'
  constructor(
    readonly key: JudgingMessage,
    readonly status: number,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(judgingMessage('en', key, vars))
  }
}

export type StaffUser = User & { collection: 'users' }

export function staffUser(user: unknown): StaffUser | null {
  if (!user || typeof user !== 'object' || (user as { collection?: unknown }).collection !== 'users') return null
  return user as StaffUser
}

export const isOrganiser = (user: unknown): boolean => checkRole(CONTEST_ORGANISERS, staffUser(user))

/** An endpoint for signed-in staff: JudgingErrors become JSON `{ error }` in the user's language. */
export function judgingEndpoint(handler: (req: PayloadRequest, user: StaffUser) => Promise<Response>): PayloadHandler {
  return async (req) => {
    const lang = reqLang(req)
    const user = staffUser(req.user)
    if (!user) return Response.json({ error: judgingMessage(lang, 'signIn') }, { status: 401 })
    try {
      return await handler(req, user)
    } catch (err) {
      if (err instanceof JudgingError) return Response.json({ error: judgingMessage(lang, err.key, err.vars), reason: err.key, ...err.vars }, { status: err.status, headers: { 'cache-control': 'no-store' } })
      throw err
    }
  }
}

export const isJudgingMessage = (key: string): key is JudgingMessage => key in JUDGING_MESSAGES

// ---------------------------------------------------------------------------------------------
// The judge's page
// ---------------------------------------------------------------------------------------------

export type RoundView = { index: number; id: string; name: string; kind: Round['kind'] }
export type Criterion = { id: string; criterion: string; weight: number }

export type JudgeContest = {
  id: Id
  title: string
  rounds: number
  /** the round being judged (null: none open, or the results are out) */
  round: RoundView | null
  published: boolean
  onJury: boolean
  rubric: Criterion[]
  categories: Map<string, string>
  jury: Id[]
}

const CONTEST_SELECT = { title: true, rounds: true, rubric: true, categories: true, jury: true, closesAt: true } as const
type ContestRow = Pick<Contest, 'id' | 'title' | 'rounds' | 'rubric' | 'categories' | 'jury' | 'closesAt'>

function judgeContest(c: ContestRow, state: JudgingState, userId: Id, lang: Lang): JudgeContest {
  const current = state.resultsPublishedAt ? null : currentRound(c, state)
  const jury = (c.jury ?? []).map((j) => idOf(j))
  return {
    id: c.id,
    title: c.title,
    rounds: roundsOf(c).length,
    round: current ? { index: current.index, id: current.round.id, name: current.round.name, kind: current.round.kind } : null,
    published: Boolean(state.resultsPublishedAt),
    onJury: jury.some((j) => String(j) === String(userId)),
    rubric: (c.rubric ?? []).filter((r) => r.id).map((r) => ({ id: r.id ?? '', criterion: r.criterion, weight: r.weight })),
    categories: new Map((c.categories ?? []).map((k) => [k.id ?? '', categoryLabel(k, lang)])),
    jury,
  }
}

/** The contests on a judge's page: those the user sits on; organisers see every contest (to see what judges see). */
export async function judgeContests(payload: Payload, user: StaffUser, lang: Lang): Promise<JudgeContest[]> {
  const organiser = isOrganiser(user)
  if (!organiser && !checkRole(['judge'], user)) return []
  const res = await payload.find({
    collection: 'contests',
    // a judge sees the published contests they sit on; organisers every contest, drafts included
    where: organiser ? undefined : { and: [{ jury: { in: [user.id] } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 50,
    sort: '-closesAt',
    locale: lang,
    draft: organiser,
    select: CONTEST_SELECT,
  })
  const states = await Promise.all(res.docs.map((c) => judgingState(payload, c.id)))
  return res.docs.map((c, i) => judgeContest(c, states[i] ?? { roundsClosed: 0, resultsPublishedAt: null }, user.id, lang))
}

/** What a judge sees of an entry: nothing else. */
export type JudgeEntry = { id: Id; entryCode: string; title: string; statement: string | null; category: string }

export type ScoreView = {
  mine: boolean
  /** "Judge 2": the judge's place on the jury, not their name */
  judgeNumber: number
  conflict: boolean
  decision: 'yes' | 'no' | null
  total: number | null
  marks: { criterion: string; mark: number }[]
  comment: string | null
}

export type JudgeQueue = { total: number; scored: number; toScore: JudgeEntry[]; done: (JudgeEntry & { mine: ScoreView })[] }

/** Only these fields of an entry are ever asked for on a judge's page. */
const JUDGE_ENTRY_SELECT = { entryCode: true, title: true, statement: true, category: true } as const

function asJudgeEntry(e: { id: Id; entryCode: string; title: string; statement?: string | null; category: string }, contest: JudgeContest): JudgeEntry {
  return { id: e.id, entryCode: e.entryCode, title: e.title, statement: e.statement ?? null, category: contest.categories.get(e.category) ?? e.category }
}

type ScoreRow = { id: Id; judge: Id | { id: Id }; entry: Id | { id: Id }; conflict?: boolean | null; decision?: 'yes' | 'no' | null; total?: number | null; marks?: { criterion: string; mark: number }[] | null; comment?: string | null }

function scoreView(s: ScoreRow, contest: JudgeContest, userId: Id): ScoreView {
  const judge = idOf(s.judge)
  const place = contest.jury.findIndex((j) => String(j) === String(judge))
  const names = new Map(contest.rubric.map((r) => [r.id, r.criterion]))
  return {
    mine: String(judge) === String(userId),
    judgeNumber: place + 1,
    conflict: Boolean(s.conflict),
    decision: s.decision ?? null,
    total: s.total ?? null,
    marks: (s.marks ?? []).map((m) => ({ criterion: names.get(m.criterion) ?? m.criterion, mark: m.mark })),
    comment: s.comment ?? null,
  }
}

/** The entries of the contest's current round as the judge reads them, split into those still to score and those scored. */
export async function judgeQueue(payload: Payload, user: StaffUser, contest: JudgeContest): Promise<JudgeQueue> {
  const round = contest.round
  if (!round) return { total: 0, scored: 0, toScore: [], done: [] }
  const [entries, mine] = await Promise.all([
    payload.find({
      collection: 'entries',
      overrideAccess: false,
      user,
      where: { and: [{ contest: { equals: contest.id } }, { status: { equals: 'submitted' } }, { reachedRound: { greater_than_equal: round.index } }] },
      select: JUDGE_ENTRY_SELECT,
      sort: 'entryCode',
      depth: 0,
      limit: 0,
      pagination: false,
    }),
    payload.find({
      collection: 'scores',
      overrideAccess: false,
      user,
      where: { and: [{ contest: { equals: contest.id } }, { round: { equals: round.id } }, { judge: { equals: user.id } }] },
      depth: 0,
      limit: 0,
      pagination: false,
    }),
  ])
  const byEntry = new Map(mine.docs.map((s) => [String(idOf(s.entry)), s]))
  const toScore: JudgeEntry[] = []
  const done: JudgeQueue['done'] = []
  for (const e of entries.docs) {
    const own = byEntry.get(String(e.id))
    if (own) done.push({ ...asJudgeEntry(e, contest), mine: scoreView(own, contest, user.id) })
    else toScore.push(asJudgeEntry(e, contest))
  }
  return { total: entries.docs.length, scored: done.length, toScore, done }
}

/** One entry as the judge reads it (null: not theirs to see), with the scores they may read of it in the current round. */
export async function judgeEntry(payload: Payload, user: StaffUser, contest: JudgeContest, entryId: Id): Promise<{ entry: JudgeEntry; scores: ScoreView[] } | null> {
  const found = await payload.find({
    collection: 'entries',
    overrideAccess: false,
    user,
    where: { and: [{ id: { equals: entryId } }, { contest: { equals: contest.id } }] },
    select: JUDGE_ENTRY_SELECT,
    depth: 0,
    limit: 1,
    pagination: false,
  })
  const doc = found.docs[0]
  if (!doc || !contest.round) return null
  const scores = await payload.find({
    collection: 'scores',
    overrideAccess: false,
    user,
    where: { and: [{ entry: { equals: doc.id } }, { round: { equals: contest.round.id } }] },
    depth: 0,
    limit: 0,
    pagination: false,
  })
  const views = scores.docs.map((s) => scoreView(s, contest, user.id)).sort((a, b) => Number(b.mine) - Number(a.mine) || a.judgeNumber - b.judgeNumber)
  return { entry: asJudgeEntry(doc, contest), scores: views }
}

// ---------------------------------------------------------------------------------------------
// The picture of an entry
// ---------------------------------------------------------------------------------------------

/** A processed picture's file name: random letters, never anything of the child's. */
export const ARTWORK_FILE = /^[A-Za-z0-9_-]+\.webp$/

/**
 * Where an entry's picture is, if this user may see the entry (read as the user: a judge only
 * the entries of their current rounds, organisers every one; anybody else none). The file name
 * comes from the database and is still checked, so it can never lead out of the pictures' folder.
 */
export async function entryPicture(payload: Payload, user: StaffUser | null, entryId: Id, size: 'large' | 'small', mediaDir: string): Promise<{ file: string; entryCode: string } | null> {
  if (!user) return null
  const entry = await payload.findByID({ collection: 'entries', id: asId(entryId), overrideAccess: false, user, depth: 0, disableErrors: true, select: { entryCode: true, artwork: true } })
  const name = entry?.artwork?.[size]?.file
  if (!entry || !name || !ARTWORK_FILE.test(name)) return null
  const dir = path.resolve(artworkDir(mediaDir))
  const file = path.resolve(dir, name)
  if (path.dirname(file) !== dir) return null
  return { file, entryCode: entry.entryCode }
}

// ---------------------------------------------------------------------------------------------
// The organisers' page
// ---------------------------------------------------------------------------------------------

function requireOrganiser(user: StaffUser): void {
  if (!isOrganiser(user)) throw new JudgingError('organisersOnly', 403)
}

async function contestFor(payload: Payload, id: Id, lang: Lang) {
  const contest = await payload.findByID({ collection: 'contests', id: asId(id), depth: 0, locale: lang, draft: true, disableErrors: true, select: { ...CONTEST_SELECT, theme: true } })
  if (!contest) throw new JudgingError('contestNotFound', 404)
  return contest
}

export type ResultRow = {
  id: Id
  entryCode: string
  title: string
  childName: string
  age: number | null
  rank: number
  score: number | null
  tied: boolean
  tieBreak: number | null
  prize: string | null
  byJudge: (ScoreView & { name: string })[]
}

export type ContestResults = {
  contest: { id: Id; title: string; closesAt: string; rounds: RoundView[]; roundsClosed: number; resultsPublishedAt: string | null }
  /** the round shown: the one being judged, else the last */
  round: RoundView | null
  open: boolean
  progress: Awaited<ReturnType<typeof judgingProgress>>
  categories: { id: string; label: string; rows: ResultRow[] }[]
  judges: { id: Id; name: string; number: number }[]
}

/** Everything the organisers' page shows of a contest (organisers only; the read of the children's names is audited). */
export async function contestResults(payload: Payload, req: PayloadRequest, user: StaffUser, contestId: Id, lang: Lang): Promise<ContestResults> {
  requireOrganiser(user)
  const contest = await contestFor(payload, contestId, lang)
  const state = await judgingState(payload, contest.id)
  const rounds = roundsOf(contest).map((r, index): RoundView => ({ index, id: r.id, name: r.name, kind: r.kind }))
  const current = state.resultsPublishedAt ? null : currentRound(contest, state)
  const index = current?.index ?? rounds.length - 1
  const round = rounds[index] ?? null
  const view = judgeContest(contest, state, user.id, lang)
  const [progress, ranked, entries, scores] = await Promise.all([
    judgingProgress(payload, contest.id, round ? index : undefined),
    ranking(payload, contest.id, round ? index : undefined),
    // read without a user once the role is checked (the collection's own read logging stays out of the way): the read is logged below
    payload.find({
      collection: 'entries',
      where: { and: [{ contest: { equals: contest.id } }, { status: { equals: 'submitted' } }, { reachedRound: { greater_than_equal: Math.max(0, index) } }] },
      select: { entryCode: true, child: { givenName: true, familyName: true, age: true }, award: true },
      depth: 0,
      limit: 0,
      pagination: false,
    }),
    round
      ? payload.find({ collection: 'scores', where: { and: [{ contest: { equals: contest.id } }, { round: { equals: round.id } }] }, depth: 0, limit: 0, pagination: false })
      : Promise.resolve({ docs: [] }),
  ])
  const judges = view.jury.map((id, i) => ({ id, number: i + 1, name: progress.judges.find((j) => String(j.judge) === String(id))?.name ?? `#${i + 1}` }))
  const people = new Map(entries.docs.map((e) => [String(e.id), e]))
  const prizes = new Map((contest.categories ?? []).flatMap((k) => (k.prizes ?? []).map((p) => [p.id ?? '', p.label])))
  const categories = ranked.categories.map((category) => ({
    id: category.id,
    label: view.categories.get(category.id) ?? category.id,
    rows: category.entries.map((e): ResultRow => {
      const person = people.get(String(e.id))
      const child = person?.child
      const own = scores.docs.filter((s) => String(idOf(s.entry)) === String(e.id))
      return {
        id: e.id,
        entryCode: e.entryCode,
        title: e.title,
        childName: child ? `${child.familyName} ${child.givenName}` : '',
        age: child?.age ?? null,
        rank: e.rank,
        score: e.score,
        tied: e.tied,
        tieBreak: e.tieBreak,
        prize: person?.award?.prize ? (prizes.get(person.award.prize) ?? person.award.prize) : null,
        byJudge: own.map((s) => {
          const v = scoreView(s, view, user.id)
          return { ...v, name: judges.find((j) => j.number === v.judgeNumber)?.name ?? '' }
        }),
      }
    }),
  }))
  const ids = entries.docs.map((e) => e.id)
  if (ids.length) await audit(payload, { action: 'read-list', resource: 'entries', documentIds: ids, summary: `judging results of contest ${String(contest.id)} (names, scores)` }, req)
  return {
    contest: { id: contest.id, title: contest.title, closesAt: contest.closesAt, rounds, roundsClosed: state.roundsClosed, resultsPublishedAt: state.resultsPublishedAt },
    round,
    open: Boolean(current),
    progress,
    categories,
    judges,
  }
}

/** The contests on the organisers' page, newest deadline first, with where their judging stands. */
export async function contestsForResults(payload: Payload, user: StaffUser, lang: Lang): Promise<JudgeContest[]> {
  requireOrganiser(user)
  return judgeContests(payload, user, lang)
}

/** Closes the current round (organisers; audited). */
export async function closeRoundByStaff(payload: Payload, req: PayloadRequest, user: StaffUser, contestId: Id): Promise<Extract<CloseOutcome, { kind: 'closed' }>> {
  requireOrganiser(user)
  const contest = await contestFor(payload, contestId, 'vi')
  const before = await judgingState(payload, contest.id)
  const outcome = await closeRound(payload, contest.id)
  if (outcome.kind === 'refused') throw new JudgingError(outcome.reason, 409)
  const name = roundsOf(contest)[before.roundsClosed]?.name ?? String(before.roundsClosed + 1)
  await audit(payload, { action: 'update', resource: 'contests', documentIds: [contest.id], fields: ['roundsClosed'], summary: `closed round "${name}" (${before.roundsClosed + 1}); ${outcome.advanced} entries go on` }, req)
  return outcome
}

/** Publishes the results (organisers; audited, refusals included: the ties are named by their codes). */
export async function publishByStaff(payload: Payload, req: PayloadRequest, user: StaffUser, contestId: Id, now = new Date()): Promise<Extract<PublishOutcome, { kind: 'published' }>> {
  requireOrganiser(user)
  const contest = await contestFor(payload, contestId, 'vi')
  const outcome = await publishResults(payload, contest.id, now)
  if (outcome.kind === 'ties') throw new JudgingError('ties', 409, { codes: outcome.entryCodes.join(', ') })
  if (outcome.kind === 'refused') throw new JudgingError(outcome.reason, 409)
  await audit(payload, { action: 'update', resource: 'contests', documentIds: [contest.id], fields: ['resultsPublishedAt'], summary: `results published: ${outcome.awarded} prizes` }, req)
  return outcome
}

/**
 * Sets (or clears) the organisers' order of an entry among equal scores, through the
 * collection's own rules as the organiser (organisers update `tieBreak` only), so the entries'
 * change log records it (cms/collections/Entries/hooks/auditStaffAccess.ts).
 */
export async function setTieBreak(payload: Payload, req: PayloadRequest, user: StaffUser, entryId: Id, value: number | null): Promise<{ tieBreak: number | null }> {
  requireOrganiser(user)
  const before = await payload.findByID({ collection: 'entries', id: asId(entryId), depth: 0, disableErrors: true, select: { contest: true } })
  if (!before) throw new JudgingError('entryNotFound', 404)
  const state = await judgingState(payload, idOf(before.contest) ?? 0)
  if (state.resultsPublishedAt) throw new JudgingError('already-published', 409)
  const after = await payload.update({ collection: 'entries', id: before.id, data: { tieBreak: value }, overrideAccess: false, user, req, depth: 0, select: { tieBreak: true } })
  return { tieBreak: after.tieBreak ?? null }
}

/**
 * An organiser takes an entry's picture and name off every public page (the family asked by
 * phone, or the picture should not be shown): the publication consent ends with the reason
 * "removed by the organisers" and the public copies are deleted (cms/services/entries.ts
 * `withdrawPublication`). Audited; safe to run again.
 */
export async function staffWithdrawPublication(payload: Payload, req: PayloadRequest, user: StaffUser, entryId: Id): Promise<{ withdrawn: number }> {
  requireOrganiser(user)
  const entry = await payload.findByID({ collection: 'entries', id: asId(entryId), depth: 0, disableErrors: true, select: { reference: true } })
  if (!entry) throw new JudgingError('entryNotFound', 404)
  const withdrawn = await withdrawPublication(payload, entry.id, 'staff')
  await audit(payload, { action: 'update', resource: 'entries', documentIds: [entry.id], fields: ['consents'], summary: `publication consent ended by the organisers: ${entry.reference} (${withdrawn} in force)` }, req)
  return { withdrawn }
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

export type CertificateKind = 'winners' | 'participants'

/**
 * The certificates of a contest as one PDF, a page per child (organisers; audited): award
 * certificates for the prize winners (once the results are published), certificates of
 * participation for every entry taking part; of one category or all. The child's full name is
 * printed: the paper goes to the family, it is never published.
 */
export async function certificatesFor(
  payload: Payload,
  req: PayloadRequest,
  user: StaffUser,
  args: { contestId: Id; kind: CertificateKind; category?: string | null; lang: Lang; now?: Date },
): Promise<{ filename: string; pdf: Buffer; count: number }> {
  requireOrganiser(user)
  const { lang } = args
  const contest = await contestFor(payload, args.contestId, lang)
  const category = args.category ? (contest.categories ?? []).find((k) => k.id === args.category) : null
  if (args.category && !category) throw new JudgingError('categoryNotFound', 404)
  const state = await judgingState(payload, contest.id)
  if (args.kind === 'winners' && !state.resultsPublishedAt) throw new JudgingError('resultsNotPublished', 409)
  // read without a user once the role is checked; the read is logged below, with what it was for
  const entries = await payload.find({
    collection: 'entries',
    where: {
      and: [
        { contest: { equals: contest.id } },
        { status: { equals: 'submitted' } },
        ...(category ? [{ category: { equals: category.id } }] : []),
        ...(args.kind === 'winners' ? [{ 'award.prize': { exists: true } }, { 'award.prize': { not_equals: '' } }] : []),
      ],
    },
    select: { entryCode: true, title: true, category: true, award: true, child: { givenName: true, familyName: true, school: true } },
    depth: 0,
    limit: 0,
    pagination: false,
  })
  const order = new Map((contest.categories ?? []).map((k, i) => [k.id ?? '', i]))
  const rows = entries.docs
    .filter((e) => args.kind === 'participants' || Boolean(e.award?.prize))
    .sort(
      (a, b) =>
        (order.get(a.category) ?? 99) - (order.get(b.category) ?? 99) ||
        (a.award?.rank ?? 999) - (b.award?.rank ?? 999) ||
        `${a.child?.givenName ?? ''} ${a.child?.familyName ?? ''}`.localeCompare(`${b.child?.givenName ?? ''} ${b.child?.familyName ?? ''}`, 'vi'),
    )
  if (!rows.length) throw new JudgingError('noCertificates', 404)
  const prizes = new Map((contest.categories ?? []).flatMap((k) => (k.prizes ?? []).map((p) => [p.id ?? '', p.label])))
  const labels = new Map((contest.categories ?? []).map((k) => [k.id ?? '', categoryLabel(k, lang)]))
  const site = await payload.findGlobal({ slug: 'site', locale: lang, depth: 0 }).catch(() => null)
  const document: CertificateDocument = {
    language: lang,
    organiser: site?.name ?? '',
    contest: { title: contest.title, theme: contest.theme },
    issuedOn: vietnamDay(args.now ?? new Date()),
    certificates: rows.map((e) => ({
      kind: args.kind === 'winners' ? 'winner' : 'participant',
      childName: `${e.child?.familyName ?? ''} ${e.child?.givenName ?? ''}`.trim(),
      category: labels.get(e.category) ?? e.category,
      prize: e.award?.prize ? (prizes.get(e.award.prize) ?? undefined) : undefined,
      entryTitle: e.title,
      school: e.child?.school ?? undefined,
      entryCode: e.entryCode,
    })),
  }
  const pdf = await certificatePdf(document)
  await audit(payload, { action: 'read-list', resource: 'entries', documentIds: rows.map((e) => e.id), summary: `certificates (PDF, ${args.kind}${category ? `, category ${category.id ?? ''}` : ''}) of contest ${String(contest.id)}` }, req)
  const filename = `${args.kind === 'winners' ? 'giay-khen' : 'giay-chung-nhan'}-${String(contest.id)}${category ? `-${String(category.id)}` : ''}.pdf`
  return { filename, pdf, count: rows.length }
}

export { parseId }
