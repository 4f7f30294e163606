/**
 * Drawing-contest pictures (cms/services/artwork.ts). Every image is made here with sharp (or
 * byte by byte: the HEIC header, the PNG bomb), nothing binary is committed. The phone photo's
 * EXIF (orientation, GPS) is read back with a few lines of TIFF parsing before it is processed,
 * so the "no GPS afterwards" check cannot pass on a fixture that never had any.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ARTWORK_CONCURRENCY,
  ARTWORK_SIZES,
  MIN_SHORT_SIDE,
  artworkQueueState,
  ogImage,
  processArtwork,
  publishCopy,
  removeFile,
  sniffImage,
  type ArtworkResult,
  type ProcessedArtwork,
} from '../../cms/services/artwork'
import { BODY_LIMITS } from '../../cms/limits'

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' }
/** Something that must never come out: the comment a phone app or a school's scanner wrote. */
const SECRET_COMMENT = 'Nguyen Van An, lop 3A, Truong Tieu hoc Hoa Binh'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'artwork-test-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const out = (dir: string) => path.join(dir, 'artworks')
const listed = async (d: string) => (await fs.readdir(d).catch(() => [] as string[])).sort()

function accepted(result: ArtworkResult): ProcessedArtwork {
  if (!result.ok) throw new Error(`refused: ${result.problem}`)
  return result.artwork
}

/** A JPEG COM segment right after SOI (what a scanner or an app may leave in the file). */
function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1')
  const segment = Buffer.alloc(4 + body.length)
  segment.writeUInt16BE(0xfffe, 0)
  segment.writeUInt16BE(body.length + 2, 2)
  body.copy(segment, 4)
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)])
}

/** IFD0's tags and the GPS IFD's tags (with GPSLatitude's degrees) of an EXIF block as sharp returns it ("Exif\0\0" + TIFF). */
function readExif(exif: Buffer): { ifd0: Set<number>; gps: Set<number>; latitudeDegrees: number | null } {
  const tiff = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0)
  const le = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ({ tag: u16(ifd + 2 + i * 12), value: u32(ifd + 2 + i * 12 + 8) }))
  const ifd0 = entries(u32(4))
  const gpsPointer = ifd0.find((e) => e.tag === 0x8825)?.value
  const gps = gpsPointer ? entries(gpsPointer) : []
  const latitude = gps.find((e) => e.tag === 0x0002)?.value // three RATIONALs: degrees, minutes, seconds
  return {
    ifd0: new Set(ifd0.map((e) => e.tag)),
    gps: new Set(gps.map((e) => e.tag)),
    latitudeDegrees: latitude === undefined ? null : u32(latitude) / u32(latitude + 4),
  }
}

/**
 * A phone photo as stored by the camera: `width`×`height` pixels of white with a red square in
 * the stored top-left corner, EXIF orientation 6 (shown turned 90° clockwise, so the square is
 * at the top right once upright), GPS, a P3 ICC profile, XMP and a comment.
 */
async function phonePhoto(width = 800, height = 600): Promise<Buffer> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withIccProfile('p3')
    .withExif({ IFD0: { Make: 'TestPhone', Artist: 'Nguyen Van An' }, IFD3: GPS })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
    .withMetadata({ orientation: 6 })
    .toBuffer()
  return withComment(jpeg, SECRET_COMMENT)
}

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3366cc' } })

/** One PNG chunk with its CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A decompression bomb's header: a valid PNG declaring 20000×20000 (1 bit grey) whose data is a few rows, ~100 bytes. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(20_000, 0)
  ihdr.writeUInt32BE(20_000, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // greyscale
  const rows = deflateSync(Buffer.alloc(4 * (1 + 20_000 / 8)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))])
}

/** An ISO-BMFF `ftyp` box (the start of a HEIC or AVIF file) and a few bytes after it. */
function ftyp(major: string, compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length)
  box.writeUInt32BE(box.length, 0)
  box.write('ftyp', 4, 'latin1')
  box.write(major, 8, 'latin1')
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'))
  return Buffer.concat([box, Buffer.from([0, 0, 0, 8]), Buffer.from('meta', 'latin1'), Buffer.alloc(64)])
}

