/**
 * Drawing-contest pictures (cms/services/artwork.ts): how fast phone photos are turned into the
 * two stored WebP sizes, and how much memory that takes, beside sharp alone doing the same work.
 *
 * - `photoLikeJpeg`: a phone-photo-like JPEG (smooth colour fields, blotches and sensor grain, so it
 *   compresses like a photo: about 3 MB at 4000×3000), with EXIF orientation 6 and GPS tags.
 * - `bareSharp`: the same work with sharp alone and nothing else (upright, no metadata, large and
 *   small WebP to buffers): no checks, no queue, no files.
 * - `measureBare` / `measureArtwork`: images/s and the peak resident memory (sampled every 20 ms)
 *   for `count` images with `concurrency` at once (`measureArtwork` hands them all to
 *   processArtwork at once: its queue decides how many run).
 *
 * Run alone: `node --import tsx tests/bench/artwork.ts` (started again with the server's process
 * settings, server/runtime.ts, so libvips and malloc behave as they do in the server).
 */
import { spawn } from 'node:child_process'
import { createHash, randomBytes, randomInt } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import sharp from 'sharp'
import { ARTWORK_CONCURRENCY, ARTWORK_SIZES, processArtwork } from '../../cms/services/artwork'

/** GPS tags of a phone photo (Hà Nội), as sharp's withExif writes them. */
export const PHOTO_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' }

/** A phone-photo-like JPEG (quality 90), EXIF orientation 6 (taken holding the phone upright) and GPS. */
export async function photoLikeJpeg(width = 4000, height = 3000): Promise<Buffer> {
  // colour fields and blotches: a small image of a gradient with random spots, enlarged smoothly
  const sw = Math.ceil(width / 40)
  const sh = Math.ceil(height / 40)
  const small = Buffer.allocUnsafe(sw * sh * 3)
  const base = [randomInt(256), randomInt(256), randomInt(256)]
  const spots = randomBytes(small.length)
  for (let y = 0, i = 0; y < sh; y++)
    for (let x = 0; x < sw; x++)
      for (let c = 0; c < 3; c++, i++) small[i] = ((base[c] ?? 0) * (x / sw) + (255 - (base[c] ?? 0)) * (y / sh)) * 0.6 + (spots[i] ?? 0) * 0.4
  const scene = await sharp(small, { raw: { width: sw, height: sh, channels: 3 } }).resize(width, height, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer()
  // sensor grain
  const GRAIN = 24
  const grain = randomBytes(scene.length)
  for (let j = 0; j < scene.length; j++) scene[j] = Math.min(255, Math.max(0, (scene[j] ?? 0) + ((grain[j] ?? 0) % GRAIN) - GRAIN / 2))
  return sharp(scene, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Phone', Model: 'Camera' }, IFD3: PHOTO_GPS })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

/** processArtwork's image work with sharp alone: upright, no metadata, large and small WebP (the small from the large). */
export async function bareSharp(input: Buffer): Promise<void> {
  const within = (side: number) => ({ width: side, height: side, fit: 'inside' as const, withoutEnlargement: true })
  const large = await sharp(input).rotate().resize(within(ARTWORK_SIZES.large.side)).webp({ quality: ARTWORK_SIZES.large.quality, effort: ARTWORK_SIZES.large.effort }).toBuffer()
  await sharp(large).resize(within(ARTWORK_SIZES.small.side)).webp({ quality: ARTWORK_SIZES.small.quality, effort: ARTWORK_SIZES.small.effort }).toBuffer()
}

export type Measured = {
  imagesPerSecond: number
  peakRssMB: number
  seconds: number
  /** how long a fixed piece of main-thread work (standing for a page render) took, median and worst, ms */
  pageWorkMs: { median: number; p90: number }
}

const PAGE_WORK = Buffer.alloc(256 * 1024, 7)
/** A fixed piece of CPU work on the main thread, about 10 ms: what a page render competes with. */
function pageWork(): number {
  const t0 = performance.now()
  for (let i = 0; i < 48; i++) createHash('sha256').update(PAGE_WORK).digest()
  return performance.now() - t0
}

/** The page work's median time when nothing else runs. */
export function idlePageWorkMs(): number {
  const times = Array.from({ length: 50 }, pageWork).sort((a, b) => a - b)
  return times[25] ?? 0
}

/** Runs `work` while sampling the resident memory every 20 ms and timing the page work every 50 ms. */
async function sampled(count: number, work: () => Promise<void>): Promise<Measured> {
  let peak = process.memoryUsage.rss()
  const pages: number[] = []
  const memory = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  const page = setInterval(() => pages.push(pageWork()), 50)
  const t0 = performance.now()
  try {
    await work()
  } finally {
    clearInterval(memory)
    clearInterval(page)
  }
  const seconds = (performance.now() - t0) / 1000
  peak = Math.max(peak, process.memoryUsage.rss())
  pages.sort((a, b) => a - b)
  return {
    imagesPerSecond: count / seconds,
    peakRssMB: peak / 1024 / 1024,
    seconds,
    pageWorkMs: { median: pages[Math.floor(pages.length / 2)] ?? 0, p90: pages[Math.floor(pages.length * 0.9)] ?? 0 },
  }
}

/** `count` runs of bareSharp over `image`, `concurrency` at a time. */
export async function measureBare(image: Buffer, { count, concurrency }: { count: number; concurrency: number }): Promise<Measured> {
  return sampled(count, async () => {
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (next < count) {
          next++
          await bareSharp(image)
        }
      }),
    )
  })
}

