/** QR codes (cms/services/qr-code.ts): what the PNG and SVG renderers draw reads back, with the qr package's decoder, to the text encoded. */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { qrModules, qrPng, qrSvg } from '../../cms/services/qr-code'
import { readQr } from '../helpers/qr'

const TEXTS = [
  'http://127.0.0.1:3999/admin/check-in?ref=0A1B2C3D4E',
  `https://bienhoa.treem.example.vn/admin/check-in?ref=${'F'.repeat(10)}`,
  'x',
  'Đường dây nóng 111: gọi miễn phí',
]

describe('QR codes', () => {
  it.each(TEXTS)('draws a PNG that reads back as %s', async (text) => {
    const png = qrPng(text, { scale: 5, margin: 2, errorCorrectionLevel: 'M' })
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
    expect(info.width).toBe((qrModules(text, 'M').length + 4) * 5)
    expect(new Set(data)).toEqual(new Set([0, 255]))
    expect(await readQr(png)).toBe(text)
  })

  it.each(TEXTS)('draws an SVG that reads back as %s', async (text) => {
    const svg = qrSvg(text, { margin: 4, errorCorrectionLevel: 'M' })
    const side = qrModules(text, 'M').length + 8
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`)
    expect(await readQr(svg)).toBe(text)
  })

  it('keeps the quiet zone white and draws the finder pattern black', async () => {
    const png = qrPng('x', { scale: 5, margin: 4, errorCorrectionLevel: 'M' })
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
    expect(data[10 * info.width + 10]).toBe(255)
    expect(data[22 * info.width + 22]).toBe(0)
  })

  it('raises the error correction level on request (more modules for the same text)', () => {
    const text = 'https://bienhoa.treem.example.vn/admin/check-in?ref=0A1B2C3D4E'
    expect(qrModules(text, 'H').length).toBeGreaterThan(qrModules(text, 'L').length)
  })
})
