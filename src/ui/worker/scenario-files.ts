/**
 * The shipped scenarios, bundled so the app stays static: each as the JSON
 * of its document as checked at build time when it loaded cleanly, and its text
 * (`?scenario`, a plugin in vite.config.ts; see engine/scenario/ahead.ts).
 * Each file is fetched lazily: opening a lab loads only its own data, and
 * the text only when it must be parsed or a problem positioned in it. The
 * id in the URL is the file name without `.yaml`.
 */
export interface ScenarioSource {
  file: string;
  text(): Promise<string>;
  /** The document checked at build time (ahead.ts), as JSON; absent when the text must be loaded here. */
  checked?: string;
}

type Bundled = { text(): Promise<string>; checked?: string };

const files = import.meta.glob('../../../scenarios/*.yaml', { query: '?scenario' }) as Record<
  string,
  () => Promise<Bundled>
>;

/** Test builds also carry the e2e suite's own scenarios (a broken one, for the error page). */
const testFiles = (
  import.meta.env.VITE_TEST_HANDLE === '1'
    ? import.meta.glob('../../../test/e2e/scenarios/*.yaml', { query: '?scenario' })
    : {}
) as Record<string, () => Promise<Bundled>>;

const byId = new Map<string, { file: string; load: () => Promise<Bundled> }>();
for (const [path, load] of [...Object.entries(files), ...Object.entries(testFiles)]) {
  const file = path.split('/').pop()!;
  byId.set(file.replace(/\.yaml$/, ''), { file, load });
}

export function scenarioIds(): string[] {
  return [...byId.keys()].sort();
}

export async function scenarioSource(id: string): Promise<ScenarioSource | undefined> {
  const entry = byId.get(id);
  if (!entry) return undefined;
  const { text, checked } = await entry.load();
  return { file: entry.file, text, checked };
}
