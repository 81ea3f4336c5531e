/** Benchmark 5: parsing the seed plan and a generated 500-task plan, against a bare line scan. */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { parsePlan } from '../bot/domain/plan/parse-plan.js';
import { generatePlan } from './generate-plan.js';
import type { Row } from './table.js';

const SEED = readFileSync(new URL('../plans/qijiang-2022-work-plan.txt', import.meta.url), 'utf8');
const BIG = generatePlan(500);
const MARKER = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

/** The anchor: one pass that only splits lines and tests the outline markers. */
function scanOnly(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (MARKER.test(line)) n++;
  return n;
}

export async function benchParse(): Promise<Row[]> {
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  bench
    .add('parse seed (23 tasks)', () => void parsePlan({ kind: 'text', name: 'seed.txt', text: SEED }))
    .add('scan seed (anchor)', () => void scanOnly(SEED))
    .add('parse generated (500 tasks)', () => void parsePlan({ kind: 'text', name: 'big.txt', text: BIG }))
    .add('scan generated (anchor)', () => void scanOnly(BIG));
  await bench.run();
  const mean = (name: string) => (bench.tasks.find((t) => t.name === name)!.result as { latency: { mean: number } }).latency.mean;
  const row = (what: string, task: string, anchor: string): Row => ({
    benchmark: `parse: ${what}`,
    figure: `${mean(task).toFixed(2)} ms/parse`,
    anchor: `line scan ${mean(anchor).toFixed(3)} ms`,
    ratio: `${(mean(task) / mean(anchor)).toFixed(0)}×`,
  });
  return [row('seed plan', 'parse seed (23 tasks)', 'scan seed (anchor)'), row('500-task plan', 'parse generated (500 tasks)', 'scan generated (anchor)')];
}
