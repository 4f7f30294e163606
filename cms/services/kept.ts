/**
 * Values read from the database and kept in memory for a moment: dropped when a content change
 * that could alter them is announced (cms/services/content-events.ts), and after `ms` at most,
 * in case a change went unannounced. A failed read is not kept.
 */
import { onContentChange, type ContentChange } from './content-events'

export class Kept<T> {
  private readonly values = new Map<string, { until: number; value: Promise<T> }>()

  constructor(
    private readonly ms: number,
    dropOn: (change: ContentChange) => boolean,
  ) {
    onContentChange((change) => {
      if (dropOn(change)) this.values.clear()
    })
  }

  get(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.values.get(key)
    if (hit && hit.until > Date.now()) return hit.value
    const value = read()
    this.values.set(key, { until: Date.now() + this.ms, value })
    value.catch(() => this.values.delete(key))
    return value
  }
}
