/**
 * Plan files that used to freeze or exhaust the importer (issue #14 items 1–4),
 * generated on demand (no binaries in the repository): sparse and formatted
 * sheets, tall tables, zip bombs, deep nesting, long lines, many targets,
 * big task numbers. Each comes with a name that has the right extension.
 */
import ExcelJS from 'exceljs';
import { buildZip } from './zip-writer.js';

export interface PlanFile {
  name: string;
  bytes: Buffer;
}

const HEADER = ['序号', '重点工作任务', '牵头单位', '完成时限'];
const taskRow = (i: number) => [i, `培育科技企业${i}。确保有效期高企达${(i % 90) + 10}家。`, '高新科', '2022年12月底'];

/** A task table of `rows` tasks; `extra` may add to the sheet (a far cell, formatting). */
export async function tableXlsx(rows: number, extra?: (ws: ExcelJS.Worksheet) => void, name = '任务分解表.xlsx'): Promise<PlanFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务');
  ws.addRow(['某区科技局2022年重点工作任务分解表']);
  ws.addRow(HEADER);
  for (let i = 1; i <= rows; i++) ws.addRow(taskRow(i));
  extra?.(ws);
  return { name, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** One cell with content in column XFD and 2,000 rows: ExcelJS's columnCount made this never finish. */
export const sparseXlsx = () => tableXlsx(2000, (ws) => void (ws.getCell('XFD3').value = '备注'), '稀疏表.xlsx');

/** Formatting only, out to column XFD on every row (as Excel writes it): not content. */
export const formattedXlsx = () =>
  tableXlsx(2000, (ws) => {
    for (let r = 1; r <= 2002; r++) ws.getCell(r, 16384).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  }, '带格式的表.xlsx');

/** Past the row limit (15,000). */
export const tallXlsx = () => tableXlsx(20_000, undefined, '两万行.xlsx');

const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const XLSX_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const BOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const book = (definedNames = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`;
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const inlineRow = (r: number, cells: (string | number)[]) =>
  `<row r="${r}">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

/**
 * A 3 KB .xlsx that ExcelJS expands cell by cell: a merged range, a data validation and a
 * defined name each covering the whole sheet (17 billion cells), over a small task table.
 */
export async function expandingXlsx(): Promise<PlanFile> {
  const rows = [inlineRow(1, HEADER), ...[1, 2, 3].map((i) => inlineRow(i + 1, taskRow(i)))].join('');
  const sheet = `${SHEET_HEAD}${rows}</sheetData><mergeCells count="1"><mergeCell ref="A30:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations></worksheet>`;
  const names = '<definedNames><definedName name="全表">S!$A$1:$XFD$1048576</definedName></definedNames>';
  return { name: '展开.xlsx', bytes: await xlsxOf(sheet, names) };
}

async function xlsxOf(sheet: string | { chunk: string; times: number }, definedNames = '', declaredSize?: number): Promise<Buffer> {
  const sheetEntry = { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize };
  return buildZip([
    { name: '[Content_Types].xml', data: XLSX_TYPES },
    { name: '_rels/.rels', data: XLSX_RELS },
    { name: 'xl/workbook.xml', data: book(definedNames) },
    { name: 'xl/_rels/workbook.xml.rels', data: BOOK_RELS },
    sheetEntry,
  ]);
}

const MB = 1024 * 1024;
const DOC_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A .docx whose document.xml is `body` (or `chunk` repeated), with more parts if given. */
async function docxOf(document: string | { chunk: string; times: number }, declaredSize?: number, more: { name: string; chunk: string; times: number }[] = []): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', data: DOCX_TYPES },
    { name: '_rels/.rels', data: DOCX_RELS },
    { name: 'word/document.xml', data: document, declaredSize },
    ...more.map((m) => ({ name: m.name, data: { chunk: m.chunk, times: m.times } })),
  ]);
}

/**
 * A prose plan with a 400 MB picture (about 400 KB compressed): mammoth inlined every picture
 * as base64 in its HTML, past the longest string V8 makes. The picture is neither inflated nor read now.
 */
export async function pictureDocx(): Promise<PlanFile> {
  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
  const picture = '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const lines = ['某区科技局2022年工作要点', '一、培育创新主体', '1.培育高新技术企业。确保有效期高企达140家。'];
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${para(lines[0]!)}${picture}${lines.slice(1).map(para).join('')}</w:body></w:document>`;
  const types = DOCX_TYPES.replace('<Default Extension="xml"', '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"');
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`;
  const bytes = await buildZip([
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: DOCX_RELS },
    { name: 'word/document.xml', data: document },
    { name: 'word/_rels/document.xml.rels', data: rels },
    { name: 'word/media/image1.png', data: { chunk: Buffer.alloc(MB), times: 400 } },
  ]);
  return { name: '带图片.docx', bytes };
}

/** A small prose plan as a .docx built by hand (the reader's happy path for these helpers). */
export async function plainDocx(): Promise<PlanFile> {
  const lines = ['某区科技局2022年工作要点', '一、培育创新主体', '1.培育高新技术企业。确保有效期高企达140家。', '牵头科室：高新科'];
  return { name: '要点.docx', bytes: await docxOf(`${DOC_HEAD}${lines.map(para).join('')}</w:body></w:document>`) };
}

