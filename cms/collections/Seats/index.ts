import type { CollectionConfig } from 'payload'
import { isAdmin, nobody } from '../../access/roles'
import { announceAfterChange, announceAfterDelete } from '../../hooks/announceChange'

/**
 * Seat: one of an event's places, numbered 1..capacity. A confirmed registration holds one. The
 * unique index on (event, number) lets the database itself refuse a second holder, so no race
 * on any adapter can overbook (see cms/services/seats.ts). Internal: written only by services.
 */
export const Seats: CollectionConfig = {
  slug: 'seats',
  labels: {
    singular: { vi: 'Chỗ', en: 'Seat' },
    plural: { vi: 'Chỗ', en: 'Seats' },
  },
  admin: { hidden: true },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['event', 'number'], unique: true }],
  // seats left show on public event pages
  hooks: { afterChange: [announceAfterChange], afterDelete: [announceAfterDelete] },
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true },
    { name: 'number', type: 'number', required: true, min: 1 },
    { name: 'registration', type: 'relationship', relationTo: 'registrations', index: true },
  ],
}
