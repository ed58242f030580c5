import { helpOf } from '../help.js';
import { cliIo } from '../../platform/cli/io.js';
import { moduleAnalyses } from '../../modules/composition.js';

/**
 * `hub analyse <name> ...`: each analysis belongs to an analytics module (its `analyses` in the
 * registry) and is loaded on use.
 */
export function analyseUsage(): string {
  return `${helpOf('analyse')}\n\n${Object.entries(moduleAnalyses())
    .map(([name, a]) => `  ${name.padEnd(10)} ${a.summary}`)
    .join('\n')}\n`;
}

export async function runAnalyse(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const entry = name ? moduleAnalyses()[name] : undefined;
  if (!entry) {
    cliIo().stderr.write(`${name ? `hub analyse: unknown analysis '${name}'\n\n` : ''}${analyseUsage()}`);
    return 2;
  }
  return (await entry.load())(rest);
}
