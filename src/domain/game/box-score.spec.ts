import { boxScore, percentage, playerGameLines } from './box-score.js';
import { playScript } from './fixtures/play-script.js';
import { roster } from './fixtures/teams.js';
import { gameContext } from './game-settings.js';
import { replay } from './reducer.js';

describe('boxScore', () => {
  const context = gameContext({
    gameId: 'g',
    teams: [
      roster(
        'nanxun',
        '南浔彩蝶队',
        [
          ['99', '许飞'],
          ['0', '钟亮'],
          ['10', '何平'],
          ['7', '罗军'],
          ['23', '高翔'],
          ['5', '林涛'],
        ],
        ['99', '0', '10', '7', '23'],
      ),
      roster(
        'deqing',
        '德清依蓄队',
        [
          ['1', '曹阳'],
          ['2', '袁博'],
          ['3', '邓超'],
          ['4', '彭宇'],
          ['5', '曾凡'],
        ],
        ['1', '2', '3', '4', '5'],
      ),
    ],
  });
  const script = playScript(context);
  script.addAll([
    'start',
    'H 7 3+ a0',
    'H 7 2-',
    'H or',
    'H 10 2+',
    'H to',
    'A 1 st',
    'H 10 to',
    'A 2 bk',
    'A 4 pf',
    'H 0 ft+',
    'H 0 ft-',
    'A dr',
    'end',
    'start',
    'H 5>23',
    'H 5 +2',
  ]);
  const box = boxScore(replay(script.log, context));
  const [home, away] = box.teams;

  it('lists starters first, then by jersey number as a number (7 before 10, 23 before 99)', () => {
    expect(home.players.map((p) => p.jerseyNumber)).toEqual([0, 7, 10, 23, 99, 5]);
    expect(home.players.find((p) => p.jerseyNumber === 5)).toMatchObject({
      starter: false,
      onCourt: true,
      played: true,
    });
    expect(home.players.find((p) => p.jerseyNumber === 23)).toMatchObject({ starter: true, onCourt: false });
  });

  it('derives REB and EFF per player', () => {
    expect(home.players.find((p) => p.jerseyNumber === 7)).toMatchObject({
      pts: 3,
      fgm: 1,
      fga: 2,
      reb: 0,
      eff: 3 - 1,
    });
    expect(home.players.find((p) => p.jerseyNumber === 0)).toMatchObject({ pts: 1, ast: 1, eff: 1 + 1 - 1 });
  });

  it('team totals include team rebounds, team turnovers and score-only points', () => {
    expect(home.totals).toMatchObject({
      pts: 8,
      fgm: 2,
      fga: 3,
      oreb: 1,
      reb: 1,
      tov: 2,
      teamRebounds: 1,
      teamTurnovers: 1,
      teamPoints: 0,
    });
    expect(home.score).toBe(8);
    expect(away.totals).toMatchObject({ pts: 0, dreb: 1, reb: 1, teamRebounds: 1, stl: 1, blk: 1, pf: 1 });
    // EFF 8 + 1 reb + 1 ast - 1 missed FG - 1 missed FT - 2 TO
    expect(home.totals.eff).toBe(6);
  });

  it('shooting percentages with one decimal, null without attempts', () => {
    expect(home.percentages).toEqual({ fg: 66.7, fg2: 50, fg3: 100, ft: 50 });
    expect(away.percentages).toEqual({ fg: null, fg2: null, fg3: null, ft: null });
    expect(percentage(1, 3)).toBe(33.3);
  });

  it('score by period, and lines for the stats area only for players who took part', () => {
    expect(box.scoreByPeriod.map((p) => [p.label, p.points['nanxun'], p.points['deqing']])).toEqual([
      ['1', 6, 0],
      ['2', 2, 0],
    ]);
    const lines = playerGameLines(replay(script.log, context));
    expect(lines.every((l) => l.played && l.gameId === 'g')).toBe(true);
    expect(lines).toHaveLength(11);
  });
});
