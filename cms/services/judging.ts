/**
 * Judging a drawing contest (cms/services/contests.ts), blind.
 *
 * - A contest has **rounds**, in order. Each round judges the entries that reached it (an
 *   entry's `reachedRound`: 0 is the first). A *yes/no* round (the shortlist) passes an entry
 *   when at least half of the judges who voted on it said yes; a *rubric* round marks each
 *   criterion 1–10, and an entry's score is the mean of the judges' weighted totals (out of 10);
 *   when it is not the last round, the best `advance` of each category go on.
 * - The **current** round is the first one not closed. Organisers close it, which moves the
 *   passing entries on; after the last round they publish the results: the prizes of each
 *   category go down the ranking. Entries with the same score are *tied*; where a tie straddles
 *   a prize boundary the organisers order them (`tieBreak`) before publishing.
 * - **Blindness**: a judge sees an entry's picture, title, sentence, category and entry code —
 *   never the child's name, school, commune or guardian (the entries collection hides those
 *   fields from anyone but organisers). A judge sees only their own scores, and others' for an
 *   entry once their own for it in that round is sent; a score is final once sent. A judge who
 *   knows a child declares it, and that entry is skipped for them (no score, not counted).
 */
import type { Access, Payload, Where } from 'payload'
import { checkRole } from '../access/roles'
import type { Contest, Entry, Score, User } from '../payload-types'
import { announceContentChange } from './content-events'
import { isUniqueViolation } from './errors'
import { idOf, type Id } from './ids'
import { oneAtATime } from './process-wide'
import { judgingState, judgingStates, NOT_STARTED, saveState, type JudgingState } from './contest-state'
import { publishGallery } from './gallery'

export { judgingState, judgingStates, type JudgingState }

/** Who organises contests: sees everything about entries and scores. */
export const CONTEST_ORGANISERS = ['admin', 'editor'] as const

export type Round = NonNullable<Contest['rounds']>[number] & { id: string }
type ContestForJudging = Pick<Contest, 'id' | 'rounds' | 'rubric' | 'categories' | 'jury' | 'closesAt'> & { state: JudgingState }

export const roundsOf = (contest: Pick<Contest, 'rounds'>): Round[] => (contest.rounds ?? []).filter((r): r is Round => Boolean(r.id))

/** The round being judged: the first one not closed (null: no rounds, or all closed). */
export function currentRound(contest: Pick<Contest, 'rounds'>, state: Pick<JudgingState, 'roundsClosed'>): { index: number; round: Round } | null {
  const index = state.roundsClosed
  const round = roundsOf(contest)[index]
  return round ? { index, round } : null
}

const isJudgeOf = (contest: Pick<Contest, 'jury'>, userId: Id) => (contest.jury ?? []).some((j) => String(idOf(j)) === String(userId))

/** The contests a judge sits on, with their rounds. */
async function juryContests(payload: Payload, userId: Id): Promise<(Pick<Contest, 'id' | 'rounds'> & { state: JudgingState })[]> {
  const res = await payload.find({ collection: 'contests', where: { jury: { in: [userId] } }, depth: 0, limit: 0, pagination: false, select: { rounds: true }, draft: true })
  const states = await judgingStates(payload, res.docs.map((c) => c.id))
  return res.docs.map((c) => ({ ...c, state: states.get(String(c.id)) ?? NOT_STARTED }))
}

const asUser = (user: unknown): (Pick<User, 'id' | 'roles'> & { collection: 'users' }) | null => {
  if (!user || typeof user !== 'object' || (user as { collection?: unknown }).collection !== 'users') return null
  return user as Pick<User, 'id' | 'roles'> & { collection: 'users' }
}

/**
 * What a judge may read of entries: the ones taking part in the current round of a contest
 * they sit on (none once all rounds are closed). Organisers read every entry.
 */
export const judgeEntryScope: Access = async ({ req }) => {
  if (checkRole(CONTEST_ORGANISERS, req.user)) return true
  const user = asUser(req.user)
  if (!user || !checkRole(['judge'], user)) return false
  const clauses: Where[] = []
  for (const contest of await juryContests(req.payload, user.id)) {
    const current = currentRound(contest, contest.state)
    if (current && !contest.state.resultsPublishedAt) clauses.push({ and: [{ contest: { equals: contest.id } }, { status: { equals: 'submitted' } }, { reachedRound: { greater_than_equal: current.index } }] })
  }
  return clauses.length ? { or: clauses } : false
}

