/**
 * Seats (pretix calls the pool a quota): an event's capacity is a set of numbered seats,
 * 1..capacity, and a confirmed registration holds one seat record. Claiming a seat is an
 * insert that the database refuses when another registration already holds that number (unique
 * index on event + number), so two sign-ups racing for the last seat cannot both win, whatever
 * the adapter (SQLite, PostgreSQL, MongoDB) and however many server processes run.
 *
 * Seats left = capacity − seats held; it is counted, never stored.
 */
import type { Payload, Where } from 'payload'
import { isUniqueViolation } from './errors'
import { highestSeatFor } from './events'
import { asId, type Id } from './ids'

export async function seatNumbersTaken(payload: Payload, eventId: Id): Promise<Set<number>> {
  const res = await payload.find({
    collection: 'seats',
    where: { event: { equals: eventId } },
    select: { number: true },
    limit: 0,
    pagination: false,
    depth: 0,
  })
  return new Set(res.docs.map((d) => d.number))
}

export async function seatsLeft(payload: Payload, event: { id: Id; capacity: number }): Promise<number> {
  const taken = await payload.count({ collection: 'seats', where: { event: { equals: event.id } } })
  return Math.max(0, event.capacity - taken.totalDocs)
}

/**
 * Gives `registrationId` a free seat it may take, or returns null when none is left.
 * Seats 1..(capacity − reserved) are open to every child; the last `reserved` numbers are held
 * for children in priority groups, who take those first so that the open seats stay open.
 * A lost race for a number just moves on to the next free one.
 */
export async function claimSeat(
  payload: Payload,
  args: { eventId: Id; capacity: number; reserved: number; priority: boolean; registrationId: Id },
): Promise<number | null> {
  const open = highestSeatFor(args.capacity, args.reserved, false)
  const ranges: [number, number][] = args.priority ? [[open + 1, args.capacity], [1, open]] : [[1, open]]
  for (const [from, to] of ranges) {
    if (from > to) continue
    for (let attempt = 0; attempt <= to - from + 10; attempt++) {
      const free = await nextSeatNumber(payload, args.eventId, from, to)
      if (!free) break
      try {
        await payload.create({
          collection: 'seats',
          data: { event: asId(args.eventId), number: free, registration: asId(args.registrationId) },
          depth: 0,
          select: { number: true },
        })
        return free
      } catch (err) {
        if (!isUniqueViolation(err)) throw err
      }
    }
  }
  return null
}

/**
 * The seat number to try next in from..to, or 0 when every number there is taken. Normally the
 * one after the highest taken in the range: one small query, however many seats are held.
 * Numbers a cancellation freed are handed out again once the top is reached (a freed seat
 * usually goes to the waitlist at once anyway). The unique index decides when two claimers pick
 * the same number.
 */
async function nextSeatNumber(payload: Payload, eventId: Id, from: number, to: number): Promise<number> {
  const inRange: Where = { and: [{ event: { equals: eventId } }, { number: { greater_than_equal: from } }, { number: { less_than_equal: to } }] }
  const top = await payload.find({ collection: 'seats', where: inRange, sort: '-number', limit: 1, depth: 0, pagination: false, select: { number: true } })
  const max = top.docs[0]?.number ?? from - 1
  if (max < to) return max + 1
  const taken = await seatNumbersTaken(payload, eventId)
  for (let n = from; n <= to; n++) if (!taken.has(n)) return n
  return 0
}

/** The seat number a registration holds, or null. */
export async function seatOf(payload: Payload, registrationId: Id): Promise<number | null> {
  const res = await payload.find({ collection: 'seats', where: { registration: { equals: registrationId } }, limit: 1, depth: 0 })
  return res.docs[0]?.number ?? null
}

/** Frees the seat a registration holds; true when there was one. */
export async function releaseSeat(payload: Payload, registrationId: Id): Promise<boolean> {
  const res = await payload.delete({ collection: 'seats', where: { registration: { equals: registrationId } }, depth: 0 })
  return res.docs.length > 0
}
