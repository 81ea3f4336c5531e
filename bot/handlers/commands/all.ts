/** Every chat command, in the order /help lists them. */
import type { CommandSpec } from './command.js';
import { assignCommand } from './assign.js';
import { helpCommand } from './help.js';
import { mineCommand } from './mine.js';
import { milestoneCommand } from './milestone.js';
import { paceCommand } from './pace.js';
import { everyoneCommands } from './everyone.js';
import { adminCommands } from './admin/index.js';
import { urgeCommand } from '../leaders/urge.js';

export function allCommands(): CommandSpec[] {
  const list: CommandSpec[] = [];
  list.push(helpCommand(() => list), mineCommand, ...everyoneCommands, paceCommand, milestoneCommand, urgeCommand, assignCommand, ...adminCommands);
  return list;
}