/** `count` pictures handed to processArtwork at the same moment (its queue runs ARTWORK_CONCURRENCY of them at a time); files go to `dir`. */
export async function measureArtwork(image: Buffer, { count, dir }: { count: number; dir: string }): Promise<Measured> {
  return sampled(count, async () => {
    const results = await Promise.all(Array.from({ length: count }, () => processArtwork(image, dir)))
    const refused = results.find((r) => !r.ok)
    if (refused) throw new Error(`processArtwork refused the bench image: ${JSON.stringify(refused)}`)
  })
}

const MODES = {
  'bare-1': { label: 'bare sharp, one at a time (10 images)', run: (image: Buffer) => measureBare(image, { count: 10, concurrency: 1 }) },
  'bare-20': { label: 'bare sharp, 20 at once', run: (image: Buffer) => measureBare(image, { count: 20, concurrency: 20 }) },
  'artwork-20': {
    label: `processArtwork, 20 at once (queue: ${ARTWORK_CONCURRENCY})`,
    run: async (image: Buffer) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'artwork-bench-'))
      try {
        return await measureArtwork(image, { count: 20, dir })
      } finally {
        await fs.rm(dir, { recursive: true, force: true })
      }
    },
  },
} as const
type Mode = keyof typeof MODES
const isMode = (name: string | undefined): name is Mode => name !== undefined && Object.hasOwn(MODES, name)

/** Each measurement in a process of its own (resident memory seldom shrinks), one line each. */
async function main() {
  const mode = process.argv[2]
  if (!isMode(mode)) {
    const image = await photoLikeJpeg()
    const meta = await sharp(image).metadata()
    process.stdout.write(
      `Drawing-contest pictures: ${meta.width}×${meta.height} phone-like JPEG, ${(image.length / 1024 / 1024).toFixed(1)} MB, orientation ${meta.orientation}, ${os.availableParallelism()} cores\n`,
    )
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'artwork-bench-'))
    const file = path.join(dir, 'photo.jpg')
    try {
      await fs.writeFile(file, image)
      for (const name of Object.keys(MODES)) {
        const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name, file], { stdio: ['ignore', 'inherit', 'inherit'] })
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
        if (code !== 0) throw new Error(`${name} exited with ${code}`)
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
    return
  }
  await import('../../server/runtime') // the server's process settings (restarts this process with them)
  if (process.env.BENCH_VIPS_THREADS) sharp.concurrency(Number(process.env.BENCH_VIPS_THREADS))
  const image = await fs.readFile(process.argv[3] ?? '')
  await bareSharp(image) // warm-up
  const before = process.memoryUsage.rss() / 1024 / 1024
  const idle = idlePageWorkMs()
  const m = await MODES[mode].run(image)
  process.stdout.write(
    `${MODES[mode].label.padEnd(40)} ${m.imagesPerSecond.toFixed(2).padStart(6)} images/s   peak RSS ${Math.round(m.peakRssMB)} MB (${Math.round(before)} MB before)   ` +
      `page work ${m.pageWorkMs.median.toFixed(1)} ms median, ${m.pageWorkMs.p90.toFixed(1)} p90 (${idle.toFixed(1)} idle)   libvips threads ${sharp.concurrency()}\n`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
