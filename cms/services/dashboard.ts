/**
 * The staff dashboard's seats overview: for each current or upcoming event (its last session is
 * today or later) the seats taken against its capacity, how many children wait, and how many
 * priority seats the coordinator has still to verify. Seats taken are counted from the claims of
 * the capacity engine, never stored. Admins see every event, coordinators the
 * events of their areas, other roles nothing.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { Lang } from '../i18n/messages'
import type { Id } from './ids'
import { seatsOfEvent } from './seat-store'
import { eventsWhere, scopeOf, sessionDays, vietnamDay } from './staff'

export type SeatsRow = { id: Id; title: string; firstDay: string; lastDay: string; capacity: number; taken: number; waitlisted: number; toVerify: number }

/** At most this many events, the soonest first. */
export const DASHBOARD_EVENTS = 12

/** The rows, or null when the user has no events to see (the chart is not shown at all). */
export async function seatsOverview(payload: Payload, req: PayloadRequest, lang: Lang, now = new Date()): Promise<SeatsRow[] | null> {
  const scope = await scopeOf(req)
  if (!scope) return null
  const today = vietnamDay(now)
  const events = await payload.find({
    collection: 'events',
    where: eventsWhere(scope),
    limit: 0,
    pagination: false,
    depth: 0,
    locale: lang,
    select: { title: true, sessions: true, capacity: true, reservedSeats: true },
  })
  const current = events.docs
    .map((e) => ({ e, days: sessionDays(e).sort() }))
    .filter(({ days }) => days.length && (days[days.length - 1] ?? '') >= today)
    .sort((a, b) => (a.days[0] ?? '').localeCompare(b.days[0] ?? ''))
    .slice(0, DASHBOARD_EVENTS)
  return Promise.all(
    current.map(async ({ e, days }) => {
      const [seats, waitlisted, verified] = await Promise.all([
        seatsOfEvent(payload, e),
        payload.count({ collection: 'registrations', where: { and: [{ event: { equals: e.id } }, { status: { equals: 'waitlisted' } }] } }),
        payload.find({ collection: 'registrations', where: { and: [{ event: { equals: e.id } }, { 'priorityCheck.verifiedAt': { exists: true } }] }, limit: 0, pagination: false, depth: 0, select: {} }),
      ])
      const verifiedIds = new Set(verified.docs.map((d) => String(d.id)))
      const toVerify = [...seats].filter(([id, seat]) => seat.reserved && !verifiedIds.has(id)).length
      return { id: e.id, title: e.title, firstDay: days[0] ?? '', lastDay: days[days.length - 1] ?? '', capacity: e.capacity, taken: seats.size, waitlisted: waitlisted.totalDocs, toVerify }
    }),
  )
}
