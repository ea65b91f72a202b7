#!/usr/bin/env node
// Pull Kaoping scores incrementally: a client-credentials token, then every change after the
// cursor saved last time, then the new cursor saved — only after the changes were handled, so
// a crash in between pulls them again rather than losing them. docs/api.md walks through it;
// workers/api/src/routes/scores/pull-scores-example.test.ts runs it against the real worker.
//
//   KAOPING_URL=https://kaoping.example.gov.cn \
//   KAOPING_CLIENT_ID=cli_… KAOPING_CLIENT_SECRET=kps_… \
//   node docs/examples/pull-scores.mjs [cursor-file] [cycle-id]
//
// Prints one JSON line per change. Node 18+ (global fetch); no dependencies.

/** A client-credentials access token (RFC 6749 §4.4): HTTP Basic, form-encoded body. */
export async function fetchToken({ baseUrl, clientId, clientSecret, fetch = globalThis.fetch }) {
  const res = await fetch(`${baseUrl}/v1/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every change after `cursor` (none: from the beginning), page by page until has_more is false.
 * `onChange(change)` runs for each, in order. Returns the cursor to save for next time.
 */
export async function pullChanges({
  baseUrl,
  clientId,
  clientSecret,
  cursor = null,
  cycleId = null,
  view = 'full',
  onChange,
  fetch = globalThis.fetch,
}) {
  let auth = await fetchToken({ baseUrl, clientId, clientSecret, fetch });
  let pulled = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: '100', view });
    if (cursor) query.set('cursor', cursor);
    if (cycleId) query.set('cycle_id', cycleId);
    if (Date.now() > auth.expiresAt - 30_000) {
      auth = await fetchToken({ baseUrl, clientId, clientSecret, fetch });
    }
    const res = await fetch(`${baseUrl}/v1/scores/changes?${query}`, {
      headers: { authorization: `Bearer ${auth.token}` },
    });
    if (res.status === 401) {
      auth = await fetchToken({ baseUrl, clientId, clientSecret, fetch });
      continue;
    }
    if (res.status === 429 || res.status === 503) {
      await sleep(Number(res.headers.get('retry-after') ?? '1') * 1000);
      continue;
    }
    if (!res.ok) throw new Error(`changes: ${res.status} ${await res.text()}`);
    const page = await res.json();
    for (const change of page.items) {
      await onChange(change);
      pulled += 1;
    }
    cursor = page.next_cursor;
    if (!page.has_more) return { cursor, pulled };
  }
}

async function main() {
  const { readFile, rename, writeFile } = await import('node:fs/promises');
  const [cursorFile = '.kaoping-cursor', cycleId = null] = process.argv.slice(2);
  const env = (name) => {
    const value = process.env[name];
    if (!value) throw new Error(`set ${name}`);
    return value;
  };
  const saved = await readFile(cursorFile, 'utf8').then(
    (text) => text.trim() || null,
    () => null,
  );
  const { cursor, pulled } = await pullChanges({
    baseUrl: env('KAOPING_URL').replace(/\/$/, ''),
    clientId: env('KAOPING_CLIENT_ID'),
    clientSecret: env('KAOPING_CLIENT_SECRET'),
    cursor: saved,
    cycleId,
    view: 'summary',
    onChange: (c) =>
      console.log(
        JSON.stringify({
          change: c.change_seq,
          at: c.changed_at,
          unit: c.org_unit.name,
          stage: c.stage,
          total: c.total,
          designation_met: c.designation_met,
          snapshot: c.snapshot_id,
        }),
      ),
  });
  // Write then rename: the cursor file is never half-written.
  await writeFile(`${cursorFile}.tmp`, `${cursor}\n`);
  await rename(`${cursorFile}.tmp`, cursorFile);
  console.error(`${pulled} change(s); cursor saved to ${cursorFile}`);
}

// Run as a script (`node pull-scores.mjs`), not when a test imports it.
const entry = globalThis.process?.argv?.[1]?.replaceAll('\\', '/');
if (
  entry &&
  decodeURIComponent(new URL(import.meta.url).pathname).endsWith(entry.split('/').pop())
) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
