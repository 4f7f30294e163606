import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { reqLang, t } from '../../../i18n/messages'
import { seatsTaken } from '../../../services/seat-store'
import { reservedSeatsProblem, seatPools } from '../../../services/seats'

/**
 * Seat settings that cannot stand are refused with a translated message (cms/services/seats.ts):
 * seats held back for no named group, more held back than there are seats, or a capacity lowered
 * below the seats children already hold.
 */
export const checkSeats: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = {
    id: originalDoc?.id,
    capacity: data.capacity ?? originalDoc?.capacity,
    reservedSeats: data.reservedSeats ?? originalDoc?.reservedSeats,
    eligibility: { priorityGroups: data.eligibility?.priorityGroups ?? originalDoc?.eligibility?.priorityGroups },
  }
  const lang = reqLang(req)
  const problem = reservedSeatsProblem({ ...merged, priorityGroups: merged.eligibility.priorityGroups })
  if (problem) throw new APIError(t(lang, problem, { reserved: merged.reservedSeats ?? 0, capacity: merged.capacity ?? 0 }), 400, null, true)
  if (merged.id === undefined || typeof merged.capacity !== 'number') return data
  const pools = seatPools({ ...merged, id: merged.id, capacity: merged.capacity })
  const taken = await seatsTaken(req.payload, merged.id)
  for (const [kind, pool] of [['seatKindOpen', pools.open], ['seatKindReserved', pools.reserved]] as const) {
    const held = taken[kind === 'seatKindOpen' ? 'open' : 'reserved']
    if (held > pool.capacity) throw new APIError(t(lang, 'seatsBelowTaken', { capacity: pool.capacity, taken: held, kind: t(lang, kind) }), 400, null, true)
  }
  return data
}
