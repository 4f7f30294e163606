/**
 * The capacity engine's store over Payload's Local API (cms/services/capacity.ts): every step
 * is one database operation on its own, so it works alike on PostgreSQL, MongoDB and SQLite.
 * What keeps it right under concurrency is the claims collection's unique indexes, never the
 * order of reads and writes. A crash between two steps leaves the claimant pending; running the
 * same program again (a retry, the server's sweeper) finishes it.
 */
import type { Payload } from 'payload'
import { runAsync, type AsyncOps, type CapacityOps, type CapacityStore, type Pool, type Program, type TakeResult } from './capacity'
import { announceContentChange } from './content-events'
import { uniqueViolationOn } from './errors'
import { oneAtATime } from './process-wide'

export type UnitOps = Pick<CapacityOps<never>, 'free' | 'take' | 'held' | 'release'>

/** Changes to units show on public pages (seats left): they are announced like content changes. */
const announce = () => announceContentChange({ source: 'claims' })

/** Per Payload instance and pool: the number the next claim in this process tries first (see `take`). */
const cursorsOf = new WeakMap<Payload, Map<string, number>>()

export function localUnitOps(payload: Payload): AsyncOps<UnitOps> {
  let cursors = cursorsOf.get(payload)
  if (!cursors) cursorsOf.set(payload, (cursors = new Map()))
  const inPool = (pool: string) => ({ pool: { equals: pool } })
  const numbers = async (pool: string, sort: string, limit: number) =>
    (await payload.find({ collection: 'claims', where: inPool(pool), sort, limit, depth: 0, pagination: false, select: { number: true } })).docs.map((d) => d.number)

  /** The next number of the pool's cursor, moved on at once (no await in between), or null when there is none to use. */
  const nextFromCursor = (pool: Pool): number | null => {
    const cursor = cursors.get(pool.key)
    if (cursor === undefined || cursor > pool.capacity) return null
    cursors.set(pool.key, cursor + 1)
    return cursor
  }
  const startCursor = (pool: Pool, number: number | null): number | null => {
    if (number === null) cursors.delete(pool.key)
    else cursors.set(pool.key, number + 1)
    return number
  }

  const free = async (pool: Pool) => {
    if (pool.capacity < 1) return null
    const [top = 0] = await numbers(pool.key, '-number', 1)
    if (top < pool.capacity) return top + 1
    const taken = new Set(await numbers(pool.key, 'number', 0))
    for (let n = 1; n <= pool.capacity; n++) if (!taken.has(n)) return n
    return null
  }

  return {
    free,

    // Claims in this process take distinct numbers from a cursor (the number after the last one
    // handed out), so they insert side by side instead of racing for the same next number; the
    // cursor is read from the database one claim at a time per pool, when it is missing or past
    // the top. Across processes the unique index still decides: a number taken elsewhere sends
    // the claim back to the database for the next free one.
    async take(pool: Pool, claimant: string, part: number): Promise<TakeResult> {
      for (let tries = 0; tries <= pool.capacity + 10; tries++) {
        const number = nextFromCursor(pool) ?? (await oneAtATime(`pool:${pool.key}`, async () => nextFromCursor(pool) ?? startCursor(pool, await free(pool))))
        if (number === null) return null
        const at = new Date().toISOString()
        try {
          await payload.db.create({ collection: 'claims', data: { pool: pool.key, number, claimant, part, createdAt: at, updatedAt: at }, returning: false })
        } catch (err) {
          const on = uniqueViolationOn(err)
          if (on === 'claimant' || on === 'part') return 'claimant-holds'
          if (on !== 'pool' && on !== 'number') throw err
          cursors.delete(pool.key)
          continue
        }
        announce()
        return number
      }
      return null
    },

    async held(claimant: string) {
      const res = await payload.find({ collection: 'claims', where: { claimant: { equals: claimant } }, sort: 'part', limit: 0, depth: 0, pagination: false })
      return res.docs.map((d) => ({ pool: d.pool, number: d.number, claimant: d.claimant, part: d.part }))
    },

    async release(claimant: string) {
      const res = await payload.delete({ collection: 'claims', where: { claimant: { equals: claimant } }, depth: 0, select: { pool: true } })
      // a freed number may be the next one the rule gives: the cursors of these pools are read again
      for (const unit of res.docs) cursors.delete(unit.pool)
      if (res.docs.length) announce()
      return res.docs.length
    },
  }
}

/** A store that runs the engine's programs step by step through the Local API. */
export function localStore<New>(ops: AsyncOps<CapacityOps<New>>): CapacityStore {
  return { run: <T>(program: Program<T>) => runAsync(program, ops) }
}
