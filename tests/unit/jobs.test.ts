/**
 * The background job runner (cms/services/jobs.ts): triggers start runs, a job never runs twice
 * at once, a failure is logged and the job runs again on its next trigger, work marked
 * `afterQuiet` waits for the server's quiet signal, and stop() waits for a run under way, after
 * which nothing runs.
 */
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Job, type Quiet, startJobs } from '../../cms/services/jobs'

/** A promise resolved from outside. */
function gate() {
  let open: () => void = () => undefined
  const done = new Promise<void>((resolve) => (open = resolve))
  return { done, open }
}

/** Lets pending promise callbacks run, and the event loop's next turn (a run asked for again goes through it). */
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 10; j++) await Promise.resolve()
    await vi.advanceTimersByTimeAsync(1) // a timer of 0 ms is a timer of 1 ms in Node
  }
}

describe('background jobs', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const events = new EventEmitter()
  const onPoke = (fire: () => void) => {
    events.on('poke', fire)
    return () => events.off('poke', fire)
  }

  it('runs a job at start, on its event and on its interval', async () => {
    let runs = 0
    const job: Job = { name: 'count', triggers: [{ start: true }, { on: onPoke }, { everyMs: 1000 }], afterQuiet: false, run: async () => void runs++ }
    const runner = startJobs([job], { log: () => undefined })
    await settle()
    expect(runs).toBe(1)
    events.emit('poke')
    await settle()
    expect(runs).toBe(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(3)
    await runner.stop()
  })

  it('never runs a job twice at once: triggers during a run ask for one more run right after', async () => {
    let active = 0
    let most = 0
    const releases: (() => void)[] = []
    const job: Job = {
      name: 'slow',
      triggers: [{ on: onPoke }],
      afterQuiet: false,
      run: async () => {
        active++
        most = Math.max(most, active)
        const g = gate()
        releases.push(g.open)
        await g.done
        active--
      },
    }
    const runner = startJobs([job], { log: () => undefined })
    events.emit('poke')
    events.emit('poke')
    events.emit('poke')
    await settle()
    expect(releases).toHaveLength(1)
    releases[0]?.()
    await settle()
    expect(releases).toHaveLength(2) // the three pokes during the first run: one more run
    releases[1]?.()
    await settle()
    expect(releases).toHaveLength(2)
    expect(most).toBe(1)
    await runner.stop()
  })

  it('logs a failing job and runs it again on its next trigger; "more" and "later" run it again', async () => {
    const log: string[] = []
    const results: (() => Promise<'more' | 'done' | { laterMs: number }>)[] = [
      () => Promise.reject(new Error('SMTP down')),
      async () => 'more',
      async () => ({ laterMs: 500 }),
      async () => 'done',
    ]
    let runs = 0
    const job: Job = {
      name: 'email delivery',
      triggers: [{ everyMs: 10_000 }],
      afterQuiet: false,
      run: () => (results[runs++] ?? (async () => 'done' as const))(),
    }
    const runner = startJobs([job], { log: (m) => log.push(m) })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(runs).toBe(1)
    expect(log).toEqual(['email delivery failed: SMTP down'])
    await vi.advanceTimersByTimeAsync(10_000) // next trigger: 'more' runs it again on the loop's next turn, which asks for 500 ms later
    expect(runs).toBe(2)
    await settle()
    expect(runs).toBe(3)
    await vi.advanceTimersByTimeAsync(500)
    expect(runs).toBe(4)
    await runner.stop()
  })

  it('waits for quiet when the job asks for it', async () => {
    const waiting: (() => void)[] = []
    const quiet: Quiet = { whenQuiet: (task) => void waiting.push(task) }
    let runs = 0
    const runner = startJobs([{ name: 'mail', triggers: [{ on: onPoke }], afterQuiet: true, run: async () => void runs++ }], { quiet, log: () => undefined })
    events.emit('poke')
    events.emit('poke') // already waiting: nothing more
    await settle()
    expect(runs).toBe(0)
    expect(waiting).toHaveLength(1)
    waiting.shift()?.()
    await settle()
    expect(runs).toBe(1)
    await runner.stop()
  })

  it('stop() waits for the run under way, and nothing runs after it', async () => {
    let runs = 0
    let finished = false
    const g = gate()
    const job: Job = {
      name: 'chores',
      triggers: [{ start: true }, { on: onPoke, afterMs: 100 }, { everyMs: 1000 }],
      afterQuiet: false,
      run: async () => {
        runs++
        if (runs === 1) await g.done
        finished = true
      },
    }
    const runner = startJobs([job], { log: () => undefined })
    await settle()
    expect(runs).toBe(1)
    events.emit('poke') // during the run: one more asked for
    let stopped = false
    const stopping = runner.stop().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false) // still running
    g.open()
    await stopping
    expect(finished).toBe(true)
    events.emit('poke')
    await vi.advanceTimersByTimeAsync(5000)
    expect(runs).toBe(1)
    expect(events.listenerCount('poke')).toBe(0)
  })
})
