/**
 * A paper's model as a .docx in the layout of official documents (GB/T 9704): the title in 二号
 * 方正小标宋简体, the body in 三号仿宋_GB2312 at a fixed 28-point line, headings in 黑体 (一、) and 楷体 (（一）),
 * margins 37/35/28/26 mm. A reader without those fonts sees Word's or WPS's substitute (宋体/仿宋/黑体
 * ship with every Chinese Windows); Latin letters and digits are in Times New Roman.
 *
 * Text from the plan and people goes into text runs only: the `docx` library escapes it as XML text,
 * so 「<script>」 or 「&」 arrive as written and nothing in them is read as markup or a field; characters
 * XML cannot hold (control characters, lone surrogates) are dropped, so the file always opens.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IRunOptions,
} from 'docx';
import type { PaperModel, PaperTask } from '../domain/papers/model.js';
import { isSummary } from '../domain/papers/period.js';

/** Font names as Chinese official documents name them; Word and WPS substitute a near one where missing. */
export const PAPER_FONTS = Object.freeze({ title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312', latin: 'Times New Roman' });
const SIZE = { title: 44, body: 32, table: 24 }; // half-points: 二号 22pt, 三号 16pt, 小四 12pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 磅
const MM = 56.7; // twips per millimetre

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF): Word refuses a file with one. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const run = (text: string, font: string, o: Partial<IRunOptions> = {}) =>
  new TextRun({ text: text.replace(NOT_XML, ''), font: { ascii: PAPER_FONTS.latin, hAnsi: PAPER_FONTS.latin, eastAsia: font }, size: SIZE.body, ...o });

const body = (text: string, o: { indent?: boolean; bold?: string } = {}) => new Paragraph({
  spacing: LINE,
  indent: o.indent === false ? undefined : { firstLine: 640 },
  alignment: AlignmentType.JUSTIFIED,
  children: [...(o.bold ? [run(o.bold, PAPER_FONTS.heading)] : []), run(text, PAPER_FONTS.body)],
});

const heading = (text: string, font: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text, font)] });

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (i: number) => CN[i] ?? String(i + 1);

export async function writePaper(model: PaperModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [run(model.title, PAPER_FONTS.title, { size: SIZE.title })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(model.date, PAPER_FONTS.body)] }),
  ];
  let n = 0;
  children.push(heading(`${cn(n++)}、总体情况`, PAPER_FONTS.heading), body(model.summary));
  if (model.keyTargets.length) {
    children.push(body('主要指标进展：'));
    model.keyTargets.forEach((line, i) => children.push(body(`${i + 1}. ${line}`)));
  }
  if (isSummary(model.kind)) {
    children.push(heading(`${cn(n++)}、主要工作及成效`, PAPER_FONTS.heading));
    eachTask(model, children, (t) => [body(t.done.join('；'), { bold: '工作进展：' }), ...targetTable(t)]);
    children.push(heading(`${cn(n++)}、存在的问题`, PAPER_FONTS.heading));
    eachTask(model, children, (t) => [body(t.problems.join('；'))], (t) => t.problems[0] !== '无。');
    children.push(heading(`${cn(n++)}、下一步工作打算`, PAPER_FONTS.heading));
    eachTask(model, children, (t) => [body(t.next.join('；'))], (t) => t.state !== '已办结');
  } else {
    children.push(heading(`${cn(n++)}、分项推进情况`, PAPER_FONTS.heading));
    eachTask(model, children, (t) => [
      body(t.lead, { bold: '牵头单位：' }),
      body(t.owners, { bold: '责任人：' }),
      body(t.state, { bold: '当前状态：' }),
      body('', { bold: '完成情况：' }),
      ...t.done.map((line) => body(line)),
      body(t.problems.join('；'), { bold: '存在问题：' }),
      body(t.next.join('；'), { bold: '下步打算：' }),
      ...targetTable(t),
    ]);
  }
  const doc = new Document({
    creator: 'workplan-bot',
    title: model.title,
    styles: { default: { document: { run: { font: { ascii: PAPER_FONTS.latin, hAnsi: PAPER_FONTS.latin, eastAsia: PAPER_FONTS.body }, size: SIZE.body } } } },
    sections: [{ properties: { page: { margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** Each section's heading (（一）…) and, under it, each task's heading and what `render` makes of it. */
function eachTask(model: PaperModel, out: (Paragraph | Table)[], render: (t: PaperTask) => (Paragraph | Table)[], keep: (t: PaperTask) => boolean = () => true) {
  let s = 0;
  let any = false;
  for (const section of model.sections) {
    const tasks = section.tasks.filter(keep);
    if (!tasks.length) continue;
    out.push(heading(`（${cn(s++)}）${section.heading.replace(/^[一二三四五六七八九十]+、/, '')}`, PAPER_FONTS.subheading));
    for (const t of tasks) {
      any = true;
      out.push(new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(t.heading, PAPER_FONTS.body, { bold: true })] }), ...render(t));
    }
  }
  if (!any) out.push(body('无。'));
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false) => new TableCell({
  borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
  children: [new Paragraph({ children: [run(text, bold ? PAPER_FONTS.heading : PAPER_FONTS.body, { size: SIZE.table })] })],
});

/** A task's targets: 指标、目标、最新、完成、序时、进度评价 (none for a task without numbers). */
function targetTable(t: PaperTask): Table[] {
  if (!t.targets.length) return [];
  const head = ['指标', '目标', '最新', '完成', '序时', '进度评价'];
  return [new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...t.targets.map((g) => new TableRow({ children: [g.label, g.target, g.latest, g.done, g.time, g.pace].map((x) => cell(x)) })),
    ],
  })];
}