// sharp at work on a 2-core machine that may be busy with other things: more than vitest's 5 s
describe('processArtwork', { timeout: 30_000 }, () => {
  it('turns a phone photo upright and removes everything but the pixels (EXIF with GPS, ICC, XMP, comments)', async () => {
    const photo = await phonePhoto()
    // the fixture really carries what must go
    const before = await sharp(photo).metadata()
    expect(before.orientation).toBe(6)
    expect(before.icc).toBeInstanceOf(Buffer)
    expect(before.xmp).toBeInstanceOf(Buffer)
    const exif = readExif(before.exif ?? Buffer.alloc(0))
    expect(exif.ifd0.has(0x8825)).toBe(true) // GPS IFD pointer
    expect(exif.gps.has(0x0002)).toBe(true) // GPSLatitude
    expect(exif.latitudeDegrees).toBe(21)
    expect(photo.includes(SECRET_COMMENT)).toBe(true)

    const artwork = accepted(await processArtwork(photo, out(dir)))
    expect(artwork.source).toEqual({ format: 'jpeg', width: 800, height: 600, bytes: photo.length })
    // upright: 800×600 stored, shown 600×800; never enlarged
    expect([artwork.large.width, artwork.large.height]).toEqual([600, 800])
    expect([artwork.small.width, artwork.small.height]).toEqual([360, 480])

    for (const size of [artwork.large, artwork.small]) {
      const bytes = await fs.readFile(path.join(out(dir), size.file))
      expect(bytes.length).toBe(size.bytes)
      const meta = await sharp(bytes).metadata()
      expect(meta.format).toBe('webp')
      expect([meta.width, meta.height]).toEqual([size.width, size.height])
      expect(meta.exif).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.iptc).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      for (const text of ['Exif', 'GPS', 'TestPhone', 'Nguyen', 'xmpmeta', 'ICC_PROFILE']) expect(bytes.includes(text)).toBe(false)

      // the red square, stored top-left, is now top-right; the top-left is white
      const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true })
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)]
      const inset = Math.round(info.width / 60) // inside the square at either size
      const [r, g, b] = pixel(info.width - 1 - inset, inset)
      expect(r).toBeGreaterThan(200)
      expect(g).toBeLessThan(60)
      expect(b).toBeLessThan(60)
      expect(Math.min(...pixel(inset, inset))).toBeGreaterThan(230)
      expect(Math.min(...pixel(inset, info.height - 1 - inset))).toBeGreaterThan(230)
    }
  })

  it('makes the large size at most 1600 px and the small one at most 480 px on the longest side', async () => {
    const artwork = accepted(await processArtwork(await solid(3000, 2000).jpeg().toBuffer(), out(dir)))
    expect([artwork.large.width, artwork.large.height]).toEqual([ARTWORK_SIZES.large.side, 1067])
    expect([artwork.small.width, artwork.small.height]).toEqual([ARTWORK_SIZES.small.side, 320])
    const tall = accepted(await processArtwork(await solid(1000, 4000).png().toBuffer(), out(dir)))
    expect([tall.large.width, tall.large.height]).toEqual([400, 1600])
    expect([tall.small.width, tall.small.height]).toEqual([120, 480])
  })

  it('never enlarges a small picture', async () => {
    const artwork = accepted(await processArtwork(await solid(300, 250).jpeg().toBuffer(), out(dir)))
    expect([artwork.large.width, artwork.large.height]).toEqual([300, 250])
    expect([artwork.small.width, artwork.small.height]).toEqual([300, 250])
  })

  it('accepts PNG (transparency kept) and WebP', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer()
    const fromPng = accepted(await processArtwork(png, out(dir)))
    expect(fromPng.source.format).toBe('png')
    expect((await sharp(path.join(out(dir), fromPng.large.file)).metadata()).hasAlpha).toBe(true)
    const webp = await solid(640, 480).webp().toBuffer()
    const fromWebp = accepted(await processArtwork(webp, out(dir)))
    expect(fromWebp.source).toEqual({ format: 'webp', width: 640, height: 480, bytes: webp.length })
    expect([fromWebp.large.width, fromWebp.large.height]).toEqual([640, 480])
  })

  it('reads a file path as well as bytes (the upload handler’s temporary file)', async () => {
    const file = path.join(dir, 'upload-tmp-123')
    const photo = await phonePhoto()
    await fs.writeFile(file, photo)
    const artwork = accepted(await processArtwork(file, out(dir)))
    expect(artwork.source).toEqual({ format: 'jpeg', width: 800, height: 600, bytes: photo.length })
    expect([artwork.large.width, artwork.large.height]).toEqual([600, 800])
    expect(await fs.readFile(file)).toEqual(photo) // the input is left alone
  })

  it.each([
    ['HTML', Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="red"/></svg>')],
    ['SVG with an XML declaration', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"/>')],
    ['PDF', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')],
    ['empty', Buffer.alloc(0)],
  ])('refuses %s bytes named .jpg as not-an-image', async (_kind, bytes) => {
    const file = path.join(dir, 'drawing.jpg')
    await fs.writeFile(file, bytes)
    expect(await processArtwork(file, out(dir))).toEqual({ ok: false, problem: 'not-an-image' })
    expect(await processArtwork(bytes, out(dir))).toEqual({ ok: false, problem: 'not-an-image' })
    expect(await listed(out(dir))).toEqual([])
  })

  it('refuses images sharp could read but the contest does not take (GIF, TIFF, AVIF) as not-an-image', async () => {
    for (const bytes of [await solid(400, 400).gif().toBuffer(), await solid(400, 400).tiff().toBuffer(), await solid(400, 400).avif().toBuffer()]) {
      expect(await processArtwork(bytes, out(dir))).toEqual({ ok: false, problem: 'not-an-image' })
    }
  })

  it('answers heic for an iPhone HEIC/HEIF file, by its bytes', async () => {
    for (const bytes of [ftyp('heic', ['mif1', 'heic']), ftyp('mif1', ['mif1', 'heic', 'miaf']), ftyp('heix', ['mif1', 'heix']), ftyp('hevc', ['msf1', 'hevc'])]) {
      const file = path.join(dir, 'IMG_0001.jpg')
      await fs.writeFile(file, bytes)
      expect(await processArtwork(bytes, out(dir))).toEqual({ ok: false, problem: 'heic' })
      expect(await processArtwork(file, out(dir))).toEqual({ ok: false, problem: 'heic' })
    }
    // AVIF shares the container (and the mif1 brand): the generic answer
    expect(await processArtwork(ftyp('avif', ['mif1', 'avif', 'miaf']), out(dir))).toEqual({ ok: false, problem: 'not-an-image' })
    expect(sniffImage(ftyp('mif1', ['mif1', 'avif']))).toBe('other')
    expect(sniffImage(ftyp('isom', ['isom', 'mp41']))).toBe('other') // a video
  })

  it('refuses a decompression bomb (a tiny PNG declaring 20000×20000) from its header', async () => {
    const bomb = pngBomb()
    expect(bomb.length).toBeLessThan(200)
    expect(await processArtwork(bomb, out(dir))).toEqual({ ok: false, problem: 'too-many-pixels', megapixels: 400 })
    expect(await listed(out(dir))).toEqual([])
  })

  it('refuses a 60-megapixel photo (10000×6000) as too-many-pixels', async () => {
    const big = await solid(10_000, 6_000).jpeg({ quality: 50, optimiseCoding: false }).toBuffer() // one pass: about a second
    expect(big.length).toBeLessThan(BODY_LIMITS.uploadFile)
    expect(await processArtwork(big, out(dir))).toEqual({ ok: false, problem: 'too-many-pixels', megapixels: 60 })
  })

  it('refuses more than 15 MB as file-too-large, before looking at the bytes', async () => {
    const photo = await phonePhoto()
    const tooBig = Buffer.concat([photo, Buffer.alloc(16 * 1024 * 1024 - photo.length)])
    expect(tooBig.length).toBeGreaterThan(BODY_LIMITS.uploadFile)
    expect(await processArtwork(tooBig, out(dir))).toEqual({ ok: false, problem: 'file-too-large' })
    const file = path.join(dir, 'big.jpg')
    await fs.writeFile(file, tooBig)
    expect(await processArtwork(file, out(dir))).toEqual({ ok: false, problem: 'file-too-large' })
    // exactly at the limit is a size check passed (then the image itself is judged: a photo with padding after it)
    const atLimit = Buffer.concat([photo, Buffer.alloc(BODY_LIMITS.uploadFile - photo.length)])
    expect((await processArtwork(atLimit, out(dir))).ok).toBe(true)
  })

  it('answers unreadable for a truncated JPEG (header intact, pixels cut off), without throwing or leaving files', async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer()
    const truncated = photo.subarray(0, Math.floor(photo.length / 2))
    expect((await sharp(truncated).metadata()).width).toBe(1200) // the header still reads
    expect(await processArtwork(truncated, out(dir))).toEqual({ ok: false, problem: 'unreadable' })
    expect(await processArtwork(photo.subarray(0, 40), out(dir))).toEqual({ ok: false, problem: 'unreadable' })
    expect(await listed(out(dir))).toEqual([])
  })

  it(`refuses a picture under ${MIN_SHORT_SIDE} px on its short side as too-small`, async () => {
    expect(await processArtwork(await solid(50, 50).png().toBuffer(), out(dir))).toEqual({ ok: false, problem: 'too-small' })
    expect(await processArtwork(await solid(1600, MIN_SHORT_SIDE - 1).jpeg().toBuffer(), out(dir))).toEqual({ ok: false, problem: 'too-small' })
    expect((await processArtwork(await solid(MIN_SHORT_SIDE, MIN_SHORT_SIDE).jpeg().toBuffer(), out(dir))).ok).toBe(true)
  })

  it('stores each file under a new random name that says nothing of the input, and leaves no temporary file', async () => {
    const file = path.join(dir, 'Nguyen-Van-An-lop-3A.jpg')
    await fs.writeFile(file, await phonePhoto())
    const first = accepted(await processArtwork(file, out(dir)))
    const second = accepted(await processArtwork(file, out(dir)))
    const names = [first.large.file, first.small.file, second.large.file, second.small.file]
    expect(new Set(names).size).toBe(4)
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9_-]{22}\.webp$/)
      expect(name.toLowerCase()).not.toContain('nguyen')
      expect(name).not.toContain('3A')
    }
    // refusals and a truncated file add nothing either
    await processArtwork(pngBomb(), out(dir))
    await processArtwork((await phonePhoto()).subarray(0, 2000), out(dir))
    expect(await listed(out(dir))).toEqual([...names].sort())
  })

  it('throws (and leaves nothing) when the directory cannot be made', async () => {
    const blocked = path.join(dir, 'a-file')
    await fs.writeFile(blocked, 'not a directory')
    await expect(processArtwork(await phonePhoto(), path.join(blocked, 'artworks'))).rejects.toThrow()
    expect(await listed(dir)).toEqual(['a-file'])
  })

  it(`processes at most ${ARTWORK_CONCURRENCY} picture(s) at a time, the rest waiting in the queue`, async () => {
    const photo = await solid(2400, 1800).jpeg().toBuffer()
    let most = 0
    let sawWaiting = false
    const watch = setInterval(() => {
      const state = artworkQueueState()
      most = Math.max(most, state.active)
      sawWaiting ||= state.waiting > 0
    }, 1)
    const results = await Promise.all(Array.from({ length: ARTWORK_CONCURRENCY + 3 }, () => processArtwork(photo, out(dir))))
    clearInterval(watch)
    expect(results.every((r) => r.ok)).toBe(true)
    expect(most).toBeLessThanOrEqual(ARTWORK_CONCURRENCY)
    expect(most).toBeGreaterThan(0)
    expect(sawWaiting).toBe(true)
    expect(artworkQueueState()).toEqual({ active: 0, waiting: 0 })
  })
})

