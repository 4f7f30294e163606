/** A real SMTP server on loopback for tests: collects every message, parsed, and can be stopped and restarted. */
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type TestSmtp = {
  port: number
  messages: ParsedMail[]
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>
  start(): Promise<void>
  stop(): Promise<void>
}

export function createSmtp(port: number): TestSmtp {
  const messages: ParsedMail[] = []
  const waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = []
  let server: SMTPServer | null = null
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            messages.push(mail)
            for (const w of [...waiters]) {
              if (w.match(mail)) {
                waiters.splice(waiters.indexOf(w), 1)
                w.resolve(mail)
              }
            }
            callback()
          },
          (err: Error) => callback(err),
        )
      },
    })
  return {
    port,
    messages,
    waitFor(match, timeoutMs = 30_000) {
      const found = messages.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching email within ${timeoutMs} ms (got ${messages.length})`)), timeoutMs)
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) })
      })
    },
    start: () =>
      new Promise((resolve, reject) => {
        server = make()
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => resolve())
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve()
        server.close(() => resolve())
        server = null
      }),
  }
}
