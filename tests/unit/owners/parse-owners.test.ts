import { describe, expect, it } from 'vitest';
import { normaliseTaskCode, OwnersError, parseOwners } from '../../../bot/domain/owners/parse-owners.js';

describe('parseOwners', () => {
  it('reads header variants, roles and contact columns', () => {
    const rows = [
      ['綦江区科技局责任分工'],
      ['序号', '姓名', '职责', '邮箱', '手机号码', '科室'],
      ['1', '张敏', '责任人', 'zhangmin@qj.gov.cn', '138 0000 0001', '高新科'],
      ['任务2', '李强', '协办', '', '', ''],
      ['七', '何建国', '分管领导', '', '', '局领导'],
      ['', '', '', '', '', ''],
      ['１１', '陈静', '', '', '13800000002', ''],
    ];
    expect(parseOwners(rows)).toEqual([
      { line: 3, taskCode: '1', name: '张敏', role: 'owner', openId: null, email: 'zhangmin@qj.gov.cn', mobile: '13800000001', department: '高新科' },
      { line: 4, taskCode: '2', name: '李强', role: 'collaborator', openId: null, email: null, mobile: null, department: null },
      { line: 5, taskCode: '七', name: '何建国', role: 'leader', openId: null, email: null, mobile: null, department: '局领导' },
      { line: 7, taskCode: '11', name: '陈静', role: 'owner', openId: null, email: null, mobile: '13800000002', department: null },
    ]);
  });

  it.each([
    [[['a', 'b'], ['1', 'x']], '缺少表头'],
    [[['任务编号', '姓名'], ['', '张敏']], '第 2 行：缺少任务编号'],
    [[['任务编号', '姓名'], ['1', '']], '第 2 行：缺少姓名'],
    [[['任务编号', '姓名', '角色'], ['1', '张敏', '观察员']], '无法识别角色「观察员」'],
    [[['任务编号', '姓名', '邮箱'], ['1', '张敏', 'not-an-email']], '邮箱「not-an-email」格式不正确'],
    [[['任务编号', '姓名', 'open_id'], ['1', '张敏', 'u_123']], 'open_id「u_123」格式不正确'],
    [[['任务编号', '姓名']], '没有任何人员行'],
  ])('refuses bad files with a Chinese message naming the row: %j', (rows, words) => {
    expect(() => parseOwners(rows)).toThrowError(OwnersError);
    expect(() => parseOwners(rows)).toThrowError(words);
  });

  it.each([['7', '7'], ['#7', '7'], ['任务7', '7'], ['第7项', '7'], ['７', '7'], ['2.3', '2.3'], ['七', '七'], ['十二', '十二']])('task code %s → %s', (raw, code) => {
    expect(normaliseTaskCode(raw)).toBe(code);
  });
});
