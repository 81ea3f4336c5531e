/**
 * The label words plans put before who and when (「牵头单位：」「责任领导：」「完成时限：」), as one
 * table: a role word and a unit noun make a unit label (牵头 + 科室（单位）, 协同 + 责任单位), a role
 * word and 领导 make a leader label, and deadline labels are listed. Pure.
 */

/** lead: 牵头单位; responsible: 责任单位, a lead unless a lead is named beside it (then a collaborator). */
export type AnnotationField = 'leader' | 'lead' | 'responsible' | 'collaborator' | 'deadline';

/** Role words in front of a unit noun, and the field each gives. */
const UNIT_ROLES: [AnnotationField, string[]][] = [
  ['lead', ['牵头责任', '牵头负责', '主要责任', '牵头', '主责', '主办', '主要', '主体']],
  ['collaborator', ['协同配合', '协同责任', '配合责任', '协同参与', '协同', '配合', '协办', '协助', '参与', '参加']],
  ['responsible', ['责任', '负责', '承办', '实施', '落实']],
];
const UNIT_NOUNS = ['单位', '部门', '科室', '股室', '处室', '科', '处'];
/** A bracketed word inside or after a label: 牵头（责任）单位, 牵头科室（单位）. */
const QUALIFIERS = ['责任', '负责', '牵头', '单位', '部门', '科室', '处室', '股室'];

const LEADER_ROLES = ['牵头负责', '责任', '分管', '牵头', '联系', '包抓', '主管', '挂帅', '主要'];
const LEADER_WORDS = [
  ...LEADER_ROLES.flatMap((r) => [`${r}领导`, `${r}区领导`, `${r}市领导`, `${r}县领导`]),
  '领导', '责任人', '负责人',
];
/** Unit labels that are not a role word and a noun. */
const OTHER_UNIT_WORDS: [AnnotationField, string][] = [['responsible', '责任主体'], ['responsible', '实施主体'], ['lead', '牵头主体']];
const DEADLINE_WORDS = ['完成时间节点', '完成时限', '完成时间', '完成期限', '截止时间', '时间节点', '时限要求', '时间要求', '时间安排', '进度安排', '时限'];

const byLength = (a: string, b: string) => b.length - a.length;
const alt = (ws: string[]) => [...ws].sort(byLength).join('|');
const QUAL = `(?:[（(](?:${alt(QUALIFIERS)})[）)])`;
const UNIT_LABEL = `(?:${alt(UNIT_ROLES.flatMap(([, ws]) => ws))})${QUAL}?(?:${alt(UNIT_NOUNS)})${QUAL}?`;

/** A label and its colon; group 1 is the label. Every part is a literal word, so a match is bounded. */
export const LABEL_SOURCE = `(${alt([...LEADER_WORDS, ...DEADLINE_WORDS, ...OTHER_UNIT_WORDS.map(([, w]) => w)])}|${UNIT_LABEL})\\s*[：:]\\s*`;

/** The field a label names: 「牵头科室（单位）」→ lead, 「协同责任单位」→ collaborator, 「牵头负责领导」→ leader. */
export function fieldOf(label: string): AnnotationField | null {
  const clean = label.replace(/\s/g, '');
  if (DEADLINE_WORDS.includes(clean)) return 'deadline';
  if (LEADER_WORDS.includes(clean)) return 'leader';
  const other = OTHER_UNIT_WORDS.find(([, w]) => w === clean);
  if (other) return other[0];
  const bare = clean.replace(/[（(][^（）()]{1,4}[）)]/g, '');
  const noun = UNIT_NOUNS.find((n) => bare.endsWith(n));
  if (!noun) return null;
  const role = bare.slice(0, bare.length - noun.length);
  for (const [field, words] of UNIT_ROLES) if (words.includes(role)) return field;
  return null;
}
