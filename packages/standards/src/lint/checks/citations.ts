import { finding, type LintCheck, type LintFinding } from '../lint-finding.ts';

// Every item cites the source words it encodes (issue 3): a reviewer must be able to put the
// rule beside the sentence. The schema requires the fields; this catches blanks and stand-ins.

const PLACEHOLDER = /^(todo|tbd|fixme|xxx|\?+|…+|\.{3,}|-+|无|待定|待补充)$/i;

export const citationsCheck: LintCheck = {
  id: 'citations',
  run({ pack }) {
    const findings: LintFinding[] = [];
    for (const item of pack.items) {
      const path = `items[${item.id}].source`;
      const file = item.source.file.trim();
      const quote = item.source.quote.trim();
      if (file === '' || PLACEHOLDER.test(file)) {
        findings.push(
          finding(
            'citations',
            'error',
            `${path}.file`,
            `${item.id} 未注明出处文件`,
            `${item.id} does not name its source file`,
          ),
        );
      }
      if (quote === '' || PLACEHOLDER.test(quote)) {
        findings.push(
          finding(
            'citations',
            'error',
            `${path}.quote`,
            `${item.id} 未引用出处原文`,
            `${item.id} does not quote the source words it encodes`,
          ),
        );
      }
    }
    return findings;
  },
};
