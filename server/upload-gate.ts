/**
 * The door entry uploads go through before Astro reads them. Astro holds a whole body in memory
 * (request.formData()), so twenty phones sending 15 MB pictures at once would hold 300 MB and
 * more: the gate lets uploads in while the bytes they declare add up to at most its budget
 * (UPLOADS_AT_ONCE uploads at the limit, cms/limits.ts), and keeps the others waiting, first come
 * first served, before a byte of their body is read — Node stops reading a socket whose request
 * nobody reads, so TCP holds the rest back on the phone. A place is given back when the answer
 * is finished or the connection closes; a request whose connection closes while it waits is
 * forgotten. One upload larger than the whole budget still goes in, alone.
 */
import type { EventEmitter } from 'node:events'

type Waiting = { weight: number; start: () => void; done: EventEmitter; cancel: () => void }

export class UploadGate {
  #inside = 0
  #count = 0
  readonly #queue: Waiting[] = []

  constructor(readonly budget: number) {}

  /** Bytes declared by the uploads inside. */
  get bytesInside(): number {
    return this.#inside
  }

  /** Uploads inside. */
  get inside(): number {
    return this.#count
  }

  get waiting(): number {
    return this.#queue.length
  }

  /**
   * Calls `start` once `weight` bytes fit (at once when they do and nobody waits before this
   * one); the place is held until `done` (the response) emits 'close'. Returns false when the
   * request has to wait.
   */
  admit(weight: number, done: EventEmitter, start: () => void): boolean {
    const w = Math.max(0, weight)
    if (!this.#queue.length && this.#fits(w)) {
      this.#enter(w, done)
      start()
      return true
    }
    const waiter: Waiting = {
      weight: w,
      start,
      done,
      cancel: () => {
        const at = this.#queue.indexOf(waiter)
        if (at >= 0) this.#queue.splice(at, 1)
        // the first in line left: those behind it may fit now
        this.#drain()
      },
    }
    done.once('close', waiter.cancel)
    this.#queue.push(waiter)
    return false
  }

  #fits(weight: number): boolean {
    return this.#count === 0 || this.#inside + weight <= this.budget
  }

  #enter(weight: number, done: EventEmitter): void {
    this.#inside += weight
    this.#count++
    let released = false
    done.once('close', () => {
      if (released) return
      released = true
      this.#inside -= weight
      this.#count--
      this.#drain()
    })
  }

  #drain(): void {
    while (this.#queue.length) {
      const next = this.#queue[0]
      if (!next || !this.#fits(next.weight)) return
      this.#queue.shift()
      next.done.off('close', next.cancel)
      this.#enter(next.weight, next.done)
      next.start()
    }
  }
}
