/**
 * A table to hand to a spreadsheet: a title (the sheet's name, part of the file name), Chinese
 * column headers and rows of plain values. CSV and XLSX are written from the same Sheet, so both
 * hold the same headers and values as the JSON they come from.
 */
export type Cell = string | number | boolean | null;

export interface Column {
  header: string;
  /** Character width for XLSX (CJK characters count double). */
  width?: number;
}

export interface Sheet {
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * RFC 4180 CSV as Excel opens it on a Chinese Windows: UTF-8 with a byte-order mark (without
 * it Excel reads GBK and the headers turn to mojibake), CRLF line ends, every field quoted when
 * it holds a comma, quote, CR or LF. Text that Excel would run as a formula (starting with
 * = + - @, or tab/CR) is prefixed with an apostrophe (OWASP's advice for CSV injection): a
 * team named "=HYPERLINK(…)" stays text. Numbers are written as numbers.
 */
export function toCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => csvField(c.header)), ...sheet.rows.map((row) => row.map(csvField))];
  return BOM + lines.map((fields) => fields.join(',')).join(CRLF) + CRLF;
}

export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text that a spreadsheet would read as a formula gets a leading apostrophe. */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Content-Disposition for a download with a Chinese name: an ASCII fallback in `filename` and
 * the real name in `filename*` (RFC 5987/6266), which every current browser uses.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const safe = [...fileName]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/_+/g, '_');
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]+/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
