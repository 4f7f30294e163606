/**
 * Where a contest's judging stands (the contest-states collection): rounds closed so far — they
 * close in order, so the current round is the next one — and when the results were published.
 * Read by the judging rules (cms/services/judging.ts), the public results and gallery
 * (cms/services/gallery.ts) and the contest's public phase.
 */
import type { Payload } from 'payload'
import { isUniqueViolation } from './errors'
import { idOf, type Id } from './ids'

/** Where judging stands: rounds closed so far (they close in order) and when the results were published. */
export type JudgingState = { roundsClosed: number; resultsPublishedAt: string | null }

export const NOT_STARTED: JudgingState = { roundsClosed: 0, resultsPublishedAt: null }

/** The judging state of each of these contests (not started when none is stored). */
export async function judgingStates(payload: Payload, contestIds: Id[]): Promise<Map<string, JudgingState>> {
  const out = new Map<string, JudgingState>()
  if (!contestIds.length) return out
  const res = await payload.find({ collection: 'contest-states', where: { contest: { in: contestIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  for (const row of res.docs) out.set(String(idOf(row.contest)), { roundsClosed: row.roundsClosed ?? 0, resultsPublishedAt: row.resultsPublishedAt ?? null })
  return out
}

export async function judgingState(payload: Payload, contestId: Id): Promise<JudgingState> {
  return (await judgingStates(payload, [contestId])).get(String(contestId)) ?? NOT_STARTED
}

/** Writes a contest's judging state (made the first time; a unique index keeps one per contest). */
export async function saveState(payload: Payload, contestId: Id, data: Partial<JudgingState>): Promise<void> {
  const res = await payload.update({ collection: 'contest-states', where: { contest: { equals: contestId } }, data, depth: 0, overrideAccess: true })
  if (res.docs.length) return
  try {
    await payload.create({ collection: 'contest-states', data: { contest: contestId as number, roundsClosed: 0, ...data }, depth: 0, overrideAccess: true })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    await payload.update({ collection: 'contest-states', where: { contest: { equals: contestId } }, data, depth: 0, overrideAccess: true })
  }
}

