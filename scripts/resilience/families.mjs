// Which families of RESILIENCE.md each row of the `pnpm test:resilience` table holds, and
// which existing test files' requests count for which family. Tests that measure attach
// their own records (record.ts); the requests every other listed file sends through
// test/http.ts call() are counted per test and land in its file's family here.

/** The table's groups, in order, with their families. */
export const GROUPS = [
  {
    key: 'requests',
    label: '请求 requests tried',
    families: [
      ['tokens', '令牌 tokens'],
      ['secrets', '客户端密钥 client secrets'],
      ['authz', '对象级授权 object-level authz'],
      ['concurrency', '并发 concurrency (If-Match, Idempotency-Key)'],
      ['limits', '限额 limits (paging, rate)'],
    ],
  },
  {
    key: 'bad-input',
    label: '错误输入 bad inputs tried',
    families: [
      ['domain', '业务取值 domain values'],
      ['shapes', '形状与大小 shapes and sizes'],
      ['evidence', '佐证材料 evidence files'],
      ['imports', 'CSV 与考核包 CSV imports, pack files'],
    ],
  },
  {
    key: 'faults',
    label: '故障注入 faults injected',
    families: [
      ['d1-write', 'D1 写入故障 D1 write faults (every call k)'],
      ['d1-transient', 'D1 瞬时与过载 transient D1, overload'],
      ['scheduler', '评分运行故障 scheduler run faults (every call k)'],
      ['queue', '队列重复投递 queue duplicates'],
      ['clock-skew', '时钟偏差 clock skew (tokens, leases)'],
    ],
  },
  {
    key: 'load',
    label: '负载 load held',
    families: [
      ['soak', '浸泡 soak (3 tenants, 60 s)'],
      ['pull-50', '50 个客户端拉取评分 50 clients pulling scores'],
      ['pull-200', '200 个客户端拉取评分 200 clients pulling scores'],
      ['reads-idle', '空闲时读取 reads, idle'],
      ['reads-during-run', '评分运行中读取 reads during a scoring run'],
      ['deadline-burst', '截止前突发保存 deadline burst (ETags)'],
    ],
  },
];

/**
 * Existing test files whose requests count, by family (paths from the repository root).
 * Their own assertions hold each request to its answer and the database to no change.
 */
export const COUNTED_FILES = [
  [/^workers\/api\/src\/auth\/tokens\.security\.test\.ts$/, 'tokens'],
  [/^workers\/api\/src\/routes\/auth\/auth\.error\.test\.ts$/, 'tokens'],
  [/^workers\/api\/src\/routes\/oauth\/oauth\.security\.test\.ts$/, 'secrets'],
  [/^workers\/api\/test\/secrets-in-logs\.security\.test\.ts$/, 'secrets'],
  [/^workers\/api\/test\/(isolation|roles)\.security\.test\.ts$/, 'authz'],
  [/^workers\/api\/src\/routes\/[^/]+\/[^/]+\.security\.test\.ts$/, 'authz'],
  [/^workers\/api\/src\/lib\/(idempotency|etag)\.test\.ts$/, 'concurrency'],
  [/^workers\/api\/test\/rate-limits\.security\.test\.ts$/, 'limits'],
  [/^workers\/api\/src\/lib\/pagination\.test\.ts$/, 'limits'],
  [/^workers\/api\/src\/routes\/[^/]+\/[^/]+\.error\.test\.ts$/, 'domain'],
  [/^workers\/api\/test\/bad-input\.error\.test\.ts$/, 'shapes'],
  [/^workers\/api\/src\/lib\/body-guards\.test\.ts$/, 'shapes'],
  [/^workers\/api\/src\/routes\/evidence\/evidence\.test\.ts$/, 'evidence'],
  [/^workers\/api\/src\/routes\/org-units\/org-units-import\.test\.ts$/, 'imports'],
];

/** The family a file's counted requests belong to, if any. */
export function familyOfFile(file) {
  return COUNTED_FILES.find(([pattern]) => pattern.test(file))?.[1];
}

/** What `pnpm test:resilience` runs when it has no fresh results from `pnpm test`. */
export const SUITES = [
  {
    name: 'api',
    cwd: 'workers/api',
    // vitest filters: the resilience suites, the counted files.
    files: [
      'test/resilience/',
      '.security.test.ts',
      '.error.test.ts',
      'src/lib/',
      'src/routes/evidence/evidence.test.ts',
      'src/routes/org-units/org-units-import.test.ts',
    ],
  },
  {
    name: 'scheduler',
    cwd: 'workers/scheduler',
    files: ['test/resilience/', 'src/run/faults.test.ts'],
  },
  { name: 'load', cwd: '.', config: 'workers/api/load/vitest.config.ts', files: [] },
];
