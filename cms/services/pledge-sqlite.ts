/**
 * Pledges on the SQLite lane (cms/services/signup-sqlite.ts): the same steps as the Local API
 * store of pledges (cms/services/pledges.ts `pledgeOps`), answered in SQL on the lane's own
 * connection inside its group transaction, so a pledge of items — the pledge, its lines and its
 * units — is one synchronous program between BEGIN and COMMIT, and pledges that arrive together
 * share one commit. The rules are cms/services/capacity.ts `allocateBundle`, not here;
 * tests/int/pledge-conformance.test.ts runs both stores on the same cases and compares what
 * they store.
 */
import type { CapacityOps, Claimed } from './capacity'
import { uniqueViolationOn } from './errors'
import type { Id } from './ids'
import { newPledgeReference } from './pledge-reference'
import { asClaimedPledge, claimantOfLine, noWaitlist, type NewPledge } from './pledges'
import { insert, int, sqliteUnitOps, str, type LaneSql, type Row } from './signup-sqlite'

const SQL = {
  earlier: 'SELECT id, reference, status FROM pledges WHERE idempotency_key = :key',
  store: insert('pledges'),
  line: insert('pledges_items'),
  hold: "UPDATE pledges SET status = 'pledged', updated_at = :at WHERE id = :id",
  lines: 'SELECT item FROM pledges_items WHERE _parent_id = :id',
  dropLines: 'DELETE FROM pledges_items WHERE _parent_id = :id',
  drop: 'DELETE FROM pledges WHERE id = :id',
}

export function pledgeLaneOps(sql: LaneSql, changed: () => void): CapacityOps<NewPledge> {
  const units = sqliteUnitOps(sql, changed)
  const claimed = (row: Row): Claimed => asClaimedPledge({ id: Number(row.id), reference: String(row.reference), status: str(row.status) })
  return {
    ...units,
    earlier(key: string) {
      const row = sql(SQL.earlier).get({ key }) as Row | undefined
      return row ? claimed(row) : null
    },
    store(p: NewPledge) {
      const at = new Date().toISOString()
      for (let attempt = 0; ; attempt++) {
        const reference = attempt ? newPledgeReference() : p.reference
        let id: number
        try {
          id = Number(
            sql(SQL.store).run({
              reference, drive_id: int(Number(p.driveId)), status: p.status, donor_kind: p.donor.kind, donor_name: p.donor.name, donor_phone: p.donor.phone ?? null,
              donor_email: p.donor.email ?? null, listed: p.listed ? 1 : 0, language: p.language, amount: p.amount, received_amount: 0, message: p.message ?? null,
              idempotency_key: p.idempotencyKey, updated_at: at, created_at: at,
            }).lastInsertRowid,
          )
        } catch (err) {
          const on = uniqueViolationOn(err)
          if (on === 'idempotencyKey') return 'same-attempt'
          // a reference drawn twice (one in millions): draw again
          if (on === 'reference' && attempt < 5) continue
          throw err
        }
        p.items.forEach((line, i) => sql(SQL.line).run({ _order: i + 1, _parent_id: id, id: `${p.idempotencyKey}:${i}`, item: line.item, label: line.label, quantity: int(line.quantity), received: 0 }))
        changed()
        return claimed({ id, reference, status: p.status })
      }
    },
    hold(id: Id) {
      sql(SQL.hold).run({ id: int(Number(id)), at: new Date().toISOString() })
    },
    drop(id: Id) {
      for (const row of sql(SQL.lines).all({ id: int(Number(id)) }) as Row[]) units.release(claimantOfLine(id, String(row.item)))
      sql(SQL.dropLines).run({ id: int(Number(id)) })
      sql(SQL.drop).run({ id: int(Number(id)) })
    },
    wait: noWaitlist,
    anyoneWaiting: () => false,
    position: noWaitlist,
    queue: () => [],
  }
}
