import type { CollectionConfig } from 'payload'
import { isFundStaff, nobody } from '../../access/roles'
import { UNMATCHED_REASONS } from '../../services/bank-matching'
import { TRANSFER_STATUSES } from '../../services/pledges'
import { assignEndpoint, sepayEndpoint, statementEndpoint } from './endpoints'

/**
 * Money movements on the fund's account as the bank reported them: a SePay notification or a
 * row of an uploaded bank statement. Each is stored once (the unique key is the source and the
 * bank's transaction id), matched to a pledge by the reference in its transfer note, and then
 * recorded as a receipt. One that matches nothing waits as "unmatched" until an officer assigns
 * it; money going out is kept as "ignored". Written only by the server's operations.
 */
export const BankTransfers: CollectionConfig = {
  slug: 'bank-transfers',
  labels: {
    singular: { vi: 'Giao dịch ngân hàng', en: 'Bank transfer' },
    plural: { vi: 'Giao dịch ngân hàng', en: 'Bank transfers' },
  },
  admin: {
    useAsTitle: 'note',
    defaultColumns: ['bookedAt', 'amount', 'note', 'status', 'reason', 'pledge'],
    group: { vi: 'Quỹ Bảo trợ trẻ em', en: "Children's Fund" },
    // above the list: the statement upload (preview, then import) and the unmatched transfers' filter
    components: { beforeListTable: ['/components/staff/StatementUpload#StatementUpload'] },
  },
  defaultSort: '-bookedAt',
  access: { read: isFundStaff, create: nobody, update: nobody, delete: nobody },
  // SePay's webhook (its own API key, no staff session), an officer's assignment, statement upload
  endpoints: [sepayEndpoint, statementEndpoint, assignEndpoint],
  fields: [
    /** `sepay:123456` or `statement:<hash>`: a transaction is stored once, whichever way it arrives again. */
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'source', type: 'select', required: true, options: [{ value: 'sepay', label: 'SePay' }, { value: 'statement', label: { vi: 'Sao kê', en: 'Statement' } }], label: { vi: 'Nguồn', en: 'Source' } },
    { name: 'bookedAt', type: 'date', required: true, label: { vi: 'Thời gian', en: 'Booked at' }, admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
    { name: 'amount', type: 'number', required: true, label: { vi: 'Số tiền (đồng)', en: 'Amount (đồng)' } },
    { name: 'direction', type: 'select', required: true, options: [{ value: 'in', label: { vi: 'Tiền vào', en: 'In' } }, { value: 'out', label: { vi: 'Tiền ra', en: 'Out' } }], label: { vi: 'Chiều', en: 'Direction' } },
    { name: 'note', type: 'text', label: { vi: 'Nội dung chuyển khoản', en: 'Transfer note' } },
    { name: 'accountNumber', type: 'text', label: { vi: 'Tài khoản', en: 'Account' } },
    { name: 'gateway', type: 'text', label: { vi: 'Ngân hàng', en: 'Bank' } },
    /** The bank's own id of the movement: the same in SePay's notification and the statement, so one movement is recorded once. */
    { name: 'bankReference', type: 'text', index: true, label: { vi: 'Mã tham chiếu', en: 'Bank reference' } },
    { name: 'status', type: 'select', required: true, index: true, options: Object.entries(TRANSFER_STATUSES).map(([value, label]) => ({ value, label })), label: { vi: 'Đối soát', en: 'Reconciliation' }, admin: { position: 'sidebar' } },
    {
      name: 'reason',
      type: 'select',
      options: Object.entries(UNMATCHED_REASONS).map(([value, label]) => ({ value, label })),
      label: { vi: 'Lý do chưa khớp', en: 'Why unmatched' },
      admin: { position: 'sidebar', condition: (data) => data.status === 'unmatched' },
    },
    { name: 'assign', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/staff/TransferActions#TransferActions' } } },
    { name: 'pledge', type: 'relationship', relationTo: 'pledges', label: { vi: 'Cam kết', en: 'Pledge' }, admin: { position: 'sidebar' } },
    { name: 'receipt', type: 'relationship', relationTo: 'donation-receipts', label: { vi: 'Biên nhận', en: 'Receipt' }, admin: { position: 'sidebar' } },
  ],
}
