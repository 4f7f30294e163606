import type { CollectionAfterChangeHook, CollectionAfterOperationHook } from 'payload'
import { auditOperation, auditStaffChange, auditStaffCreate } from '../services/audit'

/**
 * The audit hooks of a collection of children's records (cms/services/audit.ts), for any
 * collection: a staff user's list read, single read or delete is one entry naming every record;
 * the server's own calls (no user) write none.
 */
export const auditStaffReads: CollectionAfterOperationHook = async ({ collection, operation, result, req }) => {
  await auditOperation(req.payload, { collection: collection.slug, operation, result, req })
  return result
}

/**
 * A staff user's creation or change of one record: one entry each (which fields a change
 * touched). An operation that writes its own entry (an import) sets `req.context.auditedByOperation`.
 */
export const auditStaffWrites: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (req.context.auditedByOperation) return doc
  if (operation === 'create') await auditStaffCreate(req.payload, { collection: collection.slug, doc, req })
  else await auditStaffChange(req.payload, { collection: collection.slug, before: previousDoc, after: doc, req })
  return doc
}
