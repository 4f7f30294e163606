/**
 * Staff login on a real Payload: no account lockout any more, and the password-hashing work done
 * for an unknown email is the very work Payload does to check a stored password.
 */
import { pbkdf2Sync } from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STORED_HASH } from '../../cms/services/staff-login'
import { makeStaff, skipReason, testPayload } from './payload'

describe.skipIf(skipReason)('staff login', () => {
  let payload: Payload
  let staff: Awaited<ReturnType<typeof makeStaff>>

  beforeAll(async () => {
    payload = await testPayload()
    staff = await makeStaff(payload, ['editor'])
  })
  afterAll(async () => {
    await payload.delete({ collection: 'users', id: staff.id })
  })

  it('locks no account, however many wrong passwords it is given', async () => {
    for (let i = 0; i < 7; i++) {
      await expect(payload.login({ collection: 'users', data: { email: staff.email, password: `sai-${i}` } })).rejects.toMatchObject({ status: 401 })
    }
    const login = await payload.login({ collection: 'users', data: { email: staff.email, password: 'test-password-123' } })
    expect(login.user?.email).toBe(staff.email)
  })

  it('imitates the hashing Payload does for a stored password (same algorithm, rounds and length)', async () => {
    const stored = await payload.db.findOne<{ id: number | string; hash?: string; salt?: string }>({ collection: 'users', where: { id: { equals: staff.id } } })
    const hash = stored?.hash ?? ''
    expect(hash.startsWith(STORED_HASH.prefix)).toBe(true)
    const recomputed = pbkdf2Sync('test-password-123', stored?.salt ?? '', STORED_HASH.iterations, STORED_HASH.keyLength, STORED_HASH.digest).toString('hex')
    expect(hash.slice(STORED_HASH.prefix.length)).toBe(recomputed)
  })
})
