import { describe, expect, it } from 'vitest';
import { parseAwsTime } from '../../../handlers/notifications/aws-time.ts';

describe('parseAwsTime', () => {
  it.each([
    ['2024-05-14T09:31:07.421+0000', '2024-05-14T09:31:07.421Z'],
    ['2024-05-14T11:31:07.421+0200', '2024-05-14T09:31:07.421Z'],
    ['2024-05-14T09:31:07.421-0130', '2024-05-14T11:01:07.421Z'],
    ['2024-05-14 09:42:18.302', '2024-05-14T09:42:18.302Z'],
    ['2024-05-14 09:42:18', '2024-05-14T09:42:18.000Z'],
    ['2018-10-06T12:26:13.882Z', '2018-10-06T12:26:13.882Z'],
    ['2018-10-06T12:26:13Z', '2018-10-06T12:26:13.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseAwsTime(text)?.toISOString()).toBe(iso);
  });

  it.each([[undefined], [null], [''], ['May 14, 2024 10:05:42 AM'], ['2024-13-45T99:00:00Z']])(
    'answers undefined for %j',
    (text) => {
      expect(parseAwsTime(text)).toBeUndefined();
    },
  );
});
