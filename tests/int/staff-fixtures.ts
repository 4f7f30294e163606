/**
 * What the staff tests share: a covered place and an uncovered one, one user per role that
 * matters (the coordinator covers the first province), sign-ups through the real service, and
 * calls through Payload's real REST handler as a logged-in user. Everything made is removed.
 */
import { createLocalReq, handleEndpoints, type Payload } from 'payload'
import { signUp, type ChildInput } from '../../cms/services/registrations'
import { makePlace } from './fixtures'
import { makeStaff, unique } from './payload'

export type Who = 'admin' | 'coordinator' | 'outsider' | 'editor' | 'fund'

export async function staffWorld(payload: Payload) {
  const place = await makePlace(payload)
  const elsewhere = await makePlace(payload)
  const users = {
    admin: await makeStaff(payload, ['admin']),
    coordinator: await makeStaff(payload, ['coordinator']),
    /** A coordinator of another province. */
    outsider: await makeStaff(payload, ['coordinator']),
    editor: await makeStaff(payload, ['editor']),
    /** An officer of the Children's Support Fund. */
    fund: await makeStaff(payload, ['fund']),
  } satisfies Record<Who, { id: number | string; email: string; collection: 'users' }>
  await payload.update({ collection: 'users', id: users.coordinator.id, data: { areas: [place.province.id] } })
  await payload.update({ collection: 'users', id: users.outsider.id, data: { areas: [elsewhere.province.id] } })
  const withAreas = {
    ...users,
    coordinator: { ...users.coordinator, areas: [place.province.id] },
    outsider: { ...users.outsider, areas: [elsewhere.province.id] },
  }
  const tokens = new Map<Who, string>()
  let made = 0

  /** Signs children up through the public service; returns their registrations, in order. */
  const signUpChildren = async (eventId: number | string, children: Partial<ChildInput>[], guardian: { email?: string; phone?: string; name?: string } = {}) => {
    const res = await signUp(payload, {
      eventId,
      idempotencyKey: unique('staff'),
      submittedBy: 'guardian',
      guardian: { name: guardian.name ?? 'Trần Văn An', relationship: 'father', phone: guardian.phone ?? '+84912345678', email: guardian.email },
      guardianConsent: true,
      children: children.map((c) => ({ familyName: 'Nguyễn Thị', givenName: `Lan ${++made}`, birthDate: '2020-01-15', assent: true, photoConsent: false, ...c })),
    })
    const refs = res.outcomes.map((o) => ('reference' in o ? o.reference : null))
    const found = await payload.find({ collection: 'registrations', where: { reference: { in: refs.filter(Boolean) } }, limit: 0, pagination: false, depth: 0 })
    return refs.map((r) => found.docs.find((d) => d.reference === r) ?? null)
  }

  /** A request through Payload's REST handler, authenticated as `who` (or anonymous). */
  const api = async (who: Who | null, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h = new Headers(headers)
    if (who) {
      let token = tokens.get(who)
      if (!token) {
        const login = await payload.login({ collection: 'users', data: { email: users[who].email, password: 'test-password-123' } })
        token = login.token ?? ''
        tokens.set(who, token)
      }
      h.set('authorization', `JWT ${token}`)
    }
    if (body !== undefined) h.set('content-type', 'application/json')
    const request = new Request(`${payload.config.serverURL}/api${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
    return handleEndpoints({ config: payload.config, request })
  }

  /** A request made as `who` (for services that take the staff member's request). */
  const reqAs = async (who: Who) => createLocalReq({ user: { ...(await payload.findByID({ collection: 'users', id: users[who].id, depth: 0 })), collection: 'users' } }, payload)

  /** Audit entries written for this world's users, newest last. */
  const auditOf = async (who: Who) =>
    (await payload.find({ collection: 'audit-log', where: { user: { equals: users[who].id } }, sort: 'createdAt', limit: 0, pagination: false, depth: 0 })).docs

  const cleanup = async () => {
    const ids = Object.values(users).map((u) => u.id)
    // The log refuses deletes through Payload; a test removes its own entries at the adapter.
    await payload.db.deleteMany({ collection: 'audit-log', where: { user: { in: ids } } })
    await place.cleanup()
    await elsewhere.cleanup()
    await payload.delete({ collection: 'users', where: { id: { in: ids } } })
  }

  return { place, elsewhere, users: withAreas, signUpChildren, api, reqAs, auditOf, cleanup }
}
