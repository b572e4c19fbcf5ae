import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real enterprise policy for Chromium on Linux: a JSON file in the machine-wide
 * `/etc/chromium/policies/managed/` (docs/ENTERPRISE.md#enterprise-policy). It is scoped to an
 * extension id no other test uses (a copy of the build with its own `key`), so tests running at
 * the same time, which load the build under its own id, never see it.
 */
export const CHROMIUM_MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

/** Chrome's id for a manifest `key`: the SHA-256 of the public key, first 16 bytes, each nibble as a-p. */
function extensionIdForKey(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((nibble) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(nibble, 16))).join('');
}

/** A copy of an unpacked build whose manifest carries a fresh `key`, so it loads under an id of its own. */
export function extensionCopyWithOwnId(buildDir: string): { dir: string; extensionId: string; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'managed-policy-extension-'));
  const dir = path.join(root, 'extension');
  cpSync(buildDir, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, extensionId: extensionIdForKey(der), remove: () => rmSync(root, { recursive: true, force: true }) };
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a file operation as root: directly when the tests are root (here and in CI), else through `sudo -n`. */
function asRoot(operation: () => void, command: string[]): void {
  if (isRoot()) {
    operation();
    return;
  }
  try {
    execFileSync('sudo', ['-n', ...command], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `Writing Chromium's managed policy needs root: run the tests as root or allow passwordless sudo (${command.join(' ')} failed: ${error})`,
    );
  }
}

/**
 * Writes `policy` as the managed policy of `extensionId` and returns its removal. The file is
 * written under another name and renamed into place, so Chromium never reads half of it.
 */
export function writeChromiumExtensionPolicy(extensionId: string, policy: Record<string, unknown>): () => void {
  const file = path.join(CHROMIUM_MANAGED_POLICY_DIR, `test-extension-${extensionId}.json`);
  const staged = mkdtempSync(path.join(os.tmpdir(), 'managed-policy-'));
  const stagedFile = path.join(staged, 'policy.json');
  writeFileSync(stagedFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
  try {
    asRoot(() => {
      mkdirSync(CHROMIUM_MANAGED_POLICY_DIR, { recursive: true });
      cpSync(stagedFile, `${file}.tmp`);
      renameSync(`${file}.tmp`, file);
    }, ['sh', '-c', `mkdir -p '${CHROMIUM_MANAGED_POLICY_DIR}' && cp '${stagedFile}' '${file}'`]);
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
  return () => asRoot(() => rmSync(file, { force: true }), ['rm', '-f', file]);
}
