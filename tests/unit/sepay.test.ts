import { describe, expect, it } from 'vitest'
import { ZSepayNotification, sepayKeyMatches, toIncomingTransfer } from '../../cms/schemas/sepay'

/** The sample body of SePay's documentation (developer.sepay.vn, Quick Start, "WebHook Payload Data"). */
const documented = {
  id: 92704,
  gateway: 'Vietcombank',
  transactionDate: '2023-03-25 14:02:37',
  accountNumber: '0123499999',
  code: null,
  content: 'chuyen tien mua iphone',
  transferType: 'in',
  transferAmount: 2277000,
  accumulated: 19077000,
  subAccount: null,
  referenceCode: 'MBVCB.3278907687',
  description: '',
}

describe('SePay webhook body', () => {
  it('parses the documented sample and maps it to an incoming transfer (Vietnam time → UTC)', () => {
    const n = ZSepayNotification.parse(documented)
    expect(n).toEqual({ ...documented, description: '' })
    expect(toIncomingTransfer(n)).toEqual({
      source: 'sepay',
      transactionId: '92704',
      bookedAt: '2023-03-25T07:02:37.000Z',
      accountNumber: '0123499999',
      amount: 2277000,
      direction: 'in',
      note: 'chuyen tien mua iphone',
      bankReference: 'MBVCB.3278907687',
      gateway: 'Vietcombank',
    })
  })

  it('crosses midnight when turning Vietnam time into UTC', () => {
    const n = ZSepayNotification.parse({ ...documented, transactionDate: '2026-01-01 03:15:00' })
    expect(toIncomingTransfer(n).bookedAt).toBe('2025-12-31T20:15:00.000Z')
  })

  it('accepts numbers sent as numeric strings, drops unknown fields, reads optional ones as null', () => {
    const { accumulated: _a, subAccount: _s, description: _d, ...rest } = documented
    const n = ZSepayNotification.parse({ ...rest, id: '92704', transferAmount: '2277000', code: 'TT7K3QX', unknownField: 'x', bank_brand_name: 'VCB' })
    expect(n.id).toBe(92704)
    expect(n.transferAmount).toBe(2277000)
    expect(n.code).toBe('TT7K3QX')
    expect(n.subAccount).toBeNull()
    expect(n.description).toBeNull()
    expect(n.accumulated).toBeUndefined()
    expect(n).not.toHaveProperty('unknownField')
    expect(ZSepayNotification.parse({ ...documented, transferAmount: '2277000.00', accumulated: '19077000' }).accumulated).toBe(19077000)
  })

  it('maps an outgoing transfer to direction out, and a missing reference to null', () => {
    const n = ZSepayNotification.parse({ ...documented, transferType: 'out', transferAmount: 5500, content: 'Phi SMS', referenceCode: null })
    expect(toIncomingTransfer(n)).toMatchObject({ direction: 'out', amount: 5500, note: 'Phi SMS', bankReference: null })
  })

  it('falls back to the bank message when the note is empty', () => {
    const n = ZSepayNotification.parse({ ...documented, content: '', description: 'BankAPINotify TT-7K3QX ung ho' })
    expect(toIncomingTransfer(n).note).toBe('BankAPINotify TT-7K3QX ung ho')
  })

  it('refuses a body without id, with an amount that is not a whole positive number, or with a bad type or date', () => {
    const { id: _id, ...noId } = documented
    const issue = (body: unknown) => {
      const r = ZSepayNotification.safeParse(body)
      return r.success ? null : { path: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message }
    }
    expect(issue(noId)).toEqual({ path: 'id', message: 'invalid-id' })
    expect(issue({ ...documented, id: 'abc' })).toEqual({ path: 'id', message: 'invalid-id' })
    expect(issue({ ...documented, transferAmount: 'hai trieu' })).toEqual({ path: 'transferAmount', message: 'invalid-amount' })
    expect(issue({ ...documented, transferAmount: '12.5' })).toEqual({ path: 'transferAmount', message: 'invalid-amount' })
    expect(issue({ ...documented, transferAmount: 0 })).toEqual({ path: 'transferAmount', message: 'invalid-amount' })
    expect(issue({ ...documented, transferAmount: null })).toEqual({ path: 'transferAmount', message: 'invalid-amount' })
    expect(issue({ ...documented, transferType: 'IN' })).toEqual({ path: 'transferType', message: 'invalid-transfer-type' })
    expect(issue({ ...documented, transactionDate: '2023-02-30 10:00:00' })).toEqual({ path: 'transactionDate', message: 'invalid-date' })
    expect(issue({ ...documented, transactionDate: '25/03/2023 14:02:37' })).toEqual({ path: 'transactionDate', message: 'invalid-date' })
    expect(issue(documented)).toBeNull()
  })
})

describe('SePay API key header', () => {
  const key = 'sk_live_9f8e7d6c5b4a'

  it('accepts the right key, whatever the case of the scheme and the spaces around', () => {
    expect(sepayKeyMatches(`Apikey ${key}`, key)).toBe(true)
    expect(sepayKeyMatches(`APIKEY ${key}`, key)).toBe(true)
    expect(sepayKeyMatches(`  apikey   ${key}  `, key)).toBe(true)
  })

  it('refuses a wrong key, a key of another length, another scheme, or no header', () => {
    expect(sepayKeyMatches('Apikey sk_live_9f8e7d6c5b4b', key)).toBe(false)
    expect(sepayKeyMatches('Apikey sk_live', key)).toBe(false)
    expect(sepayKeyMatches(`Apikey ${key}x`, key)).toBe(false)
    expect(sepayKeyMatches(`Bearer ${key}`, key)).toBe(false)
    expect(sepayKeyMatches(key, key)).toBe(false)
    expect(sepayKeyMatches('Apikey ', key)).toBe(false)
    expect(sepayKeyMatches(null, key)).toBe(false)
    expect(sepayKeyMatches(undefined, key)).toBe(false)
    expect(sepayKeyMatches('', key)).toBe(false)
  })

  it('never matches when no key is configured', () => {
    expect(sepayKeyMatches('Apikey ', '')).toBe(false)
    expect(sepayKeyMatches('Apikey x', '')).toBe(false)
    expect(sepayKeyMatches('Apikey  ', '  ')).toBe(false)
  })
})
