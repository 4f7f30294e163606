/**
 * The site's door to drawing contests: the published contests with their phase and the number
 * of entries received, the communes a child may live in, the public entry form's submission,
 * and the family's private page behind an entry's manage link (its picture, withdrawing the
 * publication consent or the entry, the download of what is held). Everything the public sends
 * is checked here on the server (rate limit, honeypot, form token, the shared zod schema)
 * whatever the browser did; the rules themselves are in cms/services (contests.ts, entries.ts).
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Payload, Where } from 'payload'
import { env } from '../../../cms/env'
import { BODY_LIMITS, formatBytes } from '../../../cms/limits'
import type { Area, Contest, Entry } from '../../../cms/payload-types'
import { ENTRY_MESSAGES, entryErrors, ZEntry, type EntryMessageKey } from '../../../cms/schemas/entry'
import { isArtworkFileName, MIN_SHORT_SIDE } from '../../../cms/services/artwork'
import { audit, changeOf } from '../../../cms/services/audit'
import { categoryLabel, contestPhase, type ContestPhase } from '../../../cms/services/contests'
import { judgingStates, type JudgingState } from '../../../cms/services/contest-state'
import { contestResults, galleryPicture, galleryPictures, type ContestResults, type GalleryCard } from '../../../cms/services/gallery'
import { ContestNotFound, artworkDir, consentGiven, entryByToken, entryData, mayPublish, submitEntry, withdrawEntry, withdrawPublication, type EntryRefusal } from '../../../cms/services/entries'
import { entryFormOf, issueFormToken, type FormTokenProblem } from '../../../cms/services/form-guard'
import { idOf } from '../../../cms/services/ids'
import { MAX_MEGAPIXELS } from '../../../cms/services/images'
import { Kept } from '../../../cms/services/kept'
import type { Lang } from '../../i18n/routes'
import { formProblem, takeAllowance } from './guards'
import { maskEmail } from './signup'

/** The short side a picture needs for the jury to see it (the picture checks' own figure). */
export const MIN_PICTURE_SIDE = MIN_SHORT_SIDE

/** A published contest as its pages show it: the phase (worked out, never typed), when its results were published, and how many entries take part. */
export type PublicContest = Contest & { phase: ContestPhase; resultsPublishedAt: string | null; entriesReceived: number }
/** A contest's page: with its results and gallery once they are published (cms/services/gallery.ts: pictures and names only with the family's consent). */
export type ContestPage = PublicContest & { results: ContestResults | null }

/** A commune a child may live in, with its province when the site has several. */
export type Commune = { id: string; name: string; province: string | null }

const published: Where = { _status: { equals: 'published' } }
const asPublic = { overrideAccess: false, draft: false } as const
const PHASE_ORDER: Record<ContestPhase, number> = { open: 0, announced: 1, judging: 2, results: 3 }

