import { hiddenFromJudges } from '../../access/roles'
import type { CollectionConfig } from 'payload'
import { slugField } from '../../fields/slug'
import { editorial } from '../editorial'
import { POST_CATEGORIES } from '../../services/posts'

const publishing = editorial('posts')

/** News posts, written by communications staff, optionally part of a campaign. */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: {
    singular: { vi: 'Tin bài', en: 'News post' },
    plural: { vi: 'Tin bài', en: 'News' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'publishedAt', '_status'],
    group: { vi: 'Nội dung', en: 'Content' },
    preview: publishing.preview,
  },
  defaultSort: '-publishedAt',
  versions: publishing.versions,
  access: publishing.access,
  hooks: publishing.hooks,
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    slugField('title'),
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      label: { vi: 'Ngày đăng', en: 'Published on' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
    },
    {
      name: 'category',
      type: 'select',
      required: true,
      defaultValue: 'news',
      label: { vi: 'Chuyên mục', en: 'Category' },
      options: Object.entries(POST_CATEGORIES).map(([value, label]) => ({ value, label })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      label: { vi: 'Thuộc chiến dịch', en: 'Campaign' },
      admin: { position: 'sidebar' },
    },
    { name: 'byline', type: 'text', label: { vi: 'Tác giả', en: 'Byline' } },
    { name: 'excerpt', type: 'textarea', localized: true, maxLength: 400, label: { vi: 'Sa-pô', en: 'Excerpt' } },
    {
      name: 'cover',
      type: 'upload',
      relationTo: 'media',
      label: { vi: 'Ảnh bìa', en: 'Cover image' },
    },
    {
      name: 'coverCaption',
      type: 'text',
      localized: true,
      label: { vi: 'Chú thích ảnh bìa', en: 'Cover caption' },
    },
    { name: 'body', type: 'richText', localized: true, label: { vi: 'Nội dung', en: 'Body' } },
  ],
}
