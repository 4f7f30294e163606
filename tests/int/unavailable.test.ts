/** Telling "the database cannot be reached" from a bug, on real connection failures. */
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { CmsUnavailableError, isConnectionError } from '../../site/lib/cms/errors'
import { freePort } from '../helpers/ports'
import { POSTGRES_ADMIN_URL } from '../helpers/postgres'

describe('connection errors', () => {
  it('recognises a refused PostgreSQL connection', async () => {
    const port = await freePort()
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/none`, connectionTimeoutMillis: 2_000 })
    const err = await client.connect().then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).not.toBeNull()
    expect(isConnectionError(err)).toBe(true)
    expect(isConnectionError(new Error('wrapped', { cause: err }))).toBe(true)
  })

  it('recognises a database that does not exist', async () => {
    const url = new URL(POSTGRES_ADMIN_URL)
    url.pathname = '/cpc_no_such_database_here'
    const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 2_000 })
    const err = await client.connect().then(
      () => null,
      (e: unknown) => e,
    )
    await client.end().catch(() => undefined)
    expect(isConnectionError(err)).toBe(true)
  })

  it('does not mistake a bug for an outage', () => {
    expect(isConnectionError(new TypeError("Cannot read properties of undefined (reading 'slug')"))).toBe(false)
    expect(isConnectionError(new CmsUnavailableError('x'))).toBe(true)
  })
})
