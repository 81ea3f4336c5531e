/**
 * The demo bureau's org chart in the fake Feishu: 重庆市綦江区科学技术局 and its 科室, each with a head
 * (负责人) and members drawn from the demo's cast. The names are written as a bureau's own chart writes
 * them, which is not always as the owners file or the plan shorten them (高新科 ↔ 高新技术发展科,
 * 区科技局 ↔ 重庆市綦江区科学技术局), so matching units to departments has real work to do; one 科室 has no
 * head, and two have names that share words (科技成果转化科, 科技创新服务中心).
 * People missing from the cast (another owners file) are left out; a unit left with nobody is still added.
 */
import type { FakeFeishu } from '../sandbox/index.js';
import { DEMO_ADMIN } from './cast.js';

export interface DemoUnit {
  name: string;
  departmentId: string;
  /** The unit as the owners file writes it (部门 column), when it has one. */
  ownersWord: string | null;
  leader: string | null;
  members: string[];
  /** The unit's 联络员 as the bureau marked it with /unit in an earlier year (kept across plans and years). */
  contact?: string;
}

export const DEMO_BUREAU = { name: '重庆市綦江区科学技术局', departmentId: 'QJKJ' } as const;

export const DEMO_UNITS: DemoUnit[] = [
  { name: '局领导', departmentId: 'QJKJ-LD', ownersWord: '局领导', leader: 'ou_demo_hejianguo', members: ['ou_demo_luoxiaomei'] },
  { name: '办公室', departmentId: 'QJKJ-BGS', ownersWord: '办公室', leader: 'ou_demo_zhoutao', members: [DEMO_ADMIN.openId] },
  { name: '高新技术发展科', departmentId: 'QJKJ-GX', ownersWord: '高新科', leader: 'ou_demo_zhangmin', members: ['ou_demo_liqiang'] },
  { name: '科技平台建设科', departmentId: 'QJKJ-PT', ownersWord: '平台科', leader: 'ou_demo_wangfang', members: [] },
  { name: '发展计划与统计科', departmentId: 'QJKJ-JH', ownersWord: '计划科', leader: 'ou_demo_liuyang', members: [] },
  { name: '科技成果转化科', departmentId: 'QJKJ-CG', ownersWord: '成果科', leader: 'ou_demo_chenjing', members: [] },
  // No head named in Feishu: the proposal falls back to the 联络员 the bureau marked, or says so.
  { name: '农村科技科', departmentId: 'QJKJ-NC', ownersWord: '农村科', leader: null, members: ['ou_demo_yangfan'], contact: 'ou_demo_yangfan' },
  { name: '科技金融科', departmentId: 'QJKJ-JR', ownersWord: '金融科', leader: 'ou_demo_zhaolei', members: [] },
  { name: '政策法规科', departmentId: 'QJKJ-ZC', ownersWord: '政策法规科', leader: 'ou_demo_huangli', members: [] },
  // A unit the owners file never names, whose name shares words with 科技成果转化科.
  { name: '科技创新服务中心', departmentId: 'QJKJ-FW', ownersWord: null, leader: null, members: [] },
];

/** Adds the bureau and its 科室 to the fake, with the cast's people as heads and members. */
export function addDemoDirectory(fake: FakeFeishu, castOpenIds: string[]): void {
  const known = new Set(castOpenIds);
  const bureau = fake.addDepartment({ name: DEMO_BUREAU.name, departmentId: DEMO_BUREAU.departmentId });
  for (const u of DEMO_UNITS) {
    const leader = u.leader && known.has(u.leader) ? u.leader : undefined;
    fake.addDepartment({
      name: u.name,
      departmentId: u.departmentId,
      parentId: bureau.openDepartmentId,
      ...(leader ? { leaderOpenId: leader } : {}),
      members: u.members.filter((m) => known.has(m)),
    });
  }
}
