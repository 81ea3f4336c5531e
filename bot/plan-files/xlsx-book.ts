/**
 * The workbook-level parts of an .xlsx: its sheets in order (name and part
 * path), the shared strings, which cell styles show dates, and the 1904 date
 * system flag. Read with the one-pass tokenizer from parts already checked.
 */
import { attrOf, decodeXml, scanXml } from './xml-scan.js';

export interface Book {
  sheets: { name: string; path: string }[];
  sharedStrings: string[];
  /** Per cell style index (the `s` of a cell): true when its number format shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the zh-CN ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code that shows a date: y, m, d, h, s outside quotes and brackets (as ExcelJS decides). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's `_x000D_` escapes inside strings. */
export function decodeExcelText(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

export function readBook(part: (path: string) => string | undefined): Book {
  const rootRels = relationships(part('_rels/.rels') ?? '', '');
  const bookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const base = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  const rels = relationships(part(`${base}_rels/${bookPath.slice(base.length)}.rels`) ?? '', base);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: Book['sheets'] = [];
  let date1904 = false;
  scanXml(part(bookPath) ?? '', {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = /^(1|true)$/.test(attrOf(attrs, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const rel = byId.get(attrOf(attrs, 'id') ?? '');
      if (rel) sheets.push({ name: attrOf(attrs, 'name') ?? '', path: rel.target });
    },
  });
  const typed = (suffix: string, fallback: string) => rels.find((r) => r.type.endsWith(suffix))?.target ?? `${base}${fallback}`;
  return {
    sheets,
    sharedStrings: readSharedStrings(part(typed('/sharedStrings', 'sharedStrings.xml')) ?? ''),
    dateStyles: readDateStyles(part(typed('/styles', 'styles.xml')) ?? ''),
    date1904,
  };
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string, base: string): Rel[] {
  const out: Rel[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name !== 'Relationship' || attrOf(attrs, 'TargetMode') === 'External') return;
      const target = attrOf(attrs, 'Target') ?? '';
      out.push({ id: attrOf(attrs, 'Id') ?? '', type: attrOf(attrs, 'Type') ?? '', target: resolve(base, target) });
    },
  });
  return out;
}

/** A relationship target relative to the folder of its source, as a zip path. */
function resolve(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Each `<si>`: the text of its `<t>` runs, phonetic guides (`<rPh>`) left out. */
function readSharedStrings(xml: string): string[] {
  return plainSharedStrings(xml) ?? scanSharedStrings(xml);
}

const SST_HEAD = /^(?:<\?xml[^<>]*\?>)?\s*<sst(?:\s[^<>]*)?>$/;
const T_OPEN = ['<t>', '<t xml:space="preserve">'];

/**
 * The shared strings as Excel, WPS and ExcelJS usually write them — `<sst …>` holding only
 * `<si><t>text</t></si>` (or `<t xml:space="preserve">`) with no markup in the text — read by
 * position, with what the tokenizer's reading would give for the same part; null for any other
 * shape (rich text, phonetic guides, CDATA, comments, a prefix), which scanSharedStrings reads.
 */
function plainSharedStrings(xml: string): string[] | null {
  const first = xml.indexOf('<si>');
  if (first < 0 || !SST_HEAD.test(xml.slice(0, first))) return null;
  const out: string[] = [];
  let p = first;
  while (xml.startsWith('<si>', p)) {
    p += 4;
    const open = T_OPEN.find((t) => xml.startsWith(t, p));
    if (!open) return null;
    p += open.length;
    const end = xml.indexOf('<', p);
    if (end < 0 || !xml.startsWith('</t></si>', end)) return null;
    out.push(decodeExcelText(decodeXml(xml.slice(p, end))));
    p = end + 9;
  }
  return /^<\/sst>\s*$/.test(xml.slice(p)) ? out : null;
}

function scanSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let chunks: string[] = [];
  let inT = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') chunks = [];
      else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 't' && !selfClosing) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si') out.push(decodeExcelText(chunks.join('')));
    },
    text(raw, cdata) {
      if (inT && !phonetic) chunks.push(cdata ? raw : decodeXml(raw));
    },
  });
  return out;
}

function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attrOf(attrs, 'numFmtId')), attrOf(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrOf(attrs, 'numFmtId') ?? 0);
        const code = custom.get(id);
        out.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return out;
}
