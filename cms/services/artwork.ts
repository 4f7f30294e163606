/**
 * Drawing-contest pictures (tranh dự thi): a child, a parent or a teacher sends a photo of the
 * drawing from a phone camera, or a scan. What is kept of it is two WebP files made here, never
 * the file that was sent.
 *
 * A child's picture is the child's private life: the Law on Children 2016 (Art. 6(11)) forbids
 * disclosing a child's private information without consent, and a phone photo carries more than
 * the drawing — EXIF GPS coordinates (where the child lives or goes to school), the phone's make
 * and owner name, the time it was taken, sometimes a face in a thumbnail. So:
 * - everything but the pixels is dropped (EXIF with GPS, XMP, IPTC, comments; colours are
 *   converted to sRGB and no ICC profile is kept), after turning the picture upright from its
 *   EXIF orientation;
 * - each file is stored under a random name (128 random bits) that says nothing about the child,
 *   the school or the original name, since judges and, once published, the public see the names;
 * - a published picture is a separate copy under its own random name (`publishCopy`), so taking
 *   it off the site deletes that copy and the private entry keeps its own file.
 *
 * The checks come first and read the header only (cms/services/images.ts `checkImage`, the same
 * 40-megapixel cap as every other upload): the type is decided from the bytes (JPEG, PNG, WebP;
 * an iPhone's HEIC gets its own answer so the form can say how to send a JPEG), and a
 * decompression bomb or a 60-megapixel photo is refused before anything is decoded.
 *
 * Decoding is what costs memory and CPU, so the accepted pictures are processed behind one
 * process-wide queue (`ARTWORK_CONCURRENCY` at a time): twenty phones sending at once wait their
 * turn instead of filling the server's memory. A waiting picture holds only what the caller
 * passed (its Buffer, not a copy, or the path of the upload's temporary file, not read yet).
 *
 * Files are written under a temporary name and renamed, so a crash never leaves half a file
 * under a real name (leftover temporary names start with `ARTWORK_TEMP_PREFIX`).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp, { type OutputInfo } from 'sharp'
import { BODY_LIMITS } from '../limits'
import { type ACCEPTED_IMAGE_FORMATS, MAX_INPUT_PIXELS, checkImage } from './images'
import { processWide } from './process-wide'

export type ArtworkProblem = 'file-too-large' | 'not-an-image' | 'heic' | 'too-many-pixels' | 'too-small' | 'unreadable'
export type ArtworkFile = { file: string; width: number; height: number; bytes: number }
export type ArtworkSource = {
  format: (typeof ACCEPTED_IMAGE_FORMATS)[number]
  /** as the file stores them, before its EXIF orientation is applied */
  width: number
  height: number
  bytes: number
}
export type ProcessedArtwork = { large: ArtworkFile; small: ArtworkFile; source: ArtworkSource }
export type ArtworkResult = { ok: true; artwork: ProcessedArtwork } | { ok: false; problem: ArtworkProblem; megapixels?: number }

/**
 * Longest side (px), WebP quality and encoder effort (0–6) of each stored size; a smaller
 * picture is never enlarged. Effort 2 instead of libwebp's default 4 for the large size: its
 * encoding took half the time (about 120 instead of 240 ms for a 1600×1200 photo here) for
 * files 2–3 % larger.
 */
export const ARTWORK_SIZES = {
  large: { side: 1600, quality: 82, effort: 2 },
  small: { side: 480, quality: 75, effort: 4 },
} as const

/** A picture whose short side is below this is too small to judge (a thumbnail, a screenshot of one). */
export const MIN_SHORT_SIDE = 200

/**
 * Pictures processed at the same time, process-wide: all cores but one (one here, three on a
 * 4-core server), so pages keep a core while a burst of uploads is worked off.
 * Measured on this 2-core machine (tests/bench/artwork.ts: 20 phone-like 4000×3000 JPEGs of
 * ~3 MB handed over at once; the machine was shared with other work, hence ranges): one at a
 * time 1.6–3.1 pictures/s with a peak RSS of 150–165 MB; two at a time 1.2–1.6× that (2.3–4.9/s)
 * for 30–40 MB more (180–205 MB), and a fixed piece of main-thread work standing for a page
 * render took longer (median 19–24 ms instead of 15–18; 8 ms with nothing else running).
 */
export const ARTWORK_CONCURRENCY = Math.max(1, os.availableParallelism() - 1)

/** Temporary files (a write in progress) start with this; anything left with it after a crash can go. */
export const ARTWORK_TEMP_PREFIX = '.partial-'

/** Share images (Open Graph): the size crawlers expect. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const

/** What the type is decided from: the first bytes of the file. */
const HEAD_BYTES = 256

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'mif2', 'msf1'])
const AVIF_BRANDS = new Set(['avif', 'avis'])

