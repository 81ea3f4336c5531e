/**
 * Benchmark 2 (and the receiver half of 6): signed, encrypted message events
 * with unique event and message ids posted to the receiver in a process of
 * its own (verify → record → enqueue → 200), against a bare express endpoint
 * answering 200 in that same process. No worker runs: only the ack is timed.
 */
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { sealRequest } from '../bot/sandbox/crypto.js';
import { APP, benchEnv } from './bench-env.js';
import { bareProcessRss, idleRss, spawnBot, watchRss } from './processes.js';
import { mib, type Row } from './table.js';

const EVENTS = 3000;
const WARMUP = 300;
/** Requests in flight at once (Feishu's delivery concurrency is not documented). */
const CONCURRENCY = 16;
const FEISHU_ACK_MS = 3000;

interface Sealed {
  body: string;
  headers: Record<string, string>;
}

/** A user's p2p text message, as Feishu pushes it: v2 envelope, encrypted and signed now. */
function messageEvent(i: number): Sealed {
  const eventId = `bench-${randomUUID()}`;
  const envelope = {
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: `${Date.now()}`, token: APP.verificationToken, app_id: APP.appId, tenant_key: '736588c9260f175e' },
    event: {
      sender: { sender_id: { open_id: `ou_bench_u${i % 500}`, union_id: `on_bench_u${i % 500}`, user_id: `u${i % 500}` }, sender_type: 'user', tenant_key: '736588c9260f175e' },
      message: {
        message_id: `om_${randomUUID().replace(/-/g, '')}`, create_time: `${Date.now()}`, chat_id: `oc_bench_p2p_${i % 500}`, chat_type: 'p2p',
        message_type: 'text', content: JSON.stringify({ text: `任务${(i % 23) + 1}：已完成${i % 100}%，按计划推进` }),
      },
    },
  };
  return sealRequest(APP.encryptKey, envelope, Date.now());
}

export interface IngestResult {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Posts every request, CONCURRENCY at a time over keep-alive connections. */
export async function post(url: string, requests: Sealed[]): Promise<IngestResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const { hostname, port, pathname } = new URL(url);
  const ms: number[] = [];
  let errors = 0;
  const one = (r: Sealed) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = request({ hostname, port, path: pathname, method: 'POST', agent, headers: { ...r.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } }, (res) => {
        res.resume();
        res.on('end', () => {
          ms.push(performance.now() - t);
          if (res.statusCode !== 200) errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < requests.length) await one(requests[next++]!);
  }));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { perSecond: requests.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/** CPU ms of the receiver process per request between two readings. */
const cpuPer = (from: number | null, to: number | null) => (from === null || to === null ? null : (to - from) / EVENTS);

const seal = (n: number, from: number) => Array.from({ length: n }, (_, i) => messageEvent(from + i));

export async function benchIngest(): Promise<Row[]> {
  const env = await benchEnv('ingest');
  const receiver = await spawnBot({ role: 'receiver', env: env.env });
  try {
    const rssIdle = await idleRss(receiver);
    await post(receiver.bareUrl!, seal(WARMUP, 0));
    const bareRequests = seal(EVENTS, 0);
    const bareCpu = receiver.cpuMs();
    const bare = await post(receiver.bareUrl!, bareRequests);
    const bareCpuMs = cpuPer(bareCpu, receiver.cpuMs());
    await post(receiver.url!, seal(WARMUP, EVENTS));
    const botRequests = seal(EVENTS, 2 * EVENTS);
    const rss = watchRss(receiver);
    const botCpu = receiver.cpuMs();
    const bot = await post(receiver.url!, botRequests);
    const botCpuMs = cpuPer(botCpu, receiver.cpuMs());
    const rssPeak = rss.stop();
    const bareRss = await bareProcessRss(env.env);
    if (bot.errors || bare.errors) throw new Error(`ingest: ${bot.errors} receiver and ${bare.errors} bare requests were not answered 200`);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    return [
      {
        benchmark: `webhook ingest: ${EVENTS} signed encrypted events, ${CONCURRENCY} in flight`,
        figure: `${bot.perSecond.toFixed(0)} events/s; ack p50 ${ms(bot.p50)}, p99 ${ms(bot.p99)}`,
        anchor: `bare express 200: ${bare.perSecond.toFixed(0)}/s; p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}`,
        ratio: `${(bot.perSecond / bare.perSecond).toFixed(2)}× throughput`,
      },
      {
        // CPU time, not throughput: what the machine's other work disturbs least.
        benchmark: 'webhook ingest: receiver process CPU per event',
        figure: botCpuMs === null ? 'n/a' : `${botCpuMs.toFixed(2)} ms`,
        anchor: bareCpuMs === null ? 'n/a' : `bare express 200: ${bareCpuMs.toFixed(2)} ms`,
        ratio: botCpuMs && bareCpuMs ? `${(botCpuMs / bareCpuMs).toFixed(1)}×` : 'n/a',
      },
      {
        benchmark: 'webhook ingest: ack p99 against Feishu’s limit',
        figure: `p99 ${ms(bot.p99)}`,
        anchor: `Feishu redelivers after ${FEISHU_ACK_MS / 1000} s`,
        ratio: `${(bot.p99 / FEISHU_ACK_MS).toFixed(3)}×`,
      },
      {
        benchmark: 'memory: receiver process (RSS)',
        figure: `idle ${mib(rssIdle)}; peak ${mib(rssPeak)} under ingest`,
        anchor: `bare BullMQ process ${mib(bareRss)}`,
        ratio: rssIdle && bareRss ? `${(rssIdle / bareRss).toFixed(1)}× idle` : 'n/a',
      },
    ];
  } finally {
    await receiver.stop();
    await env.close();
  }
}
