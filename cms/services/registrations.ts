/**
 * Sign-up: a parent (one or several children) or a school (a class list) asks for seats at an
 * event. Each child gets a seat, a place on the waitlist, or a refusal with its reason. Every
 * child's registration is stored with its consent records in one write; a retried submission
 * (same idempotency key) finds what the first one made and creates nothing new, however often
 * and however close together it is sent.
 *
 * Seats are the capacity engine's (cms/services/capacity.ts; an event's pools in seats.ts).
 * Waitlist: first come, first served. While anyone is waiting, a new sign-up joins the end of
 * the queue rather than taking a seat a cancellation has just freed.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { childRefusal, firstSessionDay, registrationWindowProblem, ageOn, type RefusalReason } from './eligibility'
import type { Registration } from '../payload-types'
import type { TSignUp } from '../schemas/signup'
import { allocate, place, promote, release, type Allocation, type AllocationRequest } from './capacity'
import { asId, idOf, type Id } from './ids'
import { Kept } from './kept'
import { oneAtATime } from './process-wide'
import { asClaimed, setRegistrationState, signedUpAt, waitlistPosition, type NewRegistration } from './registration-ops'
import { seatStore, seatsTaken } from './seat-store'
import { allPools, claimantOf, poolsFor, priorityCounts, seatNumber, seatPools, seatRules, type SeatedEvent } from './seats'


/** Children this age or older give their own assent (Law on Children 2016). */
export const ASSENT_AGE = 7

/** What the public sign-up form carries, after validation by the shared schema. */
export type SignUpInput = TSignUp
export type ChildInput = TSignUp['children'][number]

export type ChildOutcome =
  | { index: number; status: 'confirmed'; reference: string; seat: number }
  | { index: number; status: 'waitlisted'; reference: string; position: number }
  | { index: number; status: 'refused'; reason: RefusalReason | 'full' | 'already-registered' | 'assent-missing' | 'cancelled' }

export type SignUpResult = {
  outcomes: ChildOutcome[]
  /** The secret manage token of each child who got a seat or a waitlist place (sent by email, stored hashed). */
  manageTokens: Map<number, string>
}

