/**
 * The frame every email shares: Vietnamese first, English below, hotline 111 in the footer.
 * Content passed in is already-escaped HTML; use `escapeHtml` for anything a person typed.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
}

export function emailLayout(parts: { vi: string; en: string }): string {
  return `<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2937;max-width:600px;margin:auto">
<div lang="vi">${parts.vi}</div>
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
<div lang="en">${parts.en}</div>
<p style="font-size:13px;color:#6b7280;margin-top:32px">Tổng đài quốc gia bảo vệ trẻ em <strong>111</strong> — miễn phí, 24/7.<br>National child protection hotline <strong>111</strong> — free, 24/7.</p>
</body></html>`
}
