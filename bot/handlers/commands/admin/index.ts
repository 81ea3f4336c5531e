/** Every admin command, for register.ts to map by name. */
import type { CommandSpec } from '../command.js';
import { adminsCommand } from './admins.js';
import { digestCommand } from './digest.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { reassignCommand, unassignCommand, leaderCommand } from './reassign.js';
import { remindCommand } from './remind.js';
import { statsCommand } from './stats.js';
import { subscribeCommand, unsubscribeCommand } from './subscribe.js';
import { cadenceCommand, deadlineCommand, targetCommand } from './task-settings.js';
import { doneCommand, pauseCommand, reopenCommand, resumeCommand } from './task-status.js';
import { undoCommand } from './undo.js';
import { archiveCommand, plansCommand } from './plans.js';
import { unitCommand } from './unit.js';
import { proposeCommand } from '../../proposals/propose-command.js';

export const adminCommands: CommandSpec[] = [
  reassignCommand, unassignCommand, leaderCommand,
  deadlineCommand, targetCommand, cadenceCommand,
  pauseCommand, resumeCommand, doneCommand, reopenCommand,
  undoCommand, subscribeCommand, unsubscribeCommand, adminsCommand,
  remindCommand, digestCommand, statsCommand, exportCommand, importCommand, plansCommand, archiveCommand,
  unitCommand(), proposeCommand(),
];

export { onFileMessage } from './import.js';
