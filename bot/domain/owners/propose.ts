/**
 * Proposed owners from the org chart (issue #23): for each task, the lead units' 联络员 (marked by /unit) or
 * else their department leaders as owners (责任人), the collaborator units' the same way as collaborators, and
 * the named 责任领导 matched to people by name. What cannot be matched is listed per party with the reason;
 * nothing is guessed. Pure.
 */
import { indexChart, matchPerson, matchUnit, type ChartIndex } from './match-unit.js';
import type { OrgChart, OrgDepartment } from './org-chart.js';
import type { OwnerRow, Role } from './parse-owners.js';

export type PartyRole = 'lead' | 'collaborator' | 'leader';

export interface ProposeTask {
  code: string;
  /** TaskParty rows: the names as the plan wrote them, in order. */
  parties: { role: PartyRole; name: string }[];
}

export interface ProposeInput {
  tasks: ProposeTask[];
  chart: OrgChart;
  /** The plan's 发文单位, whose name and region are stripped from unit names. */
  issuer: string | null;
  /** Department id → open_id of its 联络员 (/unit). */
  contacts: ReadonlyMap<string, string>;
}

export interface ProposedPerson {
  openId: string;
  name: string;
  /** Why this person: 「高新科联络员」「高新科负责人」「责任领导」. */
  because: string;
}

export interface PartyMiss {
  role: PartyRole;
  /** The name as the plan wrote it ('' when the plan names no lead unit). */
  name: string;
  reason: string;
}

export interface TaskProposal {
  code: string;
  owners: ProposedPerson[];
  collaborators: ProposedPerson[];
  leaders: ProposedPerson[];
  misses: PartyMiss[];
}

/** A task's proposal with what the card and the table show beside it (as stored, bot/store/owner-proposals.ts). */
export interface ProposalTask extends TaskProposal {
  title: string;
  /** 「一、着力培育创新主体」; null for a task outside any section. */
  section: string | null;
  /** Changed by an admin after the proposal was made. */
  changed: boolean;
}

export function proposeOwners(input: ProposeInput): TaskProposal[] {
  const index = indexChart(input.chart, input.issuer);
  return input.tasks.map((t) => proposeTask(index, input.contacts, t));
}

function proposeTask(index: ChartIndex, contacts: ReadonlyMap<string, string>, task: ProposeTask): TaskProposal {
  const out: TaskProposal = { code: task.code, owners: [], collaborators: [], leaders: [], misses: [] };
  const add = (list: ProposedPerson[], p: ProposedPerson) => {
    if (!list.some((q) => q.openId === p.openId)) list.push(p);
  };
  for (const party of task.parties) {
    if (party.role === 'leader') {
      const m = matchPerson(index, party.name);
      if (m.kind === 'found') add(out.leaders, { openId: m.found.openId, name: m.found.name, because: '责任领导' });
      else out.misses.push({ role: party.role, name: party.name, reason: m.reason });
      continue;
    }
    const m = matchUnit(index, party.name);
    if (m.kind !== 'found') {
      out.misses.push({ role: party.role, name: party.name, reason: m.reason });
      continue;
    }
    const person = personFor(index, contacts, m.found);
    if (person) add(party.role === 'lead' ? out.owners : out.collaborators, person);
    else out.misses.push({ role: party.role, name: party.name, reason: `部门「${m.found.name}」没有负责人，也没有标记联络员（可用 /unit ${m.found.name} @联络员 标记）` });
  }
  if (!task.parties.some((p) => p.role === 'lead')) out.misses.unshift({ role: 'lead', name: '', reason: '计划未写明牵头单位' });
  out.collaborators = out.collaborators.filter((c) => !out.owners.some((o) => o.openId === c.openId));
  return out;
}

/** The unit's 联络员 when one is marked, else its leader; null when it has neither. */
function personFor(index: ChartIndex, contacts: ReadonlyMap<string, string>, d: OrgDepartment): ProposedPerson | null {
  const contact = contacts.get(d.id);
  if (contact) return { openId: contact, name: index.users.get(contact)?.name ?? `${d.name}联络员`, because: `${d.name}联络员` };
  if (d.leaderOpenId) return { openId: d.leaderOpenId, name: index.users.get(d.leaderOpenId)?.name ?? `${d.name}负责人`, because: `${d.name}负责人` };
  return null;
}

const ROLE_OF: [keyof Pick<TaskProposal, 'owners' | 'collaborators' | 'leaders'>, Role][] = [['owners', 'owner'], ['collaborators', 'collaborator'], ['leaders', 'leader']];

/** The proposal as owners-file rows (what importOwners applies and `workplan assign` reads back), numbered from 1. */
export function proposalRows(proposals: TaskProposal[]): OwnerRow[] {
  const rows = proposals.flatMap((p) =>
    ROLE_OF.flatMap(([key, role]) => p[key].map((x) => ({ taskCode: p.code, name: x.name, role, openId: x.openId, email: null, mobile: null, department: null }))),
  );
  return rows.map((r, i) => ({ line: i + 1, ...r }));
}
