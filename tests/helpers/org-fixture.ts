/** A small Qijiang bureau org chart for proposal tests: similar names, a department without a leader, namesakes. */
import type { OrgChart } from '../../bot/domain/owners/org-chart.js';

export const ISSUER = '重庆市綦江区科学技术局';

export const ORG: OrgChart = {
  departments: [
    { id: 'od-gx', name: '高新科', parentId: null, leaderOpenId: 'ou_demo_zhangmin' },
    { id: 'od-pt', name: '平台科', parentId: null, leaderOpenId: 'ou_demo_wangfang' },
    { id: 'od-cx1', name: '科技创新科', parentId: null, leaderOpenId: 'ou_cx1' },
    { id: 'od-cx2', name: '科技创新股', parentId: null, leaderOpenId: 'ou_cx2' },
    { id: 'od-bgs', name: '办公室', parentId: null, leaderOpenId: 'ou_bgs' },
    { id: 'od-nc', name: '农村科', parentId: null, leaderOpenId: null },
    { id: 'od-jld', name: '局领导', parentId: null, leaderOpenId: null },
    { id: 'od-fw', name: '科技服务中心', parentId: null, leaderOpenId: 'ou_fw' },
    { id: 'od-zh1', name: '综合科', parentId: 'od-fw', leaderOpenId: 'ou_zh1' },
    { id: 'od-zh2', name: '综合科', parentId: 'od-bgs', leaderOpenId: 'ou_zh2' },
  ],
  users: [
    { openId: 'ou_demo_zhangmin', name: '张敏', departmentIds: ['od-gx'] },
    { openId: 'ou_demo_wangfang', name: '王芳', departmentIds: ['od-pt'] },
    { openId: 'ou_pt_contact', name: '刘洋', departmentIds: ['od-pt'] },
    { openId: 'ou_cx1', name: '赵一', departmentIds: ['od-cx1'] },
    { openId: 'ou_cx2', name: '赵二', departmentIds: ['od-cx2'] },
    { openId: 'ou_bgs', name: '陈静', departmentIds: ['od-bgs'] },
    { openId: 'ou_demo_hejianguo', name: '何建国', departmentIds: ['od-jld'] },
    { openId: 'ou_demo_luoxiaomei', name: '罗晓梅', departmentIds: ['od-jld'] },
    { openId: 'ou_demo_liqiang', name: '李强', departmentIds: ['od-gx'] },
    { openId: 'ou_liqiang_nc', name: '李强', departmentIds: ['od-nc'] },
  ],
};
