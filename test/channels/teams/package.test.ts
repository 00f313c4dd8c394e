import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const dir = 'deploy/teams';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
  validDomains?: string[];
}

// ---- small readers, so the test does not trust the code it checks -------------------------------

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA rows, unfiltered (the icons use filter 0 only; anything else fails the test). */
  pixel: (x: number, y: number) => [number, number, number, number];
}

function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const colorType = header![9]!;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 4;
  expect(raw.length).toBe(height * stride);
  for (let y = 0; y < height; y++) expect(raw[y * stride]).toBe(0);
  const pixel = (x: number, y: number): [number, number, number, number] => {
    const at = y * stride + 1 + x * 4;
    return [raw[at]!, raw[at + 1]!, raw[at + 2]!, raw[at + 3]!];
  };
  return { width, height, colorType, pixel };
}

/** Entries of a zip archive, read through its central directory, each inflated and CRC-checked. */
function readZip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect([0, 8]).toContain(method);
    expect(data.length, name).toBe(size);
    expect(crc32(data), name).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function runPackager(env: Record<string, string>, outDir: string) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(MicrosoftApp|TEAMS_|BOT_DOMAIN)/.test(key)),
  ) as Record<string, string>;
  return spawnSync(process.execPath, [join(dir, 'package.mjs'), '--out', outDir], { env: { ...clean, ...env }, encoding: 'utf8' });
}

const temp: string[] = [];
const tempDir = () => {
  const path = mkdtempSync(join(tmpdir(), 'teams-package-'));
  temp.push(path);
  return path;
};
afterAll(() => temp.forEach((path) => rmSync(path, { recursive: true, force: true })));

// ---- the template ----------------------------------------------------------------------------------

describe('deploy/teams/manifest.json', () => {
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(text) as Manifest;

  it('is JSON on the current GA schema (1.17), with its $schema URL matching', () => {
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json');
  });

  it('leaves the ids to the packager: id and bots[0].botId are placeholders, not a real app id', () => {
    expect(manifest.id).toBe('{{TEAMS_APP_ID}}');
    expect(manifest.bots[0]!.botId).toBe('{{MICROSOFT_APP_ID}}');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it('has the required names and descriptions within their limits', () => {
    expect(manifest.name.short.length).toBeGreaterThan(0);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeGreaterThan(0);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.developer.name.length).toBeGreaterThan(0);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    expect(manifest.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
  });

  it('is a conversational bot in personal, team and group chat scopes, without files', () => {
    const bot = manifest.bots[0]!;
    expect(manifest.bots).toHaveLength(1);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
  });

  it('lists a few sample questions per scope, within the schema limits', () => {
    const lists = manifest.bots[0]!.commandLists!;
    expect(lists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length, command.title).toBeLessThanOrEqual(32);
        expect(command.description.length, command.title).toBeLessThanOrEqual(128);
        // Policy numbers live in knowledge/ only.
        expect(command.description).not.toMatch(/\d/);
      }
    }
  });

  it('has validDomains (filled by the packager)', () => {
    expect(manifest.validDomains).toEqual(['{{BOT_DOMAIN}}']);
  });
});

