/**
 * In the admin's navigation (after the collections): the judging page for judges and
 * organisers, and the judging results for organisers. Other roles see nothing.
 */
import type { ServerProps } from 'payload'
import { checkRole } from '../../access/roles'
import { isOrganiser } from '../../services/judging-staff'
import { JUDGING_TEXT } from './judging-text'
import { uiLang } from './text'

export function JudgingNavLink({ user, i18n }: ServerProps) {
  const staff = user ? { ...user, collection: 'users' as const } : null
  const organiser = isOrganiser(staff)
  if (!organiser && !checkRole(['judge'], staff)) return null
  const t = JUDGING_TEXT[uiLang(i18n.language)]
  return (
    <nav aria-label={t.judging} className="judging-nav">
      <a className="nav__link" href="/admin/judging" id="nav-judging">
        <span className="nav__link-label">{t.navJudging}</span>
      </a>
      {organiser ? (
        <a className="nav__link" href="/admin/contest-results" id="nav-contest-results">
          <span className="nav__link-label">{t.results}</span>
        </a>
      ) : null}
    </nav>
  )
}
