import { type Kysely, sql } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import type { Database } from '../../db/schema.ts';
import type { ReportRange } from '../../reports/process-report.ts';
import type { Runtime } from '../../runtime/context.ts';
import { fromMinor } from '../money.ts';
import { type LedBy, ledByCaller } from '../visibility.ts';

/** Sums by currency (`{ "RUB": 1500000 }`): deals in different currencies are not added up. */
export type Amounts = Record<string, number>;

/** What one manager's deals came to in the range, and what they did. */
export interface SalesFigures {
  /** Deals created in the range. */
  created: number;
  /** Deals closed won / lost in the range. */
  won: number;
  lost: number;
  wonAmounts: Amounts;
  /** won ÷ (won + lost); null when none closed. */
  winRate: number | null;
  /** Median days from creation to the win, of those won in the range. */
  medianDaysToWin: number | null;
  /** Open now, whenever made. */
  open: number;
  openAmounts: Amounts;
  /** Stage moves they made in the range (their own deals or others'). */
  stageMoves: number;
  /** Quotes of their deals sent in the range, and those of them accepted. */
  quotesSent: number;
  quotesAccepted: number;
  quotesSentAmounts: Amounts;
  /** Calls, meetings, e-mails and tasks they did in the range. */
  activitiesDone: number;
  /** Letters they wrote to clients from Baton in the range (CRM mail). */
  lettersSent: number;
}

export interface SalesReport {
  from: string;
  to: string;
  people: (SalesFigures & { userId: string; name: string })[];
  totals: SalesFigures;
}

const DAY = 86_400_000;

const empty = (): SalesFigures => ({
  created: 0,
  won: 0,
  lost: 0,
  wonAmounts: {},
  winRate: null,
  medianDaysToWin: null,
  open: 0,
  openAmounts: {},
  stageMoves: 0,
  quotesSent: 0,
  quotesAccepted: 0,
  quotesSentAmounts: {},
  activitiesDone: 0,
  lettersSent: 0,
});

const add = (amounts: Amounts, currency: string, minor: unknown) => {
  amounts[currency] = (amounts[currency] ?? 0) + Number(minor ?? 0);
};

/**
 * Who sells and through which actions (PRODUCT.md: the owner "sees which employee contributes most to
 * sales and through which actions"): per manager, the deals created, won and lost in the range with
 * what the won ones came to, the win rate and the median days to a win, what is open now, the stage
 * moves they made, the quotes sent and the activities (calls, meetings…) they did. Over the deals the caller sees — the owner every manager, a head
 * their people, anyone else themselves — ordered by what was won (the largest currency sum first).
 */
