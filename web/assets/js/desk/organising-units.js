// The units a tournament names on its programme's cover: 主办 (one), 承办 and 协办 (several, one
// name a line, in the order printed). A name not yet in the unit registry is registered.
import { getAll } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { actionForm, call, route } from './context.js';
import { DeskProblem } from './errors.js';

const MAX_UNITS = 20;

/** @param {string} text @returns {string[]} the names, one a line, blanks and repeats left out */
const namesOf = (text) => [...new Set(text.split('\n').map((line) => line.trim()))].filter(Boolean);

/** @param {{ hostUnitId: string | null, organiserUnitIds: string[], coOrganiserUnitIds: string[] }} tour */
export async function organisingUnitsForm(tour) {
  /** @type {Array<{ id: string, name: string }>} */
  const units = await getAll('/api/v1/units');
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const lines = (/** @type {string[]} */ ids) => (ids ?? []).map((id) => nameOf.get(id) ?? '').join('\n');
  const host = h('input', { maxlength: '100', value: tour.hostUnitId ? (nameOf.get(tour.hostUnitId) ?? '') : '' });
  const organisers = h('textarea', { rows: '3' });
  organisers.value = lines(tour.organiserUnitIds);
  const coOrganisers = h('textarea', { rows: '3' });
  coOrganisers.value = lines(tour.coOrganiserUnitIds);

  /** @type {string[]} */
  let added = [];
  /** The unit of that name: from the registry, else registered now. @param {string} name */
  async function unitId(name) {
    const known = units.find((u) => u.name === name);
    if (known) return known.id;
    const unit = await call('POST', '/api/v1/units', { name, kind: 'other' });
    units.push(unit);
    added.push(name);
    return unit.id;
  }
  async function save() {
    added = [];
    const [organiserNames, coOrganiserNames] = [namesOf(organisers.value), namesOf(coOrganisers.value)];
    if (organiserNames.length > MAX_UNITS || coOrganiserNames.length > MAX_UNITS)
      throw new DeskProblem(t('organisingUnitsTooMany', { max: MAX_UNITS }));
    const ids = async (/** @type {string[]} */ names) => {
      const found = [];
      for (const name of names) found.push(await unitId(name));
      return found;
    };
    const hostName = host.value.trim();
    return call('PATCH', `/api/v1/tournaments/${route.tournamentId}`, {
      hostUnitId: hostName ? await unitId(hostName) : null,
      organiserUnitIds: await ids(organiserNames),
      coOrganiserUnitIds: await ids(coOrganiserNames),
    });
  }
  return actionForm(
    { 'aria-label': t('organisingUnits') },
    save,
    () => (added.length ? t('organisingUnitsSavedNew', { names: added.join('、') }) : t('saved')),
    {
      hostUnitId: t('hostUnit'),
      organiserUnitIds: t('organiserUnits'),
      coOrganiserUnitIds: t('coOrganiserUnits'),
    },
    h('h2', {}, t('organisingUnits')),
    field(t('hostUnit'), host),
    field(t('organiserUnits'), organisers, t('unitPerLine')),
    field(t('coOrganiserUnits'), coOrganisers, t('unitPerLine')),
    h('button', { type: 'submit' }, t('saveOrganisingUnits')),
  );
}
