import type { CollectionConfig } from 'payload'
import { isAdmin, isStaff, nobody } from '../../access/roles'

/**
 * Where a contest's judging stands (cms/services/judging.ts): how many of its rounds are closed
 * (they close in order, so the current round is the next one) and when the results were
 * published. Kept apart from the contest itself, which editors write with drafts and versions:
 * publishing an editor's draft must never reopen a round or hide published results. Written
 * only by the judging service.
 */
export const ContestStates: CollectionConfig = {
  slug: 'contest-states',
  labels: {
    singular: { vi: 'Tiến độ chấm thi', en: 'Judging state' },
    plural: { vi: 'Tiến độ chấm thi', en: 'Judging states' },
  },
  admin: { hidden: true },
  access: { read: isStaff, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'contest', type: 'relationship', relationTo: 'contests', required: true, unique: true, label: { vi: 'Cuộc thi', en: 'Contest' } },
    { name: 'roundsClosed', type: 'number', required: true, defaultValue: 0, min: 0, label: { vi: 'Số vòng đã khoá', en: 'Rounds closed' } },
    { name: 'resultsPublishedAt', type: 'date', label: { vi: 'Công bố kết quả lúc', en: 'Results published at' } },
  ],
}