/** What a judge may read of scores: their own, and others' for an (entry, round) they have scored. Organisers read all. */
export const judgeScoreScope: Access = async ({ req }) => {
  if (checkRole(CONTEST_ORGANISERS, req.user)) return true
  const user = asUser(req.user)
  if (!user || !checkRole(['judge'], user)) return false
  const mine = await req.payload.find({ collection: 'scores', where: { judge: { equals: user.id } }, depth: 0, limit: 0, pagination: false, select: { entryRound: true } })
  const scored = mine.docs.map((s) => s.entryRound)
  const own: Where = { judge: { equals: user.id } }
  return scored.length ? { or: [own, { entryRound: { in: scored } }] } : own
}

export type ScoreInput = {
  entryId: Id
  roundId: string
  /** The judge knows the child: no score, the entry is skipped for this judge. */
  conflict?: boolean
  decision?: 'yes' | 'no'
  /** Rubric criterion id → mark 1–10. */
  marks?: Record<string, number>
  comment?: string
}

export type ScoreRefusal = 'not-a-judge' | 'round-closed' | 'not-in-round' | 'decision-required' | 'marks-required' | 'mark-out-of-range' | 'already-scored' | 'results-published'
export type ScoreOutcome = { kind: 'scored'; id: Id; total: number | null } | { kind: 'refused'; reason: ScoreRefusal }

/** A rubric's weighted total of marks, out of 10 (2 decimals); null when a criterion has no mark. */
export function weightedTotal(rubric: Contest['rubric'], marks: Record<string, number>): number | null {
  const criteria = (rubric ?? []).filter((c) => c.id)
  if (!criteria.length) return null
  let sum = 0
  let weights = 0
  for (const c of criteria) {
    const mark = marks[c.id ?? '']
    if (mark === undefined) return null
    sum += mark * c.weight
    weights += c.weight
  }
  return weights > 0 ? Math.round((sum / weights) * 100) / 100 : null
}

async function contestOf(payload: Payload, id: Id): Promise<ContestForJudging> {
  const [contest, state] = await Promise.all([
    payload.findByID({ collection: 'contests', id, depth: 0, select: { rounds: true, rubric: true, categories: true, jury: true, closesAt: true } }),
    judgingState(payload, id),
  ])
  return { ...contest, state }
}

/**
 * A judge sends their score of one entry in the current round: checked (the judge sits on the
 * contest, the round is open, the entry reached it, the marks are whole numbers 1–10 for every
 * criterion) and stored once — a second score of the same entry in the same round is refused,
 * whatever the timing (unique key).
 */
export async function submitScore(payload: Payload, judge: Pick<User, 'id'>, input: ScoreInput): Promise<ScoreOutcome> {
  const entry = await payload.findByID({ collection: 'entries', id: input.entryId, depth: 0, overrideAccess: true, select: { contest: true, status: true, reachedRound: true } })
  const contestId = idOf(entry.contest)
  if (contestId === null) return { kind: 'refused', reason: 'not-in-round' }
  const contest = await contestOf(payload, contestId)
  if (!isJudgeOf(contest, judge.id)) return { kind: 'refused', reason: 'not-a-judge' }
  if (contest.state.resultsPublishedAt) return { kind: 'refused', reason: 'results-published' }
  const current = currentRound(contest, contest.state)
  if (!current || current.round.id !== input.roundId) return { kind: 'refused', reason: 'round-closed' }
  if (entry.status !== 'submitted' || (entry.reachedRound ?? 0) < current.index) return { kind: 'refused', reason: 'not-in-round' }
  let decision: 'yes' | 'no' | null = null
  let marks: { criterion: string; mark: number }[] = []
  let total: number | null = null
  if (!input.conflict) {
    if (current.round.kind === 'yes-no') {
      if (input.decision !== 'yes' && input.decision !== 'no') return { kind: 'refused', reason: 'decision-required' }
      decision = input.decision
    } else {
      const given = input.marks ?? {}
      if (Object.values(given).some((m) => !Number.isInteger(m) || m < 1 || m > 10)) return { kind: 'refused', reason: 'mark-out-of-range' }
      total = weightedTotal(contest.rubric, given)
      if (total === null) return { kind: 'refused', reason: 'marks-required' }
      marks = (contest.rubric ?? []).map((c) => ({ criterion: c.id ?? '', mark: given[c.id ?? ''] ?? 0 }))
    }
  }
  const round = current.round.id
  try {
    const doc = await payload.create({
      collection: 'scores',
      depth: 0,
      overrideAccess: true,
      data: {
        key: `${String(entry.id)}:${String(judge.id)}:${round}`,
        contest: contest.id,
        entry: entry.id,
        judge: judge.id as number,
        round,
        entryRound: `${String(entry.id)}:${round}`,
        conflict: Boolean(input.conflict),
        decision,
        marks,
        total,
        comment: input.comment?.trim() || undefined,
      },
    })
    return { kind: 'scored', id: doc.id, total }
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: 'refused', reason: 'already-scored' }
    throw err
  }
}

