/**
 * Format many files on worker threads: largest file first, each worker takes the next file when it is
 * free. The worker is a few lines of script evaluated in place (no separate file to locate, so it works
 * from source and from dist alike); it imports the same prettier module as the main thread.
 */
import { Worker } from "node:worker_threads";
import { formatError, prettierPackage, PRETTIER_OPTIONS, type FormatJob } from "./prettier-setup.js";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.prettierUrl).then((prettier) => {
  parentPort.on("message", async (job) => {
    try {
      const text = await prettier.format(job.text, { ...workerData.options, parser: job.parser });
      parentPort.postMessage({ index: job.index, text });
    } catch (error) {
      parentPort.postMessage({ index: job.index, error: String((error && error.message) || error) });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

type Reply = { ready: true } | { index: number; text: string } | { index: number; error: string };

export async function formatInWorkers(
  jobs: readonly FormatJob[],
  threads: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<string[]> {
  const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.text.length - jobs[a]!.text.length || a - b);
  const results: string[] = new Array<string>(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        const index = order[next++];
        if (index === undefined) return;
        const job = jobs[index]!;
        worker.postMessage({ index, text: job.text, parser: job.parser });
      };
      for (let t = 0; t < threads; t++) {
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { prettierUrl: prettierPackage().url, options: PRETTIER_OPTIONS },
        });
        workers.push(worker);
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (done < jobs.length) reject(new Error(`a formatting worker exited early (code ${code})`));
        });
        worker.on("message", (reply: Reply) => {
          if ("ready" in reply) return feed(worker);
          if ("error" in reply) return reject(formatError(jobs[reply.index]!.path, reply.error));
          results[reply.index] = reply.text;
          done++;
          onProgress?.(done, jobs.length);
          if (done === jobs.length) resolve();
          else feed(worker);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
