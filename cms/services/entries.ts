/**
 * Contest entries: one picture sent to a drawing contest (cms/services/contests.ts) for one
 * child, and what becomes of it: submitted → (judged) → awarded or not; or withdrawn by the
 * family. The picture is processed first (cms/services/artwork.ts: upright, no metadata, two
 * WebP sizes under random names); the child's places are claims of the capacity engine
 * (`allocateBundle`: the child's pool of `entriesPerChild` and, when capped, the category's),
 * so a child sent twice at the same moment gets exactly the places there are, and an entry
 * refused keeps nothing — neither a record nor a file.
 *
 * A submission sent again (a double click, a retry after a timeout) is answered from the first:
 * its idempotency key finds it before the picture is processed again.
 */
import { randomInt } from 'node:crypto'
import type { Payload } from 'payload'
import type { Contest, Entry } from '../payload-types'
import type { TEntry } from '../schemas/entry'
import type { EntryMessageKey } from '../schemas/entry-messages'
import { href } from '../../site/i18n/routes'
import { entryConfirmation } from '../email/contests'
import { env } from '../env'
import { enqueueEmail } from './email/outbox'
import { processArtwork, removeFile, type ArtworkProblem, type ProcessedArtwork } from './artwork'
import { allocateBundle, release, type AsyncOps, type BundleAllocation, type CapacityOps, type Claimed, type Want } from './capacity'
import { localStore, localUnitOps } from './capacity-store'
import { announceContentChange } from './content-events'
import { artworkDir, mayPublish } from './contests'
import { unpublishEntry } from './gallery'
import { categoryFor, categoryLabel, categoryPool, childPool, contestChildKey, entryClaimant, entryWindowProblem } from './contests'
import { uniqueViolationOn } from './errors'
import { asId, idOf, type Id } from './ids'
import { REFERENCE_ALPHABET } from './pledge-reference'
import { oneAtATime } from './process-wide'
import { ASSENT_AGE, hashToken, manageTokenFor, MANAGE_TOKEN } from './registrations'

