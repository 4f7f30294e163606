/**
 * One event emitter per name per process, however many copies of a module are loaded. The
 * server loads the CMS code once through Payload and once more inside the built Astro bundle;
 * signals such as "content changed" or "email queued" must reach their listeners whichever copy
 * sent them.
 */
import { EventEmitter } from 'node:events'

const shared = globalThis as typeof globalThis & { __processWideEmitters?: Map<string, EventEmitter> }

export function processWideEmitter(name: string): EventEmitter {
  shared.__processWideEmitters ??= new Map()
  let emitter = shared.__processWideEmitters.get(name)
  if (!emitter) {
    emitter = new EventEmitter()
    emitter.setMaxListeners(50)
    shared.__processWideEmitters.set(name, emitter)
  }
  return emitter
}

const queues = globalThis as typeof globalThis & { __processWideQueues?: Map<string, Promise<unknown>> }

/**
 * Runs the tasks given the same key one after another, in the order they came, across every
 * copy of this module: a read-change-write of one record (a child's attendance list) cannot
 * lose a concurrent one. The platform runs one server process per database (see the README).
 */
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  queues.__processWideQueues ??= new Map()
  const tails = queues.__processWideQueues
  const run = (tails.get(key) ?? Promise.resolve()).then(task, task)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  tails.set(key, tail)
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key)
  })
  return run
}

const values = globalThis as typeof globalThis & { __processWideValues?: Map<string, unknown> }

/**
 * One value per name per process, made by `create` the first time, whichever copy of a module
 * asks (e.g. rate-limit counters that the admin's REST and GraphQL routes must share).
 */
export function processWide<T>(name: string, create: () => T): T {
  values.__processWideValues ??= new Map()
  const store = values.__processWideValues
  if (!store.has(name)) store.set(name, create())
  return store.get(name) as T
}
