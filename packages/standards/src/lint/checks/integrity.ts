import { findPackProblems } from '../../pack-integrity.ts';
import { finding, type LintCheck } from '../lint-finding.ts';

// What the engine itself refuses (types of expressions, switch cases, self-dependent metrics,
// …): every integrity problem is a lint error. Those another check words more precisely
// (unknown names, duplicate ids) are left to it — see lintPack.

export const integrityCheck: LintCheck = {
  id: 'integrity',
  run({ pack }) {
    return findPackProblems(pack).map((p) =>
      finding('integrity', 'error', p.path, p.message.zh, p.message.en),
    );
  },
};
