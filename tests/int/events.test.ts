/** Events as staff write them and as the public sees them (through site/lib/cms). */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '../../cms/services/registrations'
import { createCms } from '../../site/lib/cms'
import { makePlace } from './fixtures'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('events', () => {
  let payload: Payload
  let place: Awaited<ReturnType<typeof makePlace>>
  const makeEvent = (extra: Record<string, unknown> = {}, draft = false) => place.makeEvent({ capacity: 3, eligibility: { minAge: 6, maxAge: 10 }, sessions: [{ date: '2031-07-02', start: '07:30', end: '09:00' }], ...extra }, draft)
  const signUpOne = (eventId: number | string, givenName: string) =>
    signUp(payload, {
      eventId,
      idempotencyKey: unique('k'),
      submittedBy: 'guardian',
      guardian: { name: 'Phụ huynh', relationship: 'mother', phone: '+84912345678' },
      guardianConsent: true,
      children: [{ familyName: 'Lê', givenName, birthDate: '2023-01-01', assent: true, photoConsent: false }],
    })

  beforeAll(async () => {
    payload = await testPayload()
    place = await makePlace(payload)
  })
  afterAll(() => place.cleanup())

  it('versions the consent wording when its text changes, not when it is translated', async () => {
    const event = await makeEvent({ consent: { guardian: 'Đồng ý.', childAssent: 'Em đồng ý.' } })
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
    await signUpOne(open.id, 'Na')
    const listed = await cms.events('vi', { area: String(place.commune.id) })
    expect(listed.map((e) => e.slug)).toContain(open.slug)
    expect(listed.map((e) => e.slug)).not.toContain(hidden.slug)
    const seen = await cms.eventBySlug('vi', open.slug)
    expect(seen).toMatchObject({ seats: { open: 2, reserved: 0, total: 2 }, firstDay: '2031-07-02', state: 'open' })
    expect(await cms.eventBySlug('vi', hidden.slug)).toBeNull()
  })

  it('counts reserved seats apart from open ones, so a family outside the priority groups is not told of seats it cannot have', async () => {
    const cms = createCms(payload)
    const event = await makeEvent({ capacity: 3, reservedSeats: 2, eligibility: { minAge: 6, maxAge: 10, priorityGroups: ['poor'] } })
    await signUpOne(event.id, 'Ngân')
    expect((await cms.eventBySlug('vi', event.slug))?.seats).toEqual({ open: 0, reserved: 2, total: 2, reservedFor: ['poor'] })
    // seats held back for nobody would be seats nobody can have: refused, with a translated message
    await expect(makeEvent({ capacity: 3, reservedSeats: 2 })).rejects.toThrow(/nhóm ưu tiên/)
    await expect(makeEvent({ capacity: 3, reservedSeats: 4, eligibility: { priorityGroups: ['poor'] } })).rejects.toThrow(/nhiều hơn số chỗ/)
  })

  it('filters by the child’s age and by free seats', async () => {
    const cms = createCms(payload)
    const young = await makeEvent({ eligibility: { minAge: 3, maxAge: 5 } })
    const full = await makeEvent({ capacity: 1, eligibility: { minAge: 6, maxAge: 10 } })
    await signUpOne(full.id, 'Mi')
    const forAge4 = (await cms.events('vi', { area: String(place.commune.id), age: 4 })).map((e) => e.slug)
    expect(forAge4).toContain(young.slug)
    expect(forAge4).not.toContain(full.slug)
    const withSeats = (await cms.events('vi', { area: String(place.commune.id), seatsOnly: true })).map((e) => e.slug)
    expect(withSeats).toContain(young.slug)
    expect(withSeats).not.toContain(full.slug)
  })
})