export function contestsApi(payload: Payload) {
  const communes = new Kept<Commune[]>(60_000, (change) => change.source === 'areas')
  /**
   * Entries taking part in a contest: a count, nothing of any entry (entries are readable by
   * organisers only, so it is counted past the public's access, and only counted).
   */
  const entriesReceived = async (contestId: number): Promise<number> =>
    (await payload.count({ collection: 'entries', where: { and: [{ contest: { equals: contestId } }, { status: { equals: 'submitted' } }] }, overrideAccess: true })).totalDocs
  /** The phase from the dates and, once published, the results (the judging state, cms/services/contest-state.ts). */
  const phaseOf = (contest: Contest, state: JudgingState | undefined, now: Date): ContestPhase => contestPhase({ ...contest, resultsPublishedAt: state?.resultsPublishedAt ?? null }, now)
  const withPhase = async (contest: Contest, now: Date, state?: JudgingState): Promise<PublicContest> => {
    const judging = state ?? (await judgingStates(payload, [contest.id])).get(String(contest.id))
    return { ...contest, phase: phaseOf(contest, judging, now), resultsPublishedAt: judging?.resultsPublishedAt ?? null, entriesReceived: await entriesReceived(contest.id) }
  }
  const findBySlug = async (lang: Lang, slug: string) => {
    const res = await payload.find({ collection: 'contests', locale: lang, depth: 1, limit: 1, where: { and: [published, { slug: { equals: slug } }] }, ...asPublic })
    return res.docs[0] ?? null
  }
  return {
    /** Published contests: open ones first, then upcoming, judging, with results; newest deadline first within each. */
    async list(lang: Lang, now = new Date()): Promise<PublicContest[]> {
      const res = await payload.find({ collection: 'contests', locale: lang, depth: 1, sort: '-closesAt', limit: 100, where: published, ...asPublic })
      const states = await judgingStates(payload, res.docs.map((c) => c.id))
      const contests = await Promise.all(res.docs.map((c) => withPhase(c, now, states.get(String(c.id)))))
      return contests.sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase])
    },

    async bySlug(lang: Lang, slug: string, now = new Date()): Promise<ContestPage | null> {
      const contest = await findBySlug(lang, slug)
      return contest ? this.page(contest, lang, now) : null
    },

    /** A contest as its page shows it (e.g. a draft in preview): with the results and gallery once published. */
    async page(contest: Contest, lang: Lang, now = new Date()): Promise<ContestPage> {
      const shown = await withPhase(contest, now)
      return { ...shown, results: shown.phase === 'results' ? await contestResults(payload, contest, lang) : null }
    },

    /** One shown picture of a published contest with its results out, for its own page; null when it is not shown (any more). */
    async picture(lang: Lang, slug: string, picture: string): Promise<{ contest: Contest; card: GalleryCard; category: string } | null> {
      const contest = await findBySlug(lang, slug)
      if (!contest) return null
      const shown = await galleryPicture(payload, contest, picture, lang)
      return shown ? { contest, ...shown } : null
    },

    /** A published contest as its entry form needs it (no count). */
    async forEntry(lang: Lang, slug: string, now = new Date()): Promise<(Contest & { phase: ContestPhase }) | null> {
      const contest = await findBySlug(lang, slug)
      if (!contest) return null
      const state = (await judgingStates(payload, [contest.id])).get(String(contest.id))
      return { ...contest, phase: phaseOf(contest, state, now) }
    },

    /** Every commune of the province(s), by name: where a child may live. */
    communes: (lang: Lang): Promise<Commune[]> =>
      communes.get(lang, async () => {
        const res = await payload.find({ collection: 'areas', locale: lang, depth: 0, limit: 0, pagination: false, sort: 'name', where: { level: { equals: 'commune' } }, ...asPublic })
        const provinces = await payload.find({ collection: 'areas', locale: lang, depth: 0, limit: 0, pagination: false, where: { level: { equals: 'province' } }, ...asPublic })
        const provinceName = new Map(provinces.docs.map((p) => [String(p.id), p.name]))
        const several = provinces.docs.length > 1
        return res.docs.map((a: Area) => ({ id: String(a.id), name: a.name, province: several && a.parent ? (provinceName.get(String(idOf(a.parent))) ?? null) : null }))
      }),

    async sitemap(): Promise<Pick<Contest, 'slug' | 'updatedAt'>[]> {
      const res = await payload.find({ collection: 'contests', depth: 0, limit: 0, pagination: false, where: published, select: { slug: true, updatedAt: true }, ...asPublic })
      return res.docs
    },

    /** Every shown picture's page (withdrawn ones leave at once). */
    pictureSitemap: () => galleryPictures(payload),
  }
}

/** A fresh form: a token good for this contest's entry form only, and a new idempotency key. */
export function newEntryForm(contestId: string | number): { formToken: string; idempotencyKey: string } {
  return { formToken: issueFormToken(env().secret, entryFormOf(contestId)), idempotencyKey: randomBytes(18).toString('base64url') }
}

/** The entry form as the browser sent it: strings, by field name (never the picture). */
export type EntryFormValues = Record<string, string>

/** What a teacher's next form starts with: the school, class, commune, who sends and how to reach them. */
export const CARRIED_TO_NEXT = ['child.school', 'child.className', 'child.area', 'submittedBy', 'contact.name', 'contact.phone', 'contact.email'] as const

export type EntrySubmission =
  | { kind: 'invalid'; errors: Record<string, string>; values: EntryFormValues }
  | { kind: 'dropped'; reason: FormTokenProblem | 'honeypot'; values: EntryFormValues }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: EntryRefusal; age: number | null; values: EntryFormValues }
  | { kind: 'cap-reached'; allowed: number; values: EntryFormValues }
  | { kind: 'category-full'; category: string; values: EntryFormValues }
  | { kind: 'withdrawn'; reference: string }
  | {
      kind: 'done'
      reference: string
      category: string
      age: number
      emailedTo: string | null
      manageToken: string
      submittedBy: 'guardian' | 'school'
      /** a teacher's next form, filled with what carries over (CARRIED_TO_NEXT) */
      next: EntryFormValues | null
    }