export const ENTRY_STATUSES = {
  pending: { vi: 'Đang xử lý', en: 'Processing' },
  submitted: { vi: 'Đã nhận', en: 'Received' },
  rejected: { vi: 'Không hợp lệ', en: 'Not accepted' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
} as const
export type EntryStatus = keyof typeof ENTRY_STATUSES

export { artworkDir, consentGiven, mayPublish, TAKING_PART } from './contests'

/** A code of `length` characters of the reference alphabet (no look-alikes), with at least one digit and one letter. */
function code(length: number): string {
  for (;;) {
    let out = ''
    for (let i = 0; i < length; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
    if (/\d/.test(out) && /[A-Z]/.test(out)) return out
  }
}
/** What the family knows the entry by ("VE-7K3QX9"). */
export const newEntryReference = () => `VE-${code(6)}`
/** What judges see instead of any name ("#4KQ7"): nothing in it comes from the child. */
export const newEntryCode = () => code(5)

export type EntryRefusal = 'not-open' | 'closed' | 'too-young' | 'too-old' | 'no-category'

export type EntryOutcome =
  | { kind: 'accepted'; id: Id; reference: string; entryCode: string; category: string; age: number; manageToken: string; fresh: boolean }
  /** Fields (the picture, a consent the child's age calls for) to correct: nothing was stored. */
  | { kind: 'invalid'; errors: Partial<Record<string, { key: EntryMessageKey; values?: Record<string, string | number> }>> }
  | { kind: 'refused'; reason: EntryRefusal; age?: number }
  /** This child has sent as many entries as the contest takes (`allowed`): nothing was stored. */
  | { kind: 'cap-reached'; allowed: number }
  | { kind: 'category-full'; category: string }
  /** The same submission was withdrawn since. */
  | { kind: 'withdrawn'; reference: string }

export class ContestNotFound extends Error {
  override name = 'ContestNotFound'
}

/** An entry as the entry service makes it (pending until its places are claimed). */
export type NewEntry = {
  contestId: Id
  category: string
  reference: string
  entryCode: string
  idempotencyKey: string
  manageTokenHash: string
  childKey: string
  title: string
  statement?: string
  child: TEntry['child'] & { age: number }
  contact: TEntry['contact']
  submittedBy: TEntry['submittedBy']
  consents: { purpose: 'participation' | 'publication'; grantedBy: 'guardian' | 'child'; wordingVersion: string; grantedAt: string }[]
  language: 'vi' | 'en'
  artwork: ProcessedArtwork | null
}

const FIELDS = { reference: true, status: true } as const

export function entryState(status: string | null | undefined): Claimed['state'] {
  if (status === 'withdrawn' || status === 'rejected') return 'ended'
  if (status === 'pending' || !status) return 'pending'
  return 'held'
}

const asClaimedEntry = (row: { id: Id; reference: string; status?: string | null }): Claimed => ({
  id: row.id,
  reference: row.reference,
  claimant: `entries:${row.id}`,
  state: entryState(row.status),
  waitingSince: null,
  grouped: false,
})

const noWaitlist = (): never => {
  throw new Error('Contest entries have no waitlist')
}

const fileRow = (f: ProcessedArtwork['large']) => ({ file: f.file, width: f.width, height: f.height })

/** Entries as claimants of the capacity engine, over the Local API (every adapter). */
export function entryOps(payload: Payload): AsyncOps<CapacityOps<NewEntry>> {
  const insert = async (record: NewEntry, reference: string, entryCode: string): Promise<Claimed> => {
    const { contestId, artwork, child, ...data } = record
    const doc = await payload.create({
      collection: 'entries',
      depth: 0,
      select: FIELDS,
      data: {
        ...data,
        reference,
        entryCode,
        status: 'pending',
        reachedRound: 0,
        contest: asId(contestId),
        child: { ...child, area: asId(child.area as Id) },
        artwork: artwork ? { large: fileRow(artwork.large), small: fileRow(artwork.small) } : undefined,
        source: artwork ? artwork.source : undefined,
      },
    })
    return asClaimedEntry(doc)
  }
  return {
    ...localUnitOps(payload),
    async earlier(key) {
      const res = await payload.find({ collection: 'entries', where: { idempotencyKey: { equals: key } }, limit: 1, depth: 0, pagination: false, select: FIELDS })
      const row = res.docs[0]
      return row ? asClaimedEntry(row) : null
    },
    async store(record) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await insert(record, attempt ? newEntryReference() : record.reference, attempt ? newEntryCode() : record.entryCode)
        } catch (err) {
          const on = uniqueViolationOn(err)
          if (on === 'idempotencyKey' || on === 'manageTokenHash') return 'same-attempt'
          if ((on === 'reference' || on === 'entryCode') && attempt < 5) continue
          throw err
        }
      }
    },
    hold: async (id) => {
      await payload.db.updateOne({ collection: 'entries', id, data: { status: 'submitted', updatedAt: new Date().toISOString() }, returning: false })
    },
    async drop(id) {
      for (const part of ['child', 'category'] as const) await payload.delete({ collection: 'claims', where: { claimant: { equals: entryClaimant(id, part) } }, depth: 0 })
      await payload.db.deleteOne({ collection: 'entries', where: { id: { equals: id } } })
    },
    wait: noWaitlist,
    anyoneWaiting: async () => false,
    position: noWaitlist,
    queue: async () => [],
  }
}

type ContestDoc = Pick<Contest, 'id' | 'opensAt' | 'closesAt' | 'ageOn' | 'categories' | 'entriesPerChild' | 'consentVersion'>
const CONTEST_FIELDS = { opensAt: true, closesAt: true, ageOn: true, categories: true, entriesPerChild: true, consentVersion: true } as const

async function publishedContest(payload: Payload, id: Id, lang: 'vi' | 'en'): Promise<ContestDoc> {
  const res = await payload.find({
    collection: 'contests',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    locale: lang,
    select: CONTEST_FIELDS,
  })
  const contest = res.docs[0]
  if (!contest) throw new ContestNotFound(`No published contest ${id}`)
  return contest
}

export type PictureInput = Buffer | string | null

export type SubmitOptions = { now?: Date; lang?: 'vi' | 'en'; secret: string; mediaDir: string }

const pictureError = (problem: ArtworkProblem, megapixels?: number): EntryOutcome => ({
  kind: 'invalid',
  errors: { picture: { key: problem, values: megapixels === undefined ? undefined : { megapixels } } },
})

/**
 * Takes one entry from the public form (already checked by the shared schema; `picture` is the
 * uploaded file's bytes or a temporary file's path). The steps in order: the earlier attempt of
 * the same submission (answered from it; the picture is not processed again) → the contest takes
 * entries now and has a category for the child's age → the consents the child's age calls for →
 * the picture → the entry stored and its places claimed, or nothing kept.
 */
