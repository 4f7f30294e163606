/**
 * A contest's results and its public gallery (cms/services/judging.ts publishes the results).
 *
 * - The public sees a picture with the child's given name, family initial, age and commune only
 *   where the guardian agreed to publication — and the child too, from age 7 (`mayPublish`).
 *   Without that consent an entry still takes part and can win; the results then say "a
 *   participant from <commune>", with no picture and no title.
 * - Pictures go public as **copies** under new random names (the private files the jury saw stay
 *   apart, for the contest's record), made when the results are published, with a share image
 *   (Open Graph) for each winner. Withdrawing the consent or the entry deletes the copies at
 *   once and announces the change, which clears every kept page and the public file index: the
 *   picture leaves the gallery, the results, the share image and the server's answers together.
 * - Public copies are served at `/api/gallery/file/<name>` (cms/services/public-files.ts), only
 *   while an entry holds the name.
 */
import type { Payload } from 'payload'
import { env } from '../env'
import type { Area, Contest, Entry } from '../payload-types'
import { ogImage, publishCopy, removeFile, type ArtworkFile } from './artwork'
import { announceContentChange } from './content-events'
import { artworkDir, categoryLabel, mayPublish, publicChildName } from './contests'
import { idOf, type Id } from './ids'
import { judgingStates } from './contest-state'

/** Where the public reads a gallery file (the server answers it from disk while an entry holds the name). */
export const galleryFileUrl = (file: string) => `/api/gallery/file/${file}`

type FileRow = { file?: string | null; width?: number | null; height?: number | null }
const row = (f: ArtworkFile): FileRow => ({ file: f.file, width: f.width, height: f.height })
const filesOf = (entry: Pick<Entry, 'gallery'>): string[] => [entry.gallery?.large?.file, entry.gallery?.small?.file, entry.gallery?.share?.file].filter((f): f is string => Boolean(f))

/**
 * Makes the public copies of every entry of the contest that may be shown (and a share image
 * for each winner); entries that have them already are left as they are. Returns how many
 * entries got copies.
 */
