/**
 * The emails a donor gets: the pledge confirmation (the reference, how to pay — account, exact
 * amount, the reference as the transfer note, a VietQR code to scan — and where to bring items),
 * and the thank-you with a numbered PDF receipt when the fund receives the gift.
 * Vietnamese first, English below (the donor's language first in the subject).
 */
import type { EmailAttachment, OutgoingEmail } from '../services/email/outbox'
import type { PaymentInstructions } from '../services/pledges'
import { vietQrPng } from '../services/vietqr'
import { emailLayout, escapeHtml } from './layout'

type Lang = 'vi' | 'en'
type Both = Record<Lang, string>

const NUMBER: Record<Lang, Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') }
const vnd = (n: number, lang: Lang) => `${NUMBER[lang].format(n)} ₫`

const T = {
  vi: {
    hello: (name: string) => `Kính gửi ${name},`,
    thanksPledge: (drive: string) => `Cảm ơn bạn đã cam kết ủng hộ đợt vận động <strong>${drive}</strong>.`,
    reference: 'Mã ủng hộ',
    pay: 'Chuyển khoản',
    scan: 'Quét mã VietQR bằng ứng dụng ngân hàng: tài khoản, số tiền và nội dung được điền sẵn.',
    bank: 'Ngân hàng',
    account: 'Số tài khoản',
    holder: 'Chủ tài khoản',
    amount: 'Số tiền',
    note: 'Nội dung chuyển khoản',
    noteHint: 'Xin ghi đúng mã ủng hộ vào nội dung chuyển khoản để Quỹ ghi nhận khoản ủng hộ của bạn.',
    items: 'Hiện vật',
    bring: 'Nơi và thời gian nhận hiện vật',
    call: 'Cán bộ Quỹ sẽ gọi điện hẹn thời gian, địa điểm nhận hiện vật.',
    later: 'Khi Quỹ nhận được, bạn sẽ nhận thư cảm ơn kèm biên nhận có số.',
    thanksTitle: 'Quỹ đã nhận khoản ủng hộ của bạn',
    thanks: (drive: string) => `Quỹ trân trọng cảm ơn tấm lòng của bạn dành cho đợt vận động <strong>${drive}</strong>. Biên nhận số kèm theo thư này.`,
    received: 'Đã nhận',
    receipt: 'Biên nhận số',
  },
  en: {
    hello: (name: string) => `Dear ${name},`,
    thanksPledge: (drive: string) => `Thank you for your pledge to <strong>${drive}</strong>.`,
    reference: 'Pledge reference',
    pay: 'Bank transfer',
    scan: 'Scan the VietQR code with your banking app: account, amount and note are filled in.',
    bank: 'Bank',
    account: 'Account number',
    holder: 'Account holder',
    amount: 'Amount',
    note: 'Transfer note',
    noteHint: 'Please write the pledge reference as the transfer note, so the fund records your gift.',
    items: 'Items',
    bring: 'Where and when to bring items',
    call: 'A fund officer will call you to arrange when and where to hand over the items.',
    later: 'When the fund receives your gift, you will get a thank-you email with a numbered receipt.',
    thanksTitle: 'The fund has received your gift',
    thanks: (drive: string) => `The fund thanks you warmly for your gift to <strong>${drive}</strong>. Your numbered receipt is attached.`,
    received: 'Received',
    receipt: 'Receipt number',
  },
} as const

export type PledgeNotice = {
  to: string
  language: Lang
  donorName: string
  reference: string
  drive: { title: Both; dropOff: Both | null }
  payment: PaymentInstructions | null
  items: { label: Both; quantity: number }[]
  dedupeKey: string
}

const order = (first: Lang): [Lang, Lang] => (first === 'en' ? ['en', 'vi'] : ['vi', 'en'])

