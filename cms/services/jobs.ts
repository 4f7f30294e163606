/**
 * A small runner for background jobs: each job has triggers (at start, every n ms, on an event)
 * and runs when one fires — after the server has gone quiet when the job says so. A job never
 * runs twice at once: a trigger that fires while it runs asks for one more run right after.
 * A failure is logged and the job runs again on its next trigger. `stop()` cancels every
 * trigger and waits for the runs under way.
 */

/** What the HTTP server says about the requests it is answering (server/quiet.ts). */
export type Quiet = {
  /** Runs `task` once no request is being answered (or once it has waited long enough). */
  whenQuiet(task: () => void): void
}

/** No server: nothing to wait for. */
export const ALWAYS_QUIET: Quiet = { whenQuiet: (task) => task() }

export type Trigger =
  /** Once, when the jobs start (after `afterMs`). */
  | { start: true; afterMs?: number }
  /** Every `everyMs`. */
  | { everyMs: number }
  /** Whenever the event fires, `afterMs` later (fires meanwhile add nothing). `subscribe` returns its unsubscribe. */
  | { on: (fire: () => void) => () => void; afterMs?: number }

/** After a run: nothing more, run again at once (more work is waiting), or run again in `laterMs`. */
export type Next = 'done' | 'more' | { laterMs: number }

export type Job = {
  name: string
  triggers: Trigger[]
  /** Waits until no request is being answered (mail, notices: people first). */
  afterQuiet: boolean
  run: () => Promise<Next | void>
}

export type Runner = { stop(): Promise<void> }

export function describeTrigger(trigger: Trigger): string {
  if ('start' in trigger) return trigger.afterMs ? `at start +${trigger.afterMs} ms` : 'at start'
  if ('everyMs' in trigger) return `every ${trigger.everyMs / 1000} s`
  return trigger.afterMs ? `on event +${trigger.afterMs} ms` : 'on event'
}

export function startJobs(jobs: readonly Job[], options: { quiet?: Quiet; log: (message: string) => void }): Runner {
  const quiet = options.quiet ?? ALWAYS_QUIET
  let stopped = false
  const stops: (() => void)[] = []
  const runs = new Set<Promise<void>>()

  for (const job of jobs) {
    let waiting = false // asked for, waiting for quiet
    let running = false
    let again = false
    let delayed: NodeJS.Timeout | null = null

    const begin = () => {
      waiting = false
      if (stopped) return
      running = true
      const run = Promise.resolve()
        .then(job.run)
        .then(
          (next) => {
            if (next === 'more') again = true
            else if (next && next !== 'done') later(next.laterMs)
          },
          (err: unknown) => options.log(`${job.name} failed: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => {
          running = false
          runs.delete(run)
          if (again) {
            again = false
            // through the event loop (a timer), not straight on: a backlog worked off in one
            // unbroken chain of promises starves everything that waits for the loop's next turn,
            // such as the finalizers that free the SQLite driver's native memory (7,000
            // confirmations grew the process past 1 GB)
            setTimeout(request, 0)
          }
        })
      runs.add(run)
    }
    const request = () => {
      if (stopped || waiting) return
      if (running) {
        again = true
        return
      }
      waiting = true
      if (job.afterQuiet) quiet.whenQuiet(begin)
      else begin()
    }
    const later = (ms: number) => {
      if (delayed || stopped) return
      delayed = setTimeout(() => {
        delayed = null
        request()
      }, ms)
    }
    const fire = (afterMs?: number) => (afterMs ? later(afterMs) : request())

    for (const trigger of job.triggers) {
      if ('start' in trigger) fire(trigger.afterMs)
      else if ('everyMs' in trigger) {
        const timer = setInterval(request, trigger.everyMs)
        timer.unref()
        stops.push(() => clearInterval(timer))
      } else stops.push(trigger.on(() => fire(trigger.afterMs)))
    }
    stops.push(() => {
      if (delayed) clearTimeout(delayed)
      delayed = null
    })
  }

  return {
    async stop() {
      stopped = true
      for (const stop of stops.splice(0)) stop()
      while (runs.size) await Promise.all(runs)
    },
  }
}
