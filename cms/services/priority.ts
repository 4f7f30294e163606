/**
 * Priority seats, checked by the coordinator. A child whose declared priority group the event
 * holds seats for takes a reserved seat (cms/services/seats.ts) on the family's word; the
 * coordinator then checks it (a household's poverty certificate, a disability card…) and either
 * **verifies** it, or **releases** the seat: the child's priority no longer counts, the reserved
 * seat goes back, and the child is placed again like any other, by the time it signed up — an
 * open seat if one is free to it, else the waitlist (the first waiting priority child then gets
 * the reserved seat). The family gets an email saying where the child stands now.
 *
 * A child on an open seat needs no check: the seat was everyone's to take.
 */
import type { Payload, PayloadRequest } from 'payload'
import { signUpEmails } from '../email/signup'
import { env } from '../env'
import type { Registration } from '../payload-types'
import { audit, changeOf } from './audit'
import { requeue } from './capacity'
import { enqueueEmail } from './email/outbox'
import type { Id } from './ids'
import { asClaimed, signedUpAt, waitlistPosition } from './registration-ops'
import { manageTokenFor, movingTheQueue, oneChangeAtATime, setRegistrationState } from './registrations'
import { seatOf, seatStore } from './seat-store'
import { allPools, poolsFor, seatRules } from './seats'
import { noticeEvent } from './signup-notices'
import { StaffError, scopedRegistration } from './staff'

/** Where a registration stands on its priority seat, for the side panel. */
export type PrioritySeat = {
  seat: number | null
  reserved: boolean
  verifiedAt: string | null
  releasedAt: string | null
  /** What the coordinator can do now. */
  canVerify: boolean
  canRelease: boolean
}

export async function prioritySeat(payload: Payload, req: PayloadRequest, id: Id): Promise<PrioritySeat> {
  const { registration, event } = await scopedRegistration(payload, req, id)
  const seat = await seatOf(payload, event, registration.id)
  const verifiedAt = registration.priorityCheck?.verifiedAt ?? null
  const releasedAt = registration.priorityCheck?.releasedAt ?? null
  const open = Boolean(seat?.reserved) && !releasedAt && registration.status !== 'cancelled'
  return { seat: seat?.number ?? null, reserved: Boolean(seat?.reserved), verifiedAt, releasedAt, canVerify: open && !verifiedAt, canRelease: open }
}

async function onReservedSeat(payload: Payload, req: PayloadRequest, id: Id) {
  const found = await scopedRegistration(payload, req, id)
  const seat = await seatOf(payload, found.event, found.registration.id)
  if (!seat?.reserved || found.registration.status === 'cancelled' || found.registration.priorityCheck?.releasedAt) throw new StaffError('notPrioritySeat', 409)
  return { ...found, seat }
}

const who = (req: PayloadRequest) => (req.user && req.user.collection === 'users' ? req.user.id : null)

/** The coordinator checked the child's priority group: the reserved seat stands. Idempotent. */
export function verifyPriority(payload: Payload, req: PayloadRequest, id: Id, now = new Date()): Promise<{ verified: boolean }> {
  return oneChangeAtATime(id, async () => {
    const { registration, event } = await onReservedSeat(payload, req, id)
    if (registration.priorityCheck?.verifiedAt) return { verified: false }
    const priorityCheck = { ...registration.priorityCheck, verifiedAt: now.toISOString(), verifiedBy: who(req) }
    await payload.update({ collection: 'registrations', id: registration.id, depth: 0, data: { priorityCheck } })
    await audit(payload, { action: 'update', resource: 'registrations', event: event.id, documentIds: [registration.id], summary: `priority verified ${registration.reference}`, ...changeOf(registration, { ...registration, priorityCheck }) }, req)
    return { verified: true }
  })
}

export type ReleaseResult = { released: boolean; status: Registration['status']; seat: number | null; position: number | null }

/** The child's priority could not be verified: the reserved seat goes back and the child is placed again like any other. */
export async function releasePriority(payload: Payload, req: PayloadRequest, id: Id, now = new Date()): Promise<ReleaseResult> {
  const result = await oneChangeAtATime(id, async () => {
    const { registration, event } = await onReservedSeat(payload, req, id)
    const priorityCheck = { ...registration.priorityCheck, releasedAt: now.toISOString(), releasedBy: who(req) }
    await payload.update({ collection: 'registrations', id: registration.id, depth: 0, data: { priorityCheck } })
    const rules = seatRules(event)
    const rec = asClaimed(rules, { ...registration, priorityGroup: registration.child.priorityGroup, priorityReleasedAt: priorityCheck.releasedAt })
    // Back in line by the time it signed up; the queue then moves up, this child included.
    await movingTheQueue(event.id, () => seatStore(payload, rules).run(requeue(rec, signedUpAt(registration), { scope: event.id }, (r) => poolsFor(event, r.grouped), allPools(event))))
    const after = await payload.findByID({ collection: 'registrations', id: registration.id, depth: 0 })
    const seat = await seatOf(payload, event, after.id)
    const position = after.status === 'waitlisted' ? await waitlistPosition(payload, event.id, after) : null
    await audit(
      payload,
      { action: 'update', resource: 'registrations', event: event.id, documentIds: [after.id], summary: `priority released ${after.reference}`, ...changeOf(registration, { ...after, priorityCheck }) },
      req,
    )
    // The family hears of it from this email, not from the "you have a seat" one.
    if (after.guardian.email && after.idempotencyKey) {
      await enqueueEmail(
        payload,
        await signUpEmails.priorityReleased(env().serverURL, {
          to: after.guardian.email,
          guardianName: after.guardian.name,
          event: await noticeEvent(payload, event.id),
          dedupeKey: `priority-released:${after.id}`,
          children: [
            {
              reference: after.reference,
              familyName: after.child.familyName,
              givenName: after.child.givenName,
              status: after.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
              seat: seat?.number ?? null,
              position,
              manageToken: manageTokenFor(payload.secret, after.idempotencyKey),
            },
          ],
        }),
      )
    }
    await setRegistrationState(payload, after.id, { confirmationQueuedAt: now.toISOString() })
    return { released: true, status: after.status, seat: seat?.number ?? null, position }
  })
  return result
}
