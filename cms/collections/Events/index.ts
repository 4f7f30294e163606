import type { CollectionConfig } from 'payload'
import { adminOrCoordinatorOf, checkRole, isStaff, hiddenFromJudges } from '../../access/roles'
import { slugField } from '../../fields/slug'
import { announceAfterChange, announceAfterDelete } from '../../hooks/announceChange'
import { EVENT_KINDS, PRIORITY_GROUPS } from '../../services/events'
import { checkSeats } from './hooks/checkSeats'
import { coveredAreasOnly } from './hooks/coveredAreasOnly'
import { versionConsent } from './hooks/versionConsent'

const day = { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' }
const moment = { pickerAppearance: 'dayAndTime' as const, displayFormat: 'dd/MM/yyyy HH:mm' }
const time = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * Events with seats (see cms/services/events.ts). Coordinators manage the events of their
 * communes; the public sees published events. Seats left are counted from the seats taken,
 * never typed in.
 */
export const Events: CollectionConfig = {
  slug: 'events',
  labels: {
    singular: { vi: 'Sự kiện, lớp học', en: 'Event' },
    plural: { vi: 'Sự kiện, lớp học', en: 'Events' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'area', 'capacity', '_status'],
    group: { vi: 'Hoạt động', en: 'Activities' },
  },
  versions: { maxPerDoc: 50, drafts: true },
  access: {
    read: ({ req }) => (isStaff({ req }) ? true : { _status: { equals: 'published' } }),
    readVersions: isStaff,
    create: ({ req }) => checkRole(['admin', 'coordinator'], req.user),
    update: adminOrCoordinatorOf('area'),
    delete: adminOrCoordinatorOf('area'),
  },
  hooks: {
    beforeChange: [coveredAreasOnly, versionConsent, checkSeats],
    afterChange: [announceAfterChange],
    afterDelete: [announceAfterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tên', en: 'Title' } },
    slugField('title'),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'swim-class',
          options: Object.entries(EVENT_KINDS).map(([value, label]) => ({ value, label })),
          label: { vi: 'Loại', en: 'Kind' },
        },
        { name: 'campaign', type: 'relationship', relationTo: 'campaigns', label: { vi: 'Thuộc chiến dịch', en: 'Campaign' } },
      ],
    },
    { name: 'summary', type: 'textarea', localized: true, maxLength: 400, label: { vi: 'Giới thiệu ngắn', en: 'Summary' } },
    { name: 'description', type: 'richText', localized: true, label: { vi: 'Nội dung', en: 'Description' } },
    {
      type: 'row',
      fields: [
        { name: 'venue', type: 'text', required: true, localized: true, label: { vi: 'Địa điểm', en: 'Venue' } },
        {
          name: 'area',
          type: 'relationship',
          relationTo: 'areas',
          required: true,
          index: true,
          label: { vi: 'Xã / phường', en: 'Commune' },
        },
      ],
    },
    {
      name: 'sessions',
      type: 'array',
      minRows: 1,
      label: { vi: 'Các buổi', en: 'Sessions' },
      labels: { singular: { vi: 'Buổi', en: 'Session' }, plural: { vi: 'Các buổi', en: 'Sessions' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', required: true, label: { vi: 'Ngày', en: 'Date' }, admin: { date: day } },
            { name: 'start', type: 'text', required: true, label: { vi: 'Bắt đầu (giờ:phút)', en: 'Starts (HH:MM)' }, validate: (v: string | null | undefined) => (v && time.test(v)) || 'HH:MM' },
            { name: 'end', type: 'text', required: true, label: { vi: 'Kết thúc (giờ:phút)', en: 'Ends (HH:MM)' }, validate: (v: string | null | undefined) => (v && time.test(v)) || 'HH:MM' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 1, max: 10_000, label: { vi: 'Số chỗ', en: 'Seats' } },
        {
          name: 'reservedSeats',
          type: 'number',
          min: 0,
          defaultValue: 0,
          label: { vi: 'Chỗ dành cho nhóm ưu tiên', en: 'Seats held for priority groups' },
        },
        { name: 'waitlist', type: 'checkbox', defaultValue: true, label: { vi: 'Có danh sách chờ', en: 'Waitlist' } },
      ],
    },
    {
      name: 'eligibility',
      type: 'group',
      label: { vi: 'Điều kiện tham gia', en: 'Eligibility' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'minAge', type: 'number', min: 0, max: 18, label: { vi: 'Tuổi từ', en: 'Minimum age' } },
            { name: 'maxAge', type: 'number', min: 0, max: 18, label: { vi: 'Đến', en: 'Maximum age' } },
          ],
        },
        {
          name: 'areas',
          type: 'relationship',
          relationTo: 'areas',
          hasMany: true,
          label: { vi: 'Dành cho trẻ ở', en: 'Open to children of' },
          admin: { description: { vi: 'Để trống: mọi địa bàn. Tuổi tính vào ngày học đầu tiên.', en: 'Empty: everywhere. Age counts on the first session day.' } },
        },
        {
          name: 'priorityGroups',
          type: 'select',
          hasMany: true,
          options: Object.entries(PRIORITY_GROUPS).map(([value, label]) => ({ value, label })),
          label: { vi: 'Nhóm ưu tiên', en: 'Priority groups' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'registrationOpensAt', type: 'date', label: { vi: 'Mở đăng ký', en: 'Registration opens' }, admin: { date: moment } },
        { name: 'registrationClosesAt', type: 'date', label: { vi: 'Đóng đăng ký', en: 'Registration closes' }, admin: { date: moment } },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: { vi: 'Nội dung đồng ý', en: 'Consent wording' },
      admin: {
        description: {
          vi: 'Mỗi lần sửa nội dung, phiên bản tự tăng; mỗi đăng ký lưu phiên bản đã đồng ý.',
          en: 'Editing the text gives it a new version; each sign-up records the version agreed to.',
        },
      },
      fields: [
        { name: 'version', type: 'text', defaultValue: 'v1', admin: { readOnly: true }, label: { vi: 'Phiên bản', en: 'Version' } },
        { name: 'guardian', type: 'textarea', required: true, localized: true, label: { vi: 'Cha mẹ / người giám hộ đồng ý cho trẻ tham gia', en: "Guardian's consent to take part" } },
        { name: 'childAssent', type: 'textarea', required: true, localized: true, label: { vi: 'Trẻ từ 7 tuổi đồng ý', en: "Child's own assent (7 and older)" } },
        { name: 'photo', type: 'textarea', localized: true, label: { vi: 'Đồng ý chụp ảnh (tự chọn)', en: 'Photo consent (optional)' } },
      ],
    },
    {
      name: 'organiser',
      type: 'group',
      label: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
            { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
            { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
          ],
        },
      ],
    },
    {
      name: 'reminderDaysBefore',
      type: 'number',
      min: 0,
      max: 30,
      defaultValue: 2,
      label: { vi: 'Nhắc trước (ngày)', en: 'Reminder (days before)' },
      admin: { position: 'sidebar' },
    },
    // Exports, check-in and emails to registrants (admins and the event's coordinators only).
    { name: 'staffTools', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/staff/EventStaffTools#EventStaffTools' } } },
  ],
}
