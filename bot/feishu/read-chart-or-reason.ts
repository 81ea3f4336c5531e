/**
 * The org chart for a proposal made on its own (after an import): any failure to read it becomes a Chinese
 * reason instead of an error, since the import it follows has already succeeded.
 */
import { chartRead, type ChartRead } from '../domain/owners/after-import.js';
import type { OrgChart } from '../domain/owners/org-chart.js';
import { FeishuError } from './errors.js';
import { OrgChartTooLarge } from './org-chart.js';

export async function readChartOrReason(read: () => Promise<OrgChart>): Promise<ChartRead> {
  try {
    return chartRead(await read());
  } catch (e) {
    if (e instanceof OrgChartTooLarge) return { kind: 'unreadable', reason: e.message.replace(/。$/, '') };
    const detail = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
    if (e instanceof FeishuError && e.kind === 'permanent') return { kind: 'unreadable', reason: `飞书拒绝读取通讯录（${detail}），请按部署说明为应用开通通讯录权限并设置权限范围` };
    return { kind: 'unreadable', reason: `读取飞书通讯录失败（${detail}）` };
  }
}
