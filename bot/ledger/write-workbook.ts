/**
 * Plain tables → .xlsx bytes with exceljs. Every sheet: a bold header row, frozen and
 * filterable; wrapped, top-aligned cells; row heights estimated from the text, since not
 * every viewer (Feishu's preview among them) grows a row to fit wrapped text.
 *
 * Cells are strings or numbers, never formulas: exceljs stores a JS string as a string cell
 * whatever it starts with (= + - @ included), and text cells also get the Text number
 * format ('@'), so that editing such a cell in Excel later does not turn it into a formula.
 */
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** In Excel's units (about one Latin character; a Chinese character takes two). */
  width: number;
}

export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Excel refuses (and "repairs") cells longer than this. */
const MAX_CELL_CHARS = 32_767;
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;

export async function writeWorkbook(sheets: SheetSpec[], meta: { title: string; at: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'workplan-bot';
  wb.title = meta.title;
  wb.created = meta.at;
  wb.modified = meta.at;
  for (const sheet of sheets) addSheet(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = '1:1';
  ws.columns = spec.columns.map((c) => ({ width: c.width }));

  const header = ws.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  header.height = rowHeight(spec.columns.map((c) => c.header), spec.columns);

  spec.rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (typeof v === 'number') cell.value = v;
      else if (v !== null && v !== '') {
        cell.value = cleanText(v);
        cell.numFmt = '@';
      }
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.height = rowHeight(values, spec.columns);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
}

/** Line ends normalised, cut to Excel's cell limit (exceljs drops XML-illegal control characters itself). */
function cleanText(s: string): string {
  const text = s.replace(/\r\n?/g, '\n');
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/** Points needed for the tallest cell of a row, generously estimated. */
function rowHeight(values: Cell[], columns: Column[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !v) return;
    const room = Math.max(1, (columns[i]?.width ?? 10) - 1);
    const n = v.split(/\r\n?|\n/).reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 3);
}

/** Width in Excel's units: wide (CJK, full-width) characters count two. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1.1;
  return w;
}