export async function submitEntry(payload: Payload, input: TEntry, picture: PictureInput, options: SubmitOptions): Promise<EntryOutcome> {
  const now = options.now ?? new Date()
  const lang = options.lang ?? 'vi'
  const contest = await publishedContest(payload, input.contestId, lang)
  const manageToken = manageTokenFor(options.secret, `entry:${input.idempotencyKey}`)
  const ops = entryOps(payload)
  const store = localStore(ops)
  const answer = (result: BundleAllocation<EntryRefusal>, record: NewEntry | null): Promise<EntryOutcome> => outcomeOf(payload, contest, result, record, manageToken, lang)

  return oneAtATime(`entry:${input.idempotencyKey}`, async () => {
    // A retry: answered from what the first attempt stored, whatever this one sent.
    const before = await ops.earlier(input.idempotencyKey)
    if (before) return answer(await store.run(retryOf(input.idempotencyKey)), null)

    const window = entryWindowProblem(contest, now)
    if (window) return { kind: 'refused', reason: window }
    const placed = categoryFor(contest, input.child.birthDate, now)
    if (!placed.ok) return { kind: 'refused', reason: placed.reason, age: placed.age }
    const { category, age } = placed
    const errors: Extract<EntryOutcome, { kind: 'invalid' }>['errors'] = {}
    if (age >= ASSENT_AGE && !input.consent.childAssent) errors['consent.childAssent'] = { key: 'assent-required' }
    if (age >= ASSENT_AGE && input.consent.publication && !input.consent.publicationChild) errors['consent.publicationChild'] = { key: 'publication-assent-required' }
    if (!picture) errors.picture = { key: 'picture-required' }
    if (Object.keys(errors).length || !picture) return { kind: 'invalid', errors }

    const dir = artworkDir(options.mediaDir)
    const processed = await processArtwork(picture, dir)
    if (!processed.ok) return pictureError(processed.problem, processed.megapixels)
    const artwork = processed.artwork

    const at = now.toISOString()
    const version = contest.consentVersion ?? '1'
    const consent = (purpose: 'participation' | 'publication', grantedBy: 'guardian' | 'child') => ({ purpose, grantedBy, wordingVersion: version, grantedAt: at })
    const consents = [consent('participation', 'guardian')]
    if (age >= ASSENT_AGE) consents.push(consent('participation', 'child'))
    if (input.consent.publication) {
      consents.push(consent('publication', 'guardian'))
      if (age >= ASSENT_AGE) consents.push(consent('publication', 'child'))
    }
    const childKey = contestChildKey(contest.id, input.child)
    const record: NewEntry = {
      contestId: contest.id,
      category: category.id,
      reference: newEntryReference(),
      entryCode: newEntryCode(),
      idempotencyKey: input.idempotencyKey,
      manageTokenHash: hashToken(manageToken),
      childKey,
      title: input.title,
      statement: input.statement,
      child: { ...input.child, age },
      contact: input.contact,
      submittedBy: input.submittedBy,
      consents,
      language: lang,
      artwork,
    }
    const catPool = categoryPool(contest.id, category)
    let result: BundleAllocation<EntryRefusal>
    try {
      result = await store.run(
        allocateBundle<NewEntry, EntryRefusal>({
          key: input.idempotencyKey,
          eligibility: () => null,
          record,
          wants: (rec): Want[] => [
            { claimant: entryClaimant(rec.id, 'child'), pools: [childPool(contest, childKey)], units: 1 },
            ...(catPool ? [{ claimant: entryClaimant(rec.id, 'category'), pools: [catPool], units: 1 }] : []),
          ],
        }),
      )
    } catch (err) {
      await dropFiles(dir, artwork)
      throw err
    }
    // the files stay only with the entry that holds them
    if (result.kind !== 'held' || result.reference !== record.reference) await dropFiles(dir, artwork)
    return answer(result, record)
  })
}

/** The program a retry runs: the earlier attempt is found and placed (never stored again). */
function retryOf(key: string) {
  // refused at once, so only the earlier attempt is asked for; nothing is stored
  return allocateBundle<null, EntryRefusal>({ key, eligibility: () => 'closed', record: null, wants: () => [] })
}

