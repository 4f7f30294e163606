'use client'
/**
 * In a pledge's side panel, for fund officers and admins: pledged against received per line,
 * the form that records a receipt, the operations that end or close a pledge, and its receipts
 * with their PDFs. The rules (what may be done now, what a receipt must hold) are the server's
 * (cms/services/fund-staff.ts): this panel asks /api/pledges/:id/ledger and shows the answer.
 * - Record: POST /api/pledges/:id/receive with a key drawn once per form, so a double click or a
 *   retry records one receipt; a new key is drawn after each receipt recorded.
 * - Donor cancelled / lapsed: POST …/cancel, …/lapse (confirmed first).
 * - Thanked by phone: POST …/thanked (donors without email, received in full; confirmed first).
 */
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { FUND_TEXT } from './fund-text'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

type Ledger = {
  reference: string
  status: string
  statusLabel: string
  hasEmail: boolean
  amount: number | null
  receivedAmount: number
  lines: { item: string; label: string; quantity: number; received: number }[]
  receipts: { id: number | string; number: string; receivedOn: string; amount: number | null; items: { label: string; quantity: number }[]; sourceLabel: string }[]
  may: { receive: boolean; end: boolean; thank: boolean }
  today: string
}

/** A random id for one filling of the form (works on plain http too, unlike randomUUID). */
function formKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** "500.000", "500 000 ₫" → 500000; '' → null; anything else → NaN. */
function typedAmount(raw: string): number | null {
  const text = raw.trim().replace(/\s*(₫|đ|vnd)$/i, '').replace(/[.,\s]/g, '')
  if (!text) return null
  return /^\d+$/.test(text) ? Number(text) : Number.NaN
}

