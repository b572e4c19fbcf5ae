import { describe, expect, it } from 'vitest';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { postForm, sandboxForSuite } from './support';

const sandbox = sandboxForSuite();
const path = ASSETS_PATHS.ccConnection;

const addFault = (fault: Record<string, unknown>) => sandbox.control<{ id: string }>('POST', 'faults', fault);
const getConnection = async () =>
  fetch(sandbox.url(path), { headers: sandbox.assetsHeaders(await sandbox.mintToken()) });

describe('fault injection', () => {
  it('answers with the given status, body and headers once, then normally', async () => {
    await addFault({ method: 'GET', path, status: 429, headers: { 'Retry-After': '2' } });
    const faulted = await getConnection();
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get('Retry-After')).toBe('2');
    expect(await faulted.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect((await getConnection()).status).toBe(200);
  });

  it('applies `times` requests, or every one with times 0 until the faults are cleared', async () => {
    await addFault({ method: 'GET', path, status: 503, times: 2 });
    expect((await getConnection()).status).toBe(503);
    expect((await getConnection()).status).toBe(503);
    expect((await getConnection()).status).toBe(200);

    await addFault({ method: 'get', path, status: 500, times: 0 });
    for (let i = 0; i < 3; i++) expect((await getConnection()).status).toBe(500);
    await sandbox.control('DELETE', 'faults');
    expect((await getConnection()).status).toBe(200);
  });

  it('lets `after` matching requests through before it applies', async () => {
    await addFault({ method: 'GET', path, status: 502, after: 2 });
    expect((await getConnection()).status).toBe(200);
    expect((await getConnection()).status).toBe(200);
    expect((await getConnection()).status).toBe(502);
    expect((await getConnection()).status).toBe(200);
  });

  it('serves a malformed body as given', async () => {
    await addFault({ method: 'GET', path, status: 200, body: '{"connectedOrg": ' });
    const response = await getConnection();
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const text = await response.text();
    expect(text).toBe('{"connectedOrg": ');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('delays the normal answer by delayMs', async () => {
    await addFault({ method: 'GET', path, delayMs: 250 });
    const started = performance.now();
    const response = await getConnection();
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(response.status).toBe(200);
  });

  it('drops the connection and logs it with status 0', async () => {
    const { id } = await addFault({ method: 'GET', path, drop: true });
    await expect(getConnection()).rejects.toThrow();
    expect((await getConnection()).status).toBe(200);
    const log = await sandbox.control<{ path: string; status: number; faultId?: string }[]>('GET', 'requests');
    expect(log.filter((entry) => entry.path === path).map((entry) => [entry.status, entry.faultId])).toEqual([
      [0, id],
      [200, undefined],
    ]);
  });

  it('applies to IMS routes too, with an IMS-style error body', async () => {
    await addFault({ method: 'POST', path: '/ims/token/v3', status: 503 });
    const response = await postForm(sandbox, `/ims/token/v3?client_id=${SANDBOX_CLIENT_ID}`, {
      grant_type: 'refresh_token',
      refresh_token: 'x',
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'server_error', error_description: expect.any(String) });
  });

  it('lists live faults, never touches the control API, and is cleared by reset', async () => {
    await addFault({ method: '*', path: '/__sandbox/state', status: 500, times: 0 });
    const { id } = await addFault({ method: 'PUT', path, status: 502 });
    expect((await sandbox.control<{ id: string }[]>('GET', 'faults')).map((f) => f.id)).toContain(id);
    await sandbox.control('GET', 'state');
    await sandbox.control('POST', 'reset');
    expect(await sandbox.control('GET', 'faults')).toEqual([]);
  });

  it('refuses a fault that would do nothing, or an unknown field', async () => {
    for (const fault of [
      { method: 'GET', path },
      { method: 'GET', path, status: 500, sometimes: true },
    ]) {
      const response = await fetch(sandbox.url('/__sandbox/faults'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fault),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
  });
});
