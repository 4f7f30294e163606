import type { CollectionBeforeChangeHook } from 'payload'
import { reqLang } from '../../../i18n/messages'
import { checkRecipient } from '../../../services/aid-recipients'

/**
 * Every write of a child on an aid list, from the admin, REST, GraphQL or an import, goes
 * through the same rules (cms/services/aid-recipients.ts): a coordinator writes only in the
 * communes they cover, the birth year is a child's, the same child is not listed twice, and
 * `createdBy` is set by the server.
 */
export const keepRecipientRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) =>
  checkRecipient(req.payload, req, { data, original: originalDoc, operation: operation === 'create' ? 'create' : 'update', lang: reqLang(req) })
