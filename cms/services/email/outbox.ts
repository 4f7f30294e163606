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
import { processWideEmitter } from '../process-wide'
import type { Payload, PayloadRequest, Where } from 'payload'
import type { EmailOutbox } from '../../payload-types'
import { updateMany } from '../bulk'
import { isUniqueViolation } from '../errors'

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
  /** Inline images referenced from the HTML as `cid:…` (e.g. a check-in QR code). */
  attachments?: EmailAttachment[]
}

/** An attachment: inline (an image the HTML shows as `cid:…`) when it has a cid, else a file to open (a PDF receipt). */
export type EmailAttachment = { filename: string; contentType: string; cid?: string; /** base64 */ content: string }

function attachmentsOf(value: unknown): EmailAttachment[] | undefined {
  if (!Array.isArray(value)) return undefined
  const out = value.filter(
    (a): a is EmailAttachment =>
      typeof a === 'object' &&
      a !== null &&
      ['filename', 'contentType', 'content'].every((k) => typeof (a as Record<string, unknown>)[k] === 'string') &&
      ['string', 'undefined'].includes(typeof (a as Record<string, unknown>).cid),
  )
  return out.length ? out : undefined
}

export type DeliveryReceipt = { messageId?: string; raw?: Buffer }
/** Sends one message for real (SMTP, or a file in development). Throws when it was not accepted. */
export type Deliver = (message: OutgoingEmail & { messageId: string }) => Promise<DeliveryReceipt>

const events = processWideEmitter('email-outbox')
export function onEmailQueued(listener: () => void): () => void {
  events.on('queued', listener)
  return () => events.off('queued', listener)
}

/** Delay before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most one hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60, 2 ** Math.max(0, failedAttempts - 1)) * 60 * 1000
}

/** The stored rows of an email, as Payload would write them (the outbox has no hooks to run). */
function outboxRow(email: OutgoingEmail) {
  const now = new Date().toISOString()
  return {
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    from: email.from,
    replyTo: email.replyTo,
    dedupeKey: email.dedupeKey,
    attachments: email.attachments,
    status: 'queued' as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }
}

/** The ids of the messages already stored under these dedupe keys. */
async function storedKeys(payload: Payload, keys: string[], req?: Partial<PayloadRequest>): Promise<Map<string, string | number>> {
  if (!keys.length) return new Map()
  const found = await payload.find({ collection: OUTBOX, where: { dedupeKey: { in: keys } }, limit: 0, depth: 0, pagination: false, select: { dedupeKey: true }, req })
  return new Map(found.docs.flatMap((d) => (d.dedupeKey ? [[d.dedupeKey, d.id] as const] : [])))
}

/**
 * Stores one message (written straight through the adapter). A message with a dedupe key is
 * written without reading anything back (`id: null`: the caller finds it by its key); one
 * without is read back for its id. A concurrent enqueue of the same key may win: then the
 * winner's id.
 */
async function insert(payload: Payload, email: OutgoingEmail, req?: Partial<PayloadRequest>): Promise<{ id: string | number | null; created: boolean }> {
  try {
    if (email.dedupeKey) {
      await payload.db.create({ collection: OUTBOX, data: outboxRow(email), req, returning: false })
      return { id: null, created: true }
    }
    const doc = await payload.db.create({ collection: OUTBOX, data: outboxRow(email), req, select: { id: true } })
    return { id: doc.id, created: true }
  } catch (err) {
    // A concurrent enqueue of the same message won the unique dedupeKey.
    const winner = isUniqueViolation(err) && !req?.transactionID && email.dedupeKey ? (await storedKeys(payload, [email.dedupeKey])).get(email.dedupeKey) : undefined
    if (winner === undefined) throw err
    return { id: winner, created: false }
  }
}

export async function enqueueEmail(
  payload: Payload,
  email: OutgoingEmail,
  req?: Partial<PayloadRequest>,
): Promise<{ id: string | number; created: boolean }> {
  return (await enqueueEmails(payload, [email], req))[0] ?? { id: 0, created: false }
}

