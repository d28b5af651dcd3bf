// The awards tab: team places, computed and decided awards, with recipients.
import { getOptional } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { label2 } from './common.js';

function recipient(r) {
  if (r.type === 'player')
    return [
      h(
        'a',
        { href: `/players/${r.id}` },
        r.jerseyNumber !== null && r.jerseyNumber !== undefined ? `#${r.jerseyNumber} ${r.name}` : r.name,
      ),
      r.team ? ` (${r.team.name})` : '',
    ];
  if (r.type === 'team') return h('a', { href: `/teams/${r.id}` }, r.name);
  return r.name;
}

/** @type {import('./common.js').TournamentTab} */
export const awardsTab = {
  topics: ['awards'],
  load: (ctx) => getOptional(`/api/v1/tournaments/${ctx.tournamentId}/awards`),
  view(_ctx, data) {
    const awards = data?.awards ?? [];
    if (awards.length === 0) return h('p', { class: 'muted' }, t('awardsSoon'));
    return h(
      'ul',
      { class: 'list' },
      awards.map((a) =>
        h(
          'li',
          { class: 'card' },
          h('strong', {}, label2(a.labelZh, a.labelEn)),
          a.display ? h('span', { class: 'muted' }, ` · ${a.display}`) : null,
          h(
            'div',
            {},
            a.recipients.map((r, i) => [i > 0 ? '、' : '', recipient(r)]),
          ),
          a.citation ? h('p', { class: 'muted' }, a.citation) : null,
        ),
      ),
    );
  },
};
