/**
 * The upload gate: contest entries go into Astro (which holds each whole body in memory) while
 * the bytes they declare fit the budget; the others wait, in order, before a byte of theirs is
 * read, and go in as the ones inside finish or their connections close.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { UploadGate } from '../../server/upload-gate'
import { BODY_LIMITS, UPLOADS_AT_ONCE } from '../../cms/limits'

const MB = 1024 * 1024

function arrivals(gate: UploadGate, weights: number[]) {
  const started: number[] = []
  const responses = weights.map((weight, i) => {
    const res = new EventEmitter()
    gate.admit(weight, res, () => started.push(i))
    return res
  })
  return { started, responses }
}

describe('upload gate', () => {
  it('lets UPLOADS_AT_ONCE uploads at the limit in, keeps the rest waiting until one finishes, first come first served', () => {
    const gate = new UploadGate(UPLOADS_AT_ONCE * BODY_LIMITS.publicUpload)
    const { started, responses } = arrivals(gate, Array.from({ length: 20 }, () => BODY_LIMITS.publicUpload))
    expect(UPLOADS_AT_ONCE).toBe(4)
    expect(started).toEqual([0, 1, 2, 3])
    expect(gate.waiting).toBe(16)
    expect(gate.bytesInside).toBe(4 * BODY_LIMITS.publicUpload)

    responses[2]?.emit('close')
    expect(started).toEqual([0, 1, 2, 3, 4])
    // a response closes once only, however often it says so
    responses[2]?.emit('close')
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(gate.inside).toBe(4)

    for (const i of [0, 1, 3, 4]) responses[i]?.emit('close')
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(gate.inside).toBe(4)
    expect(gate.waiting).toBe(11)
  })

  it('counts bytes declared: ordinary phone photos go in many at a time', () => {
    const gate = new UploadGate(64 * MB)
    const { started } = arrivals(gate, Array.from({ length: 20 }, () => 4 * MB))
    expect(started).toHaveLength(16)
    expect(gate.waiting).toBe(4)
  })

  it('forgets a waiting upload whose connection closed: it never starts, and those behind it move up', () => {
    const gate = new UploadGate(2 * MB)
    const { started, responses } = arrivals(gate, [2 * MB, 2 * MB, 1 * MB])
    expect(started).toEqual([0])
    responses[1]?.emit('close') // gave up while waiting
    expect(gate.waiting).toBe(1)
    expect(started).toEqual([0])
    responses[0]?.emit('close')
    expect(started).toEqual([0, 2])
    expect(gate.waiting).toBe(0)
  })

  it('never lets a small one overtake a large one waiting before it', () => {
    const gate = new UploadGate(10 * MB)
    const { started, responses } = arrivals(gate, [6 * MB, 8 * MB, 1 * MB])
    expect(started).toEqual([0]) // the 1 MB one would fit, but the 8 MB one came first
    responses[0]?.emit('close')
    expect(started).toEqual([0, 1, 2])
  })

  it('lets one upload larger than the whole budget in, alone', () => {
    const gate = new UploadGate(1 * MB)
    const { started, responses } = arrivals(gate, [5 * MB, 5 * MB])
    expect(started).toEqual([0])
    responses[0]?.emit('close')
    expect(started).toEqual([0, 1])
  })
})
