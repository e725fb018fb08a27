// The sample's columns and its CSV encoding. Headers are the canonical Chinese headers of
// src/lib/domain/fields.ts (a unit test checks that every one of them is); this plain-Node script
// cannot import the TypeScript module, so the list is written out here.

/** Column headers of data/sample-ledger.csv, in canonical order. */
export const COLUMNS = ['问题编号', '县市区', '巡视巡察主体', '届次', '轮次', '轮次名称', '年度', '巡察方式', '巡察组', '被巡察单位',
  '单位类型', '进驻开始', '进驻结束', '反馈时间', '整改专项', '方面', '问题类别', '问题子类', '对应四落实', '具体问题', '具体表现',
  '整改类型', '整改措施', '措施数量', '责任单位', '责任领导', '责任人', '整改时限', '是否长期坚持', '整改状态', '完成时间', '是否销号',
  '销号时间', '佐证材料', '佐证数量', '问责人数', '党纪处分', '政务处分', '组织处理', '诫勉', '批评教育', '建章立制数量',
  '挽回经济损失（万元）', '移交问题线索', '线索办结', '上轮问题编号', '是否屡查屡犯', '回访督查结果', '回访时间', '是否公开', '备注'];

/** One field quoted per RFC 4180: only when it holds a comma, a double quote or a line break. */
export function csvField(value) {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: header row plus one record per row, CRLF line ends (RFC 4180, as Excel writes). */
export function toCsv(rows) {
  const lines = [COLUMNS.map(csvField).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Parses a simple RFC 4180 CSV text into arrays of fields (used for the 永康 reference file). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
