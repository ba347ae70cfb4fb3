/**
 * A problem found in a scenario document, located by its path in the parsed
 * YAML (["host", "interfaces", 2, "mac"]). The loader turns the path into a
 * line and column. Resolving vars and compiling report problems this way and
 * never throw on bad input.
 */
export type IssuePath = (string | number)[];

export interface PathIssue {
  path: IssuePath;
  /** What is wrong, in the author's terms. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** Defaults to 'error'. */
  severity?: 'error' | 'warning';
}

/** Collects issues while a pass walks the document. */
export class IssueSink {
  readonly issues: PathIssue[] = [];

  error(path: IssuePath, message: string, hint?: string): void {
    this.issues.push(hint === undefined ? { path, message } : { path, message, hint });
  }

  warn(path: IssuePath, message: string, hint?: string): void {
    const issue: PathIssue = { path, message, severity: 'warning' };
    if (hint !== undefined) issue.hint = hint;
    this.issues.push(issue);
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity !== 'warning');
  }
}
