/**
 * The server's body limits by kind of request: SePay's webhook (JSON) is held to the API's 1 MB
 * like any JSON body; a statement upload (multipart) to the multipart limit, with the statement's
 * own 5 MB checked by its endpoint.
 */
import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { bodyLimitOf, declaredTooLarge } from '../../server/body-limit'
import { BODY_LIMITS } from '../../cms/limits'

const request = (headers: Record<string, string>) => {
  const req = new IncomingMessage(new Socket())
  req.method = 'POST'
  req.url = '/api/bank-transfers/sepay'
  req.headers = headers
  return req
}

describe('body limits', () => {
  it('a SePay notification (JSON) may be at most 1 MB; one declared larger is refused before it is read', () => {
    const json = request({ 'content-type': 'application/json', 'content-length': String(1024 * 1024) })
    expect(bodyLimitOf(json)).toBe(1024 * 1024)
    expect(declaredTooLarge(json, bodyLimitOf(json))).toBe(false)
    const over = request({ 'content-type': 'application/json', 'content-length': String(1024 * 1024 + 1) })
    expect(declaredTooLarge(over, bodyLimitOf(over))).toBe(true)
    // no content type at all is still the JSON limit, not the multipart one
    expect(bodyLimitOf(request({}))).toBe(BODY_LIMITS.apiBody)
  })

  it('a multipart upload (a bank statement) gets the multipart limit', () => {
    expect(bodyLimitOf(request({ 'content-type': 'multipart/form-data; boundary=x' }))).toBe(BODY_LIMITS.apiMultipart)
  })
})
