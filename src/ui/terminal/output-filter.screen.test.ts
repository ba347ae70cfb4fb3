import { describe, expect, it } from 'vitest';
import { safeOutput } from './output-filter';

describe('output that reaches the screen', () => {
  it('keeps text, tabs, line breaks and colours', () => {
    expect(safeOutput('a\tb\r\n\x1b[31mred\x1b[0m \x1b[1;38;5;8mgrey\x1b[m\n')).toBe('a\tb\r\n\x1b[31mred\x1b[0m \x1b[1;38;5;8mgrey\x1b[m\n');
    expect(safeOutput('\x1b[38;2;8;8;8mx')).toBe('\x1b[38;2;8;8;8mx');
  });

  it('drops clears, the alternate screen, cursor hiding and moves, resets', () => {
    expect(safeOutput('a\x1b[2Jb\x1b[Hc\x1b[?1049hd\x1b[?25le\x1b[3;4Hf\x1bcg\x1b(0h\x1b7i')).toBe('abcdefghi');
    expect(safeOutput('x\x9b2Jy\x1b[')).toBe('xy');
  });

  it('removes the concealed attribute and string commands', () => {
    expect(safeOutput('\x1b[8mhidden\x1b[0m')).toBe('hidden\x1b[0m');
    expect(safeOutput('\x1b[1;8;32mx')).toBe('\x1b[1;32mx');
    expect(safeOutput('a\x1b]0;title\x07b\x1bPq\x1b\\c\x85d\x0ce')).toBe('abcde');
  });
});
