import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { configSchema, parseConfig } from '../../src/config.js';
import { DIRECTLINE_BASE } from '../../src/channels/web/directLineRoutes.js';
import { loadStaffAccounts } from '../../src/handoff/staff/staffAccounts.js';

// The deployment files, checked here since no Docker engine or cluster runs on the development and
// CI machines: the Dockerfile's stage graph, compose, nginx, the Kubernetes manifests and the Azure
// template, each cross-checked against the bot's one config schema (src/config.ts).

const known = new Set(Object.keys((configSchema as unknown as { shape: Record<string, unknown> }).shape));
const unknownNames = (names: Iterable<string>) => [...names].filter((name) => !known.has(name));
const text = (path: string) => readFileSync(path, 'utf8');

/** A production environment's secrets, as an operator would fill them in. */
const filledIn: Record<string, string> = {
  MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
  MicrosoftAppPassword: 'app-password-value',
  ACCOUNT_API_URL: 'https://accounts.example.org/v1',
  ACCOUNT_API_KEY: 'account-api-key',
  DIRECTLINE_LOCAL_SECRET: 'x'.repeat(48),
  METRICS_TOKEN: 'metrics-token-0123456789',
};

interface Stage {
  name: string;
  lines: string[];
}

/** The Dockerfile as stages of instructions (continuation lines joined, comments dropped). */
function dockerStages(source: string): Stage[] {
  const instructions = source
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ name: from[1] ?? String(stages.length), lines: [] });
    else stages.at(-1)!.lines.push(line);
  }
  return stages;
}

