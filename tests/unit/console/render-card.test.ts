/** The console's renderers: card JSON → readable, escaped HTML; markdown; the chart as SVG. */
import { describe, expect, it } from 'vitest';
import { card, markdown } from '../../../bot/feishu/cards/card.js';
import { chartElement } from '../../../bot/feishu/cards/digest-chart.js';
import { escapeMd } from '../../../bot/feishu/cards/escape.js';
import { md } from '../../../bot/feishu/safe-text.js';
import { rawCard } from '../../helpers/raw-card.js';
import { nudgeCard } from '../../../bot/feishu/cards/nudge-card.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import { ctxAt, target, task } from '../task-state/helpers.js';
import { renderCard } from '../../../bot/sandbox/console/render-card.js';
import { renderChart } from '../../../bot/sandbox/console/render-chart.js';
import { renderMarkdown } from '../../../bot/sandbox/console/render-markdown.js';
import { viewMessage } from '../../../bot/sandbox/console/render-message.js';
import type { StoredMessage } from '../../../bot/sandbox/types.js';

const names: Record<string, string> = { ou_zhang: '张敏', ou_bot: '机器人' };
const ctx = { nameOf: (id: string) => names[id], botName: '机器人', lookup: () => undefined };
const EVIL = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/** Attribute values of `name` in the html (decoded as the browser would). */
const attrs = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

describe('renderMarkdown', () => {
  it.each([
    ['**粗体**', '<strong>粗体</strong>'],
    ['~~删除~~ *斜体*', '<del>删除</del> <em>斜体</em>'],
    ["<font color='red'>红字</font>", '<span style="color:#d83931">红字</span>'],
    ['<at id=ou_zhang></at> 请填报', '<span class="at">@张敏</span> 请填报'],
    ['<at id=all></at>', '<span class="at">@所有人</span>'],
    ['[链接](https://example.com/a?b=1)', '<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">链接</a>'],
    ['[坏链接](javascript:alert(1))', '<a href="#"'],
    ['- 甲\n- 乙', '<ul><li>甲</li><li>乙</li></ul>'],
    ['第一行\n第二行', '<p>第一行<br>第二行</p>'],
  ])('%s', (src, html) => {
    expect(renderMarkdown(src, ctx)).toContain(html);
  });

  it('never passes HTML through, and shows the bot’s escaped user text literally', () => {
    const raw = renderMarkdown(EVIL, ctx);
    expect(raw).not.toMatch(/<img|<script/);
    expect(raw).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // escapeMd turns `<`, `*`, `[` into numeric entities: shown as characters, not as marks
    const escaped = renderMarkdown(escapeMd('**不是粗体** <at id=all></at> [x](https://e.com)'), ctx);
    expect(escaped).not.toContain('<strong>');
    expect(escaped).not.toContain('class="at"');
    expect(escaped).not.toContain('<a ');
    expect(escaped).toContain('**不是粗体** &lt;at id=all&gt;&lt;/at&gt; [x](https://e.com)');
  });
});

