/**
 * The findings columns a ledger can carry (DOMAIN.md §6.1): canonical key, value kind, whether the
 * import needs it, the canonical Chinese header (what our own files use) and the header aliases
 * matched after normalisation (see import/headers.ts).
 */
export type FieldKind = 'string' | 'text' | 'int' | 'decimal' | 'date' | 'bool' | 'enum';

export interface LedgerField {
  key: string;
  kind: FieldKind;
  /** 'yes' = the import needs it (or must derive it); 'no' = optional. */
  required: boolean;
  /** Canonical Chinese header, used by the embedded sample and exports. */
  header: string;
  aliases: string[];
}

// English headers of systems that export in English, for the fields a ledger must have and the
// ones every ledger carries. Matched last, like every alias after the Chinese ones.
const ENGLISH: Record<string, string[]> = {
  county: ['county', 'district'], inspector_level: ['inspecting body', 'inspector'], round_no: ['round', 'round no'],
  round_label: ['round name'], year: ['year'], unit_name: ['unit', 'inspected unit', 'organization', 'organisation'],
  category_l1: ['category'], category_l2: ['subcategory'], problem_title: ['problem', 'issue', 'finding'],
  status_raw: ['status', 'progress'], deadline_raw: ['deadline', 'due date'], completion_date: ['completion date', 'completed on', 'date completed'],
  measures: ['measures', 'actions'], resp_unit: ['responsible unit'], feedback_date: ['feedback date'], remarks: ['remarks', 'notes'],
};

/** A field: its aliases are its header, the given ones, English headers, and its own key (unit_name). */
const f = (key: string, kind: FieldKind, required: boolean, header: string, aliases: string[] = []): LedgerField => ({
  key,
  kind,
  required,
  header,
  aliases: [header, ...aliases, ...(ENGLISH[key] ?? []), key],
});

