/**
 * Reads a plan document from disk or bytes into a PlanSource: text files
 * (UTF-8/GBK), .csv/.tsv, .xlsx and .docx. The only I/O of the importer.
 * Every reader is bounded (bot/domain/plan/limits.ts) and loaded on demand,
 * so a worker that reads a .csv never loads mammoth.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatMb, LIMITS } from '../domain/plan/limits.js';
import { PlanError, type PlanSource } from '../domain/plan/types.js';
import { decodeText } from './decode-text.js';

const TEXT_EXT = new Set(['', '.txt', '.text', '.md', '.markdown']);

export async function readPlanFile(path: string): Promise<PlanSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PlanError(`找不到文件：${path}`);
  }
  if (info.isDirectory()) throw new PlanError(`「${path}」是一个文件夹，不是文件：请指定其中的工作要点文件。`);
  checkSize(info.size);
  return decodePlanBytes(basename(path), await readFile(path));
}

export async function decodePlanBytes(name: string, bytes: Buffer): Promise<PlanSource> {
  const format = planFormat(name);
  checkSize(bytes.length);
  if (format === 'text') return { kind: 'text', name, text: decodeText(bytes) };
  if (format === '.csv' || format === '.tsv') return (await import('./read-delimited.js')).readDelimited(name, bytes, format === '.tsv' ? '\t' : undefined);
  if (format === '.xlsx') return (await import('./read-xlsx.js')).readXlsx(name, bytes);
  return (await import('./read-docx.js')).readDocx(name, bytes);
}

/** The reader a file name asks for, or a PlanError naming the types we read: checked before any byte is fetched. */
export function planFormat(name: string): 'text' | '.csv' | '.tsv' | '.xlsx' | '.docx' {
  const ext = extname(name).toLowerCase();
  if (TEXT_EXT.has(ext)) return 'text';
  if (ext === '.csv' || ext === '.tsv' || ext === '.xlsx' || ext === '.docx') return ext;
  const shown = ext.replace(/[^\w.]/g, '').slice(0, 12);
  if (ext === '.doc' || ext === '.xls' || ext === '.wps' || ext === '.et') {
    throw new PlanError(`不支持旧版 Office 格式（${shown}）：请在 Word/WPS 中另存为 .docx（表格另存为 .xlsx）后再导入。`);
  }
  throw new PlanError(`不支持的文件类型「${shown}」：请使用 .txt、.md、.docx、.xlsx、.csv 或 .tsv。`);
}

/** The size refusal for a file known only to be larger than the limit (a download cut short). */
export function tooLarge(): PlanError {
  return new PlanError(`文件过大：工作要点文件不能超过 ${formatMb(LIMITS.fileBytes)}。`);
}

function checkSize(size: number): void {
  if (size === 0) throw new PlanError('文件是空的：没有可以导入的内容。');
  if (size > LIMITS.fileBytes) {
    throw new PlanError(`文件过大（${formatMb(size)}）：工作要点文件不能超过 ${formatMb(LIMITS.fileBytes)}。`);
  }
}
