import type { UIFieldServerComponent } from 'payload'

/** In the outbox, a link to download a message saved as an .eml file (no SMTP configured). */
export const EmlDownload: UIFieldServerComponent = ({ data, i18n }) => {
  const id: unknown = data?.id
  const file: unknown = data?.emlFile
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof file !== 'string' || !file) return null
  return (
    <p className="field-type">
      <a href={`/api/email-outbox/${id}/eml`} download={file}>
        {i18n.language === 'en' ? `Download ${file}` : `Tải tệp ${file}`}
      </a>
    </p>
  )
}
