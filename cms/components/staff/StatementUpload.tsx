'use client'
/**
 * Above the bank transfers list: the unmatched transfers (the officer's to-do list), and the
 * upload of a bank statement downloaded from internet banking (XLSX or CSV, ≤ 5 MB).
 * Uploading first shows what would happen to each money-in line — new and recorded for pledge
 * X, new and waiting for an officer (why), or recorded before — and the lines skipped (balances,
 * totals, money out), recording nothing: POST /api/bank-transfers/statement?mode=preview. Then
 * "Import" sends the same file with mode=import, which records every line once (a statement
 * uploaded again, or one overlapping the last, records nothing twice).
 */
import { useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { StaffStyles } from './StaffStyles'
import { uiLang } from './text'

type Row = {
  line: number
  bookedAt: string
  amount: number
  note: string
  outcome: 'recorded-before' | 'new-matched' | 'new-unmatched'
  pledgeReference: string | null
  reason: string | null
  result?: { status: string; receiptNumber: string | null; duplicate: boolean }
}
type Report = {
  mode: 'preview' | 'import'
  rows: Row[]
  skipped: { row: number | null; line: number | null; reason: string }[]
  totals: { rows: number; recordedBefore: number; matched: number; unmatched: number; matchedAmount: number }
}

const REASONS = {
  vi: {
    'no-reference': 'không có mã ủng hộ',
    'unknown-reference': 'mã không có trong hệ thống',
    ambiguous: 'có mã của nhiều cam kết',
    'pledge-ended': 'cam kết đã huỷ / hết hạn',
    'account-mismatch': 'khác tài khoản của đợt vận động',
    'amount-invalid': 'số tiền không ghi nhận được',
  },
  en: {
    'no-reference': 'no pledge reference',
    'unknown-reference': 'unknown reference',
    ambiguous: 'references of several pledges',
    'pledge-ended': 'pledge cancelled / lapsed',
    'account-mismatch': "not the drive's account",
    'amount-invalid': 'amount cannot be recorded',
  },
} as const

const TEXT = {
  vi: {
    unmatched: 'Giao dịch chưa khớp (cần ghi nhận thủ công)',
    all: 'Tất cả giao dịch',
    title: 'Nhập sao kê ngân hàng',
    intro: 'Chọn tệp sao kê (XLSX hoặc CSV, tối đa 5 MB) tải từ ngân hàng điện tử. Xem trước không ghi nhận gì; giao dịch đã nhập trước đó không bị ghi trùng.',
    file: 'Tệp sao kê',
    preview: 'Xem trước',
    import: (n: number) => `Ghi nhận ${n} giao dịch mới`,
    working: 'Đang xử lý…',
    line: 'Dòng',
    date: 'Ngày',
    amount: 'Số tiền',
    note: 'Nội dung',
    outcome: 'Kết quả',
    matched: (ref: string) => `Mới: ghi nhận cho ${ref}`,
    unmatchedRow: (why: string) => `Mới: chưa khớp (${why})`,
    before: 'Đã ghi nhận trước đó',
    receipt: (n: string) => `biên nhận ${n}`,
    totals: (t: Report['totals']) => `${t.rows} giao dịch tiền vào: ${t.matched} khớp cam kết (${t.matchedAmount.toLocaleString('vi-VN')} đ), ${t.unmatched} chưa khớp, ${t.recordedBefore} đã ghi nhận trước đó.`,
    imported: 'Đã nhập sao kê.',
    skipped: (n: number) => `${n} dòng bỏ qua`,
    failed: 'Không thực hiện được. Thử lại.',
  },
  en: {
    unmatched: 'Unmatched transfers (to record by hand)',
    all: 'All transfers',
    title: 'Import a bank statement',
    intro: 'Choose a statement file (XLSX or CSV, 5 MB at most) downloaded from internet banking. The preview records nothing; lines imported before are never recorded twice.',
    file: 'Statement file',
    preview: 'Preview',
    import: (n: number) => `Record ${n} new transfers`,
    working: 'Working…',
    line: 'Line',
    date: 'Date',
    amount: 'Amount',
    note: 'Note',
    outcome: 'Outcome',
    matched: (ref: string) => `New: recorded for ${ref}`,
    unmatchedRow: (why: string) => `New: unmatched (${why})`,
    before: 'Recorded before',
    receipt: (n: string) => `receipt ${n}`,
    totals: (t: Report['totals']) => `${t.rows} money-in lines: ${t.matched} matched to pledges (${t.matchedAmount.toLocaleString('en-GB')} đ), ${t.unmatched} unmatched, ${t.recordedBefore} recorded before.`,
    imported: 'Statement imported.',
    skipped: (n: number) => `${n} lines skipped`,
    failed: 'That did not work. Try again.',
  },
}

const day = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' })

export function StatementUpload() {
  const { i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const t = TEXT[lang]
  const router = useRouter()
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  const send = async (mode: 'preview' | 'import') => {
    if (!file) return
    setBusy(true)
    setMessage('')
    const form = new FormData()
    form.append('file', file)
    const res = await fetch(`/api/bank-transfers/statement?mode=${mode}`, { method: 'POST', credentials: 'same-origin', body: form }).catch(() => null)
    const body = ((await res?.json().catch(() => null)) ?? null) as (Report & { error?: string }) | null
    setBusy(false)
    if (!res?.ok || !body) {
      setReport(null)
      setMessage(typeof body?.error === 'string' ? body.error : t.failed)
      return
    }
    setReport(body)
    if (mode === 'import') {
      setMessage(t.imported)
      router.refresh()
    }
  }

  const outcome = (r: Row) => {
    const why = r.reason && r.reason in REASONS[lang] ? REASONS[lang][r.reason as keyof (typeof REASONS)['vi']] : (r.reason ?? '')
    const kind = r.result ? (r.result.duplicate ? 'recorded-before' : r.result.status === 'matched' ? 'new-matched' : 'new-unmatched') : r.outcome
    const text = kind === 'recorded-before' ? t.before : kind === 'new-matched' ? t.matched(r.pledgeReference ?? '') : t.unmatchedRow(why)
    return r.result?.receiptNumber && kind === 'new-matched' ? `${text}, ${t.receipt(r.result.receiptNumber)}` : text
  }
  const fresh = report ? report.totals.matched + report.totals.unmatched : 0

  return (
    <div className="staff-tools">
      <StaffStyles />
      <ul className="staff-links">
        <li>
          <a href="/admin/collections/bank-transfers?where[status][equals]=unmatched">{t.unmatched} →</a>
        </li>
        <li>
          <a href="/admin/collections/bank-transfers">{t.all}</a>
        </li>
      </ul>
      <section>
        <h3>{t.title}</h3>
        <p className="staff-muted">{t.intro}</p>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <label className="staff-block">
            <span>{t.file}</span>
            <input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setReport(null)
                setMessage('')
              }}
            />
          </label>
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={!file || busy} onClick={() => void send('preview')} style={{ margin: 0 }}>
            {busy ? t.working : t.preview}
          </button>
          {report?.mode === 'preview' && fresh > 0 && (
            <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => void send('import')} style={{ margin: 0 }}>
              {t.import(fresh)}
            </button>
          )}
        </div>
        {message && <p role="status">{message}</p>}
        {report && (
          <>
            <p>{t.totals(report.totals)}</p>
            <div style={{ overflowX: 'auto' }}>
              <table className="staff-table">
                <thead>
                  <tr>
                    <th>{t.line}</th>
                    <th>{t.date}</th>
                    <th style={{ textAlign: 'right' }}>{t.amount}</th>
                    <th>{t.note}</th>
                    <th>{t.outcome}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{day(r.bookedAt)}</td>
                      <td style={{ textAlign: 'right' }}>{r.amount.toLocaleString('vi-VN')}</td>
                      <td>{r.note}</td>
                      <td>{outcome(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {report.skipped.length > 0 && (
              <details>
                <summary>{t.skipped(report.skipped.length)}</summary>
                <ul>
                  {report.skipped.map((s, i) => (
                    <li key={i}>
                      {s.row !== null ? `${t.line} ${s.row}: ` : s.line !== null ? `#${s.line}: ` : ''}
                      {s.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </section>
    </div>
  )
}
