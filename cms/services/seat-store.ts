/**
 * The store an event's seats are kept in on this database: the SQLite lane on the embedded
 * database (cms/services/signup-sqlite.ts), the Local API everywhere else
 * (cms/services/capacity-store.ts + registration-ops.ts). Both run the same programs of
 * cms/services/capacity.ts.
 */
import type { Payload } from 'payload'
import { unitsLeft, type AsyncOps, type CapacityOps, type CapacityStore } from './capacity'
import { localStore, localUnitOps } from './capacity-store'
import type { Id } from './ids'
import { localRegistrationOps, type NewRegistration } from './registration-ops'
import { claimantOf, isReservedSeat, registrationOfClaimant, seatNumber, seatPoolKeys, seatPools, seatRules, type SeatedEvent, type SeatRules } from './seats'
import { signUpLaneOf } from './signup-sqlite'
import { defaultWrites, type Writes } from './sql-rows'

/** The Local API store of an event's seats (on any database); `adapt` may wrap its steps. */
export function localSeatStore(
  payload: Payload,
  rules: SeatRules,
  adapt: (ops: AsyncOps<CapacityOps<NewRegistration>>) => AsyncOps<CapacityOps<NewRegistration>> = (ops) => ops,
  writes: Writes = defaultWrites(payload),
): CapacityStore {
  return localStore(adapt({ ...localUnitOps(payload), ...localRegistrationOps(payload, rules, writes) }))
}

type StoreMaker = (rules: SeatRules) => CapacityStore
const chosen = new WeakMap<Payload, StoreMaker>()

/**
 * Puts every seat of this Payload through another store (null: back to the default). The
 * conformance suite runs the same scenarios through each store this way; an operator could use it
 * to leave the SQLite lane aside.
 */
export function chooseSeatStore(payload: Payload, make: StoreMaker | null): void {
  if (make) chosen.set(payload, make)
  else chosen.delete(payload)
}

/** The store of an event's seats on this database. */
export function seatStore(payload: Payload, rules: SeatRules): CapacityStore {
  const make = chosen.get(payload)
  if (make) return make(rules)
  return signUpLaneOf(payload)?.store(rules) ?? localSeatStore(payload, rules)
}

// Reads below go through the Local API on every database: only allocation needs the lane.

/** The seat a registration holds (its number and whether it is a reserved one), or null. */
export async function seatOf(payload: Payload, event: SeatedEvent, registrationId: Id): Promise<HeldSeat | null> {
  const res = await payload.find({ collection: 'claims', where: { claimant: { equals: claimantOf(registrationId) } }, sort: 'part', limit: 1, depth: 0, pagination: false })
  const unit = res.docs[0]
  if (!unit) return null
  const claim = { pool: unit.pool, numbers: [unit.number] }
  return { number: seatNumber(event, claim), reserved: isReservedSeat(event, claim) }
}

export type SeatsLeft = { open: number; reserved: number; total: number; reservedFor: readonly string[] }

/** Seats left: open ones, and those held for priority groups (counted, never stored). */
export async function seatsLeft(payload: Payload, event: SeatedEvent): Promise<SeatsLeft> {
  const { open, reserved } = seatPools(event)
  const taken = await seatsTaken(payload, event.id)
  const [openLeft, reservedLeft] = [unitsLeft(open, taken.open), unitsLeft(reserved, taken.reserved)]
  return { open: openLeft, reserved: reservedLeft, total: openLeft + reservedLeft, reservedFor: seatRules(event).reservedFor }
}

export type HeldSeat = { number: number; reserved: boolean }

/** The seats of these claims, by registration id (a registration's first part when it has several). */
function seatsByRegistration(event: SeatedEvent, units: { claimant: string; pool: string; number: number }[]): Map<string, HeldSeat> {
  const seats = new Map<string, HeldSeat>()
  for (const unit of units) {
    const registration = registrationOfClaimant(unit.claimant)
    if (registration === null || seats.has(registration)) continue
    const claim = { pool: unit.pool, numbers: [unit.number] }
    seats.set(registration, { number: seatNumber(event, claim), reserved: isReservedSeat(event, claim) })
  }
  return seats
}

/** Every seat held at an event, by registration id (for lists and exports). */
export async function seatsOfEvent(payload: Payload, event: SeatedEvent): Promise<Map<string, HeldSeat>> {
  const pools = seatPools(event)
  const res = await payload.find({ collection: 'claims', where: { pool: { in: [pools.open.key, pools.reserved.key] } }, limit: 0, pagination: false, depth: 0 })
  return seatsByRegistration(event, res.docs)
}

/** The seats these registrations hold, by registration id (as `seatOf`, one query for many). */
export async function seatsOf(payload: Payload, event: SeatedEvent, registrationIds: Id[]): Promise<Map<string, HeldSeat>> {
  if (!registrationIds.length) return new Map()
  const res = await payload.find({ collection: 'claims', where: { claimant: { in: registrationIds.map(claimantOf) } }, sort: 'part', limit: 0, pagination: false, depth: 0 })
  return seatsByRegistration(event, res.docs)
}

/** How many seats children hold at an event, open and reserved. */
export async function seatsTaken(payload: Payload, eventId: Id): Promise<{ open: number; reserved: number }> {
  const keys = seatPoolKeys(eventId)
  const [open, reserved] = await Promise.all([
    payload.count({ collection: 'claims', where: { pool: { equals: keys.open } } }),
    payload.count({ collection: 'claims', where: { pool: { equals: keys.reserved } } }),
  ])
  return { open: open.totalDocs, reserved: reserved.totalDocs }
}
