import { LOCAL_UNIT_PATTERN, ZONE_WORDS } from '../../domain/vocabulary/places';
import { ident, str } from '../../queries/sql';
import { cellCol as u, rawCol as r } from './raw';
import { compactSql } from './text';
import { STATUS_LONG_TERM_PATTERN } from '../../domain/vocabulary/status';
import { categoryMapSql, focusHeadingSql } from './category';
import { countyInTextSql, countyMultipleSql, countySql, placeFoldSql, zoneNameSql } from './county';
import { byDateSql, dateCompactSql, datesOfSql, dateWordOnlySql, deadlineLongTermSql, hanDigitsSql, immediateFixSql, monthOnlySql, outsideBracketsSql } from './dates';
import { clausesCodeSql, limitClausesByDateSql, limitClausesCodeSql, limitClausesSql, yearlessDaySql, yearlessTextSql } from './deadline-code';
import { unitLocalNameSql, unitNameNormSql } from './names';
import { closedWordSql, statusCompactSql, statusLongTermSql, statusSql } from './status';
import { statusDatedSql } from './status-date';

/**
 * Value maps: the costly normalisers (dates, status, county, unit, category) run once per
 * DISTINCT value and are joined back, instead of once per row. A ledger of a million rows holds
 * a few thousand distinct dates and a few dozen statuses, so this is where the time goes.
 */
export const DATE_KEYS = ['station_start', 'station_end', 'feedback_date', 'completion_date', 'closure_date', 'followup_date', 'deadline', 'deadline_raw'];

/** Text fields whose cells may state a day (已完成（2024.6.30）; 是否销号 2024年6月30日), read through the date map too (status-date.ts). */
const DATED_TEXTS = ['status_raw', 'closed'];

/** The date map's column a date field reads: a range's start for the station start, else its end. */
export function mappedDateCol(key: string): 'd' | 'd0' {
  return key === 'station_start' ? 'd0' : 'd';
}

/** Temp table names of one sheet's value maps. */
export interface ValueMaps {
  date: string;
  status: string;
  county: string;
  unit: string;
  category: string;
}

// The distinct cells of a sheet's mapped columns: one DISTINCT per column, to be unioned, then made
// distinct again (distinctValues): unnest([...]) would build a list for every row.
const cellsOf = (values: string, keys: string[]) => keys.map((k) => `SELECT DISTINCT ${u(k)} AS w FROM ${ident(values)}`);

// The distinct values of such cells, of one sheet or several. Their compact form `c`, which the normalisers
// read, is taken in `compute` (withCompact), on the values no cache holds yet only.
const distinctValues = (cells: string[]) => {
  const all = cells.length ? cells.join(' UNION ALL ') : 'SELECT CAST(NULL AS VARCHAR) AS w WHERE false';
  return `SELECT DISTINCT w AS v FROM (${all}) WHERE w IS NOT NULL`;
};
const withCompact = (from: string, compact: (v: string) => string = compactSql) => `SELECT v, ${compact('v')} AS c FROM (${from})`;

/**
 * One value map: the distinct cells a sheet gives it (`cells`, SELECTs to be unioned), the map's input
 * made of such cells, of one sheet or of several (`inputOf`, with key columns `keys`), and the normaliser
 * run over such input (`compute`, over a query of the input's columns). A map depends on nothing but its
 * values and the options its `variant` names, so results may be kept across sheets (import/value-maps.ts).
 */
export interface ValueMapSpec {
  kind: keyof ValueMaps;
  variant: string;
  keys: string[];
  cells: string[];
  inputOf: (cells: string[]) => string;
  compute: (from: string) => string;
}

/** Options the maps read: the workbook's date system, the concentrated period, a yes/no status header. */
export interface ValueMapOptions {
  date1904?: boolean;
  concentratedMonths: number;
  statusYesNo?: boolean;
}

/**
 * The value maps of a sheet over its raw values view (keys are the raw `r_` values). `has` says which
 * fields the sheet maps: the others are NULL in every row and feed no map.
 */
