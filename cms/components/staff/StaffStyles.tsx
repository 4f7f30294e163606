/** The few styles the staff tools need, on top of the admin's own (one copy per page). */
const css = `
.staff-tools{display:grid;gap:var(--base, 20px);margin-block:var(--base, 20px)}
.staff-tools section{border:1px solid var(--theme-elevation-150);border-radius:4px;padding:calc(var(--base, 20px) * .75)}
.staff-tools h2,.staff-tools h3{margin-top:0}
.staff-block{display:grid;gap:4px;margin-bottom:12px}
.staff-block input,.staff-block textarea,.staff-tools select{font:inherit;padding:6px;border:1px solid var(--theme-elevation-250);border-radius:3px;background:var(--theme-input-bg, #fff);color:inherit}
.staff-tools fieldset{border:none;padding:0;margin:0 0 12px;display:flex;gap:16px;flex-wrap:wrap}
.staff-tools legend{font-weight:600;margin-bottom:4px}
.staff-muted{color:var(--theme-elevation-600)}
.staff-checkin{display:inline-flex;gap:8px;align-items:center;flex-wrap:wrap}
.staff-checkin .btn{margin:0}
.staff-checkin__done,.staff-checkin__ok{color:var(--theme-success-600, #1a7f37)}
.staff-checkin__error{color:var(--theme-error-600, #b42318)}
.staff-table{width:100%;border-collapse:collapse}
.staff-table th,.staff-table td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--theme-elevation-100);vertical-align:middle}
.staff-card dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
.staff-card dt{font-weight:600}
.staff-card dd{margin:0}
.staff-bar{display:flex;height:14px;min-width:120px;background:var(--theme-elevation-100);border-radius:3px;overflow:hidden}
.staff-bar__taken{background:var(--theme-success-500, #2f9e44)}
.staff-links{display:flex;gap:12px;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.staff-bar__pledged{background:repeating-linear-gradient(135deg,var(--theme-success-250, #a7e3b5) 0 6px,var(--theme-success-100, #d3f3da) 6px 12px)}
.staff-legend{display:flex;gap:16px;flex-wrap:wrap;margin:0 0 8px;padding:0;list-style:none}
.staff-legend li{display:inline-flex;gap:6px;align-items:center}
.staff-legend .staff-swatch{display:inline-block;width:14px;height:14px;border-radius:2px}
.staff-num{white-space:nowrap;font-variant-numeric:tabular-nums}
.staff-quick{display:flex;gap:12px;flex-wrap:wrap;align-items:baseline;margin-bottom:12px}
.staff-receipts{margin:0;padding-left:1.2em}
.staff-receipts li{margin-bottom:6px}
.staff-fund section{padding:calc(var(--base, 20px) * .5)}
.staff-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`

export function StaffStyles() {
  return (
    <style href="staff-tools" precedence="default">
      {css}
    </style>
  )
}
