import { Paper, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type DayStatus, monthWeeks } from './days.ts';
import './calendar.css';

/** Arrow keys move a day or a week (the year's days are one roving tab stop). */
const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

export interface MonthGridProps {
  year: number;
  /** 0-based. */
  month: number;
  statusOf: (date: string) => DayStatus;
  nameOf: (date: string) => string | null;
  changed: (date: string) => boolean;
  today: string;
  /** The day that takes the tab stop. */
  focus: string;
  onMove: (from: string, days: number) => void;
  onPick: (date: string) => void;
}

/** One month of the year view: day buttons labelled with the full date and what the day is. */
export function MonthGrid(props: MonthGridProps) {
  const { t, i18n } = useTranslation('admin');
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(i18n.language, { ...options, timeZone: 'UTC' });
  const monthName = format({ month: 'long' }).format(new Date(Date.UTC(props.year, props.month, 1)));
  const longDate = format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const weekday = (d: number, style: 'short' | 'long') =>
    format({ weekday: style }).format(new Date(Date.UTC(2024, 0, d)));
  const captionId = `month-${props.year}-${props.month}`;

  const keyDown = (date: string) => (event: KeyboardEvent) => {
    const by = MOVES[event.key];
    if (by === undefined) return;
    event.preventDefault();
    props.onMove(date, by);
  };

  return (
    <Paper withBorder p="xs" radius="md">
      <Text fw={600} ta="center" mb={4} tt="capitalize" id={captionId}>
        {monthName}
      </Text>
      <table className="calendar-month" aria-labelledby={captionId}>
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <th key={d} scope="col" abbr={weekday(d, 'long')}>
                {weekday(d, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(props.year, props.month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a week's cells are its seven weekdays
                <td key={i}>
                  {date && (
                    <button
                      type="button"
                      id={`day-${date}`}
                      className="calendar-day"
                      data-status={props.statusOf(date)}
                      data-changed={props.changed(date) || undefined}
                      data-today={date === props.today || undefined}
                      tabIndex={date === props.focus ? 0 : -1}
                      aria-label={[
                        longDate.format(new Date(`${date}T00:00:00Z`)),
                        t(`calendar.status.${props.statusOf(date)}`),
                        props.nameOf(date),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      onKeyDown={keyDown(date)}
                      onClick={() => props.onPick(date)}
                    >
                      {Number(date.slice(8))}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}
