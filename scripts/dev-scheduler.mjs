// Scoring while `pnpm dev` runs. wrangler dev fires no cron triggers, and in a session of
// several configs only the first config's worker (the api) is reachable from outside. So this
// POSTs the api's /__dev/tick every SCHEDULER_TICK_SECONDS (default 30; 0 turns it off); the
// api passes it to the scheduler of the same session through its SCHEDULER service binding
// (workers/api/src/routes/dev). Both routes answer 404 unless ENVIRONMENT is "development"
// (production sets "production").
//
// One session, one workerd, one holder of the local D1: an earlier version ran the scheduler
// as a second `wrangler dev` on the same --persist-to, and the api's writes then failed now
// and then with SQLITE_BUSY ("database is locked") while the other process scored.

export function startSchedulerTicker({
  origin,
  seconds = Number(process.env.SCHEDULER_TICK_SECONDS ?? 30),
}) {
  if (!seconds) return { stop() {} };
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(`${origin}/__dev/tick`, { method: 'POST' });
      const outcome = response.ok ? await response.json() : null;
      if (outcome?.outcome === 'ran') {
        console.log(
          `[scheduler] 评分 scored ${outcome.scored} · 分片 chunks ${outcome.chunks} · 汇总 rollups ${outcome.rollups} · 逾期 flags ${outcome.flagged}`,
        );
      } else if (!response.ok) {
        console.error(`[scheduler] tick answered ${response.status}`);
      }
    } catch {
      // Still starting, or stopped: try again next time.
    } finally {
      busy = false;
    }
  }, seconds * 1000);
  console.log(
    `⏱ scheduler ticks every ${seconds}s through ${origin}/__dev/tick (SCHEDULER_TICK_SECONDS=0 turns it off)`,
  );
  const stop = () => clearInterval(timer);
  process.on('exit', stop);
  return { stop };
}
