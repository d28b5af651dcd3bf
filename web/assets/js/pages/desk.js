// Organiser desk (/desk, /desk/t/:id/:tab): the everyday work — create a tournament from a
// template, teams and rosters, the draw, games and schedule (with moves), scorekeepers and game
// codes, confirming results, the decided awards. Each tab is a module in ../desk/; everything
// else: the API docs.
import { ApiError, loadSession, saveSession } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { main, page, renderTop, setTitle, tabs } from '../layout.js';
import { awardsView } from '../desk/awards.js';
import { call, flashView, printLink, route, setRedraw } from '../desk/context.js';
import { homeView, loginView } from '../desk/home.js';
import { resultsView } from '../desk/results.js';
import { scheduleView } from '../desk/schedule.js';
import { scorersView } from '../desk/scorers.js';
import { setupView } from '../desk/setup.js';
import { teamsView } from '../desk/teams.js';

/** tab → [label key, view] */
const TABS = /** @type {Array<[string, string, (tour: any) => Promise<HTMLElement>]>} */ ([
  ['setup', 'tabSetup', setupView],
  ['teams', 'tabDeskTeams', teamsView],
  ['schedule', 'tabSchedule', scheduleView],
  ['scorers', 'tabScorers', scorersView],
  ['results', 'tabResults', resultsView],
  ['awards', 'tabDeskAwards', awardsView],
]);

async function tournamentView() {
  const tour = await call('GET', `/api/v1/tournaments/${route.tournamentId}`);
  const base = `/desk/t/${tour.id}`;
  renderTop([
    [t('deskTitle'), '/desk'],
    [tour.name, base],
  ]);
  setTitle(`${t('deskTitle')} · ${tour.name}`);
  const view = TABS.find(([key]) => key === route.tab)?.[2];
  const body = view ? await view(tour) : h('p', {}, t('notFound'));
  fill(
    main(),
    h('h1', {}, tour.name),
    h(
      'p',
      {},
      h('a', { href: `/t/${tour.id}` }, t('fanPage')),
      ' · ',
      printLink(`/print/programme/${tour.id}`, t('printProgramme')),
      ' · ',
      printLink(`/print/results/${tour.id}`, t('printResultsBook')),
      ' · ',
      h('span', { class: 'badge' }, t(`tournament_${tour.status}`)),
    ),
    tabs(
      TABS.map(([key, label]) => [key, t(label), key === 'setup' ? base : `${base}/${key}`]),
      route.tab,
      t('deskTitle'),
    ),
    flashView(),
    body,
  );
}

async function render() {
  const session = loadSession();
  if (!session || (session.role !== 'organiser' && session.role !== 'admin')) return loginView(render);
  try {
    if (!route.tournamentId) await homeView(render);
    else await tournamentView();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      saveSession(null);
      return loginView(render);
    }
    throw e;
  }
}

setRedraw(render);
page(render);
