import type { CollectionAfterDeleteHook } from 'payload'
import type { Entry } from '../../../payload-types'
import { entryDeleted } from '../../../services/entries'

/** A deleted entry gives its places back (the child may send another picture). */
export const releasePlacesOnDelete: CollectionAfterDeleteHook<Entry> = async ({ doc, req }) => {
  await entryDeleted(req.payload, doc)
  return doc
}
