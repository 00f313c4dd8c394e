#!/usr/bin/env node
// Builds the Teams app package: manifest.json (placeholders filled in from the environment) with
// color.png and outline.png, zipped at the root of deploy/teams/dist/candidate-assistant-teams.zip.
// No dependency: a small zip writer (deflate and CRC-32 from node:zlib).
//
//   MicrosoftAppId=<bot app id> node deploy/teams/package.mjs [--out <dir>]
//   node --env-file=.env deploy/teams/package.mjs
//
// Environment:
//   MicrosoftAppId                required: the Azure Bot's Microsoft App Id (a GUID), the manifest's bots[0].botId
//   TEAMS_APP_ID                  the Teams app id (a GUID); default: MicrosoftAppId
//   TEAMS_APP_VERSION             the app version (semver); default: package.json version. Raise it for every upload.
//   BOT_DOMAIN                    host name the bot is served from (validDomains); a URL is cut to its host
//   TEAMS_DEVELOPER_WEBSITE_URL   default https://www.ase.com
//   TEAMS_PRIVACY_URL             default: the website URL (with a warning: set the real page before publishing)
//   TEAMS_TERMS_URL               default: the website URL (with a warning)

import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_NAME = 'candidate-assistant-teams.zip';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'];
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const DEFAULT_WEBSITE = 'https://www.ase.com';

export class PackageError extends Error {
  constructor(problems) {
    super(`teams package: cannot build:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

// ---- zip -----------------------------------------------------------------------------------------

/** A fixed timestamp (2025-01-01 00:00) so the same inputs always give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

/** A zip archive of `entries` ({ name, data }), each deflated, all at the root. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, deflated);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// ---- manifest ------------------------------------------------------------------------------------

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const httpsUrl = (value) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/** The values for the manifest's {{PLACEHOLDERS}}, or every problem with the environment at once. */
export function settingsFrom(env, warn = () => {}) {
  const problems = [];
  const read = (name) => (env[name] ?? '').trim();
  const appId = read('MicrosoftAppId');
  if (!appId) problems.push('MicrosoftAppId is not set: the package needs the bot\'s Microsoft App Id (Azure Bot > Configuration)');
  else if (!GUID.test(appId)) problems.push(`MicrosoftAppId must be a GUID (got "${appId}")`);
  const teamsAppId = read('TEAMS_APP_ID') || appId;
  if (read('TEAMS_APP_ID') && !GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID must be a GUID (got "${teamsAppId}")`);

  const packageJson = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8'));
  const version = read('TEAMS_APP_VERSION') || packageJson.version;
  if (!SEMVER.test(version ?? '')) problems.push(`TEAMS_APP_VERSION must be a semver version such as 1.2.3 (got "${version}")`);

  let domain = read('BOT_DOMAIN');
  if (domain.includes('://')) {
    try {
      domain = new URL(domain).host;
    } catch {
      problems.push(`BOT_DOMAIN is not a host name or URL (got "${domain}")`);
    }
  }
  if (domain && !/^[A-Za-z0-9*.-]+(:\d+)?$/.test(domain)) problems.push(`BOT_DOMAIN is not a host name (got "${domain}")`);

  const website = read('TEAMS_DEVELOPER_WEBSITE_URL') || DEFAULT_WEBSITE;
  const privacy = read('TEAMS_PRIVACY_URL') || website;
  const terms = read('TEAMS_TERMS_URL') || website;
  const warnings = [];
  if (!read('TEAMS_PRIVACY_URL')) warnings.push(`TEAMS_PRIVACY_URL is not set; using ${website}. Set the privacy page before publishing the app.`);
  if (!read('TEAMS_TERMS_URL')) warnings.push(`TEAMS_TERMS_URL is not set; using ${website}. Set the terms of use page before publishing the app.`);
  for (const [name, url] of [['TEAMS_DEVELOPER_WEBSITE_URL', website], ['TEAMS_PRIVACY_URL', privacy], ['TEAMS_TERMS_URL', terms]]) {
    if (!httpsUrl(url)) problems.push(`${name} must be an https:// URL (got "${url}")`);
  }
  if (problems.length) throw new PackageError(problems);
  warnings.forEach((message) => warn(message));
  return {
    MICROSOFT_APP_ID: appId,
    TEAMS_APP_ID: teamsAppId,
    APP_VERSION: version,
    BOT_DOMAIN: domain,
    DEVELOPER_WEBSITE_URL: website,
    DEVELOPER_PRIVACY_URL: privacy,
    DEVELOPER_TERMS_URL: terms,
  };
}

/** The template with every {{NAME}} replaced; array items left empty (an unset BOT_DOMAIN) are dropped. */
export function fillManifest(template, settings) {
  const fill = (value) => {
    if (typeof value === 'string') {
      return value.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name) => (name in settings ? settings[name] : whole));
    }
    if (Array.isArray(value)) return value.map(fill).filter((item) => item !== '');
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
    return value;
  };
  const manifest = fill(template);
  const left = JSON.stringify(manifest).match(/\{\{[A-Z_]+\}\}/g);
  if (left) throw new PackageError([`the manifest still has placeholders: ${[...new Set(left)].join(', ')}`]);
  return manifest;
}

