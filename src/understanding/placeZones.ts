/**
 * Where a test centre is, as candidates say it ("the test center is in Denver", "it's in Texas",
 * "that's mountain time"): a US city, state or time-zone name -> its IANA zone. The change rule
 * counts the 72 hours in the test centre's local time, so the place named replaces the candidate's
 * own zone as the one the answer is worked out in.
 *
 * One table, a row per zone, checked with zod when the module loads (a zone luxon does not know, or a
 * name listed twice, stops the start). A state is listed by its name when nearly all of it keeps one
 * zone (Texas but El Paso, Florida but its panhandle: those cities are listed with their own); one
 * split in large parts (Kentucky, Tennessee, South Dakota) only by its cities, so no answer rests on
 * a guess at which half was meant.
 */

import { z } from 'zod';
import { isKnownZone } from '../rules/dates.js';
import { withoutAccents } from '../language/accents.js';

const MODULE = 'understanding/placeZones';

const PLACE_ZONES_TABLE = [
  {
    zone: 'America/New_York',
    timeNames: ['eastern', 'eastern time', 'est', 'edt', 'et'],
    states: ['new york', 'new jersey', 'pennsylvania', 'connecticut', 'massachusetts', 'rhode island', 'vermont', 'new hampshire', 'maine', 'delaware', 'maryland', 'virginia', 'west virginia', 'north carolina', 'south carolina', 'georgia', 'ohio', 'michigan', 'indiana', 'florida', 'washington dc', 'washington d.c.', 'district of columbia'],
    cities: ['new york city', 'nyc', 'brooklyn', 'buffalo', 'rochester', 'albany', 'boston', 'philadelphia', 'philly', 'pittsburgh', 'baltimore', 'richmond', 'norfolk', 'virginia beach', 'charlotte', 'raleigh', 'greensboro', 'atlanta', 'savannah', 'columbia', 'charleston', 'miami', 'orlando', 'tampa', 'jacksonville', 'fort lauderdale', 'detroit', 'grand rapids', 'cleveland', 'columbus', 'cincinnati', 'toledo', 'indianapolis', 'louisville', 'lexington', 'knoxville', 'hartford', 'newark', 'providence', 'portland maine'],
  },
  {
    zone: 'America/Chicago',
    timeNames: ['central', 'central time', 'cst', 'cdt', 'ct'],
    states: ['illinois', 'wisconsin', 'minnesota', 'iowa', 'missouri', 'arkansas', 'louisiana', 'mississippi', 'alabama', 'oklahoma', 'texas', 'kansas', 'nebraska', 'north dakota'],
    cities: ['chicago', 'milwaukee', 'madison', 'minneapolis', 'st paul', 'saint paul', 'des moines', 'st louis', 'saint louis', 'kansas city', 'omaha', 'wichita', 'tulsa', 'oklahoma city', 'dallas', 'fort worth', 'houston', 'san antonio', 'austin', 'new orleans', 'baton rouge', 'memphis', 'nashville', 'birmingham', 'montgomery', 'jackson', 'little rock', 'fargo', 'sioux falls', 'pensacola'],
  },
  {
    zone: 'America/Denver',
    timeNames: ['mountain', 'mountain time', 'mst', 'mdt', 'mt'],
    states: ['colorado', 'utah', 'wyoming', 'montana', 'new mexico', 'idaho'],
    cities: ['denver', 'colorado springs', 'boulder', 'fort collins', 'salt lake city', 'salt lake', 'provo', 'albuquerque', 'santa fe', 'cheyenne', 'billings', 'boise', 'el paso'],
  },
  {
    zone: 'America/Phoenix',
    timeNames: [],
    states: ['arizona'],
    cities: ['phoenix', 'tucson', 'mesa', 'scottsdale', 'tempe', 'flagstaff'],
  },
  {
    zone: 'America/Los_Angeles',
    timeNames: ['pacific', 'pacific time', 'pst', 'pdt', 'pt'],
    states: ['california', 'washington state', 'nevada', 'oregon'],
    cities: ['los angeles', 'san diego', 'san francisco', 'san jose', 'sacramento', 'fresno', 'oakland', 'long beach', 'seattle', 'spokane', 'tacoma', 'portland', 'eugene', 'las vegas', 'reno'],
  },
  {
    zone: 'America/Anchorage',
    timeNames: ['alaska time', 'akst', 'akdt'],
    states: ['alaska'],
    cities: ['anchorage', 'fairbanks', 'juneau'],
  },
  {
    zone: 'Pacific/Honolulu',
    timeNames: ['hawaii time', 'hst'],
    states: ['hawaii'],
    cities: ['honolulu'],
  },
  {
    zone: 'America/Puerto_Rico',
    timeNames: ['atlantic time', 'ast'],
    states: ['puerto rico'],
    cities: ['san juan'],
  },
];

