/**
 * Words around a number that say it is not the current value of a target:
 * the target restated, a forecast, last year's figure, a comparison, a
 * period's increment, a count of something else. Pure patterns.
 */

/** 「目标140家」「任务数为140」 (unless the clause says it was reached). */
export const RESTATED = /(?:目标|任务数|任务|指标|计划数|要求|总任务|任务量|应完成|应达到?|需完成)(?:数|为|是|值)?\s*[:：]?\s*(?:达到?)?\s*$/;
export const RESTATED_AFTER = /^\s*(?:的)?(?:目标|任务|指标)/;
/** 「70项中已完成23项」: the number is the whole the report is a part of. */
export const TOTAL_AFTER = /^\s*(?:中|之中|当中)(?![心央旬期标小型])/;
/** 「65件民生实事已完成26件」「10个工程已开工8个」: the whole, then the part done (the next number). */
export const WHOLE_THEN_PART = /^[^，,。；;]{0,10}?已经?(?:全部)?(?:完成|建成|开工|办结|完工|竣工|实施|落实)了?\s*$/;
/** 「总投资108亿元」「概算投资」: a project's whole size, not what was done. */
export const WHOLE_BEFORE = /(?:总投资|概算(?:总)?投资|总概算|投资总额)(?:为|达|约)?\s*$/;
export const REACHED = /(?:完成|达到|实现|达成|已)/;

/** 「预计年底140家」「争取达到」「能到」 (「年度计划」 is the plan, not a forecast). */
export const FORECAST =
  /(?:预计|预期|估计|有望|争取|力争|(?<![按年度月季])计划(?![的数])|打算|拟|(?<!已)将(?!近)|能到|能达|可达|可望|可突破|能突破|应该能|还能|可以到|可以达|目标是|才能)/;

/** 「去年110家」「上月」「此前」. */
export const PAST = /(?:去年|上年|上一年|同期|上月|上个月|上周|上季度|此前|之前|原来|原先|上次|上回|往年)/;

/** 「同比增长」「比去年多」. */
export const COMPARE = /(?:同比|环比|比去年|较去年|比上年|较上年|比上月|较上月|比年初|较年初|比上周|较上周|比同期|较同期)/;
export const DELTA = /(?:增加|增长|减少|下降|提高|提升|增幅|增速|多了|少了|净增|降低|上升)了?\s*$/;

/** 「本月新增8项」: an increment over a short period, not the running total. */
export const PERIOD_INCREMENT = /(?:本月|本周|这周|这个月|当月|本季度|近期|最近|今天|昨天|近一周|近一个月|这两天|这几天)[^，,。；;]{0,6}(?:新增|增加|新认定|新入库|新登记|新注册|又)/;
/** 「新增15家」 for a level (stock) target is a change, not the level. */
export const INCREMENT = /(?:新增|新认定|新入库|新登记|新注册|增加|净增)/;

/** 「还差22家」: what remains, so the value is target − n. */
export const REMAINING = /(?:还差|尚差|差|还剩|剩余|剩下|剩|缺口)\s*$/;
export const REMAINING_OPEN = /(?:还有|尚有)\s*$/;
export const REMAINING_AFTER = /^[^，,。；;]{0,4}?(?:未|没|待|需|要|在审)/;

/** 「国家备案2个还在等批复」: submitted, not yet achieved. */
export const PENDING_AFTER =
  /^[^，,。；;]{0,10}?(?:还在等|在等|等待|正等|待|尚未|还未|未|没有?)[^，,。；;]{0,6}?(?:批复|审批|认定|获批|通过|备案|公示|审核|评审|下达)/;
/** 「建设2公里未启动」「3项尚未完成」: the number counts work not begun or not finished. */
export const UNDONE_AFTER = /^[^，,。；;\d]{0,8}?(?:尚未|还未|仍未|均未|未|没有?)(?:启动|开工|动工|开始|实施|完成|建成|完工|竣工)/;

/** 「其中」: a breakdown of a figure already given. */
export const BREAKDOWN = /其中/;

/**
 * Other things a count or sum may be of (「召开3场培训会」「走访企业12家」「拨款200万」
 * 「申报企业185家」), unless the target's own words use them.
 */
export const FOREIGN =
  /(走访|调研|联系|对接|拜访|培训|会议|座谈|活动|宣讲|召开|举办|电话|通知|发放|印发|上门|检查|督导|约谈|回访|审批|拨款|拨付|资金|经费|补助|补贴|奖励|奖补|预算|费用|贷款|投资|缺口|税|专家|人员|项目|问题|意见|建议|政策|文件|材料|申报|报名|推荐|上报|入围)/g;

/** 「完成385项」「9项提前完成」「已建成11家」: the number counts finished work. */
export const FINISHED = /(?<![未没尚])(?:完成(?!率)|建成|办结|完工|竣工|投用|投入使用|投产|落成|通过验收|达到验收)/;
/**
 * 「已开工10个」「在建1家」「正在办理20项」「3项进展较快」「欠进度的17个」: the number counts work under way,
 * not finished (unless the target itself counts that stage: 「开工改造小区」).
 */
export const UNDER_WAY = /开工|动工|开建|在建|进场|正在|办理中|施工中|建设中|推进中|(?:进展|进度)(?:较|偏|缓|顺|正常|滞后|落后|中)|[欠超达]进度|序时/;
