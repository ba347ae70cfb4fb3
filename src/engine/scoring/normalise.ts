/**
 * Typed normalisation of what a trainee types: each parser accepts the
 * spellings an analyst would copy from a tool's output and returns a typed
 * value, or null when the text is not that kind of thing. Nothing throws.
 */

import { MAX_ANSWER_BYTES } from './answer-limit';

/** Answers longer than this (in UTF-8 bytes) are refused. */
export { MAX_ANSWER_BYTES };

// C0 and C1 controls except tab, line feed and carriage return, DEL, and the
// bidirectional overrides that could make an answer read differently.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export type InputCheck = { ok: true; text: string } | { ok: false; message: string };

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

const tooLong = (): InputCheck => ({
  ok: false,
  message: `The answer is longer than ${MAX_ANSWER_BYTES} bytes; shorten it.`,
});

/**
 * The gate every answer passes before it is graded or costs an attempt,
 * whatever the question's kind. The text comes back in Unicode NFKC form,
 * so full-width and other compatibility forms read as their plain
 * characters (`２０３.0.113.192` as `203.0.113.192`, `ｄｅｐｌｏｙ` as
 * `deploy`); the size limit holds before and after that.
 */
export function checkAnswerInput(raw: unknown): InputCheck {
  if (typeof raw !== 'string') {
    return { ok: false, message: 'The answer must be text.' };
  }
  if (raw.length > MAX_ANSWER_BYTES * 4 || utf8Length(raw) > MAX_ANSWER_BYTES) return tooLong();
  const normal = raw.normalize('NFKC');
  if (utf8Length(normal) > MAX_ANSWER_BYTES) return tooLong();
  if (CONTROL.test(normal)) {
    return {
      ok: false,
      message: 'The answer contains control characters; type it as plain text.',
    };
  }
  const text = normal.trim();
  if (text === '') return { ok: false, message: 'The answer is empty.' };
  return { ok: true, text };
}

function unquote(text: string): string {
  const t = text.trim();
  const m = /^(["'`])(.*)\1$/s.exec(t);
  return (m ? (m[2] as string) : t).trim();
}

/** `4444`, `:4444`, `4444/tcp`, `port 4444`. */
export function parsePort(input: string): number | null {
  const m = /^(?:port\s*)?:?(\d{1,5})(?:\s*\/\s*(?:tcp|udp))?$/i.exec(unquote(input));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 65535 ? n : null;
}

/** `22713`, `pid 22713`, `pid=22713` (ss), `22713/bash` (netstat). */
export function parsePid(input: string): number | null {
  const text = unquote(input);
  const m =
    /^(?:pid\s*[=:]?\s*)?(\d{1,7})$/i.exec(text) ?? /^(\d{1,7})\/\S+$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 4194304 ? n : null;
}

/** A process name, from a bare name, a path or a command line. */
export function parseProcessName(input: string): string | null {
  const text = unquote(input);
  const first = text.split(/\s+/)[0] ?? '';
  const base = first.replace(/\/+$/, '').split('/').pop() ?? '';
  const name = base.replace(/^\((.*)\)$/, '$1').replace(/:$/, '');
  if (name === '' || !/^[\w.@+:-]{1,255}$/.test(name)) return null;
  return name.toLowerCase();
}

const UNIT_SECONDS: [RegExp, number][] = [
  [/^(ms|msecs?|millis(econds?)?|milliseconds?)$/, 0.001],
  [/^(s|secs?|seconds?)$/, 1],
  [/^(m|mins?|minutes?)$/, 60],
  [/^(h|hrs?|hours?)$/, 3600],
  [/^(d|days?)$/, 86400],
];

function unitSeconds(unit: string): number | null {
  for (const [re, s] of UNIT_SECONDS) if (re.test(unit)) return s;
  return null;
}

function clockDuration(text: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (!m) return null;
  const h = m[1] === undefined ? 0 : Number(m[1]);
  return h * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

function unitDuration(text: string): number | null {
  const re = /(\d+(?:\.\d+)?)\s*([a-z]*)\s*(?:,|and)?\s*/gy;
  let total = 0;
  let pos = 0;
  let parts = 0;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    const unit = m[2] === '' ? 's' : (m[2] as string);
    const s = unitSeconds(unit);
    if (s === null) return null;
    total += Number(m[1]) * s;
    pos = re.lastIndex;
    parts++;
  }
  return parts > 0 && pos === text.length ? total : null;
}

function isoDuration(text: string): number | null {
  const m = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (!m || text === 'pt') return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/**
 * A duration in seconds: `60`, `60s`, `1m`, `1 minute`, `1m30s`,
 * `00:01:00`, `every 60 seconds`, `PT1M`.
 */
export function parseDuration(input: string): number | null {
  const text = unquote(input)
    .toLowerCase()
    .replace(/^(every|each|about|approx(imately)?|~)\s*/, '')
    .replace(/^(a|an|one)\s+(?=[a-z])/, '1 ')
    .trim();
  return clockDuration(text) ?? isoDuration(text) ?? unitDuration(text);
}

/** A number: `1234`, `1,234`, `12.5`, `-3`, `334488 bytes`, `40%`. */
export function parseNumber(input: string): number | null {
  let text = unquote(input).toLowerCase().replace(/\s*(bytes?|b|%)$/, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * Several items in one answer: a JSON array, or items split on commas,
 * semicolons or new lines, or on white space when there is no such
 * separator. Orderings may use `>` or `->` too.
 */
export function parseList(input: string, ordered = false): string[] {
  const text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const fromJson = jsonList(text);
    if (fromJson) return fromJson;
  }
  const seps = ordered ? /\s*(?:->|=>|>|,|;|\n)\s*/ : /\s*[,;\n]\s*/;
  const items = seps.test(text) ? text.split(seps) : text.split(/\s+/);
  return items.map(unquote).filter((s) => s !== '');
}

function jsonList(text: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return null;
    return parsed.map((v) => String(v).trim()).filter((s) => s !== '');
  } catch {
    return null;
  }
}

/** Case and white space folded, for choice ids and option texts. */
export function foldText(input: string): string {
  return unquote(input).toLowerCase().replace(/\s+/g, ' ');
}
