/** The web console (bot/sandbox/console) over the demo's fake Feishu. */
import type { FakeFeishu } from '../sandbox/index.js';
import { startConsole } from '../sandbox/console/index.js';
import type { CastMember } from './cast.js';
import type { DemoControls } from './start-demo.js';

export function openDemoConsole(o: { fake: FakeFeishu; controls: DemoControls; cast: CastMember[]; port: number }) {
  const people = o.cast.map((c) => ({ openId: c.openId, name: c.name, role: c.label }));
  return startConsole({ fake: o.fake, controls: o.controls, people, port: o.port });
}
