/**
 * Runs the `workplan` command line as a real process (tests/helpers/cli-entry.ts says which file) with the
 * environment and folder given, and answers its exit code and output, a failing run included.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI_ENTRY } from './cli-entry.js';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI_ENTRY, ...args], { env, cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