/**
 * Queues several messages: one read for the dedupe keys already stored, then one write per new
 * message. A message whose key is stored (or repeated in the list) is not stored again.
 */
export async function enqueueEmails(payload: Payload, emails: OutgoingEmail[], req?: Partial<PayloadRequest>): Promise<{ id: string | number; created: boolean }[]> {
  const known = await storedKeys(payload, emails.flatMap((e) => (e.dedupeKey ? [e.dedupeKey] : [])), req)
  // null: written by this call, its id read below
  const seen = new Map<string, string | number | null>(known)
  const out: { key?: string; id: string | number | null; created: boolean }[] = []
  for (const email of emails) {
    const key = email.dedupeKey
    if (key !== undefined && seen.has(key)) {
      out.push({ key, id: seen.get(key) ?? null, created: false })
      continue
    }
    const stored = await insert(payload, email, req)
    if (key !== undefined) seen.set(key, stored.id)
    out.push({ ...stored, key })
  }
  // the ids of the keyed messages just written, in one read
  const written = await storedKeys(payload, out.flatMap((r) => (r.id === null && r.key ? [r.key] : [])), req)
  if (out.some((r) => r.created)) events.emit('queued')
  return out.map(({ key, id, created }) => ({ id: id ?? written.get(key ?? '') ?? 0, created }))
}

export function messageIdFor(id: string | number, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'localhost'
  return `<outbox-${id}@${domain}>`
}

/**
 * After a restart: a message a crashed process was sending is queued again, and messages
 * waiting out a retry delay are due at once (a restart is often what fixed the mail settings).
 * The outbox is delivered by one server process at a time, so nothing else is sending them.
 */
export async function resumeOutbox(payload: Payload, now = new Date()): Promise<number> {
  const nowIso = now.toISOString()
  const res = await payload.update({
    collection: OUTBOX,
    where: { or: [{ status: { equals: 'sending' } }, { and: [{ status: { equals: 'queued' } }, { nextAttemptAt: { greater_than: nowIso } }] }] },
    data: { status: 'queued', nextAttemptAt: nowIso, leaseUntil: null },
    depth: 0,
  })
  return res.docs.length
}

let running: Promise<DeliveryStats> | null = null

export type DeliveryStats = { sent: number; retried: number; failed: number }

/** Messages one delivery run takes from the outbox. */
export const DELIVERY_BATCH = 50

/** A run that handled a whole batch may have left more due behind it; one that did not emptied what was due. */
export const filledBatch = (stats: DeliveryStats): boolean => stats.sent + stats.retried + stats.failed >= DELIVERY_BATCH

