/**
 * Check-in: recording that a child came to one session of an event. Sessions are numbered from
 * 1 in the order of the event's schedule. A child has at most one attendance row per session,
 * so checking in twice (a double tap, two staff at the gate) changes nothing, and check-ins of
 * one child are written one after another, so none is lost. Only a child who
 * holds a seat can be checked in — confirmed, already attended, or marked no-show earlier — and
 * the first attendance turns the registration's status into `attended`.
 *
 * The confirmation email carries a QR code of `checkInUrl(reference)`: the phone's camera opens
 * the admin's check-in page for that child.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { Lang } from '../i18n/messages'
import type { Event, Registration } from '../payload-types'
import { audit, changeOf } from './audit'
import { ageOn } from './eligibility'
import { idOf, type Id } from './ids'
import { oneChangeAtATime } from './registrations'
import { StaffError, eventsWhere, type StaffMessage, scopeOf, scopedEvent, scopedRegistration, sessionDays, vietnamDay } from './staff'

/** The address a registration's QR code encodes. */
export function checkInUrl(serverURL: string, reference: string): string {
  return `${serverURL.replace(/\/$/, '')}/admin/check-in?ref=${encodeURIComponent(reference)}`
}

/** References are 10 uppercase hex digits (cms/services/registrations.ts). */
export function normaliseReference(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const ref = value.trim().toUpperCase()
  return /^[0-9A-F]{10}$/.test(ref) ? ref : null
}

/** Why a registration cannot be checked in, or null when it can. */
export function checkInRefusal(status: Registration['status']): StaffMessage | null {
  if (status === 'cancelled') return 'checkInCancelled'
  if (status === 'waitlisted') return 'checkInWaitlisted'
  if (status === 'pending') return 'checkInPending'
  return null
}

/** The session held on `day` (1-based), or null. */
export function sessionOn(event: Pick<Event, 'sessions'>, day: string): number | null {
  const index = sessionDays(event).indexOf(day)
  return index < 0 ? null : index + 1
}

export const sessionsAttended = (reg: Pick<Registration, 'attendance'>): number[] =>
  [...new Set((reg.attendance ?? []).map((a) => a.session))].sort((a, b) => a - b)

/** Given name and family initial, as a child is shown at the gate: "Lan N.". */
export function shortName(child: Pick<Registration['child'], 'givenName' | 'familyName'>): string {
  const initial = child.familyName.trim().charAt(0).toLocaleUpperCase('vi')
  return initial ? `${child.givenName} ${initial}.` : child.givenName
}

export type CheckInResult = { recorded: boolean; session: number; status: Registration['status']; sessionsAttended: number[] }

/**
 * Records that the child came to `session` (today's session when not given). Idempotent: the
 * same session twice leaves one row. Refuses seatless registrations with a translated reason.
 */
export function recordAttendance(
  payload: Payload,
  req: PayloadRequest,
  args: { registrationId: Id; session?: number | null; now?: Date },
): Promise<CheckInResult> {
  // Two staff at two gates (or a past session entered while today's is scanned) write the same
  // child's list: one after the other, so neither is lost.
  return oneChangeAtATime(args.registrationId, () => recordAttendanceNow(payload, req, args))
}

async function recordAttendanceNow(
  payload: Payload,
  req: PayloadRequest,
  args: { registrationId: Id; session?: number | null; now?: Date },
): Promise<CheckInResult> {
  const now = args.now ?? new Date()
  const { registration, event } = await scopedRegistration(payload, req, args.registrationId)
  const refusal = checkInRefusal(registration.status)
  if (refusal) throw new StaffError(refusal, 409)
  const count = sessionDays(event).length
  const session = args.session ?? sessionOn(event, vietnamDay(now))
  if (session == null) throw new StaffError('noSessionToday', 400)
  if (!Number.isInteger(session) || session < 1 || session > count) throw new StaffError('sessionInvalid', 400, { session, count })

  const attendance = (registration.attendance ?? []).map((a) => ({ session: a.session, at: a.at, by: idOf(a.by) as number | null }))
  const recorded = !attendance.some((a) => a.session === session)
  let status = registration.status
  if (recorded) {
    attendance.push({ session, at: now.toISOString(), by: req.user ? (req.user.id as number) : null })
    attendance.sort((a, b) => a.session - b.session)
    status = 'attended'
    await payload.update({ collection: 'registrations', id: registration.id, depth: 0, data: { attendance, status } })
  }
  await audit(
    payload,
    {
      action: 'check-in',
      resource: 'registrations',
      event: event.id,
      documentIds: [registration.id],
      summary: `${registration.reference}: session ${session}${recorded ? '' : ' (already recorded)'}`,
      ...changeOf(registration, { ...registration, attendance, status }),
    },
    req,
  )
  return { recorded, session, status, sessionsAttended: [...new Set(attendance.map((a) => a.session))].sort((a, b) => a - b) }
}

