/**
 * Capacity: the one engine for everything there is a limited number of.
 *
 * - A **pool** is a limited number of places ("units"), numbered 1..capacity: an event's open
 *   seats, the seats it holds back for priority groups, a gift drive's bicycles, the entries a
 *   child may send in one contest category. (pretix calls it a quota.)
 * - A **claim** takes one or more units of a pool for one **claimant** (a registration, a pledge's
 *   line, a contest entry), each unit one row of the `claims` collection: (pool, number, claimant,
 *   part). The database itself refuses what must never happen, whatever the concurrency and the
 *   adapter: a unique index on (pool, number) refuses a unit held twice — so a pool can never hold
 *   more than its numbers — and a unique index on (claimant, part) refuses a second claim by the
 *   same claimant. Looking for a free number first is only a hint; the index decides.
 * - **Allocation** puts a claimant somewhere: `allocate` takes the steps once, in this order, for
 *   every store: the earlier attempt of the same submission (answered from what it stored) →
 *   eligibility → a claim, or the waitlist (first come, first served), or "full".
 *
 * The rules are written once, here, as programs (generators) that ask a store for each step
 * (`yield* ask('free', pool)`). Two stores answer them: the Local API (PostgreSQL, MongoDB, and
 * SQLite for staff work; cms/services/capacity-store.ts) answers asynchronously, step by step;
 * the SQLite sign-up lane (cms/services/signup-sqlite.ts) answers synchronously, inside one
 * transaction, which is what makes it fast. The lane is an optimisation of these rules, not a
 * second statement of them: tests/int/capacity-conformance.test.ts runs both on the same cases.
 */
import type { Id } from './ids'

export type Pool = { key: string; capacity: number }

/** One unit of a pool, held by a claimant as the `part`-th unit of its claim. */
export type Unit = { pool: string; number: number; claimant: string; part: number }

/** What became of an attempt to take one unit: its number, null (the pool is full), or the claimant holds that part already. */
export type TakeResult = number | null | 'claimant-holds'

/** A claimant's own record (a registration, a pledge line), as the rules see it. */
export type Claimed = {
  id: Id
  /** The reference a family or donor knows it by. */
  reference: string
  /** The name its units are held under, e.g. "registrations:12". */
  claimant: string
  state: 'pending' | 'held' | 'waiting' | 'ended'
  waitingSince: string | null
  /** Whether it may use pools held back for a group (e.g. a priority group the event reserves seats for). */
  grouped: boolean
}

/** Who is waiting: the claimants of one scope (e.g. an event), or only those of held-back groups. */
export type WaitScope = { scope: Id; groupedOnly?: boolean }

/**
 * What a store does, one step at a time, in the synchronous form the SQLite lane answers in
 * (the Local API store answers the same with promises: see `AsyncOps`).
 */
export type CapacityOps<New> = {
  /** A number of the pool that looks free (the next after the highest held; once the top is reached, the lowest gap), or null. */
  free(pool: Pool): number | null
  /**
   * Takes the next free unit of the pool as the `part`-th of the claimant's claim: its number;
   * null when the pool is full; 'claimant-holds' when the claimant holds that part already. The
   * unique indexes decide (see the top of this file); a number another claimant took first is
   * looked for again.
   */
  take(pool: Pool, claimant: string, part: number): TakeResult
  held(claimant: string): Unit[]
  release(claimant: string): number
  /** The record an earlier attempt of the same submission stored under `key`, or null. */
  earlier(key: string): Claimed | null
  /** Stores a new claimant record (pending); or says that an attempt with the same key, or the same claimant under another key (the same child signed up twice), is stored already. */
  store(record: New): Claimed | 'same-attempt' | 'duplicate'
  /** The claimant now holds its units (`from`: the state it was in). */
  hold(id: Id, from: Claimed['state']): void
  wait(id: Id, since: string): void
  /** Takes back a record that got nothing (full, no waitlist): nothing is kept. */
  drop(id: Id): void
  anyoneWaiting(where: WaitScope): boolean
  /** 1 = next in line. */
  position(id: Id): number
  /** Who waits, first come first served. */
  queue(where: WaitScope): Claimed[]
}

