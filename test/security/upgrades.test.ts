// Upgrades: every request with an Upgrade header is answered and its socket closed, in both web
// modes (issue 15: an upgrade to any path but the Direct Line stream was never answered, and 250 of
// them left the process out of file descriptors for good).
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSecuredBot } from './support.js';

/** Server-side sockets on this port in CLOSE-WAIT (the peer closed, we never did), from /proc/net/tcp{,6}. */
function closeWaitOn(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local?.endsWith(`:${hexPort}`) && state === '08') count++;
    }
  }
  return count;
}

/** One raw upgrade request; resolves with the status line the server sent (or '' if none) once the client has closed. */
function upgradeOnce(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = () => {
      socket.destroy();
      resolve(reply.split('\r\n')[0] ?? '');
    };
    socket.setTimeout(3000, done);
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('end', done);
    socket.on('error', done);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
  });
}

const paths = ['/', '/api/messages', '/staff', '/anything/else', '/v3/directline/conversations/abc/stream', '/v3/directline/conversations/abc/stream?t=forged'];

describe.each([
  ['built-in Direct Line', {}],
  ['Azure Direct Line', { DIRECTLINE_SECRET: 'a-direct-line-secret-for-tests' }],
])('upgrades (%s)', (_mode, env) => {
  it('answers 300 upgrade requests to other paths and bad streams, and leaves no socket in CLOSE-WAIT', async () => {
    const bot = await startSecuredBot({ env });
    try {
      const { port } = bot.app.http.server.address() as AddressInfo;
      const statuses: string[] = [];
      for (let batch = 0; batch < 10; batch++) {
        statuses.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => upgradeOnce(port, paths[(batch * 30 + i) % paths.length]!)))));
      }
      expect(statuses).toHaveLength(300);
      // Every request got an answer: 404 for paths nobody upgrades, 401/403 for a stream without a good token.
      for (const status of statuses) expect(status).toMatch(/^HTTP\/1\.1 (404|401|403) /);
      if (Object.keys(env).length) expect(statuses.filter((status) => status.includes(' 404 '))).toHaveLength(300);
      let waiting = closeWaitOn(port);
      for (let i = 0; i < 20 && waiting > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        waiting = closeWaitOn(port);
      }
      expect(waiting).toBe(0);
      const open = await new Promise<number>((resolve, reject) => bot.app.http.server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
      expect(open).toBe(0);
    } finally {
      await bot.close();
    }
  });
});
