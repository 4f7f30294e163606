/**
 * A drive's report for fund officers: per target (the money goal, each item), how much was
 * **pledged**, how much was **received**, and — once gifts reach the children — how much was
 * **handed over**, in total and per commune.
 *
 * - **received**: what the drive's receipts add up to (cms/services/drive-progress.ts): only
 *   receipts count, never what a pledge says.
 * - **pledged**: received plus what pledges still open promise beyond it. A pledge cancelled
 *   after part of it came counts for the part received only, so pledged is never below received.
 * - **handed over**: counted by the hand-over records (cms/services/hand-overs.ts
 *   `handOverCounts`, read through `handOversForReport`); without them the report says "not
 *   counted yet" rather than 0.
 */
import type { Payload } from 'payload'
import type { Lang } from '../i18n/messages'
import { driveProgress } from './drive-progress'
import { handOverCounts } from './hand-overs'
import type { Id } from './ids'
import { PLEDGE_STATUSES, type PledgeStatus } from './pledges'

/**
 * What the hand-over records count for a drive: units handed over per item (by the drive's item
 * id), and per commune the units per item and the number of children who received something.
 * Aggregates only: no child is ever named in a report.
 */
export type HandOverCounts = {
  byItem: Record<string, number>
  byCommune: { area: string; items: Record<string, number>; children: number }[]
}

export type TargetReport = { goal: number; pledged: number; received: number; pledgedOpen: number }
export type ItemReport = TargetReport & { id: string; kind: string; label: string; unitValue: number | null; left: number; handedOver: number | null }

export type DriveReport = {
  drive: { id: Id; title: string; slug: string | null; startsOn: string; endsOn: string | null }
  /** Null when the drive takes no money and none came. */
  money: TargetReport | null
  items: ItemReport[]
  /** How many pledges stand in each status. */
  pledges: Record<PledgeStatus, number>
  donors: { named: number; anonymous: number }
  /** Per commune, once hand-over counts are given; null until then. */
  handOvers: { area: string; children: number; items: { id: string; label: string; count: number }[] }[] | null
}

/**
 * The report of one drive (null when there is no such drive), item labels in `lang`. Pass the
 * hand-over counts when they are known:
 *
 *     driveReport(payload, driveId, await handOverCounts(payload, driveId))
 */
export async function driveReport(payload: Payload, driveId: Id, handedOver?: HandOverCounts, options: { lang?: Lang } = {}): Promise<DriveReport | null> {
  const drive = await payload.findByID({ collection: 'drives', id: driveId, depth: 0, locale: options.lang ?? 'vi', disableErrors: true })
  if (!drive) return null
  const [progress, statuses] = await Promise.all([
    driveProgress(payload, drive),
    payload.find({ collection: 'pledges', where: { drive: { equals: drive.id } }, limit: 0, pagination: false, depth: 0, select: { status: true } }),
  ])
  const pledges = Object.fromEntries(Object.keys(PLEDGE_STATUSES).map((s) => [s, 0])) as Record<PledgeStatus, number>
  for (const p of statuses.docs) if (p.status in pledges) pledges[p.status as PledgeStatus]++
  const labels = new Map(progress.items.map((i) => [i.id, i.label]))
  return {
    drive: { id: drive.id, title: drive.title, slug: drive.slug ?? null, startsOn: drive.startsOn, endsOn: drive.endsOn ?? null },
    money: progress.money ? { ...progress.money, pledged: progress.money.received + progress.money.pledgedOpen } : null,
    items: progress.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      label: i.label,
      unitValue: i.unitValue,
      goal: i.goal,
      received: i.received,
      pledgedOpen: i.pledgedOpen,
      pledged: i.received + i.pledgedOpen,
      left: i.left,
      handedOver: handedOver ? (handedOver.byItem[i.id] ?? 0) : null,
    })),
    pledges,
    donors: progress.donors,
    handOvers: handedOver
      ? handedOver.byCommune.map((c) => ({
          area: c.area,
          children: c.children,
          items: Object.entries(c.items).map(([id, count]) => ({ id, label: labels.get(id) ?? id, count })),
        }))
      : null,
  }
}

/** The hand-over records' counts of a drive (cms/services/hand-overs.ts), as the report takes them. */
export async function handOversForReport(payload: Payload, driveId: Id, lang: Lang = 'vi'): Promise<HandOverCounts> {
  const counts = await handOverCounts(payload, driveId, lang)
  return {
    byItem: Object.fromEntries(counts.items.map((i) => [i.item, i.quantity])),
    byCommune: counts.communes.map((c) => ({ area: c.name, children: c.children, items: Object.fromEntries(c.items.map((i) => [i.item, i.quantity])) })),
  }
}

/** A share of a goal, 0..100, for a bar (0 when there is no goal). */
export const percentOf = (value: number, goal: number): number => (goal > 0 ? Math.max(0, Math.min(100, Math.round((value / goal) * 100))) : 0)
