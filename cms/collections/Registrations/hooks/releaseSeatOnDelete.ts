import type { CollectionAfterDeleteHook } from 'payload'
import { registrationDeleted } from '../../../services/registrations'

/** A deleted registration gives its seat back, and the waitlist moves up (cms/services/registrations.ts). */
export const releaseSeatOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await registrationDeleted(req.payload, doc)
  return doc
}
