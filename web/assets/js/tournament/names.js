// How a fan reads the competition's games and open places: "A组第1", "半决赛1胜者", "第3名决赛",
// "第5–8名 半决赛1". The structure's ids (S1-A-R1-G1, SF1, 3P) never reach the page raw; every page
// names a game and a placeholder with these functions, so the bracket and the game lists agree.
import { currentLang } from '../i18n.js';
import { ft } from './strings.js';

/** @typedef {{ kind: string, groupId?: string, place?: number, rank?: number, gameId?: string, seed?: number, stageId?: string, teamId?: string }} Slot */
/** @typedef {{ id: string, bracket: string, round: number, roundName: string, groupId: string | null, winnerPlaces: [number, number] | null, loserPlaces: [number, number] | null }} BracketGame */

const ROUND_ZH = { SF: '半决赛', QF: '1/4决赛', R16: '1/8决赛', R32: '1/16决赛', R64: '1/32决赛', F: '决赛' };
const ROUND_EN = { SF: 'SF', QF: 'QF', R16: 'R16', R32: 'R32', R64: 'R64', F: 'Final' };

/** "SF" + 1 -> 半决赛1 / SF1. */
function roundWithIndex(label, index) {
  const words = currentLang() === 'en' ? ROUND_EN : ROUND_ZH;
  const word = words[label] ?? label;
  return index ? `${word}${index}` : word;
}

/**
 * A game's name from the places it decides and its round: 决赛, 第3名决赛, 第5名决赛, 半决赛1,
 * 第5–8名 半决赛1, 胜者组 半决赛1, 胜者组决赛, 败者组 第2轮, A组 第1轮 (the server's gameTitle,
 * src/domain/competition/game-names.ts, says the same in Chinese for the API's labels).
 * @param {BracketGame} game
 */
export function gameName(game) {
  if (game.bracket === 'group') return ft('groupRound', { group: game.groupId ?? '', round: game.round });
  if (game.bracket === 'grand_final') return ft(/GF2$/.test(game.id) ? 'grandFinalReset' : 'grandFinal');
  const [place] = game.winnerPlaces ?? [];
  if (place === 1) return ft('finalGame');
  if (place === 3) return ft('thirdPlace');
  if (place) return ft('placeGame', { place });
  if (game.bracket === 'losers') return ft('losersRound', { round: game.round });
  const classification = /P(\d+)-(\d+)-([A-Z]+\d*?)-?(\d+)$/.exec(game.id);
  if (classification) {
    const [, from, to, label, index] = classification;
    return `${ft('placeRange', { from, to })} ${roundWithIndex(label, index)}`;
  }
  const winners = game.bracket === 'winners';
  if (winners && /(^|-)F$/.test(game.id)) return ft('winnersFinal');
  const main = /(SF|QF|R\d+)-?(\d+)$/.exec(game.id);
  if (main) return `${winners ? `${ft('winnersBracket')} ` : ''}${roundWithIndex(main[1], main[2])}`;
  return game.roundName;
}

/** The places a game decides, for the line under its name ("第5–8名"); null when it feeds a later game. */
export function placesDecided(game) {
  const places = [game.winnerPlaces, game.loserPlaces].filter(Boolean).flat();
  if (places.length === 0) return null;
  const from = Math.min(...places);
  const to = Math.max(...places);
  return from === to ? null : ft('placeRange', { from, to });
}

/**
 * A side whose team is not known yet: "A组第1", "半决赛1胜者". A seed of a knockout whose pairing
 * waits for its entrants is named by where that seed comes from (its stage's seeding), so the
 * bracket never reads "1号种子" where the game list reads "A组第1".
 * @param {Slot} slot
 * @param {Map<string, BracketGame>} gamesById
 * @param {Map<string, Slot[]>} [seeding] knockout stage id -> its entrants' slots in seed order
 * @param {string} [stageId] the stage of the game the side belongs to
 */
export function slotName(slot, gamesById, seeding, stageId) {
  if (slot?.kind === 'seed') {
    const entrant = seeding?.get(stageId ?? '')?.[slot.seed - 1];
    if (entrant && entrant.kind !== 'seed') return slotName(entrant, gamesById);
  }
  const game = (id) => {
    const g = gamesById.get(id);
    return g ? gameName(g) : id;
  };
  switch (slot?.kind) {
    case 'group_place':
      return ft('slotGroupPlace', { group: slot.groupId, place: slot.place });
    case 'best_placed':
      return ft('slotBestPlaced', { place: slot.place, rank: slot.rank });
    case 'game_winner':
      return ft('slotWinner', { game: game(slot.gameId) });
    case 'game_loser':
      return ft('slotLoser', { game: game(slot.gameId) });
    case 'seed':
      return ft('slotSeed', { seed: slot.seed });
    default:
      return ft('tbd');
  }
}

/**
 * A side of a structure game, or an entrant of a stage: its team once known, else where the team
 * will come from (slotName).
 * @param {{ slot: Slot, team?: { name: string } | null }} view
 * @param {Map<string, BracketGame>} gamesById
 * @param {Map<string, Slot[]>} [seeding]
 * @param {string} [stageId]
 */
export const sideName = (view, gamesById, seeding, stageId) =>
  view.team?.name ?? slotName(view.slot, gamesById, seeding, stageId);

/** A round's name: its games' name without their number (半决赛, 1/4决赛, 第5–8名 半决赛). */
export const roundOf = (game) => gameName(game).replace(/\d+$/, '');

/**
 * For game lists: the structure game (by the game's competitionKey) with its two sides named.
 * @param {{ games: Array<BracketGame & { home: { slot: Slot }, away: { slot: Slot } }> } | null} bracket
 */
export function placeholderNamer(bracket) {
  const byId = new Map((bracket?.games ?? []).map((g) => [g.id, g]));
  const seeding = seedingOf(bracket);
  return {
    /** @param {string | null} key @param {'home' | 'away'} side */
    side(key, side) {
      const game = key ? byId.get(key) : null;
      return game ? sideName(game[side], byId, seeding, game.stageId) : ft('tbd');
    },
    /** @param {string | null} key */
    game(key) {
      const game = key ? byId.get(key) : null;
      return game ? gameName(game) : null;
    },
    byId,
    seeding,
  };
}

/** Knockout stage id -> the slots of its entrants in seed order. */
export function seedingOf(bracket) {
  return new Map(
    (bracket?.stages ?? [])
      .filter((s) => s.kind === 'knockout')
      .map((s) => [s.id, (s.seeding ?? []).map((x) => x.slot)]),
  );
}
