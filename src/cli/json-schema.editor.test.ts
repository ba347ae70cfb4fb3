/**
 * The JSON Schema as the editor uses it: the shipped scenarios, `${var}`
 * references included, must raise no marker, and real mistakes must.
 * (ajv 6 stands in for the yaml-language-server; it is here through eslint.)
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../engine/scenario/json-schema';

const validate = new Ajv({ allErrors: true, strict: false } as never).compile(scenarioJsonSchema());

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

const SHIPPED = ['scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'test/golden/web01.yaml'];

describe('scenario JSON Schema in the editor', () => {
  it.each(SHIPPED)('accepts %s as written', (file) => {
    expect(errorsOf(parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('accepts ${var} references in patterned strings and in numbers', () => {
    const doc = parse(readFileSync(SHIPPED[0] as string, 'utf8')) as Record<string, unknown>;
    doc.estimated_minutes = '${minutes}';
    (doc.host as Record<string, unknown>).hostname = '${host_name}';
    expect(errorsOf(doc)).toEqual([]);
  });

  it('still flags wrong values and bad names', () => {
    const doc = parse(readFileSync(SHIPPED[0] as string, 'utf8')) as Record<string, unknown>;
    doc.estimated_minutes = 'soon';
    doc.vars = { 'Bad-Name': { kind: 'ipv4' } };
    (doc.host as Record<string, unknown>).hostname = 'no spaces allowed';
    expect(errorsOf(doc).length).toBeGreaterThanOrEqual(3);
    expect(errorsOf(doc)).toContain(".vars property name 'Bad-Name' is invalid");
  });
});
