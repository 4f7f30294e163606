/**
 * The staff dashboard's seats overview: for each current or upcoming event (its last session is
 * today or later) the seats taken against its capacity, and how many children wait. Seats taken
 * are counted from the `seats` records, never stored. Admins see every event, coordinators the
 * events of their areas, other roles nothing.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { Lang } from '../i18n/messages'
import type { Id } from './ids'
import { eventsWhere, scopeOf, sessionDays, vietnamDay } from './staff'

export type SeatsRow = { id: Id; title: string; firstDay: string; lastDay: string; capacity: number; taken: number; waitlisted: number }

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
    select: { title: true, sessions: true, capacity: true },
  })
  const current = events.docs
    .map((e) => ({ e, days: sessionDays(e).sort() }))
    .filter(({ days }) => days.length && (days[days.length - 1] ?? '') >= today)
    .sort((a, b) => (a.days[0] ?? '').localeCompare(b.days[0] ?? ''))
    .slice(0, DASHBOARD_EVENTS)
  return Promise.all(
    current.map(async ({ e, days }) => {
      const [taken, waitlisted] = await Promise.all([
        payload.count({ collection: 'seats', where: { event: { equals: e.id } } }),
        payload.count({ collection: 'registrations', where: { and: [{ event: { equals: e.id } }, { status: { equals: 'waitlisted' } }] } }),
      ])
      return { id: e.id, title: e.title, firstDay: days[0] ?? '', lastDay: days[days.length - 1] ?? '', capacity: e.capacity, taken: taken.totalDocs, waitlisted: waitlisted.totalDocs }
    }),
  )
}
