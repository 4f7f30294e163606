/**
 * Sign-up: a parent (one or several children) or a school (a class list) asks for seats at an
 * event. Each child gets a seat, a place on the waitlist, or a refusal with its reason. Every
 * child's registration is stored with its consent records in one write; a retried submission
 * (same idempotency key) finds what the first one made and creates nothing new.
 *
 * Waitlist: first come, first served. While anyone is waiting, a new sign-up joins the end of
 * the queue rather than taking a seat a cancellation has just freed.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { childRefusal, firstSessionDay, registrationWindowProblem, ageOn, type RefusalReason } from './eligibility'
import { claimSeat, releaseSeat, seatOf } from './seats'
import { isUniqueViolation } from './errors'
import type { Registration } from '../payload-types'
import type { TSignUp } from '../schemas/signup'
import { asId, idOf, type Id } from './ids'
import { Kept } from './kept'
import { oneAtATime } from './process-wide'
import { signUpLaneOf } from './signup-sqlite'


/** Children this age or older give their own assent (Law on Children 2016). */
export const ASSENT_AGE = 7

/** What the public sign-up form carries, after validation by the shared schema. */
export type SignUpInput = TSignUp
export type ChildInput = TSignUp['children'][number]

export type ChildOutcome =
  | { index: number; status: 'confirmed'; reference: string; seat: number }
  | { index: number; status: 'waitlisted'; reference: string; position: number }
  | { index: number; status: 'refused'; reason: RefusalReason | 'full' | 'already-registered' | 'assent-missing' }

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

type EventDoc = {
  id: Id
  capacity: number
  reservedSeats?: number | null
  waitlist?: boolean | null
  sessions?: { date?: string | null }[] | null
  registrationOpensAt?: string | null
  registrationClosesAt?: string | null
  eligibility?: { minAge?: number | null; maxAge?: number | null; areas?: (Id | { id: Id })[] | null } | null
  consent?: { version?: string | null; photo?: string | null } | null
}

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
    select: { capacity: true, reservedSeats: true, waitlist: true, sessions: true, registrationOpensAt: true, registrationClosesAt: true, eligibility: true, consent: true },
  })
  const event = found.docs[0]
  if (!event) throw new EventNotFound(`No published event ${id}`)
  return event
}

type RegistrationState = Partial<Pick<Registration, 'status' | 'waitlistedAt' | 'confirmationQueuedAt' | 'remindedAt'>>

/**
 * Changes a registration's bookkeeping (status, waitlist time, notice markers) and nothing else.
 * The write goes to the database adapter directly: no hook on registrations reacts to these
 * fields, and Payload's full update (re-validating and re-saving the whole child record with its
 * consents) was the largest cost of a sign-up. Works alike on SQLite, PostgreSQL and MongoDB.
 */
export async function setRegistrationState(payload: Payload, id: Id, state: RegistrationState): Promise<void> {
  await payload.db.updateOne({ collection: 'registrations', id, data: { ...state, updatedAt: new Date().toISOString() } })
}

/** Position in the event's waitlist (1 = next to get a seat). */
export async function waitlistPosition(payload: Payload, eventId: Id, registration: { id: Id; waitlistedAt?: string | null }): Promise<number> {
  const at = registration.waitlistedAt ?? new Date(0).toISOString()
  const ahead = await payload.count({
    collection: 'registrations',
    where: {
      and: [
        { event: { equals: eventId } },
        { status: { equals: 'waitlisted' } },
        { waitlistedAt: { less_than_equal: at } }, // a range of the (event, status, waitlistedAt) index
        { or: [{ waitlistedAt: { less_than: at } }, { and: [{ waitlistedAt: { equals: at } }, { id: { less_than: registration.id } }] }] },
      ],
    },
  })
  return ahead.totalDocs + 1
}

/**
 * Whether someone who could take the seat this child would take is already waiting. Children
 * outside priority groups cannot take reserved seats, so a priority child only queues behind
 * other priority children.
 */
async function someoneWaitingAhead(payload: Payload, eventId: Id, priority: boolean): Promise<boolean> {
  const res = await payload.count({
    collection: 'registrations',
    where: { and: [{ event: { equals: eventId } }, { status: { equals: 'waitlisted' } }, ...(priority ? [{ 'child.priorityGroup': { exists: true } }] : [])] },
  })
  return res.totalDocs > 0
}

/**
 * Places a stored (pending) registration: a seat if one is free and nobody is waiting, else the
 * waitlist if the event has one, else refused as full (and removed). Safe to run again on a
 * registration that was placed already.
 */
