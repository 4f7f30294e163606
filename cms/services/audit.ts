/**
 * Audit log: every time staff read, export or change children's records, one append-only
 * entry says who, what and when (Decree 13/2023 and the Personal Data Protection Law 2025 ask
 * for this of sensitive data). Entries are written with overrideAccess: staff cannot write or
 * edit them, and admins can only read them.
 */
import type { Payload, PayloadRequest } from 'payload'
import { clientAddressOf } from './client-address'
import { asId, type Id } from './ids'

export const AUDIT_ACTIONS = {
  'read-list': { vi: 'Xem danh sách', en: 'Read a list' },
  'read-one': { vi: 'Xem hồ sơ', en: 'Read a record' },
  'export-csv': { vi: 'Xuất CSV', en: 'Export CSV' },
  'export-xlsx': { vi: 'Xuất XLSX', en: 'Export XLSX' },
  update: { vi: 'Sửa hồ sơ', en: 'Change a record' },
  create: { vi: 'Tạo hồ sơ', en: 'Create a record' },
  import: { vi: 'Nhập danh sách', en: 'Import a list' },
  'check-in': { vi: 'Điểm danh', en: 'Check-in' },
  'email-registrants': { vi: 'Gửi thư cho người đăng ký', en: 'Email registrants' },
  'guardian-download': { vi: 'Phụ huynh tải dữ liệu', en: 'Guardian downloaded data' },
  'guardian-cancel': { vi: 'Phụ huynh huỷ đăng ký', en: 'Guardian cancelled' },
  'guardian-withdraw-consent': { vi: 'Phụ huynh rút lại sự đồng ý', en: 'Guardian withdrew a consent' },
  'assign-transfer': { vi: 'Ghi nhận giao dịch cho cam kết', en: 'Assigned a transfer to a pledge' },
  'import-statement': { vi: 'Nhập sao kê ngân hàng', en: 'Imported a bank statement' },
} as const satisfies Record<string, { vi: string; en: string }>

export type AuditAction = keyof typeof AUDIT_ACTIONS

export type AuditEntry = {
  action: AuditAction
  resource: string
  documentIds?: Id[]
  event?: Id | null
  summary?: string
  /** The fields a change touched. */
  fields?: string[]
  /** Before and after, for the fields whose values the log keeps (status, consents). */
  changes?: Record<string, { before: unknown; after: unknown }>
}

/** Fields whose values the log keeps before and after a change; of others it keeps only the name. */
export const AUDITED_VALUES = ['status', 'consents'] as const

/** A value as the log compares it: populated documents as their ids, array rows without their row ids. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable)
  if (value && typeof value === 'object') {
    if ('id' in value && 'createdAt' in value && 'updatedAt' in value) return value.id
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => k !== 'id' && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, comparable(v)]),
    )
  }
  return value ?? null
}

/** What a change did to a document: the fields it touched, and before/after for status and consents. */
export function changeOf(before: object, after: object): Required<Pick<AuditEntry, 'fields' | 'changes'>> {
  const ignore = new Set(['id', 'createdAt', 'updatedAt'])
  const b = new Map(Object.entries(before))
  const a = new Map(Object.entries(after))
  // A field only one side has was left out of the other by read access (hidden keys): not a change.
  const fields = [...b.keys()]
    .filter((k) => a.has(k) && !ignore.has(k) && JSON.stringify(comparable(b.get(k))) !== JSON.stringify(comparable(a.get(k))))
    .sort()
  const changes: Record<string, { before: unknown; after: unknown }> = {}
  for (const k of AUDITED_VALUES) if (fields.includes(k)) changes[k] = { before: comparable(b.get(k)), after: comparable(a.get(k)) }
  return { fields, changes }
}