const name = z.string().regex(/^[a-z][a-z .]*[a-z.]$/, 'must be lower case letters, spaces or dots');
const placeZoneSchema = z.strictObject({
  zone: z.string().refine(isKnownZone, 'must be an IANA time zone luxon knows'),
  /** Said with "time" ("mountain time") or as the zone's abbreviation ("MST"): no "in" needed. */
  timeNames: z.array(name),
  states: z.array(name).min(1),
  cities: z.array(name).min(1),
});

const placeZonesSchema = z.array(placeZoneSchema).superRefine((rows, ctx) => {
  const seen = new Map<string, string>();
  rows.forEach((row, i) => {
    for (const place of [...row.timeNames, ...row.states, ...row.cities]) {
      const before = seen.get(place);
      if (before) ctx.addIssue({ code: 'custom', path: [i], message: `"${place}" is listed for ${before} and ${row.zone}` });
      seen.set(place, row.zone);
    }
  });
});

export type PlaceZone = z.infer<typeof placeZoneSchema>;

function parsed(): PlaceZone[] {
  const result = placeZonesSchema.safeParse(PLACE_ZONES_TABLE);
  if (!result.success) throw new Error(`${MODULE}: ${result.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ')}`);
  return result.data;
}

export const PLACE_ZONES: readonly PlaceZone[] = parsed();

/** A place the message names, with the zone it is in. */
export interface PlaceInZone {
  /** The place as the table has it ("denver", "mountain time"). */
  place: string;
  zone: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (names: string[]): string => [...names].sort((a, b) => b.length - a.length).map(escape).join('|');

const rows = PLACE_ZONES.map((row) => {
  const places = alternation([...row.states, ...row.cities]);
  const times = row.timeNames.length > 0 ? alternation(row.timeNames) : undefined;
  return {
    row,
    // "in Denver", "at the Denver one", "near Phoenix", "Denver time", "en Denver", "de Houston".
    place: new RegExp(String.raw`(?:\b(?:in|at|near|en|de)\s+(?:the\s+)?(?:(?:downtown|central|north|south|east|west|northern|southern|eastern|western|greater)\s+)?(${places})\b(?!\s+(?:st|street|ave|avenue|rd|road|blvd)\b))|\b(${places})\s+(?:time|timezone|time zone)\b`),
    // "mountain time", "eastern timezone": a zone named with its word.
    time: times ? new RegExp(String.raw`\b(${times})\s+(?:time|timezone|time zone)\b`) : undefined,
    // "MST", "it's CST": an abbreviation, trusted only in a short message or beside a word of time zones.
    abbreviation: times ? new RegExp(String.raw`\b(${alternation(row.timeNames.filter((n) => n.length <= 4))})\b`) : undefined,
  };
});

/** Words of time zones: with them an abbreviation ("ET") is one. */
const ZONE_WORDS = /\b(?:time ?zone|time|hora|horario|zona)\b/;
/** Words that put a place as the test centre's (or the candidate's): the message is about where. */
const WHERE_WORDS = /\b(?:test(?:ing)? cent(?:er|re)s?|cent(?:er|re)|prometric|located|location|it'?s|its|is in|i'?m in|i live|i am in|that'?s|thats|la sede|el centro|esta en)\b/;
const SHORT_WORDS = 4;

/**
 * The place the message puts the test centre in, and its zone: "the test center is in Denver",
 * "it's in Phoenix", "that's mountain time", "the centre is in colorado". Null when it names none the
 * table knows, or only as part of something else ("Denver Ave").
 */
export function placeZoneIn(text: string): PlaceInZone | null {
  const t = withoutAccents(text.toLowerCase()).replace(/[,!?;:]/g, ' ').replace(/\s+/g, ' ').trim();
  const zoneWords = ZONE_WORDS.test(t);
  // A city or state said with where it is ("in Denver", "Denver time") first: "the center is in
  // central Denver" is Denver's, not Central time.
  for (const { row, place } of rows) {
    const found = place.exec(t);
    if (found) return { place: (found[1] ?? found[2]) as string, zone: row.zone };
  }
  const short = t.split(' ').length <= SHORT_WORDS;
  if (!zoneWords && !short && !WHERE_WORDS.test(t)) return null;
  for (const { row, time, abbreviation } of rows) {
    const found = time?.exec(t) ?? (zoneWords || short ? abbreviation?.exec(t) : null);
    if (found) return { place: found[1] as string, zone: row.zone };
  }
  return null;
}
