/**
 * Seats (pretix calls the pool a quota): an event's capacity is a set of numbered seats,
 * 1..capacity, and a confirmed registration holds one seat record. Claiming a seat is an
 * insert that the database refuses when another registration already holds that number (unique
 * index on event + number), so two sign-ups racing for the last seat cannot both win, whatever
 * the adapter (SQLite, PostgreSQL, MongoDB) and however many server processes run.
 *
 * Seats left = capacity − seats held; it is counted, never stored.
 */
import { ValidationError, type Payload } from 'payload'
import { causeChain } from './errors'
import { highestSeatFor } from './events'
import { asId, type Id } from './ids'


/** True when the error says a unique index refused the write. */
export function isUniqueViolation(err: unknown): boolean {
  for (const e of causeChain(err)) {
    if (e instanceof ValidationError) return true
    const code = 'code' in e ? String(e.code) : ''
    const message = 'message' in e ? String(e.message) : ''
    if (code === '23505' || code === '11000' || code.startsWith('SQLITE_CONSTRAINT')) return true
    if (/UNIQUE constraint failed|duplicate key|E11000/i.test(message)) return true
  }
  return false
}

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
 * Gives `registrationId` the lowest free seat it may take, or returns null when none is left.
 * A lost race for a number just moves on to the next free one.
 */
export async function claimSeat(
  payload: Payload,
  args: { eventId: Id; capacity: number; reserved: number; priority: boolean; registrationId: Id },
): Promise<number | null> {
  const highest = highestSeatFor(args.capacity, args.reserved, args.priority)
  for (let attempt = 0; attempt <= highest + 10; attempt++) {
    const taken = await seatNumbersTaken(payload, args.eventId)
    let free = 0
    for (let n = 1; n <= highest; n++) {
      if (!taken.has(n)) {
        free = n
        break
      }
    }
    if (!free) return null
    try {
      await payload.create({
        collection: 'seats',
        data: { event: asId(args.eventId), number: free, registration: asId(args.registrationId) },
        depth: 0,
      })
      return free
    } catch (err) {
      if (!isUniqueViolation(err)) throw err
    }
  }
  return null
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
