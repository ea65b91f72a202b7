import { writeFileSync } from 'node:fs';
import { currentOracle, ORACLE_FILE, type OracleFile } from './engine-oracle.ts';

// Freezes the engine's current output as the oracle (see engine-oracle.ts). Run from the repo
// root: node packages/standards/test/write-engine-oracle.ts

const cases = currentOracle();
const file: OracleFile = {
  note: 'Engine oracle: case → input hash:output hash. Written by test/write-engine-oracle.ts.',
  cases,
};
writeFileSync(ORACLE_FILE, `${JSON.stringify(file, null, 2)}\n`);
console.log(`${Object.keys(cases).length} cases written to ${ORACLE_FILE.pathname}`);
