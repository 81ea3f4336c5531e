/**
 * .docx → a table (when it holds a task table) or text. The zip is checked and
 * inflated within LIMITS first, its XML is measured (elements, nesting, table
 * rows) in one pass, and only then does mammoth read it — from a repacked zip
 * with nothing left to inflate, without the images (never inlined as base64).
 */
import mammoth from 'mammoth';
import { formatCount, LIMITS } from '../domain/plan/limits.js';
import { findHeaderRow } from '../domain/plan/parse-table.js';
import { PlanError, type PlanSource } from '../domain/plan/types.js';
import { packStored, unzipChecked, type ZipPart } from './checked-zip.js';
import { tablesFromHtml } from './html-tables.js';
import { TableBounds } from './table-bounds.js';
import { scanXml } from './xml-scan.js';

const DOCX = { label: 'Word 文件', ext: '.docx' };
/** Pictures and embedded objects: mammoth is told to drop images, so they are never read. */
const UNREAD = /^word\/(?:media|embeddings)\//;
const NO_IMAGES = { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) };

export async function readDocx(name: string, bytes: Buffer): Promise<PlanSource> {
  const parts = unzipChecked(bytes, DOCX, (n) => !UNREAD.test(n));
  measureXml(parts);
  const input = { buffer: packStored(parts.values()) };
  parts.clear();
  const html = await mammothOr(() => mammoth.convertToHtml(input, NO_IMAGES));
  const { tables, paragraphsBefore } = tablesFromHtml(html);
  const rows = tables.flat();
  if (findHeaderRow(rows) >= 0) {
    const bounds = new TableBounds('numbers');
    rows.forEach((row, r) => row.forEach((cell, c) => cell.trim() && bounds.cell(r + 1, c + 1)));
    return { kind: 'table', name, rows, preface: paragraphsBefore };
  }
  const raw = await mammothOr(() => mammoth.extractRawText(input));
  const text = raw.replace(/\n{2,}/g, '\n');
  if (!text.trim()) throw new PlanError('Word 文件中没有文字内容。');
  return { kind: 'text', name, text };
}

async function mammothOr(run: () => Promise<{ value: string }>): Promise<string> {
  try {
    return (await run()).value;
  } catch {
    throw new PlanError('无法打开这个 Word 文件：文件可能已损坏或不是 .docx 格式。');
  }
}

/** Elements, nesting and table rows of every XML part, against LIMITS, before mammoth builds its tree. */
function measureXml(parts: Map<string, ZipPart>): void {
  let elements = 0;
  let rows = 0;
  for (const [path, part] of parts) {
    if (!/\.(xml|rels)$/i.test(path)) continue;
    let depth = 0;
    scanXml(part.data.toString('utf8'), {
      open(name) {
        if (++depth > LIMITS.docxDepth) {
          throw new PlanError(`Word 文件的结构嵌套过深（超过 ${LIMITS.docxDepth} 层，例如表格中套表格）：请简化后另存为新文件再导入。`);
        }
        if (++elements > LIMITS.docxElements) {
          throw new PlanError(`Word 文件过于复杂（超过 ${formatCount(LIMITS.docxElements)} 个排版元素）：请删去与工作任务无关的内容，或改用 .xlsx 表格导入。`);
        }
        if (name === 'tr' && ++rows > LIMITS.rows) {
          throw new PlanError(`Word 文件中的表格过长（超过 ${formatCount(LIMITS.rows)} 行）：请分成几份导入。`);
        }
      },
      close() {
        depth = Math.max(0, depth - 1);
      },
    });
  }
}