export async function publishGallery(payload: Payload, contestId: Id): Promise<number> {
  const dir = artworkDir(env().mediaDir)
  const entries = await payload.find({ collection: 'entries', where: { and: [{ contest: { equals: contestId } }, { status: { equals: 'submitted' } }] }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  let made = 0
  for (const entry of entries.docs) {
    if (!mayPublish(entry) || entry.gallery?.large?.file || !entry.artwork?.large?.file || !entry.artwork.small?.file) continue
    const large = await publishCopy(dir, entry.artwork.large.file)
    const small = await publishCopy(dir, entry.artwork.small.file)
    const share = entry.award?.rank ? row(await ogImage(dir, entry.artwork.large.file)) : null
    const size = (f: FileRow | null | undefined) => ({ width: f?.width ?? null, height: f?.height ?? null })
    await payload.db.updateOne({
      collection: 'entries',
      id: entry.id,
      data: { gallery: { large: { file: large, ...size(entry.artwork.large) }, small: { file: small, ...size(entry.artwork.small) }, share: share ?? { file: null, width: null, height: null } } },
      returning: false,
    })
    made++
  }
  if (made) announceContentChange({ source: 'entries' })
  return made
}

/**
 * Takes an entry's picture off every public place at once: its public copies are deleted and
 * the change announced (kept pages and the public file index are dropped). Safe to run again.
 */
export async function unpublishEntry(payload: Payload, id: Id): Promise<void> {
  const entry = await payload.findByID({ collection: 'entries', id, depth: 0, overrideAccess: true, select: { gallery: true } })
  const files = filesOf(entry)
  if (!files.length) return
  await payload.db.updateOne({ collection: 'entries', id, data: { gallery: { large: { file: null }, small: { file: null }, share: { file: null } } }, returning: false })
  const dir = artworkDir(env().mediaDir)
  for (const file of files) await removeFile(dir, file)
  announceContentChange({ source: 'entries', id })
}

/** The public copies the server may answer: those of entries still shown, in contests whose results are out. */
export async function galleryFileNames(payload: Payload): Promise<Set<string>> {
  const entries = await payload.find({
    collection: 'entries',
    where: { and: [{ status: { equals: 'submitted' } }, { 'gallery.large.file': { exists: true } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { contest: true, status: true, consents: true, child: true, gallery: true },
  })
  const states = await judgingStates(payload, [...new Set(entries.docs.map((e) => idOf(e.contest)).filter((c): c is Id => c !== null))])
  const names = new Set<string>()
  for (const entry of entries.docs) {
    if (!mayPublish(entry) || !states.get(String(idOf(entry.contest)))?.resultsPublishedAt) continue
    for (const file of filesOf(entry)) names.add(file)
  }
  return names
}

export type GalleryPicture = { url: string; width: number; height: number }
/** An entry as the public may see it (with consent): no entry code, no school, no birth date. */
export type GalleryCard = { /** the picture's public page: its public large copy's name, without the extension */ picture: string; title: string; name: string; age: number; commune: string; small: GalleryPicture; large: GalleryPicture; share: GalleryPicture | null; award: string | null; rank: number | null }
/** A winner: with their picture where the family agreed, else only where they are from. */
export type Winner = { award: string; rank: number; card: GalleryCard | null; commune: string }
export type CategoryResults = { id: string; label: string; entries: number; winners: Winner[]; gallery: GalleryCard[] }
export type ContestResults = { published: boolean; publishedAt: string | null; entries: number; communes: number; categories: CategoryResults[] }

/** A shown picture's page is named after its public large copy (a random name, gone when it is withdrawn). */
export const pictureIdOf = (file: string | null | undefined): string | null => (file && /^[A-Za-z0-9_-]{22}\.webp$/.test(file) ? file.slice(0, -'.webp'.length) : null)

const picture = (f: FileRow | null | undefined): GalleryPicture | null => (f?.file && f.width && f.height ? { url: galleryFileUrl(f.file), width: f.width, height: f.height } : null)

/**
 * What a contest's public page shows of its entries: how many came from how many communes, and
 * once the results are published, the winners of each category (prize order) and the gallery
 * (winners first). Only `mayPublish` entries show a picture, title or name.
 */
export async function contestResults(payload: Payload, contest: Pick<Contest, 'id' | 'categories'>, lang: 'vi' | 'en'): Promise<ContestResults> {
  const state = (await judgingStates(payload, [contest.id])).get(String(contest.id))
  const publishedAt = state?.resultsPublishedAt ?? null
  const entries = await payload.find({
    collection: 'entries',
    where: { and: [{ contest: { equals: contest.id } }, { status: { equals: 'submitted' } }] },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    locale: lang,
    select: { category: true, status: true, consents: true, child: true, title: true, award: true, gallery: true },
  })
  type Row = Pick<Entry, 'id' | 'category' | 'status' | 'consents' | 'child' | 'title' | 'award' | 'gallery'>
  const communeName = (e: Row) => (typeof e.child?.area === 'object' && e.child.area ? (e.child.area as Area).name : '')
  const communes = new Set(entries.docs.map((e) => String(idOf(e.child?.area ?? null))))
  const categories = (contest.categories ?? []).map((category): CategoryResults => {
    const own = entries.docs.filter((e) => e.category === category.id)
    const prizeLabel = (prize: string | null | undefined) => (category.prizes ?? []).find((p) => p.id === prize)?.label ?? ''
    const card = (e: Row): GalleryCard | null => {
      const small = picture(e.gallery?.small)
      const large = picture(e.gallery?.large)
      if (!publishedAt || !mayPublish(e) || !small || !large) return null
      return {
        picture: pictureIdOf(e.gallery?.large?.file) ?? '',
        title: e.title,
        name: publicChildName({ givenName: e.child?.givenName ?? '', familyName: e.child?.familyName ?? '' }),
        age: e.child?.age ?? 0,
        commune: communeName(e),
        small,
        large,
        share: picture(e.gallery?.share),
        award: e.award?.rank ? prizeLabel(e.award.prize) : null,
        rank: e.award?.rank ?? null,
      }
    }
    const winners = publishedAt
      ? own
          .filter((e) => e.award?.rank)
          .sort((a, b) => (a.award?.rank ?? 0) - (b.award?.rank ?? 0))
          .map((e): Winner => ({ award: prizeLabel(e.award?.prize), rank: e.award?.rank ?? 0, card: card(e), commune: communeName(e) }))
      : []
    const gallery = own
      .map(card)
      .filter((c): c is GalleryCard => c !== null)
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'vi'))
    return { id: category.id ?? '', label: categoryLabel(category, lang), entries: own.length, winners, gallery }
  })
  return { published: Boolean(publishedAt), publishedAt, entries: entries.docs.length, communes: communes.size, categories }
}

/**
 * One shown picture, for its own public page (and its share image): the card, or null when the
 * picture is not (or no longer) shown — withdrawn, consent ended, results not out, another contest.
 */
export async function galleryPicture(payload: Payload, contest: Pick<Contest, 'id' | 'categories'>, pictureId: string, lang: 'vi' | 'en'): Promise<{ card: GalleryCard; category: string } | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(pictureId)) return null
  const results = await contestResults(payload, contest, lang)
  for (const category of results.categories) {
    const card = category.gallery.find((c) => c.picture === pictureId)
    if (card) return { card, category: category.label }
  }
  return null
}

/** Every shown picture's page, for the sitemap: the contest's slug and the picture. */
export async function galleryPictures(payload: Payload): Promise<{ slug: string; picture: string; lastmod: string }[]> {
  const names = await galleryFileNames(payload)
  if (!names.size) return []
  const entries = await payload.find({
    collection: 'entries',
    where: { 'gallery.large.file': { in: [...names] } },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { contest: true, gallery: true, updatedAt: true },
  })
  return entries.docs.flatMap((e) => {
    const picture = pictureIdOf(e.gallery?.large?.file)
    const contest = typeof e.contest === 'object' ? e.contest : null
    return picture && contest?.slug && contest._status === 'published' ? [{ slug: contest.slug, picture, lastmod: e.updatedAt }] : []
  })
}