describe('deploy/Dockerfile', () => {
  const stages = dockerStages(text('deploy/Dockerfile'));
  const runtime = stages.at(-1)!;
  const build = stages.find((stage) => stage.name === 'build')!;

  it('has a build stage that installs, type-checks, compiles and prunes to production dependencies', () => {
    expect(build).toBeDefined();
    const runs = build.lines.filter((line) => line.startsWith('RUN ')).join('\n');
    expect(runs).toMatch(/npm ci/);
    expect(runs).toMatch(/npm run -s typecheck/);
    expect(runs).toMatch(/npm run -s build/);
    expect(runs).toMatch(/deploy\/prune-runtime\.sh/);
  });

  it('keeps the packages whose files the pages serve from node_modules as production dependencies, so the pruned image has them', () => {
    const manifest = JSON.parse(text('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    // Web Chat (the website chat page) and uPlot (the staff console's insights charts).
    for (const pkg of ['botframework-webchat', 'uplot']) {
      expect(Object.keys(manifest.dependencies), pkg).toContain(pkg);
      expect(Object.keys(manifest.devDependencies), pkg).not.toContain(pkg);
    }
    // prune-runtime.sh keeps production dependencies whole (only Web Chat is cut down to its served files).
    expect(text('deploy/prune-runtime.sh')).toMatch(/npm prune --omit=dev/);
    expect(text('deploy/prune-runtime.sh')).not.toMatch(/uplot/);
  });

  it('the final stage copies its modules and compiled code from the build stage, so BuildKit cannot skip it', () => {
    const copiedFrom = runtime.lines.map((line) => /^COPY\s+--from=(\S+)\s+(\S+)/.exec(line)).filter(Boolean).map((m) => [m![1], m![2]]);
    expect(copiedFrom).toContainEqual(['build', '/app/node_modules']);
    expect(copiedFrom).toContainEqual(['build', '/app/dist']);
    for (const [stage] of copiedFrom) expect(stages.map((s) => s.name)).toContain(stage);
  });

  it('runs compiled JavaScript as a non-root user with a health check, and ships no TypeScript sources', () => {
    expect(runtime.lines.find((line) => line.startsWith('USER '))).toMatch(/^USER (?!root|0\b)\S+/);
    expect(runtime.lines.some((line) => line.startsWith('HEALTHCHECK ') && line.includes('/healthz'))).toBe(true);
    expect(runtime.lines.find((line) => line.startsWith('CMD '))).toContain('dist/server.mjs');
    expect(runtime.lines.filter((line) => /^COPY\s+(?!--from)/.test(line) && /\b(src|dialogs|test)\b/.test(line))).toEqual([]);
    expect(runtime.lines).toContain('ENV NODE_ENV=production PORT=3978');
  });

  it('copies only paths that exist and that .dockerignore lets into the context', () => {
    const ignored = text('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    const sources = stages.flatMap((stage) => stage.lines).filter((line) => /^COPY\s+(?!--from)/.test(line)).flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(existsSync(source), source).toBe(true);
      expect(ignored.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`)), source).toEqual([]);
    }
  });

  it('.dockerignore keeps installed modules, build output, git history and secrets out of the context', () => {
    const ignored = text('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.git', '.env', 'deploy/.env', 'deploy/staff-accounts.yaml']) expect(ignored).toContain(entry);
  });
});

describe('deploy/docker-compose.yml', () => {
  const compose = parseYaml(text('deploy/docker-compose.yml')) as {
    services: Record<string, { environment?: Record<string, string>; env_file?: string[]; deploy?: { replicas?: number }; secrets?: string[]; image?: string; volumes?: string[] }>;
    secrets: Record<string, { file: string }>;
  };
  const bot = compose.services.bot!;
  const envExample = parseDotenv(readFileSync('deploy/.env.example'));

  it('runs two bot replicas from one service definition, with Redis and nginx', () => {
    expect(bot.deploy?.replicas).toBe(2);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
    expect(compose.services.lb?.image).toMatch(/^nginx:/);
    expect(compose.services.lb?.volumes).toContain('./nginx.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('both replicas read the same .env and must share DIRECTLINE_LOCAL_SECRET (compose refuses to start without it)', () => {
    expect(bot.env_file).toEqual(['.env']);
    expect(bot.environment?.DIRECTLINE_LOCAL_SECRET).toMatch(/^\$\{DIRECTLINE_LOCAL_SECRET:\?/);
    expect(bot.environment?.REDIS_URL).toBe('redis://redis:6379/0');
    expect(Object.keys(envExample)).toContain('DIRECTLINE_LOCAL_SECRET');
  });

  it('gives the replicas a staff accounts file as a compose secret, where STAFF_ACCOUNTS_FILE points', async () => {
    expect(bot.secrets).toEqual(['staff_accounts']);
    expect(bot.environment?.STAFF_ACCOUNTS_FILE).toBe('/run/secrets/staff_accounts');
    expect(compose.secrets.staff_accounts?.file).toBe('./staff-accounts.yaml');
    const example = await loadStaffAccounts({ file: 'deploy/staff-accounts.example.yaml' });
    expect(example.users().map((user) => user.role).sort()).toEqual(['agent', 'supervisor']);
  });

  it('every variable compose and deploy/.env.example set is one the config knows', () => {
    expect(unknownNames([...Object.keys(bot.environment ?? {}), ...Object.keys(envExample)])).toEqual([]);
  });

  it('deploy/.env.example filled in, with compose environment, is a production configuration the bot starts with', () => {
    const fromCompose = { ...bot.environment, DIRECTLINE_LOCAL_SECRET: filledIn.DIRECTLINE_LOCAL_SECRET! };
    const env = { ...envExample, ...filledIn, ...fromCompose };
    expect(parseConfig(env).NODE_ENV).toBe('production');
    const { DIRECTLINE_LOCAL_SECRET: _shared, ...unshared } = env;
    expect(() => parseConfig(unshared)).toThrow(/DIRECTLINE_LOCAL_SECRET/);
  });

  it("nginx proxies to the bot service's port, passes request ids, and keeps /metrics off the public side", () => {
    const nginx = text('deploy/nginx.conf');
    expect(nginx).toMatch(/server bot:3978\b/);
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
    expect(nginx.match(/proxy_pass http:\/\/bots;/g)?.length).toBe(nginx.match(/proxy_set_header X-Request-Id \$request_id;/g)?.length);
  });

  it("nginx passes the website chat's WebSocket stream through: the Upgrade handshake, no buffering, timeouts past the stream's heartbeat", () => {
    const nginx = text('deploy/nginx.conf');
    const [, pattern, block = ''] = /location ~ (\S+) \{([^}]*)\}/.exec(nginx) ?? [];
    // The location takes the stream's path as the bot hands it out, and nothing else of Direct Line.
    const location = new RegExp(pattern!);
    expect(location.test(`${DIRECTLINE_BASE}/conversations/Ab-12_cd/stream`)).toBe(true);
    expect(location.test(`${DIRECTLINE_BASE}/conversations/Ab-12_cd/activities`)).toBe(false);
    expect(block).toMatch(/proxy_http_version 1\.1;/);
    expect(block).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(block).toMatch(/proxy_set_header Connection "upgrade";/);
    expect(block).toMatch(/proxy_buffering off;/);
    const seconds = (value: string) => (value.endsWith('h') ? 3600 : value.endsWith('m') ? 60 : 1) * parseInt(value, 10);
    const heartbeatSeconds = 30;
    for (const directive of ['proxy_read_timeout', 'proxy_send_timeout']) {
      const value = new RegExp(`${directive} (\\w+);`).exec(block)?.[1];
      expect({ directive, longerThanHeartbeat: value ? seconds(value) > heartbeatSeconds : false }).toEqual({ directive, longerThanHeartbeat: true });
    }
  });
});

// Parsed manifests and templates are walked by path, as kubectl and ARM read them: loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type K8sObject = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Loose; data?: Record<string, string>; stringData?: Record<string, string> };

describe('deploy/k8s', () => {
  const kustomization = parseYaml(text('deploy/k8s/kustomization.yaml')) as { resources: string[] };
  const objects: K8sObject[] = kustomization.resources.flatMap((file) => parseAllDocuments(text(`deploy/k8s/${file}`)).map((doc) => doc.toJS() as K8sObject));
  const one = (kind: string, name?: string) => objects.find((o) => o.kind === kind && (!name || o.metadata.name === name))!;
  const deployment = one('Deployment');
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  const configMap = one('ConfigMap');
  const secret = one('Secret', 'candidate-assistant-secrets');

  it('has the Deployment, Service, HPA, PDB, ConfigMap and Secrets, each with apiVersion, kind and name', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Namespace', 'PodDisruptionBudget', 'Secret', 'Secret', 'Service']);
    for (const o of objects) {
      expect((o as unknown as { apiVersion: string }).apiVersion).toBeTruthy();
      expect(o.metadata.name).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('probes readiness on /readyz and liveness on /healthz, drains in preStop, runs non-root', () => {
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
    const drainSeconds = 5 + Number(configMap.data!.SHUTDOWN_DRAIN_MS) / 1000 + Number(configMap.data!.SHUTDOWN_GRACE_MS) / 1000;
    expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(drainSeconds);
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    expect(container.ports[0].containerPort).toBe(Number(configMap.data!.PORT));
  });

  it('the Service, HPA and PDB point at the Deployment and its pods; the HPA scales on CPU from two', () => {
    const labels = pod.metadata.labels;
    expect(one('Service').spec.selector).toEqual(labels);
    expect(one('PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    const hpa = one('HorizontalPodAutoscaler').spec;
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.metrics[0].resource.name).toBe('cpu');
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('the pod reads the ConfigMap and Secrets that exist, and every variable they set is in the config schema', () => {
    const refs = container.envFrom.map((e: { configMapRef?: { name: string }; secretRef?: { name: string } }) => e.configMapRef?.name ?? e.secretRef?.name);
    expect(refs).toEqual([configMap.metadata.name, secret.metadata.name]);
    expect(pod.spec.volumes.find((v: { secret?: { secretName: string } }) => v.secret)?.secret.secretName).toBe('candidate-assistant-staff');
    expect(unknownNames([...Object.keys(configMap.data!), ...Object.keys(secret.stringData!)])).toEqual([]);
  });

  it('the ConfigMap and Secret together are a production configuration the bot starts with, Redis outside the cluster', () => {
    const config = parseConfig({ ...configMap.data, ...secret.stringData });
    expect(config.NODE_ENV).toBe('production');
    expect(config.REDIS_URL).toMatch(/^rediss:\/\//);
    expect(objects.some((o) => /redis/i.test(o.metadata.name))).toBe(false);
  });

  it.skipIf(!commandExists('kubectl'))('kubectl renders the kustomization client-side', () => {
    const rendered = execFileSync('kubectl', ['kustomize', 'deploy/k8s'], { encoding: 'utf8' });
    expect(parseAllDocuments(rendered).length).toBe(objects.length);
  });
});

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('deploy/azure/main.json (ARM)', () => {
  const template = JSON.parse(text('deploy/azure/main.json')) as { $schema: string; parameters: Record<string, unknown>; variables: Record<string, unknown>; resources: Array<Record<string, Loose>> };
  const byType = (type: string) => template.resources.filter((r) => r.type === type);
  const app = byType('Microsoft.App/containerApps')[0]!;
  const container = app.properties.template.containers[0];

  it('is a deployment template whose every parameters() and variables() reference is declared', () => {
    expect(template.$schema).toMatch(/deploymentTemplate\.json#$/);
    const source = text('deploy/azure/main.json');
    for (const [, name] of source.matchAll(/parameters\('([^']+)'\)/g)) expect(Object.keys(template.parameters)).toContain(name);
    for (const [, name] of source.matchAll(/variables\('([^']+)'\)/g)) expect(Object.keys(template.variables)).toContain(name);
    const example = JSON.parse(text('deploy/azure/main.parameters.example.json')) as { parameters: Record<string, unknown> };
    for (const name of Object.keys(example.parameters)) expect(Object.keys(template.parameters)).toContain(name);
  });

  it('has the Azure Bot with Web Chat, Teams and SMS channels, Container Apps, Azure Cache for Redis and Key Vault', () => {
    const channels = byType('Microsoft.BotService/botServices/channels').map((c) => c.properties.channelName);
    expect(channels.sort()).toEqual(['MsTeamsChannel', 'SmsChannel', 'WebChatChannel']);
    expect(byType('Microsoft.BotService/botServices')[0]!.properties.endpoint).toMatch(/^\[format\('https:\/\/\{0\}\/api\/messages', reference\(/);
    expect(byType('Microsoft.Cache/redis')[0]!.properties.enableNonSslPort).toBe(false);
    expect(byType('Microsoft.KeyVault/vaults')).toHaveLength(1);
  });

  it('the app runs at least two replicas with /healthz and /readyz probes on its port', () => {
    expect(template.parameters.minReplicas).toMatchObject({ defaultValue: 2, minValue: 2 });
    const probes = Object.fromEntries(container.probes.map((p: { type: string; httpGet: { path: string; port: number } }) => [p.type, p.httpGet]));
    expect(probes.Liveness).toEqual({ path: '/healthz', port: 3978 });
    expect(probes.Readiness).toEqual({ path: '/readyz', port: 3978 });
    expect(app.properties.configuration.ingress.targetPort).toBe(3978);
  });

  it('every secret the app reads is a Key Vault secret the template stores', () => {
    const stored = byType('Microsoft.KeyVault/vaults/secrets').map((s) => /\/([a-z-]+)'/.exec(s.name)![1]);
    const appSecrets = app.properties.configuration.secrets as Array<{ name: string; keyVaultUrl: string }>;
    for (const secret of appSecrets) expect(stored).toContain(secret.name);
    for (const env of container.env.filter((e: { secretRef?: string }) => e.secretRef)) expect(appSecrets.map((s) => s.name)).toContain(env.secretRef);
  });

  it('every variable the app sets is in the config schema, and with sample values it is a production configuration', () => {
    const env = container.env as Array<{ name: string; value?: string; secretRef?: string }>;
    expect(unknownNames(env.map((e) => e.name))).toEqual([]);
    const samples: Record<string, string> = {
      MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-00000000beef',
      ACCOUNT_API_URL: 'https://accounts.example.org/v1',
      REDIS_URL: 'rediss://:key@candidate-assistant.redis.cache.windows.net:6380/0',
      STAFF_ACCOUNTS: '[]',
    };
    const values = Object.fromEntries(env.map((e) => [e.name, e.value?.startsWith('[') || e.secretRef ? (samples[e.name] ?? filledIn[e.name] ?? 'x'.repeat(48)) : e.value!]));
    const config = parseConfig(values);
    expect(config).toMatchObject({ NODE_ENV: 'production', MicrosoftAppType: 'UserAssignedMSI' });
    expect(byType('Microsoft.BotService/botServices')[0]!.properties.msaAppType).toBe(config.MicrosoftAppType);
  });
});
