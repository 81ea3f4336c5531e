/**
 * Reads a plan document from disk or bytes into a PlanSource: text files
 * (UTF-8/GBK), .csv/.tsv, .xlsx and .docx. The only I/O of the importer.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { PlanError, type PlanSource } from '../domain/plan/types.js';
import { decodeText } from './decode-text.js';
import { tablesFromHtml } from './html-tables.js';
import { findHeaderRow } from '../domain/plan/parse-table.js';

/** Plans are a few hundred KB at most; anything past this is refused unread. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

const TEXT_EXT = new Set(['', '.txt', '.text', '.md', '.markdown']);

export async function readPlanFile(path: string): Promise<PlanSource> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new PlanError(`找不到文件：${path}`);
  }
  checkSize(size);
  return decodePlanBytes(basename(path), await readFile(path));
}

export async function decodePlanBytes(name: string, bytes: Buffer): Promise<PlanSource> {
  checkSize(bytes.length);
  const ext = extname(name).toLowerCase();
  if (TEXT_EXT.has(ext)) return { kind: 'text', name, text: decodeText(bytes) };
  if (ext === '.csv' || ext === '.tsv') return readDelimited(name, bytes, ext === '.tsv' ? '\t' : undefined);
  if (ext === '.xlsx') return readXlsx(name, bytes);
  if (ext === '.docx') return readDocx(name, bytes);
  if (ext === '.doc' || ext === '.xls' || ext === '.wps' || ext === '.et') {
    throw new PlanError(`不支持旧版 Office 格式（${ext}）：请在 Word/WPS 中另存为 .docx（表格另存为 .xlsx）后再导入。`);
  }
  throw new PlanError(`不支持的文件类型「${ext}」：请使用 .txt、.docx、.xlsx、.csv 或 .tsv。`);
}

function checkSize(size: number): void {
  if (size === 0) throw new PlanError('文件是空的：没有可以导入的内容。');
  if (size > MAX_PLAN_BYTES) {
    throw new PlanError(`文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：工作要点文件不能超过 ${MAX_PLAN_BYTES / 1024 / 1024} MB。`);
  }
}

function readDelimited(name: string, bytes: Buffer, delimiter?: string): PlanSource {
  const text = decodeText(bytes);
  if (!text.trim()) throw new PlanError('文件是空的：没有可以导入的内容。');
  const guess = delimiter ?? (text.split('\n', 5).join('').split('\t').length > text.split('\n', 5).join('').split(',').length ? '\t' : ',');
  try {
    const rows = parseCsv(text, { delimiter: guess, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as string[][];
    return { kind: 'table', name, rows, preface: [] };
  } catch (e) {
    throw new PlanError(`表格文件格式有误，无法读取：${(e as Error).message.slice(0, 80)}`);
  }
}

async function readXlsx(name: string, bytes: Buffer): Promise<PlanSource> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new PlanError('无法打开这个 Excel 文件：文件可能已损坏或不是 .xlsx 格式。');
  }
  let fallback: string[][] | null = null;
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        // A merged cell's value belongs to its master only.
        cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell));
      }
      rows.push(cells);
    });
    if (findHeaderRow(rows) >= 0) return { kind: 'table', name, rows, preface: [] };
    fallback ??= rows;
  }
  if (!fallback) throw new PlanError('Excel 文件中没有工作表。');
  return { kind: 'table', name, rows: fallback, preface: [] };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

async function readDocx(name: string, bytes: Buffer): Promise<PlanSource> {
  let html: string;
  let raw: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw new PlanError('无法打开这个 Word 文件：文件可能已损坏或不是 .docx 格式。');
  }
  const { tables, paragraphsBefore } = tablesFromHtml(html);
  const rows = tables.flat();
  if (findHeaderRow(rows) >= 0) return { kind: 'table', name, rows, preface: paragraphsBefore };
  const text = raw.replace(/\n{2,}/g, '\n');
  if (!text.trim()) throw new PlanError('Word 文件中没有文字内容。');
  return { kind: 'text', name, text };
}
