/**
 * The xterm.js terminal of a lab. The Terminal is created in an effect and
 * disposed in its cleanup (safe under StrictMode); a ResizeObserver on the
 * host element refits it (never below a usable size, and only once xterm
 * has drawn what it was given), and the line editor redraws after it.
 */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { outboundUnicode } from './wcwidth';
import { renderNow } from './render-now';
import { terminalThemes, type Theme } from '../theme';
import type { LabController } from '../lab/lab-controller';
import { installTestHandle } from '../test-handle';
import { worthFitting } from './fit-size';

interface Props {
  controller: LabController;
  theme: Theme;
  screenReader: boolean;
}

export function TerminalView({ controller, theme, screenReader }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | undefined>(undefined);

  useEffect(() => {
    const host = hostRef.current!;
    const term = new Terminal({
      allowProposedApi: true,
      convertEol: false,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace',
      fontSize: 14,
      // At 14 px a row of 1.0 clips the underscore at device scale 1 (pam_unix reads as pam unix).
      lineHeight: 1.2,
      scrollback: 5000,
      scrollOnEraseInDisplay: true,
      theme: terminalThemes[theme],
      screenReaderMode: screenReader,
      // The line editor redraws the line it is on after a resize (line-editor.ts relies on this).
      reflowCursorLine: false,
    });
    term.unicode.register(outboundUnicode);
    term.unicode.activeVersion = outboundUnicode.version;
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    term.textarea?.setAttribute('aria-label', 'Terminal input: type shell commands here');
    term.textarea?.setAttribute('aria-describedby', 'terminal-keys');
    // Tab completes in the shell; Escape then Tab leaves the terminal (no keyboard trap).
    let escaped = false;
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || event.isComposing || event.keyCode === 229) return !event.isComposing;
      if (event.key === 'Tab' && escaped) {
        escaped = false;
        return false;
      }
      escaped = event.key === 'Escape';
      return !escaped;
    });
    const refit = () => {
      if (worthFitting(fit.proposeDimensions())) fit.fit();
    };
    refit();
    termRef.current = term;

    // A paste event reaches the frame (capture) before xterm's textarea turns it into onData.
    let pasting = false;
    const onPaste = () => {
      pasting = true;
      setTimeout(() => (pasting = false), 0);
    };
    host.addEventListener('paste', onPaste, true);
    const data = term.onData((d) => {
      controller.feed(d, pasting);
      // The echo was just parsed; draw it now rather than on the next frame.
      renderNow(term);
    });
    let cols = term.cols;
    let queued = false;
    const observer = new ResizeObserver(() => {
      if (queued) return;
      queued = true;
      // Resize between writes, not in the middle of them: the editor's last
      // drawing must be on screen for its redraw to start from the right row.
      term.write('', () => {
        queued = false;
        refit();
        if (term.cols === cols) return;
        cols = term.cols;
        controller.resized();
      });
    });
    observer.observe(host);
    controller.attach(term);
    const removeHandle = installTestHandle(term, controller);
    term.focus();
    return () => {
      removeHandle();
      observer.disconnect();
      data.dispose();
      host.removeEventListener('paste', onPaste, true);
      controller.attach(undefined);
      term.dispose();
      termRef.current = undefined;
    };
    // Built once per controller; theme and reader mode are updated by the effects below.
  }, [controller]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = terminalThemes[theme];
  }, [theme]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.screenReaderMode = screenReader;
  }, [screenReader]);

  return (
    <>
      <div className="terminal-host" ref={hostRef} data-testid="terminal" />
      <p id="terminal-keys" className="terminal-keys">
        Tab completes. Press Esc then Tab to leave the terminal.
      </p>
    </>
  );
}
