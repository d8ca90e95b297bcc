// Runs npm scripts side by side and fails if any fails: `npm run check`'s static checks (ESLint,
// tsc, Prettier, the contract lint) each keep one core busy, so on two cores they take the longest
// of them, not their sum. Each script's output is printed whole when it ends, with its time.
//
//   node scripts/parallel.mjs lint typecheck format:check
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/parallel.mjs <npm script>…');
  process.exit(2);
}

/**
 * @param {string} script
 * @returns {Promise<{ script: string, code: number }>}
 */
function run(script) {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', script], {
    shell: process.platform === 'win32',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const outcome = code === 0 ? 'ok' : `FAILED (exit ${code})`;
      process.stdout.write(`\n── npm run ${script}: ${outcome} in ${seconds} s ──\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ script, code: code ?? 1 });
    });
  });
}

const results = await Promise.all(scripts.map(run));
const failed = results.filter((result) => result.code !== 0).map((result) => result.script);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
