/** The demo bureau's org chart, as the bot reads it from the fake through the SDK. */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { castFrom } from '../../bot/demo/cast.js';
import { addDemoDirectory, DEMO_UNITS } from '../../bot/demo/directory.js';
import { parseOwners } from '../../bot/domain/owners/parse-owners.js';
import { createMessenger } from '../../bot/feishu/messenger.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { startFakeFeishu, type FakeFeishu } from '../../bot/sandbox/index.js';
import { APP } from '../helpers/bot-harness.js';

let fake: FakeFeishu;
afterEach(async () => fake?.close());

it("gives every unit of the owners file a department, with the cast's people as heads and members", async () => {
  const source = await readPlanFile(join(import.meta.dirname, '../../plans/qijiang-2022-owners.csv'));
  const rows = parseOwners(source.kind === 'table' ? source.rows : []);
  const cast = castFrom(rows);
  let now = Date.parse('2022-03-21T01:30:00Z');
  fake = await startFakeFeishu({ ...APP, now: () => now });
  for (const c of cast) fake.addUser({ openId: c.openId, name: c.name });
  addDemoDirectory(fake, cast.map((c) => c.openId));
  const m = createMessenger({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, nowMs: () => now, sleep: async (ms) => void (now += ms) });

  const chart = await m.readOrgChart();
  const byName = new Map(chart.departments.map((d) => [d.name, d]));
  expect(chart.departments).toHaveLength(DEMO_UNITS.length + 1);
  const bureau = byName.get('重庆市綦江区科学技术局')!;
  expect(bureau.parentId).toBeNull();
  for (const u of DEMO_UNITS) expect(byName.get(u.name)?.parentId).toBe(bureau.id);
  // Every unit the owners file names is some department; several under another name.
  const words = new Set(rows.map((r) => r.department).filter((w): w is string => !!w));
  for (const w of words) expect(DEMO_UNITS.some((u) => u.ownersWord === w)).toBe(true);
  expect(DEMO_UNITS.filter((u) => u.ownersWord && u.ownersWord !== u.name).length).toBeGreaterThanOrEqual(5);
  expect(byName.get('农村科技科')?.leaderOpenId).toBeNull();
  expect(byName.get('高新技术发展科')?.leaderOpenId).toBe('ou_demo_zhangmin');
  // Everyone in the cast sits in one department.
  expect(chart.users.map((u) => u.openId).sort()).toEqual(cast.map((c) => c.openId).sort());
  for (const u of chart.users) expect(u.departmentIds).toHaveLength(1);
});
