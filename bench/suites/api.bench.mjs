// API (issue 9 §3): autocannon, 50 connections, bounded in time, loopback only, against
// `wrangler dev` of the api worker and the scheduler (one session, as `pnpm dev` runs them) on
// the Guangdong fixture after a full scoring run. Routes, in turn, per round:
// - GET /v1/me — the cheapest authenticated route there is (token verified with jose, the
//   principal read): the "no-op" reference; no new route was added for it;
// - GET /v1/scores?cycle_id=…&limit=100 — a page of 100 full scorecards, rotating over the
//   first pages of the cycle;
// - GET /v1/scores/changes?cycle_id=…&limit=100 — the incremental pull, rotating over cursors.
// Goals per round: throughput ≥ 0.5 of /v1/me's, p99 ≤ 8× its p99. Then the page read again
// while a full re-score of the cycle runs (POST /v1/cycles/{id}/rescore → the scheduler's
// queue): p99 ≤ 2× idle, zero 5xx anywhere. BENCH_API_SECONDS (default 10) bounds each load,
// BENCH_API_ROUNDS (default 3) the rounds.
import autocannon from 'autocannon';
import { ensureDevSigningKey } from '../../scripts/lib.mjs';
import {
  FIXTURE_ADMIN_EMAIL,
  FIXTURE_PASSWORD,
  FIXTURE_TENANT_SLUG,
} from '../fixtures/guangdong.ts';
import { figure, median, spread } from '../lib.mjs';
import {
  benchUnits,
  freshState,
  json,
  scoredFixtureState,
  sleep,
  startWrangler,
} from '../local/workerd.mjs';

export const title = 'api (autocannon, 50 connections, wrangler dev on the Guangdong fixture)';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
const CONNECTIONS = 50;
const PAGES = 20;

/** One bounded load on `paths` (rotated), with the token; throughput, p99 and status classes. */
function load(url, token, paths) {
  let i = 0;
  return new Promise((resolveLoad, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
        requests: [
          {
            setupRequest: (req) => {
              req.path = paths[i++ % paths.length];
              return req;
            },
          },
        ],
      },
      (err, result) => {
        if (err) reject(err);
        else
          resolveLoad({
            rps: result.requests.average,
            p99: result.latency.p99,
            ok: result['2xx'],
            fiveXx: result['5xx'],
            other: result.non2xx - result['5xx'],
            errors: result.errors + result.timeouts,
          });
      },
    );
  });
}

async function cursors(base, token, first) {
  const out = [first];
  let cursor = null;
  for (let i = 1; i < PAGES; i++) {
    const page = await json(
      `${base}${cursor ? `${first}&cursor=${encodeURIComponent(cursor)}` : first}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    cursor = page.next_cursor;
    if (!cursor || page.has_more === false) break;
    out.push(`${first}&cursor=${encodeURIComponent(cursor)}`);
  }
  return out.map((p) => p.replace(base, ''));
}

export async function run() {
  ensureDevSigningKey();
  const units = benchUnits(26_842);
  const scored = await scoredFixtureState(units);
  const { cycleId } = scored.fixture;
  const w = await startWrangler({
    configs: ['wrangler.toml', 'workers/scheduler/wrangler.toml'],
    persistDir: freshState(scored, 'api'),
    readyPath: '/healthz',
  });
  try {
    const session = await json(`${w.url}/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenant: FIXTURE_TENANT_SLUG,
        email: FIXTURE_ADMIN_EMAIL,
        password: FIXTURE_PASSWORD,
      }),
    });
    const token = session.access_token;
    const routes = {
      noop: ['/v1/me'],
      page: await cursors(w.url, token, `/v1/scores?cycle_id=${cycleId}&limit=100`),
      changes: await cursors(w.url, token, `/v1/scores/changes?cycle_id=${cycleId}&limit=100`),
    };
    console.error(
      `  ${routes.page.length} score pages, ${routes.changes.length} change pages; ${SECONDS} s per load`,
    );
    // Warm the isolate (and its caches, as a serving worker's would be).
    for (const paths of Object.values(routes)) await load(w.url, token, paths);
    const results = { noop: [], page: [], changes: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, paths] of Object.entries(routes))
        results[name].push(await load(w.url, token, paths));
    }

    // The page again while a full re-score runs; checks the run was going on throughout.
    const rescore = await json(`${w.url}/v1/cycles/${cycleId}/rescore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const runId = rescore.id;
    const runState = () =>
      json(`${w.url}/v1/runs/${runId}`, { headers: { authorization: `Bearer ${token}` } });
    let before = await runState();
    for (let i = 0; i < 100 && !(before.done > 0); i++) {
      await sleep(200);
      before = await runState();
    }
    const during = await load(w.url, token, routes.page);
    const after = await runState();
    console.error(
      `  during the run: rows done ${before.done} → ${after.done} of ${after.total} (${after.status})`,
    );

    const s = (xs) => [...xs].sort((a, b) => a - b);
    const figures = [];
    for (const name of ['noop', 'page', 'changes']) {
      const rps = s(results[name].map((x) => x.rps));
      const p99 = s(results[name].map((x) => x.p99));
      const label = {
        noop: 'GET /v1/me (no-op)',
        page: 'page of 100 scorecards',
        changes: 'incremental pull (100)',
      }[name];
      figures.push(
        figure(`api ${label}: throughput`, median(rps), 'req/s', { spread: spread(rps) }),
        figure(`api ${label}: p99`, median(p99), 'ms', { spread: spread(p99) }),
      );
    }
    for (const name of ['page', 'changes']) {
      const label = name === 'page' ? 'page of 100' : 'incremental pull';
      const rpsRatio = s(results[name].map((x, i) => x.rps / results.noop[i].rps));
      const p99Ratio = s(results[name].map((x, i) => x.p99 / results.noop[i].p99));
      figures.push(
        figure(`api ${label}: throughput ÷ no-op`, median(rpsRatio), '×', {
          goal: '>= 0.5',
          spread: spread(rpsRatio),
        }),
        figure(`api ${label}: p99 ÷ no-op p99`, median(p99Ratio), '×', {
          goal: '<= 8',
          spread: spread(p99Ratio),
        }),
      );
    }
    const idleP99 = median(s(results.page.map((x) => x.p99)));
    figures.push(
      figure('api page of 100 during a full run: p99', during.p99, 'ms', {
        note: `${during.rps.toFixed(0)} req/s; run rows done ${before.done} → ${after.done} of ${after.total} during the load`,
      }),
      figure('api page of 100: p99 during a run ÷ idle', during.p99 / idleP99, '×', {
        goal: '<= 2',
      }),
    );
    const all = [...Object.values(results).flat(), during];
    figures.push(
      figure(
        'api 5xx answers (all loads)',
        all.reduce((n, x) => n + x.fiveXx, 0),
        '',
        {
          goal: '<= 0',
          note: `${all.reduce((n, x) => n + x.other, 0)} other non-2xx, ${all.reduce((n, x) => n + x.errors, 0)} socket errors`,
        },
      ),
    );
    return figures;
  } finally {
    await w.stop();
  }
}
