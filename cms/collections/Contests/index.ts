import { hiddenFromJudges } from '../../access/roles'
import type { CollectionConfig } from 'payload'
import { slugField } from '../../fields/slug'
import { editorial } from '../editorial'
import { contestEndpoints } from './endpoints'

const publishing = editorial('contests')
const day = { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' }
const dayAndTime = { pickerAppearance: 'dayAndTime' as const, displayFormat: 'dd/MM/yyyy HH:mm' }

/**
 * Drawing contests (cms/services/contests.ts): the theme and rules, the entry window, the age
 * categories (by age on a set day) with their prizes, how many entries a child may send, the
 * jury and how it scores. Written by editors, with drafts, preview and scheduled publishing like
 * campaigns; the public sees published contests, and their results once an organiser publishes
 * them. The phase (announced, open, judging, results) is worked out from the dates and the judging
 * state (contest-states), never typed.
 */
export const Contests: CollectionConfig = {
  slug: 'contests',
  labels: {
    singular: { vi: 'Cuộc thi vẽ', en: 'Drawing contest' },
    plural: { vi: 'Cuộc thi vẽ', en: 'Drawing contests' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'title',
    defaultColumns: ['title', 'opensAt', 'closesAt', '_status'],
    group: { vi: 'Cuộc thi vẽ', en: 'Drawing contests' },
    preview: publishing.preview,
  },
  defaultSort: '-closesAt',
  versions: publishing.versions,
  access: publishing.access,
  hooks: publishing.hooks,
  endpoints: contestEndpoints,
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tên cuộc thi', en: 'Title' } },
    slugField('title'),
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', label: { vi: 'Thuộc chiến dịch', en: 'Campaign' } },
    { name: 'theme', type: 'text', required: true, localized: true, label: { vi: 'Chủ đề', en: 'Theme' } },
    { name: 'summary', type: 'textarea', localized: true, maxLength: 400, label: { vi: 'Tóm tắt', en: 'Summary' } },
    { name: 'rules', type: 'richText', localized: true, label: { vi: 'Thể lệ', en: 'Rules' } },
    { name: 'medium', type: 'text', localized: true, label: { vi: 'Chất liệu, khổ giấy', en: 'Medium and paper size' }, admin: { description: { vi: 'Ví dụ: giấy A4 hoặc A3; bút chì màu, sáp màu, màu nước.', en: 'E.g. A4 or A3 paper; coloured pencils, crayons, watercolour.' } } },
    { name: 'hero', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Hero image' } },
    {
      type: 'row',
      fields: [
        { name: 'opensAt', type: 'date', required: true, label: { vi: 'Bắt đầu nhận bài', en: 'Entries open' }, admin: { width: '33%', date: dayAndTime } },
        { name: 'closesAt', type: 'date', required: true, label: { vi: 'Hạn cuối nhận bài', en: 'Deadline' }, admin: { width: '33%', date: dayAndTime } },
        {
          name: 'ageOn',
          type: 'date',
          label: { vi: 'Tính tuổi vào ngày', en: 'Ages measured on' },
          admin: { width: '33%', date: day, description: { vi: 'Để trống: tính theo ngày hạn cuối.', en: 'Empty: the deadline day.' } },
        },
      ],
    },
    {
      name: 'categories',
      type: 'array',
      required: true,
      minRows: 1,
      label: { vi: 'Bảng thi theo độ tuổi', en: 'Age categories' },
      labels: { singular: { vi: 'Bảng', en: 'Category' }, plural: { vi: 'Các bảng', en: 'Categories' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', localized: true, label: { vi: 'Tên bảng', en: 'Name' }, admin: { description: { vi: 'Để trống: "6–8 tuổi".', en: 'Empty: "ages 6–8".' } } },
            { name: 'minAge', type: 'number', required: true, min: 3, max: 18, label: { vi: 'Từ tuổi', en: 'From age' } },
            { name: 'maxAge', type: 'number', required: true, min: 3, max: 18, label: { vi: 'Đến tuổi', en: 'To age' } },
            { name: 'maxEntries', type: 'number', min: 1, label: { vi: 'Nhận tối đa (bài)', en: 'At most (entries)' }, admin: { description: { vi: 'Để trống: không giới hạn.', en: 'Empty: no limit.' } } },
          ],
        },
        {
          name: 'prizes',
          type: 'array',
          label: { vi: 'Giải thưởng', en: 'Prizes' },
          labels: { singular: { vi: 'Giải', en: 'Prize' }, plural: { vi: 'Giải', en: 'Prizes' } },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'label', type: 'text', required: true, localized: true, label: { vi: 'Giải', en: 'Prize' } },
                { name: 'count', type: 'number', required: true, min: 1, defaultValue: 1, label: { vi: 'Số giải', en: 'How many' } },
                { name: 'reward', type: 'text', localized: true, label: { vi: 'Phần thưởng', en: 'Reward' } },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'entriesPerChild',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 1,
      max: 10,
      label: { vi: 'Số bài tối đa mỗi trẻ', en: 'Entries per child at most' },
    },
    {
      name: 'rubric',
      type: 'array',
      label: { vi: 'Tiêu chí chấm', en: 'Scoring rubric' },
      labels: { singular: { vi: 'Tiêu chí', en: 'Criterion' }, plural: { vi: 'Tiêu chí', en: 'Criteria' } },
      admin: { description: { vi: 'Mỗi tiêu chí chấm từ 1 đến 10, nhân hệ số.', en: 'Each criterion is scored 1 to 10 and weighted.' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'criterion', type: 'text', required: true, localized: true, label: { vi: 'Tiêu chí', en: 'Criterion' } },
            { name: 'weight', type: 'number', required: true, min: 0, max: 100, defaultValue: 1, label: { vi: 'Hệ số', en: 'Weight' } },
          ],
        },
      ],
    },
    {
      name: 'rounds',
      type: 'array',
      label: { vi: 'Vòng chấm', en: 'Judging rounds' },
      labels: { singular: { vi: 'Vòng', en: 'Round' }, plural: { vi: 'Các vòng', en: 'Rounds' } },
      admin: {
        description: {
          vi: 'Theo thứ tự. Mỗi vòng chấm những bài đã qua vòng trước. Vòng "Có/Không": bài qua khi ít nhất một nửa giám khảo chọn Có. Vòng chấm điểm: theo tiêu chí; nếu không phải vòng cuối, số bài đi tiếp mỗi bảng.',
          en: 'In order. Each round scores the entries that passed the one before. A yes/no round: an entry passes when at least half the judges say yes. A rubric round: by the criteria; when it is not the last, how many per category go on.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, localized: true, label: { vi: 'Tên vòng', en: 'Name' } },
            {
              name: 'kind',
              type: 'select',
              required: true,
              defaultValue: 'rubric',
              options: [
                { value: 'yes-no', label: { vi: 'Có / Không (sơ khảo)', en: 'Yes / no (shortlist)' } },
                { value: 'rubric', label: { vi: 'Chấm điểm theo tiêu chí', en: 'Scored by the rubric' } },
              ],
              label: { vi: 'Cách chấm', en: 'How' },
            },
            { name: 'advance', type: 'number', min: 1, label: { vi: 'Số bài đi tiếp mỗi bảng', en: 'Entries going on per category' } },
          ],
        },
      ],
    },
    { name: 'jury', type: 'relationship', relationTo: 'users', hasMany: true, label: { vi: 'Ban giám khảo', en: 'Jury' }, filterOptions: { roles: { in: ['judge'] } } },
    { name: 'consentVersion', type: 'text', required: true, defaultValue: '2026-1', label: { vi: 'Phiên bản nội dung đồng ý', en: 'Consent wording version' }, admin: { position: 'sidebar' } },
    { name: 'contact', type: 'text', localized: true, label: { vi: 'Liên hệ ban tổ chức', en: 'Organisers\u2019 contact' } },
    { name: 'judgingTools', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/staff/ContestJudgingPanel#ContestJudgingPanel' } } },
  ],
}
