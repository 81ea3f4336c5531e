/** `workplan <command>`: the command-line entry. Each command lives in its own file. */
import { PlanError } from '../domain/plan/types.js';
import { ConfigError } from '../config.js';
import { StartupError } from '../ops/startup-checks.js';
import { UsageError } from './usage-error.js';
import type { Io } from './io.js';

const USAGE = `用法 / usage:
  workplan parse <文件> [--json]      解析工作要点并显示摘要（--json 输出 JSON）
  workplan import <文件>              导入（或更新）工作要点到数据库
  workplan tasks                      列出数据库中的任务
  workplan status [--at 时间] [--json]  各任务在某一时刻的状态（生命周期、灯、报送、时限、序时进度）
  workplan assign <分工表> [--plan N]  导入责任分工（任务编号、姓名、角色、open_id/邮箱/手机、部门）
  workplan export --out <台账.xlsx> [--plan N] [--at 日期]  导出台账（任务、进展记录、操作记录）
  workplan read-reply --plan <文件> --task <编号> --text "<回复>" [--json]
                                      试读一条进展回复（状态、进度、数值、预计完成日期）
  workplan digest --preview [--at 日期] [--out 文件]  预览本周周报（文字 + 卡片 JSON）；--send 立即发送
  workplan demo                       导入示例计划（綦江区科技局2022年工作要点）并列出任务
  workplan start                      启动机器人（接收飞书事件 + 后台任务），配置见 .env
  workplan receiver                   只启动接收进程（飞书事件入队，可多机扩展）
  workplan worker                     只启动后台任务进程（可多机扩展）
`;

type Command = (args: string[], io: Io) => Promise<number>;

/** Loaded on demand, so `parse` does not pay for the database client. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./parse.js')).runParse,
  import: async () => (await import('./import.js')).runImport,
  tasks: async () => (await import('./tasks.js')).runTasks,
  status: async () => (await import('./status.js')).runStatus,
  demo: async () => (await import('./demo.js')).runDemo,
  assign: async () => (await import('./assign.js')).runAssign,
  export: async () => (await import('./export.js')).runExport,
  'read-reply': async () => (await import('./read-reply.js')).runReadReply,
  digest: async () => (await import('./digest.js')).runDigest,
  start: async () => (await import('./start.js')).runStart,
  receiver: async () => (await import('./start.js')).runReceiver,
  worker: async () => (await import('./start.js')).runWorker,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`未知命令「${name}」。\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(args, io);
  } catch (e) {
    if (e instanceof PlanError || e instanceof ConfigError || e instanceof UsageError || e instanceof StartupError) {
      io.err(`错误：${e.message}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
    throw e;
  }
}


const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};
