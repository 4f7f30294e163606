import type { CollectionConfig } from 'payload'
import { checkRole, isAdmin, nobody } from '../../access/roles'
import { CONTEST_ORGANISERS, judgeScoreScope } from '../../services/judging'

/**
 * A judge's score of one entry in one round of a drawing contest (cms/services/judging.ts):
 * yes/no in a shortlist round, or a mark of 1–10 per rubric criterion (and the weighted total)
 * in a scored round; or the judge's declaration that they know the child, with no score. One
 * per (entry, judge, round), refused twice by a unique key; final once sent. Made only by the
 * judging service; a judge reads their own, and others' for an entry only once they have sent
 * their own for it in that round; organisers read all.
 */
export const Scores: CollectionConfig = {
  slug: 'scores',
  labels: {
    singular: { vi: 'Phiếu chấm', en: 'Score' },
    plural: { vi: 'Phiếu chấm', en: 'Scores' },
  },
  admin: {
    defaultColumns: ['entry', 'judge', 'round', 'decision', 'total', 'conflict'],
    group: { vi: 'Cuộc thi vẽ', en: 'Drawing contests' },
    hidden: ({ user }) => !checkRole(CONTEST_ORGANISERS, user),
  },
  access: {
    read: judgeScoreScope,
    create: nobody,
    update: nobody,
    delete: isAdmin,
  },
  indexes: [{ fields: ['contest', 'round'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'contest', type: 'relationship', relationTo: 'contests', required: true, label: { vi: 'Cuộc thi', en: 'Contest' } },
    { name: 'entry', type: 'relationship', relationTo: 'entries', required: true, index: true, label: { vi: 'Bài', en: 'Entry' } },
    { name: 'judge', type: 'relationship', relationTo: 'users', required: true, index: true, label: { vi: 'Giám khảo', en: 'Judge' } },
    { name: 'round', type: 'text', required: true, label: { vi: 'Vòng', en: 'Round' } },
    /** `${entry}:${round}`: what a judge who has scored it may read of the others */
    { name: 'entryRound', type: 'text', required: true, index: true, admin: { hidden: true } },
    { name: 'conflict', type: 'checkbox', defaultValue: false, label: { vi: 'Giám khảo biết em (không chấm)', en: 'The judge knows the child (no score)' } },
    {
      name: 'decision',
      type: 'select',
      options: [
        { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
        { value: 'no', label: { vi: 'Không', en: 'No' } },
      ],
      label: { vi: 'Chọn', en: 'Decision' },
    },
    {
      name: 'marks',
      type: 'array',
      label: { vi: 'Điểm theo tiêu chí', en: 'Marks' },
      fields: [
        { name: 'criterion', type: 'text', required: true, label: { vi: 'Tiêu chí (mã)', en: 'Criterion (id)' } },
        { name: 'mark', type: 'number', required: true, min: 1, max: 10, label: { vi: 'Điểm', en: 'Mark' } },
      ],
    },
    { name: 'total', type: 'number', label: { vi: 'Điểm (có hệ số, thang 10)', en: 'Score (weighted, out of 10)' } },
    { name: 'comment', type: 'textarea', label: { vi: 'Nhận xét', en: 'Comment' } },
  ],
}
