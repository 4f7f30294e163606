/**
 * Outbox: every email the platform sends is first written to the `email-outbox` collection
 * (in the same transaction as whatever caused it, when a `req` is passed) and delivered later
 * by `deliverDueEmails`. SMTP being down loses nothing: a failed attempt is retried with a
 * growing delay, and after MAX_ATTEMPTS the message is marked failed for staff to see.
 *
 * Never twice: a message with a `dedupeKey` is stored once however often it is enqueued, and a
 * message is marked sent right after the server accepted it. Each message carries a stable
 * Message-ID derived from its outbox id, so even a crash between "accepted" and "marked sent"
 * gives the receiving server a duplicate it can recognise.
 */
import { EventEmitter } from 'node:events'
import type { Payload, PayloadRequest } from 'payload'

export const OUTBOX = 'email-outbox'
export const MAX_ATTEMPTS = 8
/** How long a claimed message stays claimed; a crashed delivery is retried after this. */
export const LEASE_MS = 5 * 60 * 1000

export type OutgoingEmail = {
  to: string
  subject: string
  html?: string
  text?: string
  from?: string
  replyTo?: string
  /** Same key, same message: enqueueing it again does nothing. */
  dedupeKey?: string
}

export type DeliveryReceipt = { messageId?: string; raw?: Buffer }
/** Sends one message for real (SMTP, or a file in development). Throws when it was not accepted. */
export type Deliver = (message: OutgoingEmail & { messageId: string }) => Promise<DeliveryReceipt>

const events = new EventEmitter()
export function onEmailQueued(listener: () => void): () => void {
  events.on('queued', listener)
  return () => events.off('queued', listener)
}

/** Delay before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most one hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60, 2 ** Math.max(0, failedAttempts - 1)) * 60 * 1000
}

export async function enqueueEmail(
  payload: Payload,
  email: OutgoingEmail,
  req?: Partial<PayloadRequest>,
): Promise<{ id: string | number; created: boolean }> {
  if (email.dedupeKey) {
    const existing = await payload.find({
      collection: OUTBOX,
      where: { dedupeKey: { equals: email.dedupeKey } },
      limit: 1,
      depth: 0,
      req,
    })
    const doc = existing.docs[0]
    if (doc) return { id: doc.id, created: false }
  }
  const doc = await payload.create({
    collection: OUTBOX,
    data: {
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      from: email.from,
      replyTo: email.replyTo,
      dedupeKey: email.dedupeKey,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: new Date().toISOString(),
    },
    req,
  })
  events.emit('queued')
  return { id: doc.id, created: true }
}

export function messageIdFor(id: string | number, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'localhost'
  return `<outbox-${id}@${domain}>`
}

let running: Promise<DeliveryStats> | null = null

export type DeliveryStats = { sent: number; retried: number; failed: number }

export type DeliveryOptions = {
  /** The time to judge what is due by (tests move it forward). */
  now?: Date
  limit?: number
  fromAddress?: string
  /** Keeps the raw message (file mode) and returns the name it was stored under. */
  onRaw?: (id: string | number, raw: Buffer) => Promise<string>
}

/**
 * Delivers every queued message that is due. One delivery run at a time per process: a call
 * made while one is running waits for it and returns its figures.
 */
export function deliverDueEmails(
  payload: Payload,
  deliver: Deliver,
  options: DeliveryOptions = {},
): Promise<DeliveryStats> {
  running ??= runDelivery(payload, deliver, options).finally(() => {
    running = null
  })
  return running
}

async function runDelivery(
  payload: Payload,
  deliver: Deliver,
  { now = new Date(), limit = 25, fromAddress = 'no-reply@localhost', onRaw }: DeliveryOptions,
): Promise<DeliveryStats> {
  const stats: DeliveryStats = { sent: 0, retried: 0, failed: 0 }
  const nowIso = now.toISOString()
  const due = await payload.find({
    collection: OUTBOX,
    where: {
      or: [
        { and: [{ status: { equals: 'queued' } }, { nextAttemptAt: { less_than_equal: nowIso } }] },
        { and: [{ status: { equals: 'sending' } }, { leaseUntil: { less_than: nowIso } }] },
      ],
    },
    sort: 'createdAt',
    limit,
    depth: 0,
    pagination: false,
  })
  for (const doc of due.docs) {
    const attempts = Number(doc.attempts ?? 0) + 1
    await payload.update({
      collection: OUTBOX,
      id: doc.id,
      data: { status: 'sending', attempts, leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() },
      depth: 0,
    })
    const messageId = messageIdFor(doc.id, fromAddress)
    try {
      const receipt = await deliver({
        to: doc.to,
        subject: doc.subject,
        html: doc.html ?? undefined,
        text: doc.text ?? undefined,
        from: doc.from ?? undefined,
        replyTo: doc.replyTo ?? undefined,
        messageId,
      })
      const emlFile = receipt.raw && onRaw ? await onRaw(doc.id, receipt.raw) : undefined
      await payload.update({
        collection: OUTBOX,
        id: doc.id,
        data: {
          status: 'sent',
          sentAt: new Date().toISOString(),
          messageId: receipt.messageId ?? messageId,
          emlFile,
          lastError: null,
          leaseUntil: null,
        },
        depth: 0,
      })
      stats.sent++
    } catch (err) {
      const failed = attempts >= MAX_ATTEMPTS
      await payload.update({
        collection: OUTBOX,
        id: doc.id,
        data: {
          status: failed ? 'failed' : 'queued',
          lastError: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
          leaseUntil: null,
        },
        depth: 0,
      })
      if (failed) stats.failed++
      else stats.retried++
    }
  }
  return stats
}
