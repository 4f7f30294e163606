import type { CollectionConfig } from 'payload'
import { isFundStaff, nobody } from '../../access/roles'
import { RECEIPT_SOURCES } from '../../services/pledges'
import { receiptPdfEndpoint } from './endpoints'

/**
 * What the fund received against a pledge, recorded by a fund officer or matched from the bank's
 * transfer notification: money and/or items, when, who recorded it. Each receipt has a number
 * without gaps within its year (2026-000001, 2026-000002…): the unique index on (year, sequence)
 * lets the database refuse a number given twice, and numbers are taken in the same write as the
 * receipt. Receipts are never changed or deleted through the API; they are what the progress
 * bars count.
 */
export const DonationReceipts: CollectionConfig = {
  slug: 'donation-receipts',
  labels: {
    singular: { vi: 'Biên nhận', en: 'Receipt' },
    plural: { vi: 'Biên nhận', en: 'Receipts' },
  },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'pledge', 'amount', 'receivedOn', 'source'],
    group: { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Fund" },
  },
  defaultSort: '-createdAt',
  access: { read: isFundStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['year', 'sequence'], unique: true }],
  endpoints: [receiptPdfEndpoint],
  fields: [
    { name: 'number', type: 'text', required: true, unique: true, label: { vi: 'Số biên nhận', en: 'Receipt number' } },
    { name: 'year', type: 'number', required: true, label: { vi: 'Năm', en: 'Year' } },
    { name: 'sequence', type: 'number', required: true, label: { vi: 'Số thứ tự', en: 'Sequence' } },
    { name: 'pledge', type: 'relationship', relationTo: 'pledges', required: true, index: true, label: { vi: 'Cam kết', en: 'Pledge' } },
    { name: 'drive', type: 'relationship', relationTo: 'drives', required: true, index: true, label: { vi: 'Đợt vận động', en: 'Drive' } },
    { name: 'receivedOn', type: 'date', required: true, label: { vi: 'Ngày nhận', en: 'Received on' } },
    { name: 'amount', type: 'number', min: 0, label: { vi: 'Số tiền (đồng)', en: 'Money (đồng)' } },
    {
      name: 'items',
      type: 'array',
      label: { vi: 'Hiện vật', en: 'Items' },
      fields: [
        { name: 'item', type: 'text', required: true, label: { vi: 'Mã hiện vật', en: 'Item id' } },
        { name: 'label', type: 'text', label: { vi: 'Hiện vật', en: 'Item' } },
        { name: 'quantity', type: 'number', required: true, min: 1, label: { vi: 'Số lượng', en: 'Quantity' } },
      ],
    },
    { name: 'source', type: 'select', required: true, options: Object.entries(RECEIPT_SOURCES).map(([value, label]) => ({ value, label })), label: { vi: 'Nguồn', en: 'Source' } },
    { name: 'transfer', type: 'relationship', relationTo: 'bank-transfers', label: { vi: 'Giao dịch ngân hàng', en: 'Bank transfer' } },
    /** A receipt is recorded once per key: the bank transaction it came from, or the officer's form submission. */
    { name: 'recordKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người ghi nhận', en: 'Recorded by' } },
    { name: 'thankQueuedAt', type: 'date', label: { vi: 'Đã xếp thư cảm ơn', en: 'Thank-you queued at' } },
  ],
}
