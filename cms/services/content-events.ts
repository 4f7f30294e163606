/**
 * Content change events: the CMS's change hooks announce which collection or global changed,
 * and whoever renders public pages (the server's page cache) drops what could show it.
 * In one process this is an in-memory emitter; several instances would relay it through the
 * database (Postgres LISTEN/NOTIFY) or Redis.
 */
import { processWideEmitter } from './process-wide'

export type ContentChange = { source: string; id?: string | number }

const bus = processWideEmitter('content-events')

export function announceContentChange(change: ContentChange): void {
  bus.emit('change', change)
}

export function onContentChange(listener: (change: ContentChange) => void): () => void {
  bus.on('change', listener)
  return () => bus.off('change', listener)
}

/**
 * Changes that only move figures a page counts for every render (seats taken, pledges, receipts,
 * hand-overs, bank transfers, contest entries and their results and gallery, read afresh for every
 * render), never the documents pages keep in memory for a moment: they drop the kept pages, not
 * the kept documents.
 */
const COUNTED = new Set(['claims', 'pledges', 'donation-receipts', 'bank-transfers', 'hand-overs', 'aid-recipients', 'entries', 'contest-states'])
export const movesOnlyFigures = (change: ContentChange): boolean => COUNTED.has(change.source)
