import type { CalendarDay } from './days.ts';

/**
 * The Russian production calendar (производственный календарь) for 2026 and 2027: every non-working
 * day besides Saturdays and Sundays, every weekend day worked, and the shortened pre-holiday days.
 * Holidays that fall on a weekend are listed too (the calendar reads them as non-working either way).
 * Seeded once, on the first start (migration 003); afterwards the company edits its own copy through
 * `PUT /api/v1/calendar/{year}`.
 *
 * Sources: the Labour Code, art. 112 (public holidays; a holiday on a weekend moves to the next working
 * day, except the January holidays) and art. 95 (the working day before a holiday is an hour shorter);
 * for 2026 the government decree moving Saturday 3 January to Friday 9 January and Sunday 4 January to
 * Thursday 31 December.
 *
 * 2027 is statutory only: the government decree for 2027 decides where Saturday 2 and Sunday 3 January
 * (inside the New Year holidays) move, and that decree is not encoded here. Those two days stay ordinary
 * weekend days until an administrator adds the decree's transfers.

 */
export const RUSSIAN_PRODUCTION_CALENDAR: readonly CalendarDay[] = [
  // 2026
  { date: '2026-01-01', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2026-01-02', kind: 'holiday', name: 'Новогодние каникулы' },
  {
    date: '2026-01-03',
    kind: 'holiday',
    name: 'Новогодние каникулы (суббота; выходной перенесён на 9 января)',
  },
  {
    date: '2026-01-04',
    kind: 'holiday',
    name: 'Новогодние каникулы (воскресенье; выходной перенесён на 31 декабря)',
  },
  { date: '2026-01-05', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2026-01-06', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2026-01-07', kind: 'holiday', name: 'Рождество Христово' },
  { date: '2026-01-08', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2026-01-09', kind: 'holiday', name: 'Выходной (перенос с субботы 3 января)' },
  { date: '2026-02-23', kind: 'holiday', name: 'День защитника Отечества' },
  { date: '2026-03-08', kind: 'holiday', name: 'Международный женский день' },
  {
    date: '2026-03-09',
    kind: 'holiday',
    name: 'Выходной (Международный женский день, 8 марта — воскресенье)',
  },
  { date: '2026-04-30', kind: 'short', name: 'Предпраздничный день' },
  { date: '2026-05-01', kind: 'holiday', name: 'Праздник Весны и Труда' },
  { date: '2026-05-08', kind: 'short', name: 'Предпраздничный день' },
  { date: '2026-05-09', kind: 'holiday', name: 'День Победы' },
  { date: '2026-05-11', kind: 'holiday', name: 'Выходной (День Победы, 9 мая — суббота)' },
  { date: '2026-06-11', kind: 'short', name: 'Предпраздничный день' },
  { date: '2026-06-12', kind: 'holiday', name: 'День России' },
  { date: '2026-11-03', kind: 'short', name: 'Предпраздничный день' },
  { date: '2026-11-04', kind: 'holiday', name: 'День народного единства' },
  { date: '2026-12-31', kind: 'holiday', name: 'Выходной (перенос с воскресенья 4 января)' },
  // 2027 (statutory; 2 and 3 January not transferred — see above)
  { date: '2027-01-01', kind: 'holiday', name: 'Новогодние каникулы' },
  {
    date: '2027-01-02',
    kind: 'holiday',
    name: 'Новогодние каникулы (суббота; перенос — по постановлению на 2027 год)',
  },
  {
    date: '2027-01-03',
    kind: 'holiday',
    name: 'Новогодние каникулы (воскресенье; перенос — по постановлению на 2027 год)',
  },
  { date: '2027-01-04', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2027-01-05', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2027-01-06', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2027-01-07', kind: 'holiday', name: 'Рождество Христово' },
  { date: '2027-01-08', kind: 'holiday', name: 'Новогодние каникулы' },
  { date: '2027-02-22', kind: 'short', name: 'Предпраздничный день' },
  { date: '2027-02-23', kind: 'holiday', name: 'День защитника Отечества' },
  { date: '2027-03-08', kind: 'holiday', name: 'Международный женский день' },
  { date: '2027-04-30', kind: 'short', name: 'Предпраздничный день' },
  { date: '2027-05-01', kind: 'holiday', name: 'Праздник Весны и Труда' },
  { date: '2027-05-03', kind: 'holiday', name: 'Выходной (Праздник Весны и Труда, 1 мая — суббота)' },
  { date: '2027-05-09', kind: 'holiday', name: 'День Победы' },
  { date: '2027-05-10', kind: 'holiday', name: 'Выходной (День Победы, 9 мая — воскресенье)' },
  { date: '2027-06-11', kind: 'short', name: 'Предпраздничный день' },
  { date: '2027-06-12', kind: 'holiday', name: 'День России' },
  { date: '2027-06-14', kind: 'holiday', name: 'Выходной (День России, 12 июня — суббота)' },
  { date: '2027-11-03', kind: 'short', name: 'Предпраздничный день' },
  { date: '2027-11-04', kind: 'holiday', name: 'День народного единства' },
  { date: '2027-12-31', kind: 'short', name: 'Предпраздничный день' },
];
