/** The judging pages' few styles, on top of the staff tools' (one copy per page). */
const css = `
.judging-entry__layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:calc(var(--base, 20px) * 1);align-items:start}
@media (max-width:900px){.judging-entry__layout{grid-template-columns:1fr}}
.judging-picture{margin:0;background:var(--theme-elevation-50);border-radius:4px;display:flex;justify-content:center}
.judging-picture img{display:block;max-width:100%;max-height:75vh;height:auto;object-fit:contain}
.judging-facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 16px}
.judging-facts dt{font-weight:600}
.judging-facts dd{margin:0}
.judging-marks input{max-width:6em}
.judging-choice{display:inline-flex;gap:6px;align-items:center;font-size:1.1em}
.judging-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:16px;margin:0;padding:0;list-style:none}
.judging-card a{display:grid;gap:4px;text-decoration:none;color:inherit;border:1px solid var(--theme-elevation-150);border-radius:4px;padding:8px}
.judging-card img{width:100%;aspect-ratio:4/3;object-fit:contain;background:var(--theme-elevation-50)}
.judging-progress{font-size:1.15em}
.judging-tied{background:var(--theme-warning-100, #fff4d6)}
.judging-flag{display:inline-block;padding:0 6px;border-radius:3px;background:var(--theme-warning-500, #f5a524);color:#1a1a1a;font-size:.85em;font-weight:600}
.judging-thumb{width:56px;height:42px;object-fit:contain;background:var(--theme-elevation-50);vertical-align:middle}
.judging-cell details summary{cursor:pointer}
.judging-tiebreak{display:inline-flex;gap:6px;align-items:center}
.judging-tiebreak input{width:4.5em;font:inherit;padding:4px}
`

export function JudgingStyles() {
  return (
    <style href="judging-tools" precedence="default">
      {css}
    </style>
  )
}
