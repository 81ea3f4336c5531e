/**
 * .xlsx → a table, in one pass over each sheet's XML. Only the cells present
 * in the file are visited; cells that hold only formatting (Excel writes
 * styles out to column XFD) are not content. A merged range's value is its
 * top-left cell's. Rows, columns and cells with content are bounded
 * (TableBounds), and only the parts that hold cell values are inflated.
 *
 * ExcelJS is not used to read: its loader walks every column up to the last
 * one used on each row, and expands merged ranges, data validations and
 * defined names cell by cell, so a 2 KB file could take minutes or gigabytes.
 */
import { formatCount, LIMITS } from '../domain/plan/limits.js';
import { findHeaderRow } from '../domain/plan/parse-table.js';
import { PlanError, type PlanSource } from '../domain/plan/types.js';
import { unzipChecked } from './checked-zip.js';
import { TableBounds, toRectangle } from './table-bounds.js';
import { decodeExcelText, readBook, type Book } from './xlsx-book.js';
import { attrOf, attrsOf, decodeXml, isNameEnd, scanXml, type XmlHandlers } from './xml-scan.js';

const XLSX = { label: 'Excel 文件', ext: '.xlsx' };
/** The parts that hold cell values; drawings, images, pivot caches and the rest are never inflated. */
const VALUE_PARTS = /^(?:_rels\/\.rels|xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml))$/;

export function readXlsx(name: string, bytes: Buffer): PlanSource {
  const parts = unzipChecked(bytes, XLSX, (n) => VALUE_PARTS.test(n));
  const text = (path: string) => parts.get(path)?.data.toString('utf8');
  if (!parts.has('xl/workbook.xml')) throw new PlanError('无法打开这个 Excel 文件：文件可能已损坏或不是 .xlsx 格式。');
  const book = readBook(text);
  if (!book.sheets.length) throw new PlanError('Excel 文件中没有工作表。');
  let fallback: string[][] | null = null;
  let refused: PlanError | null = null;
  for (const sheet of book.sheets) {
    let rows: string[][];
    try {
      rows = readSheet(text(sheet.path) ?? '', book);
    } catch (e) {
      // A sheet past the limits is passed over when another sheet holds the plan.
      if (!(e instanceof PlanError)) throw e;
      refused ??= new PlanError(book.sheets.length > 1 ? `工作表「${shortName(sheet.name)}」：${e.message}` : e.message);
      continue;
    }
    if (findHeaderRow(rows) >= 0) return { kind: 'table', name, rows, preface: [] };
    fallback ??= rows;
  }
  if (refused) throw refused;
  return { kind: 'table', name, rows: fallback ?? [], preface: [] };
}

function shortName(s: string): string {
  const plain = s.replace(/[^\p{L}\p{N} _-]/gu, '');
  return plain.length > 20 ? `${plain.slice(0, 19)}…` : plain;
}

interface CellState {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string[];
  inline: string[];
  formula: boolean;
}

/** One sheet's cells with content, as a rectangle of strings from row 1 and column A. */
export function readSheet(xml: string, book: Book): string[][] {
  const bounds = new TableBounds('letters');
  const sparse: string[][] = [];
  const merges: string[] = [];
  let row = 0;
  let col = 0;
  let cell: CellState | null = null;
  let into: 'value' | 'inline' | null = null;
  let phonetic = 0;
  const handlers: XmlHandlers = {
    open(name, attrs, selfClosing, end) {
      // The rows as spreadsheet programs write them are tokenized by plainRows, which calls these same handlers.
      if (name === 'sheetData' && !selfClosing) return plainRows(xml, end + 1, handlers);
      if (name === 'row') {
        row = Number(attrOf(attrs, 'r') ?? row + 1) || row + 1;
        col = 0;
      } else if (name === 'c') {
        // A cell's own address wins; without one it follows the previous cell.
        const [r, s, t] = attrsOf(attrs, CELL_ATTRS);
        const at = parseRef(r);
        col = at ? at.col : col + 1;
        const style = Number(s ?? 0);
        cell = { row: at ? at.row : Math.max(row, 1), col, type: t ?? 'n', style, value: [], inline: [], formula: false };
      } else if (!cell) {
        if (name === 'mergeCell') merges.push(attrOf(attrs, 'ref') ?? '');
      } else if (name === 'v' && !selfClosing) into = 'value';
      else if (name === 't' && !selfClosing && !phonetic) into = 'inline';
      else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 'f') cell.formula = true;
    },
    close(name) {
      if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'c' && cell) {
        const text = cellText(cell, book);
        if (text.trim()) {
          bounds.cell(cell.row, cell.col);
          (sparse[cell.row - 1] ??= [])[cell.col - 1] = text;
        }
        cell = null;
        into = null;
      }
    },
    text(raw, cdata) {
      if (cell && into) cell[into].push(cdata ? raw : decodeXml(raw));
    },
  };
  scanXml(xml, handlers);
  blankMergedCells(sparse, merges);
  return toRectangle(sparse);
}

type RowHandlers = Required<Pick<XmlHandlers, 'open' | 'close' | 'text'>>;

