// The native engine's view of a scenario, for end-to-end tests to compare the browser
// against: runs target/debug/wirewalk-trace (built by scripts/test.sh) and reads its JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'debug', 'wirewalk-trace');

/** Runs a scenario natively: { json, pcap } (pcap as a Buffer). */
export function nativeTrace(scenario, sets = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-e2e-'));
  const args = ['--scenario', scenario, '--json', path.join(dir, 't.json'), '--pcap', path.join(dir, 't.pcap')];
  for (const [k, v] of Object.entries(sets)) args.push('--set', `${k}=${v}`);
  execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const out = { json: JSON.parse(fs.readFileSync(path.join(dir, 't.json'), 'utf8')), pcap: fs.readFileSync(path.join(dir, 't.pcap')) };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/** TCP state of `host` after the first `cursor` events ('CLOSED' before any change). */
export function stateAt(json, host, cursor) {
  let s = 'CLOSED';
  for (const e of json.events.slice(0, cursor)) if (e.kind === 'state_change' && e.host === host) s = e.to;
  return s;
}
