// Export a tenant to a file, or restore such a file into a freshly signed-up tenant, through
// the API (docs/operations.md, "Export and restore"):
//
//   KAOPING_PASSWORD=… node workers/api/scripts/tenant-data.mjs export \
//     --origin https://kaoping.example.gov.cn --tenant gz-conghua --email admin@… --out conghua.ndjson
//   KAOPING_PASSWORD=… node workers/api/scripts/tenant-data.mjs restore \
//     --origin https://kaoping.example.gov.cn --tenant gz-conghua-restored --email admin@… --in conghua.ndjson
//
// The file holds one export page per line, in order, exactly as GET /v1/tenant/export gave
// them. The password comes from the environment, never the command line (shell history).
// Signs in as the given admin (refreshing the 15-minute access token as it goes). Prints
// progress on stderr; nothing secret is printed.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [command, ...rest] = process.argv.slice(2);
const args = {};
for (let i = 0; i < rest.length; i += 2) args[rest[i].replace(/^--/, '')] = rest[i + 1];
const password = process.env.KAOPING_PASSWORD;

function usage(message) {
  if (message) console.error(message);
  console.error(
    'usage: KAOPING_PASSWORD=… tenant-data.mjs export --origin URL --tenant SLUG --email EMAIL --out FILE [--limit N]\n' +
      '       KAOPING_PASSWORD=… tenant-data.mjs restore --origin URL --tenant SLUG --email EMAIL --in FILE',
  );
  process.exit(2);
}

if (!['export', 'restore'].includes(command)) usage();
for (const need of ['origin', 'tenant', 'email', command === 'export' ? 'out' : 'in']) {
  if (!args[need]) usage(`missing --${need}`);
}
if (!password) usage('set KAOPING_PASSWORD in the environment');

let session;

async function signIn() {
  const res = await fetch(`${args.origin}/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: args.tenant, email: args.email, password }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const body = await res.json();
  session = { token: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
}

async function api(path, init = {}) {
  if (!session || Date.now() > session.until) await signIn();
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${args.origin}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${session.token}` },
    });
    if ((res.status === 429 || res.status === 503) && attempt < 6) {
      const wait = Number(res.headers.get('retry-after') ?? '5');
      console.error(`  ${res.status}: waiting ${wait} s`);
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  }
}

if (command === 'export') {
  const out = createWriteStream(args.out, { flags: 'wx' });
  let cursor = null;
  let pages = 0;
  const limit = args.limit ? `limit=${Number(args.limit)}&` : '';
  do {
    const page = await api(
      `/v1/tenant/export?${limit}${cursor ? `cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.write(`${JSON.stringify(page)}\n`);
    pages++;
    const rows = (page.sections ?? []).reduce((n, s) => n + s.rows.length, 0);
    console.error(`page ${page.page} ${page.kind}${rows ? ` (${rows} rows)` : ''}`);
    if (page.kind === 'end' && !page.end.consistent) {
      console.error(
        `warning: ${page.end.changes_during_export} changes were made while exporting; a restore will refuse this file. Export again when no one is working.`,
      );
    }
    cursor = page.next_cursor;
  } while (cursor);
  await new Promise((resolve) => out.end(resolve));
  console.error(`${pages} pages written to ${args.out}`);
} else {
  const lines = createInterface({ input: createReadStream(args.in), crlfDelay: Infinity });
  let last;
  for await (const line of lines) {
    if (!line.trim()) continue;
    last = await api('/v1/tenant/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: line,
    });
    console.error(`page ${last.page}: ${last.status}`);
  }
  if (last?.status !== 'complete' && last?.status !== 'already_applied') {
    console.error('the file ended before its end page: the restore is not complete');
    process.exit(1);
  }
  console.error(
    `restored: ${JSON.stringify(last.restored)}; evidence copied ${last.evidence.copied}, missing ${last.evidence.missing}; ${last.people_to_invite} people to invite again`,
  );
}