/**
 * The kind of image the first bytes show, whatever the file is called: 'heic' for HEIC/HEIF
 * (an ISO-BMFF `ftyp` box with a HEIF brand; AVIF, which shares the container, is 'other').
 */
export function sniffImage(head: Buffer): (typeof ACCEPTED_IMAGE_FORMATS)[number] | 'heic' | 'other' {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') {
    // size, 'ftyp', major brand, minor version, compatible brands up to the box's end
    const end = Math.min(head.readUInt32BE(0), head.length)
    const brands = [head.toString('latin1', 8, 12)]
    for (let at = 16; at + 4 <= end; at += 4) brands.push(head.toString('latin1', at, at + 4))
    if (brands.some((b) => AVIF_BRANDS.has(b))) return 'other'
    if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heic'
  }
  return 'other'
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A stored file's name: 22 base64url characters (128 random bits) and the extension. */
const NAME = /^[A-Za-z0-9_-]{22}\.(webp|jpg)$/
export const isArtworkFileName = (file: string): boolean => NAME.test(file)
const randomName = (ext: 'webp' | 'jpg') => `${randomBytes(16).toString('base64url')}.${ext}`

/** The path of one of our files in `dir`; anything else (a path, `..`) is refused. */
function fileIn(dir: string, file: string): string {
  if (!isArtworkFileName(file)) throw new Error(`not an artwork file name: ${JSON.stringify(file)}`)
  return path.join(dir, file)
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r')
  try {
    const head = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

// The queue: one per process, however many copies of this module are loaded (see process-wide.ts).
type Queue = { active: number; waiting: (() => void)[] }
const queue = (): Queue => processWide<Queue>('artwork-queue', () => ({ active: 0, waiting: [] }))

/** Pictures being processed and waiting their turn (for a "please wait" and for tests). */
export function artworkQueueState(): { active: number; waiting: number } {
  const q = queue()
  return { active: q.active, waiting: q.waiting.length }
}

async function inQueue<T>(task: () => Promise<T>): Promise<T> {
  const q = queue()
  if (q.active < ARTWORK_CONCURRENCY) q.active++
  else await new Promise<void>((resolve) => q.waiting.push(resolve)) // the slot is handed over as it is
  try {
    return await task()
  } finally {
    const next = q.waiting.shift()
    if (next) next()
    else q.active--
  }
}

/**
 * Writes `data` to a temporary name in `dir`, then renames it to a new random name, which it
 * returns. A failure removes the temporary file and throws.
 */
async function writeNew(dir: string, data: Buffer, ext: 'webp' | 'jpg'): Promise<string> {
  const temp = path.join(dir, `${ARTWORK_TEMP_PREFIX}${randomBytes(9).toString('base64url')}`)
  const name = randomName(ext)
  try {
    await fs.writeFile(temp, data, { flag: 'wx' })
    await fs.rename(temp, path.join(dir, name))
    return name
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
}

const refuse = (problem: ArtworkProblem, megapixels?: number): ArtworkResult =>
  megapixels === undefined ? { ok: false, problem } : { ok: false, problem, megapixels }

/**
 * Checks a picture sent for a drawing contest and stores its two sizes in `dir` (created when
 * missing) under random names. `input`: the bytes, or the path of the upload's temporary file.
 *
 * A picture that cannot be accepted is answered with its problem (never thrown, a corrupt or
 * truncated file included: 'unreadable'); the header checks answer at once, without waiting in
 * the queue. Errors of the server itself (the directory cannot be written) are thrown, and then
 * no file of this picture is left in `dir`.
 */
export async function processArtwork(input: Buffer | string, dir: string): Promise<ArtworkResult> {
  const bytes = typeof input === 'string' ? (await fs.stat(input)).size : input.length
  if (bytes > BODY_LIMITS.uploadFile) return refuse('file-too-large')
  const kind = sniffImage(typeof input === 'string' ? await readHead(input) : input.subarray(0, HEAD_BYTES))
  if (kind === 'heic') return refuse('heic')
  if (kind === 'other') return refuse('not-an-image')
  const check = await checkImage(input)
  if (!check.ok) return check.reason === 'too-large' ? refuse('too-many-pixels', check.megapixels) : refuse('unreadable')
  if (check.format !== kind) return refuse('unreadable')
  if (Math.min(check.width, check.height) < MIN_SHORT_SIDE) return refuse('too-small')
  const source: ArtworkSource = { format: check.format, width: check.width, height: check.height, bytes }
  return inQueue(() => render(input, dir, source))
}

/**
 * Decodes the source once, for the large size; the small one is made from the large WebP (a
 * 1600 px decode that libwebp scales as it loads). Against two pipelines on the same input
 * (sharp's `clone()`, which decodes the source once per output): the same speed for a
 * 4000×3000 JPEG (its small output is decoded at 1/4 by libjpeg's shrink-on-load, which is
 * cheap), and ~1.4× faster for a PNG, which has no shrink-on-load and was decoded in full twice.
 * The large size of a 12-megapixel photo gets no shrink-on-load: sharp decodes a JPEG at 1/2
 * only for a reduction of 3× or more (it avoids libjpeg's rounding at exactly 2×), and 4000 px
 * to 1600 is 2.5× — it starts with photos 4800 px long.
 */
async function render(input: Buffer | string, dir: string, source: ArtworkSource): Promise<ArtworkResult> {
  const within = (side: number) => ({ width: side, height: side, fit: 'inside' as const, withoutEnlargement: true })
  // A path given by the caller must stay until this settles: read only now, its turn come
  // (gone by then: 'unreadable').
  let large: { data: Buffer; info: OutputInfo }
  let small: { data: Buffer; info: OutputInfo }
  try {
    // rotate() without an angle: upright from the EXIF orientation. sharp writes no metadata
    // unless asked (no keepExif/keepIccProfile/keepXmp/withMetadata here) and converts to sRGB.
    large = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(within(ARTWORK_SIZES.large.side))
      .webp({ quality: ARTWORK_SIZES.large.quality, effort: ARTWORK_SIZES.large.effort })
      .toBuffer({ resolveWithObject: true })
    small = await sharp(large.data).resize(within(ARTWORK_SIZES.small.side)).webp({ quality: ARTWORK_SIZES.small.quality, effort: ARTWORK_SIZES.small.effort }).toBuffer({ resolveWithObject: true })
  } catch {
    // the header was fine but the pixels are not (a truncated upload, a corrupt file)
    return refuse('unreadable')
  }
  await fs.mkdir(dir, { recursive: true })
  const largeName = await writeNew(dir, large.data, 'webp')
  let smallName: string
  try {
    smallName = await writeNew(dir, small.data, 'webp')
  } catch (error) {
    await fs.rm(path.join(dir, largeName), { force: true })
    throw error
  }
  return {
    ok: true,
    artwork: {
      large: { file: largeName, width: large.info.width, height: large.info.height, bytes: large.data.length },
      small: { file: smallName, width: small.info.width, height: small.info.height, bytes: small.data.length },
      source,
    },
  }
}

/**
 * A public copy of one of the files in `dir`, under a new random name (returned): a hard link
 * (no second copy of the bytes on disk), or a copy where the file system has none. Removing
 * either name leaves the other.
 */
export async function publishCopy(dir: string, file: string): Promise<string> {
  const from = fileIn(dir, file)
  const name = randomName(file.endsWith('.jpg') ? 'jpg' : 'webp')
  try {
    await fs.link(from, path.join(dir, name))
    return name
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK' && code !== 'EXDEV') throw error
  }
  const temp = path.join(dir, `${ARTWORK_TEMP_PREFIX}${randomBytes(9).toString('base64url')}`)
  try {
    await fs.copyFile(from, temp)
    await fs.rename(temp, path.join(dir, name))
    return name
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
}

/** Deletes one of the files in `dir`; a file already gone is fine. */
export async function removeFile(dir: string, file: string): Promise<void> {
  await fs.rm(fileIn(dir, file), { force: true })
}

export type OgImageOptions = {
  width?: number
  height?: number
  /** JPEG by default: every share crawler reads it; some still ignore WebP. */
  format?: 'jpeg' | 'webp'
  background?: string
}

/**
 * A share image (Open Graph) made from one of the files in `dir` (the large size): the whole
 * picture, contained in `width`×`height` (1200×630 by default) on a plain background, stored
 * under a new random name. Goes through the same queue as the uploads. A small picture is
 * enlarged to fill the height: share previews are shown at that size.
 */
export async function ogImage(dir: string, file: string, options: OgImageOptions = {}): Promise<ArtworkFile> {
  const { width = OG_IMAGE_SIZE.width, height = OG_IMAGE_SIZE.height, format = 'jpeg', background = '#ffffff' } = options
  const from = fileIn(dir, file)
  return inQueue(async () => {
    const image = sharp(from, { limitInputPixels: MAX_INPUT_PIXELS }).resize({ width, height, fit: 'contain', background }).flatten({ background })
    const { data, info } = await (format === 'jpeg' ? image.jpeg({ quality: 82 }) : image.webp({ quality: 82 })).toBuffer({ resolveWithObject: true })
    const name = await writeNew(dir, data, format === 'jpeg' ? 'jpg' : 'webp')
    return { file: name, width: info.width, height: info.height, bytes: data.length }
  })
}
