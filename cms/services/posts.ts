/** News post categories, with their labels in both languages (shared by the admin and the site). */
export const POST_CATEGORIES = {
  news: { vi: 'Tin tức', en: 'News' },
  activity: { vi: 'Hoạt động', en: 'Activities' },
  support: { vi: 'Chăm lo, hỗ trợ', en: 'Care and support' },
  report: { vi: 'Tổng kết', en: 'Reports' },
} as const
export type PostCategory = keyof typeof POST_CATEGORIES

export function categoryLabel(category: string | null | undefined, lang: 'vi' | 'en'): string {
  const entry = Object.entries(POST_CATEGORIES).find(([key]) => key === category)
  return entry ? entry[1][lang] : ''
}
