/**
 * Image checks done on the bytes before Payload's sharp pipeline re-encodes them:
 * the format is decided from the content (not the name or the browser's claim) and the
 * pixel count is capped so one huge image cannot exhaust the server's memory. An animated
 * image counts every frame (width × height × frames): that is what decoding it costs.
 *
 * The same cap is built into the sharp Payload gets (`limitedSharp`), so no decode Payload makes
 * (resizing, cropping, the sizes) can go past it, whatever options it passes.
 */
import type { SharpDependency } from 'payload'
import sharp, { type Metadata } from 'sharp'

export const MAX_MEGAPIXELS = 40
export const MAX_INPUT_PIXELS = MAX_MEGAPIXELS * 1_000_000
export const ACCEPTED_IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const

export type ImageCheck =
  | { ok: true; width: number; height: number; frames: number; format: (typeof ACCEPTED_IMAGE_FORMATS)[number] }
  | { ok: false; reason: 'unreadable' }
  | { ok: false; reason: 'too-large'; megapixels: number; frames: number }

const roundMegapixels = (pixels: number) => Math.round(pixels / 100_000) / 10

/** `input`: the file's bytes, or the path of a file (only its header is read). */
export async function checkImage(input: Buffer | string, maxMegapixels = MAX_MEGAPIXELS): Promise<ImageCheck> {
  let meta: Metadata
  try {
    // Reads the header only (nothing is decoded). limitInputPixels: false lets us read the header
    // of a huge image and refuse it with our own message.
    meta = await sharp(input, { limitInputPixels: false }).metadata()
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  const format = ACCEPTED_IMAGE_FORMATS.find((f) => f === meta.format)
  const frameHeight = meta.pageHeight ?? meta.height
  if (!format || !meta.width || !frameHeight) return { ok: false, reason: 'unreadable' }
  const frames = Math.max(1, meta.pages ?? 1)
  const pixels = meta.width * frameHeight * frames
  if (pixels > maxMegapixels * 1_000_000) return { ok: false, reason: 'too-large', megapixels: roundMegapixels(pixels), frames }
  return { ok: true, width: meta.width, height: frameHeight, frames, format }
}

// Uploads are rare and each image is new: libvips' operation cache (up to 50 MB by default) would
// only hold memory.
sharp.cache(false)
// One libvips thread per image. On glibc Linux sharp's default is one per core once MALLOC_ARENA_MAX is set,
// as the server sets it (server/runtime.ts). Measured with drawing-contest pictures (a 4000×3000
// JPEG made upright, resized and encoded to WebP: tests/bench/artwork.ts): two threads gave no
// more images/s than one (JPEG decoding and WebP encoding run on one thread either way) and
// 5–10 MB more memory; one keeps the other core for pages while an image is processed.
sharp.concurrency(1)

/** sharp as Payload gets it: the pixel limit is set on every image it opens, whatever options it passes. */
export const limitedSharp: SharpDependency = (input, options) => sharp(input, { ...options, limitInputPixels: MAX_INPUT_PIXELS })
