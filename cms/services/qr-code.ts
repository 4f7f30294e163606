/**
 * QR codes: the check-in code in sign-up confirmations and the VietQR code of a money pledge
 * (cms/services/vietqr.ts). The modules come from the `qr` package (paulmillr/qr: ISO/IEC 18004
 * with the mask chosen by penalty score, no dependencies), about five times faster than the
 * `qrcode` package, whose mask search took most of a pledge answer's time. Two small renderers
 * draw those modules:
 * - SVG, one stroked path with a horizontal run per row of dark modules (a few KB, crisp at any
 *   size, shown on the pledge answer page);
 * - PNG, 1 bit per pixel (for email, where SVG is not shown): a fraction of the time and size of
 *   an RGBA PNG.
 * tests/unit/qr-code.test.ts reads both back with the package's decoder.
 */
import { crc32, deflateSync } from 'node:zlib'
import encodeQR, { type ErrorCorrection } from 'qr'

export type QrOptions = {
  /** White modules around the code (the standard asks for 4; 2 is read by every phone). */
  margin: number
  errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H'
}

const ECC: Record<QrOptions['errorCorrectionLevel'], ErrorCorrection> = { L: 'low', M: 'medium', Q: 'quartile', H: 'high' }

/** The code's modules, row by row (true = dark), without a quiet zone. */
export function qrModules(text: string, level: QrOptions['errorCorrectionLevel']): boolean[][] {
  // the package draws at least one module of border: taken off here, each renderer adds its own
  return encodeQR(text, 'raw', { ecc: ECC[level], border: 1 })
    .slice(1, -1)
    .map((row) => row.slice(1, -1))
}

/** An SVG document: a white square and one path of dark runs, `margin` modules of white around. */
export function qrSvg(text: string, options: QrOptions): string {
  const modules = qrModules(text, options.errorCorrectionLevel)
  const side = modules.length + 2 * options.margin
  let d = ''
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++
        continue
      }
      const start = x
      while (row[x]) x++
      d += `M${start + options.margin} ${y + options.margin + 0.5}h${x - start}`
    }
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><path fill="#fff" d="M0 0h${side}v${side}H0z"/><path stroke="#000" d="${d}"/></svg>`
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, data, crc])
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A 1-bit grayscale PNG, `scale` pixels per module. */
export function qrPng(text: string, options: QrOptions & { scale: number }): Buffer {
  const modules = qrModules(text, options.errorCorrectionLevel)
  const size = modules.length
  const side = (size + 2 * options.margin) * options.scale
  const rowBytes = Math.ceil(side / 8)
  // each row: filter byte 0, then pixels, 1 = white, 0 = black, most significant bit first
  const raw = Buffer.alloc((rowBytes + 1) * side, 0xff)
  for (let y = 0; y < side; y++) {
    const row = y * (rowBytes + 1)
    raw[row] = 0
    const line = modules[Math.floor(y / options.scale) - options.margin]
    if (!line) continue
    for (let x = 0; x < side; x++) {
      if (!line[Math.floor(x / options.scale) - options.margin]) continue
      const at = row + 1 + (x >> 3)
      raw[at] = (raw[at] ?? 0) & ~(0x80 >> (x & 7))
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // grayscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
