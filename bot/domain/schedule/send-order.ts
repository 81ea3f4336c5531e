/**
 * The order in which a sweep enqueues its nudges: round-robin over recipients,
 * so one person's nudges are spread through the batch instead of arriving in a
 * row. Feishu allows 5 messages a second to one chat; a section head owning ten
 * consecutive tasks got every third message of a 16/s batch, tripped that limit
 * (230020) and paused the whole queue for a second each time (bench/fanout.ts).
 * Pure; stable within each person's nudges.
 */
export function spreadByPerson<T extends { personId: number }>(nudges: T[]): T[] {
  const queues = new Map<number, T[]>();
  for (const n of nudges) {
    const q = queues.get(n.personId);
    if (q) q.push(n);
    else queues.set(n.personId, [n]);
  }
  const out: T[] = [];
  const lanes = [...queues.values()];
  for (let round = 0; out.length < nudges.length; round++) {
    for (const lane of lanes) if (round < lane.length) out.push(lane[round]!);
  }
  return out;
}
