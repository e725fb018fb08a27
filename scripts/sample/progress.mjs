// Rectification progress of one finding as the ledger shows it on the as-of date: deadline (in the
// many spellings of DOMAIN.md §3.4), status word, completion and closure (销号). Older rounds are
// mostly done; the 2025 round still has open items whose deadlines straddle the as-of date, so the
// three-colour warning (red / yellow / green at overdue / 10 / 20 days) has items in every colour.
import { addDays, daysBetween, minDate, monthEndAfter, spellDate, spellMonthEnd } from './dates.mjs';
import { AS_OF } from './rounds.mjs';

// Open items of the latest round: days from the as-of date to the deadline (r of §7.3 #16).
const LATEST_OPEN_OFFSETS = { red: [-60, -1], yellow: [0, 10], green: [11, 20], later: [21, 25] };

function spellFixed(iso, round, rng) {
  const style = round.dateStyle === 'mixed' ? rng.pick(['iso', 'cn', 'slash']) : rng.chance(0.8) ? round.dateStyle : rng.pick(['iso', 'cn', 'slash']);
  return spellDate(iso, style);
}

/** Chooses the deadline: its raw text, the date it means (null if none), the 整改类型 and the long-term flag. */
export function deadlineFor(round, feedback, rng) {
  const r = rng.next();
  if (r < 0.12) return { raw: '立行立改', date: addDays(feedback, 30), rectType: '立行立改', longTerm: false, flagOnly: false };
  if (r < 0.2) {
    const y = Number(feedback.slice(0, 4)) + (feedback.slice(5, 7) >= '10' ? 1 : 0);
    return { raw: `${y}年底前，并长期坚持`, date: `${y}-12-31`, rectType: '长期整改', longTerm: true, flagOnly: false };
  }
  if (r < 0.25) return { raw: rng.pick(['长期坚持', '常态化坚持']), date: null, rectType: '长期整改', longTerm: true, flagOnly: false };
  const end = monthEndAfter(feedback, rng.int(1, 6));
  const month = rng.next();
  let raw;
  if (month < 0.3) raw = spellMonthEnd(end);
  else if (month < 0.4) raw = `${end.slice(0, 4)}年底前`;
  else raw = spellFixed(end, round, rng);
  const date = raw.endsWith('年底前') && !raw.includes('月') ? `${end.slice(0, 4)}-12-31` : end;
  // A few dated items are flagged long-term only in the 是否长期坚持 column, not in the text.
  const flagOnly = rng.chance(0.06);
  return { raw, date, rectType: '限期整改', longTerm: flagOnly, flagOnly };
}

/** A fixed-date deadline for an open item of the latest round, in one warning band. */
export function latestOpenDeadline(round, rng) {
  const band = rng.weighted({ red: 3, yellow: 2, green: 2, later: 1 });
  const [lo, hi] = LATEST_OPEN_OFFSETS[band];
  const date = addDays(AS_OF, rng.int(lo, hi));
  const raw = date.endsWith('-06-30') && rng.chance(0.5) ? spellMonthEnd(date) : spellFixed(date, round, rng);
  return { raw, date, rectType: '限期整改', longTerm: false, flagOnly: false };
}

/** Status class of a finding: completed / basic / open (progress or overdue) / notDone / odd. */
export function statusClassFor(round, deadline, rng, pComplete) {
  if (round.words.odd.length && rng.chance(0.01)) return 'odd';
  if (rng.chance(pComplete)) return 'completed';
  if (deadline.longTerm) return rng.chance(0.7) ? 'basic' : 'open';
  // Items still open years later are mostly the substantially-done ones.
  return round.year <= 2023 ? rng.weighted({ basic: 5, open: 2, notDone: 1 }) : rng.weighted({ basic: 3, open: 4, notDone: 2 });
}

/** The raw status word for a class, given whether the deadline has passed on the as-of date. */
export function statusWord(round, cls, deadline, rng) {
  const w = round.words;
  if (cls === 'open') {
    const overdue = deadline.date !== null && deadline.date < AS_OF;
    // Ledgers keep saying 持续推进 / 正在整改 of many items that are already past their deadline.
    return rng.pick(overdue && rng.chance(0.6) ? w.overdue : w.progress);
  }
  return rng.pick(w[cls]);
}

/** Completion date of a completed item: after feedback, sometimes after the deadline, never after the as-of date. */
export function completionDate(feedback, deadline, rng) {
  const due = deadline.date ?? addDays(feedback, 180);
  const span = Math.max(5, daysBetween(feedback, due));
  let done = rng.chance(0.1) ? addDays(due, rng.int(3, 75)) : addDays(feedback, rng.int(Math.min(5, span), span));
  if (done > AS_OF) done = addDays(AS_OF, -rng.int(3, 40));
  return done < feedback ? addDays(feedback, 1) : done;
}

/** Closure (销号) of an item: most completed items are closed some weeks after completion. */
export function closureFor(statusRaw, cls, completion, round, rng) {
  if (cls !== 'completed' || !completion) return { closed: cls === 'completed' ? '' : '否', date: '' };
  const mustClose = statusRaw === '已销号';
  if (!mustClose && !rng.chance(round.year <= 2022 ? 0.75 : 0.45)) return { closed: '否', date: '' };
  const date = minDate(addDays(completion, rng.int(7, 90)), AS_OF);
  return { closed: '是', date };
}
