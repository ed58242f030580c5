import { helpOf } from '../help.js';
import { cliIo } from '../io.js';

/**
 * `hub analyse <name> ...`: each analysis is a module exporting `runAnalysis(argv)`, loaded on
 * use. Paths are relative to this file's folder in dist/.
 */
const analyses: Record<string, { path: string; summary: string }> = {
  knox: { path: '../../modules/analytics/near-repeat/knox.command.js', summary: 'near-repeat Knox test (file or imported data)' },
  chains: { path: '../../modules/analytics/near-repeat/chains.command.js', summary: 'near-repeat chains (day-level data)' },
  etest: { path: '../../modules/analytics/trends/etest.command.js', summary: 'E-test for two Poisson counts' },
  trend: { path: '../../modules/analytics/trends/trend.command.js', summary: 'rolling window against the same window a year earlier' },
  seasonal: { path: '../../modules/analytics/trends/seasonal.command.js', summary: 'month-of-year indices and winter outlook' },
  wdd: { path: '../../modules/analytics/evaluation/wdd.command.js', summary: 'Weighted Displacement Difference / Quotient' },
  hotspots: { path: '../../modules/analytics/hotspots/hotspots.command.js', summary: 'kernel density, Gi* and change on a BNG grid' },
  repeats: { path: '../../modules/analytics/repeats/repeats.command.js', summary: 'repeat locations ranked by a repeat rule' },
};

export function analyseUsage(): string {
  return `${helpOf('analyse')}\n\n${Object.entries(analyses)
    .map(([name, a]) => `  ${name.padEnd(10)} ${a.summary}`)
    .join('\n')}\n`;
}

export async function runAnalyse(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const entry = name ? analyses[name] : undefined;
  if (!entry) {
    cliIo().stderr.write(`${name ? `hub analyse: unknown analysis '${name}'\n\n` : ''}${analyseUsage()}`);
    return 2;
  }
  const mod = (await import(entry.path)) as { runAnalysis: (argv: string[]) => Promise<number> };
  return mod.runAnalysis(rest);
}
