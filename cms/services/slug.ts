/**
 * Slug: the readable, unique part of a public URL (/chien-dich/<slug>). Vietnamese letters lose
 * their accents and đ becomes d, so "Tháng hành động 2025" becomes "thang-hanh-dong-2025".
 */
import slugify from '@sindresorhus/slugify'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function toSlug(text: string): string {
  return slugify(text, { lowercase: true, separator: '-' }).slice(0, 96).replace(/-+$/, '')
}

export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 96 && SLUG.test(value)
}
