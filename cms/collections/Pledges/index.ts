import type { CollectionConfig } from 'payload'
import { isAdmin, isFundStaff, nobody } from '../../access/roles'
import { operationsOnly } from '../../fields/operationsOnly'
import { DONOR_KINDS_LABELS, PLEDGE_STATUSES } from '../../services/pledges'
import { pledgeEndpoints } from './endpoints'
import { releaseItemsOnDelete } from './hooks/releaseItemsOnDelete'

/**
 * A donor's pledge to a gift drive (cms/services/pledges.ts): money and/or items, who the donor
 * is and how to reach them, whether they may be named on the public donor list. Made only by
 * the public pledge form; read and worked on by fund officers and admins; never readable through
 * the public API. What was received is recorded through the receipts (never typed into a pledge).
 */
export const Pledges: CollectionConfig = {
  slug: 'pledges',
  labels: {
    singular: { vi: 'Cam kết ủng hộ', en: 'Pledge' },
    plural: { vi: 'Cam kết ủng hộ', en: 'Pledges' },
  },
  admin: {
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'drive', 'status', 'amount', 'createdAt'],
    group: { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Fund" },
    // the working lists: to call, unpaid money, received but not thanked (cms/services/pledge-lists.ts)
    components: { beforeListTable: ['/components/staff/PledgesListTools#PledgesListTools'] },
  },
  defaultSort: '-createdAt',
  access: { read: isFundStaff, create: nobody, update: isFundStaff, delete: isAdmin },
  // receive, cancel, lapse, thanked: the only ways officers change a pledge (endpoints.ts)
  endpoints: pledgeEndpoints,
  indexes: [{ fields: ['drive', 'status'] }],
  hooks: { afterDelete: [releaseItemsOnDelete] },
  fields: operationsOnly(
    [
      { name: 'fundTools', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/staff/PledgeActions#PledgeActions' } } },
      { name: 'reference', type: 'text', required: true, unique: true, label: { vi: 'Mã ủng hộ', en: 'Reference' }, admin: { readOnly: true } },
      { name: 'drive', type: 'relationship', relationTo: 'drives', required: true, index: true, label: { vi: 'Đợt vận động', en: 'Drive' } },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        options: Object.entries(PLEDGE_STATUSES).map(([value, label]) => ({ value, label })),
        label: { vi: 'Trạng thái', en: 'Status' },
        admin: { position: 'sidebar' },
      },
      {
        name: 'donor',
        type: 'group',
        label: { vi: 'Nhà hảo tâm', en: 'Donor' },
        fields: [
          { name: 'kind', type: 'select', required: true, options: Object.entries(DONOR_KINDS_LABELS).map(([value, label]) => ({ value, label })), label: { vi: 'Là', en: 'Kind' } },
          { name: 'name', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
          { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
          { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
        ],
      },
      { name: 'listed', type: 'checkbox', defaultValue: false, label: { vi: 'Đồng ý hiện tên trên danh sách', en: 'Agreed to be named on the list' } },
      { name: 'language', type: 'select', required: true, defaultValue: 'vi', options: ['vi', 'en'], label: { vi: 'Ngôn ngữ', en: 'Language' } },
      { name: 'amount', type: 'number', min: 0, label: { vi: 'Số tiền cam kết (đồng)', en: 'Money pledged (đồng)' } },
      { name: 'receivedAmount', type: 'number', min: 0, defaultValue: 0, label: { vi: 'Số tiền đã nhận (đồng)', en: 'Money received (đồng)' } },
      {
        name: 'items',
        type: 'array',
        label: { vi: 'Hiện vật', en: 'Items' },
        fields: [
          { name: 'item', type: 'text', required: true, label: { vi: 'Mã hiện vật', en: 'Item id' } },
          { name: 'label', type: 'text', label: { vi: 'Hiện vật', en: 'Item' } },
          { name: 'quantity', type: 'number', required: true, min: 1, label: { vi: 'Số lượng cam kết', en: 'Quantity pledged' } },
          { name: 'received', type: 'number', min: 0, defaultValue: 0, label: { vi: 'Đã nhận', en: 'Received' } },
        ],
      },
      { name: 'message', type: 'textarea', label: { vi: 'Lời nhắn', en: 'Message' } },
      { name: 'idempotencyKey', type: 'text', required: true, unique: true, label: { vi: 'Khoá chống gửi trùng', en: 'Idempotency key' }, admin: { hidden: true } },
      { name: 'receivedAt', type: 'date', label: { vi: 'Nhận đủ lúc', en: 'Received in full at' }, admin: { position: 'sidebar' } },
      { name: 'thankedAt', type: 'date', label: { vi: 'Đã cảm ơn lúc', en: 'Thanked at' }, admin: { position: 'sidebar' } },
      { name: 'endedAt', type: 'date', label: { vi: 'Huỷ / hết hạn lúc', en: 'Cancelled or lapsed at' }, admin: { position: 'sidebar' } },
      { name: 'pledgeNoticeQueuedAt', type: 'date', label: { vi: 'Đã xếp thư xác nhận', en: 'Confirmation queued at' }, admin: { hidden: true } },
      { name: 'staffNote', type: 'textarea', label: { vi: 'Ghi chú của cán bộ', en: 'Staff note' } },
    ],
    ['staffNote'],
  ),
}
