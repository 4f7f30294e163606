/**
 * Document ids are numbers on SQL databases and strings on MongoDB; the generated types were
 * made against SQL. Ids read back from the database are passed on unchanged through this.
 */
export type Id = number | string
export const asId = (id: Id) => id as number
