import type { GlobalConfig } from 'payload'
import { anyone, isEditor, hiddenFromJudges } from '../access/roles'
import { announceGlobalChange } from '../hooks/announceChange'

/** Site-wide settings: name, the hotline 111 text, contacts and footer links. */
export const Site: GlobalConfig = {
  slug: 'site',
  label: { vi: 'Cài đặt trang', en: 'Site settings' },
  admin: { hidden: hiddenFromJudges, group: { vi: 'Quản trị', en: 'Administration' } },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [announceGlobalChange] },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { vi: 'Tên trang', en: 'Site name' } },
    { name: 'tagline', type: 'text', localized: true, label: { vi: 'Khẩu hiệu', en: 'Tagline' } },
    {
      name: 'hotline',
      type: 'group',
      label: { vi: 'Tổng đài 111', en: 'Hotline 111' },
      fields: [
        { name: 'number', type: 'text', required: true, defaultValue: '111', label: { vi: 'Số', en: 'Number' } },
        {
          name: 'text',
          type: 'text',
          required: true,
          localized: true,
          label: { vi: 'Lời giới thiệu', en: 'Text' },
        },
      ],
    },
    {
      name: 'contacts',
      type: 'array',
      label: { vi: 'Liên hệ', en: 'Contacts' },
      fields: [
        { name: 'label', type: 'text', required: true, localized: true, label: { vi: 'Nhãn', en: 'Label' } },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'phone',
          options: [
            { value: 'phone', label: { vi: 'Điện thoại', en: 'Phone' } },
            { value: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
            { value: 'address', label: { vi: 'Địa chỉ', en: 'Address' } },
          ],
          label: { vi: 'Loại', en: 'Kind' },
        },
        { name: 'value', type: 'text', required: true, label: { vi: 'Giá trị', en: 'Value' } },
      ],
    },
    {
      name: 'footerLinks',
      type: 'array',
      label: { vi: 'Liên kết chân trang', en: 'Footer links' },
      fields: [
        { name: 'label', type: 'text', required: true, localized: true, label: { vi: 'Nhãn', en: 'Label' } },
        { name: 'url', type: 'text', required: true, label: { vi: 'Địa chỉ', en: 'URL' } },
      ],
    },
    {
      name: 'fund',
      type: 'group',
      label: { vi: 'Quỹ Bảo trợ trẻ em (in trên biên nhận)', en: "Children's Support Fund (printed on receipts)" },
      fields: [
        { name: 'name', type: 'text', localized: true, label: { vi: 'Tên quỹ', en: 'Fund name' } },
        { name: 'address', type: 'text', label: { vi: 'Địa chỉ', en: 'Address' } },
        {
          type: 'row',
          fields: [
            { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
            { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
            { name: 'taxCode', type: 'text', label: { vi: 'Mã số thuế', en: 'Tax code' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'signerName', type: 'text', label: { vi: 'Người ký biên nhận', en: 'Receipts signed by' } },
            { name: 'signerTitle', type: 'text', localized: true, label: { vi: 'Chức vụ', en: 'Title' } },
          ],
        },
      ],
    },
    {
      name: 'socialLinks',
      type: 'array',
      label: { vi: 'Mạng xã hội', en: 'Social links' },
      fields: [
        { name: 'network', type: 'text', required: true, label: { vi: 'Mạng', en: 'Network' } },
        { name: 'url', type: 'text', required: true, label: { vi: 'Địa chỉ', en: 'URL' } },
      ],
    },
  ],
}
