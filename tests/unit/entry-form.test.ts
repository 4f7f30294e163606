/**
 * The contest entry form as the site reads it: field names to the shared schema's shape (dates
 * as families type them), what a teacher's next form carries over, and the picture messages
 * with their figures filled in.
 */
import { describe, expect, it } from 'vitest'
import { ZEntry } from '../../cms/schemas/entry'
import { CARRIED_TO_NEXT, entryMessage, toEntryInput } from '../../site/lib/cms/contests'

const form = {
  contestId: '12',
  idempotencyKey: 'abcdefghijklmnopqrstuvwx',
  title: 'Ngôi nhà của em',
  statement: '',
  'child.familyName': 'Nguyễn Thị',
  'child.givenName': 'Lan',
  'child.birthDate': '15/03/2018',
  'child.school': 'Trường Tiểu học Tân An',
  'child.className': '',
  'child.area': '3',
  submittedBy: 'school',
  'contact.name': 'Cô Hoa',
  'contact.phone': '0912 345 678',
  'contact.email': '',
  'consent.participation': 'on',
  'consent.childAssent': 'on',
}

describe('the entry form', () => {
  it('reads a form as the shared schema expects it: a typed dd/mm/yyyy date, unticked boxes as no, blanks as nothing', () => {
    const parsed = ZEntry.safeParse(toEntryInput(form))
    expect(parsed.success).toBe(true)
    if (!parsed.success) return
    expect(parsed.data).toMatchObject({ contestId: 12, submittedBy: 'school', child: { birthDate: '2018-03-15', area: 3, givenName: 'Lan' }, consent: { participation: true, childAssent: true, publication: false, publicationChild: false } })
    expect(parsed.data.statement).toBeUndefined()
    expect(parsed.data.child.className).toBeUndefined()
    expect(parsed.data.contact.email).toBeUndefined()
  })

  it('refuses a form without the guardian\u2019s consent or a contact, naming the fields', () => {
    const { ['consent.participation']: _, ...withoutConsent } = form
    const parsed = ZEntry.safeParse(toEntryInput({ ...withoutConsent, 'contact.phone': '' }))
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['consent.participation', 'contact.phone'])
  })

  it("carries a teacher's school, class, commune and contact to the next form, never the child or the consents", () => {
    expect([...CARRIED_TO_NEXT].sort()).toEqual(['child.area', 'child.className', 'child.school', 'contact.email', 'contact.name', 'contact.phone', 'submittedBy'])
  })

  it('fills the picture messages with the upload limit, the pixel limit and the least side', () => {
    expect(entryMessage('file-too-large', 'vi')).toBe('Ảnh quá lớn: tối đa 15 MB. Hãy chụp lại với chất lượng thấp hơn hoặc gửi ảnh đã thu nhỏ.')
    expect(entryMessage('too-many-pixels', 'en', { megapixels: 52.4 })).toBe('The picture has too many pixels (52.4 megapixels; 40 at most). Please send a smaller one.')
    expect(entryMessage('too-small', 'vi')).toContain('ít nhất 200 điểm ảnh')
    expect(entryMessage('heic', 'en')).toMatch(/^HEIC pictures \(iPhone\) are not accepted yet/)
  })
})
