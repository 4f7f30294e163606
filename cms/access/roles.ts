/**
 * Staff roles and the one `checkRole` every access rule is built on.
 *
 * - admin: users, roles, settings, data-protection requests; can do everything.
 * - editor: communications staff; campaigns, news, pages, media.
 * - coordinator: programme coordinator; events and registrations of their communes.
 * - judge: scores contest entries it is assigned, blind.
 * - responder: answers children's recommendations assigned to its agency.
 * - fund: officer of the Children's Support Fund; gift drives, pledges, receipts, the bank's transfers.
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const ROLES = ['admin', 'editor', 'coordinator', 'judge', 'responder', 'fund'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  coordinator: { vi: 'Điều phối viên', en: 'Coordinator' },
  judge: { vi: 'Giám khảo', en: 'Judge' },
  responder: { vi: 'Cơ quan trả lời', en: 'Responder' },
  fund: { vi: 'Cán bộ Quỹ Bảo trợ trẻ em', en: "Children's Fund officer" },
}

type MaybeUser = { roles?: readonly string[] | null; collection?: string } | null | undefined

/** True when the user is a staff user holding at least one of `roles`. */
export function checkRole(roles: readonly Role[], user: MaybeUser): boolean {
  if (!user || user.collection !== 'users') return false
  return (user.roles ?? []).some((r) => (roles as readonly string[]).includes(r))
}

/** Nobody through the API; the server's own code uses overrideAccess. */
export const nobody: Access = () => false
export const anyone: Access = () => true
export const isAdmin: Access = ({ req }) => checkRole(['admin'], req.user)
export const isEditor: Access = ({ req }) => checkRole(['admin', 'editor'], req.user)
/** Admins and officers of the Children's Support Fund: pledges, receipts, transfers. */
export const isFundStaff: Access = ({ req }) => checkRole(['admin', 'fund'], req.user)
export const isStaff: Access = ({ req }) => checkRole(ROLES, req.user)

/** Editors see drafts; everyone else sees published documents only. */
export const publishedOrEditor: Access = ({ req }): boolean | Where => {
  if (checkRole(['admin', 'editor'], req.user)) return true
  return { _status: { equals: 'published' } }
}

/** Admins see every user; other staff see only themselves. */
export const adminOrSelf: Access = ({ req }): boolean | Where => {
  if (checkRole(['admin'], req.user)) return true
  if (req.user && req.user.collection === 'users') return { id: { equals: req.user.id } }
  return false
}

export const adminFieldOnly: FieldAccess = ({ req }) => checkRole(['admin'], req.user)

/**
 * The area ids a coordinator covers: the areas on their account, and the communes of any
 * province among them. Empty for everyone else.
 */
export async function coveredAreaIds(req: PayloadRequest): Promise<(string | number)[]> {
  const user = req.user
  if (!user || user.collection !== 'users' || !checkRole(['coordinator'], user)) return []
  const own = (user.areas ?? []).map((a) => (typeof a === 'object' && a !== null ? a.id : a))
  if (!own.length) return []
  const communes = await req.payload.find({
    collection: 'areas',
    where: { parent: { in: own } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    req,
  })
  return [...own, ...communes.docs.map((d) => d.id)]
}

/** Admins: everything; coordinators: rows whose `path` is one of their areas; others: nothing. */
export function adminOrCoordinatorOf(path: string): Access {
  return async ({ req }) => {
    if (checkRole(['admin'], req.user)) return true
    const areas = await coveredAreaIds(req)
    return areas.length ? { [path]: { in: areas } } : false
  }
}

/** Nobody changes this field through the API; the server's own operations do (with overrideAccess). */
export const changedOnlyByOperations: FieldAccess = () => false

/** Judges work on /admin/judging only: what they cannot use stays out of their navigation. */
export const hiddenFromJudges = ({ user }: { user: MaybeUser }): boolean => checkRole(['judge'], user) && !checkRole(['admin', 'editor', 'coordinator', 'fund', 'responder'], user)