/**
 * A child who holds a seat and came to no session is marked a no-show (after the event, for the
 * report and to free thinking about next time). Idempotent; refused for anyone else.
 */
export function markNoShow(payload: Payload, req: PayloadRequest, registrationId: Id): Promise<{ marked: boolean }> {
  return oneChangeAtATime(registrationId, async () => {
    const { registration, event } = await scopedRegistration(payload, req, registrationId)
    if (registration.status === 'no-show') return { marked: false }
    if (registration.status !== 'confirmed' || (registration.attendance ?? []).length) throw new StaffError('noShowRefused', 409)
    await payload.update({ collection: 'registrations', id: registration.id, depth: 0, data: { status: 'no-show' } })
    await audit(payload, { action: 'update', resource: 'registrations', event: event.id, documentIds: [registration.id], summary: `no-show ${registration.reference}`, ...changeOf(registration, { ...registration, status: 'no-show' }) }, req)
    return { marked: true }
  })
}

/** What the gate shows about a child: no more than needed to recognise them. */
export type CheckInCard = {
  id: Id
  reference: string
  name: string
  /** Today. */
  age: number
  status: Registration['status']
  sessionsAttended: number[]
  event: { id: Id; title: string; sessions: string[]; today: number | null }
}

function card(reg: Registration, event: Event, now: Date): CheckInCard {
  return {
    id: reg.id,
    reference: reg.reference,
    name: shortName(reg.child),
    age: ageOn(reg.child.birthDate, vietnamDay(now)),
    status: reg.status,
    sessionsAttended: sessionsAttended(reg),
    event: { id: event.id, title: event.title, sessions: sessionDays(event), today: sessionOn(event, vietnamDay(now)) },
  }
}

/** The child behind a QR code, for a user who may work on its event (logged as a read). */
export async function lookupReference(payload: Payload, req: PayloadRequest, reference: string, lang: Lang, now = new Date()): Promise<CheckInCard> {
  const ref = normaliseReference(reference)
  const found = ref ? await payload.find({ collection: 'registrations', where: { reference: { equals: ref } }, limit: 1, depth: 0 }) : null
  const reg = found?.docs[0]
  if (!reg) throw new StaffError('registrationNotFound', 404)
  const event = await scopedEvent(payload, req, idOf(reg.event) ?? 0, lang)
  await audit(payload, { action: 'read-one', resource: 'registrations', event: event.id, documentIds: [reg.id], summary: `check-in lookup ${reg.reference}` }, req)
  return card(reg, event, now)
}

/** The children who hold a seat at an event, for ticking off at the gate (logged as a read). */
export async function checkInList(payload: Payload, req: PayloadRequest, eventId: Id, lang: Lang, now = new Date()): Promise<{ event: CheckInCard['event']; children: CheckInCard[] }> {
  const event = await scopedEvent(payload, req, eventId, lang)
  const regs = await payload.find({
    collection: 'registrations',
    where: { and: [{ event: { equals: event.id } }, { status: { in: ['confirmed', 'attended', 'no-show'] } }] },
    limit: 0,
    pagination: false,
    depth: 0,
  })
  const children = regs.docs.map((r) => card(r, event, now)).sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  if (children.length) {
    await audit(payload, { action: 'read-list', resource: 'registrations', event: event.id, documentIds: children.map((c) => c.id), summary: 'check-in list' }, req)
  }
  return { event: { id: event.id, title: event.title, sessions: sessionDays(event), today: sessionOn(event, vietnamDay(now)) }, children }
}

/** The events a user may check children in for: those whose last session is today or later. */
export async function checkInEvents(payload: Payload, req: PayloadRequest, lang: Lang, now = new Date()): Promise<{ id: Id; title: string; days: string[] }[]> {
  const scope = await scopeOf(req)
  if (!scope) return []
  const today = vietnamDay(now)
  const events = await payload.find({ collection: 'events', where: eventsWhere(scope), limit: 0, pagination: false, depth: 0, locale: lang, select: { title: true, sessions: true } })
  return events.docs
    .map((e) => ({ id: e.id, title: e.title, days: sessionDays(e) }))
    .filter((e) => e.days.length && (e.days[e.days.length - 1] ?? '') >= today)
    .sort((a, b) => (a.days[0] ?? '').localeCompare(b.days[0] ?? ''))
}
