import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'
import { announceContentChange } from '../services/content-events'

/** Tells the public site that documents of this collection changed (unless req.context.silent). */
export const announceAfterChange: CollectionAfterChangeHook = ({ collection, doc, req }) => {
  if (!req.context.silent) announceContentChange({ source: collection.slug, id: doc.id })
  return doc
}

export const announceAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  if (!req.context.silent) announceContentChange({ source: collection.slug, id: doc.id })
  return doc
}

export const announceGlobalChange: GlobalAfterChangeHook = ({ global, doc, req }) => {
  if (!req.context.silent) announceContentChange({ source: global.slug })
  return doc
}
