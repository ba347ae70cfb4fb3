/** log: arbitrary log lines at a time (for what no behaviour writes). */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { CompileCtx } from './compile-ctx';
import { inWindow, type BehaviourModule } from './module';
import { parseDuration } from './time';
import type { LogBehaviour } from './types';

export function compileLog(e: TimelineEntryOf<'log'>, _path: IssuePath, cc: CompileCtx): LogBehaviour {
  const at = cc.time(e.at);
  return {
    kind: 'log', id: e.id, at,
    entries: e.lines.map((l, i) => ({
      time: at + (l.after ? parseDuration(l.after) : i), ident: l.ident, message: l.message,
      facility: l.facility, ...(l.pid ? { pid: l.pid } : {}), ...(l.unit ? { unit: l.unit } : {}),
    })),
  };
}

export const logModule: BehaviourModule<LogBehaviour> = {
  kind: 'log',
  end: () => Infinity,
  contribute: () => {},
  logs(b, _ctx, from, to, out) {
    for (const e of b.entries) inWindow(out, from, to, e);
  },
};
