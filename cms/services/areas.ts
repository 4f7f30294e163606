/**
 * Areas follow the two-level local government in force since 1 July 2025: a province (tỉnh or
 * centrally-run city) contains communes (xã, phường, đặc khu). A district level is kept only as
 * a legacy label for records made before the reform.
 */
import type { MessageKey } from '../i18n/messages'

export const AREA_LEVELS = ['province', 'commune', 'district'] as const
export type AreaLevel = (typeof AREA_LEVELS)[number]

/** What is wrong with a parent for an area of `level`, or null when the pair is allowed. */
export function areaParentProblem(level: AreaLevel, parentLevel: AreaLevel | null): MessageKey | null {
  if (level === 'province') return null
  if (parentLevel === null) return 'areaParentRequired'
  return parentLevel === 'province' ? null : 'areaParentMustBeProvince'
}
