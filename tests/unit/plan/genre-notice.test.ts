/**
 * The cover notice in front of a plan (issue #16, plans 3) and text copied from web pages and
 * PDFs (plans 7). Made-up text in the shape of real pages.
 */
import { describe, expect, it } from 'vitest';
import { parseText, taskByCode } from './helpers.js';

const PLAN = [
  '某区2023年科技创新工作要点',
  '一、着力培育创新主体',
  '1.培育高新技术企业。全年新增高新技术企业20家。',
  '二、优化创新生态',
  '2.落实科技创新政策。开展政策宣讲10场。',
];

const NOTICE_PARAGRAPHS = [
  '一、各责任单位要高度重视，明确专人负责，确保各项任务落到实处。',
  '二、区科技局要加强统筹协调，每季度通报工作进展。',
];

describe('the cover notice is not plan', () => {
  it.each([
    [
      'numbered paragraphs, signature and date before the title',
      [
        '某区人民政府办公室关于印发某区2023年科技创新工作要点的通知',
        '2023-01-05 10:00 区人民政府办公室',
        '各镇人民政府、街道办事处，区政府各部门：',
        '《某区2023年科技创新工作要点》已经区政府同意，现印发给你们，并提出以下要求：',
        ...NOTICE_PARAGRAPHS,
        '某区人民政府办公室',
        '2023年2月1日',
        ...PLAN,
      ],
      { issuer: '某区人民政府办公室', issuedOn: '2023-02-01' },
    ],
    [
      'numbered paragraphs, signature and date, the plan without its own title',
      [
        '关于印发某区2023年科技创新工作要点的通知',
        '发布时间：2023-01-05 信息来源：区人民政府办公室',
        '现将《某区2023年科技创新工作要点》印发给你们，请认真贯彻执行。',
        ...NOTICE_PARAGRAPHS,
        '某区科学技术局',
        '2023年2月1日',
        ...PLAN.slice(1),
      ],
      { issuer: '某区科学技术局', issuedOn: '2023-02-01' },
    ],
    [
      'joint issuers named in the notice title, no signature',
      [
        '中共某县委办公室 某县人民政府办公室关于印发某区2023年科技创新工作要点的通知',
        '各乡镇党委、政府，县级各部门：',
        '现将《某区2023年科技创新工作要点》印发给你们，请结合实际认真抓好落实。',
        ...NOTICE_PARAGRAPHS,
        ...PLAN,
      ],
      { issuer: '中共某县委办公室 某县人民政府办公室', issuedOn: null },
    ],
  ])('%s', (_name, lines, header) => {
    const plan = parseText(lines.join('\n'));
    expect(plan.sections.map((s) => [s.ordinal, s.title])).toEqual([
      ['一', '着力培育创新主体'],
      ['二', '优化创新生态'],
    ]);
    expect(plan.tasks.map((t) => [t.code, t.title])).toEqual([
      ['1', '培育高新技术企业'],
      ['2', '落实科技创新政策'],
    ]);
    expect({ issuer: plan.plan.issuer, issuedOn: plan.plan.issuedOn, year: plan.plan.year }).toEqual({ ...header, year: 2023 });
  });

  it.each([
    ['a web page stamp', '2023-01-05 10:00 区人民政府办公室'],
    ['a source line', '发布时间：2023-01-05 信息来源：区人民政府办公室'],
  ])('takes the issuer from the title over %s', (_name, stamp) => {
    const plan = parseText([stamp, '某区科学技术局2023年工作要点', ...PLAN.slice(1)].join('\n'));
    expect([plan.plan.issuer, plan.plan.issuedOn]).toEqual(['某区科学技术局', null]);
  });

  it('takes the issuer from a source line when nothing else names it', () => {
    const plan = parseText(['2023年科技创新工作要点', '发布时间：2023-01-05 信息来源：某区科学技术局', ...PLAN.slice(1)].join('\n'));
    expect(plan.plan.issuer).toBe('某区科学技术局');
  });

  it('a plan whose own task says 印发 is not cut', () => {
    const plan = parseText(
      ['某区科学技术局2023年工作要点', '一、深化改革', '1.印发科技体制改革方案。现将方案印发给各科室。', '某区科技创新工作方案', '2.落实科技创新政策。'].join('\n'),
    );
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2']);
  });
});

describe('text copied from web pages and PDFs', () => {
  it('reads ASCII punctuation as full width; 1,000 and 10:00 stay', () => {
    const plan = parseText(
      [
        '某区科学技术局2023年工作要点',
        '一、着力培育创新主体',
        '1.培育高新技术企业,全年新增高新技术企业20家,技术合同成交额1,000万元.(牵头单位:区科技局;配合单位:区财政局)',
        '2.开展科技活动周:每天10:00开放展厅。',
      ].join('\n'),
    );
    const t = taskByCode(plan, '1');
    expect([t.title, t.leadUnits, t.collaborators]).toEqual([
      '培育高新技术企业，全年新增高新技术企业20家，技术合同成交额1,000万元.',
      ['区科技局'],
      ['区财政局'],
    ]);
    expect(t.targets.map((x) => [x.value, x.unit])).toEqual([[20, '家'], [1000, '万元']]);
    expect([taskByCode(plan, '2').title, taskByCode(plan, '2').body]).toEqual(['开展科技活动周', '每天10:00开放展厅。']);
  });

  it('joins the lines a PDF wrapped inside a task, keeps labels and items apart', () => {
    const plan = parseText(
      [
        '某区科学技术局2023年工作要点',
        '一、着力培育创新主体',
        '1.培育高新技术企业。组织专家走进企业开展高新技术企业申报辅导，',
        '全年新增高新技术企业20家以上。',
        '责任单位：区科技局',
        '2.培育科技型中小企业。建立科技型企业梯度培育库，推动入库企业',
        '加大研发投入，全年新增科技型企业200家以上，研发投入强度持续提',
        '升，确保规上工业企业研发机构覆盖率达到50%以上，推动更多企业上',
        '规升级，力争全年新增规上科技型企业30家以上，形成梯度培育格局',
        '并持续做好跟踪服务。',
        '责任单位：区科技局',
      ].join('\n'),
    );
    const [a, b] = [taskByCode(plan, '1'), taskByCode(plan, '2')];
    expect([a.body, a.leadUnits]).toEqual(['组织专家走进企业开展高新技术企业申报辅导，全年新增高新技术企业20家以上。', ['区科技局']]);
    expect(b.body).toBe(
      '建立科技型企业梯度培育库，推动入库企业加大研发投入，全年新增科技型企业200家以上，研发投入强度持续提升，确保规上工业企业研发机构覆盖率达到50%以上，推动更多企业上规升级，力争全年新增规上科技型企业30家以上，形成梯度培育格局并持续做好跟踪服务。',
    );
    expect(b.targets.map((x) => [x.value, x.unit])).toEqual([[200, '家'], [50, '%'], [30, '家']]);
  });
});
