// The teams tab: every team, linking to its page.
import { h } from '../dom.js';

/** @type {import('./common.js').TournamentTab} */
export const teamsTab = {
  topics: [],
  load: async () => null,
  view(ctx) {
    return h(
      'ul',
      { class: 'list' },
      ctx.teams.map((team) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: 'card team-card', href: `/teams/${team.id}` },
            team.name,
            ' ',
            h('span', { class: 'muted' }, `(${team.rosterSize})`),
          ),
        ),
      ),
    );
  },
};
