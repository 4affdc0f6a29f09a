// harness.mjs — shared setup of the browser tests and web benchmarks: serves www/ on
// 127.0.0.1 (scripts/serve.py) and launches the system Chromium through playwright-core
// with a fresh profile. Nothing here downloads a browser.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const CANDIDATES = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Starts scripts/serve.py on a free port; resolves to {url, stop}. */
export function serve() {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    const onData = (d) => {
      buf += d;
      const m = buf.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        proc.stdout.off('data', onData);
        resolve({ url: m[1], stop: () => proc.kill() });
      }
    };
    proc.stdout.on('data', onData);
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
}

/** Launches Chromium headless with a fresh user-data dir; resolves to {context, close}. */
export async function browser(options = {}) {
  const executablePath = CANDIDATES.find((p) => p && existsSync(p));
  if (!executablePath) throw new Error('no Chromium found: apt-get install chromium (or set CHROMIUM)');
  const profile = mkdtempSync(join(tmpdir(), 'factcheck-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
