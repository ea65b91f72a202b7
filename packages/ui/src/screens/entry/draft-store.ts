// Unsaved typing for one submission, kept in this tab's sessionStorage until it is saved: a
// reload, a refused save or a lost connection loses nothing. Only what differs from the
// stored values is kept, with the ETag it was typed against.
import type { Raw } from './input-form.ts';

export interface UnsavedDraft {
  /** The submission's ETag when the typing started (to tell a stale draft). */
  etag: string;
  /** The stage the values were typed at. */
  stage: string;
  raws: Record<string, Raw>;
  reason: string;
  savedAt: string;
}

const key = (submissionId: string) => `kaoping.draft.${submissionId}`;

export function readDraft(submissionId: string): UnsavedDraft | null {
  try {
    const text = sessionStorage.getItem(key(submissionId));
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<UnsavedDraft>;
    if (typeof draft.etag !== 'string' || typeof draft.raws !== 'object' || !draft.raws) {
      return null;
    }
    return {
      etag: draft.etag,
      stage: typeof draft.stage === 'string' ? draft.stage : '',
      raws: draft.raws as Record<string, Raw>,
      reason: typeof draft.reason === 'string' ? draft.reason : '',
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  } catch {
    return null;
  }
}

export function writeDraft(submissionId: string, draft: Omit<UnsavedDraft, 'savedAt'>): void {
  try {
    if (Object.keys(draft.raws).length === 0 && !draft.reason) {
      sessionStorage.removeItem(key(submissionId));
      return;
    }
    sessionStorage.setItem(
      key(submissionId),
      JSON.stringify({ ...draft, savedAt: new Date().toISOString() }),
    );
  } catch {
    // storage full or refused: the typing still lives in the page
  }
}

export function clearDraft(submissionId: string): void {
  try {
    sessionStorage.removeItem(key(submissionId));
  } catch {
    // nothing stored
  }
}
