import type { CollectionConfig } from 'payload'
import { isAdmin, nobody } from '../../access/roles'

/**
 * Claims: the units of every limited pool (cms/services/capacity.ts), one row per unit held —
 * an event's seats, and next a drive's items and a child's contest entries. The unique index on
 * (pool, number) lets the database itself refuse a unit held twice, and the one on
 * (claimant, part) a second claim by the same claimant, on every adapter and under any
 * concurrency. Internal: written only by the capacity engine, readable by admins.
 */
export const Claims: CollectionConfig = {
  slug: 'claims',
  labels: {
    singular: { vi: 'Chỗ đã nhận', en: 'Claimed unit' },
    plural: { vi: 'Chỗ đã nhận', en: 'Claimed units' },
  },
  admin: { hidden: true },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['pool', 'number'], unique: true },
    { fields: ['claimant', 'part'], unique: true },
  ],
  // No hooks: the stores announce every change themselves (seats left show on public pages).
  fields: [
    { name: 'pool', type: 'text', required: true, label: { vi: 'Nhóm chỗ', en: 'Pool' } },
    { name: 'number', type: 'number', required: true, min: 1, label: { vi: 'Số', en: 'Number' } },
    { name: 'claimant', type: 'text', required: true, label: { vi: 'Người nhận', en: 'Claimant' } },
    { name: 'part', type: 'number', required: true, min: 1, label: { vi: 'Phần', en: 'Part' } },
  ],
}
