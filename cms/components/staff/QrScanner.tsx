'use client'
/**
 * In-page QR scanning with the browser's BarcodeDetector, where there is one (Chrome on Android,
 * for instance). The phone's camera app opening the emailed address is the main path; this only
 * saves a step at a gate with one device. Only check-in addresses of this site are followed.
 */
import { useEffect, useRef, useState } from 'react'
import { STAFF_TEXT, type UiLang } from './text'

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> }
type DetectorClass = new (options: { formats: string[] }) => Detector

function detectorClass(): DetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector
  return typeof candidate === 'function' ? candidate : null
}

/** The reference in a scanned check-in address of this origin, or null. */
function referenceIn(text: string): string | null {
  try {
    const url = new URL(text, window.location.origin)
    if (url.origin !== window.location.origin || !url.pathname.endsWith('/admin/check-in')) return null
    return url.searchParams.get('ref')
  } catch {
    return null
  }
}

export function QrScanner({ lang }: { lang: UiLang }) {
  const t = STAFF_TEXT[lang]
  const [available, setAvailable] = useState(false)
  const [running, setRunning] = useState(false)
  const video = useRef<HTMLVideoElement>(null)

  useEffect(() => setAvailable(detectorClass() !== null && Boolean(navigator.mediaDevices?.getUserMedia)), [])

  useEffect(() => {
    const Detector = detectorClass()
    if (!running || !Detector || !video.current) return
    const element = video.current
    const detector = new Detector({ formats: ['qr_code'] })
    let stream: MediaStream | null = null
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      if (stopped) return
      const codes = await detector.detect(element).catch(() => [])
      const ref = codes.map((c) => referenceIn(c.rawValue)).find(Boolean)
      if (ref) {
        window.location.assign(`${window.location.pathname}?ref=${encodeURIComponent(ref)}`)
        return
      }
      timer = setTimeout(tick, 250)
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s
        element.srcObject = s
        await element.play()
        void tick()
      })
      .catch(() => setRunning(false))
    return () => {
      stopped = true
      clearTimeout(timer)
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [running])

  if (!available) return null
  return (
    <div className="staff-scanner">
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => setRunning((r) => !r)} aria-pressed={running}>
        {running ? t.scanStop : t.scan}
      </button>
      {running ? (
        <>
          <p role="status">{t.scanning}</p>
          <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 360 }} />
        </>
      ) : null}
    </div>
  )
}
