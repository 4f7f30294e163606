/**
 * The sign-up form. Rendered on the server as a plain HTML form that posts to the `signUp`
 * Astro Action, so it works without JavaScript (a few blank child rows and a class-list box).
 * Once hydrated it adds: rows added and removed at will, a pasted or uploaded class list read
 * into the table at once, and a light check before sending (empty fields, no contact, no
 * consent: site/lib/signup-values.ts). The judge is the server: the Action checks everything
 * with the shared schema whatever happened here, and the page shows its answer. The browser
 * gets neither zod nor libphonenumber-js; the class-list reader (papaparse) is loaded only when
 * a list is read.
 */
import { useEffect, useId, useState, type ChangeEvent, type SubmitEvent } from 'react'
import type { SignUpMessageKey } from '../lib/cms/schemas'
import { emptyChild, isBlankChild, quickCheck, type FormValues } from '../lib/signup-values'
import type { SignUpFormUI } from '../i18n/signup'
import { fill } from '../i18n/ui'

export type SignUpEventInfo = {
  id: string
  /** Who the contact person is to the child: value and label in the page's language. */
  relationships: { value: string; label: string }[]
  priorityGroups: { value: string; label: string }[]
  areas: { id: string; name: string }[]
  consent: { version: string; guardian: string; childAssent: string; photo: string | null }
}

type Props = {
  /** The form's text and the schema's messages, in the page's language (signUpFormUI, signUpMessages). */
  text: SignUpFormUI
  messages: Record<SignUpMessageKey, string>
  action: string
  event: SignUpEventInfo
  formToken: string
  idempotencyKey: string
  values: FormValues | null
  errors: Record<string, string>
  notice: string | null
  classListProblems: { line: number; text: string }[]
}

const BLANK_ROWS = 3

