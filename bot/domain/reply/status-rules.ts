/**
 * The words staff use to say how a task stands. Each rule names the status its
 * words claim; status.ts then reads the words before them (negation, hedges,
 * conditions, future, partial) to decide what they really say. Pure data.
 */

export type RuleKind = 'done' | 'done_weak' | 'done_over' | 'not_started' | 'blocked' | 'at_risk' | 'on_track';

export interface StatusRule {
  kind: RuleKind;
  re: RegExp;
}

const END = '(?=\\s*(?:$|[，,。.!！~;；\\n]|[\\u{1F300}-\\u{1FAFF}\\u{2600}-\\u{27BF}]))';

export const RULES: StatusRule[] = [
  // done: the whole task, in so many words
  { kind: 'done', re: /(?:全部|全面|圆满|超额|提前)(?:完成|办结|达成|实现|达标)/u },
  { kind: 'done', re: /(?:任务|目标|指标|工作)(?:已经?|都已?|均已|已全部|已经全部|全部)(?:完成|达成|实现|办结|达标)/u },
  { kind: 'done', re: /(?:已经?|均已|都已)(?:完成|达成|实现|超额完成)了?(?:(?:全年|年度|今年|本年度|全部)的?(?:目标任务|目标|任务|指标|工作)?|目标任务|目标|任务|指标)/u },
  { kind: 'done', re: /已经?(?:达标|办结|结项|完成验收|通过验收)/u },
  { kind: 'done', re: /(?:全年|年度)的?(?:目标任务|目标|任务)(?:已经?|都已?|均已|全部)?(?:完成|达成|实现)(?=了|\s*(?:$|[，,。.!！~;；\n]))/u },
  { kind: 'done', re: /(?:完成|实现)了?(?:全年|年度)的?(?:目标任务|目标|任务)/u },
  // done and beyond: 「超额完成12%」「完成年度目标的112%」 (the number is the excess or the share, over 100)
  { kind: 'done_over', re: /(?:超额|超)(?:完成|达成|实现)(?:了)?(?:(?:全年|年度)?(?:目标|任务|计划))?(?=\s*(?:\d|百分之))/u },
  { kind: 'done_over', re: /(?:完成|达到|实现|达)(?:了)?(?:全年|年度|今年|本年度)?的?(?:目标任务|目标|任务|计划)的\s*(?:1\d\d|[2-9]\d\d)(?:\.\d+)?%/u },
  // done, weakly: 「已完成。」「都完成了」, overridden by any problem
  { kind: 'done_weak', re: new RegExp(`(?:已经?|都|均)(?:完成|办结|办完|做完|弄完|搞定|结束)(?:了|啦|哈|啊|喽)?${END}`, 'u') },
  { kind: 'done_weak', re: new RegExp(`(?:完成|搞定|办结|做完|弄完)了(?:哈|啊|啦|的)?${END}`, 'u') },
  { kind: 'done_weak', re: /^\s*(?:已经?)?(?:完成|搞定|办结)\s*[。.!！]*\s*$/u },

  // not started: 「尚未启动」「未开工」「还没开始」 (a part not started is read in status.ts)
  { kind: 'not_started', re: /(?:尚未|还未|暂未|仍未|均未|都未|还没有?|尚没有?|暂时?没有?|未|没有?)(?:正式|全面|实质性?)?(?:启动|开工|动工|开始实施|开始|着手实施|实施)(?![的率])/u },

  // blocked: progress has stopped or waits on someone else
  { kind: 'blocked', re: /受阻|阻滞|停滞|停摆|停工|搁置|卡住|卡壳|卡在|推不动|推进不了|推进不下去|进行不下去|开展不了|无法推进|无法开展|无法进行|无法实施|没法推进|没办法推进|难以推进|难以开展|暂停|中止|中断/u },
  { kind: 'blocked', re: /需要?[^，,。；;]{0,10}?(?:协调|出面|帮助解决|支持解决)/u },
  { kind: 'blocked', re: /(?:请|提请|恳请|建议)[^，,。；;]{0,8}?协调/u },
  { kind: 'blocked', re: /(?:等待|等着|在等|还在等|正在等|仍在等|只能等|(?<=^|[，,。；;：:\s在还正能仍要需就都前])等)[^，,。；;]{0,12}?(?:审批|批复|审核|拨款|拨付|资金|下达|回复|答复|反馈|盖章|签字|结果|到位|确认|出台|验收|通知|公示|评审|研究|上会|批示|定夺|决策)/u },
  { kind: 'blocked', re: /(?:^|[^期])(?:待|尚待|有待|仍待)[^，,。；;]{0,8}?(?:审批|批复|审核|拨款|拨付|下达|到位|确认)/u },
  { kind: 'blocked', re: /(?:资金|经费|款项|钱)(?:还|仍|尚|一直)?(?:未|没|没有|不)到位/u },
  { kind: 'blocked', re: /(?:系统|平台|网站|账号)[^，,。；;]{0,6}?(?:登不上|进不去|打不开|登录不了|无法登录|用不了|崩|故障|瘫痪|出问题|有问题|报错)/u },
  { kind: 'blocked', re: /登不上|登录不了|无法登录|打不开|进不去|上传不了|无法上传|提交不了|无法提交|报不上去/u },

  // at risk: it may not be done in time or in full
  { kind: 'at_risk', re: /(?:有|存在|面临|遇到|碰到)(?:一定|较大|很大|些|一些|点|不少|很多|明显|什么|许多)?的?(?:风险|困难|压力|难度|问题|阻力|障碍|差距)/u },
  { kind: 'at_risk', re: /(?:有|存在|面临)(?:一定|较大|很大|些|一些)?的?(?:延误|延期|滞后|逾期|超期|拖期|完不成|不能按期完成|无法按期完成)的?(?:风险|可能)/u },
  { kind: 'at_risk', re: /(?:风险|困难|压力|难度|阻力|差距)(?:较大|很大|大|不小|挺大|比较大|巨大|突出)/u },
  { kind: 'at_risk', re: /滞后|落后|偏慢|较慢|比较慢|很慢|太慢|缓慢|慢于|进度慢|进展慢|推进慢|慢了/u },
  { kind: 'at_risk', re: /(?:估计|恐怕|可能|比较|有点|有些|很|太|挺)难(?![以得道题点])/u },
  { kind: 'at_risk', re: /完不成|完成不了|难以完成|很难完成|难完成|无法完成|不能完成|未能完成|恐难|够呛|没把握|不确定|不好说|有点悬|很悬|比较悬|悬了/u },
  { kind: 'at_risk', re: /(?:低于|未达到?|落后于|慢于|不到)序时/u },
  { kind: 'at_risk', re: /影响(?:整体|工作|项目|任务|全年|年度)?(?:进度|完成|推进|目标|进展)/u },
  { kind: 'at_risk', re: /(?:不太|不够|不是很|不大|不)顺利|不乐观|不容乐观/u },
  { kind: 'at_risk', re: /(?:没有|无|暂无|毫无|没什么|没啥)(?:实质性?|明显)?进展|进展不大/u },
  { kind: 'at_risk', re: /(?:人手|人员|经费|资金)(?:不足|紧张|短缺|缺乏)|缺人|缺钱|缺资金|缺口/u },
  { kind: 'at_risk', re: /(?:正在|还在|仍在)[^，,。；;]{0,8}?协调|协调中/u },
  { kind: 'at_risk', re: /推迟|延期|延后|延迟|往后推|顺延/u },

  // on track
  { kind: 'on_track', re: /按计划|按序时|按时序|按进度|按期推进|如期推进|按节点|按时间节点/u },
  { kind: 'on_track', re: /正常推进|正常开展|推进正常|进展正常|进度正常|一切正常|运行正常|有序开展/u },
  { kind: 'on_track', re: /进展顺利|推进顺利|顺利推进|进行顺利|进度顺利|稳步推进|有序推进|扎实推进|持续推进|正在推进|推进中|正在办理|办理中|正在进行|进行中|加快推进|全力推进/u },
  { kind: 'on_track', re: /没问题|没有问题|无问题|问题不大|没什么问题|没啥问题|无风险|风险可控|可控/u },
  { kind: 'on_track', re: /(?:暂无|没有|尚无|并无|未遇到|没遇到|未发现|不存在|(?<![无])无(?!法))(?:明显|较大|大的|什么)?的?(?:风险|困难|阻力|障碍|压力)/u },
  { kind: 'on_track', re: /(?:问题|困难|风险|需协调(?:的)?事项|需要协调(?:的)?事项|存在问题)\s*[】\]：:]\s*(?:无|没有|暂无|暂时没有)(?!法)/u },
  { kind: 'on_track', re: /(?:风险|困难|压力|难度|阻力)不大/u },
  { kind: 'on_track', re: /(?:超|超过|快于|高于|达到|符合|满足)序时|序时进度以上/u },
  { kind: 'on_track', re: /(?:能够?|可以|可|确保|保证)(?:按期|按时|如期|按计划|在[^，,。；;]{0,8})?完成/u },
  { kind: 'on_track', re: /双过半|(?:时间|序时)(?:进度)?(?:已经?)?过半[，,、\s]*(?:任务|工作|进度|完成)(?:进度|量)?(?:也|均|已经?)*过半/u },
  { kind: 'on_track', re: /有信心|有把握|基本(?:完成|办结|到位|达标)/u },
];

