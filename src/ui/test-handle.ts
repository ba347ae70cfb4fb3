/**
 * A small read-only handle for end-to-end tests (test builds only, when
 * VITE_TEST_HANDLE=1): the terminal's buffer as text, its size, and whether
 * the prompt is waiting for input. Tests poll it instead of sleeping.
 */
import type { Terminal } from '@xterm/xterm';
import type { LabController } from './lab/lab-controller';

export interface OutboundTestHandle {
  text(): string;
  cols(): number;
  rows(): number;
  /** The line being edited at the prompt. */
  line(): string;
  busy(): boolean;
}

declare global {
  interface Window {
    __outbound?: OutboundTestHandle;
  }
}

function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i += 1) {
    const line = buffer.getLine(i);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines.join('\n').replace(/\n+$/, '');
}

export function installTestHandle(term: Terminal, controller: LabController): () => void {
  if (import.meta.env.VITE_TEST_HANDLE !== '1') return () => {};
  window.__outbound = {
    text: () => bufferText(term),
    cols: () => term.cols,
    rows: () => term.rows,
    line: () => controller.editorText,
    busy: () => controller.busy,
  };
  return () => {
    delete window.__outbound;
  };
}
