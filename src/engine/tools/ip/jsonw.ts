/**
 * iproute2's JSON writer (lib/json_writer.c) for plain JS values: compact
 * output is plain JSON; `-p` output reproduces its peculiar pretty layout
 * (`[ {`, four-space indents, `[ "a","b" ]`, `} ]`). Keys print in
 * insertion order, which the callers keep as iproute2 prints them.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

class Writer {
  out = '';
  private depth = 0;
  private sep = '';
  constructor(private readonly pretty: boolean) {}

  private eor(): void {
    if (this.sep) this.out += this.sep;
    this.sep = ',';
  }

  private eol(): void {
    if (this.pretty) this.out += `\n${'    '.repeat(this.depth)}`;
  }

  private begin(c: string): void {
    this.eor();
    this.out += c;
    this.depth++;
    this.sep = '';
  }

  private end(c: string): void {
    this.depth--;
    if (this.sep) this.eol();
    this.out += c;
    this.sep = ',';
  }

  value(v: JsonValue): void {
    if (Array.isArray(v)) {
      this.begin('[');
      if (this.pretty) this.out += ' ';
      for (const item of v) this.value(item);
      if (this.pretty && this.sep) this.out += ' ';
      this.sep = '';
      this.end(']');
    } else if (v !== null && typeof v === 'object') {
      this.begin('{');
      for (const [k, item] of Object.entries(v)) {
        this.eor();
        this.eol();
        this.sep = '';
        this.out += `${JSON.stringify(k)}:${this.pretty ? ' ' : ''}`;
        this.value(item);
      }
      this.end('}');
    } else {
      this.eor();
      this.out += JSON.stringify(v);
    }
  }
}

/** The whole output of `ip -j [-p]`, newline included. */
export function jsonOutput(v: JsonValue, pretty: boolean): string {
  const w = new Writer(pretty);
  w.value(v);
  return `${w.out}\n`;
}
