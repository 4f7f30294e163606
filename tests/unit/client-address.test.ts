/** The client address: the socket's, or behind a proxy of our own the hop that proxy appended. */
import { describe, expect, it } from 'vitest'
import { CLIENT_ADDRESS_HEADER, clientAddressOf, resolveClientAddress } from '../../cms/services/client-address'

describe('client address', () => {
  it('is the socket address without TRUST_PROXY, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.1', false)).toBe('198.51.100.7')
    expect(resolveClientAddress('::ffff:198.51.100.7', undefined, false)).toBe('198.51.100.7')
    expect(resolveClientAddress('2001:db8::1', undefined, false)).toBe('2001:db8::1')
    expect(resolveClientAddress(undefined, undefined, false)).toBe('unknown')
  })

  it('is the last X-Forwarded-For value with TRUST_PROXY: what our proxy appended, not what the client wrote', () => {
    expect(resolveClientAddress('10.0.0.2', '203.0.113.50', true)).toBe('203.0.113.50')
    expect(resolveClientAddress('10.0.0.2', '1.2.3.4, 203.0.113.50', true)).toBe('203.0.113.50')
    expect(resolveClientAddress('10.0.0.2', ['6.6.6.6', '203.0.113.50'], true)).toBe('203.0.113.50')
    expect(resolveClientAddress('10.0.0.2', '1.2.3.4,2001:db8::5', true)).toBe('2001:db8::5')
  })

  it('falls back to the socket when the proxy appended nothing usable', () => {
    expect(resolveClientAddress('10.0.0.2', undefined, true)).toBe('10.0.0.2')
    expect(resolveClientAddress('10.0.0.2', '203.0.113.50, ', true)).toBe('10.0.0.2')
    expect(resolveClientAddress('10.0.0.2', '203.0.113.50, not-an-ip', true)).toBe('10.0.0.2')
  })

  it('reads what the server decided from the internal header only', () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.50', 'x-real-ip': '6.6.6.6', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.50')
    expect(clientAddressOf(new Headers({ 'x-real-ip': '6.6.6.6', 'x-forwarded-for': '6.6.6.6' }))).toBeUndefined()
    expect(clientAddressOf(undefined)).toBeUndefined()
  })
})
