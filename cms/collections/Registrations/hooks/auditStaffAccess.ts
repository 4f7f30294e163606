import type { CollectionAfterOperationHook } from 'payload'
import { auditOperation } from '../../../services/audit'

/** Staff reads and changes of registrations go to the audit log (cms/services/audit.ts). */
export const auditStaffAccess: CollectionAfterOperationHook<'registrations'> = async ({ collection, operation, result, req }) => {
  await auditOperation(req.payload, { collection: collection.slug, operation, result, req })
  return result
}
