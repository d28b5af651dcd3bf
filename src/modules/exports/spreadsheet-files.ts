import type { FastifyReply } from 'fastify';
import { contentDisposition, toCsv, type Sheet } from '../../domain/exports/index.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  contentType: string;
  disposition: string;
  body: Buffer;
}

/** One sheet as an .xlsx workbook (exceljs, pure JavaScript): bold frozen header row, column widths. */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  // Loaded on the first export, not at start-up (exceljs is hundreds of modules).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Courtside';
  // Excel refuses sheet names over 31 characters or with []:*?/\.
  const worksheet = workbook.addWorksheet(sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 10 }));
  worksheet.getRow(1).font = { bold: true };
  // Values go in as values: text stays text (exceljs never reads a string as a formula).
  for (const row of sheet.rows) worksheet.addRow(row.map((v) => (typeof v === 'boolean' ? (v ? '是' : '否') : v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file for a sheet: `${name}.csv` or `.xlsx`, named in Chinese with `fallback` for old clients. */
export async function exportFile(
  sheet: Sheet,
  format: ExportFormat,
  name: string,
  fallback: string,
): Promise<ExportFile> {
  const fileName = `${name}.${format}`;
  const disposition = contentDisposition(fileName, `${fallback}.${format}`);
  if (format === 'csv')
    return { contentType: `${CSV_TYPE}; charset=utf-8`, disposition, body: Buffer.from(toCsv(sheet), 'utf8') };
  return { contentType: XLSX_TYPE, disposition, body: await toXlsx(sheet) };
}

/** Sets the download's headers on the reply and returns the body for Nest to send. */
export function send(reply: FastifyReply, file: ExportFile): Buffer {
  void reply.header('content-type', file.contentType);
  void reply.header('content-disposition', file.disposition);
  // Public data that changes with every result: caches must ask again.
  void reply.header('cache-control', 'no-cache');
  return file.body;
}
