import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Which files under `root` hold each string, as paths relative to `root`: how the erasure tests
 * show that nothing of a person is left on disk. Each file is read as UTF-8 and as Latin-1, so a
 * string is found however a store wrote it.
 */
export function filesHolding(root: string, strings: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else {
        const text = fs.readFileSync(file, 'latin1') + fs.readFileSync(file, 'utf8');
        for (const value of strings) if (text.includes(value)) (found[value] ??= []).push(path.relative(root, file));
      }
    }
  };
  visit(root);
  return found;
}
