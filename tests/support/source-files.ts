import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .tsx file under `dir`, for tests that check what the source may contain. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}
