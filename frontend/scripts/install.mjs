// `npm ci`, unless node_modules was installed by this script from this very package-lock.json with
// this Node (its fingerprint is kept in node_modules/.oko-installed). A fresh clone has no
// node_modules, so it always installs; a changed lock or Node installs again.
//
//   node scripts/install.mjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const marker = 'node_modules/.oko-installed';
const fingerprint = createHash('sha256')
  .update(readFileSync('package-lock.json'))
  .update(process.version)
  .digest('hex');

if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) {
  console.log('node_modules was installed from this package-lock.json: npm ci skipped');
  process.exit(0);
}
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (npm.status !== 0) process.exit(npm.status ?? 1);
writeFileSync(marker, fingerprint);