/** Every ledger column of the findings table that a file may provide, in canonical order. */
export const LEDGER_FIELDS: LedgerField[] = [
  f('finding_id', 'string', false, '问题编号', ['编号', '序号', '问题序号', 'ID', 'No.']),
  f('county', 'enum', true, '县市区', ['县（市、区）', '所属县市区', '地区', '区县', '属地', '县区', '所在县市区', '所在县（市、区）', '所属县区']),
  f('county_code', 'string', false, '行政区划代码'),
  f('inspector_level', 'enum', true, '巡视巡察主体', ['派出党组织', '层级', '巡察主体', '巡视主体']),
  f('inspection_kind', 'enum', false, '巡视/巡察'),
  f('term', 'string', false, '届次', ['届别', '巡察届次', '巡视届次']),
  f('round_no', 'int', true, '轮次', ['第几轮', '巡察轮次', '巡视轮次']),
  f('round_label', 'string', false, '轮次名称', ['批次']),
  f('year', 'int', true, '年度', ['年份']),
  f('mode', 'enum', false, '巡察方式', ['巡察类型', '巡视类型']),
  f('team', 'string', false, '巡察组', ['巡视组', '组别', '巡察组别', '巡视组别']),
  f('unit_name', 'string', true, '被巡察单位', ['被巡察党组织', '被巡察党组织名称', '问题涉及单位', '单位名称', '巡察对象', '被巡视单位', '被巡察单位名称', '被巡视巡察单位', '被巡察对象', '被巡视对象']),
  f('unit_type', 'enum', false, '单位类型', ['单位性质', '机构类型', '单位类别']),
  f('station_start', 'date', false, '进驻开始', ['进驻时间', '巡察时间(起)', '巡察开始时间']),
  f('station_end', 'date', false, '进驻结束', ['巡察时间(止)', '巡察结束时间']),
  f('feedback_date', 'date', true, '反馈时间', ['反馈日期', '反馈会时间', '巡察反馈时间', '巡视反馈时间', '巡察反馈日期', '巡视反馈日期']),
  f('source', 'enum', false, '整改专项', ['问题来源', '来源']),
  f('aspect_raw', 'string', false, '方面', ['问题方面', '所属方面', '问题所属方面', '反馈意见方面', '一级标题']),
  f('category_l1', 'enum', true, '问题类别', ['问题大类', '一级分类', '类别', '问题类型', '问题分类']),
  f('category_l2', 'enum', false, '问题子类', ['问题小类', '二级分类', '子类']),
  f('focus4', 'enum', false, '对应四落实', ['对应四聚焦', '对应四个落实', '对应四个聚焦', '对应三个聚焦', '四个落实', '四个聚焦', '三个聚焦']),
  f('problem_title', 'string', true, '具体问题', ['问题', '反馈问题', '问题名称', '存在问题', '存在的问题', '主要问题', '存在的主要问题', '问题清单', '反馈问题清单', '巡察反馈问题', '巡视反馈问题', '反馈意见', '巡察反馈意见', '巡视反馈意见',
    '巡察发现问题', '巡视发现问题', '巡察发现的问题', '巡视发现的问题', '巡察指出的问题', '巡视指出的问题', '反馈问题内容', '巡察反馈问题内容']),
  f('problem_detail', 'text', false, '具体表现', ['问题描述', '问题表现', '巡察反馈的问题(包括例证)', '问题具体表现', '问题表现形式', '具体表现形式']),
  f('root_cause', 'text', false, '产生问题的根本原因', ['原因分析']),
  f('key_concern', 'bool', false, '是否重点关注', ['重点关注']),
  f('key_concern_case', 'enum', false, '重点关注情形'),
  f('rect_type', 'enum', false, '整改类型', ['整改时限类型', '整改方式']),
  f('rectify_goal', 'text', false, '整改目标', ['整改落实目标']),
  f('measures', 'text', false, '整改措施', ['整改举措', '归零措施', '具体整改措施']),
  f('measure_count', 'int', false, '措施数量', ['举措数']),
  f('resp_unit', 'string', false, '责任单位', ['责任部门', '牵头单位', '承办单位', '责任部门（人）', '整改责任单位', '整改责任部门', '整改牵头单位', '牵头部门', '责任主体', '责任单位/责任人', '责任科室', '责任股室', '责任处室']),
  f('resp_leader', 'string', false, '责任领导', ['牵头领导', '分管领导', '整改责任领导', '责任领导（人）']),
  f('resp_person', 'string', false, '责任人', ['具体责任人', '经办人', '整改责任人']),
  f('deadline_raw', 'string', false, '整改时限', ['完成时限', '预计完成时间', '时间节点', '整改期限', '完成期限', '整改完成时限', '计划完成时间', '完成时间（计划）', '整改时间（计划）', '计划完成日期',
    '要求完成时间', '要求完成时限', '要求完成日期', '时限要求', '截止时间', '整改截止时间',
    '应完成时间', '应完成时限', '计划完成时限', '整改完成期限', '完成时间节点', '整改时间节点']),
  f('deadline', 'date', false, '截止日期'),
  f('long_term', 'bool', false, '是否长期坚持', ['是否常态化坚持']),
  f('status_raw', 'string', true, '整改状态', ['目前状态', '当前状态', '状态', '完成情况', '整改进度', '整改情况', '具体问题整改完成情况', '进展', '整改进展情况', '整改进展', '进展情况', '完成状态', '目前进展', '当前进展', '完成进度',
    '目前整改进展情况', '目前整改进展', '目前进展情况', '整改进展状态', '是否完成', '是否完成整改', '是否整改完成', '是否已完成', '是否整改到位']),
  f('completion_date', 'date', false, '完成时间', ['整改完成时间', '实际完成时间', '完成日期', '整改完成日期', '实际完成日期', '办结时间', '办结日期', '完成时间（实际）', '整改时间（实际）',
    '实际整改完成时间', '整改实际完成时间', '实际办结时间', '实际办结日期']),
  f('closed', 'bool', false, '是否销号', ['销号情况']),
  f('closure_date', 'date', false, '销号时间', ['销号日期']),
  f('in_concentrated_period', 'bool', false, '是否集中整改期完成'),
  f('completion_summary', 'text', false, '整改完成情况', ['问题完成情况概述', '整改成效', '整改落实情况', '落实情况', '办理情况', '推进情况', '整改推进情况', '整改措施完成情况', '措施完成情况']),
  f('evidence', 'text', false, '佐证材料', ['支撑材料', '附件']),
  f('evidence_count', 'int', false, '佐证数量', ['附件数量']),
  f('draw_inferences', 'bool', false, '举一反三', ['举一反三检查情况']),
  f('special_campaign', 'bool', false, '是否专项整治', ['专项整治']),
  f('acc_people_total', 'int', false, '问责人数', ['追责问责人数', '问责追责（人）', '整改不力问责人员数']),
  f('acc_party_discipline', 'int', false, '党纪处分'),
  f('acc_gov_sanction', 'int', false, '政务处分'),
  f('acc_org_handling', 'int', false, '组织处理'),
  f('acc_admonish', 'int', false, '诫勉', ['诫勉谈话']),
  f('acc_light', 'int', false, '批评教育', ['提醒谈话', '责令检查']),
  f('acc_orgs', 'int', false, '整改不力问责党组织数'),
  f('systems_count', 'int', false, '建章立制数量', ['完善制度（项）', '制定及修改完善制度', '新建制度', '建立完善制度', '建章立制']),
  f('funds_wan', 'decimal', false, '挽回经济损失（万元）', ['挽回经济损失', '追缴资金', '清退资金', '收回资金', '挽回损失（万元）', '整改到位资金']),
  f('clue_transferred', 'int', false, '移交问题线索', ['线索数']),
  f('clue_closed', 'int', false, '线索办结', ['已办结线索']),
  f('prior_finding_id', 'string', false, '上轮问题编号', ['关联问题', '原问题编号', '上轮巡察问题编号', '上轮巡视问题编号', '上轮反馈问题编号', '对应上轮问题编号',
    '关联上轮问题编号', '关联问题编号', '上轮问题序号']),
  f('is_prior_round_issue', 'bool', false, '是否屡查屡犯', ['是否上轮反馈问题', '是否重复问题', '是否上轮问题', '是否为上轮问题', '是否属于上轮问题',
    '是否上轮巡察问题', '是否上轮巡视问题', '是否上轮巡察反馈问题', '是否上轮巡视反馈问题', '是否上轮巡视巡察问题', '是否屡查屡犯问题', '是否重复',
    '是否重复发现', '是否为重复问题', '屡查屡犯']),
  f('followup_result', 'enum', false, '回访督查结果', ['回头看结果', '复核结论']),
  f('followup_date', 'date', false, '回访时间', ['督查时间']),
  f('disclose', 'enum', false, '是否公开', ['公开情况']),
  f('remarks', 'text', false, '备注'),
];

/** Looks a field up by its key. */
export function fieldByKey(key: string): LedgerField | undefined {
  return LEDGER_FIELDS.find((x) => x.key === key);
}
