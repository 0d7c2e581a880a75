/**
 * Interleaved throughput measurement: each contender runs over the same inputs in turn, in short
 * slices, so drift (JIT, GC, other load) hits all of them alike. Returns ops/s per contender.
 */
export function throughput(contenders, inputs, { seconds = 2, sliceMs = 100, warmupMs = 300 } = {}) {
  const names = Object.keys(contenders);
  let sink = 0;
  const runSlice = (fn, ms) => {
    let ops = 0;
    const end = performance.now() + ms;
    let now = performance.now();
    const start = now;
    while (now < end) {
      for (let i = 0; i < inputs.length; i++) sink += fn(inputs[i]) ? 1 : 0;
      ops += inputs.length;
      now = performance.now();
    }
    return { ops, ms: now - start };
  };
  for (const n of names) runSlice(contenders[n], warmupMs);
  const total = Object.fromEntries(names.map((n) => [n, { ops: 0, ms: 0 }]));
  const rounds = Math.max(1, Math.round((seconds * 1000) / (sliceMs * names.length)));
  for (let r = 0; r < rounds; r++) {
    // Rotate the order each round.
    for (let k = 0; k < names.length; k++) {
      const n = names[(k + r) % names.length];
      const s = runSlice(contenders[n], sliceMs);
      total[n].ops += s.ops;
      total[n].ms += s.ms;
    }
  }
  const out = Object.fromEntries(names.map((n) => [n, (total[n].ops / total[n].ms) * 1000]));
  out.sink = sink;
  return out;
}
