/**
 * The plan worker thread's body: reads and parses each job posted to it and posts the outcome back.
 * The thread stays up between jobs (read-in-worker.ts reuses it), so its code is loaded and
 * compiled once; a job that throws (not a PlanError) ends the thread, and the next job gets a new one.
 */
import { parentPort } from 'node:worker_threads';
import { readAndParse, type ReadJob } from './read-and-parse.js';

parentPort!.on('message', (job: ReadJob) => {
  void readAndParse(job).then((outcome) => parentPort!.postMessage(outcome));
});
