/** The plan worker thread's body: reads and parses the job in workerData, posts the outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndParse, type ReadJob } from './read-and-parse.js';

parentPort!.postMessage(await readAndParse(workerData as ReadJob));
