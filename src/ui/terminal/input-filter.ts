/**
 * What reaches the line editor from xterm's onData. Two things never do:
 * the terminal's own reports (device attributes `CSI ? 1 ; 2 c`, cursor
 * position `CSI row ; col R`, mode reports, OSC/DCS replies), which xterm
 * answers through onData when output asked for them; and, in pasted text,
 * control characters other than tab and line breaks (C0, DEL, C1).
 */

const REPORTS = new RegExp(
  [
    '\\x1b\\[[?>=][0-9;]*[a-zA-Z$]*', // private-marker CSI: DA1/DA2 replies, DECRPM (`$y`), DSR-DEC
    '\\x1b\\[[0-9]*;[0-9]+R', // cursor position report
    '\\x1b\\[[0-9;]*c', // device attributes without a marker
    '\\x1b\\[[0-9;]*\\$y', // mode report
    '\\x1b\\[[0-9;]+t', // window reports
    '\\x1b\\[[0-3]?n', // status report ("ok")
    '\\x1b[\\]P_^][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?', // OSC, DCS, APC, PM replies (7-bit, as xterm sends them)
  ].join('|'),
  'g',
);

export const dropReports = (data: string): string => data.replace(REPORTS, '');

/** Pasted text: every C0 and C1 control but tab, CR and LF goes. */
export const cleanPaste = (text: string): string => text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, '');

/** Typed keys keep their control characters (Ctrl-C, arrows); C1 bytes never come from a key. */
export function cleanInput(data: string, pasted: boolean): string {
  const text = dropReports(data);
  return pasted ? cleanPaste(text) : text.replace(/[\x80-\x9f]/g, '');
}
