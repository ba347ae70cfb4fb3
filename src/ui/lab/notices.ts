/**
 * The messages a lab shows in a strip above the terminal. Each has a key,
 * so a message is shown once however often its cause repeats, and can be
 * taken back when the cause is gone (a save that works again).
 */
export interface Notice {
  key: string;
  text: string;
  /** An error is announced at once (role=alert); a warning politely (role=status). */
  tone: 'error' | 'warning';
  /** A button besides Dismiss: "Continue here" takes the lab over from another tab. */
  action?: 'take-over';
}

/** The list with `notice` in it: replacing one with the same key, or added at the end. */
export function withNotice(list: readonly Notice[], notice: Notice): Notice[] {
  const i = list.findIndex((n) => n.key === notice.key);
  return i < 0 ? [...list, notice] : list.map((n, j) => (j === i ? notice : n));
}

export const withoutNotice = (list: readonly Notice[], key: string): Notice[] => list.filter((n) => n.key !== key);

export const SAVE_FAILED: Notice = {
  key: 'save-failed',
  tone: 'warning',
  text:
    "Your progress can't be saved in this browser (its storage is full or disabled), so it will be lost " +
    'on reload. Finish and export the report to keep a record.',
};

export const OTHER_TAB: Notice = {
  key: 'other-tab',
  tone: 'warning',
  action: 'take-over',
  text: 'This lab is open in another tab, which now keeps its progress. Nothing you do here is saved.',
};
