/**
 * Document ids are numbers on SQL databases and strings on MongoDB; the generated types were
 * made against SQL. Ids read back from the database are passed on unchanged through this.
 */
export type Id = number | string
export const asId = (id: Id) => id as number

/** The id of a relationship's value, whether it came back populated (an object) or as an id. */
export function idOf(value: Id | { id: Id }): Id
export function idOf(value: Id | { id: Id } | null | undefined): Id | null
export function idOf(value: Id | { id: Id } | null | undefined): Id | null {
  return value == null ? null : typeof value === 'object' ? value.id : value
}
