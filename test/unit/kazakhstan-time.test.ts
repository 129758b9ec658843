// Kazakhstan's clock, written once: days, midnights and wall-clock minutes on UTC+5 whatever the machine's zone.
import { expect, test } from 'vitest';
import {
  dayAtMidnight,
  fromKazakhstanClock,
  kazakhstanDay,
  kazakhstanMidnight,
  kazakhstanMinute,
} from '../../server/domain/kazakhstan-time';

test('an instant late in the UTC evening is already the next day in Kazakhstan', () => {
  expect(kazakhstanDay('2023-11-30T19:00:00Z')).toBe('2023-12-01');
  expect(kazakhstanDay('2023-11-30T18:59:59Z')).toBe('2023-11-30');
  expect(kazakhstanDay(Date.parse('2024-03-01T00:00:00+05:00'))).toBe('2024-03-01');
  expect(kazakhstanDay('not a date')).toBe('');
});

test('a local minute and back name the same instant', () => {
  expect(kazakhstanMinute('2024-05-14T10:00:00Z')).toBe('2024-05-14T15:00');
  expect(Date.parse(fromKazakhstanClock('2024-05-14T15:00'))).toBe(Date.parse('2024-05-14T10:00:00Z'));
  expect(Date.parse(fromKazakhstanClock('2024-05-14T15:00:30'))).toBe(Date.parse('2024-05-14T10:00:30Z'));
});

test('only a Kazakhstan midnight is a whole day', () => {
  expect(dayAtMidnight(kazakhstanMidnight('2024-02-29'))).toBe('2024-02-29');
  expect(dayAtMidnight('2024-02-29T00:00:00Z')).toBeUndefined();
  expect(dayAtMidnight('2024-02-28T19:00:00Z')).toBe('2024-02-29');
});
