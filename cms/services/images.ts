/**
 * Image checks done on the bytes before Payload's sharp pipeline re-encodes them:
 * the format is decided from the content (not the name or the browser's claim) and the
 * pixel count is capped so one huge image cannot exhaust the server's memory.
 */
import sharp, { type Metadata } from 'sharp'

export const MAX_MEGAPIXELS = 40
export const ACCEPTED_IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const

export type ImageCheck =
  | { ok: true; width: number; height: number; format: (typeof ACCEPTED_IMAGE_FORMATS)[number] }
  | { ok: false; reason: 'unreadable' }
  | { ok: false; reason: 'too-large'; megapixels: number }

export async function checkImage(bytes: Buffer, maxMegapixels = MAX_MEGAPIXELS): Promise<ImageCheck> {
  let meta: Metadata
  try {
    // limitInputPixels: false lets us read the header of a huge image and refuse it with our message
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  const format = ACCEPTED_IMAGE_FORMATS.find((f) => f === meta.format)
  if (!format || !meta.width || !meta.height) return { ok: false, reason: 'unreadable' }
  const megapixels = (meta.width * meta.height) / 1_000_000
  if (megapixels > maxMegapixels) return { ok: false, reason: 'too-large', megapixels: Math.round(megapixels * 10) / 10 }
  return { ok: true, width: meta.width, height: meta.height, format }
}