export function pledgeConfirmation(n: PledgeNotice): OutgoingEmail {
  const qrCid = `vietqr-${n.reference}@pledge`
  const body = (lang: Lang) => {
    const t = T[lang]
    const pay = n.payment
      ? `<h3>${t.pay}</h3><p><img src="cid:${qrCid}" width="200" height="200" alt="VietQR ${escapeHtml(n.reference)}"><br><small>${t.scan}</small></p>
<table cellpadding="4" style="border-collapse:collapse">
<tr><td>${t.bank}</td><td>${escapeHtml(n.payment.bankName)}</td></tr>
<tr><td>${t.account}</td><td><strong>${escapeHtml(n.payment.accountNumber)}</strong></td></tr>
${n.payment.accountName ? `<tr><td>${t.holder}</td><td>${escapeHtml(n.payment.accountName)}</td></tr>` : ''}
<tr><td>${t.amount}</td><td><strong>${vnd(n.payment.amount ?? 0, lang)}</strong></td></tr>
<tr><td>${t.note}</td><td><strong>${escapeHtml(n.payment.note)}</strong></td></tr></table><p>${t.noteHint}</p>`
      : ''
    const items = n.items.length
      ? `<h3>${t.items}</h3><ul>${n.items.map((i) => `<li>${NUMBER[lang].format(i.quantity)} × ${escapeHtml(i.label[lang])}</li>`).join('')}</ul>${
          n.drive.dropOff?.[lang] ? `<p><strong>${t.bring}:</strong> ${escapeHtml(n.drive.dropOff[lang])}</p>` : `<p>${t.call}</p>`
        }`
      : ''
    return `<p>${escapeHtml(t.hello(n.donorName))}</p><p>${t.thanksPledge(escapeHtml(n.drive.title[lang]))}</p>
<p>${t.reference}: <strong style="font-size:20px;letter-spacing:1px">${escapeHtml(n.reference)}</strong></p>${pay}${items}<p>${t.later}</p>`
  }
  const text = order(n.language)
    .map((lang) => {
      const t = T[lang]
      const lines = [t.hello(n.donorName), '', `${t.reference}: ${n.reference}`]
      if (n.payment) lines.push(`${t.bank}: ${n.payment.bankName}`, `${t.account}: ${n.payment.accountNumber}`, `${t.amount}: ${vnd(n.payment.amount ?? 0, lang)}`, `${t.note}: ${n.payment.note}`)
      for (const i of n.items) lines.push(`- ${i.quantity} × ${i.label[lang]}`)
      return lines.join('\n')
    })
    .join('\n\n----\n\n')
  const attachments: EmailAttachment[] = n.payment ? [{ filename: `vietqr-${n.reference}.png`, contentType: 'image/png', cid: qrCid, content: vietQrPng(n.payment.qrPayload, 5).toString('base64') }] : []
  const subject = n.language === 'en' ? `Your pledge ${n.reference} / Cam kết ủng hộ: ${n.drive.title.en}` : `Cam kết ủng hộ ${n.reference} / Your pledge: ${n.drive.title.vi}`
  return { to: n.to, subject, dedupeKey: n.dedupeKey, html: emailLayout({ vi: body('vi'), en: body('en') }), text, attachments }
}

export type ThankYouNotice = {
  to: string
  language: Lang
  donorName: string
  reference: string
  receiptNumber: string
  drive: { title: Both }
  received: Both[]
  pdf: Buffer
  dedupeKey: string
}

export function thankYou(n: ThankYouNotice): OutgoingEmail {
  const body = (lang: Lang) => {
    const t = T[lang]
    return `<p>${escapeHtml(t.hello(n.donorName))}</p><p><strong>${t.thanksTitle}.</strong> ${t.thanks(escapeHtml(n.drive.title[lang]))}</p>
<p>${t.received}: ${n.received.map((r) => escapeHtml(r[lang])).join('; ')}<br>${t.reference}: ${escapeHtml(n.reference)} · ${t.receipt}: <strong>${escapeHtml(n.receiptNumber)}</strong></p>`
  }
  const text = order(n.language)
    .map((lang) => `${T[lang].hello(n.donorName)}\n\n${T[lang].thanksTitle}.\n${T[lang].received}: ${n.received.map((r) => r[lang]).join('; ')}\n${T[lang].receipt}: ${n.receiptNumber} (${n.reference})`)
    .join('\n\n----\n\n')
  const subject = n.language === 'en' ? `Thank you — receipt ${n.receiptNumber} / Biên nhận ủng hộ` : `Biên nhận ủng hộ số ${n.receiptNumber} / Thank you`
  return {
    to: n.to,
    subject,
    dedupeKey: n.dedupeKey,
    html: emailLayout({ vi: body('vi'), en: body('en') }),
    text,
    attachments: [{ filename: `bien-nhan-${n.receiptNumber}.pdf`, contentType: 'application/pdf', content: n.pdf.toString('base64') }],
  }
}
