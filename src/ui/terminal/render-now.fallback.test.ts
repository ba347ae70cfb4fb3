import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import { canRenderNow, renderNow } from './render-now';

/** A stand-in with only the members render-now reads. */
function fakeTerm(debouncer: unknown): Terminal & { refresh: ReturnType<typeof vi.fn> } {
  return { _core: { _renderService: { _renderDebouncer: debouncer } }, rows: 24, refresh: vi.fn() } as never;
}

describe('renderNow', () => {
  const cancel = vi.fn();
  vi.stubGlobal('cancelAnimationFrame', cancel);
  afterEach(() => cancel.mockClear());

  it('draws the pending frame now and cancels it', () => {
    const debouncer = {
      _animationFrame: 7 as number | undefined,
      drawn: 0,
      _innerRefresh() {
        this._animationFrame = undefined;
        this.drawn += 1;
      },
    };
    const term = fakeTerm(debouncer);
    expect(canRenderNow(term)).toBe(true);
    expect(renderNow(term)).toBe(true);
    expect(debouncer.drawn).toBe(1);
    expect(cancel).toHaveBeenCalledWith(7);
    // Nothing pending any more: nothing to draw.
    expect(renderNow(term)).toBe(false);
    expect(debouncer.drawn).toBe(1);
  });

  it('does nothing when the internals are missing or different', () => {
    const shapes: unknown[] = [undefined, null, 3, {}, { _animationFrame: 1, _innerRefresh: 'no' }];
    for (const shape of shapes) {
      const term = fakeTerm(shape);
      expect(renderNow(term)).toBe(false);
      expect(canRenderNow(term)).toBe(false);
    }
    expect(renderNow({} as Terminal)).toBe(false);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('falls back to a normal refresh when drawing throws', () => {
    const debouncer = {
      _animationFrame: 3 as number | undefined,
      _innerRefresh() {
        throw new Error('renderer gone');
      },
    };
    const term = fakeTerm(debouncer);
    expect(renderNow(term)).toBe(false);
    expect(debouncer._animationFrame).toBeUndefined();
    expect(term.refresh).toHaveBeenCalledWith(0, 23);
  });
});
