import type { CollectionBeforeChangeHook } from 'payload'
import { reqLang } from '../../../i18n/messages'
import { checkHandOver } from '../../../services/hand-overs'

/**
 * Every write of a hand-over, from the admin, REST, GraphQL or `recordHandOver`, keeps the same
 * rules (cms/services/hand-overs.ts): the item is one of the drive's, the child is on a list of a
 * commune the user covers, and the commune and the recorder are set by the server.
 */
export const keepHandOverRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) =>
  checkHandOver(req.payload, req, { data, original: originalDoc, operation: operation === 'create' ? 'create' : 'update', lang: reqLang(req) })
