/** Areas: the two-level structure (province → commune) in force since 1 July 2025. */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipReason, testPayload, unique } from './payload'

describe.skipIf(skipReason)('areas', () => {
  let payload: Payload
  let province: { id: number | string }
  const created: (number | string)[] = []

  const area = async (data: { level: 'province' | 'commune' | 'district'; parent?: number | string }) => {
    const doc = await payload.create({ collection: 'areas', data: { name: unique('Địa bàn'), code: unique('dia-ban'), level: data.level, parent: data.parent as number | undefined } })
    created.unshift(doc.id)
    return doc
  }

  beforeAll(async () => {
    payload = await testPayload()
    province = await area({ level: 'province' })
  })
  afterAll(async () => {
    for (const id of created) await payload.delete({ collection: 'areas', id })
  })

  it('puts a commune under a province', async () => {
    const commune = await area({ level: 'commune', parent: province.id })
    const parent = commune.parent
    expect(typeof parent === 'object' && parent ? parent.id : parent).toBe(province.id)
  })

  it('refuses a commune without a province, or under another commune, with a translated message', async () => {
    const commune = await area({ level: 'commune', parent: province.id })
    await expect(area({ level: 'commune' })).rejects.toMatchObject({
      data: { errors: [{ path: 'parent', message: 'Xã/phường phải thuộc một tỉnh/thành phố.' }] },
    })
    await expect(area({ level: 'commune', parent: commune.id })).rejects.toMatchObject({
      data: { errors: [{ path: 'parent', message: 'Đơn vị cấp trên phải là tỉnh/thành phố.' }] },
    })
  })

  it('keeps a province at the top', async () => {
    const other = await area({ level: 'province', parent: province.id })
    expect(other.parent ?? null).toBeNull()
  })
})
