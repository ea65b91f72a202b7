// Scoring while `pnpm dev` runs. wrangler dev fires no cron triggers, and in a session of
// several configs only the first config's worker (the api) is reachable — /__scheduled never
// gets to the scheduler. So the scheduler also runs on its own here (same local D1 through
// --persist-to, its own port) and is ticked every SCHEDULER_TICK_SECONDS (default 30; 0 turns
// it off) through its POST /__dev/tick, which answers 404 unless ENVIRONMENT is "development"
// (production sets "production"). The scheduler inside the api's session stays: it consumes
// what the api sends to the scoring queue; this one's fan-outs go to its own local queue and
// consumer. The lease keeps the two from scoring the same rows at once. It starts once the
// main session answers (two wrangler sessions starting at once can race for a local socket).
import { spawn } from 'node:child_process';
import { bin, childEnv, persistTo, root } from './lib.mjs';
// A port nothing listens on (the main session's inspector takes 9229 and the next ones).
import { freePort } from './wrangler-session.mjs';

async function answers(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

export function startSchedulerTicker({
  port,
  waitFor,
  persistDir = persistTo,
  seconds = Number(process.env.SCHEDULER_TICK_SECONDS ?? 30),
  // In its own process group, stopped whole (wrangler and its workerd): for callers that stop
  // it themselves, like the browser tests, rather than with the terminal's Ctrl-C.
  detached = false,
}) {
  if (!seconds) return { stop() {} };
  let child;
  let timer;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    if (detached && child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    } else {
      child?.kill();
    }
  };
  process.on('exit', stop);
  (async () => {
    while (!stopped && !(await answers(waitFor))) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    if (!stopped) start(await freePort());
  })();
  const start = (inspectorPort) => {
    child = spawn(
      bin('wrangler'),
      [
        'dev',
        '-c',
        'workers/scheduler/wrangler.toml',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--inspector-port',
        String(inspectorPort),
        '--persist-to',
        persistDir,
        '--show-interactive-dev-session=false',
      ],
      { cwd: root, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], detached },
    );
    // Its start-up chatter repeats the api's; only errors are shown.
    child.stderr.on('data', (chunk) => {
      const text = String(chunk);
      if (/ERROR|✘/.test(text)) process.stderr.write(`[scheduler] ${text}`);
    });
    let busy = false;
    timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/__dev/tick`, { method: 'POST' });
        const outcome = response.ok ? await response.json() : null;
        if (outcome?.outcome === 'ran') {
          console.log(
            `[scheduler] 评分 scored ${outcome.scored} · 分片 chunks ${outcome.chunks} · 汇总 rollups ${outcome.rollups} · 逾期 flags ${outcome.flagged}`,
          );
        }
      } catch {
        // Still starting, or stopped: try again next time.
      } finally {
        busy = false;
      }
    }, seconds * 1000);
    console.log(
      `⏱ scheduler ticks every ${seconds}s on http://127.0.0.1:${port}/__dev/tick (SCHEDULER_TICK_SECONDS=0 turns it off)`,
    );
  };
  return { stop };
}
