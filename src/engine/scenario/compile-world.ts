/**
 * Compiling a validated scenario document into a `CompiledScenario`: the
 * vars drawn with the seed, the base host built (world/build.ts), the
 * timeline compiled against it (world/behaviours), and `worldAt(t)` that
 * composes both with the trainee's actions. Problems are PathIssues; this
 * never throws on a document that passed the schema. The questions are
 * checked against the world by compile.ts, which is what loaders call;
 * this part alone opens a scenario whose questions were checked when the
 * app was built (load-data.ts).
 */
import { compileTimeline, timelineEntities } from '../world/behaviours';
import type { CompiledBehaviour } from '../world/behaviours';
import type { BaseHost } from '../world/base-types';
import { buildBaseHost } from '../world/build';
import { worldAt } from '../world/at';
import { chainTotals, coverInput, coverOutput, filterChain } from '../world/base/traffic';
import { checkBounds } from './check-bounds';
import { IssueSink, type PathIssue } from './issues';
import type { ScenarioDoc } from './schema';
import type { CompiledScenario, EntityRef, ScenarioMeta } from './types';
import { drawCheckedVars } from './vars-draw';

export interface CompileOptions {
  /** The trainee's seed; the document's `seed:` when absent. */
  seed?: number;
  /** The vars already drawn with this seed (by resolveVars); drawn here when absent. */
  vars?: ReadonlyMap<string, string | number>;
}

export type CompileResult =
  | { ok: true; scenario: CompiledScenario; issues: PathIssue[] }
  | { ok: false; issues: PathIssue[] };

function meta(doc: ScenarioDoc): ScenarioMeta {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    difficulty: doc.difficulty,
    estimatedMinutes: doc.estimated_minutes,
    attack: [...doc.attack],
    briefing: doc.briefing,
    passingScore: doc.passing_score,
  };
}

function entityMap(base: BaseHost, timeline: readonly CompiledBehaviour[]): Map<string, EntityRef> {
  const out = new Map<string, EntityRef>();
  for (const e of base.entities.values())
    out.set(e.id, { ...e, pids: [...e.pids], inodes: [...e.inodes] });
  for (const e of timelineEntities(timeline)) out.set(e.id, e);
  return out;
}

/**
 * The timeline's packets (beacons, the exfil) rise the firewall's counters;
 * the interface that carried them counts them too, so RX covers INPUT and
 * TX covers OUTPUT at the alert. This reads the whole world at the alert, so
 * it runs before the first world is asked for, not when a file is only being
 * validated.
 */
function coverTimelineTraffic(base: BaseHost, timeline: readonly CompiledBehaviour[]): void {
  const eth = base.interfaces.find((i) => i.kind !== 'loopback' && i.stats.rxBytes > 0);
  if (!eth) return;
  const w = worldAt(base, timeline, base.now, []);
  for (const [name, cover] of [['INPUT', coverInput], ['OUTPUT', coverOutput]] as const) {
    const was = chainTotals(filterChain(base.firewall, name), name === 'INPUT');
    const is = chainTotals(filterChain(w.firewall, name), name === 'INPUT');
    cover(eth, { packets: Math.max(0, is.packets - was.packets), bytes: Math.max(0, is.bytes - was.bytes) });
  }
}

/** Compiles a document that passed `scenarioSchema`, its questions unchecked. */
export function compileWorld(doc: ScenarioDoc, options: CompileOptions = {}): CompileResult {
  const seed = (options.seed ?? doc.seed) >>> 0;
  const vars = options.vars ? new Map(options.vars) : drawCheckedVars(Object.entries(doc.vars), seed);
  const bounds = checkBounds(doc);
  if (bounds.some((i) => i.severity !== 'warning')) return { ok: false, issues: bounds };
  const { base, issues } = buildBaseHost(doc, seed);
  const sink = new IssueSink();
  sink.issues.push(...issues);
  const timeline = compileTimeline(doc.timeline, base, sink);
  if (sink.hasErrors) return { ok: false, issues: sink.issues };
  let uncovered = doc.host.baseline === 'standard';
  const t = base.trainee;
  const scenario: CompiledScenario = {
    meta: meta(doc),
    seed,
    vars,
    now: base.now,
    historyStart: base.historyStart,
    trainee: {
      user: t.user,
      uid: t.uid,
      gid: t.gid,
      home: t.home,
      shellPid: t.shellPid,
      tty: t.tty,
      from: t.from,
      ...(t.visible ? { loginAt: t.loginAt } : {}),
    },
    hostname: base.host.hostname,
    entities: entityMap(base, timeline),
    questions: [...doc.questions],
    worldAt: (at, actions = []) => {
      if (uncovered) coverTimelineTraffic(base, timeline);
      uncovered = false;
      return worldAt(base, timeline, at, actions);
    },
  };
  if (sink.hasErrors) return { ok: false, issues: sink.issues };
  return { ok: true, scenario, issues: sink.issues };
}
