import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import express from 'express';
import { mountPage } from '../index';

let server: http.Server;
let base: string;

beforeAll(async () => {
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-page-'));
  fs.writeFileSync(path.join(publicDir, 'index.html'), '<!doctype html><title>Test page</title>');
  const app = express();
  mountPage(app, { publicDir, graphqlUrl: () => 'http://localhost:4000/graphql' });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('a reference service page', () => {
  it('serves the page, the shared assets and where the router is, with strict headers', async () => {
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('Test page');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' http://localhost:4000");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const config = await (await fetch(`${base}/config.js`)).text();
    expect(config).toBe('window.AURORA_CONFIG = {"graphqlUrl":"http://localhost:4000/graphql"};\n');
    const script = await fetch(`${base}/assets/aurora.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('export async function graphql');
    expect((await fetch(`${base}/assets/aurora.css`)).status).toBe(200);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });
});