const FIELDS = /^(contestId|idempotencyKey|title|statement|child\.(familyName|givenName|birthDate|school|className|area)|submittedBy|contact\.(name|phone|email)|consent\.(participation|childAssent|publication|publicationChild))$/

function readEntryForm(form: FormData): EntryFormValues {
  const values: EntryFormValues = {}
  for (const [key, raw] of form.entries()) if (typeof raw === 'string' && FIELDS.test(key) && raw.length <= 2_000) values[key] = raw
  return values
}

/** The form's values → the object the shared schema (ZEntry) checks. */
export function toEntryInput(values: EntryFormValues): Record<string, unknown> {
  return {
    contestId: values.contestId,
    idempotencyKey: values.idempotencyKey,
    title: values.title,
    statement: values.statement,
    child: {
      familyName: values['child.familyName'],
      givenName: values['child.givenName'],
      birthDate: values['child.birthDate'],
      school: values['child.school'],
      className: values['child.className'],
      area: values['child.area'],
    },
    submittedBy: values.submittedBy || undefined,
    contact: { name: values['contact.name'], phone: values['contact.phone'], email: values['contact.email'] },
    consent: {
      participation: values['consent.participation'],
      childAssent: values['consent.childAssent'],
      publication: values['consent.publication'],
      publicationChild: values['consent.publicationChild'],
    },
  }
}

/** A picture check's message with its figures: the upload limit, the pixel limit, the least side. */
export function entryMessage(key: EntryMessageKey, lang: Lang, values: Record<string, string | number> = {}): string {
  const figures: Record<string, string | number> = {
    max: key === 'too-many-pixels' ? MAX_MEGAPIXELS : formatBytes(BODY_LIMITS.uploadFile),
    min: MIN_PICTURE_SIDE,
    ...values,
  }
  return ENTRY_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in figures ? String(figures[name]) : whole))
}

/** The picture the form carried, or null when none was chosen (an empty file part). */
function pictureOf(form: FormData): File | null {
  const file = form.get('picture')
  return file instanceof File && file.size > 0 ? file : null
}

/**
 * The picture, written to a private temporary file (streamed: no second copy of it in memory)
 * for the picture checks to read from disk; removed once the entry is answered.
 */
async function withTemporaryFile<T>(file: File, work: (filePath: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'entry-'))
  try {
    const filePath = path.join(dir, 'picture')
    await pipeline(Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>), createWriteStream(filePath, { mode: 0o600 }))
    return await work(filePath)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

export type ManagedEntry = {
  entry: Entry
  contest: { title: string; slug: string | null }
  category: string
  /** the picture will be shown with the child's given name, family initial, age and commune */
  published: boolean
  /** a publication consent is in force (it can be withdrawn) */
  publicationGiven: boolean
  hasPicture: boolean
}