describe('deploy/teams icons', () => {
  it('color.png is a 192x192 RGBA PNG on the accent colour', () => {
    const png = readPng(readFileSync(join(dir, 'color.png')));
    expect([png.width, png.height, png.colorType]).toEqual([192, 192, 6]);
    const accent = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).accentColor;
    const hex = `#${png.pixel(0, 0).slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    expect(hex.toLowerCase()).toBe(accent.toLowerCase());
    expect(png.pixel(0, 0)[3]).toBe(255);
    expect(png.pixel(96, 50)).toEqual([255, 255, 255, 255]);
  });

  it('outline.png is a 32x32 PNG, white on transparent', () => {
    const png = readPng(readFileSync(join(dir, 'outline.png')));
    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = png.pixel(x, y);
        expect([r, g, b]).toEqual([255, 255, 255]);
        if (a > 0) opaque++;
      }
    }
    expect(png.pixel(0, 0)[3]).toBe(0);
    expect(png.pixel(10, 12)[3]).toBe(0); // inside the bubble outline, off the check mark: transparent
    expect(opaque).toBeGreaterThan(50);
    expect(opaque).toBeLessThan(32 * 32 / 2);
  });

  it('are what make-icons.mjs draws (the committed PNGs are current)', () => {
    const out = tempDir();
    const run = spawnSync(process.execPath, [join(dir, 'make-icons.mjs'), '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const name of ['color.png', 'outline.png']) expect(readFileSync(join(out, name)).equals(readFileSync(join(dir, name))), name).toBe(true);
  });
});

// ---- the packager ------------------------------------------------------------------------------------

describe('deploy/teams/package.mjs', () => {
  it('zips manifest.json, color.png and outline.png at the root, with the ids filled in', () => {
    const out = tempDir();
    const run = runPackager({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'https://bot.example.org/api/messages' }, out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('candidate-assistant-teams.zip');
    const entries = readZip(readFileSync(join(out, 'candidate-assistant-teams.zip')));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(entries.get('color.png')!.equals(readFileSync(join(dir, 'color.png')))).toBe(true);
    expect(entries.get('outline.png')!.equals(readFileSync(join(dir, 'outline.png')))).toBe(true);

    const text = entries.get('manifest.json')!.toString('utf8');
    expect(text).not.toContain('{{');
    const manifest = JSON.parse(text) as Manifest;
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.id).toMatch(GUID);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      expect(url).toMatch(/^https:\/\//);
    }
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(readPng(entries.get(manifest.icons.color)!).width).toBe(192);
    expect(readPng(entries.get(manifest.icons.outline)!).width).toBe(32);
  });

  it('uses TEAMS_APP_ID, TEAMS_APP_VERSION and the developer URLs when given; no BOT_DOMAIN, no validDomains', () => {
    const out = tempDir();
    const teamsAppId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const run = runPackager(
      {
        MicrosoftAppId: APP_ID,
        TEAMS_APP_ID: teamsAppId,
        TEAMS_APP_VERSION: '2.3.4',
        TEAMS_PRIVACY_URL: 'https://example.org/privacy',
        TEAMS_TERMS_URL: 'https://example.org/terms',
      },
      out,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('warning');
    const manifest = JSON.parse(readZip(readFileSync(join(out, 'candidate-assistant-teams.zip'))).get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.id).toBe(teamsAppId);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.version).toBe('2.3.4');
    expect(manifest.developer.privacyUrl).toBe('https://example.org/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://example.org/terms');
    expect(manifest.validDomains).toEqual([]);
  });

  it('warns when the privacy and terms pages are not set', () => {
    const run = runPackager({ MicrosoftAppId: APP_ID }, tempDir());
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/TEAMS_PRIVACY_URL is not set/);
    expect(run.stderr).toMatch(/TEAMS_TERMS_URL is not set/);
  });

  it('refuses to build without MicrosoftAppId, and writes nothing', () => {
    const out = tempDir();
    const run = runPackager({}, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId is not set/);
    expect(() => readFileSync(join(out, 'candidate-assistant-teams.zip'))).toThrow();
  });

  it('lists every problem at once (bad app id, non-https URL, bad version)', () => {
    const run = runPackager({ MicrosoftAppId: 'not-a-guid', TEAMS_PRIVACY_URL: 'http://example.org/privacy', TEAMS_APP_VERSION: 'v2' }, tempDir());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId must be a GUID/);
    expect(run.stderr).toMatch(/TEAMS_PRIVACY_URL must be an https:\/\/ URL/);
    expect(run.stderr).toMatch(/TEAMS_APP_VERSION must be a semver/);
  });

  it('builds the same bytes twice (a fixed timestamp in the zip)', () => {
    const [a, b] = [tempDir(), tempDir()];
    runPackager({ MicrosoftAppId: APP_ID }, a);
    runPackager({ MicrosoftAppId: APP_ID }, b);
    expect(readFileSync(join(a, 'candidate-assistant-teams.zip')).equals(readFileSync(join(b, 'candidate-assistant-teams.zip')))).toBe(true);
  });
});