/** Words right before a claim that deny it: 「没有风险」「不存在滞后」「尚未完成」. */
export const NEGATED = /(?:不|没|没有|未|无|并未|并没有|暂无|尚无|不存在|从未|毫无|不会|不会有|不致|并不|并无|未见|未出现|未发现|未能|不能|没能|无法|防止|避免|以免|谨防|杜绝|谈不上|不算|还没|还未|尚未)(?:什么|明显|太大|大的|较大|任何|啥|太|很|的|出现|发现|按)?\s*$/u;
/** 「如有困难」「如需协调」: an offer, not a report. */
export const CONDITIONAL = /(?:如|若|如果|假如|要是|万一|一旦|如需|若需)\s*$/u;
/** 「可能卡住」: a blocker that may come is a risk. */
export const HEDGED = /可能|或许|也许|恐怕|担心|怕|如果|若|假如|万一|一旦/u;
/** 「部分项目尚未启动」: a part not started says nothing about the whole task. */
export const SOME_OF = /(?:部分|个别|少数|有的|一些|其余|剩余|剩下|其他|另外|还有\s*\d+\s*[个家项所]?|第[一二三四五六七八九十\d]+[批期个项])[^，,。；;]{0,8}$/u;
/** 「基本完成」「快完成了」: not done yet. */
export const PARTIAL = /(?:基本|大部分|部分|初步|大体|大致|阶段性|差不多|接近|即将|快要|快|马上|将近|近|大多|多数)\s*$/u;
/** 「确保年底前全部完成」: a completion still to come. */
export const FUTURE = /(?:确保|力争|争取|预计|有望|可望|能够|可以|(?<![功职智技性效])能(?!力|源)|计划|准备|需要|才能|方能|努力|保证|应该|应当|估计|希望|尽快|尽量|(?<!已)将|(?<![主重需只必])要(?!求))/u;
/** A completion word followed by a number is a count, not the whole task: 「已完成118家」. */
/** 「完成全年目标有难度」: a completion that is the subject of a problem. */
export const THEN_PROBLEM = /难|困难|压力|风险|悬|不了|不确定|够呛|没把握|存疑/u;
/** 「存在问题：无」: a template heading answered with none. */
export const THEN_NONE = /^\s*[】\]：:]\s*(?:无|没有|暂无|暂时没有)(?!法)/u;
export const THEN_NUMBER = /^[了的]?\s*(?:\d|[零一二两三四五六七八九十百千]|百分之|近|约|过半|一半|大半|大部分)/u;
