/**
 * The capacity engine's store over Payload's Local API (cms/services/capacity.ts): every step
 * is one database operation on its own, so it works alike on PostgreSQL, MongoDB and SQLite.
 * What keeps it right under concurrency is the claims collection's unique indexes, never the
 * order of reads and writes. A crash between two steps leaves the claimant pending; running the
 * same program again (a retry, the server's sweeper) finishes it.
 */
import type { Payload } from 'payload'
import { runAsync, type AsyncOps, type CapacityOps, type CapacityStore, type Pool, type Program, type TakeResult, type Unit } from './capacity'
import { announceContentChange } from './content-events'
import { uniqueViolationOn } from './errors'

export type UnitOps = Pick<CapacityOps<never>, 'free' | 'take' | 'held' | 'release' | 'count'>

/** Changes to units show on public pages (seats left): they are announced like content changes. */
const announce = () => announceContentChange({ source: 'claims' })

export function localUnitOps(payload: Payload): AsyncOps<UnitOps> {
  const inPool = (pool: string) => ({ pool: { equals: pool } })
  const numbers = async (pool: string, sort: string, limit: number) =>
    (await payload.find({ collection: 'claims', where: inPool(pool), sort, limit, depth: 0, pagination: false, select: { number: true } })).docs.map((d) => d.number)

  return {
    async free(pool: Pool) {
      if (pool.capacity < 1) return null
      const [top = 0] = await numbers(pool.key, '-number', 1)
      if (top < pool.capacity) return top + 1
      const taken = new Set(await numbers(pool.key, 'number', 0))
      for (let n = 1; n <= pool.capacity; n++) if (!taken.has(n)) return n
      return null
    },

    async take(unit: Unit): Promise<TakeResult> {
      const at = new Date().toISOString()
      try {
        await payload.db.create({ collection: 'claims', data: { ...unit, createdAt: at, updatedAt: at } })
      } catch (err) {
        const on = uniqueViolationOn(err)
        if (on === 'pool' || on === 'number') return 'number-held'
        if (on === 'claimant' || on === 'part') return 'claimant-holds'
        throw err
      }
      announce()
      return 'taken'
    },

    async held(claimant: string) {
      const res = await payload.find({ collection: 'claims', where: { claimant: { equals: claimant } }, sort: 'part', limit: 0, depth: 0, pagination: false })
      return res.docs.map((d) => ({ pool: d.pool, number: d.number, claimant: d.claimant, part: d.part }))
    },

    async release(claimant: string) {
      const res = await payload.delete({ collection: 'claims', where: { claimant: { equals: claimant } }, depth: 0, select: { number: true } })
      if (res.docs.length) announce()
      return res.docs.length
    },

    async count(pool: string) {
      return (await payload.count({ collection: 'claims', where: inPool(pool) })).totalDocs
    },
  }
}

/** A store that runs the engine's programs step by step through the Local API. */
export function localStore<New>(ops: AsyncOps<CapacityOps<New>>): CapacityStore {
  return { run: <T>(program: Program<T>) => runAsync(program, ops) }
}
