/**
 * Grouping off the main thread: groupNearDuplicates is pure CPU work (about 7 s for 100,000
 * objections), and on the portal's event loop it would stall every other request meanwhile,
 * objection intake included. The worker loads the TypeScript sources through tsx like the
 * portal itself, and reports its progress as messages (a function cannot cross the thread).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { groupNearDuplicates, type GroupingItem, type GroupingOptions } from './group.ts';
import type { GroupingResult } from './group.ts';

type ThreadOptions = Omit<GroupingOptions, 'onProgress'>;

interface Job {
  items: readonly GroupingItem[];
  options: ThreadOptions;
  progress: boolean;
}

type Message =
  { kind: 'progress'; done: number; total: number } | { kind: 'result'; result: GroupingResult };

export function groupInWorker(
  items: readonly GroupingItem[],
  options: GroupingOptions = {},
): Promise<GroupingResult> {
  const { onProgress, ...threadOptions } = options;
  return new Promise((resolve, reject) => {
    // The portal runs TypeScript through tsx. Loader hooks given to a worker by --import do not
    // reach its entry module (Node 20), so a small script registers tsx first, then loads this
    // module, whose code below does the work.
    const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(
      ({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(bootstrap, {
      eval: true,
      execArgv: [],
      workerData: {
        items,
        options: threadOptions,
        progress: onProgress !== undefined,
      } satisfies Job,
    });
    let settled = false;
    worker.on('message', (message: Message) => {
      if (message.kind === 'progress') {
        onProgress?.(message.done, message.total);
        return;
      }
      settled = true;
      resolve(message.result);
    });
    worker.once('error', (error: unknown) => {
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Gruppierung abgebrochen (Worker endete mit ${code})`));
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const job = workerData as Job;
  const post = (message: Message) => port.postMessage(message);
  const result = groupNearDuplicates(job.items, {
    ...job.options,
    ...(job.progress
      ? { onProgress: (done, total) => post({ kind: 'progress', done, total }) }
      : {}),
  });
  post({ kind: 'result', result });
}
