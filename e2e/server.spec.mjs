// The static server used by serve.sh, the e2e tests and the bench: malformed requests get
// a 4xx and the server keeps serving.
import http from 'node:http';
import { test, expect } from '@playwright/test';
import { PORT, BASE_PATH } from './playwright.config.mjs';

/** A raw GET (no client-side URL normalisation): resolves to the status code. */
function get(pathname) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path: pathname, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

test('malformed paths get 400 and the server keeps serving', async () => {
  for (const bad of ['/%', `${BASE_PATH}%`, `${BASE_PATH}%zz`, `${BASE_PATH}%E4%BD`, `${BASE_PATH}a%00b`]) {
    expect(await get(bad), bad).toBe(400);
    expect(await get(BASE_PATH), `after ${bad}`).toBe(200);
  }
  expect(await get(`${BASE_PATH}..%2F..%2Fetc%2Fpasswd`)).toBe(403);
  expect(await get(`${BASE_PATH}no-such-file.js`)).toBe(404);
  expect(await get('/course/wirewalk')).toBe(301);
});
