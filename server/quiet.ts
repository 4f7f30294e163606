/**
 * Background work that yields to people. Queuing confirmation emails and delivering mail can
 * wait a few seconds; a family waiting for its sign-up result cannot. So that work starts when
 * no request is being answered, and at the latest after `maxWaitMs`, so a long rush only delays
 * mail, never stops it. The background jobs (cms/services/background.ts) see it as their `Quiet`.
 */
import type http from 'node:http'

export class QuietGate {
  private inFlight = 0
  private lastActive = 0
  private readonly waiting = new Set<NodeJS.Timeout>()

  constructor(
    private readonly options: { quietMs: number; maxWaitMs: number; pollMs: number } = { quietMs: 50, maxWaitMs: 30_000, pollMs: 100 },
  ) {}

  /** Counts a request from its start until its response is closed. */
  track(res: http.ServerResponse): void {
    this.inFlight++
    this.lastActive = Date.now()
    res.once('close', () => {
      this.inFlight--
      this.lastActive = Date.now()
    })
  }

  isQuiet(now = Date.now()): boolean {
    return this.inFlight === 0 && now - this.lastActive >= this.options.quietMs
  }

  /** Runs `task` once the server is quiet, or once it has waited `maxWaitMs`. */
  whenQuiet(task: () => void, since = Date.now()): void {
    if (this.isQuiet() || Date.now() - since >= this.options.maxWaitMs) {
      task()
      return
    }
    const timer = setTimeout(() => {
      this.waiting.delete(timer)
      this.whenQuiet(task, since)
    }, this.options.pollMs)
    this.waiting.add(timer)
  }

  /** Drops the tasks still waiting (the server is closing). */
  close(): void {
    for (const timer of this.waiting) clearTimeout(timer)
    this.waiting.clear()
  }
}
