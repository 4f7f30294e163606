/**
 * The JavaScript a page makes the browser load, measured from its HTML: `<script src>` files,
 * the modules of its Astro islands (component and renderer) and `modulepreload` links, and
 * every module those import statically, followed to the end; plus its inline scripts. Modules
 * imported only on demand (`import()`) are not loaded with the page and are left out. Each file
 * is gzipped here (zlib, level 9), whatever encoding the server sends, so sizes compare.
 */
import { gzipSync } from 'node:zlib'

export type ScriptFile = { url: string; raw: number; gzip: number }
export type PageScripts = { files: ScriptFile[]; raw: number; gzip: number; inlineRaw: number; inlineGzip: number }

const attr = (tag: string, name: string) => new RegExp(`\\b${name}=["']([^"']+)["']`).exec(tag)?.[1]

export async function pageScripts(pageUrl: string, html?: string): Promise<PageScripts> {
  const page = html ?? (await (await fetch(pageUrl, { headers: { 'accept-encoding': 'gzip, br' } })).text())
  const queue: string[] = []
  let inline = ''
  for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(m[1] ?? '', 'src')
    if (src) queue.push(new URL(src, pageUrl).href)
    else inline += m[2] ?? ''
  }
  for (const m of page.matchAll(/<astro-island\b[^>]*>/gi)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(m[0], name)
      if (url) queue.push(new URL(url, pageUrl).href)
    }
  }
  for (const m of page.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*>/gi)) {
    const href = attr(m[0], 'href')
    if (href) queue.push(new URL(href, pageUrl).href)
  }
  const files = new Map<string, ScriptFile>()
  while (queue.length) {
    const url = queue.shift() ?? ''
    if (files.has(url)) continue
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } })
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    const body = Buffer.from(await res.arrayBuffer())
    files.set(url, { url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length })
    // static imports and re-exports only: `import x from"./a.js"`, `import"./a.js"`, `export{x}from"./a.js"`
    for (const m of body.toString('utf8').matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g)) queue.push(new URL(m[1] ?? '', url).href)
  }
  const list = [...files.values()]
  return {
    files: list,
    raw: list.reduce((n, f) => n + f.raw, 0),
    gzip: list.reduce((n, f) => n + f.gzip, 0),
    inlineRaw: Buffer.byteLength(inline),
    inlineGzip: inline ? gzipSync(inline, { level: 9 }).length : 0,
  }
}