export default function SignUpForm(props: Props) {
  const t = props.text
  const uid = useId()
  const [hydrated, setHydrated] = useState(false)
  const [values, setValues] = useState<FormValues>(() => {
    const v = props.values ?? { guardian: {}, children: [] }
    const rows = v.children.length ? [...v.children, emptyChild()] : Array.from({ length: BLANK_ROWS }, emptyChild)
    return { ...v, submittedBy: v.submittedBy ?? 'guardian', children: rows }
  })
  const [errors, setErrors] = useState<Record<string, string>>(props.errors)
  const [listText, setListText] = useState('')
  const [listNote, setListNote] = useState<string[]>(props.classListProblems.map((p) => fill(t.classListProblem, { line: p.line, text: p.text })))
  const school = values.submittedBy === 'school'

  // Effects run only in the browser: from here on the form is enhanced.
  useEffect(() => setHydrated(true), [])

  const set = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }))
  const setGuardian = (field: string) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, guardian: { ...v.guardian, [field]: e.target.value } }))
  const setChild = (i: number, field: string) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.target instanceof HTMLInputElement && e.target.type === 'checkbox' ? (e.target.checked ? 'on' : '') : e.target.value
    setValues((v) => ({ ...v, children: v.children.map((c, j) => (j === i ? { ...c, [field]: value } : c)) }))
  }
  const addChild = () => setValues((v) => ({ ...v, children: [...v.children, emptyChild()] }))
  const removeChild = (i: number) => setValues((v) => ({ ...v, children: v.children.filter((_, j) => j !== i) }))

  const readList = async (text: string) => {
    const { parseClassList } = await import('../lib/class-list')
    const result = parseClassList(text)
    setValues((v) => {
      const typed = v.children.filter((c) => !isBlankChild(c))
      return { ...v, submittedBy: 'school', children: [...typed, ...result.rows.map((r) => ({ ...emptyChild(), ...r })), emptyChild()] }
    })
    setListText('')
    setListNote([fill(t.classListAdded, { n: result.rows.length }), ...result.problems.map((p) => fill(t.classListProblem, { line: p.line, text: p.text }))])
  }
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    if (!file) return
    await readList(await file.text())
    e.target.value = ''
  }

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    const found = Object.entries(quickCheck(values))
    if (!found.length) return // sent as a plain form; the server judges and the page shows its answer
    e.preventDefault()
    setErrors(Object.fromEntries(found.map(([path, key]) => [path, props.messages[key]])))
    requestAnimationFrame(() => document.getElementById(`${uid}-errors`)?.focus())
  }

  /** What the error summary calls a field: "Trẻ 2: Ngày sinh", "Số điện thoại". */
  const fieldName = (path: string): string => {
    const labels: Record<string, string> = {
      'guardian.name': t.guardianName,
      'guardian.relationship': t.relationship,
      'guardian.phone': t.phone,
      'guardian.email': t.email,
      guardianConsent: t.consentTitle,
      children: t.childrenTitle,
      familyName: t.familyName,
      givenName: t.givenName,
      birthDate: t.birthDate,
      school: t.schoolName,
      grade: t.grade,
      area: t.childArea,
      assent: t.assentTitle,
    }
    const m = /^children\.(\d+)\.(\w+)$/.exec(path)
    if (m) return `${fill(t.child, { n: Number(m[1]) + 1 })}: ${labels[m[2] ?? ''] ?? ''}`
    return labels[path] ?? ''
  }
  const err = (path: string) => errors[path]
  const fieldId = (path: string) => `${uid}-${path.replace(/\./g, '-')}`
  const described = (path: string) => (err(path) ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(path)}-error` } : {})
  const errorText = (path: string) => (err(path) ? <span className="field-error" id={`${fieldId(path)}-error`}>{err(path)}</span> : null)
  const errorList = Object.entries(errors)

  return (
    <form method="post" action={props.action} encType="multipart/form-data" className="signup-form" onSubmit={hydrated ? onSubmit : undefined} noValidate={hydrated}>
      <input type="hidden" name="eventId" value={props.event.id} />
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? props.idempotencyKey} />
      <input type="hidden" name="formToken" value={props.formToken} />
      <div className="hp" aria-hidden="true">
        <label>
          Website <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      {props.notice && (
        <p className="form-notice" role="alert">
          {props.notice}
        </p>
      )}
      {errorList.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} id={`${uid}-errors`}>
          <p>
            <strong>{t.errorsTitle}</strong> {fill(t.fieldErrors, { n: errorList.length })}
          </p>
          <ul>
            {errorList.map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>
                  {fieldName(path) ? `${fieldName(path)}: ` : ''}
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset>
        <legend>{t.whoTitle}</legend>
        <label className="choice">
          <input type="radio" name="submittedBy" value="guardian" checked={!school} onChange={() => set({ submittedBy: 'guardian' })} /> {t.asGuardian}
        </label>
        <label className="choice">
          <input type="radio" name="submittedBy" value="school" checked={school} onChange={() => set({ submittedBy: 'school' })} /> {t.asSchool}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t.guardianTitle}</legend>
        <div className="field">
          <label htmlFor={fieldId('guardian.name')}>{t.guardianName}</label>
          <input id={fieldId('guardian.name')} name="guardian.name" autoComplete="name" required maxLength={80} value={values.guardian.name ?? ''} onChange={setGuardian('name')} {...described('guardian.name')} />
          {errorText('guardian.name')}
        </div>
        {(!hydrated || !school) && (
          <div className="field">
            <label htmlFor={fieldId('guardian.relationship')}>{t.relationship}</label>
            <select id={fieldId('guardian.relationship')} name="guardian.relationship" value={values.guardian.relationship ?? ''} onChange={setGuardian('relationship')} {...described('guardian.relationship')}>
              <option value="">{t.choose}</option>
              {props.event.relationships.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {errorText('guardian.relationship')}
          </div>
        )}
        <div className="field">
          <label htmlFor={fieldId('guardian.phone')}>{t.phone}</label>
          <input id={fieldId('guardian.phone')} name="guardian.phone" type="tel" autoComplete="tel" inputMode="tel" maxLength={20} value={values.guardian.phone ?? ''} onChange={setGuardian('phone')} {...described('guardian.phone')} />
          {errorText('guardian.phone')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('guardian.email')}>{t.email}</label>
          <input id={fieldId('guardian.email')} name="guardian.email" type="email" autoComplete="email" maxLength={254} value={values.guardian.email ?? ''} onChange={setGuardian('email')} {...described('guardian.email')} />
          {errorText('guardian.email')}
        </div>
        <p className="hint">{t.contactHint}</p>
        {(!hydrated || school) && (
          <div className="field">
            <label htmlFor={fieldId('schoolName')}>{t.schoolName}</label>
            <input id={fieldId('schoolName')} name="schoolName" maxLength={120} value={values.schoolName ?? ''} onChange={(e) => set({ schoolName: e.target.value })} />
          </div>
        )}
        {props.event.areas.length > 0 && (
          <div className="field">
            <label htmlFor={fieldId('childArea')}>{t.childArea}</label>
            <select id={fieldId('childArea')} name="childArea" value={values.childArea ?? ''} onChange={(e) => set({ childArea: e.target.value })} {...described('children.0.area')}>
              <option value="">{t.choose}</option>
              {props.event.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.childrenTitle}</legend>
        {!hydrated && <p className="hint">{t.blankRowsHint}</p>}
        {errorText('children')}
        <ol className="child-rows">
          {values.children.map((c, i) => {
            const p = (f: string) => `children.${i}.${f}`
            return (
              <li key={i} className="child-row">
                <fieldset>
                  <legend>{fill(t.child, { n: i + 1 })}</legend>
                  <div className="field">
                    <label htmlFor={fieldId(p('familyName'))}>{t.familyName}</label>
                    <input id={fieldId(p('familyName'))} name={p('familyName')} maxLength={60} value={c.familyName ?? ''} onChange={setChild(i, 'familyName')} {...described(p('familyName'))} />
                    {errorText(p('familyName'))}
                  </div>
                  <div className="field">
                    <label htmlFor={fieldId(p('givenName'))}>{t.givenName}</label>
                    <input id={fieldId(p('givenName'))} name={p('givenName')} maxLength={40} value={c.givenName ?? ''} onChange={setChild(i, 'givenName')} {...described(p('givenName'))} />
                    {errorText(p('givenName'))}
                  </div>
                  <div className="field">
                    <label htmlFor={fieldId(p('birthDate'))}>{t.birthDate}</label>
                    <input id={fieldId(p('birthDate'))} name={p('birthDate')} type="date" value={c.birthDate ?? ''} onChange={setChild(i, 'birthDate')} {...described(p('birthDate'))} />
                    {errorText(p('birthDate'))}
                  </div>
                  <div className="field">
                    <label htmlFor={fieldId(p('grade'))}>{t.grade}</label>
                    <input id={fieldId(p('grade'))} name={p('grade')} maxLength={20} value={c.grade ?? ''} onChange={setChild(i, 'grade')} />
                  </div>
                  {props.event.priorityGroups.length > 0 && (
                    <div className="field">
                      <label htmlFor={fieldId(p('priorityGroup'))}>{t.priorityGroup}</label>
                      <select id={fieldId(p('priorityGroup'))} name={p('priorityGroup')} value={c.priorityGroup ?? ''} onChange={setChild(i, 'priorityGroup')}>
                        <option value="">{t.none}</option>
                        {props.event.priorityGroups.map((g) => (
                          <option key={g.value} value={g.value}>
                            {g.label}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  {(!hydrated || !school) && (
                    <label className="choice">
                      <input type="checkbox" name={p('assent')} checked={c.assent === 'on'} onChange={setChild(i, 'assent')} /> {t.assent}
                    </label>
                  )}
                  {props.event.consent.photo && (
                    <label className="choice">
                      <input type="checkbox" name={p('photoConsent')} checked={c.photoConsent === 'on'} onChange={setChild(i, 'photoConsent')} /> {t.photo}
                    </label>
                  )}
                  {hydrated && values.children.length > 1 && (
                    <button type="button" className="link-button" onClick={() => removeChild(i)}>
                      {fill(t.removeChild, { n: i + 1 })}
                    </button>
                  )}
                </fieldset>
              </li>
            )
          })}
        </ol>
        {hydrated && (
          <button type="button" className="button secondary" onClick={addChild}>
            {t.addChild}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.classListTitle}</legend>
        <p className="hint">{t.classListHint}</p>
        <div className="field">
          <label htmlFor={fieldId('classList')}>{t.classList}</label>
          <textarea id={fieldId('classList')} name={hydrated ? undefined : 'classList'} rows={4} value={listText} onChange={(e) => setListText(e.target.value)} />
        </div>
        {hydrated && (
          <button type="button" className="button secondary" onClick={() => void readList(listText)} disabled={!listText.trim()}>
            {t.readClassList}
          </button>
        )}
        <div className="field">
          <label htmlFor={fieldId('classListFile')}>{t.classListFile}</label>
          <input id={fieldId('classListFile')} name={hydrated ? undefined : 'classListFile'} type="file" accept=".csv,text/csv,text/plain" onChange={hydrated ? onFile : undefined} />
        </div>
        {listNote.length > 0 && (
          <ul className="hint" aria-live="polite">
            {listNote.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.consentTitle}</legend>
        <div className="consent-text">
          <p>{props.event.consent.guardian}</p>
          <p>
            <strong>{t.assentTitle}:</strong> {props.event.consent.childAssent}
          </p>
          {props.event.consent.photo && (
            <p>
              <strong>{t.photoTitle}:</strong> {props.event.consent.photo}
            </p>
          )}
          <p className="hint">{fill(t.wordingVersion, { v: props.event.consent.version })}</p>
        </div>
        {(!hydrated || school) && (
          <label className="choice">
            <input type="checkbox" name="assentAll" checked={values.assentAll === 'on'} onChange={(e) => set({ assentAll: e.target.checked ? 'on' : '' })} /> {t.assentAll}
          </label>
        )}
        <label className="choice">
          <input
            type="checkbox"
            name="guardianConsent"
            id={fieldId('guardianConsent')}
            checked={values.guardianConsent === 'on'}
            onChange={(e) => set({ guardianConsent: e.target.checked ? 'on' : '' })}
            {...described('guardianConsent')}
          />{' '}
          {t.guardianConsent}
        </label>
        {errorText('guardianConsent')}
        <p className="hint">{t.privacy}</p>
      </fieldset>

      <button type="submit" className="button">
        {t.submit}
      </button>
    </form>
  )
}
