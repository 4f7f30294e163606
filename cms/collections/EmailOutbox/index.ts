import fs from 'node:fs/promises'
import type { CollectionAfterChangeHook, CollectionAfterOperationHook, CollectionConfig } from 'payload'
import { checkRole, isAdmin, nobody } from '../../access/roles'
import { audit, auditOperation, auditStaffChange } from '../../services/audit'
import { parseId } from '../../services/staff'
import { emlPath } from '../../email/adapter'
import { env } from '../../env'

const STATUS_OPTIONS = [
  { value: 'queued', label: { vi: 'Đang chờ gửi', en: 'Queued' } },
  { value: 'sending', label: { vi: 'Đang gửi', en: 'Sending' } },
  { value: 'sent', label: { vi: 'Đã gửi', en: 'Sent' } },
  { value: 'failed', label: { vi: 'Gửi lỗi', en: 'Failed' } },
]

const readOnly = { readOnly: true }

const auditOutboxReads: CollectionAfterOperationHook<'email-outbox'> = async ({ collection, operation, result, req }) => {
  await auditOperation(req.payload, { collection: collection.slug, operation, result, req })
  return result
}

const auditOutboxChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (operation === 'update') await auditStaffChange(req.payload, { collection: collection.slug, before: previousDoc, after: doc, req })
  return doc
}

/**
 * Every email the platform sends, queued here first (see cms/services/email/outbox).
 * Without SMTP settings, sent messages are written as .eml files and can be downloaded here.
 * Admins may only change the status (e.g. put a failed message back in the queue).
 */
export const EmailOutbox: CollectionConfig = {
  slug: 'email-outbox',
  labels: {
    singular: { vi: 'Thư đi', en: 'Outgoing email' },
    plural: { vi: 'Hộp thư đi', en: 'Email outbox' },
  },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'status', 'attempts', 'createdAt'],
    group: { vi: 'Quản trị', en: 'Administration' },
    description: {
      vi: 'Thư được xếp hàng rồi gửi, tự thử lại khi máy chủ thư lỗi. Khi chưa cấu hình SMTP, thư được lưu thành tệp .eml: mở /api/email-outbox/<id>/eml để tải. Nội dung thư (có đường dẫn riêng của gia đình) bị xoá sau khi gửi một thời gian (MAIL_RETENTION_DAYS, mặc định 30 ngày). Mọi lần xem đều được ghi nhật ký.',
      en: 'Emails are queued, then sent, and retried while the mail server fails. Without SMTP they are saved as .eml files: open /api/email-outbox/<id>/eml to download one. A message body (with the family’s private links) is erased some time after delivery (MAIL_RETENTION_DAYS, 30 days by default). Every read is logged.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: isAdmin,
    create: nobody,
    update: isAdmin,
    delete: nobody,
  },
  // Messages about children hold their names and private links: staff reads and changes are logged.
  hooks: { afterChange: [auditOutboxChange], afterOperation: [auditOutboxReads] },
  endpoints: [
    {
      path: '/:id/eml',
      method: 'get',
      handler: async (req) => {
        if (!checkRole(['admin'], req.user)) return Response.json({ error: 'Forbidden' }, { status: 403 })
        const id = parseId(req.routeParams?.id)
        if (id === null) return Response.json({ error: 'Not found' }, { status: 404 })
        // read without the user (this endpoint writes its own audit entry, naming the download)
        const doc = await req.payload.findByID({ collection: 'email-outbox', id, depth: 0, disableErrors: true })
        const file = doc?.emlFile ? emlPath(env(), doc.emlFile) : null
        if (!file) return Response.json({ error: 'Not found' }, { status: 404 })
        const bytes = await fs.readFile(file).catch(() => null)
        if (!bytes) return Response.json({ error: 'Not found' }, { status: 404 })
        await audit(req.payload, { action: 'read-one', resource: 'email-outbox', documentIds: [id], summary: `downloaded ${doc?.emlFile}` }, req)
        return new Response(new Uint8Array(bytes), {
          headers: {
            'content-type': 'message/rfc822',
            'content-disposition': `attachment; filename="${doc?.emlFile}"`,
          },
        })
      },
    },
  ],
  fields: [
    { name: 'to', type: 'text', required: true, label: { vi: 'Người nhận', en: 'To' }, admin: readOnly },
    { name: 'subject', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Subject' }, admin: readOnly },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: STATUS_OPTIONS,
      label: { vi: 'Trạng thái', en: 'Status' },
      admin: { position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { vi: 'Số lần thử', en: 'Attempts' }, admin: { ...readOnly, position: 'sidebar' } },
    { name: 'nextAttemptAt', type: 'date', index: true, label: { vi: 'Thử lại lúc', en: 'Next attempt' }, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'sentAt', type: 'date', label: { vi: 'Gửi lúc', en: 'Sent at' }, admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'leaseUntil', type: 'date', admin: { hidden: true } },
    { name: 'lastError', type: 'text', label: { vi: 'Lỗi gần nhất', en: 'Last error' }, admin: readOnly },
    { name: 'from', type: 'text', label: { vi: 'Người gửi', en: 'From' }, admin: readOnly },
    { name: 'replyTo', type: 'text', label: { vi: 'Trả lời tới', en: 'Reply to' }, admin: readOnly },
    { name: 'html', type: 'code', label: 'HTML', admin: { ...readOnly, language: 'html' } },
    { name: 'text', type: 'textarea', label: { vi: 'Văn bản', en: 'Text' }, admin: readOnly },
    { name: 'messageId', type: 'text', label: 'Message-ID', admin: readOnly },
    /** Inline images (e.g. a check-in QR code): [{ filename, contentType, cid, content (base64) }]. */
    { name: 'attachments', type: 'json', admin: { hidden: true } },
    { name: 'emlFile', type: 'text', label: { vi: 'Tệp .eml', en: '.eml file' }, admin: readOnly },
    { name: 'purgedAt', type: 'date', index: true, label: { vi: 'Đã xoá nội dung lúc', en: 'Body erased at' }, admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'emlDownload', type: 'ui', admin: { components: { Field: '/components/EmlDownload#EmlDownload' } } },
    { name: 'dedupeKey', type: 'text', unique: true, index: true, admin: { hidden: true } },
  ],
}
