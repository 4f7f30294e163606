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
