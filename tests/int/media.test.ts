/** Uploads: EXIF (GPS included) gone from the stored original and every size, bad files refused with a clear message. */
import fs from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff, skipReason, testPayload } from './payload'

/** A JPEG photo carrying EXIF with a description and GPS coordinates, as phones make them. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1800, height: 1200, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .withExif({
      IFD0: { ImageDescription: 'Ten cua tre em', Copyright: 'private' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 40/1 0/1' },
    })
    .jpeg()
    .toBuffer()
}

/** A small valid PNG whose header claims `width` × `height` pixels (a decompression bomb's shape). */
function pngClaiming(width: number, height: number): Buffer {
  const crc = (buf: Buffer) => zlib.crc32(buf)
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A real animated WebP: `frames` frames of `size` × `size` pixels, each a different colour. */
async function animatedWebp(frames: number, size: number): Promise<Buffer> {
  const frame = (i: number) => sharp({ create: { width: size, height: size, channels: 3, background: { r: (i * 37) % 256, g: 90, b: 160 } } }).png({ compressionLevel: 1 }).toBuffer()
  const pages = await Promise.all(Array.from({ length: frames }, (_, i) => frame(i)))
  return sharp(pages, { join: { animated: true } }).webp({ effort: 0, quality: 50 }).toBuffer()
}

describe.skipIf(skipReason)('media uploads', () => {
  let payload: Payload
  let editor: Awaited<ReturnType<typeof makeStaff>>
  const created: (number | string)[] = []

  beforeAll(async () => {
    payload = await testPayload()
    editor = await makeStaff(payload, ['editor'])
  })
  afterAll(async () => {
    for (const id of created) await payload.delete({ collection: 'media', id })
    await payload.delete({ collection: 'users', id: editor.id })
  })

  const upload = (data: Buffer, name: string, mimetype: string, alt: string | null = 'Ảnh thử') =>
    payload.create({ collection: 'media', data: alt === null ? ({} as { alt: string }) /* deliberately without alt */ : { alt }, file: { data, name, mimetype, size: data.length }, user: editor, overrideAccess: false })
  const mediaCount = async () => (await payload.count({ collection: 'media' })).totalDocs

  it('stores a WebP original and sizes without EXIF or GPS', async () => {
    const photo = await photoWithGps()
    const before = await sharp(photo).metadata()
    expect(before.exif?.length ?? 0).toBeGreaterThan(0) // the input really carries EXIF

    const doc = await upload(photo, 'IMG_0001.jpg', 'image/jpeg')
    created.push(doc.id)
    expect(doc.mimeType).toBe('image/webp')
    const files = [doc.filename, ...Object.values(doc.sizes ?? {}).map((s) => s?.filename)].filter((f): f is string => Boolean(f))
    expect(files.length).toBe(4)
    for (const file of files) {
      const bytes = await fs.readFile(path.join(process.env.MEDIA_DIR ?? '', file))
      const meta = await sharp(bytes).metadata()
      expect(meta.format, file).toBe('webp')
      expect(meta.exif, file).toBeUndefined()
      expect(bytes.includes(Buffer.from('Ten cua tre em')), file).toBe(false)
    }
  })

  it('refuses an image over the pixel limit with a clear message and stores nothing', async () => {
    const count = await mediaCount()
    await expect(upload(pngClaiming(8000, 6000), 'huge.png', 'image/png')).rejects.toThrow(
      'Ảnh quá lớn: 48 megapixel. Giới hạn là 40 megapixel, hãy thu nhỏ ảnh rồi tải lên lại.',
    )
    expect(await mediaCount()).toBe(count)
  })

  it('counts every frame of an animated image: 20 frames of 2.25 megapixels are refused with the translated message, and nothing is stored', async () => {
    const animation = await animatedWebp(20, 1500)
    const meta = await sharp(animation).metadata()
    expect([meta.format, meta.pages, meta.width, meta.height]).toEqual(['webp', 20, 1500, 1500]) // each frame alone is well under the limit
    const count = await mediaCount()
    const files = await fs.readdir(process.env.MEDIA_DIR ?? '').catch(() => [])
    await expect(upload(animation, 'dong.webp', 'image/webp')).rejects.toThrow(
      'Ảnh động quá lớn: 20 khung hình, tổng cộng 45 megapixel. Giới hạn là 40 megapixel cho mọi khung hình cộng lại; hãy bớt khung hình hoặc thu nhỏ ảnh.',
    )
    expect(await mediaCount()).toBe(count)
    expect(await fs.readdir(process.env.MEDIA_DIR ?? '').catch(() => [])).toEqual(files)
  })

  it('gives Payload a sharp that keeps the pixel limit whatever options it is called with', async () => {
    const animation = await animatedWebp(20, 1500)
    const payloadSharp = payload.config.sharp
    if (!payloadSharp) throw new Error('Payload has no sharp')
    // what Payload passes for animated types, plus an attempt to lift the limit
    await expect(payloadSharp(animation, { animated: true }).webp().toBuffer()).rejects.toThrow(/exceeds pixel limit/)
    await expect(payloadSharp(animation, { animated: true, limitInputPixels: false }).toBuffer()).rejects.toThrow(/exceeds pixel limit/)
    await expect(payloadSharp(pngClaiming(8000, 6000), { limitInputPixels: 1e9 }).toBuffer()).rejects.toThrow(/exceeds pixel limit/)
    // an ordinary animation (3 small frames) is fine
    const small = await animatedWebp(3, 200)
    await expect(payloadSharp(small, { animated: true }).webp().toBuffer()).resolves.toBeInstanceOf(Buffer)
  })

  it.each([
    ['an SVG named .png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 'a.png', 'image/png'],
    ['a text file named .jpg', Buffer.from('hello, not an image'), 'a.jpg', 'image/jpeg'],
  ])('refuses %s', async (_label, data, name, mimetype) => {
    const count = await mediaCount()
    await expect(upload(data, name, mimetype)).rejects.toThrow()
    expect(await mediaCount()).toBe(count)
  })

  it('requires alternative text', async () => {
    const count = await mediaCount()
    await expect(upload(await photoWithGps(), 'x.jpg', 'image/jpeg', null)).rejects.toMatchObject({ data: { errors: [{ path: 'alt' }] } })
    expect(await mediaCount()).toBe(count)
  })

  it('lets only editors and admins upload', async () => {
    const coordinator = await makeStaff(payload, ['coordinator'])
    const data = await photoWithGps()
    await expect(
      payload.create({ collection: 'media', data: { alt: 'x' }, file: { data, name: 'x.jpg', mimetype: 'image/jpeg', size: data.length }, user: coordinator, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.delete({ collection: 'users', id: coordinator.id })
  })
})
