/** The web console over the demo's fake Feishu (bot/sandbox/console). */
import type { FakeFeishu } from '../sandbox/index.js';
import type { CastMember } from './cast.js';
import type { DemoControls } from './start-demo.js';

interface ConsoleModule {
  startConsole(o: { fake: FakeFeishu; controls: DemoControls; people: { openId: string; name: string; role: string }[]; port: number }): Promise<{ url: string; close(): Promise<void> }>;
}

export async function openDemoConsole(o: { fake: FakeFeishu; controls: DemoControls; cast: CastMember[]; port: number }) {
  // TODO(merge): a static import once bot/sandbox/console lands.
  const path = '../sandbox/console/index.js';
  const mod = (await import(path)) as ConsoleModule;
  const people = o.cast.map((c) => ({ openId: c.openId, name: c.name, role: c.label }));
  return mod.startConsole({ fake: o.fake, controls: o.controls, people, port: o.port });
}
