/**
 * Notices about sign-ups, sent through the email outbox (never directly):
 *
 * - confirmation: once per submission, to the guardian (or teacher) who gave an email address;
 * - seat from the waitlist: once per promoted child;
 * - reminder: once per submission, `reminderDaysBefore` days before the first session.
 *
 * "Due" is read from the registrations themselves (confirmationQueuedAt, remindedAt), and each
 * email has a dedupe key, so running this again (after a crash, from two places at once) sends
 * nothing twice and forgets nothing. The server runs `runSignUpChores` every minute.
 */
import { processWideEmitter } from './process-wide'
import type { Payload, Where } from 'payload'
import type { Event, Registration } from '../payload-types'
import { env } from '../env'
import { signUpEmails, type NoticeChild, type NoticeEvent, type NoticeInput } from '../email/signup'
import { enqueueEmail, enqueueEmails, type OutgoingEmail } from './email/outbox'
import { firstSessionDay } from './eligibility'
import { finishPending, manageTokenFor, promoteWhereSeatsAreFree, seatedEvent, setRegistrationState, waitlistPosition } from './registrations'
import { type HeldSeat, seatsOf } from './seat-store'
import { updateMany } from './bulk'
import { idOf, type Id } from './ids'

/** A submission still being processed is left alone by the sweeper for this long. */
export const SETTLE_MS = 2 * 60 * 1000
/**
 * Confirmations are queued this long after a submission's last change, by the server (see
 * `onNoticesDue`), so that the sign-up answer never waits on composing email, and every child
 * of a submission is in its one confirmation.
 */
export const NOTICE_SETTLE_MS = 1_000

const notices = processWideEmitter('signup-notices')
/** Says that sign-ups were stored whose confirmations are now due to be queued. */
export function noticesDue(): void {
  notices.emit('due')
}
export function onNoticesDue(listener: () => void): () => void {
  notices.on('due', listener)
  return () => notices.off('due', listener)
}
const DAY_MS = 24 * 3600 * 1000

/** What the emails say of an event, in both languages. */
export async function noticeEvent(payload: Payload, eventId: Id): Promise<NoticeEvent> {
  const read = (locale: 'vi' | 'en') =>
    payload.findByID({ collection: 'events', id: eventId, depth: 0, locale, fallbackLocale: 'vi', select: { title: true, venue: true, sessions: true, organiser: true } })
  const [vi, en] = await Promise.all([read('vi'), read('en')])
  const first = [...(vi.sessions ?? [])].sort((a, b) => a.date.localeCompare(b.date))[0]
  return {
    title: { vi: vi.title, en: en.title },
    venue: { vi: vi.venue, en: en.venue },
    firstDay: firstSessionDay(vi.sessions),
    firstStart: first?.start ?? null,
    sessions: vi.sessions?.length ?? 0,
    organiser: vi.organiser,
  }
}

/** What an email says of one child; `seats` holds the seats of the registrations read for it (see `seatsOf`). */
async function noticeChild(payload: Payload, reg: Registration, seats: Map<string, HeldSeat>): Promise<NoticeChild | null> {
  if (reg.status !== 'confirmed' && reg.status !== 'waitlisted') return null
  if (!reg.idempotencyKey) return null
  const eventId = idOf(reg.event)
  return {
    reference: reg.reference,
    familyName: reg.child.familyName,
    givenName: reg.child.givenName,
    status: reg.status,
    seat: reg.status === 'confirmed' ? (seats.get(String(reg.id))?.number ?? null) : null,
    position: reg.status === 'waitlisted' ? await waitlistPosition(payload, eventId, reg) : null,
    manageToken: manageTokenFor(payload.secret, reg.idempotencyKey),
  }
}

async function noticeChildren(payload: Payload, regs: Registration[], seats: Map<string, HeldSeat>): Promise<NoticeChild[]> {
  return (await Promise.all(regs.map((r) => noticeChild(payload, r, seats)))).filter((c): c is NoticeChild => c !== null)
}

