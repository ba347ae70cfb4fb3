import { describe, expect, it } from 'vitest';
import { GOOD, brief, loadStandIn, only } from '../../../test/unit/scenario-stand-in';

describe('loadScenario: YAML syntax and document shape', () => {
  it('reports an unclosed flow list at the line after it', () => {
    expect(only('id: x\ntitle: [a, b\nhost: {}\n')).toBe(
      '3:1-3:2 Flow sequence in block collection must be sufficiently indented and end with a ]'
      + ' | close the `[` or `{` opened above, or indent its continuation',
    );
  });

  it('reports an unclosed quote', () => {
    expect(only('id: "abc\ntitle: x\n')).toBe(
      '3:1-3:2 Missing closing "quote | close the quote or bracket that was opened before this point',
    );
  });

  it('reports a duplicate key at the second one, naming the first', () => {
    const text = GOOD.replace('  hostname: web01\n', '  hostname: web01\n  hostname: db01\n');
    expect(only(text)).toBe(
      '5:3-5:11 duplicate key `hostname` (first defined on line 4)'
      + ' | keep one of the entries; YAML does not merge repeated keys',
    );
  });

  it('refuses tabs used for indentation', () => {
    expect(only('id: x\nhost:\n\thostname: a\n')).toBe(
      '3:1-3:2 tabs are not allowed for indentation in YAML | indent with spaces',
    );
  });

  it('refuses a second document', () => {
    expect(only(GOOD + '---\nid: y\n')).toBe(
      '18:1-18:4 the file contains more than one YAML document (a second `---`)'
      + ' | keep one scenario per file, or remove the extra `---` line',
    );
  });

  it('refuses an alias to an undefined anchor', () => {
    expect(only('id: *nope\n')).toBe(
      '1:5-1:10 unknown alias `*nope` | define the anchor `&nope` on a value above this line',
    );
  });

  it('explains an empty file', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '\uFEFF']) {
      expect(only(text)).toBe(
        '1:1-1:1 the file is empty: a scenario is a mapping with `id:`, `title:`, `host:` ...'
        + ' | start from one of the shipped scenarios in scenarios/',
      );
    }
  });

  it('explains a file that is a list or a single value', () => {
    expect(only('- id: x\n- id: y\n')).toBe(
      '1:3-1:5 the file is a list, but a scenario must be a mapping of keys (`id:`, `title:`, ...)'
      + ' | remove the leading `- ` or write the scenario as `key: value` lines',
    );
    expect(only('just words\n')).toBe(
      '1:1-1:11 the file is a single value, but a scenario must be a mapping of keys'
      + ' (`id:`, `title:`, ...) | remove the leading `- ` or write the scenario as `key: value` lines',
    );
  });

  it('reads YAML 1.2: yes stays text, 010 is ten', () => {
    expect(only(GOOD.replace('user: deploy', 'user: yes'))).toBe('OK');
    expect(only(GOOD.replace('port: 22', 'port: 010'))).toBe('OK');
    expect(only(GOOD.replace('user: deploy', 'user: no').replace('id: demo', 'id: on'))).toBe('OK');
  });

  it('accepts a byte order mark and keeps positions as the editor shows them', () => {
    expect(only('\uFEFF' + GOOD)).toBe('OK');
    expect(only('\uFEFF' + GOOD.replace('port: 22', 'port: ssh'))).toBe(
      '7:13-7:16 expected a port number (1-65535), got "ssh"',
    );
  });

  it('accepts CRLF line endings with the same positions', () => {
    const crlf = GOOD.replace(/\n/g, '\r\n');
    expect(only(crlf)).toBe('OK');
    expect(only(crlf.replace('port: 22', 'port: ssh'))).toBe(
      '7:13-7:16 expected a port number (1-65535), got "ssh"',
    );
  });

  it('warns about a custom tag and reads the value as text', () => {
    const result = loadStandIn(GOOD.replace('user: deploy', 'user: !!js/function deploy'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => `${w.severity} ${w.line}:${w.col} ${w.message}`)).toEqual([
      'warning 12:11 Unresolved tag: tag:yaml.org,2002:js/function; the value is read as plain text',
    ]);
  });

  it('refuses a %YAML 1.1 directive, which would change how values read', () => {
    expect(only('%YAML 1.1\n---\n' + GOOD)).toBe(
      '1:1-1:10 the file asks for YAML 1.1; scenarios are read as YAML 1.2'
      + ' | remove the `%YAML 1.1` line',
    );
    expect(only('%YAML 1.2\n---\n' + GOOD)).toBe('OK');
  });

  it('points a problem inside an aliased mapping at the anchored value, once', () => {
    const services = '    - &svc {name: sshd, port: ssh}\n    - *svc\n';
    const text = GOOD.replace('    - name: sshd\n      port: 22\n', services);
    expect(only(text)).toBe('6:31-6:34 expected a port number (1-65535), got "ssh"');
  });

  it('warns about text that was not valid UTF-8', () => {
    const result = loadStandIn(GOOD.replace('Demo scenario', 'Demo \uFFFDscenario\uFFFD'));
    expect(result.ok && result.warnings.map(brief)).toEqual([
      '2:13-2:14 the file contains U+FFFD, the mark of text that was not valid UTF-8'
      + ' | save the file as UTF-8 and retype the character shown here',
    ]);
  });
});