describe('publishCopy, removeFile', () => {
  it('makes a public copy under another name with the same bytes; removing it leaves the private file', async () => {
    const artwork = accepted(await processArtwork(await phonePhoto(), out(dir)))
    const privateFile = artwork.large.file
    const publicFile = await publishCopy(out(dir), privateFile)
    expect(publicFile).not.toBe(privateFile)
    expect(publicFile).toMatch(/^[A-Za-z0-9_-]{22}\.webp$/)
    const privateBytes = await fs.readFile(path.join(out(dir), privateFile))
    expect(await fs.readFile(path.join(out(dir), publicFile))).toEqual(privateBytes)

    await removeFile(out(dir), publicFile)
    expect(await listed(out(dir))).toEqual([artwork.large.file, artwork.small.file].sort())
    expect(await fs.readFile(path.join(out(dir), privateFile))).toEqual(privateBytes)
    await removeFile(out(dir), publicFile) // already gone: fine
  })

  it('refuses names that are not its own files (no paths)', async () => {
    await fs.mkdir(out(dir))
    await fs.writeFile(path.join(dir, 'keep.txt'), 'x')
    await expect(removeFile(out(dir), '../keep.txt')).rejects.toThrow(/not an artwork file name/)
    await expect(publishCopy(out(dir), '../keep.txt')).rejects.toThrow(/not an artwork file name/)
    expect(await fs.readFile(path.join(dir, 'keep.txt'), 'utf8')).toBe('x')
  })
})

