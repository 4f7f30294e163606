/** How drive items are named on pages. */
import type { Lang } from '../i18n/routes'
import { ITEM_KINDS } from './cms'

/** The item's kind to show beside its label, unless the label says it already ("Xe đạp", not "Xe đạp (Xe đạp)"); '' for none. */
export function itemKindBeside(item: { kind: string; label: string }, lang: Lang): string {
  const kind = item.kind in ITEM_KINDS ? ITEM_KINDS[item.kind as keyof typeof ITEM_KINDS][lang] : ''
  return kind && !item.label.toLocaleLowerCase(lang).includes(kind.toLocaleLowerCase(lang)) ? kind : ''
}
