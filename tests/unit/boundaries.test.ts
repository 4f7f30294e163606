/** The site talks to the CMS through site/lib/cms only (ESLint checks .ts files; this covers .astro too). */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : /\.(astro|ts|tsx|mjs)$/.test(e.name) ? [p] : []
  })
}

describe('boundaries', () => {
  it('no file in site/ outside site/lib/cms imports Payload or cms/', () => {
    const offenders: string[] = []
    for (const file of files('site')) {
      if (file.startsWith(path.join('site', 'lib', 'cms')) || file === path.join('site', 'env.d.ts')) continue
      const text = fs.readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1] ?? ''
        const isPayload = spec === 'payload' || spec.startsWith('@payloadcms/')
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : ''
        const isCms = target !== '' && !path.relative(path.resolve('cms'), target).startsWith('..')
        if (isPayload || isCms) offenders.push(`${file}: ${spec}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
