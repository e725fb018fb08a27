#!/usr/bin/env node
// Generates the embedded sample ledger, data/sample-ledger.csv: about 1,500 findings of 金华市's
// counties and city departments over nine inspection rounds, 2018–2025, as-of 2026-06-30.
// Everything is invented except the sixteen problems fed back to 永康市 in 2018, which are read
// from data/yongkang-2018-feedback.csv. One seeded random stream makes every run byte-identical.
//
//   node scripts/generate-sample.mjs            rewrites data/sample-ledger.csv
//   node scripts/generate-sample.mjs --stdout   prints the CSV instead
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from './sample/prng.mjs';
import { addDays } from './sample/dates.mjs';
import { AS_OF, ROUNDS, teamName } from './sample/rounds.mjs';
import { cityUnits, committeeUnit, countyPool, villageUnit, wuchengUnits } from './sample/units.mjs';
import { buildFinding } from './sample/finding.mjs';
import { freshFindings, repeatFindings, titleKey } from './sample/visits.mjs';
import { parseCsv, toCsv } from './sample/csv.mjs';

const SEED = 20260630;
const DATA = new URL('../data/', import.meta.url);

function pickUnits(pool, k, history, revisits, rng) {
  const seen = pool.filter((u) => history.has(u.name));
  const fresh = pool.filter((u) => !history.has(u.name));
  const again = rng.sample(seen, Math.min(revisits, seen.length));
  return [...again, ...rng.sample(fresh, k - again.length)];
}

function inspectionUnits(round, history, rng) {
  if (round.localUnits) return wuchengUnits();
  const units = pickUnits(cityUnits(), round.cityUnits, history, 2, rng);
  for (const county of round.counties) units.push(...pickUnits(countyPool(county), round.perCounty, history, 1, rng));
  const names = new Set(units.map((u) => u.name));
  for (const county of round.counties) {
    for (let k = 0; k < (round.villagesPerCounty ?? 0); k++) {
      let v = villageUnit(county, rng);
      while (names.has(v.name)) v = villageUnit(county, rng);
      names.add(v.name);
      units.push(v);
    }
  }
  return units;
}

function modeOf(round, unit, history, rng) {
  if (unit.kind === 'village') return '对村(社区)巡察';
  if (history.has(unit.name) && rng.chance(0.5)) return '巡察"回头看"';
  if (round.level === '市委' && unit.county !== '市本级' && rng.chance(0.3)) return '提级巡察';
  return round.mode;
}

/** The visits (unit, team, dates, mode) of one round. */
function visitsOf(round, history, rng, isLatest) {
  if (round.visits) {
    return round.visits.map((v) => ({ ...v, round, isLatest, unit: committeeUnit(v.county), mode: round.mode }));
  }
  const units = inspectionUnits(round, history, rng);
  const teams = round.localUnits ? 3 : 5;
  const size = Math.ceil(units.length / teams);
  return units.map((unit, i) => {
    const t = Math.floor(i / size);
    // A county round feeds back to all its units on one day; city teams report over a week or two.
    const feedback = round.localUnits ? round.feedback : addDays(round.feedback, t * 2 + rng.int(0, 5));
    return { round, isLatest, unit, team: teamName(round.teamPrefix ?? '市委', t), station: round.station, feedback,
      mode: modeOf(round, unit, history, rng) };
  });
}

function yongkangFindings(visit, rng) {
  const [header, ...lines] = parseCsv(readFileSync(new URL('yongkang-2018-feedback.csv', DATA), 'utf8')).filter((r) => r.length > 1);
  const col = (name) => header.indexOf(name);
  return lines.map((r) => buildFinding(visit, r[col('问题子类')], rng,
    { title: r[col('具体问题')], detail: '', flagRepeat: r[col('问题子类')] === 'H1' }));
}

function findingsOf(visit, history, rng) {
  if (visit.real) return yongkangFindings(visit, rng);
  const n = visit.round.level === '省委' ? rng.around(34, 5, 26, 42) : visit.unit.kind === 'village' ? rng.around(5, 1, 3, 7) : rng.around(8, 3, 4, 13);
  const earlier = history.get(visit.unit.name);
  const used = new Set();
  const repeats = (earlier ? repeatFindings(visit, earlier, n, rng) : []).filter((f) => {
    const seen = used.has(titleKey(f.具体问题));
    used.add(titleKey(f.具体问题));
    return !seen;
  });
  const fresh = freshFindings(visit, Math.max(0, n - repeats.length), used, rng);
  // Reports list problems by 方面, so a unit's rows run A … H.
  return [...fresh, ...repeats].sort((a, b) => a.问题类别.localeCompare(b.问题类别));
}

// 回头看 / 回访督查 of older completed items that did not recur: mostly 整改到位, some not.
function addFollowups(rows, rng) {
  for (const f of rows) {
    if (f._cls !== 'completed' || !f.完成时间 || f.回访督查结果 || f.反馈时间 > '2023-12-31') continue;
    if (rng.chance(0.12)) {
      const date = addDays(f.完成时间, rng.int(120, 540));
      if (date > AS_OF) continue;
      f.回访督查结果 = rng.chance(0.8) ? '整改到位' : '整改不到位';
      f.回访时间 = date;
    } else if (rng.chance(0.015)) f.回访督查结果 = '未回访';
  }
}

/** Generates all sample rows (keys = canonical headers; "_" keys are internal). */
export function generateSampleRows() {
  const rng = createRng(SEED);
  const history = new Map();
  const rows = [];
  ROUNDS.forEach((round, r) => {
    visitsOf(round, history, rng, r === ROUNDS.length - 1).forEach((visit, i) => {
      const findings = findingsOf(visit, history, rng);
      findings.forEach((f, j) => { f.问题编号 = `${round.code}-${String(i + 1).padStart(2, '0')}-${String(j + 1).padStart(2, '0')}`; });
      history.set(visit.unit.name, [...(history.get(visit.unit.name) ?? []), ...findings]);
      rows.push(...findings);
    });
  });
  addFollowups(rows, rng);
  return rows;
}

/** The sample as CSV text, exactly as committed in data/sample-ledger.csv. */
export function generateSampleCsv() {
  return toCsv(generateSampleRows());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const csv = generateSampleCsv();
  if (process.argv.includes('--stdout')) process.stdout.write(csv);
  else {
    writeFileSync(new URL('sample-ledger.csv', DATA), csv);
    process.stderr.write(`data/sample-ledger.csv: ${csv.split('\r\n').length - 2} findings\n`);
  }
}
