import type { CollectionConfig } from 'payload'
import { adminOrCoordinatorOf, checkRole, isAdmin, nobody } from '../../access/roles'
import { PRIORITY_GROUPS } from '../../services/events'
import { GUARDIAN_RELATIONSHIPS, REGISTRATION_STATUSES } from '../../services/staff'
import { consentsField } from '../../fields/consents'
import { operationsOnly } from '../../fields/operationsOnly'
import { cancelEndpoint, checkInEndpoint, emailRegistrantsEndpoint, exportEndpoint, noShowEndpoint, releasePriorityEndpoint, seatEndpoint, verifyPriorityEndpoint } from './endpoints'
import { auditStaffAccess, auditStaffChangeHook } from './hooks/auditStaffAccess'
import { releaseSeatOnDelete } from './hooks/releaseSeatOnDelete'

const hidden = { hidden: true }

/** The one field staff write by hand. */
export const STAFF_EDITABLE = ['staffNote'] as const

export { REGISTRATION_STATUSES }

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
    components: { beforeListTable: ['/components/staff/RegistrationsListTools#RegistrationsListTools'] },
  },
  access: {
    read: adminOrCoordinatorOf('event.area'),
    create: nobody,
    update: adminOrCoordinatorOf('event.area'),
    delete: isAdmin,
  },
  // Every staff read or change is logged (who, what, when); internal service calls are not.
  // The waitlist of an event, in order: who is waiting, and a child's place in the queue, read
  // from the index alone on every sign-up.
  indexes: [{ fields: ['event', 'status', 'waitlistedAt'] }],
  hooks: { afterChange: [auditStaffChangeHook], afterDelete: [releaseSeatOnDelete], afterOperation: [auditStaffAccess] },
  endpoints: [exportEndpoint, emailRegistrantsEndpoint, checkInEndpoint, cancelEndpoint, seatEndpoint, verifyPriorityEndpoint, releasePriorityEndpoint, noShowEndpoint],
  // Staff change a registration only through the operations their work needs (check-in, cancel,
  // verify or release a priority seat, mark a no-show: see endpoints.ts) and the note; the
  // permission table (tests/int/access.test.ts) covers every field.
  fields: operationsOnly([
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
    { name: 'staffActions', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/staff/RegistrationActions#RegistrationActions' } } },
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
              options: Object.entries(GUARDIAN_RELATIONSHIPS).map(([value, label]) => ({ value, label })),
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
    consentsField({
      purposes: [
        { value: 'participation', label: { vi: 'Tham gia', en: 'Taking part' } },
        { value: 'photo', label: { vi: 'Chụp ảnh', en: 'Photos' } },
      ],
      endReasons: [
        { value: 'withdrawn', label: { vi: 'Cha mẹ rút lại', en: 'Withdrawn by the family' } },
        { value: 'sign-up-cancelled', label: { vi: 'Đăng ký đã huỷ', en: 'Sign-up cancelled' } },
      ],
    }),
    {
      name: 'attendance',
      type: 'array',
      label: { vi: 'Điểm danh', en: 'Attendance' },
      labels: { singular: { vi: 'Buổi có mặt', en: 'Session attended' }, plural: { vi: 'Các buổi có mặt', en: 'Sessions attended' } },
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'session', type: 'number', required: true, min: 1, label: { vi: 'Buổi', en: 'Session' } },
            { name: 'at', type: 'date', required: true, label: { vi: 'Lúc', en: 'At' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
            { name: 'by', type: 'relationship', relationTo: 'users', label: { vi: 'Người điểm danh', en: 'Checked in by' } },
          ],
        },
      ],
    },
    {
      name: 'priorityCheck',
      type: 'group',
      label: { vi: 'Xác minh nhóm ưu tiên', en: 'Priority check' },
      admin: {
        position: 'sidebar',
        condition: (data) => Boolean(data?.child?.priorityGroup),
        description: {
          vi: 'Trẻ nhận chỗ dành riêng cho nhóm ưu tiên: điều phối viên xác minh, hoặc trả chỗ (trẻ được xếp lại như mọi trẻ khác).',
          en: 'A child given a seat held for a priority group: the coordinator verifies the group, or releases the seat (the child is placed again like any other).',
        },
      },
      fields: [
        { name: 'verifiedAt', type: 'date', label: { vi: 'Đã xác minh lúc', en: 'Verified at' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'verifiedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người xác minh', en: 'Verified by' }, admin: { readOnly: true } },
        { name: 'releasedAt', type: 'date', label: { vi: 'Đã trả chỗ lúc', en: 'Released at' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'releasedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người trả chỗ', en: 'Released by' }, admin: { readOnly: true } },
      ],
    },
    {
      name: 'staffNote',
      type: 'textarea',
      maxLength: 2000,
      access: { update: ({ req }) => checkRole(['admin', 'coordinator'], req.user) },
      label: { vi: 'Ghi chú của cán bộ', en: 'Staff note' },
      admin: { position: 'sidebar', description: { vi: 'Chỉ cán bộ thấy. Không ghi thông tin không cần thiết về trẻ.', en: 'Seen by staff only. Write nothing about the child that the work does not need.' } },
    },
    {
      type: 'row',
      fields: [
        { name: 'confirmationQueuedAt', type: 'date', index: true, label: { vi: 'Đã xếp thư xác nhận', en: 'Confirmation queued' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'remindedAt', type: 'date', index: true, label: { vi: 'Đã nhắc lịch', en: 'Reminder queued' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'cancelledAt', type: 'date', label: { vi: 'Huỷ lúc', en: 'Cancelled at' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    // Payload's own timestamp, named here so that it is locked like the rest (updatedAt Payload sets itself).
    { name: 'createdAt', type: 'date', index: true, label: { vi: 'Đăng ký lúc', en: 'Signed up at' }, admin: { hidden: true, disableBulkEdit: true } },
    // Internal keys, never returned by the API (services read them with overrideAccess).
    { name: 'manageTokenHash', type: 'text', index: true, admin: hidden, access: { read: () => false, update: () => false } },
    { name: 'idempotencyKey', type: 'text', unique: true, admin: hidden, access: { read: () => false, update: () => false } },
    /** One active registration per child and event: name + birth date, made unique again on cancel. */
    { name: 'childKey', type: 'text', unique: true, admin: hidden, access: { read: () => false, update: () => false } },
  ], STAFF_EDITABLE),
}
