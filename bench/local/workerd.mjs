// Local workerd + D1 for the benches: a seeded fixture database made once per size, copied
// fresh for every measured run, and `wrangler dev` sessions (the same binaries, bundling and
// local D1 as `pnpm dev`) started in their own process group so a run can be killed whole.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { bin, childEnv, mustRun, root } from '../../scripts/lib.mjs';
import { freePort } from '../../scripts/wrangler-session.mjs';
import { guangdongFixture } from '../fixtures/guangdong.ts';

export const stateRoot = resolve(root, '.wrangler/bench');

/** The village-level units of the full fixture: BENCH_UNITS makes it smaller while developing. */
export const benchUnits = (full) => Number(process.env.BENCH_UNITS ?? full);

function d1File(persistDir) {
  const dir = resolve(persistDir, 'v3/d1/miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return resolve(dir, file);
}

const templates = new Map();

/**
 * A migrated local D1 holding the Guangdong fixture with `units` village-level units, made
 * once per process and size. The rows are written straight into the database file (node:sqlite,
 * one transaction) while no workerd has it open: the same statements `pnpm seed` applies
 * through `wrangler d1 execute`, ~100× faster at this size.
 */
export async function fixtureState(units) {
  if (templates.has(units)) return templates.get(units);
  const dir = resolve(stateRoot, `template-${units}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await mustRun(
    bin('wrangler'),
    ['d1', 'migrations', 'apply', 'kaoping', '--local', '--persist-to', dir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const fixture = await guangdongFixture(units);
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(d1File(dir));
  const prepared = new Map();
  db.exec('BEGIN');
  for (const s of fixture.statements) {
    let statement = prepared.get(s.sql);
    if (!statement) {
      statement = db.prepare(s.sql);
      prepared.set(s.sql, statement);
    }
    statement.run(...s.params);
  }
  db.exec('COMMIT');
  db.close();
  const template = { dir, fixture };
  templates.set(units, template);
  return template;
}

/** A fresh copy of a template's state, for one measured run. */
export function freshState(template, name) {
  const dir = resolve(stateRoot, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(template.dir, dir, { recursive: true });
  return dir;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Child pids of `pid` (recursively), from /proc. */
function descendants(pid) {
  const out = [];
  const walk = (p) => {
    let children = '';
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8');
    } catch {
      return;
    }
    for (const c of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function status(pid) {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

/** Loopback TCP ports process `pid` listens on: its socket inodes looked up in /proc/net/tcp. */
function listeningPorts(pid) {
  let fds = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const inodes = new Set();
  for (const fd of fds) {
    try {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const m = link.match(/^socket:\[(\d+)\]$/);
      if (m) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  return (
    readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // st 0A is LISTEN; the 10th column is the socket's inode.
      .filter((cols) => cols[3] === '0A' && inodes.has(cols[9]))
      .map((cols) => Number.parseInt(cols[1].split(':')[1], 16))
  );
}

/**
 * The DevTools WebSocket of one worker of a session, from workerd's own inspector (wrangler
 * starts workerd with `--inspector-addr=127.0.0.1:0`). wrangler's `--inspector-port` proxy
 * reaches only the first worker of a session; this reaches any, e.g. the scheduler beside the
 * bench probe.
 */
async function workerInspector(pids, worker) {
  for (const pid of pids) {
    for (const port of listeningPorts(pid)) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/json/list`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (!res.ok) continue;
        const target = (await res.json()).find((t) => t.id === `core:user:${worker}`);
        if (target) return target.webSocketDebuggerUrl;
      } catch {
        // not an inspector
      }
    }
  }
  throw new Error(`no inspector found for worker ${worker}`);
}

/**
 * Samples a worker isolate's live V8 heap until `stop()`, which resolves to the largest sample
 * in MB: every `everyMs` a full garbage collection (HeapProfiler.collectGarbage), then
 * Runtime.getHeapUsage — what the isolate still holds, not garbage waiting for a collection.
 * The collections slow the run, so a timed run must not be sampled. `connect` finds the
 * inspector again if workerd restarts the isolate (the connection then closes).
 */
