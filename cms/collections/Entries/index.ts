import type { CollectionConfig, Field, FieldAccess } from 'payload'
import { checkRole, isAdmin, nobody, hiddenFromJudges } from '../../access/roles'
import { operationsOnly } from '../../fields/operationsOnly'
import { ENTRY_STATUSES } from '../../services/entries'
import { CONTEST_ORGANISERS, judgeEntryScope } from '../../services/judging'
import { entryEndpoints } from './endpoints'
import { auditEntryAccess, auditEntryChange } from './hooks/auditStaffAccess'
import { releasePlacesOnDelete } from './hooks/releasePlacesOnDelete'

const organiser: FieldAccess = ({ req }) => checkRole(CONTEST_ORGANISERS, req.user)
/** A child's private information: organisers only — never a judge (who sees the picture, its title and statement, the category and the entry code). */
const privately = { read: organiser }
const hidden = { hidden: true }
const when = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'dd/MM/yyyy HH:mm' } }

/** Marks fields (looking into rows) as readable by organisers only. */
function privateFields(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: privateFields(field.fields) }
    if (field.type === 'ui' || field.type === 'join' || !('name' in field)) return field
    return { ...field, access: { ...field.access, ...privately } }
  })
}

const artworkFile: Field[] = [
  { name: 'file', type: 'text', label: { vi: 'Tệp', en: 'File' } },
  { name: 'width', type: 'number', label: { vi: 'Rộng', en: 'Width' } },
  { name: 'height', type: 'number', label: { vi: 'Cao', en: 'Height' } },
]

/**
 * One picture sent to a drawing contest (cms/services/entries.ts). A child's personal data and
 * image: never readable through the public API; made only by the public entry form; read by
 * organisers, and — without any private field — by judges. Every field is changed only by the
 * entry operations (withdrawing, withdrawing the publication consent, judging), never typed.
 */
