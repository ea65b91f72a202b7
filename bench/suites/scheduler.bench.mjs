// Scheduler (issue 9 §2) on local workerd + D1: the real scheduler (`wrangler dev` of
// workers/scheduler, its queue consumer included) beside a bench probe worker in one session,
// over the Guangdong fixture (one gz.full-employment cycle, a self-assessment stage row per
// village-level unit, all to score). Per sample, on a fresh copy of the seeded database:
// - full run: POST /__dev/tick until the cycle has no dirty row, queued chunk, running run or
//   stale rollup (scores, snapshots, pointers, events, rollups); against the bare batched
//   insert of the same snapshot rows (same statement shape, 200 rows a batch) in the same
//   session — goal ≤ 2×;
// - incremental: 1 % of stage rows changed as the API changes them, then a tick — goal ≤ 5 %
//   of the full run;
// then, as many times: a run killed (SIGKILL of the whole session) at 50 % and resumed in a new
// session (goal ≤ 1.1× the uninterrupted median, identical current snapshots by SHA-256), and peak
// memory for a full run at a tenth of the units (goal: flat) — the scheduler isolate's live V8
// heap (after a forced collection every 250 ms, through workerd's inspector, in untimed runs)
// and the whole workerd process's RSS (which includes local D1's SQLite). BENCH_UNITS shrinks the
// fixture; BENCH_SCHEDULER_SAMPLES sets the samples (default 3).
import { figure, median, spread } from '../lib.mjs';
import {
  benchUnits,
  fixtureState,
  freshState,
  json,
  sleep,
  startWrangler,
} from '../local/workerd.mjs';

export const title = 'scheduler (local workerd + D1: full, incremental, killed and resumed runs)';

const CONFIGS = ['bench/workers/probe/wrangler.toml', 'workers/scheduler/wrangler.toml'];
const SCHEDULER = 'kaoping-scheduler';
const SAMPLES = Number(process.env.BENCH_SCHEDULER_SAMPLES ?? 3);
const RUN_TIMEOUT_MS = 15 * 60_000;

async function session(dir) {
  return startWrangler({ configs: CONFIGS, persistDir: dir, readyPath: '/ready' });
}

/** Polls the probe until the cycle's work is done; `until` may stop earlier (kill point). */
async function waitDone(w, cycleId, { until, every = 200 } = {}) {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const p = await json(`${w.url}/progress?cycle=${cycleId}`);
    if (p.done || until?.(p)) return p;
    if (Date.now() > deadline)
      throw new Error(`scheduler run did not finish: ${JSON.stringify(p)}`);
    await sleep(every);
  }
}

async function fullRun(w, cycleId) {
  const t0 = performance.now();
  const tick = await json(`${w.url}/tick`, { method: 'POST' });
  const end = await waitDone(w, cycleId);
  return { seconds: (performance.now() - t0) / 1000, tick: tick.outcome, end };
}

