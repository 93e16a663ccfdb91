// The tools worker (tools/, src/platform/worker.rs): engine jobs the start-up path does
// not need, in a Web Worker fetched on first use. These tests speak the worker's protocol
// from the page ([id, job] in, [id, output] out as Uint8Arrays in the format of
// engine/src/job/codec.rs, "ready" first; e2e/codec.mjs writes and reads it) and compare
// its answer with the native CLI's trace of the same scenario; the page side that posts
// the jobs is exercised by the scenes that use it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, open, ONE_FILE_URL } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';
import { job, readOutput, VERSION } from './codec.mjs';

const SCENES = ['architecture', 'layers', 'encapsulation', 'lan', 'tcp', 'addresses', 'capture'];

/** In the page: start the worker from `url` (or the one-file build's inline source),
 * post each job in turn (a message as an array of byte values, or { job, bytes } with the
 * job's own bytes as an array), and return the answers, read by e2e/codec.mjs. */
async function askWorker(page, jobs, { inline = false } = {}) {
  const answers = await page.evaluate(async ({ jobs, inline }) => {
    let url = './wirewalk-tools_loader.js';
    if (inline) {
      const source = document.getElementById('ww-tools-src').textContent;
      url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    }
    const worker = new Worker(url);
    const answers = [];
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the tools worker in 20 s')), 20000);
      worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
      worker.onmessage = (e) => {
        if (e.data === 'ready') {
          jobs.forEach((job, i) => worker.postMessage(Array.isArray(job)
            ? [i, new Uint8Array(job)] : [i, new Uint8Array(job.job), new Uint8Array(job.bytes)]));
          return;
        }
        answers[e.data[0]] = Array.from(e.data[1]);
        if (answers.filter((a) => a !== undefined).length === jobs.length) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    worker.terminate();
    return answers;
  }, { jobs, inline });
  return answers.map(readOutput);
}

/** The job that runs `scenario` as the CLI ran it (the CLI's `scenario` is the serde form). */
function runJob(json) {
  return job.run(json.scenario);
}

const hex = (bytes) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

function expectSameFrames(out, json) {
  expect(Object.keys(out)).toEqual(['Run']);
  const trace = out.Run.Ok;
  expect(trace, `the worker refused: ${JSON.stringify(out).slice(0, 200)}`).toBeTruthy();
  expect(trace.frames.map((f) => hex(f.bytes))).toEqual(json.frames.map((f) => f.hex));
  // Unannotated: the page annotates.
  expect(trace.frames.every((f) => f.annotated === null)).toBe(true);
  expect(trace.events.length).toBe(json.events.length);
}

test('no scene fetches the tools worker at start-up', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (/wirewalk-tools/.test(r.url())) fetched.push(r.url()); });
  for (const s of SCENES) await open(page, `#/${s}`);
  expect(fetched).toEqual([]);
});

test('the worker runs a job as the native engine does, and says when a job is unreadable', async ({ page }) => {
  await open(page, '#/tcp');
  const loss = nativeTrace('tcp_loss').json;
  const udp = nativeTrace('udp').json;
  const [a, b, c, d] = await askWorker(page, [runJob(loss), runJob(udp), [VERSION, 200],
    [...Buffer.from('{"Run":{}}')]]);
  expectSameFrames(a, loss);
  expectSameFrames(b, udp);
  expect(c.Unreadable).toMatch(/tag 200/);
  expect(d.Unreadable).toMatch(/version/);
});