/** The required fields of the manifest schema (1.17), checked so a broken package never leaves here. */
export function manifestProblems(manifest, files) {
  const problems = [];
  const need = (path, ok) => {
    if (!ok) problems.push(`manifest: ${path} is missing or invalid`);
  };
  for (const key of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) need(key, manifest[key] !== undefined);
  need('id (a GUID)', GUID.test(manifest.id ?? ''));
  need('name.short (<= 30 characters)', typeof manifest.name?.short === 'string' && manifest.name.short.length > 0 && manifest.name.short.length <= 30);
  need('name.full (<= 100 characters)', typeof manifest.name?.full === 'string' && manifest.name.full.length > 0 && manifest.name.full.length <= 100);
  need('description.short (<= 80 characters)', typeof manifest.description?.short === 'string' && manifest.description.short.length > 0 && manifest.description.short.length <= 80);
  need('description.full (<= 4000 characters)', typeof manifest.description?.full === 'string' && manifest.description.full.length > 0 && manifest.description.full.length <= 4000);
  need('developer.name (<= 32 characters)', typeof manifest.developer?.name === 'string' && manifest.developer.name.length > 0 && manifest.developer.name.length <= 32);
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) need(`developer.${key} (https)`, httpsUrl(manifest.developer?.[key] ?? ''));
  need('accentColor (#rrggbb)', /^#[0-9a-fA-F]{6}$/.test(manifest.accentColor ?? ''));
  const bot = manifest.bots?.[0];
  need('bots[0].botId (a GUID)', GUID.test(bot?.botId ?? ''));
  need('bots[0].scopes', Array.isArray(bot?.scopes) && bot.scopes.length > 0);
  const sizes = { color: 192, outline: 32 };
  for (const [icon, size] of Object.entries(sizes)) {
    const file = manifest.icons?.[icon];
    const bytes = file ? files[file] : undefined;
    const actual = bytes ? pngSize(bytes) : undefined;
    if (!actual) problems.push(`manifest: icons.${icon} (${file ?? 'not named'}) is not a PNG in the package`);
    else if (actual.width !== size || actual.height !== size) problems.push(`manifest: icons.${icon} must be ${size}x${size} (is ${actual.width}x${actual.height})`);
  }
  return problems;
}

/** Reads the template and icons from this folder, fills, checks and zips them; returns what it wrote. */
export function buildPackage({ env = process.env, outDir = join(here, 'dist'), warn = () => {} } = {}) {
  const settings = settingsFrom(env, warn);
  const template = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
  const manifest = fillManifest(template, settings);
  const files = {};
  for (const name of PACKAGE_FILES.slice(1)) {
    const path = join(here, name);
    if (!existsSync(path)) throw new PackageError([`${name} is missing: run node deploy/teams/make-icons.mjs`]);
    files[name] = readFileSync(path);
  }
  const problems = manifestProblems(manifest, files);
  if (problems.length) throw new PackageError(problems);
  const entries = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }];
  for (const name of PACKAGE_FILES.slice(1)) entries.push({ name, data: files[name] });
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, PACKAGE_NAME);
  writeFileSync(zipPath, zip(entries));
  return { zipPath, manifest, entries: entries.map((entry) => entry.name) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : undefined;
  try {
    const result = buildPackage({ outDir, warn: (message) => process.stderr.write(`warning: ${message}\n`) });
    process.stdout.write(
      `wrote ${result.zipPath} (${result.entries.join(', ')}) for bot ${result.manifest.bots[0].botId}, app version ${result.manifest.version}\n`,
    );
  } catch (error) {
    process.stderr.write(`${error instanceof PackageError ? error.message : error?.stack ?? error}\n`);
    process.exitCode = 1;
  }
}
