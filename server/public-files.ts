/**
 * Uploaded files the public may read (cms/services/public-files.ts), served like static files:
 * from memory once read (up to a budget), with an ETag, a long cache lifetime and `nosniff`,
 * without a trip through Next and Payload. `/api/<collection>/file/<name>` is answered here only
 * when `<name>` belongs to a document an anonymous visitor may read; anything else falls through
 * to Payload, which applies the collection's access rules.
 *
 * The index of public names is built on first use and dropped whenever content changes (the
 * same announcements that drop cached pages), seats and units aside.
 */
import fs from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { onContentChange } from '../cms/services/content-events'
import { publicFileNames, uploadCollections } from '../cms/services/public-files'

const TYPES: Record<string, string> = { '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' }
/** Public upload names change (a new upload gets a new name), so a year is safe; the ETag covers the rest. */
const CACHE_CONTROL = 'public, max-age=31536000'
const FILE_PATH = /^\/api\/([a-z0-9-]+)\/file\/([^/]+)$/

type Held = { body: Buffer; etag: string; type: string; lastModified: string }

export type PublicFiles = {
  /** Answers the request and returns true when it asks for a public file; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, headers: Record<string, string>): Promise<boolean>
  stop(): void
}

export function publicFiles(payload: Payload, options: { memoryBytes?: number } = {}): PublicFiles {
  const budget = options.memoryBytes ?? 32 * 1024 * 1024
  const dirs = new Map(uploadCollections(payload).map((c) => [c.slug as string, c.dir]))
  let names: Promise<Map<string, Set<string>>> | null = null
  const held = new Map<string, Held>()
  let heldBytes = 0
  const forget = () => {
    names = null
    held.clear()
    heldBytes = 0
  }
  // any content change may change which documents the public may read (a contest entry published
  // with consent, say), except seats and units taken or freed, announced with every sign-up
  const stopWatching = onContentChange((change) => {
    if (change.source !== 'claims') forget()
  })

  const publicNames = () => {
    names ??= Promise.all([...dirs.keys()].map(async (slug) => [slug, await publicFileNames(payload, slug as CollectionSlug)] as const)).then((entries) => new Map(entries))
    return names
  }

  const read = async (file: string): Promise<Held | null> => {
    const cached = held.get(file)
    if (cached) return cached
    const stat = await fs.stat(file).catch(() => null)
    if (!stat?.isFile()) return null
    const body = await fs.readFile(file)
    const item = { body, etag: `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`, type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', lastModified: stat.mtime.toUTCString() }
    if (body.byteLength <= budget / 8) {
      // the oldest go first when the budget is spent
      for (const [key, old] of held) {
        if (heldBytes + body.byteLength <= budget) break
        held.delete(key)
        heldBytes -= old.body.byteLength
      }
      held.set(file, item)
      heldBytes += body.byteLength
    }
    return item
  }

  return {
    async handle(req, res, pathname, headers) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false
      const m = FILE_PATH.exec(pathname)
      const dir = m ? dirs.get(m[1] ?? '') : undefined
      if (!m || !dir) return false
      let name: string
      try {
        name = decodeURIComponent(m[2] ?? '')
      } catch {
        return false
      }
      if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return false
      if (!(await publicNames()).get(m[1] ?? '')?.has(name)) return false
      const file = await read(path.join(dir, name))
      if (!file) return false
      const common = { ...headers, 'cache-control': CACHE_CONTROL, etag: file.etag, 'last-modified': file.lastModified, 'x-content-type-options': 'nosniff' }
      if (req.headers['if-none-match'] === file.etag) {
        res.writeHead(304, common).end()
        return true
      }
      res.writeHead(200, { ...common, 'content-type': file.type, 'content-length': String(file.body.byteLength) })
      res.end(req.method === 'HEAD' ? undefined : file.body)
      return true
    },
    stop() {
      stopWatching()
      forget()
    },
  }
}