export const Entries: CollectionConfig = {
  slug: 'entries',
  labels: {
    singular: { vi: 'Bài dự thi', en: 'Contest entry' },
    plural: { vi: 'Bài dự thi', en: 'Contest entries' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'entryCode',
    defaultColumns: ['entryCode', 'title', 'contest', 'category', 'status', 'createdAt'],
    group: { vi: 'Cuộc thi vẽ', en: 'Drawing contests' },
  },
  defaultSort: '-createdAt',
  access: {
    // organisers: every entry; judges: those in the current round of their contests, without any private field
    read: judgeEntryScope,
    create: nobody,
    update: ({ req }) => checkRole(CONTEST_ORGANISERS, req.user),
    delete: isAdmin,
  },
  indexes: [{ fields: ['contest', 'category', 'status'] }],
  // every staff read or change is logged (who, what, when); the server's own calls are not
  hooks: { afterDelete: [releasePlacesOnDelete], afterOperation: [auditEntryAccess], afterChange: [auditEntryChange] },
  endpoints: entryEndpoints,
  fields: operationsOnly(
    [
      { name: 'entryCode', type: 'text', required: true, unique: true, label: { vi: 'Mã bài (giám khảo thấy)', en: 'Entry code (what judges see)' }, admin: { readOnly: true } },
      { name: 'contest', type: 'relationship', relationTo: 'contests', required: true, index: true, label: { vi: 'Cuộc thi', en: 'Contest' } },
      { name: 'category', type: 'text', required: true, label: { vi: 'Bảng', en: 'Category' }, admin: { readOnly: true } },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        index: true,
        options: Object.entries(ENTRY_STATUSES).map(([value, label]) => ({ value, label })),
        label: { vi: 'Trạng thái', en: 'Status' },
        admin: { position: 'sidebar' },
      },
      { name: 'title', type: 'text', required: true, label: { vi: 'Tên tranh', en: 'Title' } },
      { name: 'statement', type: 'textarea', label: { vi: 'Lời giới thiệu của em', en: 'About the picture' } },
      // organisers: take the picture off public pages on the family's behalf (hidden from judges: field access)
      { name: 'publicationTools', type: 'ui', admin: { position: 'sidebar', condition: (_, __, { user }) => checkRole(CONTEST_ORGANISERS, user), components: { Field: '/components/staff/EntryPublicationAction#EntryPublicationAction' } } },
      { name: 'reachedRound', type: 'number', required: true, defaultValue: 0, min: 0, label: { vi: 'Đã vào vòng (0 = vòng đầu)', en: 'Reached round (0 = the first)' }, admin: { position: 'sidebar', readOnly: true } },
      {
        name: 'award',
        type: 'group',
        label: { vi: 'Giải', en: 'Award' },
        admin: { position: 'sidebar', readOnly: true },
        fields: [
          { name: 'prize', type: 'text', label: { vi: 'Giải (mã)', en: 'Prize (id)' } },
          { name: 'rank', type: 'number', label: { vi: 'Thứ hạng', en: 'Rank' } },
        ],
      },
      {
        name: 'artwork',
        type: 'group',
        label: { vi: 'Tranh (đã xử lý, không còn siêu dữ liệu)', en: 'Picture (processed, no metadata)' },
        admin: { readOnly: true },
        fields: [
          { name: 'large', type: 'group', label: { vi: 'Cỡ lớn', en: 'Large' }, fields: artworkFile },
          { name: 'small', type: 'group', label: { vi: 'Cỡ nhỏ', en: 'Small' }, fields: artworkFile },
        ],
      },
      ...privateFields([
        { name: 'reference', type: 'text', required: true, unique: true, label: { vi: 'Mã tra cứu của gia đình', en: "Family's reference" }, admin: { readOnly: true } },
        {
          name: 'child',
          type: 'group',
          label: { vi: 'Trẻ', en: 'Child' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'familyName', type: 'text', required: true, label: { vi: 'Họ và tên đệm', en: 'Family name' } },
                { name: 'givenName', type: 'text', required: true, label: { vi: 'Tên', en: 'Given name' } },
                { name: 'birthDate', type: 'date', required: true, label: { vi: 'Ngày sinh', en: 'Birth date' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
                { name: 'age', type: 'number', required: true, label: { vi: 'Tuổi (theo thể lệ)', en: 'Age (by the rules)' } },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'school', type: 'text', required: true, label: { vi: 'Trường', en: 'School' } },
                { name: 'className', type: 'text', label: { vi: 'Lớp', en: 'Class' } },
                { name: 'area', type: 'relationship', relationTo: 'areas', required: true, label: { vi: 'Xã / phường', en: 'Commune' } },
              ],
            },
          ],
        },
        {
          name: 'contact',
          type: 'group',
          label: { vi: 'Người gửi (cha mẹ hoặc giáo viên)', en: 'Sent by (parent or teacher)' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } },
                { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
                { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
              ],
            },
          ],
        },
        {
          name: 'submittedBy',
          type: 'select',
          required: true,
          defaultValue: 'guardian',
          options: [
            { value: 'guardian', label: { vi: 'Cha mẹ', en: 'Parent' } },
            { value: 'school', label: { vi: 'Nhà trường', en: 'School' } },
          ],
          label: { vi: 'Người gửi là', en: 'Submitted by' },
        },
        {
          name: 'consents',
          type: 'array',
          label: { vi: 'Sự đồng ý', en: 'Consents' },
          admin: { readOnly: true },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'purpose',
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'participation', label: { vi: 'Dự thi', en: 'Taking part' } },
                    { value: 'publication', label: { vi: 'Công bố tranh kèm tên', en: 'Publication with the name' } },
                  ],
                  label: { vi: 'Mục đích', en: 'Purpose' },
                },
                {
                  name: 'grantedBy',
                  type: 'select',
                  required: true,
                  options: [
                    { value: 'guardian', label: { vi: 'Cha mẹ / giám hộ', en: 'Guardian' } },
                    { value: 'child', label: { vi: 'Trẻ', en: 'Child' } },
                  ],
                  label: { vi: 'Người đồng ý', en: 'Given by' },
                },
                { name: 'wordingVersion', type: 'text', required: true, label: { vi: 'Phiên bản nội dung', en: 'Wording version' } },
                { name: 'grantedAt', type: 'date', required: true, label: { vi: 'Lúc', en: 'At' }, admin: when },
                { name: 'withdrawnAt', type: 'date', label: { vi: 'Hết hiệu lực lúc', en: 'Ended at' }, admin: when },
                {
                  name: 'endReason',
                  type: 'select',
                  options: [
                    { value: 'withdrawn', label: { vi: 'Gia đình rút lại', en: 'Withdrawn by the family' } },
                    { value: 'entry-withdrawn', label: { vi: 'Bài đã rút', en: 'Entry withdrawn' } },
                    { value: 'staff', label: { vi: 'Ban tổ chức gỡ', en: 'Removed by the organisers' } },
                  ],
                  label: { vi: 'Lý do', en: 'Why' },
                },
              ],
            },
          ],
        },
        { name: 'language', type: 'select', required: true, defaultValue: 'vi', options: ['vi', 'en'], label: { vi: 'Ngôn ngữ', en: 'Language' } },
        { name: 'source', type: 'group', label: { vi: 'Tệp gốc', en: 'Original file' }, admin: { readOnly: true }, fields: [
          { name: 'format', type: 'text', label: { vi: 'Định dạng', en: 'Format' } },
          { name: 'width', type: 'number', label: { vi: 'Rộng', en: 'Width' } },
          { name: 'height', type: 'number', label: { vi: 'Cao', en: 'Height' } },
          { name: 'bytes', type: 'number', label: { vi: 'Dung lượng (byte)', en: 'Size (bytes)' } },
        ] },
        { name: 'tieBreak', type: 'number', min: 1, label: { vi: 'Thứ tự khi bằng điểm', en: 'Order among equal scores' }, admin: { position: 'sidebar', description: { vi: 'Ban tổ chức quyết định khi các bài bằng điểm ở ranh giới giải (1 đứng trước).', en: 'The organisers decide when entries tie at a prize boundary (1 goes first).' } } },
        { name: 'withdrawnAt', type: 'date', label: { vi: 'Rút bài lúc', en: 'Withdrawn at' }, admin: { position: 'sidebar', ...when } },
        {
          name: 'gallery',
          type: 'group',
          label: { vi: 'Bản công khai (khi được đồng ý và đã công bố kết quả)', en: 'Public copies (with consent, once results are out)' },
          admin: { readOnly: true, description: { vi: 'Xoá ngay khi gia đình rút sự đồng ý hoặc rút bài.', en: 'Deleted as soon as the family withdraws consent or the entry.' } },
          fields: [
            { name: 'large', type: 'group', label: { vi: 'Cỡ lớn', en: 'Large' }, fields: artworkFile },
            { name: 'small', type: 'group', label: { vi: 'Cỡ nhỏ', en: 'Small' }, fields: artworkFile },
            { name: 'share', type: 'group', label: { vi: 'Ảnh chia sẻ', en: 'Share image' }, fields: artworkFile },
          ],
        },
        { name: 'childKey', type: 'text', required: true, index: true, admin: hidden },
        { name: 'manageTokenHash', type: 'text', required: true, unique: true, admin: hidden },
        { name: 'idempotencyKey', type: 'text', required: true, unique: true, admin: hidden },
        { name: 'noticeQueuedAt', type: 'date', admin: hidden },
      ]),
    ],
    ['tieBreak'],
  ),
}