export function valueMapSpecs(raw: string, has: (key: string) => boolean, opts: ValueMapOptions): ValueMapSpec[] {
  const v = ['v'];
  return [
    // The status texts too, for the day a status says its item was done (status-date.ts).
    // d: the date, or a range's end; d0: a range's start (station_start reads it, see mappedDateCol);
    // dr: a day a note or a clause says the work was really done (2024年6月（实际2024年7月10日完成）, …；已于2024年7月10日完成), which a 完成时间 takes;
    // rel: the code of a deadline dated from the feedback (6月底前, 3个月内, 集中整改期内; see deadlineCodeSql), dated per row;
    // dw: the day a clause says the whole work was done, also without 已 and beside no limit, which a completed status text gives (status-date.ts);
    // ip: dr is a day said done without 已 or 实际 beside a bare limit (2024年6月底前，2024年7月10日完成整改), which the row's status
    // and the as-of date must hold done (findings.ts doneDayHeldSql);
    // by: a time limit (2024年12月底前), which a 完成时间 cell is not a completion date for (findings.ts); so are limits that open its
    // clauses (正在推进，9月底前完成: limitClausesByDateSql), whose latest is also its rel (limitClausesCodeSql), and a date beside a 实际
    // note of a start or a stage (2024年6月（实际2024年7月10日启动整改）: nr, helper-160), which is no day the work was done;
    // yd: a day without its year (6月30日), which a 完成时间 cell takes the feedback's year for.
    // slt: an ongoing item's words as a status says them (长期坚持, 常态化), which in a 完成时间 cell mark the item long-term.
    { kind: 'date', variant: `${opts.date1904 ? 1904 : 1900}_${opts.concentratedMonths}`, keys: v,
      cells: cellsOf(raw, [...DATE_KEYS, ...DATED_TEXTS].filter(has)), inputOf: distinctValues,
      compute: (from) => `SELECT *, ${yearlessDaySql('rel')} AS yd
      FROM (SELECT v, d, d0, dr, ip, dw, imm, lt, slt, word, d IS NOT NULL AND ${monthOnlySql('ho')} AS mo, coalesce(${clausesCodeSql('hr', opts.concentratedMonths)}, rc) AS rel,
        ${byDateSql('ho')} OR rc IS NOT NULL AND ${limitClausesByDateSql('lc')} OR nr AS by
      FROM (SELECT *, ${limitClausesCodeSql('lc', opts.concentratedMonths)} AS rc FROM (SELECT *, ${limitClausesSql('hr')} AS lc
      FROM (SELECT *, ${yearlessTextSql('h', 'ho')} AS hr FROM (SELECT *, ${outsideBracketsSql('h')} AS ho FROM (SELECT *, ${hanDigitsSql('c')} AS h FROM (${datesOfSql(`SELECT v, c,
      coalesce(${immediateFixSql('c')}, false) AS imm, ${deadlineLongTermSql('c')} AS lt, ${statusLongTermSql('c')} AS slt, ${dateWordOnlySql('c')} AS word
      FROM (${withCompact(from, dateCompactSql)})`, opts)})))))))` },
    // Under a yes/no header (是否完成) 1 is 是 and 0 is 否; elsewhere they are codes nobody defined.
    { kind: 'status', variant: opts.statusYesNo ? 'yesno' : 'text', keys: v,
      cells: cellsOf(raw, ['status_raw'].filter(has)), inputOf: distinctValues,
      compute: (from) => `SELECT v, ${statusSql('c')} AS status, ${statusLongTermSql('c')} AS lt, ${closedWordSql('c')} AS closed_word,
        ${statusDatedSql(hanDigitsSql('c'))} AS dated
      FROM (${opts.statusYesNo ? "SELECT v, CASE c WHEN '1' THEN '是' WHEN '0' THEN '否' ELSE c END AS c FROM " : ''}(${withCompact(from, statusCompactSql)}))` },
    // multiple: the cell names two counties or more (东阳、义乌), warned by the validator.
    { kind: 'county', variant: 'all', keys: v, cells: cellsOf(raw, ['county'].filter(has)), inputOf: distinctValues,
      compute: (from) => `SELECT v, ${countySql('f', 'v')} AS county, ${countyMultipleSql(placeFoldSql('v'))} AS multiple
      FROM (SELECT *, ${placeFoldSql('c')} AS f FROM (${withCompact(from)}))` },
    { kind: 'unit', variant: 'all', keys: v, cells: cellsOf(raw, ['unit_name'].filter(has)), inputOf: distinctValues,
      compute: (from) => `SELECT v, c, ${countyInTextSql(placeFoldSql('c'))} AS county,
      CASE WHEN regexp_matches(c, '^(中共)?(金华市|市([^场]|$))') THEN '市本级' END AS city, ${unitNameNormSql('c')} AS unit_name_norm, ${unitLocalNameSql('c')} AS unit_local,
      ${zoneNameSql("NULLIF(regexp_extract(c, " + str(ZONE_IN_UNIT) + ", 2), '')")} AS zone
      FROM (${withCompact(from)})` },
    { kind: 'category', variant: 'all', keys: ['c1', 'c2', 'asp', 'foc'],
      cells: [`SELECT DISTINCT ${u('category_l1')} AS c1, ${u('category_l2')} AS c2, ${u('aspect_raw')} AS asp, ${u('focus4')} AS foc FROM ${ident(raw)}`],
      inputOf: (cells) => (cells.length === 1 ? cells[0] : `SELECT DISTINCT * FROM (${cells.join(' UNION ALL ')})`),
      compute: (from) => `SELECT c1, c2, asp, foc, cat_l1, cat_l2, cat_l2_weak, cat_group FROM (${categoryMapSql(`SELECT c1, c2, asp, foc,
      ${compactSql('c1')} AS k1, ${compactSql('c2')} AS k2, ${compactSql('asp')} AS ka, ${focusHeadingSql(compactSql('foc'))} AS kf FROM (${from})`)})` },
  ];
}