describe('ogImage', () => {
  it('makes a 1200×630 share image: the whole picture, letterboxed on white, under a new random name', async () => {
    const artwork = accepted(await processArtwork(await phonePhoto(), out(dir))) // upright: 600×800, portrait
    const share = await ogImage(out(dir), artwork.large.file)
    expect(share.file).toMatch(/^[A-Za-z0-9_-]{22}\.jpg$/)
    const bytes = await fs.readFile(path.join(out(dir), share.file))
    expect(bytes.length).toBe(share.bytes)
    const meta = await sharp(bytes).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630])
    expect([share.width, share.height]).toEqual([1200, 630])
    expect(meta.exif).toBeUndefined()
    // the picture (472×630 once contained) sits in the middle: the far left and right are background
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [...data.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3)]
    expect(Math.min(...pixel(20, 315))).toBeGreaterThan(240)
    const [r, g, b] = pixel(600 + 236 - 20, 20) // the red square, top right of the picture
    expect(r).toBeGreaterThan(200)
    expect(g).toBeLessThan(60)
    expect(b).toBeLessThan(60)

    const webp = await ogImage(out(dir), artwork.large.file, { format: 'webp' })
    expect(webp.file).toMatch(/\.webp$/)
    expect((await sharp(path.join(out(dir), webp.file)).metadata()).format).toBe('webp')
    expect(await listed(out(dir))).toEqual([artwork.large.file, artwork.small.file, share.file, webp.file].sort())
  })
})
