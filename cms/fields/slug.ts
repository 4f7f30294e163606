import type { TextField } from 'payload'
import { reqLang, t } from '../i18n/messages'
import { isValidSlug, toSlug } from '../services/slug'

/** A unique URL slug, filled from `from` (e.g. the title) when left empty. */
export function slugField(from = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: { vi: 'Đường dẫn', en: 'Slug' },
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: {
        vi: 'Để trống để tạo từ tiêu đề.',
        en: 'Leave empty to make it from the title.',
      },
    },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim()) return value.trim()
          const source: unknown = data?.[from]
          return typeof source === 'string' && source.trim() ? toSlug(source) : value
        },
      ],
    },
    validate: (value: string | null | undefined, { req, required }) => {
      if (!value) return required ? t(reqLang(req), 'slugInvalid') : true
      return isValidSlug(value) ? true : t(reqLang(req), 'slugInvalid')
    },
    required: true,
  }
}
