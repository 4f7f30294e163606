import type { CollectionConfig } from 'payload'
import { adminOrCoordinatorOf, checkRole, isAdmin } from '../../access/roles'
import { announceAfterChange, announceAfterDelete } from '../../hooks/announceChange'
import { auditStaffReads, auditStaffWrites } from '../../hooks/staffAudit'
import { exportEndpoint } from './endpoints'
import { keepHandOverRules } from './hooks/keepHandOverRules'

const day = { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' }

/**
 * Which of a drive's items went to which child of a commune's aid list, when, recorded by whom
 * (cms/services/hand-overs.ts). Private (Decree 56/2017: "services received"): read, written and
 * exported only by admins and the coordinators of the child's commune, every staff read logged;
 * the public sees counts per commune only (`handOverCounts`), never a child.
 */
export const HandOvers: CollectionConfig = {
  slug: 'hand-overs',
  labels: {
    singular: { vi: 'Bàn giao', en: 'Hand-over' },
    plural: { vi: 'Bàn giao hiện vật', en: 'Hand-overs' },
  },
  admin: {
    defaultColumns: ['handedOverOn', 'drive', 'recipient', 'item', 'quantity', 'area'],
    components: { beforeListTable: ['/components/staff/HandOversListTools#HandOversListTools'] },
    group: { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Fund" },
    description: {
      vi: 'Hiện vật của đợt vận động đã trao cho trẻ nào. Thông tin riêng tư của trẻ: công chúng chỉ thấy số lượng theo xã.',
      en: "Which of a drive's items went to which child. A child's private information: the public sees counts per commune only.",
    },
  },
  defaultSort: '-handedOverOn',
  access: {
    read: adminOrCoordinatorOf('area'),
    // Coordinators record hand-overs only for children of their communes: the beforeChange hook refuses any other.
    create: ({ req }) => checkRole(['admin', 'coordinator'], req.user),
    update: adminOrCoordinatorOf('area'),
    delete: isAdmin,
  },
  // The public counts and the staff export read a drive's hand-overs; access filters on the commune.
  indexes: [{ fields: ['drive', 'area'] }],
  hooks: {
    beforeChange: [keepHandOverRules],
    // The drive's public page shows the counts: a change drops the cached pages.
    afterChange: [auditStaffWrites, announceAfterChange],
    afterDelete: [announceAfterDelete],
    afterOperation: [auditStaffReads],
  },
  endpoints: [exportEndpoint],
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'drive', type: 'relationship', relationTo: 'drives', required: true, index: true, label: { vi: 'Đợt vận động', en: 'Gift drive' } },
        {
          name: 'item',
          type: 'text',
          required: true,
          label: { vi: 'Hiện vật', en: 'Item' },
          admin: {
            components: { Field: '/components/staff/DriveItemField#DriveItemField' },
            description: { vi: 'Một trong các hiện vật của đợt vận động.', en: "One of the drive's items." },
          },
        },
      ],
    },
    { name: 'recipient', type: 'relationship', relationTo: 'aid-recipients', required: true, index: true, label: { vi: 'Trẻ nhận', en: 'Child' } },
    {
      type: 'row',
      fields: [
        { name: 'quantity', type: 'number', required: true, min: 1, defaultValue: 1, label: { vi: 'Số lượng', en: 'Quantity' }, admin: { step: 1 } },
        { name: 'handedOverOn', type: 'date', required: true, index: true, defaultValue: () => new Date().toISOString(), label: { vi: 'Ngày bàn giao', en: 'Handed over on' }, admin: { date: day } },
      ],
    },
    { name: 'note', type: 'textarea', maxLength: 1000, label: { vi: 'Ghi chú', en: 'Note' } },
    // Set by the server (cms/services/hand-overs.ts `checkHandOver`), whatever a client sends.
    {
      name: 'area',
      type: 'relationship',
      relationTo: 'areas',
      index: true,
      label: { vi: 'Xã / phường', en: 'Commune' },
      admin: { readOnly: true, position: 'sidebar', description: { vi: 'Lấy theo xã của trẻ.', en: "The child's commune." } },
    },
    { name: 'handedOverBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người ghi nhận', en: 'Recorded by' }, admin: { readOnly: true, position: 'sidebar' } },
  ],
}
