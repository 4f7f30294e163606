import type { CollectionAfterChangeHook, CollectionAfterOperationHook } from 'payload'
import { auditOperation, auditStaffChange } from '../../../services/audit'

/** Staff reads and deletes of registrations go to the audit log (cms/services/audit.ts). */
export const auditStaffAccess: CollectionAfterOperationHook<'registrations'> = async ({ collection, operation, result, req }) => {
  await auditOperation(req.payload, { collection: collection.slug, operation, result, req })
  return result
}

/** A staff user's change of a registration: which fields, and before/after for status and consents. */
export const auditStaffChangeHook: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (operation === 'update') await auditStaffChange(req.payload, { collection: collection.slug, before: previousDoc, after: doc, req })
  return doc
}
