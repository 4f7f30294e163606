import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { reqLang, t } from '../../../i18n/messages'
import { MAX_MEGAPIXELS, checkImage } from '../../../services/images'

/** Refuses unreadable or oversized images (every frame of an animation counted) with a translated message before anything is stored or decoded. */
export const checkUploadedImage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data || file.data.length === 0) return args
  const result = await checkImage(file.data)
  if (result.ok) return args
  const lang = reqLang(req)
  if (result.reason === 'too-large') {
    const vars = { pixels: result.megapixels, max: MAX_MEGAPIXELS, frames: result.frames }
    throw new APIError(t(lang, result.frames > 1 ? 'animationTooLarge' : 'imageTooLarge', vars), 400, null, true)
  }
  throw new APIError(t(lang, 'imageUnreadable'), 400, null, true)
}
