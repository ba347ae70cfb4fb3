/**
 * The shipped scenarios, bundled as text (Vite `?raw`) so the app stays
 * static. Each file is fetched lazily: opening a lab loads only its own.
 * The id in the URL is the file name without `.yaml`.
 */
const files = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

/** Test builds also carry the e2e suite's own scenarios (a broken one, for the error page). */
const testFiles = (
  import.meta.env.VITE_TEST_HANDLE === '1'
    ? import.meta.glob('../../../test/e2e/scenarios/*.yaml', { query: '?raw', import: 'default' })
    : {}
) as Record<string, () => Promise<string>>;

const byId = new Map<string, { file: string; load: () => Promise<string> }>();
for (const [path, load] of [...Object.entries(files), ...Object.entries(testFiles)]) {
  const file = path.split('/').pop()!;
  byId.set(file.replace(/\.yaml$/, ''), { file, load });
}

export function scenarioIds(): string[] {
  return [...byId.keys()].sort();
}

export async function scenarioText(id: string): Promise<{ file: string; text: string } | undefined> {
  const entry = byId.get(id);
  if (!entry) return undefined;
  return { file: entry.file, text: await entry.load() };
}