export type DeliveryOptions = {
  /** The time to judge what is due by (tests move it forward). */
  now?: Date
  limit?: number
  /** Messages handed to the transport at the same time (default one after another). */
  concurrency?: number
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

type OutboxState = Partial<Pick<EmailOutbox, 'status' | 'attempts' | 'leaseUntil' | 'sentAt' | 'messageId' | 'emlFile' | 'lastError' | 'nextAttemptAt'>>

/** The delivery bookkeeping of one message, written straight through the adapter (the outbox has no hooks). */
async function setOutboxState(payload: Payload, id: string | number, state: OutboxState): Promise<void> {
  await payload.db.updateOne({ collection: OUTBOX, id, data: { ...state, updatedAt: new Date().toISOString() }, returning: false })
}

async function runDelivery(
  payload: Payload,
  deliver: Deliver,
  { now = new Date(), limit = DELIVERY_BATCH, concurrency = 1, fromAddress = 'no-reply@localhost', onRaw }: DeliveryOptions,
): Promise<DeliveryStats> {
  const stats: DeliveryStats = { sent: 0, retried: 0, failed: 0 }
  const nowIso = now.toISOString()
  // Oldest first, by id (the order they were stored in): the id index gives that order without
  // sorting the queued rows, bodies and all, on every run. Messages whose sender crashed
  // (lease run out) come before the queue.
  const due = (where: Where, n: number) =>
    n > 0 ? payload.find({ collection: OUTBOX, where, sort: 'id', limit: n, depth: 0, pagination: false }).then((r) => r.docs) : Promise.resolve([])
  const stale = await due({ and: [{ status: { equals: 'sending' } }, { leaseUntil: { less_than: nowIso } }] }, limit)
  const queued = await due({ and: [{ status: { equals: 'queued' } }, { nextAttemptAt: { less_than_equal: nowIso } }] }, limit - stale.length)
  const batch = [...stale, ...queued]
  const attemptOf = (doc: EmailOutbox) => Number(doc.attempts ?? 0) + 1
  // The batch is claimed (leased, the attempt counted) before anything is sent: one write per
  // attempt number (nearly always one write).
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString()
  for (const attempts of new Set(batch.map(attemptOf))) {
    const ids = batch.filter((doc) => attemptOf(doc) === attempts).map((doc) => doc.id)
    await updateMany(payload, OUTBOX, ids, { status: 'sending', attempts, leaseUntil, updatedAt: new Date().toISOString() })
  }
  const deliverOne = async (doc: EmailOutbox) => {
    const attempts = attemptOf(doc)
    const messageId = messageIdFor(doc.id, fromAddress)
    try {
      const receipt = await deliver({
        to: doc.to,
        subject: doc.subject,
        html: doc.html ?? undefined,
        text: doc.text ?? undefined,
        from: doc.from ?? undefined,
        replyTo: doc.replyTo ?? undefined,
        attachments: attachmentsOf(doc.attachments),
        messageId,
      })
      const emlFile = receipt.raw && onRaw ? await onRaw(doc.id, receipt.raw) : undefined
      await setOutboxState(payload, doc.id, {
        status: 'sent',
        sentAt: new Date().toISOString(),
        messageId: receipt.messageId ?? messageId,
        emlFile,
        lastError: null,
        leaseUntil: null,
      })
      stats.sent++
    } catch (err) {
      const failed = attempts >= MAX_ATTEMPTS
      await setOutboxState(payload, doc.id, {
        status: failed ? 'failed' : 'queued',
        lastError: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        leaseUntil: null,
      })
      if (failed) stats.failed++
      else stats.retried++
    }
  }
  // `concurrency` senders share the batch, each taking the next message when its last is done.
  const waiting = [...batch]
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, waiting.length)) }, async () => {
      for (let doc = waiting.shift(); doc; doc = waiting.shift()) await deliverOne(doc)
    }),
  )
  return stats
}

const DAY_MS = 24 * 3600 * 1000

/**
 * Emails about children carry their names and the families' private manage links. Once a
 * message is delivered (or has failed for good) and the retention period has passed, its body
 * goes: the HTML, the text, the attachments (QR codes) and the stored .eml copy (through
 * `dropFile`); what stays is who it went to, the subject and when, for the record. Returns how
 * many were emptied; run it again until it returns less than `limit`.
 */
export async function purgeDeliveredBodies(
  payload: Payload,
  options: { retentionDays: number; now?: Date; limit?: number; dropFile?: (emlFile: string) => Promise<void> },
): Promise<number> {
  const now = options.now ?? new Date()
  const cutoff = new Date(now.getTime() - options.retentionDays * DAY_MS).toISOString()
  const due = await payload.find({
    collection: OUTBOX,
    where: {
      and: [
        { purgedAt: { exists: false } },
        { or: [{ and: [{ status: { equals: 'sent' } }, { sentAt: { less_than: cutoff } }] }, { and: [{ status: { equals: 'failed' } }, { updatedAt: { less_than: cutoff } }] }] },
      ],
    },
    limit: options.limit ?? 200,
    depth: 0,
    pagination: false,
    select: { emlFile: true },
  })
  for (const doc of due.docs) {
    if (doc.emlFile && options.dropFile) await options.dropFile(doc.emlFile)
    await payload.db.updateOne({
      collection: OUTBOX,
      id: doc.id,
      data: { html: null, text: null, attachments: null, emlFile: null, purgedAt: now.toISOString(), updatedAt: now.toISOString() },
      returning: false,
    })
  }
  return due.docs.length
}