export class EventNotFound extends Error {
  override name = 'EventNotFound'
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * The secret manage token of one child's registration: derived from the server secret and the
 * child's idempotency key, so a retried submission (even after a crash) can give the same link
 * again. Only its hash is stored; without the server secret it cannot be guessed.
 */
export function manageTokenFor(secret: string, idempotencyKey: string): string {
  return createHmac('sha256', secret).update(`manage:${idempotencyKey}`).digest('base64url')
}
export const MANAGE_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** Same child, same event: normalised full name and birth date. */
export function childKey(eventId: Id, child: Pick<ChildInput, 'familyName' | 'givenName' | 'birthDate'>): string {
  const name = `${child.familyName} ${child.givenName}`.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(`${eventId}|${name}|${child.birthDate.slice(0, 10)}`).digest('hex')
}

function reference(): string {
  return randomBytes(5).toString('hex').toUpperCase()
}

type EventDoc = SeatedEvent & {
  sessions?: { date?: string | null }[] | null
  registrationOpensAt?: string | null
  registrationClosesAt?: string | null
  eligibility?: { minAge?: number | null; maxAge?: number | null; areas?: (Id | { id: Id })[] | null; priorityGroups?: string[] | null } | null
  consent?: { version?: string | null; photo?: string | null } | null
}

const EVENT_FIELDS = { capacity: true, reservedSeats: true, waitlist: true, sessions: true, registrationOpensAt: true, registrationClosesAt: true, eligibility: true, consent: true } as const

/**
 * A burst of sign-ups reads the same event over and over: a published event is kept for a
 * moment, and dropped at once when any event changes.
 */
const eventsKept = new Map<Payload, Kept<EventDoc>>()

function loadEvent(payload: Payload, id: Id): Promise<EventDoc> {
  let kept = eventsKept.get(payload)
  if (!kept) {
    kept = new Kept(2_000, (change) => change.source === 'events')
    eventsKept.set(payload, kept)
  }
  return kept.get(String(id), () => readEvent(payload, id))
}

async function readEvent(payload: Payload, id: Id): Promise<EventDoc> {
  const found = await payload.find({
    collection: 'events',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    select: EVENT_FIELDS,
  })
  const event = found.docs[0]
  if (!event) throw new EventNotFound(`No published event ${id}`)
  return event
}

/** The event as the seat rules need it, published or not (staff work, the sweeper). */
export async function seatedEvent(payload: Payload, id: Id): Promise<EventDoc> {
  return payload.findByID({ collection: 'events', id, depth: 0, select: EVENT_FIELDS })
}

export { setRegistrationState, waitlistPosition }

/** Where a child of this event may go: its seat pools, and the waitlist (or none). */
function placement(event: EventDoc, priority: boolean, now: Date) {
  return {
    pools: poolsFor(event, priority),
    units: 1,
    // A child whose priority counts can take reserved seats nobody else can: it queues only behind others who can.
    waitlist: event.waitlist !== false ? { scope: event.id, groupedOnly: priority } : null,
    now,
  }
}

/** What the family is told about one child, from what the capacity engine did. */
type Refusal = Extract<ChildOutcome, { status: 'refused' }>['reason']

function outcomeOf(event: EventDoc, index: number, allocation: Allocation<Refusal>): ChildOutcome {
  switch (allocation.kind) {
    case 'held':
      return { index, status: 'confirmed', reference: allocation.reference, seat: seatNumber(event, allocation.claim) }
    case 'waiting':
      return { index, status: 'waitlisted', reference: allocation.reference, position: allocation.position }
    case 'refused':
      return { index, status: 'refused', reason: allocation.reason }
    case 'full':
      return { index, status: 'refused', reason: 'full' }
    case 'duplicate':
      return { index, status: 'refused', reason: 'already-registered' }
    case 'ended':
      return { index, status: 'refused', reason: 'cancelled' }
  }
}

/**
 * Signs up every child of a submission. For each child, the capacity engine's steps in order
 * (cms/services/capacity.ts `allocate`): the earlier attempt of this submission (a retry is
 * answered from what it stored, even after registration closed) → eligibility → a seat, the
 * waitlist, or "full". Attempts of one child run one after another in this process; across
 * processes the database's unique indexes keep one registration and one seat.
 */
export async function signUp(payload: Payload, input: SignUpInput, options: { now?: Date } = {}): Promise<SignUpResult> {
  const now = options.now ?? new Date()
  const event = await loadEvent(payload, input.eventId)
  const manageTokens = new Map<number, string>()
  const firstDay = firstSessionDay(event.sessions)
  const windowProblem = registrationWindowProblem({ opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt }, now)
  const areas = (event.eligibility?.areas ?? []).map((a) => idOf(a))
  const rules = seatRules(event)
  const store = seatStore(payload, rules)
  const version = event.consent?.version ?? 'v1'
  const grantedAt = now.toISOString()

  // One child after another, in the order the family or school listed them.
  const outcomes: ChildOutcome[] = []
  for (const [index, child] of input.children.entries()) {
    outcomes.push(
      await (async (): Promise<ChildOutcome> => {
      const key = `${input.idempotencyKey}:${index}`
      const priority = priorityCounts(rules, child.priorityGroup)
      const consents: NewRegistration['consents'] = [{ purpose: 'participation', grantedBy: 'guardian', wordingVersion: version, grantedAt }]
      if (child.assent) consents.push({ purpose: 'participation', grantedBy: 'child', wordingVersion: version, grantedAt })
      if (child.photoConsent && event.consent?.photo) consents.push({ purpose: 'photo', grantedBy: 'guardian', wordingVersion: version, grantedAt })
      const request: AllocationRequest<NewRegistration, Refusal> = {
        key,
        eligibility: () => {
          const refusal = windowProblem ?? childRefusal({ ...event.eligibility, areas }, firstDay, child)
          if (refusal) return refusal
          return firstDay && ageOn(child.birthDate, firstDay) >= ASSENT_AGE && !child.assent ? 'assent-missing' : null
        },
        record: {
          reference: reference(),
          eventId: event.id,
          child: {
            familyName: child.familyName,
            givenName: child.givenName,
            birthDate: child.birthDate,
            school: child.school,
            grade: child.grade,
            area: child.area === undefined ? undefined : asId(child.area),
            priorityGroup: child.priorityGroup,
          },
          guardian: input.guardian,
          submittedBy: input.submittedBy,
          submissionId: input.idempotencyKey,
          consents,
          manageTokenHash: hashToken(manageTokenFor(payload.secret, key)),
          idempotencyKey: key,
          childKey: childKey(event.id, child),
        },
        ...placement(event, priority, now),
      }
      const outcome = outcomeOf(event, index, await oneAtATime(`allocate:${key}`, () => store.run(allocate(request))))
      if (outcome.status !== 'refused') manageTokens.set(index, manageTokenFor(payload.secret, key))
      return outcome
      })(),
    )
  }
  return { outcomes, manageTokens }
}

/**
 * Cancels a registration: frees its seat, ends its consents (kept on record, with the time),
 * keeps the record (status cancelled) and lets the child sign up again later; then gives freed
 * seats to the waitlist in order. Returns the ids of the registrations promoted.
 */
export function cancelRegistration(payload: Payload, id: Id, now = new Date()): Promise<Id[]> {
  return oneChangeAtATime(id, async () => {
    const found = await payload.findByID({ collection: 'registrations', id, depth: 0 })
    if (found.status === 'cancelled') return []
    const event = await seatedEvent(payload, idOf(found.event))
    return movingTheQueue(event.id, async () => {
      const store = seatStore(payload, seatRules(event))
      await store.run(release(claimantOf(id)))
      const at = now.toISOString()
      await payload.update({
        collection: 'registrations',
        id,
        depth: 0,
        overrideAccess: true,
        data: {
          status: 'cancelled',
          waitlistedAt: null,
          cancelledAt: at,
          childKey: `${found.childKey ?? ''}:cancelled:${id}`,
          consents: (found.consents ?? []).map((c) => (c.withdrawnAt ? c : { ...c, withdrawnAt: at, endReason: 'sign-up-cancelled' as const })),
        },
      })
      return store.run(promoteAt(event))
    })
  })
}

/**
 * Changes that free an event's seats or move its queue (cancelling, deleting, releasing a
 * priority seat, promoting) run one after another in this process, each whole, so that nobody
 * further back in the queue takes a seat freed in the middle of another's walk. (The SQLite lane
 * runs each program in one transaction anyway; sign-ups only take seats and need no turn.)
 */
export function movingTheQueue<T>(eventId: Id, change: () => Promise<T>): Promise<T> {
  return oneAtATime(`queue:${String(eventId)}`, change)
}

/** The waitlist of an event moving up (cms/services/capacity.ts `promote`), to run inside `movingTheQueue`. */
function promoteAt(event: SeatedEvent) {
  return promote({ scope: event.id }, (rec) => poolsFor(event, rec.grouped), allPools(event))
}

/**
 * Payload writes a registration whole (its consent and attendance lists included), so changes
 * to one registration that read it first (check-in, cancelling, withdrawing a consent) run one
 * after another: none writes back a list another has just changed.
 */
export function oneChangeAtATime<T>(id: Id, change: () => Promise<T>): Promise<T> {
  return oneAtATime(`registration:${String(id)}`, change)
}

/** A consent still in force: given for `purpose` (by `grantedBy`, when named) and not withdrawn. */
export function consentInForce(consents: Registration['consents'], purpose: 'participation' | 'photo', grantedBy?: 'guardian' | 'child'): boolean {
  return (consents ?? []).some((c) => c.purpose === purpose && (!grantedBy || c.grantedBy === grantedBy) && !c.withdrawnAt)
}

/**
 * Withdraws the child's consents for `purpose` that are still in force: the family's choice,
 * made through the manage link, at any time and as easily as it was given. The records stay,
 * marked with the time of withdrawal. Returns how many were withdrawn (0: none in force).
 */
export function withdrawConsent(payload: Payload, id: Id, purpose: 'photo', now = new Date()): Promise<number> {
  return oneChangeAtATime(id, async () => {
    const reg = await payload.findByID({ collection: 'registrations', id, depth: 0 })
    const at = now.toISOString()
    let withdrawn = 0
    const consents = (reg.consents ?? []).map((c) => {
      if (c.purpose !== purpose || c.withdrawnAt) return c
      withdrawn++
      return { ...c, withdrawnAt: at, endReason: 'withdrawn' as const }
    })
    if (withdrawn) await payload.update({ collection: 'registrations', id, depth: 0, overrideAccess: true, data: { consents } })
    return withdrawn
  })
}

/**
 * Gives free seats to waitlisted children, first come first served (cms/services/capacity.ts
 * `promote`): a child who cannot take the seats left (reserved for priority groups) is passed
 * over for the next one who can. Returns who was promoted.
 */
export async function promoteWaitlist(payload: Payload, eventId: Id): Promise<Id[]> {
  const event = await seatedEvent(payload, eventId)
  return movingTheQueue(event.id, () => seatStore(payload, seatRules(event)).run(promoteAt(event)))
}

/** Moves the queue up at every event where children wait while seats they may take are free. Returns how many got seats. */
export async function promoteWhereSeatsAreFree(payload: Payload): Promise<number> {
  const waiting = await payload.find({ collection: 'registrations', where: { status: { equals: 'waitlisted' } }, limit: 0, pagination: false, depth: 0, select: { event: true } })
  let promoted = 0
  for (const eventId of new Set(waiting.docs.map((r) => idOf(r.event)))) {
    if (eventId === null) continue
    const event = await seatedEvent(payload, eventId)
    const taken = await seatsTaken(payload, event.id)
    const pools = seatPools(event)
    if (taken.open >= pools.open.capacity && taken.reserved >= pools.reserved.capacity) continue
    promoted += (await promoteWaitlist(payload, event.id)).length
  }
  return promoted
}

/** The registration a manage link points to (whatever its status), or null. */
export async function registrationByToken(payload: Payload, token: string) {
  if (!MANAGE_TOKEN.test(token)) return null
  const res = await payload.find({ collection: 'registrations', where: { manageTokenHash: { equals: hashToken(token) } }, limit: 1, depth: 1 })
  return res.docs[0] ?? null
}

/**
 * Places registrations a crash left `pending` (stored, but neither seated nor waitlisted) that
 * are older than `createdBefore`, as a retry of the same submission would (cms/services/capacity.ts
 * `place`); a child who must wait joins the queue at the time it signed up. This makes sure it
 * happens even when nobody retries. Returns how many were placed.
 */
export async function finishPending(payload: Payload, createdBefore: Date): Promise<number> {
  const pending = await payload.find({
    collection: 'registrations',
    where: { and: [{ status: { equals: 'pending' } }, { createdAt: { less_than: createdBefore.toISOString() } }] },
    sort: 'createdAt',
    limit: 200,
    depth: 0,
    pagination: false,
  })
  for (const reg of pending.docs) {
    const event = await seatedEvent(payload, idOf(reg.event))
    const rules = seatRules(event)
    const rec = asClaimed(rules, { ...reg, priorityGroup: reg.child.priorityGroup, priorityReleasedAt: reg.priorityCheck?.releasedAt })
    await oneAtATime(`allocate:${reg.idempotencyKey ?? reg.id}`, () => seatStore(payload, rules).run(place(rec, placement(event, rec.grouped, new Date(signedUpAt(reg))))))
  }
  return pending.docs.length
}

/**
 * A registration was deleted (by an admin, or a test cleaning up): the seat it held goes back,
 * and the waitlist moves up, so no seat is ever lost with nothing to show for it.
 */
export async function registrationDeleted(payload: Payload, reg: Pick<Registration, 'id' | 'event'>): Promise<void> {
  const eventId = idOf(reg.event)
  const event = eventId === null ? null : await payload.findByID({ collection: 'events', id: eventId, depth: 0, select: EVENT_FIELDS, disableErrors: true })
  if (!event) {
    await seatStore(payload, { eventId: eventId ?? 0, reservedFor: [] }).run(release(claimantOf(reg.id)))
    return
  }
  await movingTheQueue(event.id, async () => {
    const store = seatStore(payload, seatRules(event))
    if (await store.run(release(claimantOf(reg.id)))) await store.run(promoteAt(event))
  })
}