export async function run() {
  const units = benchUnits(26_842);
  const smallUnits = Math.round(units / 10);
  const template = await fixtureState(units);
  const { cycleId, stageRows } = template.fixture;
  console.error(`  fixture: ${JSON.stringify(template.fixture.counts)}, ${stageRows} stage rows`);

  const full = [];
  const bare = [];
  const incremental = [];
  const ratios = [];
  const incrementalRatios = [];
  const digests = new Set();
  let peakLarge = 0;
  let tickQueries = 0;
  let chunks = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const w = await session(freshState(template, 'scheduler'));
    try {
      const r = await fullRun(w, cycleId);
      peakLarge = Math.max(peakLarge, w.peakRssMb());
      tickQueries = Math.max(tickQueries, r.tick.queries ?? 0);
      chunks = r.tick.chunks;
      digests.add((await json(`${w.url}/digest?cycle=${cycleId}`)).sha256);
      const b = await json(`${w.url}/bare-insert?cycle=${cycleId}`, { method: 'POST' });
      const changed = await json(`${w.url}/change?cycle=${cycleId}&every=100`, {
        method: 'POST',
      });
      const inc = await fullRun(w, cycleId);
      full.push(r.seconds);
      bare.push(b.insertMs / 1000);
      incremental.push(inc.seconds);
      ratios.push(r.seconds / (b.insertMs / 1000));
      incrementalRatios.push(inc.seconds / r.seconds);
      console.error(
        `  sample ${i + 1}: full ${r.seconds.toFixed(1)} s (${chunks} chunks), bare insert ${(b.insertMs / 1000).toFixed(2)} s, ${changed.changed} changed → ${inc.seconds.toFixed(2)} s`,
      );
    } finally {
      await w.stop();
    }
  }

  // Killed at 50 % (SIGKILL of the session: workerd and its in-memory queue die mid-write),
  // resumed in a new session on the same database; process start-up is not counted. As many
  // times as the full run is sampled: one kill alone ranged 0.94–1.33× on this machine.
  const resumedTimes = [];
  const resumedDigests = new Set();
  let resumedSnapshots = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const killDir = freshState(template, 'scheduler-killed');
    let w = await session(killDir);
    const t0 = performance.now();
    await json(`${w.url}/tick`, { method: 'POST' });
    const atKill = await waitDone(w, cycleId, {
      until: (p) => p.dirty <= stageRows / 2,
      every: 100,
    });
    const beforeKill = (performance.now() - t0) / 1000;
    await w.kill();
    w = await session(killDir);
    try {
      const t1 = performance.now();
      // No tick: the run goes on from the queue, as it would under a durable Queue.
      const redelivered = await json(`${w.url}/redeliver?cycle=${cycleId}`, { method: 'POST' });
      await waitDone(w, cycleId);
      const afterKill = (performance.now() - t1) / 1000;
      resumedTimes.push(beforeKill + afterKill);
      const digest = await json(`${w.url}/digest?cycle=${cycleId}`);
      resumedDigests.add(digest.sha256);
      resumedSnapshots = digest.snapshots;
      console.error(
        `  killed at ${stageRows - atKill.dirty}/${stageRows} rows after ${beforeKill.toFixed(1)} s; ${redelivered.redelivered} chunk messages redelivered; resumed in ${afterKill.toFixed(1)} s; ${digest.snapshots} snapshots`,
      );
    } finally {
      await w.stop();
    }
  }

  // Peak memory of a full run at a tenth of the units, in a session like the large one's.
  const small = await fixtureState(smallUnits);
  const ws = await session(freshState(small, 'scheduler-small'));
  let peakSmall = 0;
  try {
    await fullRun(ws, small.fixture.cycleId);
    peakSmall = ws.peakRssMb();
  } finally {
    await ws.stop();
  }

  // The scheduler isolate's live heap over a full run at each size, in untimed sessions of
  // their own: the collections the sampler forces would slow a timed run.
  const liveHeap = async (template) => {
    const wh = await session(freshState(template, 'scheduler-heap'));
    try {
      const heap = await wh.liveHeapSampler(SCHEDULER);
      await heap.ready();
      await fullRun(wh, template.fixture.cycleId);
      return await heap.stop();
    } finally {
      await wh.stop();
    }
  };
  const heapSmall = await liveHeap(small);
  const heapLarge = await liveHeap(template);

  const s = (xs) => [...xs].sort((a, b) => a - b);
  const fullMedian = median(s(full));
  const identical =
    digests.size === 1 && resumedDigests.size === 1 && digests.has([...resumedDigests][0]);
  const resumedRatios = s(resumedTimes.map((t) => t / fullMedian));
  return [
    figure(`scheduler full run, ${stageRows} units`, fullMedian, 's', {
      spread: spread(s(full)),
      note: `${chunks} queue chunks`,
    }),
    figure(`bare batched insert of the same ${stageRows} snapshot rows`, median(s(bare)), 's', {
      spread: spread(s(bare)),
    }),
    figure('scheduler full run ÷ bare insert', median(s(ratios)), '×', {
      goal: '<= 2',
      spread: spread(s(ratios)),
    }),
    figure('scheduler tick: D1 queries in the invocation', tickQueries, 'queries', {
      goal: '<= 1000',
    }),
    figure(
      `scheduler incremental run, ${Math.floor(stageRows / 100)} units changed`,
      median(s(incremental)),
      's',
      {
        spread: spread(s(incremental)),
      },
    ),
    figure('scheduler incremental ÷ full run', median(s(incrementalRatios)) * 100, '%', {
      goal: '<= 5',
      spread: spread(s(incrementalRatios)),
    }),
    figure('scheduler killed at 50 % and resumed ÷ uninterrupted', median(resumedRatios), '×', {
      goal: '<= 1.1',
      spread: spread(resumedRatios),
    }),
    figure('scheduler killed and resumed: snapshots identical (1 = yes)', identical ? 1 : 0, '', {
      goal: '>= 1',
      note: `${resumedSnapshots} stored after each resumed run`,
    }),
    figure(`scheduler isolate peak live heap, full run of ${smallUnits} units`, heapSmall, 'MB'),
    figure(`scheduler isolate peak live heap, full run of ${stageRows} units`, heapLarge, 'MB'),
    figure(
      `scheduler isolate peak live heap ${stageRows} ÷ ${smallUnits} units (10× the units)`,
      heapLarge / heapSmall,
      '×',
      { goal: '<= 1.5' },
    ),
    figure(`workerd peak memory, full run of ${smallUnits} units`, peakSmall, 'MB'),
    figure(`workerd peak memory, full run of ${stageRows} units`, peakLarge, 'MB'),
    figure(
      `workerd peak memory ${stageRows} ÷ ${smallUnits} units (10× the units)`,
      peakLarge / peakSmall,
      '×',
      {
        goal: '<= 1.5',
      },
    ),
  ];
}
