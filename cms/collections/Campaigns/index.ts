import { hiddenFromJudges } from '../../access/roles'
import type { CollectionConfig } from 'payload'
import { slugField } from '../../fields/slug'
import { editorial } from '../editorial'
import { applyCampaignRules } from './hooks/applyCampaignRules'

const publishing = editorial('campaigns', { beforeValidate: [applyCampaignRules] })

/**
 * Campaigns: above all the yearly Action Month for Children (1–30 June, a national theme and
 * official key messages). Events, contests, drives and news may belong to a campaign.
 */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: {
    singular: { vi: 'Chiến dịch', en: 'Campaign' },
    plural: { vi: 'Chiến dịch', en: 'Campaigns' },
  },
  admin: {
    hidden: hiddenFromJudges,
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'startsOn', '_status'],
    group: { vi: 'Nội dung', en: 'Content' },
    preview: publishing.preview,
  },
  defaultSort: '-year',
  versions: publishing.versions,
  access: publishing.access,
  hooks: publishing.hooks,
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tên chiến dịch', en: 'Title' } },
    slugField('title'),
    {
      type: 'row',
      fields: [
        {
          name: 'year',
          type: 'number',
          required: true,
          min: 2000,
          max: 2100,
          label: { vi: 'Năm', en: 'Year' },
          admin: { width: '33%' },
        },
        {
          name: 'startsOn',
          type: 'date',
          label: { vi: 'Bắt đầu', en: 'Starts on' },
          admin: {
            width: '33%',
            date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
            description: { vi: 'Mặc định 1/6', en: 'Defaults to 1 June' },
          },
        },
        {
          name: 'endsOn',
          type: 'date',
          label: { vi: 'Kết thúc', en: 'Ends on' },
          admin: {
            width: '33%',
            date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
            description: { vi: 'Mặc định 30/6', en: 'Defaults to 30 June' },
          },
        },
      ],
    },
    { name: 'theme', type: 'text', required: true, localized: true, label: { vi: 'Chủ đề', en: 'Theme' } },
    {
      name: 'keyMessages',
      type: 'array',
      label: { vi: 'Thông điệp chính', en: 'Key messages' },
      labels: { singular: { vi: 'Thông điệp', en: 'Message' }, plural: { vi: 'Thông điệp', en: 'Messages' } },
      fields: [{ name: 'message', type: 'text', required: true, localized: true, label: { vi: 'Thông điệp', en: 'Message' } }],
    },
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      maxLength: 400,
      label: { vi: 'Tóm tắt', en: 'Summary' },
    },
    { name: 'body', type: 'richText', localized: true, label: { vi: 'Nội dung', en: 'Body' } },
    {
      name: 'hero',
      type: 'upload',
      relationTo: 'media',
      label: { vi: 'Ảnh đại diện', en: 'Hero image' },
    },
    {
      name: 'areas',
      type: 'relationship',
      relationTo: 'areas',
      hasMany: true,
      label: { vi: 'Địa bàn', en: 'Areas' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'targets',
      type: 'array',
      label: { vi: 'Chỉ tiêu', en: 'Targets' },
      labels: { singular: { vi: 'Chỉ tiêu', en: 'Target' }, plural: { vi: 'Chỉ tiêu', en: 'Targets' } },
      admin: {
        description: {
          vi: 'Mỗi chỉ tiêu có một mã ngắn (ví dụ: tre-hoc-boi) để ghép với kết quả.',
          en: 'Each target has a short code (e.g. children-swimming) that results refer to.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'indicator', type: 'text', required: true, label: { vi: 'Mã chỉ tiêu', en: 'Indicator code' } },
            { name: 'label', type: 'text', required: true, localized: true, label: { vi: 'Tên chỉ tiêu', en: 'Indicator' } },
            { name: 'unit', type: 'text', localized: true, label: { vi: 'Đơn vị', en: 'Unit' } },
            { name: 'target', type: 'number', required: true, min: 0, label: { vi: 'Chỉ tiêu', en: 'Target' } },
          ],
        },
      ],
    },
    {
      name: 'results',
      type: 'array',
      label: { vi: 'Kết quả', en: 'Results' },
      labels: { singular: { vi: 'Kết quả', en: 'Result' }, plural: { vi: 'Kết quả', en: 'Results' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'indicator', type: 'text', required: true, label: { vi: 'Mã chỉ tiêu', en: 'Indicator code' } },
            { name: 'achieved', type: 'number', required: true, min: 0, label: { vi: 'Đạt được', en: 'Achieved' } },
            { name: 'source', type: 'text', localized: true, label: { vi: 'Nguồn số liệu', en: 'Source' } },
          ],
        },
      ],
    },
  ],
}