/** When each message with these keys was queued (keys never queued are absent). */
async function queuedAt(payload: Payload, dedupeKeys: string[]): Promise<Map<string, string>> {
  if (!dedupeKeys.length) return new Map()
  const res = await payload.find({ collection: 'email-outbox', where: { dedupeKey: { in: dedupeKeys } }, limit: 0, depth: 0, pagination: false, select: { dedupeKey: true, createdAt: true } })
  return new Map(res.docs.flatMap((d) => (d.dedupeKey ? [[d.dedupeKey, d.createdAt] as const] : [])))
}

function groupBySubmission(docs: Registration[]): Map<string, Registration[]> {
  const groups = new Map<string, Registration[]>()
  for (const doc of docs) {
    const key = doc.submissionId ?? `registration-${doc.id}`
    groups.set(key, [...(groups.get(key) ?? []), doc])
  }
  return groups
}

/** The email of this kind, or null for a family that gave no address (phone only: the result page showed the manage links). */
async function compose(kind: keyof typeof signUpEmails, input: Omit<NoticeInput, 'to'>, to: string | null | undefined): Promise<OutgoingEmail | null> {
  return to ? signUpEmails[kind](env().serverURL, { ...input, to }) : null
}

type EventNotice = { event: NoticeEvent; seats: Map<string, HeldSeat> }

/** Each event's texts and the seats its registrations here hold, read once for a run. */
async function eventsOf(payload: Payload, regs: Registration[]): Promise<Map<string, EventNotice>> {
  const byEvent = new Map<string, { id: Id; regs: Id[] }>()
  for (const reg of regs) {
    const eventId = idOf(reg.event)
    const entry = byEvent.get(String(eventId)) ?? { id: eventId, regs: [] }
    if (reg.status === 'confirmed') entry.regs.push(reg.id)
    byEvent.set(String(eventId), entry)
  }
  const out = new Map<string, EventNotice>()
  for (const [key, { id, regs: ids }] of byEvent) {
    const [event, seated] = await Promise.all([noticeEvent(payload, id), seatedEvent(payload, id)])
    out.set(key, { event, seats: await seatsOf(payload, seated, ids) })
  }
  return out
}

/**
 * Queues the confirmation and seat emails that are due. `scope` narrows the work to one
 * submission or one event (what the caller just changed); `settledBefore` leaves out
 * registrations changed after that time (the sweeper uses it to stay clear of work in progress).
 * A run reads what it needs for all its families at once (their registrations, seats, emails
 * already queued), queues the emails, then marks the registrations.
 */
export async function sendDueNotices(payload: Payload, scope: { submissionId?: string; eventId?: Id; settledBefore?: Date; limit?: number } = {}): Promise<number> {
  const and: Where[] = [{ status: { in: ['confirmed', 'waitlisted'] } }, { confirmationQueuedAt: { exists: false } }]
  if (scope.submissionId) and.push({ submissionId: { equals: scope.submissionId } })
  if (scope.eventId !== undefined) and.push({ event: { equals: scope.eventId } })
  if (scope.settledBefore) and.push({ updatedAt: { less_than: scope.settledBefore.toISOString() } })
  const due = await payload.find({ collection: 'registrations', where: { and }, sort: 'createdAt', limit: scope.limit ?? 500, depth: 0, pagination: false })
  const groups = groupBySubmission(due.docs)
  if (!groups.size) return 0
  const submissionIds = [...groups.keys()]
  const [siblings, confirmedAt] = await Promise.all([
    payload.find({ collection: 'registrations', where: { submissionId: { in: submissionIds } }, sort: 'createdAt', limit: 0, pagination: false, depth: 0 }),
    queuedAt(payload, submissionIds.map((id) => `signup:${id}`)),
  ])
  const allOf = groupBySubmission(siblings.docs)
  const events = await eventsOf(payload, [...due.docs, ...siblings.docs])
  const emails: (OutgoingEmail | null)[] = []
  for (const [submissionId, regs] of groups) {
    const first = regs[0]
    const notice = first && events.get(String(idOf(first.event)))
    if (!first || !notice) continue
    const { event, seats } = notice
    const guardian = { to: first.guardian.email, guardianName: first.guardian.name }
    const confirmationKey = `signup:${submissionId}`
    const confirmed = confirmedAt.get(confirmationKey)
    if (confirmed === undefined) {
      // The first email of this submission: every child of it that holds a seat or a place.
      const children = await noticeChildren(payload, allOf.get(submissionId) ?? [], seats)
      if (children.length) emails.push(await compose('confirmation', { ...guardian, event, children, dedupeKey: confirmationKey }, guardian.to))
    } else {
      for (const reg of regs) {
        const child = await noticeChild(payload, reg, seats)
        if (!child) continue
        if (reg.createdAt > confirmed) {
          // Stored after the submission's confirmation went out (a crash cut the submission short
          // and the family sent it again): this child gets a confirmation of its own.
          emails.push(await compose('confirmation', { ...guardian, event, children: [child], dedupeKey: `${confirmationKey}:${reg.id}` }, guardian.to))
        } else if (reg.status === 'confirmed' && reg.waitlistedAt) {
          // In the confirmation as waitlisted, and given a seat since.
          emails.push(await compose('promoted', { ...guardian, event, children: [child], dedupeKey: `seat:${reg.id}` }, guardian.to))
        }
        // Otherwise the confirmation already told the family (a crash came before it was marked).
      }
    }
  }
  await enqueueEmails(
    payload,
    emails.filter((e): e is OutgoingEmail => e !== null),
  )
  const at = new Date().toISOString()
  await updateMany(payload, 'registrations', [...groups.values()].flat().map((reg) => reg.id), { confirmationQueuedAt: at, updatedAt: at })
  return due.docs.length
}

