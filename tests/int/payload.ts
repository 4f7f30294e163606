/**
 * The Payload instance of a test file (real config, real database of this run), and helpers
 * to act as a given staff user or as the anonymous public.
 */
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import type { Payload } from 'payload'
import type { Role } from '../../cms/access/roles'

export const skipReason = inject('skipReason')

let instance: Promise<Payload> | null = null

/** Starts Payload once per test file; environment changes made before the first call apply. */
export function testPayload(): Promise<Payload> {
  instance ??= import('../../cms/bootstrap').then((m) => m.startPayload())
  return instance
}

/** A unique suffix so tests never collide with each other's data. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`

export async function makeStaff(payload: Payload, roles: Role[]) {
  const email = `${unique(roles.join('-') || 'none')}@test.vn`
  const user = await payload.create({
    collection: 'users',
    data: { email, name: `Test ${roles.join(', ')}`, roles, password: 'test-password-123' },
  })
  return { ...user, collection: 'users' as const }
}

/**
 * Sets aside the mail other test files left queued in this run's database (marked failed), so a
 * file that delivers the outbox delivers its own messages only, whatever ran before it.
 */
export async function setAsideQueuedMail(payload: Payload): Promise<void> {
  await payload.db.updateMany({
    collection: 'email-outbox',
    where: { status: { in: ['queued', 'sending'] } },
    data: { status: 'failed', lastError: 'set aside by a test file', leaseUntil: null },
  })
}
