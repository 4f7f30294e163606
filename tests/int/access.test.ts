/**
 * The permission table: for every collection and global that exists, every role (and the
 * anonymous public) and every operation, what the access rules allow. A new collection without
 * a row here fails the test.
 */
import { createLocalReq, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../cms/access/roles'
import { makeStaff, skipReason, testPayload, unique } from './payload'

type Who = 'anonymous' | Role
type Verdict = 'yes' | 'no' | 'published' | 'own' | 'their-areas'
type Op = 'create' | 'read' | 'update' | 'delete'
const WHO: Who[] = ['anonymous', 'admin', 'editor', 'coordinator', 'judge', 'responder', 'fund']
const OPS: Op[] = ['create', 'read', 'update', 'delete']

//                         anonymous  admin  editor coordinator judge  responder fund
const row = (...v: Verdict[]) => Object.fromEntries(WHO.map((w, i) => [w, v[i]])) as Record<Who, Verdict>
const adminOnly = row('no', 'yes', 'no', 'no', 'no', 'no', 'no')
const editors = row('no', 'yes', 'yes', 'no', 'no', 'no', 'no')
const editorsAndFund = row('no', 'yes', 'yes', 'no', 'no', 'no', 'yes')
const fundStaff = row('no', 'yes', 'no', 'no', 'no', 'no', 'yes')
const everyone = row('yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes')
const staff = row('no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes')
const nobody = row('no', 'no', 'no', 'no', 'no', 'no', 'no')
const own = row('no', 'yes', 'own', 'own', 'own', 'own', 'own')
const ownForAll = row('no', 'own', 'own', 'own', 'own', 'own', 'own')
const publishedUnlessEditor = row('published', 'yes', 'yes', 'published', 'published', 'published', 'published')
const publishedUnlessEditorOrFund = row('published', 'yes', 'yes', 'published', 'published', 'published', 'yes')
const publishedUnlessStaff = row('published', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes')
const coordinators = row('no', 'yes', 'no', 'yes', 'no', 'no', 'no')
const coordinatorsOfTheArea = row('no', 'yes', 'no', 'their-areas', 'no', 'no', 'no')

const TABLE: Record<string, Record<Op, Record<Who, Verdict>>> = {
  users: { create: adminOnly, read: own, update: own, delete: adminOnly },
  media: { create: editors, read: everyone, update: editors, delete: editors },
  areas: { create: adminOnly, read: everyone, update: adminOnly, delete: adminOnly },
  campaigns: { create: editors, read: publishedUnlessEditor, update: editors, delete: editors },
  posts: { create: editors, read: publishedUnlessEditor, update: editors, delete: editors },
  events: { create: coordinators, read: publishedUnlessStaff, update: coordinatorsOfTheArea, delete: coordinatorsOfTheArea },
  registrations: { create: nobody, read: coordinatorsOfTheArea, update: coordinatorsOfTheArea, delete: adminOnly },
  drives: { create: editorsAndFund, read: publishedUnlessEditorOrFund, update: editorsAndFund, delete: editorsAndFund },
  pledges: { create: nobody, read: fundStaff, update: fundStaff, delete: adminOnly },
  'donation-receipts': { create: nobody, read: fundStaff, update: nobody, delete: nobody },
  'bank-transfers': { create: nobody, read: fundStaff, update: nobody, delete: nobody },
  // A commune's aid list and who received what: admins and that commune's coordinators only (a
  // coordinator creates anywhere per the table, the hook refuses communes they do not cover).
  'aid-recipients': { create: coordinators, read: coordinatorsOfTheArea, update: coordinatorsOfTheArea, delete: adminOnly },
  'hand-overs': { create: coordinators, read: coordinatorsOfTheArea, update: coordinatorsOfTheArea, delete: adminOnly },
  contests: { create: editors, read: publishedUnlessEditor, update: editors, delete: editors },
  // A child's entry: organisers (admins, editors) read it whole; a judge reads the entries of the
  // current round of the contests they sit on, without private fields (none here: this judge sits
  // on none; tests/int/judging.test.ts covers the rest).
  entries: { create: nobody, read: editors, update: editors, delete: adminOnly },
  // A judge reads their own scores (and others' once theirs is sent: judging.test.ts).
  scores: { create: nobody, read: row('no', 'yes', 'yes', 'no', 'own', 'no', 'no'), update: nobody, delete: adminOnly },
  'contest-states': { create: nobody, read: staff, update: nobody, delete: adminOnly },
  claims: { create: nobody, read: adminOnly, update: nobody, delete: nobody },
  'email-outbox': { create: nobody, read: adminOnly, update: adminOnly, delete: nobody },
  'audit-log': { create: nobody, read: adminOnly, update: nobody, delete: nobody },
  // Payload's own collections
  'payload-jobs': { create: nobody, read: nobody, update: nobody, delete: nobody },
  'payload-kv': { create: nobody, read: nobody, update: nobody, delete: nobody },
  'payload-locked-documents': { create: staff, read: staff, update: staff, delete: staff },
  'payload-preferences': { create: staff, read: ownForAll, update: ownForAll, delete: ownForAll },
  'payload-migrations': { create: staff, read: staff, update: staff, delete: staff },
  // globals
  'global:site': { create: nobody, read: everyone, update: editors, delete: nobody },
}

/**
 * Registrations, field by field: who may change each field through REST, GraphQL or the admin
 * (on top of the collection's rule, which limits coordinators to their communes). Everything but
 * the staff note changes only through the server's operations.
 */
const REGISTRATION_FIELDS: Record<string, Record<Who, Verdict>> = Object.fromEntries(
  [
    'reference', 'event', 'status', 'waitlistedAt', 'child', 'guardian', 'submittedBy', 'submissionId', 'consents', 'attendance', 'priorityCheck',
    'confirmationQueuedAt', 'remindedAt', 'cancelledAt', 'createdAt', 'manageTokenHash', 'idempotencyKey', 'childKey', 'updatedAt',
  ].map((name) => [name, nobody] as const).concat([['staffNote', row('no', 'yes', 'no', 'yes', 'no', 'no', 'no')]]),
)

function verdict(result: boolean | Where, userId: number | string | undefined, areas: (number | string)[]): Verdict {
  if (result === true) return 'yes'
  if (result === false) return 'no'
  const json = JSON.stringify(result)
  if (json === JSON.stringify({ _status: { equals: 'published' } })) return 'published'
  const ownRow = { id: { equals: userId } }
  const ownScore = { judge: { equals: userId } }
  if (userId !== undefined && json === JSON.stringify(ownScore)) return 'own'
  const ownPreference = { and: [{ 'user.value': { equals: userId } }, { 'user.relationTo': { equals: 'users' } }] }
  if (userId !== undefined && (json === JSON.stringify(ownRow) || json === JSON.stringify(ownPreference))) return 'own'
  for (const path of ['area', 'event.area']) if (areas.length && json === JSON.stringify({ [path]: { in: areas } })) return 'their-areas'
  throw new Error(`Unclassified access result ${json}`)
}

describe.skipIf(skipReason)('permission table', () => {
  let payload: Payload
  const users = new Map<Who, { id: number | string; collection: 'users' } | null>()
  /** The coordinator covers a province, hence its commune too. */
  let coveredAreas: (number | string)[] = []

  beforeAll(async () => {
    payload = await testPayload()
    const province = await payload.create({ collection: 'areas', data: { name: 'Tỉnh thử', code: unique('tinh'), level: 'province' } })
    const commune = await payload.create({ collection: 'areas', data: { name: 'Xã thử', code: unique('xa'), level: 'commune', parent: province.id } })
    coveredAreas = [province.id, commune.id]
    users.set('anonymous', null)
    for (const role of WHO.filter((w): w is Role => w !== 'anonymous')) users.set(role, await makeStaff(payload, [role]))
    const coordinator = users.get('coordinator')
    if (coordinator) await payload.update({ collection: 'users', id: coordinator.id, data: { areas: [province.id] } })
  })

  afterAll(async () => {
    for (const u of users.values()) if (u) await payload.delete({ collection: 'users', id: u.id })
    for (const id of [...coveredAreas].reverse()) await payload.delete({ collection: 'areas', id })
  })

  it('has a row for every collection and global that exists', () => {
    const existing = [...payload.config.collections.map((c) => c.slug), ...payload.config.globals.map((g) => `global:${g.slug}`)].sort()
    expect(existing).toEqual(Object.keys(TABLE).sort())
  })

  it.each(Object.keys(TABLE))('%s allows exactly what the table says', async (slug) => {
    const actual: Record<string, Record<string, Verdict>> = {}
    for (const op of OPS) {
      actual[op] = {}
      for (const who of WHO) {
        const user = users.get(who) ?? null
        const req = await createLocalReq({ user: user ? await payload.findByID({ collection: 'users', id: user.id }).then((u) => ({ ...u, collection: 'users' as const })) : undefined }, payload)
        let access: ((args: { req: typeof req }) => boolean | Where | Promise<boolean | Where>) | undefined
        let fallback: Verdict
        if (slug.startsWith('global:')) {
          const global = payload.config.globals.find((g) => g.slug === slug.slice('global:'.length))
          access = op === 'read' || op === 'update' ? global?.access[op] : undefined
          fallback = 'no'
        } else {
          access = payload.collections[slug as 'users']?.config.access[op]
          fallback = user ? 'yes' : 'no' // Payload's default: any logged-in user
        }
        actual[op][who] = access ? verdict(await access({ req }), user?.id, coveredAreas) : fallback
      }
    }
    expect(actual).toEqual(TABLE[slug])
  })

  it('registrations: exactly the staff note is changed by hand, every other field only by operations', async () => {
    const fields = payload.collections.registrations.config.flattenedFields
    expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(REGISTRATION_FIELDS).sort())
    const actual: Record<string, Record<string, Verdict>> = {}
    for (const field of fields) {
      const verdicts: Record<string, Verdict> = (actual[field.name] = {})
      for (const who of WHO) {
        const user = users.get(who) ?? null
        const req = await createLocalReq({ user: user ? { ...(await payload.findByID({ collection: 'users', id: user.id })), collection: 'users' as const } : undefined }, payload)
        // updatedAt has no rule of its own: Payload always sets it to the time of the change
        const rule = 'access' in field ? field.access?.update : undefined
        verdicts[who] = field.name === 'updatedAt' || (rule ? !(await rule({ req, data: {}, siblingData: {} })) : false) ? 'no' : 'yes'
      }
    }
    expect(actual).toEqual(REGISTRATION_FIELDS)
  })

  it('lets only admins change roles and areas, even on their own account', async () => {
    const editor = await makeStaff(payload, ['editor'])
    const adminUser = users.get('admin')
    const asUser = async (id: number | string) => ({ ...(await payload.findByID({ collection: 'users', id })), collection: 'users' as const })
    const updated = await payload.update({ collection: 'users', id: editor.id, data: { roles: ['admin'], name: 'Đổi tên' }, user: await asUser(editor.id), overrideAccess: false })
    expect(updated.roles).toEqual(['editor'])
    expect(updated.name).toBe('Đổi tên')
    const promoted = await payload.update({ collection: 'users', id: editor.id, data: { roles: ['editor', 'coordinator'] }, user: await asUser(adminUser?.id ?? 0), overrideAccess: false })
    expect(promoted.roles).toEqual(['editor', 'coordinator'])
    await payload.delete({ collection: 'users', id: editor.id })
  })
})