export function PledgeActions() {
  const { i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const t = FUND_TEXT[lang]
  const { id } = useDocumentInfo()
  const router = useRouter()
  const formId = useId()
  const key = useRef(formKey())
  const [ledger, setLedger] = useState<Ledger | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [amount, setAmount] = useState('')
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [receivedOn, setReceivedOn] = useState('')

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/pledges/${id}/ledger`, { credentials: 'same-origin' }).catch(() => null)
    if (res?.ok) setLedger((await res.json()) as Ledger)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return <p className="staff-muted">{t.saveFirst}</p>
  if (!ledger) return <p className="staff-muted">{t.loading}</p>

  const post = async (path: string, body?: unknown): Promise<{ ok: boolean; json: Record<string, unknown> }> => {
    const res = await fetch(`/api/pledges/${id}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => null)
    const json = ((await res?.json().catch(() => ({}))) ?? {}) as Record<string, unknown>
    return { ok: Boolean(res?.ok), json }
  }
  const failure = (json: Record<string, unknown>) => (typeof json.error === 'string' ? json.error : t.failed)

  const record = async () => {
    if (busy) return
    const money = typedAmount(amount)
    if (Number.isNaN(money)) return setMessage(t.amountNotNumber)
    const items = ledger.lines.map((l) => ({ item: l.item, quantity: Number(quantities[l.item] || 0) })).filter((l) => l.quantity !== 0)
    setBusy(true)
    setMessage('')
    const { ok, json } = await post('receive', { key: key.current, amount: money, items, receivedOn: receivedOn || ledger.today })
    setBusy(false)
    const receipt = json.receipt as { number?: string } | undefined
    if (!ok) return setMessage(failure(json))
    setMessage(json.created ? t.recorded(receipt?.number ?? '') : t.alreadyRecorded(receipt?.number ?? ''))
    // the next receipt is another filling of the form
    key.current = formKey()
    setAmount('')
    setQuantities({})
    await load()
    router.refresh()
  }

  const enterRecords = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return
    e.preventDefault()
    void record()
  }

  const act = async (path: 'cancel' | 'lapse' | 'thanked', confirmText: string, said: (json: Record<string, unknown>) => string) => {
    if (!window.confirm(confirmText)) return
    setBusy(true)
    setMessage('')
    const { ok, json } = await post(path)
    setBusy(false)
    setMessage(ok ? said(json) : failure(json))
    if (ok) {
      await load()
      router.refresh()
    }
  }

  const moneyRow = ledger.amount || ledger.receivedAmount
  return (
    <div className="staff-tools staff-fund" style={{ marginBlock: 0 }}>
      <StaffStyles />
      <section aria-labelledby={`${formId}-ledger`}>
        <h3 id={`${formId}-ledger`}>{t.pledgedVsReceived}</h3>
        <p>{t.status(ledger.statusLabel)}</p>
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.pledged}</th>
              <th scope="col">{t.received}</th>
            </tr>
          </thead>
          <tbody>
            {moneyRow ? (
              <tr>
                <th scope="row">{t.money}</th>
                <td>{ledger.amount ? t.vnd(ledger.amount) : '—'}</td>
                <td>{t.vnd(ledger.receivedAmount)}</td>
              </tr>
            ) : null}
            {ledger.lines.map((l) => (
              <tr key={l.item}>
                <th scope="row">{l.label}</th>
                <td>{l.quantity}</td>
                <td>{l.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {ledger.may.receive && (
        <section aria-labelledby={`${formId}-record`}>
          <h3 id={`${formId}-record`}>{t.record}</h3>
          <p className="staff-muted">{t.recordIntro}</p>
          {/* not a <form>: this panel sits inside the document's own form, and Enter must not save the pledge */}
          <div role="group" aria-labelledby={`${formId}-record`} onKeyDown={enterRecords}>
            <label className="staff-block">
              <span>{t.amount}</span>
              <input inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="500.000" />
            </label>
            {ledger.lines.map((l) => (
              <label className="staff-block" key={l.item}>
                <span>{t.quantityOf(l.label, Math.max(0, l.quantity - l.received))}</span>
                <input type="number" min={0} step={1} value={quantities[l.item] ?? ''} onChange={(e) => setQuantities({ ...quantities, [l.item]: e.target.value })} />
              </label>
            ))}
            <label className="staff-block">
              <span>{t.receivedOn}</span>
              <input type="date" max={ledger.today} value={receivedOn || ledger.today} onChange={(e) => setReceivedOn(e.target.value)} required />
            </label>
            <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => void record()}>
              {busy ? t.saving : t.save}
            </button>
          </div>
        </section>
      )}

      {(ledger.may.end || ledger.may.thank || (ledger.status === 'received' && ledger.hasEmail)) && (
        <section aria-labelledby={`${formId}-end`}>
          <h3 id={`${formId}-end`}>{t.end}</h3>
          {ledger.may.end && (
            <>
              <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} style={{ marginRight: 8 }} onClick={() => void act('cancel', t.cancelConfirm, (j) => t.ended(Number(j.freed) || 0))}>
                {t.cancel}
              </button>
              <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void act('lapse', t.lapseConfirm, (j) => t.ended(Number(j.freed) || 0))}>
                {t.lapse}
              </button>
            </>
          )}
          {ledger.may.thank && (
            <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => void act('thanked', t.thankedConfirm, () => t.thankedDone)}>
              {t.thanked}
            </button>
          )}
          {ledger.status === 'received' && ledger.hasEmail && <p className="staff-muted">{t.emailThanks}</p>}
        </section>
      )}

      {message && (
        <p role="status" aria-live="polite">
          {message}
        </p>
      )}

      <section aria-labelledby={`${formId}-receipts`}>
        <h3 id={`${formId}-receipts`}>{t.receipts}</h3>
        {ledger.receipts.length ? (
          <ul className="staff-receipts">
            {ledger.receipts.map((r) => (
              <li key={String(r.id)}>
                <strong>{r.number}</strong> · {r.receivedOn.split('-').reverse().join('/')} · {[r.amount ? t.vnd(r.amount) : '', ...r.items.map((l) => `${l.quantity} × ${l.label}`)].filter(Boolean).join(', ')} · {r.sourceLabel}{' '}
                <a href={`/api/donation-receipts/${r.id}/pdf`} download>
                  {t.pdf(r.number)}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="staff-muted">{t.noReceipts}</p>
        )}
      </section>
    </div>
  )
}
