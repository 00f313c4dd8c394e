import { describe, expect, it } from 'vitest';
import { PLACE_ZONES, placeZoneIn } from '../../src/understanding/placeZones.js';

describe('the place a test centre is in gives its time zone', () => {
  it.each([
    ['the test center is in Denver', 'America/Denver'],
    ['the centre is in colorado', 'America/Denver'],
    ["it's in Phoenix", 'America/Phoenix'],
    ['the prometric center in salt lake city', 'America/Denver'],
    ['the test center is in central Denver', 'America/Denver'],
    ['my appointment is friday at 9am in Chicago', 'America/Chicago'],
    ['the test center is in Texas', 'America/Chicago'],
    ["that's mountain time", 'America/Denver'],
    ['MST', 'America/Denver'],
    ['el centro de examen esta en Denver', 'America/Denver'],
  ])('"%s" is %s', (text, zone) => {
    expect(placeZoneIn(text)?.zone).toBe(zone);
  });

  it.each(['I live on Denver Ave', 'I failed A5 in march', 'I took it in person', 'in the morning', 'i texted from my mobile', 'the test center is in Kentucky'])(
    '"%s" names no place the table knows',
    (text) => {
      expect(placeZoneIn(text)).toBeNull();
    },
  );

  it('lists every place once, each with a zone luxon knows (checked when the table loads)', () => {
    const names = PLACE_ZONES.flatMap((row) => [...row.timeNames, ...row.states, ...row.cities]);
    expect(new Set(names).size).toBe(names.length);
  });
});
