/**
 * Preloaded into a measured `hub` process by the CLI benchmark (`node --import .../peak-rss.js`):
 * when the process exits it writes its peak resident memory (all threads: the main thread and the
 * embedded database's worker) and CPU time to the file named by HUB_BENCH_USAGE_FILE.
 */
import fs from 'node:fs';

const file = process.env.HUB_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
  });
}
