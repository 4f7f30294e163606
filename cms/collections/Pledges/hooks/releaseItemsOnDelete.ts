import type { CollectionAfterDeleteHook } from 'payload'
import type { Pledge } from '../../../payload-types'
import { pledgeDeleted } from '../../../services/pledges'

/** A deleted pledge gives its items' units back, so nothing pledged is ever lost with nothing to show for it. */
export const releaseItemsOnDelete: CollectionAfterDeleteHook<Pledge> = async ({ doc, req }) => {
  await pledgeDeleted(req.payload, doc)
  return doc
}
