// Expands the embedded sample ledger into a benchmark ledger of any size. Replica r of sample row j
// keeps the row's round, county, category and status, so metrics stay plausible, while every row
// stays distinct: ids, titles and unit names get suffixes and dates move by a few days.

/**
 * The columns a county's working ledger (工作台账) carries, with canonical headers. The sample's
 * 51 columns average about 770 bytes a row; a 1M-row file of those would be 770 MB, past the
 * app's 300 MB import limit, while DESIGN.md budgets a 1M-row ledger at about 265 MB. This set
 * lands near 265 bytes a row and holds every field the dashboard's metrics read.
 */
export const BENCH_COLUMNS = ['问题编号', '县市区', '巡视巡察主体', '届次', '轮次', '年度', '被巡察单位', '反馈时间',
  '问题类别', '问题子类', '具体问题', '整改措施', '责任单位', '整改时限', '是否长期坚持', '整改状态', '完成时间', '是否销号',
  '上轮问题编号', '是否屡查屡犯'];

// Non-digit suffixes: the importer's duplicate check compares titles with digits and punctuation
// removed, so a numbered suffix would turn every replica into a "duplicate" of the first.
const PLACE = '东西南北中上下前后左右新老大小高低长短远近内外甲乙丙丁戊己庚辛壬癸'.split('');
const MATTER = '山水田林路桥村镇街巷园区院所站点场馆库厂校医药农林牧渔工商税财审统'.split('');
const UNIT_VARIANTS = 40;

/** The title suffix of replica r (unique for r < 1600): e.g. "（涉及东山）". */
export function titleSuffix(r) {
  if (r === 0) return '';
  return `（涉及${PLACE[r % PLACE.length]}${MATTER[Math.floor(r / PLACE.length) % MATTER.length]}）`;
}

/** Unit name of replica r: the sample unit itself, or one of its 39 subordinate branches. */
export function unitVariant(unit, r) {
  const k = r % UNIT_VARIANTS;
  return k === 0 ? unit : `${unit}第${k}分部`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/** Moves an ISO or Y/M/D date by `days`, keeping its notation; any other text is returned as is. */
export function shiftDate(text, days) {
  const m = ISO.exec(text) ?? SLASH.exec(text);
  if (!m || days === 0) return text;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  const [y, mo, da] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return ISO.test(text)
    ? `${y}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`
    : `${y}/${mo}/${da}`;
}

/** The first measure of a "1.…；2.…" list: ledgers of this width carry the lead measure only. */
export function leadMeasure(text) {
  return text.split(/[；;]/)[0].trim();
}

/**
 * Builds the row function for a parsed sample (header row + records). Returns (i) → cells of
 * bench row i in BENCH_COLUMNS order; rows 0 … sample size − 1 are the sample rows themselves.
 */
export function expander(sample) {
  const [header, ...records] = sample;
  const at = Object.fromEntries(BENCH_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = BENCH_COLUMNS.filter((c) => at[c] < 0);
  if (missing.length) throw new Error(`sample ledger lacks columns: ${missing.join(', ')}`);
  const rows = records.filter((r) => r.length >= header.length - 1 && r[at['问题编号']]);
  return (i) => {
    const r = Math.floor(i / rows.length);
    const src = rows[i % rows.length];
    const days = ((r + 3) % 7) - 3; // replica 0 is the sample as written
    const id = (v) => (v && r > 0 ? `${v}-${r}` : v);
    return BENCH_COLUMNS.map((c) => {
      const v = src[at[c]] ?? '';
      switch (c) {
        case '问题编号': case '上轮问题编号': return id(v);
        case '被巡察单位': return unitVariant(v, r);
        case '具体问题': return v + titleSuffix(r);
        case '整改措施': return leadMeasure(v);
        case '反馈时间': case '完成时间': case '整改时限': return shiftDate(v, days);
        default: return v;
      }
    });
  };
}
