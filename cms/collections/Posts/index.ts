import type { CollectionConfig } from 'payload'
import { isEditor, publishedOrEditor } from '../../access/roles'
import { env } from '../../env'
import { slugField } from '../../fields/slug'
import { announceAfterChange, announceAfterDelete } from '../../hooks/announceChange'
import { POST_CATEGORIES } from '../../services/posts'


/** News posts, written by communications staff, optionally part of a campaign. */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: {
    singular: { vi: 'Tin bài', en: 'News post' },
    plural: { vi: 'Tin bài', en: 'News' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'publishedAt', '_status'],
    group: { vi: 'Nội dung', en: 'Content' },
    preview: (doc, { locale }) =>
      typeof doc.id === 'number' || typeof doc.id === 'string'
        ? `${env().serverURL}/preview/posts/${doc.id}?locale=${locale}`
        : null,
  },
  defaultSort: '-publishedAt',
  versions: {
    maxPerDoc: 50,
    drafts: { schedulePublish: true },
  },
  access: {
    read: publishedOrEditor,
    readVersions: isEditor,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    afterChange: [announceAfterChange],
    afterDelete: [announceAfterDelete],
  },
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
