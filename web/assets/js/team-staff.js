// A team's staff (领队, 教练, 助理教练, 队医) and logo, for the team page. Kept apart from the page
// so the page's own layout can change around it.
import { h } from './dom.js';
import { currentLang } from './i18n.js';

const LABELS = {
  leaderName: ['领队', 'Team leader'],
  coachName: ['教练', 'Coach'],
  assistantCoachName: ['助理教练', 'Assistant coach'],
  doctorName: ['队医', 'Team doctor'],
};
const TITLE = ['球队职员', 'Team staff'];

/** The logo and the staff named on the team, or null when it has neither. */
export function teamStaff(team) {
  const en = currentLang() === 'en' ? 1 : 0;
  const staff = Object.keys(LABELS).filter((key) => team[key]);
  if (staff.length === 0 && !team.logoUrl) return null;
  return h(
    'section',
    { class: 'team-staff', 'aria-label': TITLE[en] },
    team.logoUrl ? h('img', { class: 'team-logo', src: team.logoUrl, alt: '', width: '64', height: '64' }) : null,
    staff.length > 0
      ? h(
          'dl',
          { class: 'team-staff-list' },
          staff.map((key) => [h('dt', {}, LABELS[key][en]), h('dd', {}, team[key])]),
        )
      : null,
  );
}