describe('renderCard', () => {
  const nudge = nudgeCard({
    task: { id: 7, code: '1', title: '培育高新技术企业', body: `有效期高企达140家${EVIL}` },
    state: taskState(task({ targets: [target({ id: 3 })] }), ctxAt('2022-03-21')),
    positions: new Map([[3, 1]]), today: '2022-03-21', period: '2022-W12', kind: 'checkin', level: 'yellow',
  });

  it('shows the header in its template colour, the markdown, the buttons with their callback values and the form', () => {
    const html = renderCard(nudge, ctx);
    expect(html).toContain('<div class="card-title">任务1 培育高新技术企业</div>');
    expect(html).toContain('background:#e56d1c'); // orange
    expect(html).toContain('有效期高企达140家&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toMatch(/<button[^>]*data-role="click"[^>]*>按计划推进<\/button>/);
    expect(attrs(html, 'data-value').map((v) => JSON.parse(v))).toContainEqual({ taskId: 7, period: '2022-W12', action: 'report-status', status: 'on_track' });
    expect(html).toContain('<form class="card-form" data-form-name="report_form"');
    expect(html).toMatch(/<input type="text" name="t1"[^>]*placeholder="有效期高企（家）"/);
    expect(html).toMatch(/<textarea name="note"/);
    expect(html).toMatch(/<button[^>]*data-name="submit"[^>]*data-role="submit"[^>]*>提交进展<\/button>/);
  });

  it('renders tables, collapsible panels, columns, notes and images; unknown tags say so', () => {
    const c = {
      schema: '2.0',
      header: { title: { tag: 'plain_text', content: `周报${EVIL}` }, template: 'green' },
      body: {
        elements: [
          {
            tag: 'table',
            columns: [{ name: 'who', display_name: '责任人', data_type: 'text' }, { name: 'state', display_name: '状态', data_type: 'options' }, { name: 'md', display_name: '说明', data_type: 'lark_md' }],
            rows: [{ who: `张敏${EVIL}`, state: [{ text: '按计划', color: 'green' }], md: '**118**家' }],
          },
          { tag: 'collapsible_panel', expanded: true, header: { title: { tag: 'markdown', content: '**一、科技创新**' } }, elements: [markdown(md`面板内容`)] },
          { tag: 'column_set', columns: [{ tag: 'column', elements: [markdown(md`左`)] }, { tag: 'column', elements: [markdown(md`右`)] }] },
          { tag: 'note', elements: [{ tag: 'plain_text', content: '备注' }] },
          { tag: 'img', img_key: 'img_v2_x', alt: { tag: 'plain_text', content: '示意图' } },
          { tag: 'mystery' },
        ],
      },
    };
    const html = renderCard(c, ctx);
    expect(html).toContain('<div class="card-title">周报&lt;img');
    expect(html).toContain('<th>责任人</th><th>状态</th><th>说明</th>');
    expect(html).toContain('<td>张敏&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<span class="tag" style="color:#2e8b3e">按计划</span>');
    expect(html).toContain('<strong>118</strong>家');
    expect(html).toMatch(/<details class="panel" open><summary><p><strong>一、科技创新<\/strong><\/p><\/summary>/);
    expect(html).toContain('<div class="note">备注</div>');
    expect(html).toContain('🖼 示意图');
    expect(html).toContain('[不支持显示的组件：mystery]');
    expect(html).not.toMatch(/<img|<script/);
  });

  it('renders a form’s selects and date pickers with their names and options', () => {
    const html = renderCard(rawCard({ schema: '2.0', header: { title: { tag: 'plain_text', content: '延期' } }, body: { elements: [{
      tag: 'form', name: 'f',
      elements: [
        { tag: 'select_static', name: 'why', placeholder: { tag: 'plain_text', content: '原因' }, options: [{ text: { tag: 'plain_text', content: `资金<b>` }, value: 'money' }] },
        { tag: 'date_picker', name: 'to', initial_date: '2022-06-30' },
        { tag: 'button', name: 'ok', text: { tag: 'plain_text', content: '提交' }, form_action_type: 'submit', behaviors: [{ type: 'callback', value: { action: 'x' } }] },
      ],
    }] } }), ctx);
    expect(html).toContain('<select name="why"');
    expect(html).toContain('<option value="money">资金&lt;b&gt;</option>');
    expect(html).toContain('<input type="date" name="to" value="2022-06-30"');
    expect(html).toMatch(/<button[^>]*data-name="ok"[^>]*data-role="submit"[^>]*>提交<\/button>/);
  });

  it('reads 1.0 cards (elements at the top, action rows with button values)', () => {
    const html = renderCard({ header: { title: { tag: 'plain_text', content: '旧卡片' } }, elements: [{ tag: 'action', actions: [{ tag: 'button', text: { tag: 'plain_text', content: '确定' }, value: { ok: 1 } }] }] }, ctx);
    expect(html).toContain('旧卡片');
    expect(attrs(html, 'data-value')).toEqual(['{"ok":1}']);
  });
});

describe('renderChart', () => {
  it('draws the digest’s VChart spec as SVG bars with labels, values and a legend', () => {
    const el = chartElement([
      { taskCode: '1', shownCode: '1', label: '有效期高企', donePct: 84, timePct: 22, verdict: 'on_pace' },
      { taskCode: '2', shownCode: '2', label: `研发<script>`, donePct: 10, timePct: 22, verdict: 'far_behind' },
    ]);
    const svg = renderChart(el.chart_spec);
    expect(svg).toMatch(/^<svg class="chart"/);
    expect(svg).toContain('完成进度 vs 时间进度（%）');
    expect(svg).toContain('>1 有效期高企</text>');
    expect(svg).toContain('2 研发&lt;script&gt;');
    expect(svg).not.toContain('<script');
    expect(svg.match(/<rect [^>]*height="12"/g)).toHaveLength(4); // two targets × two series
    expect(svg).toContain('>84</text>');
    expect(svg).toContain('>时间进度</text>');
    expect(renderCard(card({ title: '周报', elements: [el] }), ctx)).toContain('<div class="chart-wrap"><svg');
  });

  it('says so when the spec has no data', () => {
    expect(renderChart({ type: 'bar', data: { values: [] } })).toContain('无数据');
  });
});

describe('viewMessage', () => {
  const base: StoredMessage = {
    messageId: 'om_1', chatId: 'oc_1', chatType: 'p2p', sender: 'ou_zhang', msgType: 'text', content: { text: `@_user_1 ${EVIL}\n第二行` }, rawContent: '',
    uuid: null, rootId: null, parentId: null, threadId: null, createTime: Date.parse('2022-03-21T01:30:00Z'), updateTime: 0, updated: false,
    mentions: [{ key: '@_user_1', openId: 'ou_bot', name: 'Workplan Bot' }], history: [],
  };

  it('shows text escaped with @names, in Shanghai time, and the message replied to', () => {
    const parent = { ...base, messageId: 'om_0', sender: 'bot', msgType: 'interactive', content: { schema: '2.0', header: { title: { content: '任务1 培育高新技术企业' } }, body: { elements: [] } } };
    const v = viewMessage({ ...base, parentId: 'om_0' }, { ...ctx, lookup: (id) => (id === 'om_0' ? parent : undefined) });
    expect(v.html).toBe('<div class="text"><span class="at">@机器人</span> &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;<br>第二行</div>');
    expect(v.time).toBe('3月21日 周一 09:30');
    expect(v.senderName).toBe('张敏');
    expect(v.replyTo).toEqual({ messageId: 'om_0', senderName: '机器人', snippet: '[卡片] 任务1 培育高新技术企业' });
  });
});
