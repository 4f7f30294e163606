/**
 * Payload's email adapter for this platform. `payload.sendEmail` (used by Payload itself, e.g.
 * for staff password resets) only writes the message to the outbox; `deliverOutbox` then hands
 * it to @payloadcms/email-nodemailer: real SMTP when SMTP_HOST is set (several messages at a
 * time over pooled connections), otherwise a nodemailer stream transport whose raw message is
 * saved as an .eml file in MAIL_DIR and listed for admins in the "Email outbox" collection.
 */
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'
import type { AppEnv } from '../env'
import { type Deliver, type DeliveryReceipt, type DeliveryStats, deliverDueEmails, enqueueEmail, filledBatch, purgeDeliveredBodies } from '../services/email/outbox'

function addressOf(value: SendEmailOptions['to'] | SendEmailOptions['from'] | SendEmailOptions['replyTo']): string | undefined {
  if (!value) return undefined
  const list = Array.isArray(value) ? value : [value]
  const out = list.map((v) => (typeof v === 'string' ? v : v.name ? `${v.name} <${v.address}>` : v.address))
  return out.join(', ') || undefined
}

/** Messages sent at the same time, each over its own SMTP connection (a burst of sign-ups means hundreds). */
export const MAIL_CONNECTIONS = 4

const CONNECTION_TIMEOUT_MS = 10_000

/**
 * Opens the TCP connection of an SMTP session with Nagle's algorithm off. Nodemailer 9 writes a
 * message's last lines (the closing `.`) as a small segment of their own and leaves Nagle on, so
 * each message waited for the server's delayed ACK (40 ms on Linux): about 22 messages/s per
 * connection on loopback instead of several hundred. Nodemailer still does TLS (SMTP_SECURE, or
 * STARTTLS) over this socket.
 */
function connectWithoutDelay(host: string, port: number, callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void): void {
  const socket = net.connect({ host, port, noDelay: true })
  const fail = (err: Error) => {
    socket.destroy()
    callback(err)
  }
  const timeout = () => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }))
  socket.setTimeout(CONNECTION_TIMEOUT_MS, timeout)
  socket.once('error', fail)
  socket.once('connect', () => {
    socket.off('error', fail)
    socket.off('timeout', timeout)
    socket.setTimeout(0)
    callback(null, { connection: socket })
  })
}

/**
 * The transport delivery goes through. Over SMTP it is a pool of up to MAIL_CONNECTIONS
 * connections, each kept for many messages (a mail server greets a new connection slowly, often
 * on purpose), opened when there is mail and closed once the outbox is empty. Without SMTP, a
 * stream transport whose raw message is saved as an .eml file.
 */
type Opened = { transport: Transporter; send: (message: SendEmailOptions) => Promise<unknown> }

class MailTransport {
  /** The transport being opened or open: the senders of a run share it (each opening one of its own left pools open). */
  private current: Promise<Opened> | null = null

  constructor(private readonly appEnv: Pick<AppEnv, 'smtp' | 'mail'>) {}

  get fileMode(): boolean {
    return !this.appEnv.smtp
  }

  private open(payload: Payload): Promise<Opened> {
    this.current ??= this.create(payload)
    return this.current
  }

  private async create(payload: Payload): Promise<Opened> {
    const smtp = this.appEnv.smtp
    const transport: Transporter = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
          pool: true,
          maxConnections: MAIL_CONNECTIONS,
          getSocket: (_options, callback) => connectWithoutDelay(smtp.host, smtp.port, callback),
          connectionTimeout: CONNECTION_TIMEOUT_MS,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
    // @payloadcms/email-nodemailer formats the sender and hands the message to the transport.
    const adapter = await nodemailerAdapter({ defaultFromAddress: this.appEnv.mail.fromAddress, defaultFromName: this.appEnv.mail.fromName, skipVerify: true, transport })
    const sender = adapter({ payload })
    return { transport, send: (message) => sender.sendEmail(message) }
  }

  async deliver(payload: Payload, message: Parameters<Deliver>[0]): Promise<DeliveryReceipt> {
    const { send } = await this.open(payload)
    const info: unknown = await send({
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      from: message.from,
      replyTo: message.replyTo,
      messageId: message.messageId,
      // Vietnamese text is mostly non-ASCII: base64 is a third shorter than quoted-printable and far cheaper to make
      textEncoding: 'base64',
      attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, cid: a.cid, content: Buffer.from(a.content, 'base64') })),
    })
    const raw = typeof info === 'object' && info !== null && 'message' in info && Buffer.isBuffer(info.message) ? info.message : undefined
    const messageId = typeof info === 'object' && info !== null && 'messageId' in info && typeof info.messageId === 'string' ? info.messageId : undefined
    return { raw, messageId }
  }

  /** Closes the connections (after the messages on them are sent); the next message opens new ones. */
  close(): void {
    const current = this.current
    this.current = null
    void current?.then(({ transport }) => transport.close())
  }
}

const transports = new WeakMap<Payload, MailTransport>()

export function outboxEmailAdapter(appEnv: Pick<AppEnv, 'smtp' | 'mail'>): Promise<EmailAdapter> {
  return Promise.resolve(({ payload }) => {
    transports.set(payload, new MailTransport(appEnv))
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
  })
}

/** Delivers what is due in the outbox of this Payload instance (see services/email/outbox). */
export async function deliverOutbox(payload: Payload, appEnv: Pick<AppEnv, 'mail'>, now?: Date): Promise<DeliveryStats> {
  const transport = transports.get(payload)
  if (!transport) throw new Error('The outbox email adapter is not configured for this Payload instance')
  const stats = await deliverDueEmails(payload, (message) => transport.deliver(payload, message), {
    now,
    fromAddress: appEnv.mail.fromAddress,
    concurrency: MAIL_CONNECTIONS,
    onRaw: transport.fileMode
      ? async (id, raw) => {
          await fs.mkdir(appEnv.mail.dir, { recursive: true })
          const file = path.join(appEnv.mail.dir, `${id}.eml`)
          await fs.writeFile(file, raw)
          return path.basename(file)
        }
      : undefined,
  })
  if (!filledBatch(stats)) transport.close() // nothing more is due: the connections can go
  return stats
}

/** Empties the bodies of messages delivered longer ago than the retention period, their .eml copies too (see services/email/outbox). */
export function purgeOutbox(payload: Payload, appEnv: Pick<AppEnv, 'mail'>, now?: Date): Promise<number> {
  return purgeDeliveredBodies(payload, {
    retentionDays: appEnv.mail.retentionDays,
    now,
    dropFile: async (name) => {
      const file = emlPath(appEnv, name)
      if (file) await fs.rm(file, { force: true })
    },
  })
}

/** Path of a stored .eml file, refusing anything that is not a plain file name in MAIL_DIR. */
export function emlPath(appEnv: Pick<AppEnv, 'mail'>, fileName: string): string | null {
  if (!/^[\w.-]+\.eml$/.test(fileName)) return null
  return path.join(appEnv.mail.dir, fileName)
}
