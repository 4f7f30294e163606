'use client'
/**
 * The `item` of a hand-over, chosen among the item targets of the drive picked above (the value
 * stored is the item row's id; the server checks it belongs to the drive whatever is sent).
 */
import { FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

type Item = { id: string; label: string }

export const DriveItemField: TextFieldClientComponent = ({ path, field }) => {
  const { value, setValue } = useField<string>({ path })
  const drive = useFormFields(([fields]) => fields.drive?.value)
  const driveId = typeof drive === 'number' || typeof drive === 'string' ? String(drive) : ''
  const [items, setItems] = useState<Item[]>([])

  useEffect(() => {
    if (!driveId) return setItems([])
    let live = true
    fetch(`/api/drives/${encodeURIComponent(driveId)}?depth=0`, { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<{ items?: { id?: string | null; label?: string | null }[] }>) : { items: [] }))
      .then((doc) => {
        if (live) setItems((doc.items ?? []).flatMap((i) => (i.id ? [{ id: i.id, label: i.label ?? i.id }] : [])))
      })
      .catch(() => live && setItems([]))
    return () => {
      live = false
    }
  }, [driveId])

  const id = `field-${path.replace(/\./g, '__')}`
  return (
    <div className="field-type text">
      <FieldLabel htmlFor={id} label={field.label} required={field.required} path={path} />
      <select id={id} value={value ?? ''} onChange={(e) => setValue(e.target.value)} style={{ width: '100%', padding: 8 }}>
        <option value="">—</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
        {value && !items.some((i) => i.id === value) && <option value={value}>{value}</option>}
      </select>
    </div>
  )
}
