/** Reads a QR code from an image file (PNG, or SVG rasterised by sharp) with the qr package's decoder, as a phone's camera would read the picture. */
import decodeQR from 'qr/decode.js'
import sharp from 'sharp'

export async function readQr(image: Buffer | string): Promise<string> {
  const { data, info } = await sharp(typeof image === 'string' ? Buffer.from(image) : image, { density: 288 })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return decodeQR({ width: info.width, height: info.height, data }, { format: 'RGBA' })
}
