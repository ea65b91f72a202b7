// Building the demo seed (three tenants, PBKDF2 hashes for every demo user).
import { demoSeedStatements } from '../../workers/api/src/seed/demo-seed.ts';
import { figure, median, sample, spread } from '../lib.mjs';

export const title = 'demo seed';

export async function run() {
  const times = await sample(() => demoSeedStatements(), { samples: 5, warmup: 1 });
  return [
    figure('demo seed statements built', median(times) * 1000, 'ms', { spread: spread(times) }),
  ];
}
