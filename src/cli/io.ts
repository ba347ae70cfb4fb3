/** The CLI's access to files and streams, injected so commands can be tested. */
import { readFile, writeFile } from 'node:fs/promises';

export interface CliIo {
  readFile(path: string): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, content) => writeFile(path, content, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
