/**
 * The fact table and the state checks as Markdown, for the authoring
 * reference. Generated from the tables themselves, so it cannot drift.
 */
import { FACTS } from './facts';
import { STATE_CHECKS } from './state';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function factTableMarkdown(): string {
  const rows = Object.entries(FACTS).map(([name, f]) => {
    const yields = 'element' in f && f.element ? `set of ${f.element}` : f.yields;
    const needs = f.needs.length ? f.needs.map((n) => `\`${n}\``).join(', ') : '—';
    return `| \`${name}\` | ${yields} | ${needs} | \`${cell(f.shownBy)}\` | ${cell(f.description)} |`;
  });
  return ['| fact | gives | needs | shown by | what it is |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function stateCheckMarkdown(): string {
  const rows = Object.entries(STATE_CHECKS).map(([name, c]) => {
    const needs = c.needs.map((n) => `\`${n}\``).join(', ');
    return `| \`${name}\` | ${needs} | \`${cell(c.shownBy)}\` | ${cell(c.description)} |`;
  });
  return ['| check | needs | shown by | passes when |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
