/**
 * One writer per lab. Every tab that opens a lab (scenario and seed) says
 * so on a BroadcastChannel (same origin, never the network); a tab that
 * held the same lab hears it and stops saving, so an idle older tab cannot
 * overwrite the newer tab's work with its stale copy. "Continue here" in
 * the older tab claims the lab back.
 */
const CHANNEL = 'outbound.labs.v1';

interface Claim {
  type: 'claim';
  lab: string;
  tab: string;
}

/** The part of BroadcastChannel used here, so tests can pass their own. */
export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

function openChannel(): Channel | undefined {
  try {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  } catch {
    return undefined;
  }
}

const isClaim = (m: unknown): m is Claim =>
  typeof m === 'object' && m !== null && (m as Claim).type === 'claim' &&
  typeof (m as Claim).lab === 'string' && typeof (m as Claim).tab === 'string';

export class LabOwnership {
  private writer = true;
  private readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly lab: string,
    /** Another tab opened the same lab: this one no longer saves. */
    private readonly onLost: () => void,
    private readonly channel: Channel | undefined = openChannel(),
  ) {
    channel?.addEventListener('message', (event) => this.hear(event.data));
  }

  /** Whether this tab saves the lab (true until another tab claims it). */
  get owner(): boolean {
    return this.writer;
  }

  /** Makes this tab the writer and tells the others. */
  claim(): void {
    this.writer = true;
    const claim: Claim = { type: 'claim', lab: this.lab, tab: this.tab };
    this.channel?.postMessage(claim);
  }

  private hear(message: unknown): void {
    if (!isClaim(message) || message.lab !== this.lab || message.tab === this.tab || !this.writer) return;
    this.writer = false;
    this.onLost();
  }

  dispose(): void {
    this.channel?.close();
  }
}
