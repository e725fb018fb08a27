// Turns measurements into the markdown the bench prints and saves: one summary table (value,
// budget, pass/fail) and, per import, where the time went (stages and heaviest statements).

const ms = (v) => (v === null || v === undefined ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = (v) => (v === null || v === undefined ? '—' : `${(v / 1048576).toFixed(0)} MiB`);
const rows = (n) => n.toLocaleString('en');

/** Formatters shared by run.mjs when it adds rows. */
export const fmt = { ms, mb, rows };

/** Collects table rows: { what, size, value, budget, pass } with pass true / false / null (no budget). */
export function resultTable() {
  const lines = [];
  return {
    add(what, size, value, budget = '—', pass = null) {
      lines.push({ what, size, value, budget, pass });
    },
    lines,
    markdown() {
      const head = '| measurement | rows | value | budget | pass |\n|---|---:|---:|---|:---:|';
      const body = lines.map((l) => `| ${l.what} | ${l.size} | ${l.value} | ${l.budget} | ${l.pass === null ? '—' : l.pass ? 'pass' : '**FAIL**'} |`);
      return [head, ...body].join('\n');
    },
  };
}

/** Stage durations from the importer's onProgress marks: each stage lasts until the next mark. */
export function stageDurations(stages, totalMs) {
  return stages.map((s, i) => ({ stage: s.stage, ms: (stages[i + 1]?.atMs ?? totalMs) - s.atMs }));
}

/** The "where did the time go" section of one import. */
export function importProfile(title, r) {
  const out = [`### ${title}`, ''];
  out.push(`wall ${ms(r.ms)}; inside engine calls ${ms(r.engineMs)}; main-thread JS and waiting ${ms(r.ms - r.engineMs)}; ` +
    `long tasks: ${r.longTasks} (total ${ms(r.longTasksTotalMs)}, longest ${ms(r.longestTaskMs)}); file read ${ms(r.readMs)}.`);
  if (r.error) out.push('', `import error: \`${JSON.stringify(r.error)}\``);
  out.push('', '| stage (onProgress mark → next mark) | time |', '|---|---:|');
  for (const s of stageDurations(r.stages, r.ms)) out.push(`| ${s.stage} | ${ms(s.ms)} |`);
  if (r.worstLongTasks?.length) {
    out.push('', '| longest main-thread tasks | stage | during engine call |', '|---:|---|---|');
    for (const t of r.worstLongTasks) out.push(`| ${ms(t.ms)} | ${t.stage ?? '—'} | ${(t.call ?? 'between calls (JS in the importer)').replace(/\|/g, '\\|')} |`);
  }
  out.push('', '| heaviest engine calls (same statement summed) | time |', '|---|---:|');
  for (const c of r.heaviest) out.push(`| \`${c.kind}\` ${c.what.replace(/\|/g, '\\|').replace(/`/g, "'")} | ${ms(c.ms)} |`);
  if (Object.keys(r.issueCodes ?? {}).length) {
    out.push('', `issues reported (capped list): ${Object.entries(r.issueCodes).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  }
  return out.join('\n');
}

/** The per-query section of one interaction run. */
export function interactionProfile(title, r) {
  const out = [`### ${title}`, '', '| query | mean, filtered (20 states), on the cube as the app runs it | base table `findings`, unfiltered (median of 3) |', '|---|---:|---:|'];
  for (const id of Object.keys(r.meanPerQuery)) out.push(`| ${id} | ${ms(r.meanPerQuery[id])} | ${ms(r.baseTablePerQuery[id])} |`);
  return out.join('\n');
}
