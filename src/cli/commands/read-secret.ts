import { createInterface } from 'node:readline';

/**
 * Reads a password without echoing it: from the environment variable if set, from stdin when it
 * is not a terminal (`echo … | countersign user add`), else from a prompt with echo off.
 */
export async function readSecret(prompt: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(prompt);
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  output._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
