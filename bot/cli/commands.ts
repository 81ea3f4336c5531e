/**
 * The `workplan` commands: each one's options and its usage (Chinese, with the English beside it), in one
 * table. main.ts answers `--help`/`-h` from it without starting anything, and checks every command's options
 * against it before the command runs, so an unknown option gets the command's usage and exit 2.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Io } from './io.js';

export type Command = (args: string[], io: Io) => Promise<number>;
type Options = NonNullable<ParseArgsConfig['options']>;

export interface CliCommand {
  /** The first line of the top-level usage: 「workplan parse <文件> [--json]」. */
  synopsis: string;
  /** What it does, in Chinese / in English. */
  summary: string;
  english: string;
  /** Each option and argument explained, one per line. */
  details: string[];
  options: Options;
  positionals: number;
  load: () => Promise<Command>;
}

const AT = '--at <时间>        按该时刻计算（北京时间，如 2022-04-15 或 2022-04-15T16:00）/ as of this moment';
const PLAN = '--plan <编号>      指定计划（有多份计划时）/ which plan, when there are several';

export const COMMANDS: Readonly<Record<string, CliCommand>> = Object.freeze({
  parse: {
    synopsis: 'workplan parse <文件> [--json]', summary: '解析工作要点并显示摘要，不写数据库', english: 'parse a plan file and show what was read (nothing is stored)',
    details: ['<文件>             .txt .md .docx .xlsx .csv .tsv', '--json             输出 JSON / print JSON'],
    options: { json: { type: 'boolean' } }, positionals: 1,
    load: async () => (await import('./parse.js')).runParse,
  },
  import: {
    synopsis: 'workplan import <文件> [--units <分解表>] [--carry-from <计划>] [--dry-run]', summary: '导入（或更新）工作要点到数据库；重新导入保留责任人和进展；新计划可承接上一计划的责任人', english: 'import or update a plan in the store (owners and progress are kept); a new plan can take over the earlier plan\'s people',
    details: [
      '<文件>             .txt .md .docx .xlsx .csv .tsv',
      '--units <分解表>    按任务分解表（任务编号、牵头科室、配合科室、分管领导）写入各任务的单位和领导 / lead units, collaborators and leaders by task number',
      '--carry-from <计划> 导入后从该计划承接责任人（牵头单位相同、任务名称一致或相近的任务）/ carry people over from this plan',
      '--dry-run          只显示将承接的责任人，不写数据库 / only show what would be carried',
    ],
    options: { 'carry-from': { type: 'string' }, 'dry-run': { type: 'boolean' }, units: { type: 'string' } }, positionals: 1,
    load: async () => (await import('./import.js')).runImport,
  },
  tasks: {
    synopsis: 'workplan tasks', summary: '列出数据库中的任务和责任人', english: 'list the stored tasks and their people',
    details: [], options: {}, positionals: 0,
    load: async () => (await import('./tasks.js')).runTasks,
  },
  plans: {
    synopsis: 'workplan plans [--name <计划> <简称>]', summary: '列出数据库中的全部计划及其状态（进行中 / 已归档）；--name 设置计划简称', english: 'list the stored plans and their state; --name sets a plan\'s short name',
    details: [
      '--name <计划> <简称>  设置计划简称（最多8个字，不含空格和「-」）：多份计划进行中时任务编号写作「简称-7」；简称写「无」则清除 / set the short name that prefixes its task codes when several plans are in force (「无」 clears it)',
    ],
    options: { name: { type: 'string' } }, positionals: 1,
    load: async () => (await import('./plans.js')).runPlans,
  },
  archive: {
    synopsis: 'workplan archive <计划>', summary: '归档已结束的计划：不再催办、督办和发送周报，台账保留', english: 'end a plan: no more nudges or digests, the ledger kept',
    details: ['<计划>             计划编号（见 workplan plans），或年份、标题中的几个字 / the plan\'s number, year or part of its title'],
    options: {}, positionals: 1,
    load: async () => (await import('./plans.js')).runArchive,
  },
  status: {
    synopsis: 'workplan status [--at 时间] [--plan 编号] [--json]', summary: '各任务在某一时刻的状态（生命周期、灯、报送、时限、序时进度）', english: 'each task\'s state at a moment',
    details: [AT, PLAN, '--json             输出 JSON / print JSON'],
    options: { at: { type: 'string' }, json: { type: 'boolean' }, plan: { type: 'string' } }, positionals: 0,
    load: async () => (await import('./status.js')).runStatus,
  },
  assign: {
    synopsis: 'workplan assign <分工表> [--plan 编号] | --propose [--plan 编号] [--write 文件.csv]', summary: '导入责任分工（任务编号、姓名、角色、open_id/邮箱/手机、部门），或按飞书通讯录生成建议', english: 'import who owns which task from a table, or propose it from the org chart',
    details: [
      '<分工表>           .csv .tsv .xlsx，或带表格的 .md / a table file', PLAN,
      '--propose          按飞书通讯录和计划的牵头单位、责任领导生成建议，不作指派 / propose owners from the org chart (nothing assigned)',
      '--write <文件>     与 --propose 一起：把建议写成分工表，核对后再导入 / with --propose: write the proposal as an owners file',
    ],
    options: { plan: { type: 'string' }, propose: { type: 'boolean' }, write: { type: 'string' } }, positionals: 1,
    load: async () => (await import('./assign.js')).runAssign,
  },
  export: {
    synopsis: 'workplan export --out <台账.xlsx> [--plan 编号] [--at 日期]', summary: '导出台账（任务台账、进展记录、批示、佐证材料、操作记录）', english: 'write the ledger workbook',
    details: ['--out <文件>       写入的 .xlsx 文件 / the workbook to write', PLAN, AT],
    options: { out: { type: 'string' }, plan: { type: 'string' }, at: { type: 'string' } }, positionals: 0,
    load: async () => (await import('./export.js')).runExport,
  },
  report: {
    synopsis: 'workplan report --kind week|month|half|year --out <文件.docx> [--at 时间] [--plan 编号]', summary: '写出推进情况（周、月）或工作总结初稿（半年、全年）Word 文档', english: 'write the progress report (week, month) or the draft summary (half, year) as .docx',
    details: ['--kind <类型>      week 周报 | month 月报 | half 半年总结 | year 全年总结 / which paper', '--out <文件>       写入的 .docx 文件 / the document to write', AT, PLAN],
    options: { kind: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' }, plan: { type: 'string' } }, positionals: 0,
    load: async () => (await import('./report.js')).runReport,
  },
  'read-reply': {
    synopsis: 'workplan read-reply --plan <文件> --task <编号> --text "<回复>" [--at 日期] [--json]', summary: '试读一条进展回复（状态、进度、数值、预计完成日期）', english: 'try the reply reader on one reply',
    details: ['--plan <文件>      工作要点文件 / the plan file', '--task <编号>      任务编号 / the task\'s code', '--text "<回复>"    回复原文 / the reply', AT, '--json             输出 JSON / print JSON'],
    options: { plan: { type: 'string' }, task: { type: 'string' }, text: { type: 'string' }, json: { type: 'boolean' }, at: { type: 'string' } }, positionals: 0,
    load: async () => (await import('./read-reply.js')).runReadReply,
  },
  digest: {
    synopsis: 'workplan digest --preview|--send [--at 时间] [--plan 编号] [--out 文件] [--json]', summary: '预览（--preview）或立即发送（--send）本周周报', english: 'preview or send this week\'s digest',
    details: ['--preview          显示周报文字 / print the digest', '--send             立即发送到订阅周报的群 / send it to the subscribed chats now', '--out <文件>       把卡片 JSON 写入该文件（只在指定时写）/ write the card JSON there', '--json             以 JSON 输出周报内容（只用于 --preview）/ the digest as JSON', AT, PLAN],
    options: { preview: { type: 'boolean' }, send: { type: 'boolean' }, json: { type: 'boolean' }, at: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } }, positionals: 0,
    load: async () => (await import('./digest.js')).runDigest,
  },
  demo: {
    synopsis: 'workplan demo [--until 时间] [--speed N|max] [--start 时间] [--no-console] [--port N] [--paused] [--owners 分工表]',
    summary: '演示：模拟一个局（綦江区科技局2022年工作要点、模拟同事、模拟时钟），在浏览器控制台里看机器人工作', english: 'the whole bot on a simulated bureau, with a web console',
    details: ['--until <时间>     运行到该模拟时刻后停止 / stop at this simulated time', '--speed <N|max>    模拟秒/真实秒，默认 600 / simulated seconds per real second', '--start <时间>     模拟开始时刻，默认 2022-03-21 09:00 / simulated start', '--no-console       不开控制台，跑完打印汇总（需 --until）/ headless, with a summary', '--port <N>         控制台端口，默认 3900 / console port', '--paused           开始时暂停 / start paused', '--owners <分工表>   用责任分工表指派，不按通讯录生成建议 / assign from an owners file instead of the proposal'],
    options: { until: { type: 'string' }, speed: { type: 'string' }, start: { type: 'string' }, 'no-console': { type: 'boolean' }, port: { type: 'string' }, paused: { type: 'boolean' }, owners: { type: 'string' } }, positionals: 0,
    load: async () => (await import('./demo.js')).runDemo,
  },
  start: {
    synopsis: 'workplan start', summary: '启动机器人（接收飞书事件 + 后台任务），配置见 .env', english: 'start the bot (receiver and worker in one process)',
    details: [], options: {}, positionals: 0,
    load: async () => (await import('./start.js')).runStart,
  },
  receiver: {
    synopsis: 'workplan receiver', summary: '只启动接收进程（飞书事件入队，可多机扩展）', english: 'start only the receiver',
    details: [], options: {}, positionals: 0,
    load: async () => (await import('./start.js')).runReceiver,
  },
  worker: {
    synopsis: 'workplan worker', summary: '只启动后台任务进程（可多机扩展）', english: 'start only the worker',
    details: [], options: {}, positionals: 0,
    load: async () => (await import('./start.js')).runWorker,
  },
});

/** The usage of one command. */
export function commandUsage(name: string): string {
  const c = COMMANDS[name]!;
  const lines = [`用法 / usage: ${c.synopsis}`, `  ${c.summary}`, `  ${c.english}`];
  if (c.details.length) lines.push('', ...c.details.map((d) => `  ${d}`));
  lines.push('  -h, --help         显示本说明 / show this help');
  return `${lines.join('\n')}\n`;
}

/** The top-level usage: every command on a line or two. */
export function topUsage(): string {
  const lines = ['用法 / usage: workplan <命令> [选项]，每个命令的选项见 workplan <命令> --help', ''];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.synopsis}`, `      ${c.summary} / ${c.english}`);
  return `${lines.join('\n')}\n`;
}
