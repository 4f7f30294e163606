import type { CollectionConfig } from 'payload'
import { adminOrCoordinatorOf, isAdmin, nobody } from '../../access/roles'
import { PRIORITY_GROUPS } from '../../services/events'

const hidden = { hidden: true }

export const REGISTRATION_STATUSES = {
  pending: { vi: 'Đang xử lý', en: 'Being processed' },
  confirmed: { vi: 'Có chỗ', en: 'Confirmed' },
  waitlisted: { vi: 'Danh sách chờ', en: 'Waitlisted' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
  attended: { vi: 'Đã tham gia', en: 'Attended' },
  'no-show': { vi: 'Vắng mặt', en: 'No-show' },
} as const

/**
 * One child signed up for one event. Personal data of a child: never readable through the
 * public API; coordinators see only the registrations of their communes' events; created only
 * by the sign-up service (cms/services/registrations.ts).
 */
export const Registrations: CollectionConfig = {
  slug: 'registrations',
  labels: {
    singular: { vi: 'Đăng ký', en: 'Registration' },
    plural: { vi: 'Đăng ký', en: 'Registrations' },
  },
  admin: {
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'event', 'status', 'createdAt'],
    group: { vi: 'Hoạt động', en: 'Activities' },
  },
  access: {
    read: adminOrCoordinatorOf('event.area'),
    create: nobody,
    update: adminOrCoordinatorOf('event.area'),
    delete: isAdmin,
  },
  fields: [
    { name: 'reference', type: 'text', required: true, unique: true, label: { vi: 'Mã đăng ký', en: 'Reference' }, admin: { readOnly: true } },
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true, label: { vi: 'Sự kiện', en: 'Event' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: Object.entries(REGISTRATION_STATUSES).map(([value, label]) => ({ value, label })),
      label: { vi: 'Trạng thái', en: 'Status' },
      admin: { position: 'sidebar' },
    },
    { name: 'waitlistedAt', type: 'date', index: true, label: { vi: 'Vào danh sách chờ lúc', en: 'Waitlisted at' }, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'child',
      type: 'group',
      label: { vi: 'Trẻ', en: 'Child' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'familyName', type: 'text', required: true, label: { vi: 'Họ và tên đệm', en: 'Family name' } },
            { name: 'givenName', type: 'text', required: true, label: { vi: 'Tên', en: 'Given name' } },
            { name: 'birthDate', type: 'date', required: true, label: { vi: 'Ngày sinh', en: 'Birth date' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'school', type: 'text', label: { vi: 'Trường', en: 'School' } },
            { name: 'grade', type: 'text', label: { vi: 'Lớp', en: 'Grade' } },
            { name: 'area', type: 'relationship', relationTo: 'areas', label: { vi: 'Xã / phường', en: 'Commune' } },
          ],
        },
        {
          name: 'priorityGroup',
          type: 'select',
          options: Object.entries(PRIORITY_GROUPS).map(([value, label]) => ({ value, label })),
          label: { vi: 'Nhóm ưu tiên', en: 'Priority group' },
        },
      ],
    },
    {
      name: 'guardian',
      type: 'group',
      label: { vi: 'Cha mẹ / người giám hộ', en: 'Parent / guardian' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } },
            {
              name: 'relationship',
              type: 'select',
              required: true,
              options: [
                { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
                { value: 'father', label: { vi: 'Bố', en: 'Father' } },
                { value: 'grandparent', label: { vi: 'Ông / bà', en: 'Grandparent' } },
                { value: 'guardian', label: { vi: 'Người giám hộ', en: 'Legal guardian' } },
                { value: 'teacher', label: { vi: 'Giáo viên', en: 'Teacher' } },
              ],
              label: { vi: 'Quan hệ với trẻ', en: 'Relationship' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
            { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'submittedBy',
          type: 'select',
          required: true,
          defaultValue: 'guardian',
          options: [
            { value: 'guardian', label: { vi: 'Cha mẹ', en: 'Parent' } },
            { value: 'school', label: { vi: 'Nhà trường', en: 'School' } },
          ],
          label: { vi: 'Người đăng ký', en: 'Submitted by' },
        },
        { name: 'submissionId', type: 'text', index: true, label: { vi: 'Mã lượt gửi', en: 'Submission' }, admin: { readOnly: true } },
      ],
    },
    {
      name: 'consents',
      type: 'array',
      label: { vi: 'Sự đồng ý', en: 'Consents' },
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'purpose',
              type: 'select',
              required: true,
              options: [
                { value: 'participation', label: { vi: 'Tham gia', en: 'Taking part' } },
                { value: 'photo', label: { vi: 'Chụp ảnh', en: 'Photos' } },
              ],
              label: { vi: 'Mục đích', en: 'Purpose' },
            },
            {
              name: 'grantedBy',
              type: 'select',
              required: true,
              options: [
                { value: 'guardian', label: { vi: 'Cha mẹ / giám hộ', en: 'Guardian' } },
                { value: 'child', label: { vi: 'Trẻ', en: 'Child' } },
              ],
              label: { vi: 'Người đồng ý', en: 'Given by' },
            },
            { name: 'wordingVersion', type: 'text', required: true, label: { vi: 'Phiên bản nội dung', en: 'Wording version' } },
            { name: 'grantedAt', type: 'date', required: true, label: { vi: 'Lúc', en: 'At' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
      ],
    },
    // Internal keys, never returned by the API (services read them with overrideAccess).
    { name: 'manageTokenHash', type: 'text', index: true, admin: hidden, access: { read: () => false, update: () => false } },
    { name: 'idempotencyKey', type: 'text', unique: true, admin: hidden, access: { read: () => false, update: () => false } },
    /** One active registration per child and event: name + birth date, made unique again on cancel. */
    { name: 'childKey', type: 'text', unique: true, admin: hidden, access: { read: () => false, update: () => false } },
  ],
}
