// Seeded randomness for the sample generator. Math.random would make every run different, and the
// committed CSV must be reproducible byte for byte, so all draws come from one seeded stream.

/** A deterministic random source (mulberry32) with the draws the generator needs. */
export function createRng(seed) {
  let a = seed >>> 0;
  /** Uniform float in [0, 1). */
  function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi], both inclusive. */
  function int(lo, hi) {
    return lo + Math.floor(next() * (hi - lo + 1));
  }
  /** True with probability p. */
  function chance(p) {
    return next() < p;
  }
  /** One element of a non-empty array. */
  function pick(list) {
    return list[Math.floor(next() * list.length)];
  }
  /** One key of a { key: weight } object, chosen in proportion to its weight. */
  function weighted(weights) {
    const keys = Object.keys(weights);
    const total = keys.reduce((s, k) => s + weights[k], 0);
    let r = next() * total;
    for (const k of keys) {
      r -= weights[k];
      if (r < 0) return k;
    }
    return keys[keys.length - 1];
  }
  /** k distinct elements of a list, in a random order (all of them if k ≥ length). */
  function sample(list, k) {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }
  /** Roughly normal integer around mean (sum of three uniforms), clamped to [lo, hi]. */
  function around(mean, spread, lo, hi) {
    const z = (next() + next() + next() - 1.5) / 1.5;
    return Math.max(lo, Math.min(hi, Math.round(mean + z * spread)));
  }
  return { next, int, chance, pick, weighted, sample, around };
}
