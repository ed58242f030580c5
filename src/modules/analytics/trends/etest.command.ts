import { z } from 'zod';
import { parseOptions, wantsHelp } from './cli-options.js';
import { poissonETest } from './etest.js';
import { etestParams } from './trends.schema.js';
import { formatP } from './year-on-year.js';
import { cliIo } from '../../../platform/cli/io.js';

const USAGE = `hub analyse etest --k1 N --k2 N [--n1 T] [--n2 T] [--json]
  E-test for two Poisson counts (Krishnamoorthy and Thomson 2004), two-sided, as SciPy's
  poisson_means_test: counts k1, k2 over exposures n1, n2 (default 1, e.g. months or area).
  --json prints {"p": ...}; p = 1 when both counts are 0.
`;

const schema = etestParams.extend({ json: z.boolean().default(false) });

/** `hub analyse etest`: runs the E-test on two counts. */
export async function runAnalysis(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    cliIo().stdout.write(USAGE);
    return 0;
  }
  const str = { type: 'string' } as const;
  const values = parseOptions(argv, { k1: str, k2: str, n1: str, n2: str, json: { type: 'boolean' } }, schema);
  const r = poissonETest(values);
  if (values.json) {
    cliIo().stdout.write(`${JSON.stringify({ p: r.p })}\n`);
    return 0;
  }
  const rate = (k: number, n: number) => (n === 1 ? `${k}` : `${k} over ${n} (rate ${(k / n).toPrecision(4)})`);
  cliIo().stdout.write(
    `E-test for two Poisson counts (Krishnamoorthy and Thomson 2004), two-sided\n` +
      `  first:  ${rate(values.k1, values.n1)}\n  second: ${rate(values.k2, values.n2)}\n` +
      (values.k1 + values.k2 === 0 ? '  both counts are 0: no evidence of a difference\n' : `  T = ${r.statistic.toFixed(4)}\n`) +
      `  p = ${formatP(r.p)} (${r.p})\n`,
  );
  return 0;
}