test('the worker reads a capture once and gives its conversations as the CLI does', async ({ page }) => {
  await open(page, '#/tcp');
  const { pcap } = nativeTrace('tcp_loss');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-tools-'));
  const file = path.join(dir, 'c.pcap');
  fs.writeFileSync(file, pcap);
  const bin = path.join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'wirewalk-trace');
  execFileSync(bin, ['--read', file, '--conversation', '0', '--json', path.join(dir, 'c.json')], { stdio: 'ignore' });
  const cli = JSON.parse(fs.readFileSync(path.join(dir, 'c.json'), 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  const [summary, conversation, none, junk, after] = await askWorker(page, [
    { job: job.readCapture(), bytes: [...pcap] },
    job.captureTrace(0),
    job.captureTrace(7),
    { job: job.readCapture(), bytes: [...Buffer.from('not a capture at all')] },
    job.captureTrace(0),
  ]);
  const s = summary.ReadCapture.Ok;
  expect(s.conversations.length).toBe(1);
  expect(s.conversations[0].frames.length).toBe(cli.frames.length);
  const trace = conversation.CaptureTrace.Ok;
  expect(trace.frames.map((f) => hex(f.bytes))).toEqual(cli.frames.map((f) => f.hex));
  // A capture's conversation crosses annotated, with the fields the CLI gives.
  expect(trace.frames.map((f) => f.annotated.summary.info)).toEqual(cli.frames.map((f) => f.summary.info));
  expect(none.CaptureTrace.Err.tag).toBe(6);
  expect(junk.ReadCapture).toHaveProperty('Err');
  expect(after).toEqual({ NoCapture: true });
});

test('the worker runs the student\'s programs as wirewalk-trace --client-program does', async ({ page }) => {
  await open(page, '#/tcp');
  const client = [
    'import socket',
    's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    "s.connect(('192.168.1.20', 8080))",
    "s.sendall(b'one')",
    "s.sendall(b'two')",
    'print(s.recv(1024))',
    's.close()',
    '',
  ].join('\n');
  const server = [
    'import socket',
    's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    "s.bind(('192.168.1.20', 8080))",
    's.listen(1)',
    'conn, addr = s.accept()',
    'data = conn.recv(1024)',
    'conn.sendall(data.upper())',
    'conn.close()',
    's.close()',
    '',
  ].join('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-tools-'));
  fs.writeFileSync(path.join(dir, 'c.py'), client);
  fs.writeFileSync(path.join(dir, 's.py'), server);
  const bin = path.join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'wirewalk-trace');
  execFileSync(bin, ['--client-program', path.join(dir, 'c.py'), '--server-program', path.join(dir, 's.py'),
    '--json', path.join(dir, 't.json')], { stdio: 'ignore' });
  const cli = JSON.parse(fs.readFileSync(path.join(dir, 't.json'), 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  const scenario = nativeTrace('tcp').json.scenario;
  const [ok, bad] = await askWorker(page, [
    job.programs(scenario, client, server),
    job.programs(scenario, 'import os\n', server),
  ]);
  const trace = ok.Programs.Ok;
  expect(trace, JSON.stringify(ok).slice(0, 300)).toBeTruthy();
  expect(trace.frames.map((f) => hex(f.bytes))).toEqual(cli.frames.map((f) => f.hex));
  expect(bad.Programs.Err).toHaveProperty('Programs');
});

test('a bad scenario comes back as its own error', async ({ page }) => {
  await open(page, '#/tcp');
  const json = nativeTrace('tcp').json;
  const bad = { ...json.scenario, params: { ...json.scenario.params, server_port: 0 } };
  const [answer] = await askWorker(page, [job.run(bad)]);
  // ScenarioError::BadPort.
  expect(answer.Run.Err.tag).toBe(4);
});

test('the one-file build carries the worker inline and it runs from file://', async ({ page }) => {
  const html = fs.readFileSync(new URL(ONE_FILE_URL), 'utf8');
  expect(html).toMatch(/<script type=text\/plain id=ww-tools-src>/);
  await page.goto(`${ONE_FILE_URL}#/tcp`);
  await page.locator('main[data-ready="true"]').waitFor();
  const json = nativeTrace('tcp').json;
  const [answer] = await askWorker(page, [runJob(json)], { inline: true });
  expectSameFrames(answer, json);
});