// A functional zone's unit (金华开发区党工委, 金义新区管委会): the zone is its county (DOMAIN.md §5.1).
const ZONE_IN_UNIT = `^(中共)?(.{0,10}?(${ZONE_WORDS}))`;

/**
 * The county of a row from the maps: its column, else the fallback, else what its unit names (a
 * county, a zone, the city), else the place a name gives (`place`: 金华开发区, or 市本级 but for a town,
 * street or village). Rows of a 金华市委 round still without one are 市本级 (findings.ts).
 */
export function mappedCountySql(fallback?: string, place?: string, unitsFirst = false): string {
  const named = !place ? 'NULL' : place !== '市本级' ? str(place)
    : `CASE WHEN NOT coalesce(regexp_matches(mu.c, ${str(LOCAL_UNIT_PATTERN)}), false) THEN ${str(place)} END`;
  return `coalesce(${namedCountySql(fallback, unitsFirst)}, mu.city, ${named})`;
}

/**
 * The county a row's own cells or the file name state: mappedCountySql without the guesses from a unit's 市
 * (市财政局, which in a 县级市's ledger is that city's) and from a name's zone or city level.
 */
export function namedCountySql(fallback?: string, unitsFirst = false): string {
  const f = fallback ? str(fallback) : 'NULL';
  // Units stacked under the table (each under its own line, heading or title) are each placed by the county their name
  // states before the place of the first title or form line (helper-128); a unit that states none (市财政局) takes that place.
  return unitsFirst ? `coalesce(mc.county, mu.county, ${f}, mu.zone)` : `coalesce(mc.county, ${f}, mu.county, mu.zone)`;
}

/** The county and unit maps only, for the round lookup (aliases mc, mu); `from` is a subquery. */
export function countyFromSql(from: string, m: ValueMaps): string {
  return `${from} t LEFT JOIN ${ident(m.county)} mc ON mc.v = t.${r('county')}
    LEFT JOIN ${ident(m.unit)} mu ON mu.v = t.${r('unit_name')}`;
}

/**
 * FROM clause: the raw table with every map joined (aliases mc, mu, ms, mk, d_<key>, and d_status_raw and, for a sheet with
 * a 是否销号 column (`closed`), d_closed: the dates of the status and 是否销号 texts).
 */
export function mappedFromSql(raw: string, m: ValueMaps, closed = false): string {
  const dates = [...DATE_KEYS, ...DATED_TEXTS.filter((k) => closed || k !== 'closed')].map((k) => `LEFT JOIN ${ident(m.date)} ${ident('d_' + k)} ON ${ident('d_' + k)}.v = t.${r(k)}`);
  return `${ident(raw)} t
    LEFT JOIN ${ident(m.county)} mc ON mc.v = t.${r('county')}
    LEFT JOIN ${ident(m.unit)} mu ON mu.v = t.${r('unit_name')}
    LEFT JOIN ${ident(m.status)} ms ON ms.v = t.${r('status_raw')}
    LEFT JOIN ${ident(m.category)} mk ON mk.c1 IS NOT DISTINCT FROM t.${r('category_l1')}
      AND mk.c2 IS NOT DISTINCT FROM t.${r('category_l2')} AND mk.asp IS NOT DISTINCT FROM t.${r('aspect_raw')}
      AND mk.foc IS NOT DISTINCT FROM t.${r('focus4')}
    ${dates.join('\n    ')}`;
}
