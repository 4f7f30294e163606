/**
 * Everything the server does besides answering requests, in one table: mail delivery, sign-up
 * notices, donor emails, password-reset work, the sign-up chores and Payload's jobs (scheduled publishing).
 * `startBackground` starts them once Payload is ready; `stop()` ends every trigger and waits for
 * the runs under way. Jobs marked `afterQuiet` wait while requests are being answered (the
 * server's QuietGate, at most 30 s): a rush of sign-ups only delays mail. See ./jobs for the
 * runner (one run of a job at a time, failures logged and retried on the next trigger).
 */
import type { Payload } from 'payload'
import { deliverOutbox, purgeOutbox } from '../email/adapter'
import type { AppEnv } from '../env'
import { filledBatch, onEmailQueued, resumeOutbox } from './email/outbox'
import { describeTrigger, type Job, type Quiet, type Runner, startJobs } from './jobs'
import { onDonationsDue, runDonationNotices } from './donation-notices'
import { NOTICE_SETTLE_MS, onNoticesDue, runSignUpChores, sendDueNotices } from './signup-notices'
import { onPasswordResetDue } from './staff-login'

export type { Quiet } from './jobs'

/** Registrations whose notices one run queues; the next batch waits for quiet again. */
export const NOTICE_BATCH = 50
/** Payload's job queue run every minute (scheduled publishing), and how many jobs one run takes. */
export const JOBS_QUEUE = { queue: 'default', limit: 10 } as const

export type BackgroundOptions = { quiet?: Quiet; log?: (message: string) => void }

function backgroundJobs(payload: Payload, appEnv: AppEnv, log: (message: string) => void): Job[] {
  let lastSignUpAt = 0
  const resets: (() => Promise<void>)[] = []
  return [
    {
      name: 'email delivery',
      // right after something is queued, every 15 s for retries; a full batch runs again at once
      triggers: [{ start: true }, { on: onEmailQueued, afterMs: 100 }, { everyMs: 15_000 }],
      afterQuiet: true,
      run: async () => (filledBatch(await deliverOutbox(payload, appEnv)) ? 'more' : 'done'),
    },
    {
      name: 'queuing sign-up notices',
      // a moment after the sign-up, once the submission has settled (every child in one email)
      triggers: [
        { start: true, afterMs: NOTICE_SETTLE_MS + 200 }, // what a previous process stored and did not confirm
        {
          on: (fire) =>
            onNoticesDue(() => {
              lastSignUpAt = Date.now()
              fire()
            }),
          afterMs: NOTICE_SETTLE_MS + 200,
        },
      ],
      afterQuiet: true,
      run: async () => {
        const settledBefore = new Date(Date.now() - NOTICE_SETTLE_MS)
        const queued = await sendDueNotices(payload, { settledBefore, limit: NOTICE_BATCH })
        if (queued >= NOTICE_BATCH) return 'more'
        // sign-ups too fresh for this run
        return lastSignUpAt >= settledBefore.getTime() ? { laterMs: NOTICE_SETTLE_MS + 200 } : 'done'
      },
    },
    {
      name: 'donor emails',
      // pledge confirmations and thank-you receipts, a moment after the pledge or receipt; every
      // minute and at start for what a crash left unqueued
      triggers: [{ start: true }, { on: onDonationsDue, afterMs: 200 }, { everyMs: 60_000 }],
      afterQuiet: true,
      run: async () => ((await runDonationNotices(payload)).more ? 'more' : 'done'),
    },
    {
      name: 'password resets',
      // the token and email of a forgot-password request, once its answer has gone
      triggers: [
        {
          on: (fire) =>
            onPasswordResetDue((work) => {
              resets.push(work)
              fire()
            }),
        },
      ],
      afterQuiet: true,
      run: async () => {
        for (let work = resets.shift(); work; work = resets.shift()) await work()
      },
    },
    {
      name: 'sign-up chores',
      // half-done sign-ups finished, notices nobody queued, reminders; delivered emails lose
      // their bodies (and the families' links) after the retention period
      triggers: [{ start: true }, { everyMs: 60_000 }],
      afterQuiet: false,
      run: async () => {
        const done = await runSignUpChores(payload)
        if (done.finished || done.notices || done.reminders || done.promoted) log(`sign-up chores: ${done.finished} finished, ${done.notices} notices, ${done.reminders} reminders, ${done.promoted} promoted`)
        const purged = await purgeOutbox(payload, appEnv)
        if (purged) log(`email outbox: ${purged} delivered messages emptied after ${appEnv.mail.retentionDays} days`)
      },
    },
    {
      name: 'scheduled publishing',
      // Payload's job queue (publish / unpublish at a chosen time)
      triggers: [{ everyMs: 60_000 }],
      afterQuiet: false,
      run: async () => {
        await payload.jobs.run(JOBS_QUEUE)
      },
    },
  ]
}

/** The jobs as a table (name, triggers, waits for quiet), for the start-up log and tests. */
export function backgroundTable(jobs: readonly Job[]): string[] {
  return jobs.map((job) => `${job.name}: ${job.triggers.map(describeTrigger).join(', ')}${job.afterQuiet ? ', after quiet' : ''}`)
}

/**
 * Starts the background work of a server process once Payload is ready: first the outbox is
 * resumed (what a crashed process was sending is queued again, waiting retries are due at once),
 * then every job's triggers. One server process per database (see the README).
 */
export async function startBackground(payload: Payload, appEnv: AppEnv, options: BackgroundOptions = {}): Promise<Runner & { jobs: string[] }> {
  const log = options.log ?? ((message: string) => payload.logger.info(message))
  const resumed = await resumeOutbox(payload)
  if (resumed) log(`email outbox: ${resumed} messages due again after the restart`)
  const jobs = backgroundJobs(payload, appEnv, log)
  return { ...startJobs(jobs, { quiet: options.quiet, log }), jobs: backgroundTable(jobs) }
}
