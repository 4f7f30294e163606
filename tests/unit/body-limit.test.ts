/**
 * The server's body limits by kind of request: SePay's webhook (JSON) is held to the API's 1 MB
 * like any JSON body; a statement upload (multipart) to the multipart limit, with the statement's
 * own 5 MB checked by its endpoint. On the public site: the contest entry form's action may
 * bring a picture (16 MB in all), every other action a form (256 KB), anything else 1 MB.
 */
import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { bodyLimitOf, declaredTooLarge, sendsBody, siteBodyLimit } from '../../server/body-limit'
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

  describe('on the public site', () => {
    const KB = 1024
    const MB = 1024 * KB
    const posted = (pathname: string, search: string, bytes: number) => {
      const req = request({ 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(bytes) })
      const limit = siteBodyLimit(pathname, search)
      return { ...limit, tooLarge: declaredTooLarge(req, limit.limit) }
    }

    it('a 300 KB sign-up (a form posted to its page, or through the RPC endpoint) is still over the form limit', () => {
      expect(posted('/su-kien/lop-boi/dang-ky/', '?_action=signUp', 300 * KB)).toMatchObject({ limit: BODY_LIMITS.publicForm, kind: 'action', action: 'signUp', rpc: false, tooLarge: true })
      expect(posted('/_actions/signUp', '', 300 * KB)).toMatchObject({ limit: 256 * KB, kind: 'action', rpc: true, tooLarge: true })
      expect(posted('/en/events/x/sign-up/', '?_action=signUp', 200 * KB).tooLarge).toBe(false)
    })

    it('a 15 MB contest entry passes; 17 MB does not, by its declared length', () => {
      expect(posted('/cuoc-thi/uoc-mo-cua-em-2027/gui-tranh/', '?_action=submitEntry', 15 * MB + 200 * KB)).toMatchObject({ limit: 16 * MB, kind: 'upload', action: 'submitEntry', tooLarge: false })
      expect(posted('/en/contests/uoc-mo-cua-em-2027/enter/', '?_action=submitEntry', 17 * MB)).toMatchObject({ kind: 'upload', tooLarge: true })
      expect(posted('/_actions/submitEntry/', '', 15 * MB)).toMatchObject({ kind: 'upload', rpc: true, tooLarge: false })
      // the picture's limit belongs to the entry action only: a picture sent with any other action is refused
      expect(posted('/cuoc-thi/uoc-mo-cua-em-2027/gui-tranh/', '?_action=pledge', 15 * MB)).toMatchObject({ kind: 'action', tooLarge: true })
    })

    it('any other body the site reads gets 1 MB', () => {
      expect(posted('/', '', 1 * MB)).toMatchObject({ limit: BODY_LIMITS.siteBody, kind: 'other', action: null, tooLarge: false })
      expect(posted('/cuoc-thi/', '?x=1', 1 * MB + 1)).toMatchObject({ kind: 'other', tooLarge: true })
    })

    it('reads carry no body to limit', () => {
      expect(['GET', 'HEAD', 'OPTIONS'].map(sendsBody)).toEqual([false, false, false])
      expect(['POST', 'PUT', 'PATCH', 'DELETE', undefined].map(sendsBody)).toEqual([true, true, true, true, true])
    })
  })
})
