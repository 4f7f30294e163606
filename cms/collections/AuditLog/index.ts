import type { CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { isAdmin, nobody } from '../../access/roles'
import { AUDIT_ACTIONS } from '../../services/audit'

const readOnly = { readOnly: true }

/**
 * Append-only log of staff reads and exports of children's records (who, what, when).
 * Written only by cms/services/audit.ts; readable by admins only; never changed or deleted,
 * not even by an admin or by server code (the hooks refuse it).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { vi: 'Nhật ký truy cập', en: 'Audit entry' },
    plural: { vi: 'Nhật ký truy cập', en: 'Audit log' },
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'userEmail', 'action', 'summary', 'count'],
    group: { vi: 'Quản trị', en: 'Administration' },
    description: {
      vi: 'Ai đã xem, xuất hoặc thay đổi hồ sơ của trẻ, khi nào. Chỉ thêm, không sửa, không xoá.',
      en: "Who read, exported or changed children's records, and when. Append-only.",
    },
  },
  defaultSort: '-at',
  access: {
    read: isAdmin,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  hooks: {
    beforeChange: [
      ({ operation }) => {
        if (operation !== 'create') throw new APIError('The audit log is append-only.', 403)
      },
    ],
    beforeDelete: [
      () => {
        throw new APIError('The audit log is append-only.', 403)
      },
    ],
  },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, label: { vi: 'Lúc', en: 'At' }, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: { vi: 'Người dùng', en: 'User' }, admin: readOnly },
    { name: 'userEmail', type: 'text', label: { vi: 'Thư điện tử người dùng', en: 'User email' }, admin: readOnly },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
      label: { vi: 'Thao tác', en: 'Action' },
      admin: readOnly,
    },
    { name: 'resource', type: 'text', required: true, label: { vi: 'Dữ liệu', en: 'Records' }, admin: readOnly },
    { name: 'event', type: 'relationship', relationTo: 'events', index: true, label: { vi: 'Sự kiện', en: 'Event' }, admin: readOnly },
    { name: 'documentIds', type: 'json', label: { vi: 'Mã hồ sơ', en: 'Record ids' }, admin: readOnly },
    { name: 'count', type: 'number', label: { vi: 'Số hồ sơ', en: 'Records' }, admin: readOnly },
    { name: 'summary', type: 'text', label: { vi: 'Mô tả', en: 'Summary' }, admin: readOnly },
    { name: 'fields', type: 'json', label: { vi: 'Trường đã sửa', en: 'Fields changed' }, admin: readOnly },
    { name: 'changes', type: 'json', label: { vi: 'Trước / sau (trạng thái, sự đồng ý)', en: 'Before / after (status, consents)' }, admin: readOnly },
    { name: 'ip', type: 'text', label: { vi: 'Địa chỉ IP', en: 'IP address' }, admin: readOnly },
  ],
}
