/**
 * The email a family (or a teacher) gets when a picture is received for a drawing contest: the
 * entry's reference, the child's given name, the title, the category it was placed in, what was
 * agreed about publication, and the manage link (view, withdraw the entry or the publication
 * consent, download the data). The family's language first, the other below.
 */
import type { OutgoingEmail } from '../services/email/outbox'
import { emailLayout, escapeHtml } from './layout'
import type { Lang } from '../../site/i18n/routes'

type Both = Record<Lang, string>

export type EntryNotice = {
  to: string
  language: Lang
  contactName: string
  childGivenName: string
  reference: string
  title: string
  category: Both
  contest: { title: Both; closesAt: string }
  published: boolean
  manageUrl: Both
  dedupeKey: string
}

const DATE: Record<Lang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
}

const T = {
  vi: {
    hello: (name: string) => `Kính gửi ${name},`,
    received: (child: string, contest: string) => `Ban tổ chức đã nhận bài dự thi của em <strong>${child}</strong> gửi cuộc thi <strong>${contest}</strong>.`,
    reference: 'Mã bài dự thi',
    title: 'Tên tranh',
    category: 'Bảng thi',
    publishedYes: 'Gia đình đồng ý công bố tranh kèm tên em (tên, chữ cái đầu của họ), tuổi và xã, phường. Có thể rút lại sự đồng ý này bất cứ lúc nào.',
    publishedNo: 'Tranh không được công bố kèm tên em: nếu đoạt giải, trang kết quả chỉ ghi "một bạn nhỏ ở xã, phường …". Bài vẫn dự thi và có thể đoạt giải như mọi bài khác.',
    manage: 'Xem bài, rút sự đồng ý công bố, rút bài hoặc tải dữ liệu của em',
    manageHint: 'Đường dẫn này là riêng của gia đình; xin đừng chia sẻ.',
    blind: 'Ban giám khảo chấm bài theo mã, không biết tên, trường hay địa chỉ của em.',
    deadline: (when: string) => `Hạn cuối nhận bài: ${when}. Kết quả sẽ được công bố trên trang của cuộc thi.`,
  },
  en: {
    hello: (name: string) => `Dear ${name},`,
    received: (child: string, contest: string) => `The organisers have received <strong>${child}</strong>'s entry to <strong>${contest}</strong>.`,
    reference: 'Entry reference',
    title: 'Title',
    category: 'Category',
    publishedYes: "The family agreed that the picture may be shown with the child's given name, family initial, age and commune. This can be withdrawn at any time.",
    publishedNo: 'The picture will not be shown with the child\u2019s name: if it wins, the results page says only "a participant from … commune". It takes part and can win like any other.',
    manage: "View the entry, withdraw the publication consent, withdraw the entry or download the child's data",
    manageHint: 'This link belongs to your family; please do not share it.',
    blind: "The jury scores entries by a code, without the child's name, school or address.",
    deadline: (when: string) => `Entries close ${when}. The results will be published on the contest's page.`,
  },
} as const

const order = (first: Lang): [Lang, Lang] => (first === 'en' ? ['en', 'vi'] : ['vi', 'en'])

export function entryConfirmation(n: EntryNotice): OutgoingEmail {
  const body = (lang: Lang) => {
    const t = T[lang]
    return `<p>${escapeHtml(t.hello(n.contactName))}</p><p>${t.received(escapeHtml(n.childGivenName), escapeHtml(n.contest.title[lang]))}</p>
<table cellpadding="4" style="border-collapse:collapse">
<tr><td>${t.reference}</td><td><strong style="font-size:20px;letter-spacing:1px">${escapeHtml(n.reference)}</strong></td></tr>
<tr><td>${t.title}</td><td>${escapeHtml(n.title)}</td></tr>
<tr><td>${t.category}</td><td>${escapeHtml(n.category[lang])}</td></tr></table>
<p>${n.published ? t.publishedYes : t.publishedNo}</p><p>${t.blind}</p>
<p><a href="${escapeHtml(n.manageUrl[lang])}">${t.manage}</a><br><small>${t.manageHint}</small></p>
<p>${escapeHtml(t.deadline(DATE[lang].format(new Date(n.contest.closesAt))))}</p>`
  }
  const text = order(n.language)
    .map((lang) => {
      const t = T[lang]
      const strip = (html: string) => html.replace(/<[^>]+>/g, '')
      return [
        t.hello(n.contactName),
        '',
        strip(t.received(n.childGivenName, n.contest.title[lang])),
        `${t.reference}: ${n.reference}`,
        `${t.title}: ${n.title}`,
        `${t.category}: ${n.category[lang]}`,
        '',
        n.published ? t.publishedYes : t.publishedNo,
        t.blind,
        '',
        `${t.manage}: ${n.manageUrl[lang]}`,
        t.manageHint,
        t.deadline(DATE[lang].format(new Date(n.contest.closesAt))),
      ].join('\n')
    })
    .join('\n\n----\n\n')
  const subject = n.language === 'en' ? `Entry received ${n.reference} / Đã nhận bài dự thi: ${n.contest.title.en}` : `Đã nhận bài dự thi ${n.reference} / Entry received: ${n.contest.title.vi}`
  return { to: n.to, subject, dedupeKey: n.dedupeKey, html: emailLayout({ vi: body('vi'), en: body('en') }), text }
}