export function entriesApi(payload: Payload) {
  const contestOf = async (entry: Entry, lang: Lang) => {
    const id = idOf(entry.contest)
    const res = await payload.find({ collection: 'contests', locale: lang, depth: 0, limit: 1, where: { and: [published, { id: { equals: id } }] }, select: { title: true, slug: true, categories: true }, ...asPublic })
    const doc = res.docs[0] ?? (typeof entry.contest === 'object' ? entry.contest : null)
    return doc
  }

  return {
    /** One public entry, sent as a form with its picture. Throws TooManyRequests past the per-address rate. */
    async submit(form: FormData, { lang, address }: { lang: Lang; address: string }): Promise<EntrySubmission> {
      await takeAllowance(address)
      const values = readEntryForm(form)
      const problem = formProblem(form, entryFormOf(values.contestId))
      if (problem) return { kind: 'dropped', reason: problem, values }
      const picture = pictureOf(form)
      const parsed = ZEntry.safeParse(toEntryInput(values))
      if (!parsed.success) {
        const errors = entryErrors(parsed.error, lang)
        if (!picture) errors.picture = entryMessage('picture-required', lang)
        return { kind: 'invalid', errors, values }
      }
      if (picture && picture.size > BODY_LIMITS.uploadFile) return { kind: 'invalid', errors: { picture: entryMessage('file-too-large', lang) }, values }
      const options = { lang, secret: env().secret, mediaDir: env().mediaDir }
      let outcome
      try {
        outcome = picture ? await withTemporaryFile(picture, (file) => submitEntry(payload, parsed.data, file, options)) : await submitEntry(payload, parsed.data, null, options)
      } catch (err) {
        if (err instanceof ContestNotFound) return { kind: 'not-found' }
        throw err
      }
      switch (outcome.kind) {
        case 'invalid': {
          const errors: Record<string, string> = {}
          for (const [field, e] of Object.entries(outcome.errors)) if (e) errors[field] = entryMessage(e.key, lang, e.values)
          return { kind: 'invalid', errors, values }
        }
        case 'refused':
          return { kind: 'refused', reason: outcome.reason, age: outcome.age ?? null, values }
        case 'cap-reached':
          return { kind: 'cap-reached', allowed: outcome.allowed, values }
        case 'category-full':
          return { kind: 'category-full', category: outcome.category, values }
        case 'withdrawn':
          return { kind: 'withdrawn', reference: outcome.reference }
        case 'accepted': {
          const input = parsed.data
          const next = input.submittedBy === 'school' ? Object.fromEntries(CARRIED_TO_NEXT.map((k) => [k, values[k] ?? ''])) : null
          return {
            kind: 'done',
            reference: outcome.reference,
            category: outcome.category,
            age: outcome.age,
            emailedTo: input.contact.email ? maskEmail(input.contact.email) : null,
            manageToken: outcome.manageToken,
            submittedBy: input.submittedBy,
            next,
          }
        }
      }
    },

    /** What the manage page shows, or null for an unknown link. */
    async manage(token: string, lang: Lang): Promise<ManagedEntry | null> {
      const entry = await entryByToken(payload, token)
      if (!entry) return null
      const contest = await contestOf(entry, lang)
      const category = contest?.categories?.find((c) => c.id === entry.category)
      return {
        entry,
        contest: { title: contest?.title ?? '', slug: contest?.slug ?? null },
        category: category ? categoryLabel(category, lang) : entry.category,
        published: mayPublish(entry),
        publicationGiven: consentGiven(entry.consents, 'publication'),
        hasPicture: Boolean(entry.artwork?.small?.file),
      }
    },

    /** Withdraws the publication consent through the manage link; the entry itself takes part as before. */
    async withdrawPublication(token: string, { address }: { address: string }): Promise<'withdrawn' | 'none' | 'not-found'> {
      await takeAllowance(address)
      const entry = await entryByToken(payload, token)
      if (!entry) return 'not-found'
      const count = await withdrawPublication(payload, entry.id)
      if (!count) return 'none'
      const after = await payload.findByID({ collection: 'entries', id: entry.id, depth: 1, overrideAccess: true })
      await audit(payload, { action: 'guardian-withdraw-consent', resource: 'entries', documentIds: [entry.id], summary: `${entry.reference}: publication`, ...changeOf(entry, after) })
      return 'withdrawn'
    },

    /** Withdraws the entry through the manage link: it no longer takes part, its places go back. */
    async withdraw(token: string, { address }: { address: string }): Promise<'withdrawn' | 'already' | 'not-found'> {
      await takeAllowance(address)
      const entry = await entryByToken(payload, token)
      if (!entry) return 'not-found'
      if (!(await withdrawEntry(payload, entry.id))) return 'already'
      const after = await payload.findByID({ collection: 'entries', id: entry.id, depth: 1, overrideAccess: true })
      await audit(payload, { action: 'guardian-cancel', resource: 'entries', documentIds: [entry.id], summary: entry.reference, ...changeOf(entry, after) })
      return 'withdrawn'
    },

    /** Everything held about the child of this link, as a JSON document for the family. */
    async dataExport(token: string): Promise<Record<string, unknown> | null> {
      const entry = await entryByToken(payload, token)
      if (!entry) return null
      const contest = await contestOf(entry, entry.language)
      await audit(payload, { action: 'guardian-download', resource: 'entries', documentIds: [entry.id], summary: entry.reference })
      return {
        about: 'Dữ liệu về trẻ do cuộc thi lưu giữ / The data the contest holds about the child',
        exportedAt: new Date().toISOString(),
        ...entryData(entry, contest?.title ?? ''),
      }
    },

    /** The small picture of the entry of this link, for its family only (null: no such entry or picture). */
    async picture(token: string): Promise<Buffer | null> {
      const entry = await entryByToken(payload, token)
      const file = entry?.artwork?.small?.file
      if (!file || !isArtworkFileName(file)) return null
      return fs.readFile(path.join(artworkDir(env().mediaDir), file)).catch(() => null)
    },
  }
}
