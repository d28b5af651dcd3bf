import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { factories, nationalId } from './support/factories.js';
import { newKit, ok, playGame, setupCompetition, teamSlots, type Kit } from './support/played-games.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const LONG = 300_000;
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Download {
  status: number;
  type: string;
  disposition: string;
  bytes: Buffer;
}

/** A sheet as rows of strings (header first), from CSV or XLSX alike. */
async function rowsOf(d: Download): Promise<string[][]> {
  if (d.type.startsWith(CSV)) return parse(d.bytes, { bom: true }) as string[][];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(d.bytes as never);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(values);
  });
  return rows;
}

describe('exports: CSV and XLSX of results, schedule, rosters, box scores, play-by-play and leaders (issue 16)', () => {
  let ctx: TestContext;
  let kit: Kit;
  let gameId: string;
  const HOME = '长兴天顺物流队';
  const AWAY = '德清乾元篮球队';

  const download = async (path: string, accept?: string): Promise<Download> => {
    const res = await fetch(`${ctx.baseUrl}${path}`, { headers: accept ? { accept } : {} });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      disposition: res.headers.get('content-disposition') ?? '',
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    kit = await newKit(ctx, [
      { name: HOME, players: ['王磊', '李强', '张伟', '刘洋', '陈杰'] },
      { name: AWAY, players: ['赵军', '孙涛', '周鹏', '吴斌', '郑浩'] },
    ]);
    // A registered ID number, which no export may carry.
    await ok(ctx.http, 'POST', `/api/v1/teams/${kit.teams.get(HOME)}/players`, {
      name: '钱程',
      jerseyNumber: 30,
      position: 'C',
      employer: '长兴天顺物流有限公司',
      nationalId: nationalId(7),
    });
    const game = await factories(ctx).newGame(kit.tournamentId, {
      homeTeamId: kit.teams.get(HOME),
      awayTeamId: kit.teams.get(AWAY),
      court: '主场',
      scheduledAt: '2024-05-11T19:30',
    });
    gameId = game.id;
    await playGame(ctx, kit, gameId, [
      ['fg', '王磊', 3, '李强'],
      ['miss', '赵军', 2],
      ['reb', '李强', 'defensive'],
      ['fg', '张伟', 2],
      ['fg', '孙涛', 2],
      ['ft', '孙涛'],
      ['stl', '刘洋'],
    ]);
  }, LONG);

  afterAll(() => ctx?.close());

  it(
    'answers Accept: text/csv on the box score with a BOM, CRLF, Chinese headers and the JSON’s numbers',
    async () => {
      const json = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/box-score`);
      const d = await download(`/api/v1/games/${gameId}/box-score`, CSV);
      expect(d.status).toBe(200);
      expect(d.type).toBe('text/csv; charset=utf-8');
      expect([...d.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = d.bytes.toString('utf8');
      expect(text.split('\r\n').length).toBeGreaterThan(10);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(d.disposition).toMatch(/^attachment; filename="game-box-score\.csv"; filename\*=UTF-8''/);
      expect(decodeURIComponent(d.disposition.split("''")[1]!)).toBe(`${HOME}vs${AWAY}-技术统计.csv`);

      const [header, ...rows] = await rowsOf(d);
      expect(header!.slice(0, 8)).toEqual(['球队', '号码', '姓名', '首发', '上场时间', '得分', '投篮命中', '投篮出手']);
      expect(header).toContain('正负值');
      for (const team of json.teams) {
        for (const p of team.players) {
          const row = rows.find((r) => r[0] === team.name && r[2] === p.name)!;
          expect(row[1]).toBe(String(p.jerseyNumber));
          expect(Number(row[header!.indexOf('得分')])).toBe(p.pts);
          expect(Number(row[header!.indexOf('篮板')])).toBe(p.reb);
          expect(Number(row[header!.indexOf('助攻')])).toBe(p.ast);
          expect(Number(row[header!.indexOf('抢断')])).toBe(p.stl);
          expect(Number(row[header!.indexOf('效率')])).toBe(p.eff);
        }
        const totals = rows.find((r) => r[0] === team.name && r[2] === '全队')!;
        expect(Number(totals[header!.indexOf('得分')])).toBe(team.totals.pts);
      }
      expect(Number(rows.find((r) => r[2] === '王磊')![header!.indexOf('得分')])).toBe(3);

      // The same table as XLSX, from the explicit route; JSON still answers JSON.
      const x = await download(`/api/v1/games/${gameId}/exports/box-score.xlsx`);
      expect(x.type).toBe(XLSX);
      expect(await rowsOf(x)).toEqual([header!, ...rows]);
      const plain = await ctx.anon('GET', `/api/v1/games/${gameId}/box-score`, undefined, { accept: '*/*' });
      expect(plain.headers['content-type']).toContain('application/json');

      // One address, two representations by Accept: both say so, so a shared cache keeps them apart
      // (the JSON read again from the kept copy too, and compressed).
      const varies = (res: Response) =>
        (res.headers.get('vary') ?? '')
          .split(',')
          .map((x) => x.trim().toLowerCase())
          .sort();
      const address = `${ctx.baseUrl}/api/v1/games/${gameId}/box-score`;
      for (let i = 0; i < 2; i++) {
        const jsonRes = await fetch(address, { headers: { 'accept-encoding': 'gzip' } });
        expect(jsonRes.headers.get('content-type')).toContain('application/json');
        expect(varies(jsonRes)).toEqual(['accept', 'accept-encoding', 'authorization']);
      }
      // Leaders are also kept per version (FreshPublicReads): the kept answer varies by Accept too.
      for (let i = 0; i < 2; i++) {
        const leadersRes = await fetch(`${ctx.baseUrl}/api/v1/tournaments/${kit.tournamentId}/leaders?category=points`);
        expect(leadersRes.status).toBe(200);
        expect(leadersRes.headers.get('etag')).toBeTruthy();
        expect(varies(leadersRes)).toContain('accept');
      }
      const csvRes = await fetch(address, { headers: { accept: CSV } });
      expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(varies(csvRes)).toContain('accept');
      // An address with one representation does not vary by Accept.
      expect(varies(await fetch(`${ctx.baseUrl}/api/v1/games/${gameId}`))).not.toContain('accept');
    },
    LONG,
  );

  it(
    'exports the play-by-play in order with the score after each play',
    async () => {
      const json = await ok(ctx.anon, 'GET', `/api/v1/games/${gameId}/plays?limit=500`);
      for (const d of [
        await download(`/api/v1/games/${gameId}/exports/plays.csv`),
        await download(`/api/v1/games/${gameId}/plays`, XLSX),
      ]) {
        expect(d.status).toBe(200);
        const [header, ...rows] = await rowsOf(d);
        expect(header).toEqual(['序号', '节次', '时间', '球队', '号码', '球员', '事件', '主队', '客队', '有效']);
        expect(rows).toHaveLength(json.items.length);
        rows.forEach((r, i) => {
          expect(Number(r[0])).toBe(json.items[i].seq);
          expect([Number(r[7]), Number(r[8])]).toEqual([json.items[i].score.home, json.items[i].score.away]);
        });
        const three = rows.find((r) => r[5] === '王磊')!;
        expect(three.slice(3, 7)).toEqual([HOME, '4', '王磊', '投篮命中（3分）']);
        expect(three[1]).toBe('1');
      }
    },
    LONG,
  );

  it(
    'exports results, schedule and leaders of the tournament, matching the JSON',
    async () => {
      const results = await rowsOf(await download(`/api/v1/tournaments/${kit.tournamentId}/exports/results.csv`));
      expect(results[0]).toEqual([
        '比赛编号',
        '轮次',
        '日期',
        '时间',
        '场地',
        '主队',
        '主队得分',
        '客队得分',
        '客队',
        '胜队',
        '结果类型',
        '状态',
      ]);
      expect(results.slice(1)).toEqual([
        ['', '', '2024-05-11', '19:30', '主场', HOME, '5', '3', AWAY, HOME, '正常比赛', '已结束'],
      ]);

      const schedule = await download(`/api/v1/tournaments/${kit.tournamentId}/exports/schedule?format=xlsx`);
      expect(schedule.type).toBe(XLSX);
      expect((await rowsOf(schedule))[1]).toEqual([
        '',
        '',
        '2024-05-11',
        '19:30',
        '主场',
        HOME,
        AWAY,
        '已结束',
        '5',
        '3',
      ]);
      // The games list answers the same schedule by Accept.
      expect(await rowsOf(await download(`/api/v1/tournaments/${kit.tournamentId}/games`, CSV))).toEqual(
        await rowsOf(schedule),
      );

      const leaders = await ok(ctx.anon, 'GET', `/api/v1/tournaments/${kit.tournamentId}/leaders?category=points`);
      const sheet = await rowsOf(
        await download(`/api/v1/tournaments/${kit.tournamentId}/leaders?category=points`, `${XLSX}, ${CSV};q=0.5`),
      );
      expect(sheet[0]).toEqual([
        '项目',
        '统计方式',
        '名次',
        '姓名',
        '号码',
        '球队',
        '场次',
        '数值',
        '显示',
        '合计',
        '出手',
      ]);
      expect(sheet.slice(1).map((r) => [r[0], r[3], r[8]])).toEqual(
        leaders.boards[0].entries.map((e: any) => ['得分', e.player.name, e.display]),
      );
      // 王磊 and 孙涛 both scored 3: a shared first place reads "1=".
      expect(
        sheet
          .slice(1, 3)
          .map((r) => [r[2], r[3]])
          .sort(),
      ).toEqual([
        ['1=', '孙涛'],
        ['1=', '王磊'],
      ]);
    },
    LONG,
  );

  it(
    'exports rosters without ID numbers, and refuses an unknown format or table by name',
    async () => {
      const d = await download(`/api/v1/tournaments/${kit.tournamentId}/players`, CSV);
      expect(d.status).toBe(200);
      const text = d.bytes.toString('utf8');
      expect(text).not.toContain(nationalId(7));
      expect(text).not.toContain(nationalId(7).slice(0, 14));
      const [header, ...rows] = await rowsOf(d);
      expect(header).toEqual(['球队', '号码', '姓名', '位置', '工作单位']);
      expect(rows).toHaveLength(11);
      expect(rows.find((r) => r[2] === '钱程')).toEqual([HOME, '30', '钱程', '中锋', '长兴天顺物流有限公司']);
      expect(await rowsOf(await download(`/api/v1/tournaments/${kit.tournamentId}/exports/rosters.xlsx`))).toEqual([
        header,
        ...rows,
      ]);

      const badFormat = await ctx.anon('GET', `/api/v1/tournaments/${kit.tournamentId}/exports/results?format=pdf`);
      expect(badFormat.status).toBe(400);
      expect(badFormat.body).toMatchObject({ code: 'EXPORT_FORMAT_INVALID', details: [{ field: 'format' }] });
      const unknown = await ctx.anon('GET', `/api/v1/tournaments/${kit.tournamentId}/exports/passwords.csv`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('EXPORT_NOT_FOUND');
    },
    LONG,
  );

  it(
    'names each game of a competition by its round (轮次) beside its id, in the schedule and the results',
    async () => {
      const names = ['湖州一队', '湖州二队', '湖州三队', '湖州四队'];
      const cup = await newKit(
        ctx,
        names.map((name, i) => ({ name, players: [1, 2, 3, 4, 5].map((j) => `杯${i}员${j}`) })),
      );
      await setupCompetition(ctx, cup, [
        { kind: 'knockout', id: 'KO', name: '淘汰赛', thirdPlaceGame: true, entrants: teamSlots(cup, names) },
      ]);
      const sf1 = cup.games.get('SF1')!;
      await ok(ctx.http, 'POST', `/api/v1/games/${sf1}/transitions`, {
        to: 'forfeit',
        teamId: (await ok(ctx.anon, 'GET', `/api/v1/games/${sf1}`)).awayTeam.id,
      });

      const schedule = await rowsOf(await download(`/api/v1/tournaments/${cup.tournamentId}/exports/schedule.csv`));
      expect(schedule[0]!.slice(0, 2)).toEqual(['比赛编号', '轮次']);
      expect(Object.fromEntries(schedule.slice(1).map((r) => [r[0], r[1]]))).toEqual({
        SF1: '半决赛1',
        SF2: '半决赛2',
        '3P': '第3名决赛',
        F: '决赛',
      });
      const results = await rowsOf(await download(`/api/v1/tournaments/${cup.tournamentId}/exports/results.csv`));
      expect(results.slice(1).map((r) => r.slice(0, 2))).toEqual([['SF1', '半决赛1']]);
    },
    LONG,
  );
});
