import type { Field } from 'payload'

type Option = { value: string; label: { vi: string; en: string } }

/**
 * A child's consents, one row per purpose and person (the guardian's, the child's own from age
 * 7), with the wording's version and the time; a consent that ends keeps its row, marked with
 * when and why. Written only by the services (sign-up, entry, withdrawal); read-only in the admin.
 * Registrations and contest entries keep them alike, each with its own purposes and reasons.
 */
export function consentsField({ purposes, endReasons, dateFormat }: { purposes: Option[]; endReasons: Option[]; dateFormat?: string }): Field {
  const when = { date: { pickerAppearance: 'dayAndTime' as const, ...(dateFormat ? { displayFormat: dateFormat } : {}) } }
  return {
    name: 'consents',
    type: 'array',
    label: { vi: 'Sự đồng ý', en: 'Consents' },
    admin: { readOnly: true },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'purpose', type: 'select', required: true, options: purposes, label: { vi: 'Mục đích', en: 'Purpose' } },
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
          { name: 'endReason', type: 'select', options: endReasons, label: { vi: 'Lý do', en: 'Why' } },
        ],
      },
    ],
  }
}
