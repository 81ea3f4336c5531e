/** Generates a large prose plan in the genre (sections, numbered tasks, targets, annotations). */
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const VERBS = ['培育', '推进', '加强', '深化', '提升', '完善', '打造', '落实'];
const NOUNS = ['高新技术企业', '科技型企业', '研发平台', '孵化载体', '科技成果转化', '技术合同登记', '科普基地', '人才引育'];
const UNITS = ['家', '个', '项', '场', '亿元', '%'];

export function generatePlan(tasks: number, sections = 20): string {
  const lines = ['某某区科学技术局2023年工作要点', '', '2023年，全局工作坚持稳中求进。'];
  const perSection = Math.ceil(tasks / sections);
  let n = 0;
  for (let s = 0; s < sections && n < tasks; s++) {
    lines.push(`${CN[s % CN.length]}、${VERBS[s % VERBS.length]}${NOUNS[s % NOUNS.length]}工作`);
    for (let k = 0; k < perSection && n < tasks; k++) {
      n++;
      const noun = NOUNS[(n * 7) % NOUNS.length];
      const unit = UNITS[n % UNITS.length];
      lines.push(
        `${n}.${VERBS[n % VERBS.length]}${noun}。组织开展${noun}政策宣讲和业务培训，指导相关单位做好申报工作，` +
          `力争全年${noun}达到${(n % 90) + 10}${unit}以上，协调区财政、税务等部门做好政策兑现。${(n % 12) + 1}月底前完成阶段任务。`,
      );
      lines.push(`牵头科室：第${(n % 6) + 1}科室；配合单位：区财政局、区税务局；完成时限：2023年${(n % 12) + 1}月底`);
    }
  }
  return lines.join('\n');
}