type Fn = (...args: never[]) => unknown
export type AsyncOps<O> = { [K in keyof O]: O[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never }

type OpName = keyof CapacityOps<unknown>
export type Step = { op: OpName; args: unknown[] }
/** A rule written as a program of store steps; run it with `runSync` or `runAsync`. */
export type Program<T> = Generator<Step, T, unknown>

/** One step: asks the store and gives back its answer (typed by the step's name). */
function* ask<New, K extends OpName>(op: K, ...args: Parameters<CapacityOps<New>[K]>): Generator<Step, ReturnType<CapacityOps<New>[K]>, unknown> {
  // The drivers below hand back exactly what the store's method of this name returned.
  return (yield { op, args }) as ReturnType<CapacityOps<New>[K]>
}

function call(ops: Record<OpName, Fn>, step: Step): unknown {
  const fn = ops[step.op] as (...args: unknown[]) => unknown
  return fn.apply(ops, step.args)
}

/** Runs a program against a store that answers at once (the SQLite lane, inside its transaction). */
export function runSync<T, New>(program: Program<T>, ops: CapacityOps<New>): T {
  let next = program.next()
  while (!next.done) {
    let answer: unknown
    try {
      answer = call(ops, next.value)
    } catch (err) {
      next = program.throw(err)
      continue
    }
    next = program.next(answer)
  }
  return next.value
}

/** Runs a program against a store that answers with promises (the Local API). */
export async function runAsync<T, New>(program: Program<T>, ops: AsyncOps<CapacityOps<New>>): Promise<T> {
  let next = program.next()
  while (!next.done) {
    let answer: unknown
    try {
      answer = await call(ops, next.value)
    } catch (err) {
      next = program.throw(err)
      continue
    }
    next = program.next(answer)
  }
  return next.value
}

/** A store that runs programs: every step at once in one transaction (SQLite), or step by step. */
export type CapacityStore = { run<T>(program: Program<T>): Promise<T> }

export type Claim = { pool: string; numbers: number[] }

/**
 * Takes `units` units for `claimant` from the first of `pools` (in order of preference) that
 * has them all; all or nothing. A claimant that holds units already keeps them (a concurrent
 * placement of the same claimant won), and a claim a crash cut short is completed in its pool.
 */
export function* claim(pools: readonly Pool[], claimant: string, units = 1, fresh = false): Program<Claim | null> {
  // a claimant this attempt has just stored holds nothing yet: no need to ask
  const mine = fresh ? [] : yield* ask('held', claimant)
  if (mine.length >= units) return asClaim(mine)
  const started = mine[0]?.pool
  for (const pool of started ? pools.filter((p) => p.key === started) : pools) {
    const numbers = mine.map((u) => u.number)
    while (numbers.length < units) {
      const taken = yield* ask('take', pool, claimant, numbers.length + 1)
      if (taken === null) break
      if (taken === 'claimant-holds') return asClaim(yield* ask('held', claimant))
      numbers.push(taken)
    }
    if (numbers.length >= units) return { pool: pool.key, numbers }
    if (numbers.length) yield* ask('release', claimant) // not enough here: give the part back
  }
  return null
}

function asClaim(units: Unit[]): Claim | null {
  const first = units[0]
  return first ? { pool: first.pool, numbers: units.map((u) => u.number) } : null
}

export type AllocationRequest<New, Reason extends string = string> = {
  /** The idempotency key of this claimant within its submission. */
  key: string
  /** Step 2: why this claimant may not take part (a reason), or null. Not asked on a retry. */
  eligibility: () => Reason | null
  record: New
  /** The pools this claimant may take from, in order of preference. */
  pools: readonly Pool[]
  units: number
  /** Where the waitlist is (and whether this claimant only queues behind its own group), or null: no waitlist, refused as full. */
  waitlist: WaitScope | null
  now: Date
}

export type Allocation<Reason extends string = never> =
  | { kind: 'held'; id: Id; reference: string; claim: Claim }
  | { kind: 'waiting'; id: Id; reference: string; position: number }
  | { kind: 'refused'; reason: Reason }
  | { kind: 'full' }
  /** The same claimant is in already (another submission). */
  | { kind: 'duplicate' }
  /** An earlier attempt whose claim has ended since (cancelled). */
  | { kind: 'ended'; id: Id; reference: string }

/**
 * Allocation, the steps in order: an earlier attempt of the same submission answers from what
 * it stored → eligibility → store the claimant, then a claim or the waitlist. The earlier
 * attempt is not looked for first: storing finds it (the key's unique index refuses a second
 * record), and it is asked for only when this attempt would be refused or taken for a duplicate,
 * which saves a query on every first attempt and answers the same.
 */
export function* allocate<New, Reason extends string>(request: AllocationRequest<New, Reason>): Program<Allocation<Reason>> {
  // An earlier attempt of the same submission is found by the store's unique index on the key
  // (or asked for when this one is refused): a first attempt, the usual case, asks nothing first.
  const refusal = request.eligibility()
  if (refusal) {
    const before = yield* ask('earlier', request.key)
    return before ? yield* place(before, request) : { kind: 'refused', reason: refusal }
  }
  const stored = yield* ask<New, 'store'>('store', request.record)
  if (stored === 'duplicate') {
    // the index on the child may answer before the one on the key: the same submission again is no duplicate
    const before = yield* ask('earlier', request.key)
    return before ? yield* place(before, request) : { kind: 'duplicate' }
  }
  if (stored === 'same-attempt') {
    // Sent twice at the same moment: the other attempt stored it first.
    const winner = yield* ask('earlier', request.key)
    if (!winner) throw new Error(`Attempt ${request.key} conflicted but is not stored`)
    return yield* place(winner, request)
  }
  return yield* place(stored, request, true)
}

/**
 * Puts a stored claimant where it belongs: what it holds; its place in the queue; else units
 * if some are free and nobody who could take them is waiting; else the end of the queue; else
 * (no waitlist) refused as full and nothing kept. Safe to run again, also at the same moment.
 */
export function* place(rec: Claimed, request: Pick<AllocationRequest<unknown>, 'pools' | 'units' | 'waitlist' | 'now'>, fresh = false): Program<Allocation> {
  const { id, reference } = rec
  if (rec.state === 'ended') return { kind: 'ended', id, reference }
  if (rec.state === 'waiting') return { kind: 'waiting', id, reference, position: yield* ask('position', id) }
  const queue = request.waitlist
  if (rec.state === 'held' || !(queue && (yield* ask('anyoneWaiting', queue)))) {
    const got = yield* claim(request.pools, rec.claimant, request.units, fresh)
    if (got) {
      if (rec.state !== 'held') yield* ask('hold', id, rec.state)
      return { kind: 'held', id, reference, claim: got }
    }
  }
  if (!queue) {
    // only a claimant stored by this attempt is taken back, never one that held units before
    if (rec.state === 'pending') yield* ask('drop', id)
    return { kind: 'full' }
  }
  yield* ask('wait', id, request.now.toISOString())
  // A placement of the same claimant at the same moment may have taken units meanwhile: they stand.
  const mine = asClaim(yield* ask('held', rec.claimant))
  if (mine) {
    yield* ask('hold', id, 'waiting')
    return { kind: 'held', id, reference, claim: mine }
  }
  return { kind: 'waiting', id, reference, position: yield* ask('position', id) }
}

/**
 * Gives free units to the waiting, first come first served. One who cannot use what is free
 * (units held back for a group it is not in) is passed over for the next who can; the walk
 * stops once every pool is full. Returns who got units. Run it one at a time per queue: the
 * services do (`movingTheQueue`), and the SQLite lane runs it whole in one transaction.
 */
export function* promote(where: WaitScope, poolsOf: (rec: Claimed) => readonly Pool[], allPools: readonly Pool[]): Program<Id[]> {
  const promoted: Id[] = []
  for (const rec of yield* ask('queue', where)) {
    const pools = poolsOf(rec)
    let got = yield* claim(pools, rec.claimant, 1)
    // A unit it may use was freed while it asked (elsewhere): it asks again, before anyone behind it.
    for (let again = 0; !got && again < 3 && (yield* anyFree(pools)); again++) got = yield* claim(pools, rec.claimant, 1)
    if (got) {
      yield* ask('hold', rec.id, 'waiting')
      promoted.push(rec.id)
      continue
    }
    if (!(yield* anyFree(allPools))) break
  }
  return promoted
}

function* anyFree(pools: readonly Pool[]): Program<boolean> {
  for (const pool of pools) if ((yield* ask('free', pool)) !== null) return true
  return false
}

/**
 * Puts a claimant that held units back in line: its units go back, it waits from `since` (its
 * place in the queue: when it first asked), and the queue moves up — it may get units again at
 * once, if some it may use are free and nobody is ahead of it.
 */
export function* requeue(rec: Claimed, since: string, where: WaitScope, poolsOf: (rec: Claimed) => readonly Pool[], allPools: readonly Pool[]): Program<Id[]> {
  yield* ask('release', rec.claimant)
  yield* ask('wait', rec.id, since)
  return yield* promote(where, poolsOf, allPools)
}

/** What one part of a bundle wants: `units` units from the first of `pools` that has them all, held under `claimant`. */
export type Want = { claimant: string; pools: readonly Pool[]; units: number }

/**
 * Claims every part of a bundle (a pledge's item lines, each from its own pool) or none: when
 * one part cannot be had, the parts taken before it are given back. Returns the claims, in the
 * order of `wants`, or the index of the first part that could not be had.
 */
export function* claimEach(wants: readonly Want[], fresh = false): Program<{ claims: Claim[] } | { short: number }> {
  const claims: Claim[] = []
  for (const [index, want] of wants.entries()) {
    const got = yield* claim(want.pools, want.claimant, want.units, fresh)
    if (!got) {
      for (const taken of wants.slice(0, index)) yield* ask('release', taken.claimant)
      return { short: index }
    }
    claims.push(got)
  }
  return { claims }
}

export type BundleRequest<New, Reason extends string = string> = {
  /** The idempotency key of the submission. */
  key: string
  /** Why this submission may not be taken (a reason), or null. Not asked on a retry. */
  eligibility: () => Reason | null
  record: New
  /** The parts to claim, once the record is stored (claimant names carry its id). None: nothing limited is asked for. */
  wants: (rec: Claimed) => Want[]
}

export type BundleAllocation<Reason extends string = never> =
  | { kind: 'held'; id: Id; reference: string; claims: Claim[] }
  | { kind: 'refused'; reason: Reason }
  /** The part at `index` cannot be had (its pool is full or has fewer units left): nothing was kept. */
  | { kind: 'short'; index: number }
  /** An earlier attempt whose claims have ended since (cancelled). */
  | { kind: 'ended'; id: Id; reference: string }

/**
 * Allocation of a bundle (no waitlist; everything or nothing), the same steps as `allocate`: an
 * earlier attempt of the same submission answers from what it stored (and a crash cut short is
 * finished) → eligibility → store the record, then claim every part, or take the record back
 * and say which part could not be had. Safe to run again, also at the same moment.
 */
export function* allocateBundle<New, Reason extends string>(request: BundleRequest<New, Reason>): Program<BundleAllocation<Reason>> {
  // as `allocate`: an earlier attempt is found by the store's unique index on the key, or asked
  // for when this one is refused
  const refusal = request.eligibility()
  let rec: Claimed | null
  // a record this attempt has just stored holds nothing yet: its parts need not be looked for
  let fresh = false
  if (refusal) {
    rec = yield* ask('earlier', request.key)
    if (!rec) return { kind: 'refused', reason: refusal }
  } else {
    const stored = yield* ask<New, 'store'>('store', request.record)
    if (stored === 'duplicate') throw new Error(`Bundle ${request.key}: a store of bundles has no duplicates`)
    fresh = stored !== 'same-attempt'
    rec = stored === 'same-attempt' ? yield* ask('earlier', request.key) : stored
    if (!rec) throw new Error(`Attempt ${request.key} conflicted but is not stored`)
  }
  const { id, reference } = rec
  if (rec.state === 'ended') return { kind: 'ended', id, reference }
  const got = yield* claimEach(request.wants(rec), fresh)
  if ('short' in got) {
    // only a record that never held its parts is taken back, never one that was accepted before
    if (rec.state === 'pending') yield* ask('drop', id)
    else throw new Error(`Bundle ${request.key} was held but its parts are gone`)
    return { kind: 'short', index: got.short }
  }
  if (rec.state !== 'held') yield* ask('hold', id, rec.state)
  return { kind: 'held', id, reference, claims: got.claims }
}

/** Gives back every unit `claimant` holds. */
export function* release(claimant: string): Program<number> {
  return yield* ask('release', claimant)
}

/** Units left in a pool that has `held` taken (never below 0, even after its capacity was lowered). */
export const unitsLeft = (pool: Pool, held: number): number => Math.max(0, pool.capacity - held)
