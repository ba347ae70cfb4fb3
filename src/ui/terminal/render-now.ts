/**
 * Drawing a keystroke's echo in the same task as the key.
 *
 * xterm parses the first write after user input at once, but its renderer
 * only draws the dirty rows on the next animation frame (RenderService hands
 * them to a RenderDebouncer that waits for requestAnimationFrame). So a typed
 * character reaches the DOM up to a frame after its keydown: about 16 ms at
 * 60 Hz, the whole of the echo budget. xterm 6 has no public call that draws
 * now, so this module reaches into its internals, and nowhere else does:
 *
 *   terminal._core._renderService._renderDebouncer
 *     ._animationFrame   the pending frame request, if any
 *     ._innerRefresh()   what that frame would run: draw the dirty rows
 *
 * Written against @xterm/xterm 6.0.0 (these names survive its minified
 * build). When any of them is missing or not the expected type, nothing
 * happens and xterm draws on its frame as usual. test/e2e/lab.echo.spec.ts
 * fails if the echo stops reaching the DOM before the next frame.
 */
import type { Terminal } from '@xterm/xterm';

interface Debouncer {
  _animationFrame?: unknown;
  _innerRefresh?: unknown;
}

function debouncerOf(term: Terminal): Debouncer | undefined {
  const core = (term as unknown as { _core?: { _renderService?: { _renderDebouncer?: Debouncer } } })._core;
  const debouncer = core?._renderService?._renderDebouncer;
  return typeof debouncer === 'object' && debouncer !== null ? debouncer : undefined;
}

/** Whether this xterm build exposes what `renderNow` needs. */
export function canRenderNow(term: Terminal): boolean {
  const debouncer = debouncerOf(term);
  return debouncer !== undefined && typeof debouncer._innerRefresh === 'function';
}

/**
 * Draws the rows xterm has marked dirty now, instead of on the next frame.
 * Returns whether it drew; false when nothing was pending or the internals
 * are not there (xterm then draws on its frame).
 */
export function renderNow(term: Terminal): boolean {
  const debouncer = debouncerOf(term);
  if (!debouncer || typeof debouncer._innerRefresh !== 'function') return false;
  const frame = debouncer._animationFrame;
  if (typeof frame !== 'number') return false;
  const view = term.element?.ownerDocument.defaultView ?? globalThis;
  view.cancelAnimationFrame(frame);
  try {
    // Clears _animationFrame itself, as the frame callback would have.
    (debouncer._innerRefresh as () => void).call(debouncer);
  } catch {
    // Never break input handling: ask for the usual frame instead.
    debouncer._animationFrame = undefined;
    term.refresh(0, term.rows - 1);
    return false;
  }
  return true;
}
