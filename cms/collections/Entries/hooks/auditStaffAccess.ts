import type { CollectionAfterChangeHook, CollectionAfterOperationHook } from 'payload'
import { auditOperation, auditStaffChange } from '../../../services/audit'

/** Staff reads and deletes of contest entries (a child's data and picture) go to the audit log, judges' reads included. */
export const auditEntryAccess: CollectionAfterOperationHook<'entries'> = async ({ collection, operation, result, req }) => {
  await auditOperation(req.payload, { collection: collection.slug, operation, result, req })
  return result
}

/** A staff user's change of an entry (the tie-break order is the only field they write by hand). */
export const auditEntryChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (operation === 'update') await auditStaffChange(req.payload, { collection: collection.slug, before: previousDoc, after: doc, req })
  return doc
}
