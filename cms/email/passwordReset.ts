import { env } from '../env'
import { emailLayout } from './layout'

/** The email a staff user gets after "Forgot password?" in the admin. */
export const passwordResetEmail = {
  subject: 'Đặt lại mật khẩu / Reset your password',
  link(token: string): string {
    return `${env().serverURL}/admin/reset/${encodeURIComponent(token)}`
  },
  html(token: string): string {
    const link = passwordResetEmail.link(token)
    return emailLayout({
      vi: `<p>Ai đó (có thể là bạn) vừa yêu cầu đặt lại mật khẩu cho tài khoản quản trị.</p>
<p><a href="${link}">Đặt mật khẩu mới</a> (liên kết có hiệu lực trong 1 giờ).</p>
<p>Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi.</p>`,
      en: `<p>Someone (probably you) asked to reset the password of your admin account.</p>
<p><a href="${link}">Choose a new password</a> (the link works for 1 hour).</p>
<p>If you did not ask for this, ignore this email: your password stays the same.</p>`,
    })
  },
}
