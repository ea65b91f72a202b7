import type { Text } from '../text.ts';
import { finding, type LintCheckId, type LintFinding, type LintSeverity } from './lint-finding.ts';

// A rule checked once per parameter combination reports each problem once, naming the
// combinations it occurs in ("当 创建级别=市级 时").

interface Pending {
  readonly severity: LintSeverity;
  readonly path: string;
  readonly message: Text;
  readonly contexts: Text[];
}

export class ContextFindings {
  private readonly pending = new Map<string, Pending>();
  private readonly check: LintCheckId;

  constructor(check: LintCheckId) {
    this.check = check;
  }

  add(severity: LintSeverity, path: string, message: Text, context: Text | null): void {
    const key = `${severity}\u0000${path}\u0000${message.en}`;
    const known = this.pending.get(key);
    if (known) {
      if (context) known.contexts.push(context);
      return;
    }
    this.pending.set(key, { severity, path, message, contexts: context ? [context] : [] });
  }

  findings(): LintFinding[] {
    return [...this.pending.values()].map((p) => {
      const shown = p.contexts.slice(0, 3);
      const more = p.contexts.length - shown.length;
      const when =
        shown.length === 0
          ? { zh: '', en: '' }
          : {
              zh: `（当${shown.map((c) => c.zh).join('；或')}时${more > 0 ? `，等${p.contexts.length}种情形` : ''}）`,
              en: ` (when ${shown.map((c) => c.en).join('; or ')}${more > 0 ? `, and ${more} more` : ''})`,
            };
      return finding(
        this.check,
        p.severity,
        p.path,
        `${p.message.zh}${when.zh}`,
        `${p.message.en}${when.en}`,
      );
    });
  }
}
