/**
 * The bounds of a leave (请假): it may not have ended already, may not start
 * more than LEAVE_START_AHEAD_DAYS ahead, and may not last longer than the
 * limit the caller gives (LEAVE_MAX_DAYS for staff, LEAVE_ADMIN_MAX_DAYS when
 * an admin registers it). Days count inclusively. Pure.
 */
import { toDayNumber } from './calendar/civil-date.js';

export const LEAVE_START_AHEAD_DAYS = 180;
export const LEAVE_ADMIN_MAX_DAYS = 366;

export function leaveDays(range: { from: string; to: string }): number {
  return toDayNumber(range.to) - toDayNumber(range.from) + 1;
}

/** Why this leave is refused (a Chinese sentence), or null. */
export function leaveProblem(range: { from: string; to: string }, today: string, maxDays: number): string | null {
  if (range.from > range.to) return `开始日期（${range.from}）晚于结束日期（${range.to}），请检查。`;
  if (range.to < today) return `结束日期（${range.to}）已经过去，无需登记。`;
  if (toDayNumber(range.from) - toDayNumber(today) > LEAVE_START_AHEAD_DAYS) return `开始日期（${range.from}）太远：只能登记 ${LEAVE_START_AHEAD_DAYS} 天之内开始的请假。`;
  const days = leaveDays(range);
  if (days > maxDays) return `请假共 ${days} 天，超过了 ${maxDays} 天的上限。`;
  return null;
}
