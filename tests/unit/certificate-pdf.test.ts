/**
 * Contest certificates: one A4 landscape page per child, whose text comes back out of the file
 * exactly (names, prize, category, contest, theme, the date), in the embedded font, the same bytes
 * for the same certificates; a winner without a prize or an empty list is refused.
 */
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { certificatePdf, type CertificateDocument } from '../../cms/services/certificate-pdf'

const base: CertificateDocument = {
  language: 'vi',
  organiser: 'Sở Y tế tỉnh Tây Ninh',
  contest: { title: 'Vẽ tranh “Ước mơ của em” 2027', theme: 'Ước mơ của em' },
  issuedOn: '2027-06-01',
  place: 'Tây Ninh',
  certificates: [
    { kind: 'winner', childName: 'Nguyễn Thị Lan', category: 'Bảng A: 6–8 tuổi', prize: 'Giải Nhất', entryTitle: 'Ngôi nhà an toàn', school: 'Trường Tiểu học Tân An', entryCode: '4KQ7M' },
    { kind: 'winner', childName: 'Trần Quốc Bảo', category: 'Bảng B: 9–11 tuổi', prize: 'Giải Nhì', entryTitle: 'Bơi an toàn', entryCode: '9XR2P' },
  ],
}

async function read(pdf: Buffer) {
  const proxy = await getDocumentProxy(new Uint8Array(pdf))
  const { text, totalPages } = await extractText(proxy, { mergePages: false })
  const { info } = await proxy.getMetadata()
  const first = await proxy.getPage(1)
  const [, , width, height] = first.view
  return { pages: text, totalPages, info: info as Record<string, unknown>, width, height }
}

describe('certificatePdf', () => {
  it('prints one landscape A4 page per winner, with the name, prize, category, contest and theme', async () => {
    const { pages, totalPages, width, height } = await read(await certificatePdf(base))
    expect(totalPages).toBe(2)
    expect(width).toBeCloseTo(841.89, 1)
    expect(height).toBeCloseTo(595.28, 1)
    const [lan, bao] = pages
    for (const expected of [
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIẤY KHEN',
      'Cuộc thi Vẽ tranh “Ước mơ của em” 2027',
      'Chủ đề: “Ước mơ của em”',
      'Trao tặng em',
      'Nguyễn Thị Lan',
      'Đã đạt Giải Nhất — Bảng A: 6–8 tuổi',
      'Với tác phẩm “Ngôi nhà an toàn”',
      'Trường: Trường Tiểu học Tân An',
      'Tây Ninh, ngày 01 tháng 06 năm 2027',
      'TM. BAN TỔ CHỨC',
      'Mã bài: 4KQ7M',
    ]) {
      expect(lan).toContain(expected)
    }
    expect(lan).not.toContain('Trần Quốc Bảo')
    expect(bao).toContain('Trần Quốc Bảo')
    expect(bao).toContain('Đã đạt Giải Nhì — Bảng B: 9–11 tuổi')
    expect(bao).not.toContain('Nguyễn Thị Lan')
    expect(lan).toBe(lan?.normalize('NFC'))
  })

  it('prints certificates of participation without a prize, and in English', async () => {
    const participants: CertificateDocument = { ...base, certificates: base.certificates.map((c) => ({ ...c, kind: 'participant', prize: undefined })) }
    const vi = await read(await certificatePdf(participants))
    expect(vi.pages[0]).toContain('GIẤY CHỨNG NHẬN')
    expect(vi.pages[0]).toContain('Đã tham gia cuộc thi — Bảng A: 6–8 tuổi')
    expect(vi.pages.join(' ')).not.toContain('Giải')
    const en = await read(await certificatePdf({ ...participants, language: 'en', contest: { title: '“My dream” drawing contest 2027', theme: 'My dream' } }))
    expect(en.pages[1]).toContain('CERTIFICATE OF PARTICIPATION')
    expect(en.pages[1]).toContain('Trần Quốc Bảo')
    expect(en.pages[1]).toContain('took part in the contest — Bảng B: 9–11 tuổi')
    expect(en.pages[1]).toContain('Tây Ninh, 1 June 2027')
    expect(en.pages.join(' ')).not.toContain('CỘNG HOÀ')
  })

  it('sets decomposed (NFD) names in precomposed form, embeds a subset of the font, and gives the same bytes for the same certificates', async () => {
    const pdf = await certificatePdf({ ...base, certificates: [{ ...base.certificates[0], kind: 'winner', childName: 'Nguyễn Thị Ánh'.normalize('NFD'), category: 'Bảng A', prize: 'Giải Ba' }] })
    expect((await read(pdf)).pages[0]).toContain('Nguyễn Thị Ánh')
    const raw = pdf.toString('latin1')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Bold/)
    expect(raw).not.toContain('Helvetica')
    const { info } = await read(await certificatePdf(base))
    expect(info.Title).toBe('Giấy chứng nhận — Vẽ tranh “Ước mơ của em” 2027')
    expect((await certificatePdf(base)).equals(await certificatePdf(structuredClone(base)))).toBe(true)
  })

  it('keeps a hundred certificates small enough to mail', async () => {
    const many: CertificateDocument = { ...base, certificates: Array.from({ length: 100 }, (_, i) => ({ kind: 'participant' as const, childName: `Lê Văn Em ${i + 1}`, category: 'Bảng A: 6–8 tuổi' })) }
    const pdf = await certificatePdf(many)
    const { totalPages, pages } = await read(pdf)
    expect(totalPages).toBe(100)
    expect(pages[99]).toContain('Lê Văn Em 100')
    expect(pdf.length).toBeLessThan(1_500_000)
  })

  it('refuses an empty list and a winner without a prize', async () => {
    await expect(certificatePdf({ ...base, certificates: [] })).rejects.toThrow(RangeError)
    await expect(certificatePdf({ ...base, certificates: [{ kind: 'winner', childName: 'Lan', category: 'A' }] })).rejects.toThrow(RangeError)
  })
})
