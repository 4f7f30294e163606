import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { checkRole, coveredAreaIds } from '../../../access/roles'
import { reqLang, t } from '../../../i18n/messages'
import { idOf, type Id } from '../../../services/ids'

/**
 * A coordinator creates, moves and publishes events only in the communes their account covers
 * (the same areas that scope what they read): an event somewhere else is refused with a
 * translated message, whatever the admin or the API sent. Admins are not limited.
 */
export const coveredAreasOnly: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.user || checkRole(['admin'], req.user)) return data
  const area = idOf((data.area ?? originalDoc?.area) as Id | { id: Id } | null | undefined)
  const covered = (await coveredAreaIds(req)).map(String)
  if (area === null || !covered.includes(String(area))) throw new APIError(t(reqLang(req), 'eventOutsideAreas'), 403, null, true)
  return data
}
