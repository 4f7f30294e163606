/**
 * Cancelling by staff (e.g. a parent phoned the organiser): the same as a family cancelling
 * through its manage link — the seat is freed, the first waitlisted child who can take it gets
 * it (FIFO) and an email — plus an audit entry saying who did it.
 */
import type { Payload, PayloadRequest } from 'payload'
import { audit, changeOf } from './audit'
import type { Id } from './ids'
import { cancelRegistration } from './registrations'
import { sendDueNotices } from './signup-notices'
import { scopedRegistration } from './staff'

export async function cancelByStaff(payload: Payload, req: PayloadRequest, id: Id): Promise<{ cancelled: boolean; promoted: number }> {
  const { registration, event } = await scopedRegistration(payload, req, id)
  if (registration.status === 'cancelled') return { cancelled: false, promoted: 0 }
  const promoted = await cancelRegistration(payload, registration.id)
  const after = await payload.findByID({ collection: 'registrations', id: registration.id, depth: 0 })
  await audit(payload, { action: 'update', resource: 'registrations', documentIds: [registration.id], event: event.id, summary: `cancelled ${registration.reference}`, ...changeOf(registration, after) }, req)
  await sendDueNotices(payload, { eventId: event.id })
  return { cancelled: true, promoted: promoted.length }
}
