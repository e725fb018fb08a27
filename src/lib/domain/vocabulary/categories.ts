/**
 * Category vocabulary (DOMAIN.md §2.3, §2.4). Headings from every framework in use since 2013 map
 * onto the canonical L1 letters; wording typical of each L2 code maps onto that code. Rules are
 * tried in order (RE2 patterns), so more specific phrases come first.
 */
export interface CategoryRule {
  code: string;
  pattern: string;
}

/**
 * Framework headings that name a group of L1s, not one (DOMAIN §2.4: 四个落实 ② 全面从严治党 is D, E, F
 * and G; ① is A and B). A row placed only by such a heading takes the L1 its title's wording finds
 * within the group (违规吃喝 under 全面从严治党方面 is D1); `code` is the L1 the heading gives when the
 * title finds none (L1_RULES' answer for it).
 */
export interface CategoryGroupRule extends CategoryRule {
  letters: string;
}
export const L1_GROUP_RULES: CategoryGroupRule[] = [
  // 党风廉政建设 (the 2013–2015 heading 围绕党风廉政建设和反腐败斗争, and a 问题类别 of that name) spans the same group.
  { letters: 'DEFG', code: 'G', pattern: '全面从严治党|四个落实[②2]|党风廉政建设' },
  // ② spelled out, in any order: 聚焦群众身边腐败问题和不正之风 (县级巡察), 群众身边不正之风和腐败问题.
  { letters: 'DEFG', code: 'F', pattern: '四个聚焦[②2]|三个聚焦[②2]|群众身边.{0,8}(腐败|不正之风)' },
  { letters: 'AB', code: 'A', pattern: '决策部署|四个落实[①1]|四个聚焦[①1]|三个聚焦[①1]' },
];

/**
 * Names of an L1 that are also an L2's words (DOMAIN §2.3: G is "两个责任"、"一岗双责", D 中央八项规定精神、"四风"): a
 * category column saying only them names the L1, whose L2 the title's words pick (问题类别 两个责任 over 政治生态不够清朗
 * is G4, not G1), as a framework heading's words do.
 */
export const L1_NAME_WORDS = '两个责任|一岗双责|八项规定|四风';

/**
 * DOMAIN §2.3's full names of the L1s that hold an L2's or a framework heading's words (廉洁风险 is F1's, 全面从严治党
 * names the D–G group): a category column or heading saying one names that L1 only, not an L2 or the group
 * (反腐败斗争与廉洁风险防控 is F, its L2 the title's; 全面从严治党责任落实 is G).
 */
export const L1_FULL_NAMES = '反腐败斗争[与和及]廉洁风险防控|全面从严治党责任落实|巡视巡察及其他监督发现问题整改';

/** L1 by name, framework heading or crosswalk entry (四个落实 / 四个聚焦 / legacy 问题类别). */
export const L1_RULES: CategoryRule[] = [
  { code: 'H', pattern: '整改落实|巡视整改|巡察整改|落实巡视|落实巡察|上轮|④|四个落实4|四个聚焦4|聚焦巡察整改|监督发现问题整改|^问题整改(方面|类)?$' },
  // 加强党的全面领导 alone (the 2018 heading), not beside 全面从严治党 in 在加强党的全面领导、落实全面从严治党责任方面 (G's group).
  { code: 'A', pattern: '政治建设|党的领导弱化|^在?(加强)?党的(全面)?领导(方面)?$|政治纪律和政治规矩|路线方针政策|决策部署|四个落实[①1]|四个聚焦[①1]|三个聚焦[①1]' },
  // Short names as a whole cell too: 思想方面, 组织问题, 作风问题, 廉政方面, 纪律问题.
  { code: 'B', pattern: '思想建设|理论学习|意识形态|^思想(问题|方面|类)?$' },
  { code: 'C', pattern: '组织建设|组织路线|党的建设缺[失少]|选人用人|软弱涣散|组织力|四个落实[③3]|四个聚焦[③3]|三个聚焦[③3]|^组织(问题|方面|类)?$|^党建(工作)?(问题|方面|类)?$' },
  { code: 'D', pattern: '作风建设|八项规定|四风|形式主义|官僚主义|^(干部|工作)?作风(问题|方面|类)?$' },
  { code: 'F', pattern: '反腐败|腐败|廉政风险|廉洁风险|四个聚焦[②2]|三个聚焦[②2]|^廉政(问题|方面|类)?$' },
  { code: 'E', pattern: '纪律建设|六项纪律|廉洁纪律|组织纪律|群众纪律|工作纪律|生活纪律|^纪律(问题|方面|类)?$' },
  { code: 'G', pattern: '两个责任|全面从严治党|主体责任|监督责任|四个落实[②2]|党风廉政建设' },
];