async function place(
  payload: Payload,
  event: EventDoc,
  reg: { id: Id; reference: string; status?: string | null; waitlistedAt?: string | null },
  priority: boolean,
  index: number,
  fresh = false,
): Promise<ChildOutcome> {
  // a registration stored a moment ago cannot hold a seat yet
  const held = fresh ? null : await seatOf(payload, reg.id)
  if (held !== null) {
    if (reg.status !== 'confirmed') await setRegistrationState(payload, reg.id, { status: 'confirmed' })
    return { index, status: 'confirmed', reference: reg.reference, seat: held }
  }
  if (reg.status === 'waitlisted') {
    return { index, status: 'waitlisted', reference: reg.reference, position: await waitlistPosition(payload, event.id, reg) }
  }
  const waitlistOn = event.waitlist !== false
  if (!(waitlistOn && (await someoneWaitingAhead(payload, event.id, priority)))) {
    const seat = await claimSeat(payload, { eventId: event.id, capacity: event.capacity, reserved: event.reservedSeats ?? 0, priority, registrationId: reg.id })
    if (seat !== null) {
      await setRegistrationState(payload, reg.id, { status: 'confirmed' })
      return { index, status: 'confirmed', reference: reg.reference, seat }
    }
  }
  if (!waitlistOn) {
    await payload.delete({ collection: 'registrations', id: reg.id, depth: 0 })
    return { index, status: 'refused', reason: 'full' }
  }
  const waitlistedAt = new Date().toISOString()
  await setRegistrationState(payload, reg.id, { status: 'waitlisted', waitlistedAt })
  return { index, status: 'waitlisted', reference: reg.reference, position: await waitlistPosition(payload, event.id, { id: reg.id, waitlistedAt }) }
}

type StoredRegistration = { id: Id; reference: string; status?: string | null; waitlistedAt?: string | null }

/** The registration an earlier attempt stored under this idempotency key. */
async function storedRegistration(payload: Payload, key: string): Promise<StoredRegistration | null> {
  const found = await payload.find({ collection: 'registrations', where: { idempotencyKey: { equals: key } }, limit: 1, depth: 0, pagination: false, select: { reference: true, status: true, waitlistedAt: true } })
  return found.docs[0] ?? null
}

export async function signUp(payload: Payload, input: SignUpInput, options: { now?: Date } = {}): Promise<SignUpResult> {
  const now = options.now ?? new Date()
  const event = await loadEvent(payload, input.eventId)
  const manageTokens = new Map<number, string>()
  const firstDay = firstSessionDay(event.sessions)
  const windowProblem = registrationWindowProblem({ opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt }, now)
  const areas = (event.eligibility?.areas ?? []).map((a) => idOf(a))
  const outcomes: ChildOutcome[] = []

  const lane = signUpLaneOf(payload)

  for (const [index, child] of input.children.entries()) {
    const key = `${input.idempotencyKey}:${index}`
    const token = manageTokenFor(payload.secret, key)
    const priority = Boolean(child.priorityGroup)
    // A retry: this child was stored by an earlier attempt of the same submission. (On SQLite
    // the lane below finds that out itself, without a read first.)
    const existing = lane ? null : await storedRegistration(payload, key)
    if (existing) {
      const outcome = await place(payload, event, existing, priority, index)
      if (outcome.status !== 'refused') manageTokens.set(index, token)
      outcomes.push(outcome)
      continue
    }
    const refusal = windowProblem ?? childRefusal({ ...event.eligibility, areas }, firstDay, child)
    if (refusal) {
      outcomes.push({ index, status: 'refused', reason: refusal })
      continue
    }
    if (firstDay && ageOn(child.birthDate, firstDay) >= ASSENT_AGE && !child.assent) {
      outcomes.push({ index, status: 'refused', reason: 'assent-missing' })
      continue
    }
    const version = event.consent?.version ?? 'v1'
    const grantedAt = now.toISOString()
    const consents: { purpose: 'participation' | 'photo'; grantedBy: 'guardian' | 'child'; wordingVersion: string; grantedAt: string }[] = [
      { purpose: 'participation', grantedBy: 'guardian', wordingVersion: version, grantedAt },
    ]
    if (child.assent) consents.push({ purpose: 'participation', grantedBy: 'child', wordingVersion: version, grantedAt })
    if (child.photoConsent && event.consent?.photo) consents.push({ purpose: 'photo', grantedBy: 'guardian', wordingVersion: version, grantedAt })
    const record = {
      reference: reference(),
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
      manageTokenHash: hashToken(token),
      idempotencyKey: key,
      childKey: childKey(event.id, child),
    }

    let outcome: ChildOutcome
    try {
      if (lane) {
        const rules = { capacity: event.capacity, reserved: event.reservedSeats ?? 0, waitlist: event.waitlist !== false, priority }
        const placed = await lane.place({ ...record, eventId: event.id }, rules, now)
        if (placed.status === 'stored-before') {
          const before = await storedRegistration(payload, key)
          outcome = before ? await place(payload, event, before, priority, index) : { index, status: 'refused', reason: 'already-registered' }
        } else if (placed.status === 'full') outcome = { index, status: 'refused', reason: 'full' }
        else if (placed.status === 'confirmed') outcome = { index, status: 'confirmed', reference: placed.reference, seat: placed.seat }
        else outcome = { index, status: 'waitlisted', reference: placed.reference, position: placed.position }
      } else {
        const reg = await payload.create({
          collection: 'registrations',
          depth: 0,
          select: { reference: true, status: true, waitlistedAt: true },
          data: { ...record, event: asId(event.id), status: 'pending' },
        })
        outcome = await place(payload, event, reg, priority, index, true)
      }
    } catch (err) {
      if (!isUniqueViolation(err)) throw err
      // Either this very child is already signed up, or a concurrent retry of this submission won.
      const raced = await storedRegistration(payload, key)
      if (raced) manageTokens.set(index, token)
      outcomes.push(raced ? await place(payload, event, raced, priority, index) : { index, status: 'refused', reason: 'already-registered' })
      continue
    }
    if (outcome.status !== 'refused') manageTokens.set(index, token)
    outcomes.push(outcome)
  }
  return { outcomes, manageTokens }
}