export async function salesReport(
  rt: Runtime,
  caller: Caller,
  range: ReportRange,
  pipelineId?: string,
): Promise<SalesReport> {
  const db = rt.db.kysely;
  const ledBy = await ledByCaller(db, caller);
  const byPerson = new Map<string, SalesFigures>();
  const of = (id: string) => {
    const f = byPerson.get(id) ?? empty();
    byPerson.set(id, f);
    return f;
  };
  const daysToWin = new Map<string, number[]>();
  const deals = () => visibleDeals(db, ledBy, pipelineId);
  const inRange = (column: string) =>
    sql<boolean>`${sql.ref(column)} >= ${range.from} and ${sql.ref(column)} < ${range.to}`;

  const [created, closed, open, moves, quotes, activities, letters] = await Promise.all([
    deals()
      .select(['d.responsible_id as person', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inRange('d.created_at'))
      .groupBy('d.responsible_id')
      .execute(),
    deals()
      .select([
        'd.responsible_id as person',
        's.kind',
        'd.currency',
        'd.amount_minor',
        'd.created_at',
        'd.closed_at',
      ])
      .where('s.kind', 'in', ['won', 'lost'])
      .where(inRange('d.closed_at'))
      .execute(),
    deals()
      .select([
        'd.responsible_id as person',
        'd.currency',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('d.amount_minor').as('amount'),
      ])
      .where('s.kind', '=', 'open')
      .groupBy(['d.responsible_id', 'd.currency'])
      .execute(),
    deals()
      .innerJoin('crm_deal_stages as v', 'v.deal_id', 'd.id')
      .select(['v.entered_by as person', (eb) => eb.fn.countAll<number>().as('n')])
      .where('v.seq', '>', 1)
      .where(inRange('v.entered_at'))
      .where('v.entered_by', 'not like', 'process:%')
      .groupBy('v.entered_by')
      .execute(),
    deals()
      .innerJoin('crm_quotes as q', 'q.deal_id', 'd.id')
      .select(['d.responsible_id as person', 'q.status', 'q.currency', 'q.total_minor'])
      .where(inRange('q.sent_at'))
      .execute(),
    deals()
      .innerJoin('crm_activities as a', 'a.deal_id', 'd.id')
      .select(['a.done_by as person', (eb) => eb.fn.countAll<number>().as('n')])
      .where(inRange('a.done_at'))
      .groupBy('a.done_by')
      .execute(),
    deals()
      .innerJoin('crm_emails as e', 'e.deal_id', 'd.id')
      .select(['e.created_by as person', (eb) => eb.fn.countAll<number>().as('n')])
      .where('e.direction', '=', 'out')
      .where(inRange('e.sent_at'))
      .groupBy('e.created_by')
      .execute(),
  ]);
  for (const r of created) of(r.person).created = Number(r.n);
  for (const r of closed) {
    const f = of(r.person);
    if (r.kind === 'lost') {
      f.lost++;
      continue;
    }
    f.won++;
    add(f.wonAmounts, r.currency, r.amount_minor);
    const days = daysToWin.get(r.person) ?? [];
    days.push((Number(r.closed_at) - Number(r.created_at)) / DAY);
    daysToWin.set(r.person, days);
  }
  for (const r of open) {
    const f = of(r.person);
    f.open += Number(r.n);
    add(f.openAmounts, r.currency, r.amount);
  }
  for (const r of moves) of(r.person).stageMoves = Number(r.n);
  for (const r of activities) if (r.person) of(r.person).activitiesDone = Number(r.n);
  for (const r of letters) if (r.person) of(r.person).lettersSent = Number(r.n);
  for (const r of quotes) {
    const f = of(r.person);
    f.quotesSent++;
    if (r.status === 'accepted') f.quotesAccepted++;
    add(f.quotesSentAmounts, r.currency, r.total_minor);
  }

  const names = await namesOf(db, [...byPerson.keys()]);
  const totals = empty();
  const allDays: number[] = [];
  const people = [...byPerson].map(([userId, f]) => {
    const days = daysToWin.get(userId) ?? [];
    allDays.push(...days);
    accumulate(totals, f);
    return { userId, name: names.get(userId) ?? userId, ...finish(f, days) };
  });
  people.sort(
    (a, b) => largest(b.wonAmounts) - largest(a.wonAmounts) || b.won - a.won || a.name.localeCompare(b.name),
  );
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    people,
    totals: finish(totals, allDays),
  };
}

/** Deals (not leads) with their stage, those `ledBy` lets see, of one pipeline when given. */
function visibleDeals(db: Kysely<Database>, ledBy: LedBy | null, pipelineId: string | undefined) {
  let q = db
    .selectFrom('crm_deals as d')
    .innerJoin('crm_stages as s', 's.id', 'd.stage_id')
    .where('d.entity', '=', 'deal');
  if (pipelineId !== undefined) q = q.where('d.pipeline_id', '=', pipelineId);
  if (ledBy) q = q.where(ledBy('deals', 'd'));
  return q;
}

async function namesOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(users.map((u) => [u.id, u.name]));
}

function accumulate(totals: SalesFigures, f: SalesFigures): void {
  for (const key of [
    'created',
    'won',
    'lost',
    'open',
    'stageMoves',
    'quotesSent',
    'quotesAccepted',
    'activitiesDone',
    'lettersSent',
  ] as const)
    totals[key] += f[key];
  for (const key of ['wonAmounts', 'openAmounts', 'quotesSentAmounts'] as const)
    for (const [currency, minor] of Object.entries(f[key])) add(totals[key], currency, minor);
}

/** Minor units to amounts, the rate and the median filled in. */
function finish(f: SalesFigures, days: number[]): SalesFigures {
  const major = (a: Amounts) =>
    Object.fromEntries(Object.entries(a).map(([c, minor]) => [c, fromMinor(minor)]));
  return {
    ...f,
    wonAmounts: major(f.wonAmounts),
    openAmounts: major(f.openAmounts),
    quotesSentAmounts: major(f.quotesSentAmounts),
    winRate: f.won + f.lost === 0 ? null : f.won / (f.won + f.lost),
    medianDaysToWin: median(days),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

const largest = (amounts: Amounts) => Math.max(0, ...Object.values(amounts));
