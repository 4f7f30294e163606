/** Events as staff write them and as the public sees them (through site/lib/cms). */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '../../cms/services/registrations'
import { createCms } from '../../site/lib/cms'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('events', () => {
  let payload: Payload
  let province: { id: number | string }
  let commune: { id: number | string }
  const created: (number | string)[] = []

  beforeAll(async () => {
    payload = await testPayload()
    province = await payload.create({ collection: 'areas', data: { name: 'Tỉnh', code: unique('tinh'), level: 'province' } })
    commune = await payload.create({ collection: 'areas', data: { name: 'Xã Sự Kiện', code: unique('xa'), level: 'commune', parent: province.id as number } })
  })
  afterAll(async () => {
    for (const id of created) {
      await payload.delete({ collection: 'seats', where: { event: { equals: id } } })
      await payload.delete({ collection: 'registrations', where: { event: { equals: id } } })
      await payload.delete({ collection: 'events', id })
    }
    await payload.delete({ collection: 'areas', id: commune.id })
    await payload.delete({ collection: 'areas', id: province.id })
  })

  const makeEvent = async (extra: Record<string, unknown> = {}, draft = false) => {
    const doc = await payload.create({
      collection: 'events',
      draft,
      data: {
        title: 'Lớp bơi',
        slug: unique('lop'),
        kind: 'swim-class',
        venue: 'Hồ bơi',
        area: commune.id as number,
        sessions: [{ date: '2031-07-02', start: '07:30', end: '09:00' }],
        capacity: 3,
        eligibility: { minAge: 6, maxAge: 10 },
        consent: { guardian: 'Đồng ý.', childAssent: 'Em đồng ý.' },
        organiser: { name: 'Xã' },
        _status: draft ? 'draft' : 'published',
        ...extra,
      },
    })
    created.push(doc.id)
    return doc
  }

  it('versions the consent wording when its text changes, not when it is translated', async () => {
    const event = await makeEvent()
    expect(event.consent?.version).toBe('v1')
    const translated = await payload.update({ collection: 'events', id: event.id, locale: 'en', data: { title: 'Swim class', venue: 'Pool', consent: { guardian: 'I agree.', childAssent: 'I agree too.' } } })
    expect(translated.consent?.version).toBe('v1')
    const unchanged = await payload.update({ collection: 'events', id: event.id, locale: 'vi', data: { consent: { guardian: 'Đồng ý.', childAssent: 'Em đồng ý.' } } })
    expect(unchanged.consent?.version).toBe('v1')
    const edited = await payload.update({ collection: 'events', id: event.id, locale: 'vi', data: { consent: { guardian: 'Tôi đồng ý cho con tham gia.', childAssent: 'Em đồng ý.' } } })
    expect(edited.consent?.version).toBe('v2')
  })

  it('shows the public published events with seats left counted from the seats taken', async () => {
    const cms = createCms(payload)
    const open = await makeEvent()
    const hidden = await makeEvent({}, true)
    await signUp(payload, {
      eventId: open.id,
      idempotencyKey: unique('k'),
      submittedBy: 'guardian',
      guardian: { name: 'Phụ huynh', relationship: 'mother', phone: '+84912345678' },
      guardianConsent: true,
      children: [{ familyName: 'Lê', givenName: 'Na', birthDate: '2023-01-01', assent: true, photoConsent: false }],
    })
    const listed = await cms.events('vi', { area: String(commune.id) })
    expect(listed.map((e) => e.slug)).toContain(open.slug)
    expect(listed.map((e) => e.slug)).not.toContain(hidden.slug)
    const seen = await cms.eventBySlug('vi', open.slug)
    expect(seen).toMatchObject({ seatsLeft: 2, firstDay: '2031-07-02', state: 'open' })
    expect(await cms.eventBySlug('vi', hidden.slug)).toBeNull()
  })

  it('filters by the child’s age and by free seats', async () => {
    const cms = createCms(payload)
    const young = await makeEvent({ eligibility: { minAge: 3, maxAge: 5 } })
    const full = await makeEvent({ capacity: 1, eligibility: { minAge: 6, maxAge: 10 } })
    await signUp(payload, {
      eventId: full.id,
      idempotencyKey: unique('k'),
      submittedBy: 'guardian',
      guardian: { name: 'Phụ huynh', relationship: 'mother', phone: '+84912345678' },
      guardianConsent: true,
      children: [{ familyName: 'Lê', givenName: 'Mi', birthDate: '2023-01-01', assent: true, photoConsent: false }],
    })
    const forAge4 = (await cms.events('vi', { area: String(commune.id), age: 4 })).map((e) => e.slug)
    expect(forAge4).toContain(young.slug)
    expect(forAge4).not.toContain(full.slug)
    const withSeats = (await cms.events('vi', { area: String(commune.id), seatsOnly: true })).map((e) => e.slug)
    expect(withSeats).toContain(young.slug)
    expect(withSeats).not.toContain(full.slug)
  })
})
