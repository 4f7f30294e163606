/**
 * Public files: the uploaded files (originals and sizes) of the documents an anonymous visitor
 * may read, by upload collection. The server serves exactly these from disk like static files
 * (server/public-files.ts); any other file (a document the public may not read, a private
 * upload such as a child's original artwork) still goes through Payload and its access rules.
 */
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { env } from '../env'
import { artworkDir } from './contests'
import { galleryFileNames } from './gallery'

export type PublicFileIndex = { dir: string; files: Set<string> }

/**
 * Public copies of contest pictures, answered at `/api/gallery/file/<name>` like an upload
 * collection's files: only the names an entry shown in a published gallery holds
 * (cms/services/gallery.ts); there is no such collection, so any other name is 404.
 */
export const GALLERY = 'gallery'

/** The upload collections (and the contest gallery), with where their files are. */
export function uploadCollections(payload: Payload): { slug: string; dir: string }[] {
  const uploads = Object.values(payload.collections).flatMap(({ config }) => {
    const upload = config.upload
    if (!upload || typeof upload !== 'object' || !upload.staticDir) return []
    return [{ slug: config.slug as string, dir: path.resolve(upload.staticDir) }]
  })
  return [...uploads, { slug: GALLERY, dir: path.resolve(artworkDir(env().mediaDir)) }]
}

type FileDoc = { filename?: string | null; sizes?: Record<string, { filename?: string | null } | undefined> | null }

/** The file names of `slug`'s documents that the public may read (asked as an anonymous visitor). */
export async function publicFileNames(payload: Payload, slug: string): Promise<Set<string>> {
  if (slug === GALLERY) return galleryFileNames(payload)
  const files = new Set<string>()
  const found = await payload
    .find({ collection: slug as CollectionSlug, depth: 0, limit: 0, pagination: false, overrideAccess: false, user: null, select: { filename: true, sizes: true } })
    .catch(() => null) // no read access at all: nothing is public
  for (const doc of (found?.docs ?? []) as FileDoc[]) {
    if (doc.filename) files.add(doc.filename)
    for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) files.add(size.filename)
  }
  return files
}
