import { describe, expect, it } from 'vitest';
import { columnOf, normaliseTaskCode, OwnersError, parseOwners, problemsMessage, readOwners } from '../../../bot/domain/owners/parse-owners.js';

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

describe('every problem at once, in row order', () => {
  it('lists each line\'s problems, sorted by line, the first twenty and how many more', () => {
    expect(problemsMessage([{ line: 9, text: '缺少姓名' }, { line: 3, text: '缺少任务编号' }])).toBe('责任分工表有 2 处问题，未做任何修改：\n第 3 行：缺少任务编号\n第 9 行：缺少姓名');
    const many = Array.from({ length: 22 }, (_, i) => ({ line: 30 - i, text: '缺少姓名' }));
    const text = problemsMessage(many);
    expect(text.split('\n')).toHaveLength(1 + 20 + 1);
    expect(text.split('\n')[1]).toBe('第 9 行：缺少姓名');
    expect(text.split('\n')[20]).toBe('第 28 行：缺少姓名');
    expect(text.split('\n')[21]).toBe('……另有 2 处');
    const twenty = problemsMessage(many.slice(0, 20));
    expect(twenty.split('\n')).toHaveLength(21);
    expect(twenty).not.toContain('另有');
  });

  it('keeps every person line\'s task code, with problems or not, and tells every wrong field of a line', () => {
    const r = readOwners([
      ['任务编号', '姓名', '角色', '邮箱', '手机', 'open_id'],
      ['3', '', '观察员', 'a@b', '12-34', 'ou_x'],
      ['  ', ' ', '', '', '', ''],
      ['5', '张敏', '', 'zm@qj.gov.cn', '+86 138-0000-0001', 'ou_abcd'],
    ]);
    expect(r.codes).toEqual([{ line: 2, taskCode: '3' }, { line: 4, taskCode: '5' }]);
    expect(r.problems).toEqual([
      { line: 2, text: '缺少姓名' },
      { line: 2, text: '无法识别角色「观察员」（可填 责任人 / 协办 / 责任领导）' },
      { line: 2, text: '邮箱「a@b」格式不正确' },
      { line: 2, text: '手机号「1234」格式不正确' },
      { line: 2, text: 'open_id「ou_x」格式不正确（应以 ou_ 开头）' },
    ]);
    expect(r.rows).toEqual([{ line: 4, taskCode: '5', name: '张敏', role: 'owner', openId: 'ou_abcd', email: 'zm@qj.gov.cn', mobile: '+8613800000001', department: null }]);
  });

  it('an e-mail must be one whole address', () => {
    const email = (e: string) => readOwners([['任务编号', '姓名', '邮箱'], ['1', '张敏', e]]).problems.map((p) => p.text);
    expect(email('zm@qj.gov.cn')).toEqual([]);
    expect(email('x zm@qj.gov.cn')).toEqual(['邮箱「x zm@qj.gov.cn」格式不正确']);
    expect(email('zm@qj.gov.cn x')).toEqual(['邮箱「zm@qj.gov.cn x」格式不正确']);
  });

  it('finds the header below a title line, needing both a task and a name column; a short row is read as blank cells', () => {
    expect(() => readOwners([['任务编号', '角色'], ['1', '责任人']])).toThrowError('缺少表头');
    expect(() => readOwners([['姓名', '角色'], ['张敏', '责任人']])).toThrowError('缺少表头');
    expect(readOwners([['标题'], ['任务', '姓名', '部门'], ['2', '李强']]).rows).toEqual([
      { line: 3, taskCode: '2', name: '李强', role: 'owner', openId: null, email: null, mobile: null, department: null },
    ]);
  });
});

describe('columns and task codes', () => {
  it.each([
    [' 任务 编号 ', 'task'], ['姓 名', 'name'], ['OpenID', 'openId'], ['飞书ID', 'openId'], ['E-mail', 'email'], ['联系电话', 'mobile'],
    ['所在科室', 'department'], ['类别', 'role'], ['', null], ['   ', null], ['备注', null],
  ])('column %j → %s', (cell, column) => expect(columnOf(cell)).toBe(column));

  it.each([[' 任务７ ', '7'], ['#12', '12'], ['第3号', '3'], ['4、', '4'], ['5.', '5'], ['任务 十二', '十二'], ['2号任务', '2号任务'], ['一百', '100'], ['', '']])('task code %j → %j', (raw, code) => {
    expect(normaliseTaskCode(raw)).toBe(code);
  });
});

