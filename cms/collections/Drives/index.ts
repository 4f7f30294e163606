import { hiddenFromJudges } from '../../access/roles'
import type { CollectionConfig } from 'payload'
import { slugField } from '../../fields/slug'
import { DRIVE_KINDS, ITEM_KINDS } from '../../services/drives'
import { editorial } from '../editorial'
import { driveExportEndpoint } from './endpoints'
import { checkDriveTargets } from './hooks/checkDriveTargets'

const publishing = editorial('drives', { beforeValidate: [checkDriveTargets] }, ['fund'])
const day = { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' }
const vnd = { vi: 'đồng', en: 'đồng' }

/**
 * Gift drives of the Children's Support Fund (cms/services/drives.ts): the story, the fund's
 * bank account, and targets in money and/or items. Written by editors and fund officers, with
 * drafts and scheduled publishing like campaigns; the public sees published drives, their
 * progress (counted from pledges and receipts, never typed in) and the donors who agreed to be named.
 */
export const Drives: CollectionConfig = {
  slug: 'drives',
  labels: {
    singular: { vi: 'Đợt vận động', en: 'Gift drive' },
    plural: { vi: 'Đợt vận động', en: 'Gift drives' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'startsOn', 'endsOn', '_status'],
    group: { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Fund" },
    preview: publishing.preview,
  },
  defaultSort: '-startsOn',
  versions: publishing.versions,
  access: publishing.access,
  hooks: publishing.hooks,
  endpoints: [driveExportEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tên đợt vận động', en: 'Title' } },
    slugField('title'),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'mid-autumn',
          options: Object.entries(DRIVE_KINDS).map(([value, label]) => ({ value, label })),
          label: { vi: 'Loại', en: 'Kind' },
        },
        { name: 'campaign', type: 'relationship', relationTo: 'campaigns', label: { vi: 'Thuộc chiến dịch', en: 'Campaign' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'startsOn', type: 'date', required: true, label: { vi: 'Bắt đầu nhận ủng hộ', en: 'Pledges open on' }, admin: { width: '50%', date: day } },
        { name: 'endsOn', type: 'date', label: { vi: 'Kết thúc', en: 'Ends on' }, admin: { width: '50%', date: day, description: { vi: 'Sau ngày này không nhận cam kết mới.', en: 'No new pledges after this day.' } } },
      ],
    },
    { name: 'summary', type: 'textarea', localized: true, maxLength: 400, label: { vi: 'Tóm tắt', en: 'Summary' } },
    { name: 'story', type: 'richText', localized: true, label: { vi: 'Câu chuyện', en: 'Story' } },
    { name: 'hero', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Hero image' } },
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true, label: { vi: 'Ảnh khác', en: 'More images' } },
    {
      name: 'moneyGoal',
      type: 'number',
      min: 0,
      max: 1_000_000_000_000,
      label: { vi: 'Mục tiêu tiền (đồng)', en: 'Money target (đồng)' },
      admin: { description: { vi: 'Để trống nếu đợt này chỉ nhận hiện vật.', en: 'Leave empty when the drive takes items only.' } },
    },
    {
      name: 'items',
      type: 'array',
      label: { vi: 'Mục tiêu hiện vật', en: 'Item targets' },
      labels: { singular: { vi: 'Hiện vật', en: 'Item' }, plural: { vi: 'Hiện vật', en: 'Items' } },
      admin: {
        description: {
          vi: 'Số lượng là giới hạn: khi đủ, nhà hảo tâm được mời ủng hộ hiện vật khác.',
          en: 'The quantity is a limit: once it is pledged in full, donors are offered the other items.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'kind', type: 'select', required: true, defaultValue: 'gift', options: Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label })), label: { vi: 'Loại', en: 'Kind' } },
            { name: 'label', type: 'text', required: true, localized: true, label: { vi: 'Tên hiện vật', en: 'Item' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'quantity', type: 'number', required: true, min: 1, max: 1_000_000, label: { vi: 'Số lượng cần', en: 'Quantity wanted' } },
            { name: 'unitValue', type: 'number', min: 0, label: { vi: `Trị giá mỗi phần (${vnd.vi})`, en: `Value per unit (${vnd.en})` } },
            { name: 'reaches', type: 'number', min: 0, label: { vi: 'Số trẻ được nhận', en: 'Children it will reach' } },
          ],
        },
      ],
    },
    {
      name: 'account',
      type: 'group',
      label: { vi: 'Tài khoản nhận ủng hộ', en: 'Account for donations' },
      admin: { description: { vi: 'Nhà hảo tâm chuyển khoản vào đây; mã QR VietQR được tạo từ các thông tin này.', en: 'Donors transfer here; the VietQR code is made from these details.' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'bankBin', type: 'text', label: { vi: 'Mã ngân hàng (BIN)', en: 'Bank BIN' }, validate: (v: string | null | undefined) => (!v || /^\d{6}$/.test(v) ? true : 'BIN: 6 chữ số / 6 digits') },
            { name: 'bankName', type: 'text', label: { vi: 'Ngân hàng', en: 'Bank' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'accountNumber', type: 'text', label: { vi: 'Số tài khoản', en: 'Account number' }, validate: (v: string | null | undefined) => (!v || /^[0-9A-Za-z]{1,19}$/.test(v) ? true : 'Số tài khoản không hợp lệ / Invalid account number') },
            { name: 'accountName', type: 'text', label: { vi: 'Chủ tài khoản', en: 'Account holder' } },
          ],
        },
      ],
    },
    {
      name: 'dropOff',
      type: 'textarea',
      localized: true,
      maxLength: 600,
      label: { vi: 'Nơi và thời gian nhận hiện vật', en: 'Where and when to bring items' },
      admin: { description: { vi: 'Để trống: cán bộ Quỹ sẽ gọi điện hẹn với nhà hảo tâm.', en: 'Leave empty: a fund officer will call the donor.' } },
    },
    {
      name: 'showAmounts',
      type: 'checkbox',
      defaultValue: true,
      label: { vi: 'Danh sách nhà hảo tâm hiện số tiền', en: 'Donor list shows amounts' },
      admin: { position: 'sidebar' },
    },
    // fund officers and admins: the report per target and the donor / receipt downloads
    { name: 'report', type: 'ui', admin: { components: { Field: '/components/staff/DriveReport#DriveReport' } } },
  ],
}
