'use client'
/**
 * The import of a commune's aid list (POST /api/aid-recipients/import): choose the commune,
 * paste the list or choose a CSV / Excel file, preview (nothing is recorded), then import. The
 * answer is shown line by line: created, already on the list, twice in the file, or why not.
 */
import { useState } from 'react'
import type { UiLang } from './text'

const TEXT = {
  vi: {
    title: 'Nhập danh sách của xã',
    intro: 'Dán danh sách (Họ và tên, Năm sinh, Hoàn cảnh, Người giám hộ, Điện thoại, Ghi chú) hoặc chọn tệp CSV / Excel. Xem trước không ghi gì; trẻ đã có trong danh sách không được tạo lại.',
    commune: 'Xã / phường',
    paste: 'Dán danh sách',
    file: 'Hoặc chọn tệp (CSV, XLSX)',
    preview: 'Xem trước',
    import: 'Nhập',
    working: 'Đang xử lý…',
    failed: 'Không thực hiện được. Thử lại.',
    line: 'Dòng',
    child: 'Trẻ',
    result: 'Kết quả',
    status: { new: 'Sẽ tạo', created: 'Đã tạo', duplicate: 'Đã có', repeated: 'Trùng trong tệp', invalid: 'Lỗi' },
    summary: (c: Counts) => `Tạo ${c.created}, sẽ tạo ${c.new}, đã có ${c.duplicate}, trùng trong tệp ${c.repeated}, lỗi ${c.invalid}.`,
  },
  en: {
    title: "Import a commune's list",
    intro: 'Paste the list (full name, birth year, circumstances, guardian, phone, note) or choose a CSV / Excel file. A preview records nothing; children already listed are not created again.',
    commune: 'Commune',
    paste: 'Paste the list',
    file: 'Or choose a file (CSV, XLSX)',
    preview: 'Preview',
    import: 'Import',
    working: 'Working…',
    failed: 'It did not work. Try again.',
    line: 'Line',
    child: 'Child',
    result: 'Result',
    status: { new: 'To create', created: 'Created', duplicate: 'Already listed', repeated: 'Twice in the file', invalid: 'Error' },
    summary: (c: Counts) => `Created ${c.created}, to create ${c.new}, already listed ${c.duplicate}, twice in the file ${c.repeated}, errors ${c.invalid}.`,
  },
} as const

type Status = 'new' | 'created' | 'duplicate' | 'repeated' | 'invalid'
type Counts = Record<Status, number>
type Answer = { counts: Counts; lines: { line: number; status: Status; familyName?: string; givenName?: string; birthYear?: number; messages: string[] }[] }

export function AidListImport({ lang, communes }: { lang: UiLang; communes: { id: number | string; name: string }[] }) {
  const t = TEXT[lang]
  const [area, setArea] = useState(String(communes[0]?.id ?? ''))
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [state, setState] = useState<{ busy: boolean; error: string; answer: Answer | null }>({ busy: false, error: '', answer: null })

  const send = async (mode: 'preview' | 'import') => {
    setState({ busy: true, error: '', answer: null })
    const query = `?area=${encodeURIComponent(area)}&mode=${mode}&lang=${lang}`
    let body: BodyInit
    const headers: Record<string, string> = {}
    if (file) {
      const form = new FormData()
      form.set('file', file)
      body = form
    } else {
      body = JSON.stringify({ text })
      headers['content-type'] = 'application/json'
    }
    try {
      const res = await fetch(`/api/aid-recipients/import${query}`, { method: 'POST', credentials: 'same-origin', headers, body })
      const json = (await res.json().catch(() => ({}))) as Partial<Answer> & { error?: string }
      if (!res.ok || !json.lines || !json.counts) setState({ busy: false, error: json.error ?? t.failed, answer: null })
      else setState({ busy: false, error: '', answer: { lines: json.lines, counts: json.counts } })
    } catch {
      setState({ busy: false, error: t.failed, answer: null })
    }
  }

  return (
    <section className="staff-tools" aria-labelledby="aid-import">
      <h3 id="aid-import">{t.title}</h3>
      <p className="staff-muted">{t.intro}</p>
      <label className="staff-block">
        {t.commune}
        <select value={area} onChange={(e) => setArea(e.target.value)}>
          {communes.map((c) => (
            <option key={String(c.id)} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="staff-block">
        {t.paste}
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} disabled={file !== null} />
      </label>
      <label className="staff-block">
        {t.file}
        <input type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <p style={{ display: 'flex', gap: 8 }}>
        <button type="button" className="btn btn--style-secondary btn--size-small" disabled={state.busy || !area} onClick={() => send('preview')}>
          {t.preview}
        </button>
        <button type="button" className="btn btn--style-primary btn--size-small" disabled={state.busy || !area} onClick={() => send('import')}>
          {t.import}
        </button>
      </p>
      <p role="status" aria-live="polite" className={state.error ? 'staff-checkin__error' : 'staff-muted'}>
        {state.busy ? t.working : state.error || (state.answer ? t.summary(state.answer.counts) : '')}
      </p>
      {state.answer && state.answer.lines.length > 0 && (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.child}</th>
              <th scope="col">{t.result}</th>
            </tr>
          </thead>
          <tbody>
            {state.answer.lines.map((l) => (
              <tr key={l.line}>
                <td>{l.line}</td>
                <td>{[l.familyName, l.givenName].filter(Boolean).join(' ')}{l.birthYear ? ` (${l.birthYear})` : ''}</td>
                <td>
                  {t.status[l.status]}
                  {l.messages.length > 0 && <span className="staff-muted"> — {l.messages.join(' ')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
