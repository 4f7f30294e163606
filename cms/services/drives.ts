/**
 * Gift drives (vận động quà tặng) of the provincial Children's Support Fund: a Mid-Autumn or
 * Tết gift drive, scholarships, bicycles, a milk fund, savings books, a house for a family,
 * health-insurance cards. A drive has a money target (đồng) and/or item targets — a kind, a
 * quantity, a value per unit and the children it will reach.
 *
 * - Donors **pledge** money and items (cms/services/pledges.ts); staff record what is
 *   **received**; coordinators record what is **handed over** to children.
 * - Each item target is a pool of the capacity engine (cms/services/capacity.ts): its units are
 *   the quantity wanted, and a pledge of items claims units, so when 90 bicycles are wanted no
 *   more than 90 are ever pledged, however many donors press at once. Money has no cap.
 * - Progress bars show what was **received** (recorded by staff); what is pledged but not yet
 *   received is shown apart. Nothing here is typed in: it is counted from pledges and receipts.
 */
import type { Pool } from './capacity'
import type { Id } from './ids'

export const ITEM_KINDS = {
  gift: { vi: 'Quà', en: 'Gift' },
  scholarship: { vi: 'Học bổng', en: 'Scholarship' },
  bicycle: { vi: 'Xe đạp', en: 'Bicycle' },
  'savings-book': { vi: 'Sổ tiết kiệm', en: 'Savings book' },
  milk: { vi: 'Sữa', en: 'Milk' },
  house: { vi: 'Nhà', en: 'House' },
  'insurance-card': { vi: 'Thẻ bảo hiểm y tế', en: 'Health-insurance card' },
  other: { vi: 'Khác', en: 'Other' },
} as const
export type ItemKind = keyof typeof ITEM_KINDS

export const DRIVE_KINDS = {
  'mid-autumn': { vi: 'Quà Trung thu', en: 'Mid-Autumn gifts' },
  tet: { vi: 'Quà Tết', en: 'Tết gifts' },
  scholarship: { vi: 'Học bổng', en: 'Scholarships' },
  bicycle: { vi: 'Xe đạp', en: 'Bicycles' },
  milk: { vi: 'Sữa', en: 'Milk' },
  'savings-book': { vi: 'Sổ tiết kiệm', en: 'Savings books' },
  housing: { vi: 'Nhà tình thương', en: 'Housing' },
  other: { vi: 'Khác', en: 'Other' },
} as const

/** An item target of a drive, as the rules need it. `id` is the row's id: pledges and hand-overs name the item by it. */
export type DriveItem = { id?: string | null; kind: string; label?: string | null; quantity: number; unitValue?: number | null; reaches?: number | null }

export type DriveRules = {
  id: Id
  startsOn?: string | null
  endsOn?: string | null
  items?: DriveItem[] | null
}

/** The pool of one item target: its units are the quantity wanted. */
export const itemPool = (driveId: Id, item: Pick<DriveItem, 'id' | 'quantity'>): Pool => ({ key: `drives:${driveId}:items:${item.id ?? ''}`, capacity: Math.max(0, Math.floor(item.quantity)) })

/** Why a drive takes no pledges at this moment, or null: before it starts, or after the day it ends. */
export function pledgeWindowProblem(drive: Pick<DriveRules, 'startsOn' | 'endsOn'>, now: Date): 'not-open' | 'closed' | null {
  const today = vietnamDay(now)
  if (drive.startsOn && today < drive.startsOn.slice(0, 10)) return 'not-open'
  if (drive.endsOn && today > drive.endsOn.slice(0, 10)) return 'closed'
  return null
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) at this moment, as YYYY-MM-DD. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

/** A target's progress, as honest bars show it: received is the bar; pledged-not-yet-received apart; never more than was recorded. */
export type Progress = { goal: number; received: number; pledgedOpen: number }

/** The share of the goal a bar fills (0..1): received only. */
export const barShare = (p: Progress): number => (p.goal > 0 ? Math.min(1, p.received / p.goal) : 0)
/** The share pledged but not yet received adds after it (never past the end). */
export const pledgedShare = (p: Progress): number => (p.goal > 0 ? Math.max(0, Math.min(1, (p.received + p.pledgedOpen) / p.goal) - barShare(p)) : 0)