async function sampleLiveHeap(connect, everyMs) {
  let peak = 0;
  let samples = 0;
  let reconnects = 0;
  let stopped = false;
  let ws;
  let id = 0;
  const open = async () => {
    const socket = new WebSocket(await connect());
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = () => reject(new Error('inspector did not open'));
    });
    socket.onmessage = (event) => {
      const used = JSON.parse(String(event.data)).result?.usedSize;
      if (typeof used === 'number') {
        samples += 1;
        peak = Math.max(peak, used);
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      reconnects += 1;
      ws = undefined;
      reopen();
    };
    ws = socket;
  };
  // Until it answers again (workerd may still be bringing the isolate back).
  const reopen = async () => {
    while (!stopped) {
      await sleep(250);
      try {
        await open();
        return;
      } catch {
        // not yet
      }
    }
  };
  await open();
  const ask = () => {
    if (!ws) return;
    ws.send(JSON.stringify({ id: ++id, method: 'HeapProfiler.collectGarbage' }));
    ws.send(JSON.stringify({ id: ++id, method: 'Runtime.getHeapUsage' }));
  };
  ask();
  const timer = setInterval(ask, everyMs);
  return {
    /** Resolves at the first sample: start the measured work after it. */
    async ready() {
      for (let waited = 0; samples === 0; waited += 50) {
        if (waited > 20_000) throw new Error('the inspector gave no heap sample in 20 s');
        await sleep(50);
      }
    },
    async stop() {
      clearInterval(timer);
      ask();
      await sleep(500);
      stopped = true;
      ws?.close();
      console.error(`  live heap: ${samples} samples, ${reconnects} reconnects`);
      return samples === 0 ? Number.NaN : peak / (1024 * 1024);
    },
  };
}

/**
 * `wrangler dev` with the given configs (the first one answers on `port`), a local D1 at
 * `persistDir`, in its own process group. Resolves when `readyPath` answers.
 */
export async function startWrangler({ configs, persistDir, vars = {}, readyPath = '/' }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const args = [
    'dev',
    ...configs.flatMap((c) => ['-c', c]),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    persistDir,
    '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child = spawn(bin('wrangler'), args, {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`wrangler dev did not answer in 120 s:\n${log}`);
    }
    try {
      await fetch(`${url}${readyPath}`);
      break;
    } catch {
      await sleep(300);
    }
  }
  const stopped = new Promise((r) => child.once('exit', r));
  const signal = async (sig) => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
      await Promise.race([stopped, sleep(10_000)]);
    }
  };
  return {
    url,
    log: () => log,
    /** The workerd processes of this session (wrangler runs workerd as a child). */
    workerdPids: () => descendants(child.pid).filter((p) => /^Name:\s+workerd/m.test(status(p))),
    /** Peak resident memory of the session's workerd, MB (VmHWM: since the process started). */
    peakRssMb() {
      const kb = this.workerdPids().map((p) => Number(status(p).match(/VmHWM:\s+(\d+)/)?.[1] ?? 0));
      return Math.max(0, ...kb) / 1024;
    },
    /** Starts sampling the live heap of `worker`'s isolate; `stop()` gives the peak in MB. */
    async liveHeapSampler(worker, everyMs = 250) {
      return sampleLiveHeap(() => workerInspector(this.workerdPids(), worker), everyMs);
    },
    /** A graceful stop. */
    stop: () => signal('SIGTERM'),
    /** The whole group at once, mid-write: what a crash of the machine does. */
    kill: () => signal('SIGKILL'),
  };
}

export async function json(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return JSON.parse(text);
}

export { existsSync, sleep };

export const PROBE_AND_SCHEDULER = [
  'bench/workers/probe/wrangler.toml',
  'workers/scheduler/wrangler.toml',
];

/** Polls the probe worker until the cycle's scoring work is done (or `until` says stop). */
export async function waitScored(
  url,
  cycleId,
  { until, every = 200, timeoutMs = 15 * 60_000 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await json(`${url}/progress?cycle=${cycleId}`);
    if (p.done || until?.(p)) return p;
    if (Date.now() > deadline) throw new Error(`scoring did not finish: ${JSON.stringify(p)}`);
    await sleep(every);
  }
}

const scored = new Map();

/** The fixture after one full scheduler run (scorecards to read), made once per size. */
export async function scoredFixtureState(units) {
  if (scored.has(units)) return scored.get(units);
  const template = await fixtureState(units);
  const dir = freshState(template, `scored-${units}`);
  const w = await startWrangler({ configs: PROBE_AND_SCHEDULER, persistDir: dir });
  try {
    await json(`${w.url}/tick`, { method: 'POST' });
    await waitScored(w.url, template.fixture.cycleId);
  } finally {
    await w.stop();
  }
  const state = { dir, fixture: template.fixture };
  scored.set(units, state);
  return state;
}
