import type { CollectionConfig, ImageSize } from 'payload'
import { anyone, isEditor, hiddenFromJudges } from '../../access/roles'
import { env } from '../../env'
import { announceAfterChange, announceAfterDelete } from '../../hooks/announceChange'
import { checkUploadedImage } from './hooks/checkUploadedImage'

const webp = (quality: number) => ({ format: 'webp' as const, options: { quality } })

const sizes: ImageSize[] = [
  { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: webp(78) },
  { name: 'card', width: 800, formatOptions: webp(80) },
  { name: 'hero', width: 1600, formatOptions: webp(82) },
]

/**
 * Public images (campaign heroes, news covers). Every upload is re-encoded to WebP by sharp,
 * which drops EXIF (including GPS) from the original and every size. Children's artworks do
 * not live here: they are private uploads of their own.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { vi: 'Ảnh', en: 'Image' },
    plural: { vi: 'Thư viện ảnh', en: 'Images' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'alt',
    group: { vi: 'Nội dung', en: 'Content' },
  },
  access: {
    read: anyone,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  upload: {
    staticDir: env().mediaDir,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
    pasteURL: false,
    withMetadata: false,
    resizeOptions: { width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true },
    formatOptions: webp(85),
    imageSizes: sizes,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  hooks: {
    beforeOperation: [checkUploadedImage],
    afterChange: [announceAfterChange],
    afterDelete: [announceAfterDelete],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: { vi: 'Mô tả ảnh (cho người khiếm thị)', en: 'Alternative text' },
      admin: {
        description: {
          vi: 'Bắt buộc. Tả ngắn gọn nội dung ảnh; không ghi tên trẻ em.',
          en: 'Required. Describe what the image shows; never name a child.',
        },
      },
    },
    {
      name: 'caption',
      type: 'text',
      localized: true,
      label: { vi: 'Chú thích', en: 'Caption' },
    },
    {
      name: 'credit',
      type: 'text',
      label: { vi: 'Nguồn ảnh', en: 'Credit' },
    },
  ],
}
