/** The commands for everyone on the plan (and /status for admins), in the order /help lists them. */
import type { CommandSpec } from './command.js';
import { extendCommand } from './extend.js';
import { historyCommand } from './history.js';
import { instructCommand } from './instruct.js';
import { leaveCommand } from './leave.js';
import { returnCommand } from '../reports/return-report.js';
import { reportCommand } from './report.js';
import { statusCommand } from './status.js';
import { taskCommand } from './task.js';
import { whoamiCommand } from './whoami.js';

export const everyoneCommands: CommandSpec[] = [taskCommand, reportCommand, leaveCommand, extendCommand, instructCommand, returnCommand, historyCommand, statusCommand, whoamiCommand];