/** A task table of `rows` rows in a .docx (mammoth builds a tree of it: memory grows with the rows). */
export async function tableDocx(rows: number): Promise<PlanFile> {
  const tr = (cells: (string | number)[]) => `<w:tr>${cells.map((c) => `<w:tc>${para(String(c))}</w:tc>`).join('')}</w:tr>`;
  const table = `<w:tbl>${tr(HEADER)}${Array.from({ length: rows }, (_, i) => tr(taskRow(i + 1))).join('')}</w:tbl>`;
  return { name: '任务表.docx', bytes: await docxOf(`${DOC_HEAD}${para('某区科技局2022年重点工作任务分解表')}${table}</w:body></w:document>`) };
}

/**
 * Zip bombs. `entry`: one part declared honestly at 60 MB (a few hundred KB compressed);
 * `total`: three parts of 40 MB; `lying`: a part that declares 16 KB and inflates to 60 MB.
 */
export async function docxBomb(kind: 'entry' | 'total' | 'lying'): Promise<PlanFile> {
  const chunk = para('推进科技创新工作，确保各项任务落实到位。'.repeat(20));
  const times = Math.ceil((kind === 'total' ? 40 : 60) * MB / Buffer.byteLength(chunk));
  const more = kind === 'total' ? ['word/footnotes.xml', 'word/comments.xml'].map((name) => ({ name, chunk, times })) : [];
  return { name: `炸弹-${kind}.docx`, bytes: await docxOf({ chunk, times }, kind === 'lying' ? 16 * 1024 : undefined, more) };
}

export async function xlsxBomb(kind: 'entry' | 'lying'): Promise<PlanFile> {
  const chunk = inlineRow(2, taskRow(1)).repeat(10);
  const times = Math.ceil(60 * MB / Buffer.byteLength(chunk));
  return { name: `炸弹-${kind}.xlsx`, bytes: await xlsxOf({ chunk, times }, '', kind === 'lying' ? 16 * 1024 : undefined) };
}

/** Tables nested `levels` deep (each adds table, row, cell), or `levels` runs inside runs. */
export async function deepDocx(kind: 'tables' | 'elements', levels: number): Promise<PlanFile> {
  const open = kind === 'tables' ? '<w:tbl><w:tr><w:tc>' : '<w:sdt><w:sdtContent>';
  const close = kind === 'tables' ? '</w:tc></w:tr></w:tbl>' : '</w:sdtContent></w:sdt>';
  const body = `${para('某区科技局2022年工作要点')}${open.repeat(levels)}${para('1.培育高新技术企业。确保有效期高企达140家。')}${close.repeat(levels)}`;
  return { name: `嵌套-${kind}.docx`, bytes: await docxOf(`${DOC_HEAD}${body}</w:body></w:document>`) };
}

const PLAN_HEAD = '某区科技局2022年工作要点\n一、培育创新主体\n1.培育高新技术企业。';

/**
 * A task whose text is a 1 MB line without a newline: a run of digits, a run of numerals, a
 * bracket full of colons, a run of spaces — each was tried from every place inside it (hours).
 */
export function longLineText(): PlanFile {
  const run = (unit: string) => unit.repeat(MB / 4 / unit.length);
  const line = `${run('1')}${run('一十万')}（${run('：')}${run(' ')}达5家`;
  return { name: '长行.txt', bytes: Buffer.from(`${PLAN_HEAD}${line}\n`, 'utf8') };
}

/** About 700 KB, most of it one task: `Math.max(...array)` over the text before a target overflowed the stack. */
export function bigPlanText(): PlanFile {
  const unit = '组织开展科技活动，确保完成5家。';
  return { name: '七百KB.txt', bytes: Buffer.from(PLAN_HEAD + unit.repeat(Math.ceil(700 * 1024 / 3 / unit.length)), 'utf8') };
}

/** One task with `n` target phrases (quadratic before: seconds, then minutes). */
export function manyTargetsText(n = 5000): PlanFile {
  const targets = Array.from({ length: n }, (_, i) => `确保第${i + 1}类平台达${(i % 90) + 10}家`).join('，');
  return { name: '指标很多.txt', bytes: Buffer.from(`${PLAN_HEAD}${targets}。\n`, 'utf8') };
}

/** Tasks numbered as given, in one section. */
export function numberedText(numbers: number[]): PlanFile {
  const tasks = numbers.map((n) => `${n}.任务${n}。确保达${(n % 90) + 10}家。`).join('\n');
  return { name: '编号.txt', bytes: Buffer.from(`某区科技局2022年工作要点\n一、培育创新主体\n${tasks}\n`, 'utf8') };
}

/** A CSV of 250,000 task rows (about 8 MB), past the row limit. */
export function hugeCsv(): PlanFile {
  const rows = ['序号,重点工作任务,牵头单位,完成时限'];
  for (let i = 1; i <= 250_000; i++) rows.push(`${i},任务${i},科室,12月`);
  return { name: '二十五万行.csv', bytes: Buffer.from(rows.join('\n'), 'utf8') };
}

/** A CSV with one cell of content in column 120. */
export function wideCsv(): PlanFile {
  const rows = ['序号,重点工作任务,牵头单位,完成时限', '1,任务1,科室,12月', `2,任务2,科室,12月${','.repeat(116)}备注`];
  return { name: '很宽.csv', bytes: Buffer.from(rows.join('\n'), 'utf8') };
}
