import type { Field } from 'payload'
import { changedOnlyByOperations } from '../access/roles'

/**
 * Marks every field (rows and tabs looked into; a group or array as a whole) as changed only by
 * the server's operations, except the named ones: through REST, GraphQL or the admin, no role
 * can change them, and the admin shows them read-only. The operations (sign-up, check-in,
 * cancelling, verifying a priority seat…) write with overrideAccess and log what they did.
 */
export function operationsOnly(fields: Field[], editable: readonly string[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: operationsOnly(field.fields, editable) }
    if (field.type === 'ui' || field.type === 'join' || !('name' in field) || editable.includes(field.name)) return field
    return { ...field, access: { ...field.access, update: changedOnlyByOperations } }
  })
}
