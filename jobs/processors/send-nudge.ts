/**
 * send-nudge: reads the nudge and its task's state (the task-state engine's
 * load, which also answers the still-wanted checks), checks it is still wanted,
 * claims it in the store (conditional update), sends the card (the owner's nudge card, or for `leader-*`
 * kinds the leader's escalation card) through the Messenger with the uuid derived
 * from the key, and records the message id. A restart, a retry or two
 * workers at once never show it twice: the claim stops a second sender and
 * the uuid stops a resend after a crash between send and record. Feishu's
 * 230049 ("the message is being sent": an earlier try with this uuid is still
 * under way) is "wait and check": the job is retried later with the same uuid,
 * whose answer is then the message; no failure, no admin alert. Still 230049 on
 * the last try, the nudge is taken as sent (its message id unknown): Feishu
 * holds a message with this uuid, and a send after the uuid's hour would show
 * it twice.
 */
import { shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { isQuiet } from '../../bot/domain/schedule/quiet-hours.js';
import { isScheduledKind, milestoneIdOf } from '../../bot/domain/schedule/types.js';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../../bot/deps.js';
import { FeishuError, reasonOf } from '../../bot/feishu/errors.js';
import { card, markdown } from '../../bot/feishu/cards/card.js';
import { escalationCard } from '../../bot/feishu/cards/escalation-card.js';
import { nudgeCard } from '../../bot/feishu/cards/nudge-card.js';
import { botText, cut, md } from '../../bot/feishu/safe-text.js';
import { alertAdmins, type AdminAlert } from '../../bot/handlers/admin-alert.js';
import { lifecycleWord } from '../../bot/domain/task-state/lifecycle.js';
import { claimNudge, finishNudge, MAYBE_SHOWN, nudgeToSend, type NudgeToSend } from '../../bot/store/nudge-store.js';
import { findTaskState } from '../../bot/store/task-states.js';
import { escalationCardInput } from '../../bot/store/escalation-card-input.js';
import { nudgeCardInput } from '../../bot/store/nudge-card-input.js';
import { returnedReportOf, returnStillOpen } from '../../bot/store/return-report.js';
import { sendNudgeJob, type SendNudgeJob } from '../queues.js';

const FINAL = new Set(['sent', 'failed', 'cancelled', 'skipped']);
const IN_FLIGHT_NOTE = '飞书答复 230049（该消息正在发送中），视为已发送，消息 ID 未知';

export class ClaimedElsewhere extends Error {
  override name = 'ClaimedElsewhere';
}

export function createSendNudgeProcessor(deps: Deps) {
  return async (job: Job<SendNudgeJob>): Promise<void> => {
    const parsed = sendNudgeJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('malformed send-nudge job');
    const { key } = parsed.data;
    const { db, clock, config } = deps;
    const now = clock.now();
    const nudge = await nudgeToSend(db, key, shanghaiDate(now));
    if (!nudge || FINAL.has(nudge.state)) return;

    // The task's state at `now`: what the still-wanted checks ask of the task, and what the card shows.
    const loaded = await findTaskState(db, { taskId: nudge.taskId, now, calendar: deps.calendar });
    const why = await unwanted(deps, nudge, loaded, now);
    if (why || !loaded) {
      if (nudge.state === 'sending') {
        // Another sender holds it: it finishes the nudge, sent or not; this job looks again later, in case that
        // sender died. Its lease lapsed: it may have sent the card before it died, which the record then says
        // beside the reason.
        const lease = config.NUDGE_CLAIM_LEASE_SECONDS * 1000;
        if (nudge.claimedAt && nudge.claimedAt.getTime() >= now.getTime() - lease) throw new ClaimedElsewhere(`nudge ${key} is being sent by another worker`);
        await finishNudge(db, key, { state: 'cancelled', error: `${why ?? REMOVED}；${MAYBE_SHOWN}` });
        return;
      }
      await finishNudge(db, key, { state: 'cancelled', error: why ?? REMOVED });
      return;
    }
    if (!nudge.person.openId) {
      await finishNudge(db, key, { state: 'failed', error: '该人员没有飞书 open_id' });
      deps.metrics.nudgesFailed.inc({ reason: 'no_open_id' });
      return;
    }
    if (!(await claimNudge(db, key, now, config.NUDGE_CLAIM_LEASE_SECONDS * 1000))) {
      const current = await db.nudge.findUnique({ where: { key }, select: { state: true } });
      if (!current || FINAL.has(current.state)) return;
      throw new ClaimedElsewhere(`nudge ${key} is being sent by another worker`);
    }
    // A leader's escalation is a card of its own (what a leader acts on); the owner's nudge stays as it is.
    const card = nudge.kind.startsWith('leader-')
      ? escalationCard(await escalationCardInput(deps, nudge.taskId, now, loaded))
      : nudgeCard(await nudgeCardInput(deps, nudge, now, loaded));
    try {
      const sent = await deps.messenger.send({ openId: nudge.person.openId }, { card }, `nudge:${key}`);
      await finishNudge(db, key, { state: 'sent', messageId: sent.messageId, now: clock.now() });
      deps.metrics.nudgesSent.inc({ kind: nudge.kind });
    } catch (e) {
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (e instanceof FeishuError && e.kind === 'in_flight') {
        if (!lastTry) {
          await finishNudge(db, key, { state: 'pending' });
          throw e;
        }
        await finishNudge(db, key, { state: 'sent', messageId: null, now: clock.now(), note: IN_FLIGHT_NOTE });
        deps.metrics.nudgesSent.inc({ kind: nudge.kind });
        deps.log.warn({ key, code: e.code }, 'Feishu still sending this nudge on the last try: taken as sent, message id unknown');
        return;
      }
      if (e instanceof FeishuError && (!e.retryable || lastTry)) {
        await finishNudge(db, key, { state: 'failed', error: `${e.code ?? ''} ${reasonOf(e)}`.trim() });
        deps.metrics.nudgesFailed.inc({ reason: String(e.code ?? e.kind) });
        await alertAdmins(deps, failedNudgeAlert({ ...nudge, task: { code: loaded.task.shownCode, title: loaded.task.title } }, e), `nudge-failed:${key}`);
      } else {
        await finishNudge(db, key, { state: 'pending' });
      }
      throw e;
    }
  };
}

/** What the admins are told when Feishu refuses a nudge for good (once per nudge: the uuid comes from its key). */
function failedNudgeAlert(n: { task: { code: string; title: string }; person: { name: string } }, e: FeishuError): AdminAlert {
  const code = e.code ?? '无';
  return {
    card: card({
      title: '催办未能送达',
      template: 'red',
      elements: [
        markdown(md`**任务${cut(n.task.code, 16)}** ${cut(n.task.title, 60)} → ${cut(n.person.name, 20)}`),
        markdown(md`原因：${cut(reasonOf(e), 120)}（飞书错误码 ${code}）\n请检查该人员的飞书账号或应用可用范围。`),
      ],
    }),
    text: botText`催办未能送达：任务${cut(n.task.code, 16)}「${cut(n.task.title, 40)}」→ ${cut(n.person.name, 12)}。原因：${cut(reasonOf(e), 60)}（飞书错误码 ${code}）。请检查该人员的飞书账号或应用可用范围。`,
  };
}

const REMOVED = '任务已从计划中移除';
const ON_LEAVE = '对方请假中，不提醒';
const QUIET = '已到免打扰时段或非工作日，本次提醒不再补发';

/**
 * Why a due nudge should no longer go out, or null. The task's side is answered from its state just read (the
 * load reads tasks not removed, the plan's archive mark, active assignments and every milestone); the period's
 * report came with the nudge; a returned report is read for its own nudges.
 */
async function unwanted(deps: Deps, n: NudgeToSend, loaded: Awaited<ReturnType<typeof findTaskState>>, now: Date): Promise<string | null> {
  if (!loaded) return REMOVED;
  // The sweep asks nothing of a person on leave, and nothing in quiet hours or on a day off; a nudge that became
  // due before (a leave told just now, retries that ran into the evening) keeps to that too. A scheduled step is
  // not sent late (its next step comes); an on-demand one (/remind, 退回补充) goes out when it was asked for.
  if (n.onLeave) return ON_LEAVE;
  if (isScheduledKind(n.kind) && isQuiet(now, deps.calendar, deps.schedule)) return QUIET;
  if (loaded.archived) return '计划已归档';
  const { task } = loaded;
  // Only an active task is nudged: an owner's 「已完成」 (done_pending), 办结 or a pause stops what was already due.
  const lifecycle = task.input.lifecycle;
  if (lifecycle !== 'active') return `任务${lifecycleWord(lifecycle)}`;
  const still = n.kind.startsWith('leader-') ? task.leaders : task.owners;
  if (!still.some((p) => p.personId === n.personId)) return '已不再负责该任务';
  // Answered: the period's newest report stands (one returned for more, 退回补充, does not answer).
  if ((n.kind === 'checkin' || n.kind.startsWith('followup') || n.kind.startsWith('snooze')) && n.periodReport === 'answered') return '本期已填报';
  const returned = returnedReportOf(n.kind);
  if (returned !== null && !(await returnStillOpen(deps.db, returned))) return '已补充报送或退回已撤销';
  // A milestone's reminder stops once the step is marked done (or left the plan on a re-import).
  const milestone = milestoneIdOf(n.kind);
  if (milestone !== null && !task.input.milestones.some((m) => m.id === milestone && m.doneAt === null)) return '该时间节点已完成';
  return null;
}
