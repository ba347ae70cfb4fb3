/**
 * Command output (live and restored) on its way to xterm. Only text, line
 * breaks, tabs, backspace and colours (SGR) pass: string commands (OSC
 * titles and links, DCS, APC, PM, SOS), every other CSI sequence (clear,
 * alternate screen, cursor moves and hiding, modes), other ESC sequences
 * (reset, charsets) and C1 controls are dropped, and the "concealed" SGR
 * attribute is removed, so saved output cannot blank or take over the screen.
 */

const STRING_COMMAND = /\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x90\x9d\x9e\x9f\x98][^\x07\x9c]*\x9c?/g;
const CSI = /(?:\x1b\[|\x9b)([0-?]*)([ -/]*)([@-~])?/g;
const OTHER_ESC = /\x1b(?:[ -/]*[0-~])?/g;
const CONTROLS = /[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]/g;

/** SGR parameters without 8 (conceal); extended colours (38/48/58 ;5;n or ;2;r;g;b) are kept whole. */
function visibleSgr(params: string): string | null {
  const parts = params.split(';');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const p = parts[i]!;
    if (p === '38' || p === '48' || p === '58') {
      const span = parts[i + 1] === '5' ? 2 : parts[i + 1] === '2' ? 4 : 0;
      out.push(...parts.slice(i, i + span + 1));
      i += span;
    } else if (Number(p) !== 8 || p === '') {
      out.push(p);
    }
  }
  return out.length ? out.join(';') : null;
}

function csi(_all: string, params: string, inter: string, final: string | undefined): string {
  if (final !== 'm' || inter || !/^[0-9;:]*$/.test(params)) return '';
  if (params === '') return '\x1b[m';
  const kept = visibleSgr(params);
  return kept === null ? '' : `\x1b[${kept}m`;
}

export function safeOutput(text: string): string {
  return text
    .replace(STRING_COMMAND, '')
    .replace(CSI, csi)
    .replace(OTHER_ESC, (seq) => (seq.startsWith('\x1b[') ? seq : ''))
    .replace(CONTROLS, '');
}
