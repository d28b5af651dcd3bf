import { parse } from 'csv-parse/sync';
import { contentDisposition, csvField, guardFormula, toCsv } from './sheet.js';

describe('CSV that Excel opens with Chinese headers', () => {
  const sheet = {
    title: '比赛成绩',
    columns: [{ header: '主队' }, { header: '得分' }, { header: '备注' }],
    rows: [
      ['南浔彩蝶队', 78, '加时, "绝杀"'],
      ['=HYPERLINK("http://x")', -3, '多行\n备注'],
      ['+1', null, '@SUM(A1)'],
    ],
  };

  it('starts with a UTF-8 byte-order mark, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(sheet);
    expect(csv.startsWith('\uFEFF主队,得分,备注\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"加时, ""绝杀"""');
    const rows = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(rows).toEqual([
      ['主队', '得分', '备注'],
      ['南浔彩蝶队', '78', '加时, "绝杀"'],
      [`'=HYPERLINK("http://x")`, '-3', '多行\n备注'],
      ["'+1", '', "'@SUM(A1)"],
    ]);
  });

  it('guards text a spreadsheet would run as a formula, and only text', () => {
    for (const t of ['=1+1', '+86 138', '-5', '@A1', '\tx']) expect(guardFormula(t).startsWith("'")).toBe(true);
    expect(guardFormula('王磊')).toBe('王磊');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(true)).toBe('是');
  });

  it('names the download in Chinese with an ASCII fallback (RFC 5987)', () => {
    expect(contentDisposition('工BA/湖州 成绩.csv', 'results.csv')).toBe(
      `attachment; filename="results.csv"; filename*=UTF-8''%E5%B7%A5BA_%E6%B9%96%E5%B7%9E%20%E6%88%90%E7%BB%A9.csv`,
    );
  });
});