/**
 * Tokenizes rows from `from` as scanXml would, for the shapes Excel, WPS and ExcelJS write — `<row …>`,
 * `<c …>`, `<v>`, their ends, text between them — calling the same handlers with the same arguments, and
 * returns where it met anything else (a prefix, `<is>`, `<f>`, a comment, `</sheetData>`): scanXml goes on
 * from there. A tag is taken only when nothing in it could move its end (no `<`, no apostrophe, paired
 * quotes), so its end is the first `>`, as scanXml's tagEnd finds it.
 */
function plainRows(xml: string, from: number, h: XmlHandlers): number {
  const { open, close, text } = h as RowHandlers;
  const n = xml.length;
  let p = from;
  while (p < n) {
    if (xml.charCodeAt(p) !== LT) {
      const lt = xml.indexOf('<', p);
      if (lt < 0) return p;
      text(xml.slice(p, lt), false);
      p = lt;
      continue;
    }
    if (xml.charCodeAt(p + 1) === SLASH) {
      const name = xml.startsWith('</v>', p) ? 'v' : xml.startsWith('</c>', p) ? 'c' : xml.startsWith('</row>', p) ? 'row' : null;
      if (!name) return p;
      close(name);
      p += name.length + 3;
      continue;
    }
    if (xml.startsWith('<v>', p)) {
      open('v', '', false, p + 2);
      p += 3;
      continue;
    }
    const name = xml.startsWith('<c', p) && isNameEnd(xml.charCodeAt(p + 2)) ? 'c' : xml.startsWith('<row', p) && isNameEnd(xml.charCodeAt(p + 4)) ? 'row' : null;
    const gt = name ? xml.indexOf('>', p) : -1;
    if (!name || gt < 0 || !plainTag(xml, p + 1, gt)) return p;
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    open(name, xml.slice(p + 1 + name.length, selfClosing ? gt - 1 : gt), selfClosing, gt);
    if (selfClosing) close(name);
    p = gt + 1;
  }
  return p;
}

/** Whether xml[from, to) holds no `<`, no apostrophe and paired double quotes. */
function plainTag(xml: string, from: number, to: number): boolean {
  let quotes = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === LT || c === APOS) return false;
    if (c === QUOTE) quotes++;
  }
  return quotes % 2 === 0;
}
const LT = 60;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

const CELL_ATTRS = ['r', 's', 't'] as const;

/** 「B12」「$B$12」 (/^\$?([A-Z]{1,3})\$?(\d{1,7})$/) → column and row, read character by character. */
function parseRef(ref: string | undefined): { row: number; col: number } | null {
  if (ref === undefined) return null;
  const n = ref.length;
  let i = ref.charCodeAt(0) === DOLLAR ? 1 : 0;
  let col = 0;
  const lettersFrom = i;
  for (let c = ref.charCodeAt(i); c >= 65 && c <= 90 && i - lettersFrom < 3; c = ref.charCodeAt(++i)) col = col * 26 + c - 64;
  if (i === lettersFrom) return null;
  if (ref.charCodeAt(i) === DOLLAR) i++;
  const digitsFrom = i;
  let row = 0;
  for (let c = ref.charCodeAt(i); c >= 48 && c <= 57 && i - digitsFrom < 7; c = ref.charCodeAt(++i)) row = row * 10 + c - 48;
  return i > digitsFrom && i === n ? { col, row } : null;
}
const DOLLAR = 36;

/** What ExcelJS and the previous reader showed: dates as YYYY-MM-DD, numbers as JavaScript prints them. */
function cellText(c: CellState, book: Book): string {
  const v = c.value.join('');
  switch (c.type) {
    case 's':
      return c.formula ? '' : (book.sharedStrings[Number(v)] ?? '');
    case 'inlineStr':
      return decodeExcelText(c.inline.join(''));
    case 'str':
    case 'e':
      return v;
    case 'b':
      return v === '' ? '' : String(parseInt(v, 10) !== 0);
    case 'd':
      return isoDate(new Date(v)) ?? v;
    default: {
      if (v === '') return '';
      const n = parseFloat(v);
      if (book.dateStyles[c.style]) {
        return isoDate(new Date(Math.round((n - 25569 + (book.date1904 ? 1462 : 0)) * 86_400_000))) ?? String(n);
      }
      return String(n);
    }
  }
}

function isoDate(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A merged range shows its top-left value only; the others are emptied, within the table read. */
function blankMergedCells(sparse: string[][], merges: string[]): void {
  let budget = LIMITS.rows * LIMITS.columns;
  for (const ref of merges) {
    const [a, b] = ref.split(':').map(parseRef);
    if (!a || !b) continue;
    const bottom = Math.min(b.row, sparse.length);
    for (let r = a.row; r <= bottom; r++) {
      const cells = sparse[r - 1];
      if (!cells) continue;
      const right = Math.min(b.col, cells.length);
      for (let c = a.col; c <= right; c++) {
        if (r === a.row && c === a.col) continue;
        if (--budget < 0) throw new PlanError(`表格中合并的单元格过多（超过 ${formatCount(LIMITS.rows * LIMITS.columns)} 个）：请取消不必要的合并后重新导入。`);
        if (cells[c - 1] !== undefined) cells[c - 1] = '';
      }
    }
  }
}
