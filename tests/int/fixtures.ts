/** Data the sign-up and event tests make for themselves (and remove afterwards). */
import type { Payload } from 'payload'
import { seatPoolKeys } from '../../cms/services/seats'
import { unique } from './payload'

type Id = number | string

/** A province with one commune, and a way to remove everything made on top of them. */
export async function makePlace(payload: Payload) {
  const province = await payload.create({ collection: 'areas', data: { name: 'Tỉnh', code: unique('tinh'), level: 'province' } })
  const commune = await payload.create({ collection: 'areas', data: { name: 'Xã', code: unique('xa'), level: 'commune', parent: province.id } })
  const events: Id[] = []

  /** A published swim class in the commune (or a draft), ages 6–15 unless told otherwise. */
  const makeEvent = async (extra: Record<string, unknown> = {}, draft = false) => {
    const event = await payload.create({
      collection: 'events',
      draft,
      data: {
        title: 'Lớp bơi hè',
        slug: unique('lop-boi'),
        kind: 'swim-class',
        venue: 'Hồ bơi xã',
        area: commune.id,
        sessions: [{ date: '2031-07-01', start: '07:30', end: '09:00' }],
        capacity: 3,
        eligibility: { minAge: 6, maxAge: 15 },
        consent: { guardian: 'Tôi đồng ý cho con tham gia.', childAssent: 'Em đồng ý tham gia.', photo: 'Đồng ý cho chụp ảnh.' },
        organiser: { name: 'UBND xã' },
        _status: draft ? 'draft' : 'published',
        ...extra,
      },
    })
    events.push(event.id)
    return event
  }

  const cleanup = async () => {
    for (const id of events) {
      await payload.delete({ collection: 'claims', where: { pool: { in: Object.values(seatPoolKeys(id)) } } })
      await payload.delete({ collection: 'registrations', where: { event: { equals: id } } })
      await payload.delete({ collection: 'events', id })
    }
    await payload.delete({ collection: 'areas', id: commune.id })
    await payload.delete({ collection: 'areas', id: province.id })
  }

  return { province, commune, makeEvent, cleanup }
}