/** Start of the first session's day in Vietnam (UTC+7), in ms. */
function firstDayStart(firstDay: string): number {
  return Date.parse(`${firstDay.slice(0, 10)}T00:00:00+07:00`)
}

/** Queues the reminders due at `now`: confirmed children of events starting within their reminder window. */
export async function sendDueReminders(payload: Payload, now = new Date()): Promise<number> {
  const events = await payload.find({ collection: 'events', where: { _status: { equals: 'published' } }, limit: 0, pagination: false, depth: 0 })
  const due = events.docs.filter((e: Event) => {
    const firstDay = firstSessionDay(e.sessions)
    if (!firstDay) return false
    const start = firstDayStart(firstDay)
    const days = e.reminderDaysBefore ?? 2
    return now.getTime() >= start - days * DAY_MS && now.getTime() < start + DAY_MS
  })
  let queued = 0
  for (const e of due) {
    const regs = await payload.find({
      collection: 'registrations',
      where: { and: [{ event: { equals: e.id } }, { status: { equals: 'confirmed' } }, { remindedAt: { exists: false } }] },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    if (!regs.docs.length) continue
    const [event, seats] = await Promise.all([noticeEvent(payload, e.id), seatsOf(payload, e, regs.docs.map((r) => r.id))])
    for (const [submissionId, group] of groupBySubmission(regs.docs)) {
      const first = group[0]
      if (!first) continue
      const children = await noticeChildren(payload, group, seats)
      const email = await compose('reminder', { guardianName: first.guardian.name, event, children, dedupeKey: `reminder:${submissionId}` }, first.guardian.email)
      if (email) await enqueueEmail(payload, email)
      const at = new Date().toISOString()
      for (const reg of group) await setRegistrationState(payload, reg.id, { remindedAt: at })
      queued += group.length
    }
  }
  return queued
}

/**
 * What the server does every minute: finish sign-ups a crash left half-done (pending), give
 * free seats to children still waiting for them (a seat freed by a path that did not move the
 * queue up, e.g. a migration), queue the notices nobody queued, and the reminders that have come due.
 */
export async function runSignUpChores(payload: Payload, now = new Date()): Promise<{ finished: number; promoted: number; notices: number; reminders: number }> {
  const settledBefore = new Date(now.getTime() - SETTLE_MS)
  const finished = await finishPending(payload, settledBefore)
  const promoted = await promoteWhereSeatsAreFree(payload)
  const notices = await sendDueNotices(payload, { settledBefore })
  const reminders = await sendDueReminders(payload, now)
  return { finished, promoted, notices, reminders }
}
