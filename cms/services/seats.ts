/**
 * Seats: an event's capacity as two pools of the capacity engine (cms/services/capacity.ts):
 *
 * - the **open** seats (capacity − reserved), for every child;
 * - the **reserved** seats, held back for children of the priority groups the event names (poor
 *   and near-poor households, children in special circumstances, children with a disability).
 *
 * A child's declared priority group counts only when the event reserves seats for that group.
 * Such a child takes a reserved seat first, so the open seats stay open for the others, and the
 * coordinator then verifies the group — or releases the seat, and the child is placed again
 * like any other (cms/services/priority.ts). A seat's number is its place in the event:
 * open seats are 1..open, reserved seats follow them.
 *
 * Seats left are counted from the claims, never stored (cms/services/seat-store.ts).
 */
import type { Claim, Pool } from './capacity'
import type { Id } from './ids'

export type SeatedEvent = {
  id: Id
  capacity: number
  reservedSeats?: number | null
  waitlist?: boolean | null
  eligibility?: { priorityGroups?: readonly string[] | null } | null
}

/** What the capacity rules need to know of an event. */
export type SeatRules = {
  eventId: Id
  /** The priority groups the event holds seats for (none when it holds none). */
  reservedFor: readonly string[]
}

export function seatRules(event: SeatedEvent): SeatRules {
  const held = seatPools(event).reserved.capacity
  return { eventId: event.id, reservedFor: held > 0 ? [...(event.eligibility?.priorityGroups ?? [])] : [] }
}

/** Why an event's seat settings cannot stand, or null: reserved seats need named groups and fit in the capacity. */
export function reservedSeatsProblem(event: { capacity?: number | null; reservedSeats?: number | null; priorityGroups?: readonly string[] | null }): 'reservedWithoutGroups' | 'reservedOverCapacity' | null {
  const reserved = event.reservedSeats ?? 0
  if (reserved <= 0) return null
  if (!(event.priorityGroups ?? []).length) return 'reservedWithoutGroups'
  if (event.capacity != null && reserved > event.capacity) return 'reservedOverCapacity'
  return null
}

/** Whether a child's declared priority group counts at this event (and was not released by the coordinator). */
export function priorityCounts(rules: SeatRules, group: string | null | undefined, releasedAt?: string | null): boolean {
  return Boolean(group) && rules.reservedFor.includes(group ?? '') && !releasedAt
}

/** The keys of an event's two seat pools. */
export const seatPoolKeys = (eventId: Id) => ({ open: `events:${eventId}:open`, reserved: `events:${eventId}:reserved` })

export function seatPools(event: SeatedEvent): { open: Pool; reserved: Pool } {
  const capacity = Math.max(0, event.capacity)
  // Seats are held back only for groups the event names: held for nobody, they stay open.
  const named = (event.eligibility?.priorityGroups ?? []).length > 0
  const reserved = named ? Math.min(Math.max(0, event.reservedSeats ?? 0), capacity) : 0
  const keys = seatPoolKeys(event.id)
  return { open: { key: keys.open, capacity: capacity - reserved }, reserved: { key: keys.reserved, capacity: reserved } }
}

/** The pools a child may take a seat from, in order: a child whose priority counts, reserved seats first. */
export function poolsFor(event: SeatedEvent, priority: boolean): Pool[] {
  const { open, reserved } = seatPools(event)
  return priority ? [reserved, open] : [open]
}

export const allPools = (event: SeatedEvent): Pool[] => Object.values(seatPools(event))

/** The units of a registration are held under this name. */
export const claimantOf = (registrationId: Id) => `registrations:${registrationId}`

/** The registration id (as text) a claimant name stands for, or null. */
export const registrationOfClaimant = (claimant: string) => (claimant.startsWith('registrations:') ? claimant.slice('registrations:'.length) : null)

/** The seat number a family is told: open seats first, then the reserved ones. */
export function seatNumber(event: SeatedEvent, claim: Pick<Claim, 'pool' | 'numbers'>): number {
  const { open, reserved } = seatPools(event)
  const n = claim.numbers[0] ?? 0
  return claim.pool === reserved.key ? open.capacity + n : n
}

/** Whether a claim is a reserved seat. */
export const isReservedSeat = (event: SeatedEvent, claim: Pick<Claim, 'pool'>) => claim.pool === seatPools(event).reserved.key
