import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { reqLang, t } from '../../../i18n/messages'
import { AREA_LEVELS, areaParentProblem, type AreaLevel } from '../../../services/areas'

const asLevel = (v: unknown): AreaLevel => (AREA_LEVELS as readonly unknown[]).includes(v) ? (v as AreaLevel) : 'commune'

/** A commune must sit under a province; a province has no parent. */
export const checkParent: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const level = asLevel(data?.level ?? originalDoc?.level)
  const parentRef: unknown = data && 'parent' in data ? data.parent : originalDoc?.parent
  const parentId = typeof parentRef === 'object' && parentRef !== null && 'id' in parentRef ? parentRef.id : parentRef
  let parentLevel: AreaLevel | null = null
  if (level !== 'province' && (typeof parentId === 'string' || typeof parentId === 'number')) {
    const parent = await req.payload.findByID({ collection: 'areas', id: parentId, depth: 0, req, disableErrors: true })
    parentLevel = parent ? asLevel(parent.level) : null
  }
  const problem = areaParentProblem(level, parentLevel)
  if (problem) {
    throw new ValidationError({
      collection: 'areas',
      errors: [{ message: t(reqLang(req), problem), path: 'parent' }],
    })
  }
  if (level === 'province' && data) data.parent = null
  return data
}
