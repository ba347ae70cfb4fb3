/**
 * Where a lab's saves go, and what the trainee is told about them. Only
 * the tab that owns the lab writes (lab-owner.ts). A save that cannot be
 * written (storage full or disabled) is said once, in the trainee's terms,
 * and not again until a save has worked in between.
 */
import { clearSave, writeProgress, writeSave, type Progress } from '../storage/lab-storage';
import { LabOwnership, type Channel } from '../storage/lab-owner';
import type { SavedLab } from '../storage/saved-lab';
import { OTHER_TAB, SAVE_FAILED, type Notice } from './notices';

export interface SaverNotices {
  show(notice: Notice): void;
  hide(key: string): void;
}

export class LabSaver {
  private warned = false;
  private readonly ownership: LabOwnership;

  constructor(
    private readonly scenarioId: string,
    private readonly seed: number,
    private readonly notices: SaverNotices,
    channel?: Channel,
  ) {
    const lab = `${scenarioId}\n${seed}`;
    this.ownership = new LabOwnership(lab, () => notices.show(OTHER_TAB), channel);
  }

  /** This tab writes the lab from now on; a tab that had it stops. */
  claim(): void {
    this.ownership.claim();
    this.notices.hide(OTHER_TAB.key);
  }

  /** False once another tab has opened the same lab. */
  get writer(): boolean {
    return this.ownership.owner;
  }

  write(save: SavedLab, progress?: Omit<Progress, 'seed'>): void {
    if (!this.writer) return;
    if (!writeSave(save)) {
      if (!this.warned) this.notices.show(SAVE_FAILED);
      this.warned = true;
      return;
    }
    if (this.warned) this.notices.hide(SAVE_FAILED.key);
    this.warned = false;
    if (progress) writeProgress(this.scenarioId, { ...progress, seed: this.seed });
  }

  /** Forgets the saved session, unless another tab now keeps it. */
  clear(): void {
    if (this.writer) clearSave(this.scenarioId, this.seed);
  }

  dispose(): void {
    this.ownership.dispose();
  }
}
