/**
 * The demo's owners from the plan alone (issue #23): the bot reads the bureau's org chart from the fake through
 * the SDK and proposes owners from the plan's units (the seed plan's 任务分解表), as it does after an import; the
 * proposal cards go to the admin's chat, and 「全部确认」 assigns. Before the cards go out the admin does what a
 * bureau's admin does with a proposal: the 联络员 marked in an earlier year stands (农村科技科 has no head in
 * Feishu), and two tasks the unit's head would get are handed to the 科员 who does them (DEMO_EDITS). Without a
 * human, the simulated admin clicks 「全部确认」 through the fake (a real, signed card callback); with the web
 * console, the card waits for whoever plays the admin there.
 */
import type { Clock } from '../clock.js';
import type { Deps } from '../deps.js';
import type { ProposedPerson } from '../domain/owners/propose.js';
import { makeStoredProposal, sendProposalCards } from '../handlers/proposals/propose-command.js';
import type { FakeFeishu } from '../sandbox/index.js';
import { changeProposalRow, findProposal } from '../store/owner-proposals.js';
import { markUnitContact } from '../store/unit-contacts.js';
import { cardParts } from './card-parts.js';
import { DEMO_ADMIN } from './cast.js';
import { DEMO_UNITS } from './directory.js';

/** The admin's changes to single rows before confirming (as `/propose 2 @李强` would make them). */
export const DEMO_EDITS: { code: string; openId: string; name: string }[] = [
  { code: '2', openId: 'ou_demo_liqiang', name: '李强' },
  { code: '3', openId: 'ou_demo_liqiang', name: '李强' },
];

export interface DemoProposal {
  proposalId: number;
  /** The proposal's cards in the admin's chat. */
  messageIds: string[];
}

export async function proposeDemoOwners(deps: Deps, o: { planId: number; now: Date }): Promise<DemoProposal> {
  const chart = await deps.messenger.readOrgChart();
  const by = DEMO_ADMIN.openId;
  for (const u of DEMO_UNITS) {
    const department = u.contact ? chart.departments.find((d) => d.name === u.name) : undefined;
    const name = chart.users.find((x) => x.openId === u.contact)?.name;
    if (department && name) await markUnitContact(deps.db, { departmentId: department.id, departmentName: department.name, openId: u.contact!, name, by, now: o.now });
  }
  const made = await makeStoredProposal(deps, { planId: o.planId, chart, by });
  for (const e of DEMO_EDITS) {
    if (!made.tasks.some((t) => t.code === e.code) || !chart.users.some((x) => x.openId === e.openId)) continue;
    const people: ProposedPerson[] = [{ openId: e.openId, name: e.name, because: '管理员指定' }];
    await changeProposalRow(deps.db, { id: made.id, code: e.code, role: 'owners', people, by, now: o.now });
  }
  const proposal = (await findProposal(deps.db, made.id))!;
  const messageIds = await sendProposalCards(deps, proposal, {
    openId: by,
    deliver: (card, tag) => deps.messenger.send({ openId: by }, { card }, `demo-proposal:${proposal.id}:${tag}`),
  });
  return { proposalId: proposal.id, messageIds };
}

/**
 * The simulated admin clicks 「全部确认」 on the first card, and the demo waits for the owners to be written: in real
 * time (`real`, the demo's wall clock, not the simulated one, which stands still meanwhile), bounded.
 */
export async function confirmAsAdmin(deps: Deps, fake: FakeFeishu, p: DemoProposal, real: Clock, waitMs = 60_000): Promise<void> {
  const first = p.messageIds[0];
  if (!first) throw new Error('demo: the proposal sent no card');
  const confirm = cardParts(fake.message(first)?.content).buttons.find((b) => b.text === '全部确认');
  if (!confirm) throw new Error('demo: the proposal card has no 「全部确认」 button');
  await fake.clickCard({ from: DEMO_ADMIN.openId, messageId: first, value: confirm.value });
  const deadline = real.now().getTime() + waitMs;
  for (;;) {
    if ((await findProposal(deps.db, p.proposalId))?.state === 'confirmed' && (await idle(deps))) return;
    if (real.now().getTime() > deadline) throw new Error(`demo: the owner proposal ${p.proposalId} was not confirmed within ${waitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function idle(deps: Deps): Promise<boolean> {
  const counts = await deps.queues.inbound.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
  return Object.values(counts).every((n) => !n);
}
