/**
 * `workplan` help and mistakes (issue #19): every command's usage, unknown options, a folder for a file.
 */
import { describe, expect, it } from 'vitest';
import { SEED, useCliDatabase } from '../helpers/cli-database.js';

const cli = useCliDatabase();
const { workplan, workplanWith } = cli;

describe('workplan help and mistakes (issue #19)', () => {
  it.each(['parse', 'import', 'tasks', 'plans', 'archive', 'status', 'assign', 'export', 'read-reply', 'digest', 'demo', 'start', 'receiver', 'worker'])(
    '%s --help and -h print its own usage, exit 0 and start nothing',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const r = await workplanWith({ DATABASE_URL: 'file:/nonexistent/dir/never.db' }, name, flag);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`用法 / usage: workplan ${name}`);
        expect(r.stdout).toContain('-h, --help');
        expect(r.stderr).toBe('');
      }
    },
  );

  it('an unknown option or an extra argument gets the command\'s usage and exit 2, never a stack trace', async () => {
    for (const args of [['parse', SEED, '--bogus'], ['tasks', '--plan', '1'], ['digest', '--preview', '--nope'], ['import', SEED, 'extra']]) {
      const r = await workplan(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^错误：/);
      expect(r.stderr).toContain(`用法 / usage: workplan ${args[0]}`);
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal/);
    }
  });

  it('a folder given as the file is refused in Chinese, without a stack trace', async () => {
    for (const name of ['parse', 'import', 'assign']) {
      const r = await workplan(name, cli.dir);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('是一个文件夹，不是文件');
      expect(r.stderr).not.toMatch(/\n\s+at |node:internal|EISDIR/);
    }
  });

  it('the top-level usage lists every command with what it does, the demo as it is today', async () => {
    const r = await workplan('--help');
    expect(r.code).toBe(0);
    for (const name of ['parse', 'import', 'tasks', 'status', 'assign', 'export', 'read-reply', 'digest', 'demo', 'start', 'receiver', 'worker']) expect(r.stdout).toContain(`workplan ${name}`);
    expect(r.stdout).toContain('模拟同事');
    expect(r.stdout).not.toContain('并列出任务');
  });
});
