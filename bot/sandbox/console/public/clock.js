// The clock bar: simulated date, time and weekday; play, pause, speed and the two steps.
import { $, api, toast } from './api.js';

const CLOCK_FMT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'long' });
const TIME_FMT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

// The server sends the clock twice a second; a demo clock may wait for the bot, so nothing is extrapolated.
export function renderClock(clock) {
  $('clock-controls').hidden = !clock;
  if (!clock) return;
  const now = new Date(clock.now);
  $('clock-date').textContent = CLOCK_FMT.format(now);
  $('clock-time').textContent = TIME_FMT.format(now);
  $('clock-state').textContent = clock.paused ? '已暂停' : clock.speed > 0 ? `运行中 ×${clock.speed}` : '运行中（最快）';
  $('btn-play').disabled = !clock.paused;
  $('btn-pause').disabled = clock.paused;
  const speed = $('speed');
  if (clock.speed > 0 && ![...speed.options].some((o) => Number(o.value) === clock.speed)) speed.append(new Option(`×${clock.speed}`, String(clock.speed)));
  speed.value = String(clock.speed);
}

async function step(to, label) {
  const buttons = [$('btn-next-day'), $('btn-friday')];
  buttons.forEach((b) => (b.disabled = true));
  $('step-state').textContent = `${label}中…`;
  try {
    const r = await api('step', { to });
    renderClock(r.clock);
    $('step-state').textContent = '';
  } catch (e) {
    $('step-state').textContent = '';
    toast(e.message, 'error');
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/** Wires the clock bar's buttons. */
export function wireClock() {
  $('btn-play').addEventListener('click', () => api('clock', { action: 'play' }).then((r) => renderClock(r.clock), (e) => toast(e.message, 'error')));
  $('btn-pause').addEventListener('click', () => api('clock', { action: 'pause' }).then((r) => renderClock(r.clock), (e) => toast(e.message, 'error')));
  $('speed').addEventListener('change', () => api('clock', { action: 'speed', speed: Number($('speed').value) }).then((r) => renderClock(r.clock), (e) => toast(e.message, 'error')));
  $('btn-next-day').addEventListener('click', () => step('next-working-day', '推进到下一个工作日'));
  $('btn-friday').addEventListener('click', () => step('friday-1600', '推进到周五16:00'));
}