export type JudgeProgress = { judge: Id; name: string; toScore: number; scored: number; conflicts: number }

type EntryRow = Pick<Entry, 'id' | 'entryCode' | 'category' | 'reachedRound' | 'tieBreak' | 'title'>

async function entriesInRound(payload: Payload, contestId: Id, index: number): Promise<EntryRow[]> {
  const res = await payload.find({
    collection: 'entries',
    where: { and: [{ contest: { equals: contestId } }, { status: { equals: 'submitted' } }, { reachedRound: { greater_than_equal: index } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { entryCode: true, category: true, reachedRound: true, tieBreak: true, title: true },
  })
  return res.docs
}

async function scoresOfRound(payload: Payload, contestId: Id, roundId: string): Promise<Score[]> {
  const res = await payload.find({ collection: 'scores', where: { and: [{ contest: { equals: contestId } }, { round: { equals: roundId } }] }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  return res.docs
}

/** How far each judge of the contest is with a round (the current one by default): entries scored, declared as known, still to score. */
export async function judgingProgress(payload: Payload, contestId: Id, roundIndex?: number): Promise<{ round: Round | null; entries: number; judges: JudgeProgress[] }> {
  const contest = await contestOf(payload, contestId)
  const index = roundIndex ?? currentRound(contest, contest.state)?.index ?? roundsOf(contest).length - 1
  const round = roundsOf(contest)[index] ?? null
  if (!round) return { round: null, entries: 0, judges: [] }
  const [entries, scores, users] = await Promise.all([
    entriesInRound(payload, contest.id, index),
    scoresOfRound(payload, contest.id, round.id),
    payload.find({ collection: 'users', where: { id: { in: (contest.jury ?? []).map((j) => idOf(j)) } }, depth: 0, limit: 0, pagination: false, select: { name: true, email: true } }),
  ])
  const judges = users.docs.map((u) => {
    const own = scores.filter((s) => String(idOf(s.judge)) === String(u.id))
    const conflicts = own.filter((s) => s.conflict).length
    return { judge: u.id, name: u.name ?? u.email, toScore: entries.length - own.length, scored: own.length - conflicts, conflicts }
  })
  return { round, entries: entries.length, judges }
}

export type RankedEntry = {
  id: Id
  entryCode: string
  title: string
  /** the share of yes (yes/no round) or the mean weighted total (rubric round); null: nobody scored it yet */
  score: number | null
  /** each judge's score: a total, yes/no, or "knows the child" */
  byJudge: { judge: Id; total: number | null; decision: 'yes' | 'no' | null; conflict: boolean }[]
  rank: number
  /** another entry of the category has the same score */
  tied: boolean
  tieBreak: number | null
}

/** The ranking of each category in a round (the last one by default), best first; equal scores share a rank and are flagged. */
export async function ranking(payload: Payload, contestId: Id, roundIndex?: number): Promise<{ round: Round | null; categories: { id: string; entries: RankedEntry[] }[] }> {
  const contest = await contestOf(payload, contestId)
  const rounds = roundsOf(contest)
  const index = roundIndex ?? rounds.length - 1
  const round = rounds[index] ?? null
  if (!round) return { round: null, categories: [] }
  const [entries, scores] = await Promise.all([entriesInRound(payload, contest.id, index), scoresOfRound(payload, contest.id, round.id)])
  const categories = (contest.categories ?? []).map((category) => {
    const rows = entries
      .filter((e) => e.category === category.id)
      .map((e): Omit<RankedEntry, 'rank' | 'tied'> => {
        const own = scores.filter((s) => String(idOf(s.entry)) === String(e.id))
        const counted = own.filter((s) => !s.conflict)
        let score: number | null = null
        if (counted.length) {
          score =
            round.kind === 'yes-no'
              ? Math.round((counted.filter((s) => s.decision === 'yes').length / counted.length) * 100) / 100
              : Math.round((counted.reduce((sum, s) => sum + (s.total ?? 0), 0) / counted.length) * 100) / 100
        }
        return {
          id: e.id,
          entryCode: e.entryCode,
          title: e.title,
          score,
          byJudge: own.map((s) => ({ judge: idOf(s.judge) ?? '', total: s.total ?? null, decision: s.decision ?? null, conflict: Boolean(s.conflict) })),
          tieBreak: e.tieBreak ?? null,
        }
      })
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.tieBreak ?? Infinity) - (b.tieBreak ?? Infinity) || a.entryCode.localeCompare(b.entryCode))
    const ranked = rows.map((row, i): RankedEntry => {
      // equal scores share the rank of the first of them (1, 2, 2, 4), in the organisers' order when they gave one
      const firstSame = rows.findIndex((r) => r.score === row.score && (r.tieBreak === row.tieBreak || row.tieBreak === null || r.tieBreak === null))
      const tied = row.score !== null && rows.filter((r) => r.score === row.score).length > 1
      return { ...row, rank: row.tieBreak !== null ? i + 1 : Math.min(i, firstSame) + 1, tied }
    })
    return { id: category.id ?? '', entries: ranked }
  })
  return { round, categories }
}

export type CloseOutcome = { kind: 'closed'; advanced: number } | { kind: 'refused'; reason: 'no-open-round' | 'results-published' }

/**
 * Closes the current round: the entries that pass it reach the next round (a yes/no round: at
 * least half of the votes yes; a rubric round with `advance`: the best that many per category,
 * ties at the boundary all going on). Closing the last round moves nobody: its ranking is the result.
 */
export function closeRound(payload: Payload, contestId: Id): Promise<CloseOutcome> {
  return oneAtATime(`contest-judging:${String(contestId)}`, async () => {
    const contest = await contestOf(payload, contestId)
    if (contest.state.resultsPublishedAt) return { kind: 'refused', reason: 'results-published' }
    const current = currentRound(contest, contest.state)
    if (!current) return { kind: 'refused', reason: 'no-open-round' }
    const rounds = roundsOf(contest)
    const last = current.index === rounds.length - 1
    const passing: Id[] = []
    if (!last) {
      const { categories } = await ranking(payload, contest.id, current.index)
      for (const category of categories) {
        const scored = category.entries.filter((e) => e.score !== null)
        if (current.round.kind === 'yes-no') passing.push(...scored.filter((e) => (e.score ?? 0) >= 0.5).map((e) => e.id))
        else {
          const advance = current.round.advance ?? scored.length
          const cut = scored[advance - 1]?.score
          passing.push(...scored.filter((e, i) => i < advance || (cut !== undefined && e.score === cut)).map((e) => e.id))
        }
      }
      if (passing.length) await payload.db.updateMany({ collection: 'entries', where: { id: { in: passing } }, data: { reachedRound: current.index + 1 } })
    }
    await saveState(payload, contest.id, { roundsClosed: current.index + 1 })
    return { kind: 'closed', advanced: passing.length }
  })
}

export type PublishOutcome =
  | { kind: 'published'; awarded: number }
  | { kind: 'refused'; reason: 'rounds-open' | 'already-published' | 'entries-open' }
  /** Entries tie across a prize boundary: the organisers must order them (tieBreak) first. */
  | { kind: 'ties'; entryCodes: string[] }

/**
 * Publishes the results with one action: the prizes of each category go down the final
 * ranking (First prize ×1, Second ×2, …), the contest shows its results and gallery. Refused
 * while a round is open, or while entries tie across a prize boundary.
 */
export function publishResults(payload: Payload, contestId: Id, now = new Date()): Promise<PublishOutcome> {
  return oneAtATime(`contest-judging:${String(contestId)}`, async () => {
    const contest = await contestOf(payload, contestId)
    if (contest.state.resultsPublishedAt) return { kind: 'refused', reason: 'already-published' }
    if (now < new Date(contest.closesAt)) return { kind: 'refused', reason: 'entries-open' }
    if (currentRound(contest, contest.state)) return { kind: 'refused', reason: 'rounds-open' }
    const { categories } = await ranking(payload, contest.id)
    const awards: { id: Id; prize: string; rank: number }[] = []
    const ties: string[] = []
    for (const category of categories) {
      const prizes = (contest.categories ?? []).find((c) => c.id === category.id)?.prizes ?? []
      const places = prizes.flatMap((p) => Array.from({ length: p.count }, () => p.id ?? ''))
      const scored = category.entries.filter((e) => e.score !== null)
      // a tie across the last prize place, or between two prizes, needs the organisers' order
      for (let i = 0; i < Math.min(places.length, scored.length); i++) {
        const here = scored[i]
        const next = scored[i + 1]
        if (!here) continue
        const boundary = i === places.length - 1 || places[i] !== places[i + 1]
        if (boundary && next && next.score === here.score && (here.tieBreak ?? null) === (next.tieBreak ?? null)) ties.push(here.entryCode, next.entryCode)
        awards.push({ id: here.id, prize: places[i] ?? '', rank: i + 1 })
      }
    }
    if (ties.length) return { kind: 'ties', entryCodes: [...new Set(ties)] }
    for (const award of awards) await payload.db.updateOne({ collection: 'entries', id: award.id, data: { award: { prize: award.prize, rank: award.rank } }, returning: false })
    await saveState(payload, contest.id, { resultsPublishedAt: now.toISOString() })
    // the pictures the families agreed to show, and a share image for each such winner
    await publishGallery(payload, contest.id)
    announceContentChange({ source: 'entries' })
    return { kind: 'published', awarded: awards.length }
  })
}
