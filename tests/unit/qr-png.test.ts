/** The check-in QR code's PNG (cms/email/qr-png.ts) shows exactly what the qrcode package's own PNG renderer draws. */
import QRCode from 'qrcode'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { qrPng } from '../../cms/email/qr-png'

const pixels = async (png: Buffer) => sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })

describe('QR code PNG', () => {
  it.each(['http://127.0.0.1:3999/admin/check-in?ref=0A1B2C3D4E', `https://bienhoa.treem.example.vn/admin/check-in?ref=${'F'.repeat(10)}`, 'x'])(
    'draws the same pixels as the qrcode renderer for %s',
    async (text) => {
      const options = { scale: 5, margin: 2, errorCorrectionLevel: 'M' } as const
      const ours = await pixels(qrPng(text, options))
      const theirs = await pixels(await QRCode.toBuffer(text, { type: 'png', ...options }))
      expect([ours.info.width, ours.info.height]).toEqual([theirs.info.width, theirs.info.height])
      expect(ours.data.equals(theirs.data)).toBe(true)
      expect(new Set(ours.data)).toEqual(new Set([0, 255]))
    },
  )
})