async function dropFiles(dir: string, artwork: ProcessedArtwork): Promise<void> {
  await removeFile(dir, artwork.large.file)
  await removeFile(dir, artwork.small.file)
}

async function outcomeOf(payload: Payload, contest: ContestDoc, result: BundleAllocation<EntryRefusal>, record: NewEntry | null, manageToken: string, lang: 'vi' | 'en'): Promise<EntryOutcome> {
  switch (result.kind) {
    case 'held': {
      announceContentChange({ source: 'entries', id: result.id })
      const fresh = record !== null && result.reference === record.reference
      const stored = fresh ? { entryCode: record.entryCode, category: record.category, child: { age: record.child.age } } : await payload.findByID({ collection: 'entries', id: result.id, depth: 0, select: { entryCode: true, category: true, child: true } })
      const category = (contest.categories ?? []).find((c) => c.id === stored.category)
      await queueEntryConfirmation(payload, result.id, manageToken)
      return {
        kind: 'accepted',
        id: result.id,
        reference: result.reference,
        entryCode: stored.entryCode,
        category: category ? categoryLabel(category, lang) : stored.category,
        age: stored.child?.age ?? 0,
        manageToken,
        fresh,
      }
    }
    case 'refused':
      return { kind: 'refused', reason: result.reason }
    case 'ended':
      return { kind: 'withdrawn', reference: result.reference }
    case 'short': {
      if (result.index === 0) return { kind: 'cap-reached', allowed: Math.max(1, contest.entriesPerChild ?? 1) }
      const category = (contest.categories ?? []).find((c) => c.id === record?.category)
      return { kind: 'category-full', category: category ? categoryLabel(category, lang) : '' }
    }
  }
}

/** The entry a manage link points to (whatever its status), or null. */
export async function entryByToken(payload: Payload, token: string): Promise<Entry | null> {
  if (!MANAGE_TOKEN.test(token)) return null
  const res = await payload.find({ collection: 'entries', where: { manageTokenHash: { equals: hashToken(token) } }, limit: 1, depth: 1, overrideAccess: true })
  return res.docs[0] ?? null
}

/** One change to an entry at a time (Payload writes its consent list whole). */
const oneEntryChange = <T>(id: Id, change: () => Promise<T>) => oneAtATime(`entry-change:${String(id)}`, change)

/**
 * Withdraws the publication consent (the family, through the manage link, or staff on its
 * behalf): the picture and name leave every public page at once (the change is announced, which
 * clears the kept pages). The records stay, marked with the time. Returns how many consents
 * were in force (0: none, nothing changed).
 */
export function withdrawPublication(payload: Payload, id: Id, by: 'withdrawn' | 'staff' = 'withdrawn', now = new Date()): Promise<number> {
  return oneEntryChange(id, async () => {
    const entry = await payload.findByID({ collection: 'entries', id, depth: 0, overrideAccess: true })
    let count = 0
    const consents = (entry.consents ?? []).map((c) => {
      if (c.purpose !== 'publication' || c.withdrawnAt) return c
      count++
      return { ...c, withdrawnAt: now.toISOString(), endReason: by }
    })
    if (count) {
      await payload.update({ collection: 'entries', id, depth: 0, overrideAccess: true, data: { consents } })
      announceContentChange({ source: 'entries', id })
    }
    // its public copies go, whatever state they were left in
    await unpublishEntry(payload, id)
    return count
  })
}

/**
 * Withdraws an entry (the family's choice): it no longer takes part, its places go back (the
 * child may send another picture), and every consent ends. The record and the private picture
 * stay for the contest's record. Safe to run again; returns false when it was withdrawn already.
 */
export function withdrawEntry(payload: Payload, id: Id, now = new Date()): Promise<boolean> {
  return oneEntryChange(id, async () => {
    const entry = await payload.findByID({ collection: 'entries', id, depth: 0, overrideAccess: true })
    if (entry.status === 'withdrawn') return false
    const at = now.toISOString()
    const consents = (entry.consents ?? []).map((c) => (c.withdrawnAt ? c : { ...c, withdrawnAt: at, endReason: 'entry-withdrawn' as const }))
    await payload.update({ collection: 'entries', id, depth: 0, overrideAccess: true, data: { status: 'withdrawn', withdrawnAt: at, consents } })
    const store = localStore(entryOps(payload))
    for (const part of ['child', 'category'] as const) await store.run(release(entryClaimant(id, part)))
    await unpublishEntry(payload, id)
    announceContentChange({ source: 'entries', id })
    return true
  })
}

