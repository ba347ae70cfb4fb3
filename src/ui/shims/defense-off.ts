/**
 * just-bash's defense in depth, as it behaves in a browser. The guard
 * patches the JavaScript globals while a script runs and tracks which code
 * is trusted through Node's AsyncLocalStorage; without that (in a browser,
 * where `__BROWSER__` is set) every one of its entry points runs the work
 * it is given as it is, and activating it hands back a handle that only
 * remembers being closed. The browser build puts this module in the place
 * of that chunk (vite.config.ts), so the page does not download the Node
 * side it never runs. In Node, the CLI and the tests, the real guard runs.
 *
 * Its exports carry the chunk's own short names: `a` the violation error,
 * `b` the box.
 */

interface Violation {
  type: string;
  message?: string;
}

class SecurityViolationError extends Error {
  readonly violation: Violation;

  constructor(message: string, violation: Violation) {
    super(message);
    this.violation = violation;
    this.name = 'SecurityViolationError';
  }
}

let handles = 0;

class DefenseInDepthBox {
  private static instance: DefenseInDepthBox | null = null;

  static getInstance(): DefenseInDepthBox {
    DefenseInDepthBox.instance ??= new DefenseInDepthBox();
    return DefenseInDepthBox.instance;
  }

  static resetInstance(): void {
    DefenseInDepthBox.instance = null;
  }

  static runTrusted<T>(work: () => T): T {
    return work();
  }

  static runTrustedAsync<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  static runUntrusted<T>(work: () => T): T {
    return work();
  }

  static runUntrustedAsync<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  static bindCurrentContext<F>(fn: F): F {
    return fn;
  }

  static isInSandboxedContext(): boolean {
    return false;
  }

  static getCurrentExecutionId(): string | undefined {
    return undefined;
  }

  static enterTrustedScope(): void {}

  static leaveTrustedScope(): void {}

  static isTrustedScopeActive(): boolean {
    return false;
  }

  static isTrustedContext(context?: { trusted?: boolean; forceUntrusted?: boolean }): boolean {
    return !!context && !context.forceUntrusted && context.trusted === true;
  }

  /** What the real box reports without AsyncLocalStorage: protection unsupported here. */
  getStatus(): { requested: string; state: 'unsupported'; level: 'none'; reason: string } {
    return { requested: 'enabled', state: 'unsupported', level: 'none', reason: 'the browser has no AsyncLocalStorage' };
  }

  isEnabled(): boolean {
    return false;
  }

  updateConfig(): void {}

  getStats(): { violationsBlocked: number; violations: never[]; activeTimeMs: number } {
    return { violationsBlocked: 0, violations: [], activeTimeMs: 0 };
  }

  getPatchFailures(): never[] {
    return [];
  }

  clearViolations(): void {}

  isExecutionIdActive(): boolean {
    return false;
  }

  getCachedContext(): undefined {
    return undefined;
  }

  shouldBlock(): boolean {
    return false;
  }

  shouldAudit(): boolean {
    return false;
  }

  activate(): { run<T>(work: () => Promise<T>): Promise<T>; deactivate(): void; executionId: string } {
    let closed = false;
    handles += 1;
    return {
      run: (work) => (closed ? Promise.reject(new Error('DefenseInDepthBox handle is deactivated and cannot run new work')) : work()),
      deactivate: () => {
        closed = true;
      },
      executionId: `browser-${handles}`,
    };
  }

  deactivate(): void {}

  forceDeactivate(): void {}

  isActive(): boolean {
    return false;
  }
}

export { SecurityViolationError as a, DefenseInDepthBox as b };