/** Appends one entry. Pass `req` to record the acting staff user (and to join its transaction). */
export async function audit(payload: Payload, entry: AuditEntry, req?: Partial<PayloadRequest>): Promise<void> {
  const user = req?.user && req.user.collection === 'users' ? req.user : null
  await payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    depth: 0,
    req,
    data: {
      at: new Date().toISOString(),
      user: user ? user.id : undefined,
      userEmail: user?.email ?? undefined,
      action: entry.action,
      resource: entry.resource,
      event: entry.event == null ? undefined : asId(entry.event),
      documentIds: entry.documentIds?.slice(0, 500),
      count: entry.documentIds?.length ?? 0,
      summary: entry.summary?.slice(0, 300),
      fields: entry.fields?.length ? entry.fields : undefined,
      changes: entry.changes && Object.keys(entry.changes).length ? entry.changes : undefined,
      ip: clientAddressOf(req?.headers),
    },
  })
}

/**
 * The collection operations on children's records that a staff user's request logs here. Updates
 * are logged per document by `auditStaffChange`, which sees the document before and after.
 */
const OPERATION_ACTIONS = {
  find: 'read-list',
  findByID: 'read-one',
  delete: 'update',
  deleteByID: 'update',
} as const satisfies Record<string, AuditAction>

type OperationResult = { id?: Id; event?: unknown; docs?: { id: Id; event?: unknown }[]; totalDocs?: number; page?: number } | null | undefined

const eventIdOf = (value: unknown): Id | null => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value && (typeof value.id === 'number' || typeof value.id === 'string')) return value.id
  return null
}

/** One entry for a staff user's change of one document (REST, GraphQL or the admin): which fields it touched, before and after for status and consents. */
export async function auditStaffChange(
  payload: Payload,
  args: { collection: string; before: object; after: { id: Id; event?: unknown; reference?: unknown }; req: PayloadRequest },
): Promise<void> {
  const { req } = args
  if (!req.user || req.user.collection !== 'users') return
  const change = changeOf(args.before, args.after)
  const label = typeof args.after.reference === 'string' ? ` ${args.after.reference}` : ''
  await audit(payload, { action: 'update', resource: args.collection, documentIds: [args.after.id], event: eventIdOf(args.after.event), summary: `updated${label}: ${change.fields.join(', ') || 'nothing'}`, ...change }, req)
}

/** One entry for a staff user's creation of one record (the admin, REST, GraphQL or a service acting for them). */
export async function auditStaffCreate(payload: Payload, args: { collection: string; doc: { id: Id }; req: PayloadRequest }): Promise<void> {
  const { req } = args
  if (!req.user || req.user.collection !== 'users') return
  await audit(payload, { action: 'create', resource: args.collection, documentIds: [args.doc.id], summary: `created ${args.collection} ${args.doc.id}` }, req)
}

/**
 * One entry for one operation (a list read is one entry with every id it returned, not one per
 * record), when a staff user made it — through REST, GraphQL or the admin. The server's own
 * calls (no user) write nothing; neither do reads that returned no record.
 */
export async function auditOperation(
  payload: Payload,
  args: { collection: string; operation: string; result: unknown; req: PayloadRequest },
): Promise<void> {
  const { req, operation } = args
  if (!req.user || req.user.collection !== 'users') return
  if (!(operation in OPERATION_ACTIONS)) return
  const action = OPERATION_ACTIONS[operation as keyof typeof OPERATION_ACTIONS]
  const result = args.result as OperationResult
  const docs = result?.docs ?? (result?.id != null ? [result] : [])
  const ids = docs.map((d) => d.id).filter((id): id is Id => id != null)
  if (!ids.length) return
  const events = new Set(docs.map((d) => eventIdOf(d.event)).filter((e) => e !== null).map(String))
  const event = events.size === 1 ? eventIdOf(docs[0]?.event) : null
  const deleted = operation === 'delete' || operation === 'deleteByID'
  const page = operation === 'find' && result?.totalDocs != null ? ` (${ids.length}/${result.totalDocs}, page ${result.page ?? 1})` : ''
  await audit(payload, { action, resource: args.collection, documentIds: ids, event, summary: `${operation} ${args.collection}${deleted ? ' (deleted)' : ''}${page}` }, req)
}
