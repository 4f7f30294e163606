import type { CollectionConfig } from 'payload'
import { anyone, isAdmin, hiddenFromJudges } from '../../access/roles'
import { announceAfterChange, announceAfterDelete } from '../../hooks/announceChange'
import { AREA_LEVELS } from '../../services/areas'
import { checkParent } from './hooks/checkParent'

const LEVEL_LABELS = {
  province: { vi: 'Tỉnh / thành phố', en: 'Province / city' },
  commune: { vi: 'Xã / phường / đặc khu', en: 'Commune / ward' },
  district: { vi: 'Huyện (trước 1/7/2025)', en: 'District (before 1 July 2025)' },
} as const

/** Provinces and their communes; events, reports and coordinators refer to them. */
export const Areas: CollectionConfig = {
  slug: 'areas',
  labels: {
    singular: { vi: 'Địa bàn', en: 'Area' },
    plural: { vi: 'Địa bàn', en: 'Areas' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'name',
    defaultColumns: ['name', 'level', 'parent', 'code'],
    group: { vi: 'Quản trị', en: 'Administration' },
  },
  access: {
    read: anyone,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeValidate: [checkParent],
    afterChange: [announceAfterChange],
    afterDelete: [announceAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { vi: 'Tên', en: 'Name' } },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { vi: 'Mã', en: 'Code' },
    },
    {
      name: 'level',
      type: 'select',
      required: true,
      defaultValue: 'commune',
      label: { vi: 'Cấp', en: 'Level' },
      options: AREA_LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] })),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'areas',
      label: { vi: 'Thuộc tỉnh / thành phố', en: 'Province' },
      filterOptions: { level: { equals: 'province' } },
      admin: { condition: (data) => data?.level !== 'province' },
    },
  ],
}
