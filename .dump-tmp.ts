import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReply } from '/work/wt-reply-facts/bot/domain/reply/read-reply.js';
const dir = '/work/wt-reply-facts/tests/corpus/replies';
const kind = process.argv[2] ?? 'all';
const any = (x: any) => (Array.isArray(x) ? x : [x]);
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  doc.items.forEach((item: any, i: number) => {
    const r = readReply({ text: item.text, targets: item.targets, now: new Date(`${item.at}T12:00:00+08:00`) });
    const ex = item.expected;
    const bad: string[] = [];
    if (!(ex.status === null ? [null] : any(ex.status)).includes(r.status)) bad.push('status');
    const pOk = ex.percent === null ? r.percent === null || (r.percent === 100 && r.status === 'done') : any(ex.percent).some((p: number) => Math.abs(Math.min(100, p) - (r.percent ?? NaN)) < 1e-6);
    if (!pOk) bad.push('percent');
    if (!(ex.expectedOn === null ? r.expectedOn === null : any(ex.expectedOn).includes(r.expectedOn))) bad.push('expectedOn');
    const got = r.values.map((v) => ({ target: v.target, value: v.value }));
    const left = [...got]; let vb = false;
    for (const e of ex.values) { const k = left.findIndex((g) => g.target === e.target && Math.abs(g.value - e.value) <= 1e-6 * Math.max(1, Math.abs(e.value))); if (k >= 0) left.splice(k, 1); else vb = true; }
    if (vb || left.length) bad.push('value');
    if (kind === 'all' ? bad.length : bad.includes(kind)) {
      console.log(`=== ${f}#${i + 1} [${bad.join(',')}] at=${item.at}`);
      console.log(item.text);
      console.log('targets: ' + item.targets.map((t: any, j: number) => `${j}:${t.label}=${t.value}${t.unit}(${t.kind})`).join(' | '));
      console.log(`exp: status=${JSON.stringify(ex.status)} pct=${JSON.stringify(ex.percent)} on=${JSON.stringify(ex.expectedOn)} vals=${JSON.stringify(ex.values)}`);
      console.log(`got: status=${JSON.stringify(r.status)} pct=${r.percent} on=${r.expectedOn} vals=${JSON.stringify(got)}`);
    }
  });
}
