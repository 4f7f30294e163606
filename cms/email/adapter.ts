/**
 * Payload's email adapter for this platform. `payload.sendEmail` (used by Payload itself, e.g.
 * for staff password resets) only writes the message to the outbox; `deliverOutbox` then hands
 * it to @payloadcms/email-nodemailer: real SMTP when SMTP_HOST is set, otherwise a nodemailer
 * stream transport whose raw message is saved as an .eml file in MAIL_DIR and listed for
 * admins in the "Email outbox" collection.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'
import type { AppEnv } from '../env'
import { type Deliver, type DeliveryStats, deliverDueEmails, enqueueEmail } from '../services/email/outbox'

function addressOf(value: SendEmailOptions['to'] | SendEmailOptions['from'] | SendEmailOptions['replyTo']): string | undefined {
  if (!value) return undefined
  const list = Array.isArray(value) ? value : [value]
  const out = list.map((v) => (typeof v === 'string' ? v : v.name ? `${v.name} <${v.address}>` : v.address))
  return out.join(', ') || undefined
}

type Delivering = { deliver: Deliver; fileMode: boolean }
const deliverers = new WeakMap<Payload, Delivering>()

export function outboxEmailAdapter(appEnv: Pick<AppEnv, 'smtp' | 'mail'>): Promise<EmailAdapter> {
  const inner = nodemailerAdapter({
    defaultFromAddress: appEnv.mail.fromAddress,
    defaultFromName: appEnv.mail.fromName,
    skipVerify: true,
    ...(appEnv.smtp
      ? {
          transportOptions: {
            host: appEnv.smtp.host,
            port: appEnv.smtp.port,
            secure: appEnv.smtp.secure,
            auth: appEnv.smtp.user ? { user: appEnv.smtp.user, pass: appEnv.smtp.pass ?? '' } : undefined,
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 30_000,
          },
        }
      : { transport: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) }),
  })
  return inner.then(
    (innerAdapter): EmailAdapter =>
      ({ payload }) => {
        const sender = innerAdapter({ payload })
        deliverers.set(payload, {
          fileMode: !appEnv.smtp,
          deliver: async (message) => {
            const info: unknown = await sender.sendEmail({
              to: message.to,
              subject: message.subject,
              html: message.html,
              text: message.text,
              from: message.from,
              replyTo: message.replyTo,
              messageId: message.messageId,
              attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, cid: a.cid, content: Buffer.from(a.content, 'base64') })),
            })
            const raw = typeof info === 'object' && info !== null && 'message' in info && Buffer.isBuffer(info.message) ? info.message : undefined
            const messageId = typeof info === 'object' && info !== null && 'messageId' in info && typeof info.messageId === 'string' ? info.messageId : undefined
            return { raw, messageId }
          },
        })
        return {
          name: 'outbox',
          defaultFromAddress: appEnv.mail.fromAddress,
          defaultFromName: appEnv.mail.fromName,
          sendEmail: async (message: SendEmailOptions) => {
            const to = addressOf(message.to)
            if (!to) throw new Error('An email needs a recipient')
            return enqueueEmail(payload, {
              to,
              subject: message.subject ?? '',
              html: typeof message.html === 'string' ? message.html : undefined,
              text: typeof message.text === 'string' ? message.text : undefined,
              from: addressOf(message.from),
              replyTo: addressOf(message.replyTo),
            })
          },
        }
      },
  )
}

/** Delivers what is due in the outbox of this Payload instance (see services/email/outbox). */
export async function deliverOutbox(payload: Payload, appEnv: Pick<AppEnv, 'mail'>, now?: Date): Promise<DeliveryStats> {
  const delivering = deliverers.get(payload)
  if (!delivering) throw new Error('The outbox email adapter is not configured for this Payload instance')
  return deliverDueEmails(payload, delivering.deliver, {
    now,
    fromAddress: appEnv.mail.fromAddress,
    onRaw: delivering.fileMode
      ? async (id, raw) => {
          await fs.mkdir(appEnv.mail.dir, { recursive: true })
          const file = path.join(appEnv.mail.dir, `${id}.eml`)
          await fs.writeFile(file, raw)
          return path.basename(file)
        }
      : undefined,
  })
}

/** Path of a stored .eml file, refusing anything that is not a plain file name in MAIL_DIR. */
export function emlPath(appEnv: Pick<AppEnv, 'mail'>, fileName: string): string | null {
  if (!/^[\w.-]+\.eml$/.test(fileName)) return null
  return path.join(appEnv.mail.dir, fileName)
}
