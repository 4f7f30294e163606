/**
 * What a judge's score form sends to POST /api/entries/:id/score. Only the shape is checked
 * here; the judging rules (the round is open, every criterion has a whole mark 1–10, a yes/no
 * round needs a decision) are cms/services/judging.ts's, with their own translated refusals.
 */
import { z } from 'zod'

export const ZScoreBody = z
  .object({
    /** the id of the round the judge was shown (a stale page sends a closed round's id) */
    round: z.string().trim().min(1).max(64),
    decision: z.enum(['yes', 'no']).optional(),
    /** rubric criterion id → mark */
    marks: z.record(z.string().min(1).max(64), z.number().finite()).optional(),
    comment: z.string().max(2000).optional(),
    /** the judge knows the child: no score, the entry is skipped for them */
    conflict: z.boolean().optional(),
  })
  .strict()
export type TScoreBody = z.infer<typeof ZScoreBody>

/** POST /api/entries/:id/tie-break: the organisers' order of a tied entry (null clears it). */
export const ZTieBreakBody = z.object({ tieBreak: z.number().int().min(1).max(1000).nullable() }).strict()