/** An entry was deleted (by an admin): its places go back. */
export async function entryDeleted(payload: Payload, doc: Pick<Entry, 'id'>): Promise<void> {
  for (const part of ['child', 'category'] as const) await payload.delete({ collection: 'claims', where: { claimant: { equals: entryClaimant(doc.id, part) } }, depth: 0 })
  announceContentChange({ source: 'entries', id: doc.id })
}

/** Everything held about the child of an entry, as the family may download it (no internal keys, no token). */
export function entryData(entry: Entry, contestTitle: string) {
  return {
    contest: contestTitle,
    reference: entry.reference,
    entryCode: entry.entryCode,
    category: entry.category,
    status: entry.status,
    title: entry.title,
    statement: entry.statement ?? null,
    child: {
      familyName: entry.child?.familyName,
      givenName: entry.child?.givenName,
      birthDate: entry.child?.birthDate?.slice(0, 10),
      age: entry.child?.age,
      school: entry.child?.school,
      className: entry.child?.className ?? null,
      commune: typeof entry.child?.area === 'object' && entry.child.area ? entry.child.area.name : idOf(entry.child?.area ?? null),
    },
    sentBy: { name: entry.contact?.name, phone: entry.contact?.phone ?? null, email: entry.contact?.email ?? null, as: entry.submittedBy },
    consents: (entry.consents ?? []).map((c) => ({ purpose: c.purpose, grantedBy: c.grantedBy, wordingVersion: c.wordingVersion, grantedAt: c.grantedAt, withdrawnAt: c.withdrawnAt ?? null, endReason: c.endReason ?? null })),
    picture: entry.artwork?.large ? { width: entry.artwork.large.width, height: entry.artwork.large.height, note: 'Ảnh đã được xoay thẳng và xoá mọi siêu dữ liệu (kể cả vị trí GPS). / The picture was turned upright and all its metadata (GPS included) removed.' } : null,
    sentAt: entry.createdAt,
    withdrawnAt: entry.withdrawnAt ?? null,
  }
}

/** The family's private page for an entry, from the site's route table (the only place public paths are written). */
export function entryManageUrl(serverURL: string, lang: 'vi' | 'en', token: string): string {
  return `${serverURL}${href('entry', lang, { token })}`
}

/**
 * Queues the confirmation of an accepted entry to the contact's email (none without one): once
 * per entry, however often the submission is retried (the outbox's dedupe key).
 */
export async function queueEntryConfirmation(payload: Payload, id: Id, manageToken: string): Promise<void> {
  const entry = await payload.findByID({ collection: 'entries', id, depth: 0, overrideAccess: true })
  const to = entry.contact?.email
  if (!to || entry.noticeQueuedAt) return
  const contestId = idOf(entry.contest)
  if (contestId === null) return
  const [vi, en] = await Promise.all((['vi', 'en'] as const).map((locale) => payload.findByID({ collection: 'contests', id: contestId, depth: 0, locale, select: { title: true, closesAt: true, categories: true } })))
  const categoryIn = (contest: typeof vi, lang: 'vi' | 'en') => {
    const category = (contest?.categories ?? []).find((c) => c.id === entry.category)
    return category ? categoryLabel(category, lang) : entry.category
  }
  const { serverURL } = env()
  await enqueueEmail(
    payload,
    entryConfirmation({
      to,
      language: entry.language === 'en' ? 'en' : 'vi',
      contactName: entry.contact?.name ?? '',
      childGivenName: entry.child?.givenName ?? '',
      reference: entry.reference,
      title: entry.title,
      category: { vi: categoryIn(vi, 'vi'), en: categoryIn(en, 'en') },
      contest: { title: { vi: vi?.title ?? '', en: en?.title ?? vi?.title ?? '' }, closesAt: vi?.closesAt ?? new Date().toISOString() },
      published: mayPublish(entry),
      manageUrl: { vi: entryManageUrl(serverURL, 'vi', manageToken), en: entryManageUrl(serverURL, 'en', manageToken) },
      // the reference, not the id: SQLite may give a deleted entry's id to a new one
      dedupeKey: `entry-received:${entry.reference}`,
    }),
  )
  await payload.db.updateOne({ collection: 'entries', id, data: { noticeQueuedAt: new Date().toISOString() }, returning: false })
}