/**
 * L2 codes whose wording names a field of work rather than a failing (A5: 风险, 环境, 民生, 治理): in a category
 * column they do not outrank the L1 of the heading beside it (专项治理 under 作风建设方面 is D, its L2 the title's).
 */
export const WEAK_L2 = ['A5'];

/** L2 by typical wording; also used on problem titles when no category column says more. */
export const L2_RULES: CategoryRule[] = [
  { code: 'H1', pattern: '上轮巡视|上轮巡察|上一轮巡|上轮.{0,6}整改|巡视整改不到位|巡察整改不到位|巡[视察](发现|指出|反馈)的?[^，。；,;]{0,12}整改不' },
  // An audit system itself (内部审计制度不健全, 未开展经济责任审计) is E3, not an audit's findings to rectify; so are
  // lottery funds (福利彩票公益金), which are no staff benefits (D2).
  { code: 'E3', pattern: '内部审计|经济责任审计|福利彩票' },
  // Not an audit's risk (违规发放津补贴，存在审计风险 is D2: helper-150).
  // helper-156: a 纪委 issuing (制发) a 监察建议 badly is its supervision (G2); one received and not acted on is H2.
  { code: 'G2', pattern: '制发[^，。；,;]{0,6}(监察建议|纪律检查建议)' },
  { code: 'H2', pattern: '审计([^风]|风险提示|$)|督察|监督检查发现问题([^线]|$)|监察建议|纪律检查建议' },
  { code: 'H3', pattern: '主题教育|检视问题' },
  { code: 'H4', pattern: '整改责任|成果运用|整改成效|整改措施针对性|巡[视察]整改.{0,6}(回头看|清单|台账)' },
  { code: 'E2', pattern: '廉洁纪律|礼金|礼卡|兼职取酬|违规兼职|婚丧喜庆|民间借贷|向管理服务对象借|与管理服务对象借贷|营利活动|非上市公司股份|借用管理服务对象' },
  { code: 'A3', pattern: '三重一大|民主集中制|集体决策|集体研究|决策程序|科学决策|个人说了算|一言堂|议事规则' },
  { code: 'A4', pattern: '请示报告|政治纪律|政治规矩|搞变通|打折扣' },
  { code: 'A2', pattern: '领导核心|把方向|管大局|核心作用|班子不团结' },
  { code: 'B2', pattern: '意识形态工作责任制' },
  // 网络意识形态阵地 is 阵地 (B3); 意识形态 alone is B2.
  { code: 'B3', pattern: '宣传|阵地|舆情|新媒体|文明实践' },
  { code: 'B2', pattern: '意识形态' },
  { code: 'B1', pattern: '理论学习|第一议题|中心组|学思践悟|理论武装|学习贯彻|学习[^，。；,;]{0,16}重要讲话|重要(讲话|指示批示)精神[^，。；,;]{0,6}(学习|传达)' },
  { code: 'C1', pattern: '选人用人|干部选拔|干部选任|超职数|超配|干部档案|人事档案|带病提拔|三超两乱|三龄两历|干部任免' },
  { code: 'C3', pattern: '个人有关事项|兼职|出入境|因私出国|干部监督|日常监督管理' },
  // 不担当 / 不作为 before 担当 (C2): the failing is the point.
  { code: 'D5', pattern: '不担当|不作为|慢作为|为官不为|为民服务|服务意识|窗口单位|服务效率|推诿|扯皮|办事效率' },
  // People moved between posts (干部调配, 人员调配, 岗位调配), not goods (物资调配).
  { code: 'C2', pattern: '干部队伍|能力素质|能上能下|不适宜担任|担当|(干部|人员|人事|岗位)[^，。；]{0,6}调配|调配.{0,4}频繁|年轻干部' },
  // 基层党组织 and 支部建设 name where, 三会一课 or 党费 what: 基层党组织"三会一课"不严格 is C5.
  { code: 'C4', pattern: '软弱涣散|强基|班子配备|村班子|支部标准化|党建标准化' },
  { code: 'C5', pattern: '三会一课|民主生活会|组织生活会|主题党日|党内政治生活|党内制度' },
  { code: 'C6', pattern: '发展党员|党员发展|党费|党员教育|党员管理|不参加组织生活|党员积分|不合格党员|流动党员' },
  // 管党治党 is the responsibility, whoever holds it (基层党组织管党治党意识淡薄 is G1, not C4: helper-154).
  { code: 'G1', pattern: '管党治党' },
  { code: 'C4', pattern: '基层党组织|支部建设|基层党建|两新组织' },
  // DOMAIN's D6 wording (落实中央八项规定精神韧劲不足); 八项规定 and 四风 alone come after D1–D5's words, below.
  { code: 'D6', pattern: '(八项规定|作风)[^，。；,;]{0,8}韧劲' },
  // Not a 招待所: the hospitality is the point.
  { code: 'D1', pattern: '吃喝|宴请|饮酒|公务接待|超标准接待|违规接待|接待费|招待[^所]|招待$' },
  // A 福利院, children's welfare or welfare funds for the public are no benefits paid to staff (D2).
  { code: 'A5', pattern: '福利院|儿童福利' },
  { code: 'F5', pattern: '社会福利资金' },
  { code: 'D2', pattern: '津补贴|津贴|福利|奖金|加班费|过节费|值班费' },
  { code: 'D3', pattern: '公车|公务用车|公务车辆|私车公养|公款旅游|公费旅游|办公用房|超编[^，。；,;]{0,8}车辆|车辆超编' },
  // helper-155: 公务用车超编 is D3; 超编 (进人, 配备人员) otherwise C1.
  { code: 'C1', pattern: '超编' },
  // 形式主义 as offices name it: 文山会海, 督查检查考核过多, 留痕过多, 基层负担.
  { code: 'D4', pattern: '形式主义|官僚主义|文山会海|会议多([^次年]|$)|文件多([^次年]|$)|发文多([^次年]|$)|督查检查考核|留痕|痕迹管理|基层负担|以会议落实会议|以文件落实文件|一刀切|层层加码' },
  // helper-154 P9: 八项规定 / 四风 name the L1; a concrete D1–D5 word beside them decides, D6 only when none does.
  { code: 'D6', pattern: '八项规定|四风' },
  { code: 'E1', pattern: '组织纪律|请销假|不如实报告|换届纪律|拉票|贿选' },
  // 一岗双责 is the responsibility named, before the field it is exercised in (…对分管领域廉政风险防控不力 is G3: helper-154).
  { code: 'G3', pattern: '一岗双责' },
  // 廉洁风险 (F) before 财务 / 采购 (E3): 村级财务, 三资, 国有资产 and 药品…采购 name the field, which decides.
  { code: 'F2', pattern: '以权谋私|利益输送|亲属经商|经商办企业|一家两制|谋取私利|为亲属谋取|受贿|索贿|违规插手|插手工程|职务便利|谋取利益|好处费' },
  // 食品药品安全 is the public's safety (A5), not the 药品 field's integrity risk (F1); after F2, so 食品药品安全监管人员…谋取私利
  // is F2 (helper-155).
  { code: 'A5', pattern: '食品药品安全|药品安全' },
  // A village's small powers, cash (村…坐收坐支) and assets are F4, before 财务 (E3) below; 坐收坐支 elsewhere is E3's.
  { code: 'F4', pattern: '小微权力|(村|社区)(级|集体|居委会|委会|[^，。；,;]{0,6}合作社|[^，。；,;]{0,6}联合社)?[^，。；,;]{0,3}坐收坐支|村集体[^，。；,;]{0,6}(财务|资产|资金)|村级[^，。；,;]{0,4}资产' },
  { code: 'F4', pattern: '三资|村级财务|村级工程|集体资产|集体资金|村级资金' },
  // Bidding (招投标, 围标串标) and a works' payments are a works' risks, not a field's (A5: helper-150).
  { code: 'F1', pattern: '廉政风险|廉洁风险|工程建设|工程项目|工程监管|工程变更|变更签证|土地|药品|医疗器械|医保基金|重点领域' },
  { code: 'F3', pattern: '国有资金|国有资产|国资|国有企业资产|资产流失|固定资产([^投]|$)|出借资金' },
  { code: 'F5', pattern: '惠民|蝇贪|微腐败|侵占群众利益|侵害群众利益|雁过拔毛|群众身边|优亲厚友|冒领|人情保|关系保|低保[^，。；]{0,8}(冒领|套取|骗取|优亲厚友|资金|金被)|扶贫资金|涉农资金' },
  { code: 'E3', pattern: '财经纪律|工作纪律|财务|坐收坐支|报销|白条|采购|预算|合同|专项资金|资金拨付|挤占挪用' },
  // After 惠民 (F5) and 专项资金 (E3): 惠民资金监管不严 is F5, 资金监管还有漏洞 F3.
  { code: 'F3', pattern: '资金监管' },
  // After the fields (F1, F3, F4, F5, E3's 专项资金): what was done with the money, and words that are as often a field's
  // (换届, 模范带头: helper-151). 乡村振兴 and 资金管理 have none: as a category they outranked the heading and the title.
  { code: 'F2', pattern: '挪用|侵占|贪污' },
  { code: 'F1', pattern: '工程款|招投标|围标|串标' },
  { code: 'E2', pattern: '借贷' },
  { code: 'C6', pattern: '模范带头|先锋模范' },
  { code: 'C4', pattern: '换届' },
  { code: 'E4', pattern: '群众纪律|生活纪律|漠视群众利益|作风粗暴|赌博' },
  { code: 'E5', pattern: '警示教育|纪律教育|以案促改|以案促治' },
  { code: 'G2', pattern: '监督责任|纪委|纪检|监督执纪|派驻监督|问题线索|关键少数|一把手[^，。；,;]{0,6}监督|问责偏' },
  { code: 'G3', pattern: '压力传导' },
  { code: 'G4', pattern: '政治生态' },
  { code: 'G1', pattern: '主体责任|两个责任|全面从严治党' },
  // The field a problem is in (风险, 环境, 民生, 治理), not what the problem is: weaker than a heading (WEAK_L2).
  { code: 'A5', pattern: '风险|环境|生态|安全生产|民生|历史遗留|治理|履行职能|中心工作推进|耕地|河长制|林长制|矛盾化解|森林防火|防汛|防台|应急预案|应急管理|安全隐患|统战|民族宗教' },
  // helper-155: 安全生产第一责任人, 对下属单位安全生产监管, 环境违法行为查处不力 are the field's (A5).
  { code: 'G1', pattern: '第一责任人|对下属单位[^，。；,;]{0,4}(监管|监督)' },
  { code: 'G2', pattern: '(违纪|纪律|腐败|作风)[^，。；,;]{0,8}查处不力' },
  { code: 'F1', pattern: '征地|拆迁' },
  { code: 'A1', pattern: '决策部署|新发展理念|高质量发展|共同富裕|长三角|先进制造业|八八战略|双碳|碳达峰|能耗双控|重要指示批示|两个先行|数字化改革|乡村振兴战略|重要讲话' },
  // helper-155/156: 服务群众 / 作风不实 say how, not what: after every field and 纪检 word (纪检监察干部作风不实 is G2).
  { code: 'D5', pattern: '服务群众|作风不实' },
  // A special campaign (H3) when nothing else says what its problem is.
  { code: 'H3', pattern: '专项整治' },
  // helper-155: a 台账 or 销号 of any field's 整改 (隐患整改台账, 违规销号 of 问题线索): H4 only when no field is named.
  { code: 'H4', pattern: '整改台账|销号' },
  // Last: 屡禁不止 says the problem recurs, not what it is ("蝇贪"现象屡禁不止 is F5); alone, it is D6's wording.
  { code: 'D6', pattern: '屡禁不止' },
];
