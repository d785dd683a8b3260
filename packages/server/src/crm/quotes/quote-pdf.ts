import type { Kysely } from 'kysely';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Database } from '../../db/schema.ts';
import { a4Pdf } from '../../documents/pdf.ts';
import { fromMinor, toMinor } from '../money.ts';
import type { QuoteLanguage, QuoteView } from './quotes.ts';

const TEXTS = {
  ru: {
    title: (n: number) => `Коммерческое предложение № ${n}`,
    dated: 'от',
    for: 'Для',
    columns: ['№', 'Наименование', 'Кол-во', 'Ед.', 'Цена', 'Скидка', 'Сумма'],
    total: 'Итого',
    vatIncluded: (rate: string) => `В том числе НДС ${rate} %`,
    subtotal: 'Сумма без НДС',
    vat: (rate: string) => `НДС ${rate} %`,
    totalWithVat: 'Итого с НДС',
    validUntil: 'Предложение действительно до',
    manager: 'Ваш менеджер',
    fileName: (n: number) => `КП-${n}.pdf`,
  },
  en: {
    title: (n: number) => `Quote No. ${n}`,
    dated: 'of',
    for: 'For',
    columns: ['#', 'Item', 'Qty', 'Unit', 'Price', 'Discount', 'Amount'],
    total: 'Total',
    vatIncluded: (rate: string) => `Including VAT ${rate} %`,
    subtotal: 'Total before VAT',
    vat: (rate: string) => `VAT ${rate} %`,
    totalWithVat: 'Total including VAT',
    validUntil: 'Valid until',
    manager: 'Your manager',
    fileName: (n: number) => `Quote-${n}.pdf`,
  },
} as const;

const LOCALES: Record<QuoteLanguage, string> = { ru: 'ru-RU', en: 'en-GB' };

export const quoteFileName = (q: QuoteView): string => TEXTS[q.language].fileName(q.number);

/** Who the quote is for and from: the deal's company and contact, its manager. */
interface Parties {
  client: string | null;
  manager: { name: string; email: string | null } | null;
}

async function partiesOf(db: Kysely<Database>, dealId: string): Promise<Parties> {
  const row = await db
    .selectFrom('crm_deals as d')
    .leftJoin('crm_companies as co', 'co.id', 'd.company_id')
    .leftJoin('crm_contacts as c', 'c.id', 'd.contact_id')
    .leftJoin('users as u', 'u.id', 'd.responsible_id')
    .select(['co.name as company', 'c.name as contact', 'u.name as manager', 'u.email as manager_email'])
    .where('d.id', '=', dealId)
    .executeTakeFirst();
  const client = [row?.company, row?.contact].filter(Boolean).join(', ');
  return {
    client: client || null,
    manager: row?.manager ? { name: row.manager, email: row.manager_email ?? null } : null,
  };
}

/**
 * The lines under the rows, as Russian quotes print them: the total and the VAT it includes, or the
 * sum before VAT, the VAT and the total with it; just the total when the quote shows no VAT.
 */
function totalLines(
  q: QuoteView,
  t: (typeof TEXTS)[QuoteLanguage],
  number: Intl.NumberFormat,
): [string, number, boolean][] {
  if (q.vatRate === null) return [[t.total, q.total, true]];
  const rate = number.format(q.vatRate);
  if (q.vatIncluded)
    return [
      [t.total, q.total, true],
      [t.vatIncluded(rate), q.vat, false],
    ];
  return [
    [t.subtotal, fromMinor(toMinor(q.total) - toMinor(q.vat)), false],
    [t.vat(rate), q.vat, false],
    [t.totalWithVat, q.total, true],
  ];
}

/** The quote laid out on A4 as its client gets it, in its language. */
export async function quotePdf(
  db: Kysely<Database>,
  q: QuoteView,
  createdAt = new Date(q.createdAt),
): Promise<Buffer> {
  const t = TEXTS[q.language];
  const locale = LOCALES[q.language];
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: q.currency });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const date = (d: Date) => d.toLocaleDateString(locale, { timeZone: 'UTC' });
  const { client, manager } = await partiesOf(db, q.dealId);
  const header: TableCell[] = t.columns.map((text) => ({ text, bold: true }));
  const body: TableCell[][] = [
    header,
    ...q.rows.map((r, i): TableCell[] => [
      String(i + 1),
      r.name,
      { text: number.format(r.quantity), alignment: 'right' },
      r.unit,
      { text: money.format(r.price), alignment: 'right' },
      { text: r.discount === 0 ? '' : `${number.format(r.discount)} %`, alignment: 'right' },
      { text: money.format(r.total), alignment: 'right' },
    ]),
    ...totalLines(q, t, number).map(([label, amount, bold]): TableCell[] => [
      { text: label, bold, colSpan: 6 },
      '',
      '',
      '',
      '',
      '',
      { text: money.format(amount), bold, alignment: 'right' },
    ]),
  ];
  const content: Content[] = [
    { text: `${t.title(q.number)} ${t.dated} ${date(createdAt)}`, style: 'heading' },
    ...(client ? [{ text: `${t.for}: ${client}`, style: 'paragraph' }] : []),
    {
      table: { headerRows: 1, widths: [18, '*', 40, 30, 70, 40, 75], body },
      layout: 'lightHorizontalLines',
      margin: [0, 6, 0, 12],
    },
    ...(q.validUntil
      ? [{ text: `${t.validUntil} ${date(new Date(`${q.validUntil}T00:00:00Z`))}`, style: 'paragraph' }]
      : []),
    ...(q.comment ? [{ text: q.comment, style: 'paragraph' }] : []),
    ...(manager
      ? [
          {
            text: `${t.manager}: ${manager.name}${manager.email ? `, ${manager.email}` : ''}`,
            style: 'paragraph',
          },
        ]
      : []),
  ];
  return a4Pdf({
    info: { title: t.title(q.number) },
    pageMargins: [48, 56, 48, 56],
    content,
    defaultStyle: { fontSize: 10, lineHeight: 1.2 },
    styles: {
      heading: { fontSize: 15, bold: true, margin: [0, 0, 0, 10] },
      paragraph: { margin: [0, 0, 0, 8] },
    },
  });
}