/**
 * Cancels a registration: frees its seat, keeps the record (status cancelled) and lets the
 * child sign up again later; then gives freed seats to the waitlist in order. Returns the ids
 * of the registrations promoted.
 */
export async function cancelRegistration(payload: Payload, id: Id): Promise<Id[]> {
  const reg = await oneChangeAtATime(id, async () => {
    const found = await payload.findByID({ collection: 'registrations', id, depth: 0 })
    if (found.status === 'cancelled') return null
    await releaseSeat(payload, id)
    await payload.update({
      collection: 'registrations',
      id,
      depth: 0,
      overrideAccess: true,
      data: { status: 'cancelled', waitlistedAt: null, cancelledAt: new Date().toISOString(), childKey: `${found.childKey ?? ''}:cancelled:${id}` },
    })
    return found
  })
  return reg ? promoteWaitlist(payload, idOf(reg.event)) : []
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
      return { ...c, withdrawnAt: at }
    })
    if (withdrawn) await payload.update({ collection: 'registrations', id, depth: 0, overrideAccess: true, data: { consents } })
    return withdrawn
  })
}

/** What staff may set a registration's status to by hand; seats, the waitlist and cancelling go through the services. */
export const STAFF_SETTABLE_STATUSES = ['attended', 'no-show'] as const

/**
 * Gives free seats to waitlisted children, first come first served. A child who cannot take the
 * seats left (reserved for priority groups) is passed over for the next one who can.
 * Returns who was promoted.
 */
export async function promoteWaitlist(payload: Payload, eventId: Id): Promise<Id[]> {
  const event = await payload.findByID({ collection: 'events', id: eventId, depth: 0 })
  const waiting = await payload.find({
    collection: 'registrations',
    where: { and: [{ event: { equals: eventId } }, { status: { equals: 'waitlisted' } }] },
    sort: ['waitlistedAt', 'id'],
    limit: 0,
    pagination: false,
    depth: 0,
  })
  const promoted: Id[] = []
  for (const reg of waiting.docs) {
    const priority = Boolean(reg.child?.priorityGroup)
    const seat = await claimSeat(payload, { eventId, capacity: event.capacity, reserved: event.reservedSeats ?? 0, priority, registrationId: reg.id })
    if (seat === null) {
      if (priority) break // not even a reserved seat is left
      continue
    }
    // confirmationQueuedAt cleared: the family is due an email saying the child now has a seat.
    // waitlistedAt is kept: a confirmed child with it set came from the waitlist.
    await setRegistrationState(payload, reg.id, { status: 'confirmed', confirmationQueuedAt: null })
    promoted.push(reg.id)
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
 * are older than `createdBefore`. A retry of the same submission would do the same; this makes
 * sure it happens even when nobody retries. Returns how many were placed.
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
    const eventId = idOf(reg.event)
    const event = await payload.findByID({ collection: 'events', id: eventId, depth: 0 })
    await place(payload, event, reg, Boolean(reg.child?.priorityGroup), 0)
  }
  return pending.docs.length
}
