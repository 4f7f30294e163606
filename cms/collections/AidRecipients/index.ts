import type { CollectionConfig } from 'payload'
import { adminOrCoordinatorOf, checkRole, isAdmin } from '../../access/roles'
import { auditStaffReads, auditStaffWrites } from '../../hooks/staffAudit'
import { PRIORITY_GROUPS } from '../../services/events'
import { importEndpoint } from './endpoints'
import { keepRecipientRules } from './hooks/keepRecipientRules'

const readOnly = { readOnly: true }

/**
 * A commune's list of children who may receive the fund's aid (cms/services/aid-recipients.ts),
 * kept by the commune's coordinator, by hand or by import (POST /api/aid-recipients/import).
 * Private: read and written only by admins and the coordinators of the child's commune, every
 * staff read logged; never readable by the public, through REST, GraphQL or the site.
 */
export const AidRecipients: CollectionConfig = {
  slug: 'aid-recipients',
  labels: {
    singular: { vi: 'Trẻ được hỗ trợ', en: 'Aid recipient' },
    plural: { vi: 'Danh sách trẻ được hỗ trợ', en: 'Aid recipients' },
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'birthYear', 'area', 'priorityGroup'],
    components: { beforeListTable: ['/components/staff/AidRecipientsListTools#AidRecipientsListTools'] },
    group: { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Fund" },
    description: {
      vi: 'Danh sách của xã do điều phối viên của xã ghi hoặc nhập. Thông tin riêng tư của trẻ: không bao giờ công khai.',
      en: "The commune's list, entered or imported by its coordinator. A child's private information: never public.",
    },
  },
  defaultSort: 'fullName',
  access: {
    read: adminOrCoordinatorOf('area'),
    // Coordinators create only in their communes: the beforeChange hook refuses any other area.
    create: ({ req }) => checkRole(['admin', 'coordinator'], req.user),
    update: adminOrCoordinatorOf('area'),
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [keepRecipientRules],
    afterChange: [auditStaffWrites],
    afterOperation: [auditStaffReads],
  },
  endpoints: [importEndpoint],
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'familyName', type: 'text', maxLength: 100, label: { vi: 'Họ và tên đệm', en: 'Family name' } },
        { name: 'givenName', type: 'text', required: true, maxLength: 60, label: { vi: 'Tên', en: 'Given name' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'birthYear',
          type: 'number',
          required: true,
          min: 1900,
          max: 2200,
          label: { vi: 'Năm sinh', en: 'Birth year' },
          admin: { step: 1, description: { vi: 'Khi có ngày sinh, năm sinh lấy theo ngày sinh.', en: 'When the birth date is known, the year follows it.' } },
        },
        { name: 'birthDate', type: 'date', label: { vi: 'Ngày sinh (nếu biết)', en: 'Birth date (if known)' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
      ],
    },
    {
      name: 'area',
      type: 'relationship',
      relationTo: 'areas',
      required: true,
      index: true,
      label: { vi: 'Xã / phường', en: 'Commune' },
      filterOptions: { level: { equals: 'commune' } },
    },
    {
      name: 'priorityGroup',
      type: 'select',
      options: Object.entries(PRIORITY_GROUPS).map(([value, label]) => ({ value, label })),
      label: { vi: 'Hoàn cảnh / nhóm ưu tiên', en: 'Circumstances / priority group' },
    },
    {
      name: 'guardian',
      type: 'group',
      label: { vi: 'Cha mẹ / người giám hộ', en: 'Parent / guardian' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', maxLength: 120, label: { vi: 'Họ tên', en: 'Name' } },
            { name: 'phone', type: 'text', maxLength: 20, label: { vi: 'Điện thoại', en: 'Phone' } },
          ],
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      maxLength: 1000,
      label: { vi: 'Ghi chú', en: 'Note' },
      admin: { description: { vi: 'Chỉ ghi điều công việc cần. Không ghi bệnh tật hay chuyện gia đình không cần thiết.', en: 'Only what the work needs. No health or family details it does not need.' } },
    },
    // Set by the server (cms/services/aid-recipients.ts `checkRecipient`), whatever a client sends.
    { name: 'fullName', type: 'text', index: true, label: { vi: 'Họ tên', en: 'Full name' }, admin: { ...readOnly, position: 'sidebar' } },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người ghi', en: 'Entered by' }, admin: { ...readOnly, position: 'sidebar' } },
    /** The same child on the same commune's list once: normalised name + birth year + commune. */
    { name: 'dedupeKey', type: 'text', unique: true, label: { vi: 'Khoá chống trùng', en: 'Duplicate key' }, admin: { hidden: true }, access: { read: () => false } },
  ],
}
