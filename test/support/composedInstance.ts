import type { AddressInfo } from 'node:net';
import { composeApplication, type ComposedApplication } from '../../src/composition.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from './testApp.js';

/**
 * The application as `npm start` composes it (with `testConfig(env)`, the fixed clock, a silent log
 * and the shipped knowledge), listening on a free loopback port: one instance of a deployment.
 */
export async function listenComposed(env: Record<string, string>): Promise<{ composed: ComposedApplication; url: string }> {
  const composed = await composeApplication(testConfig(env), { logger: silentLogger(), clock: () => fixedNow, knowledge: await shippedKnowledge() });
  await new Promise<void>((resolve) => composed.app.http.server.listen(0, '127.0.0.1', resolve));
  return { composed, url: `http://127.0.0.1:${(composed.app.http.server.address() as AddressInfo).port}` };
}
