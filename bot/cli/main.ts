/** `workplan <command>`: the command-line entry. Each command lives in its own file; commands.ts lists them. */
import { parseArgs } from 'node:util';
import { PlanError } from '../domain/plan/types.js';
import { ConfigError } from '../config.js';
import { StartupError } from '../ops/startup-checks.js';
import { commandUsage, COMMANDS, topUsage } from './commands.js';
import { UsageError } from './usage-error.js';
import type { Io } from './io.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(topUsage());
    return name ? 0 : 1;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name]! : null;
  if (!command) {
    io.err(`未知命令「${name}」。\n${topUsage()}`);
    return 2;
  }
  // Help starts nothing; an option the command does not know gets its usage.
  if (args.some((a) => a === '--help' || a === '-h')) {
    io.out(commandUsage(name));
    return 0;
  }
  const wrong = checkArgs(name, args);
  if (wrong) {
    io.err(`错误：${wrong}\n\n${commandUsage(name)}`);
    return 2;
  }
  try {
    return await (await command.load())(args, io);
  } catch (e) {
    if (e instanceof PlanError || e instanceof ConfigError || e instanceof UsageError || e instanceof StartupError) {
      io.err(`错误：${e.message}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
    // Nothing a user typed ends in a stack trace: the reason in Chinese where it is known, the stack only with LOG_LEVEL=debug.
    io.err(`错误：${reasonOf(e)}\n`);
    if (process.env.LOG_LEVEL === 'debug' && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 1;
  }
}

/** What is wrong with the arguments (in Chinese), or null. */
function checkArgs(name: string, args: string[]): string | null {
  const c = COMMANDS[name]!;
  try {
    const { positionals } = parseArgs({ args, options: c.options, allowPositionals: true, strict: true });
    if (positionals.length > c.positionals) return `多余的参数「${positionals[c.positionals]}」。`;
    return null;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = String((e as Error).message).match(/'(-[^']*)'/)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `「${name}」没有选项「${option}」。`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项「${option.split(' ')[0]}」的值不对（需要一个值，或不带值）。`;
    return '参数无法识别。';
  }
}

const ERRNO: Record<string, string> = {
  ENOENT: '找不到文件或文件夹',
  EISDIR: '指定的是一个文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EACCES: '没有权限读写该文件',
  EPERM: '没有权限进行该操作',
  EEXIST: '文件已存在',
  ENOSPC: '磁盘空间不足',
  EROFS: '该位置只读，无法写入',
};

function reasonOf(e: unknown): string {
  const err = e as { code?: unknown; path?: unknown; message?: unknown };
  const known = typeof err.code === 'string' && Object.hasOwn(ERRNO, err.code) ? ERRNO[err.code] : null;
  if (known) return typeof err.path === 'string' ? `${known}：${err.path}` : known;
  return `未能完成（${typeof err.message === 'string' ? err.message.split('\n')[0] : String(e)}）。如需详细信息，请设置 LOG_LEVEL=debug 后重试。`;
}

const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};
