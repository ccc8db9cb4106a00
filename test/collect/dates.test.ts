// Table-driven cases for the date forms Chinese sites and feeds print.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseDate } from '../../src/collect/dates.ts';

// "Now" is 2024-03-10 12:00 in Shanghai (04:00 UTC).
const now = Date.UTC(2024, 2, 10, 4, 0, 0);
const sh = { tz: 'Asia/Shanghai', now };
const iso = (s: string) => Date.parse(s);

const CASES: [name: string, input: string, expected: number | null, opts?: { tz: string; now: number }][] = [
  ['date and minutes', '2024-02-01 15:30', iso('2024-02-01T07:30:00Z')],
  ['date and seconds', '2024-02-01 15:30:45', iso('2024-02-01T07:30:45Z')],
  ['slashes, no padding', '2024/2/1', iso('2024-01-31T16:00:00Z')],
  ['dots', '2024.02.01', iso('2024-01-31T16:00:00Z')],
  ['single-digit month in a feed', '2005-5-28 16:05:36', iso('2005-05-28T08:05:36Z')],
  ['年月日 with time', '2024年2月1日 15:30', iso('2024-02-01T07:30:00Z')],
  ['年月日 alone', '2024年2月1日', iso('2024-01-31T16:00:00Z')],
  ['年月日 下午', '2024年02月01日 下午3:30', iso('2024-02-01T07:30:00Z')],
  ['时分', '2024年2月1日 15时30分', iso('2024-02-01T07:30:00Z')],
  ['full-width digits', '２０２４－０２－０１　１５：３０', iso('2024-02-01T07:30:00Z')],
  ['label and trailing text', '发布时间：2024-02-01 15:30 来源：本站', iso('2024-02-01T07:30:00Z')],
  ['月日 without year (this year)', '2月1日', iso('2024-01-31T16:00:00Z')],
  ['月日 without year (last year)', '12月25日 08:00', iso('2023-12-25T00:00:00Z')],
  ['Weibo 月日 with time', '09月11日 19:23', iso('2023-09-11T11:23:00Z')],
  ['MM-DD HH:MM', '02-01 15:30', iso('2024-02-01T07:30:00Z')],
  ['MM-DD later today is last year', '03-10 13:00', iso('2023-03-10T05:00:00Z')],
  ['MM-DD earlier today', '03-10 11:00', iso('2024-03-10T03:00:00Z')],
  ['minutes ago', '3分钟前', now - 3 * 60_000],
  ['hours ago', '2小时前', now - 2 * 3600_000],
  ['half an hour ago', '半小时前', now - 30 * 60_000],
  ['Chinese numeral days ago', '三天前', now - 3 * 86400_000],
  ['seconds ago with space', '15 秒前', now - 15_000],
  ['just now', '刚刚', now],
  ['yesterday at noon', '昨天 12:00', iso('2024-03-09T04:00:00Z')],
  ['day before yesterday', '前天', iso('2024-03-07T16:00:00Z')],
  ['today with time', '今天 08:00', iso('2024-03-10T00:00:00Z')],
  ['today without space', '今天08:00', iso('2024-03-10T00:00:00Z')],
  ['bare time earlier today', '09:15', iso('2024-03-10T01:15:00Z')],
  ['bare time later than now is yesterday', '15:30', iso('2024-03-09T07:30:00Z')],
  ['epoch seconds', '1700000000', iso('2023-11-14T22:13:20Z')],
  ['epoch milliseconds', '1700000000123', iso('2023-11-14T22:13:20.123Z')],
  ['RFC 1123 GMT', 'Tue, 11 Sep 2012 19:23:20 GMT', iso('2012-09-11T19:23:20Z')],
  ['RFC 822 +0800', 'Tue, 11 Sep 2012 19:23:20 +0800', iso('2012-09-11T11:23:20Z')],
  ['RFC 822 CST is China time for a Chinese source', 'Tue, 11 Sep 2012 19:23:20 CST', iso('2012-09-11T11:23:20Z')],
  ['RFC 822 CST is US Central elsewhere', 'Tue, 11 Sep 2012 19:23:20 CST', iso('2012-09-12T01:23:20Z'), { tz: 'America/Chicago', now }],
  ['RFC 822 with Chinese weekday', '星期二, 11 Sep 2012 19:23:20 +0800', iso('2012-09-11T11:23:20Z')],
  ['RFC 822 with Chinese month', 'Tue, 11 9月 2012 19:23:20 +0800', iso('2012-09-11T11:23:20Z')],
  ['RFC 822 without zone uses the source zone', 'Tue, 11 Sep 2012 19:23', iso('2012-09-11T11:23:00Z')],
  ['RFC 822 two-digit year', 'Tue, 11 Sep 12 19:23:20 GMT', iso('2012-09-11T19:23:20Z')],
  ['Weibo created_at', 'Tue Sep 11 19:23:20 +0800 2012', iso('2012-09-11T11:23:20Z')],
  ['ISO Z', '2012-09-11T19:23:20Z', iso('2012-09-11T19:23:20Z')],
  ['ISO offset', '2012-09-11T19:23:20+08:00', iso('2012-09-11T11:23:20Z')],
  ['ISO fraction and compact offset', '2012-09-11T19:23:20.5+0800', iso('2012-09-11T11:23:20.500Z')],
  ['ISO local', '2012-09-11T19:23:20', iso('2012-09-11T11:23:20Z')],
  ['another zone', '2024-02-01 15:30', iso('2024-02-01T15:30:00Z'), { tz: 'UTC', now }],
  ['empty', '', null],
  ['no date', '评论(3)', null],
  ['30 February', '2024-02-30', null],
  ['month 13', '2024-13-01', null],
  ['hour 25', '25:00', null],
];

describe('parseChineseDate', () => {
  for (const [name, input, expected, opts] of CASES) {
    test(`${name}: ${JSON.stringify(input)}`, () => {
      const got = parseChineseDate(input, opts ?? sh);
      assert.equal(got === null ? null : new Date(got).toISOString(), expected === null ? null : new Date(expected).toISOString());
    });
  }
});
