import type { ImportKind } from './import.ts';

/** How a person's name and ways to reach them are headed, for contacts and leads alike. */
const PERSON: Record<string, string> = {
  фамилия: 'lastName',
  имя: 'firstName',
  отчество: 'middleName',
  'last name': 'lastName',
  'first name': 'firstName',
  'middle name': 'middleName',
  телефон: 'phone',
  'рабочий телефон': 'phone',
  'мобильный телефон': 'phone',
  'e-mail': 'email',
  'рабочий e-mail': 'email',
  'электронная почта': 'email',
};

/**
 * Headers a company's own spreadsheet or a Bitrix24 export gives the columns, in Russian and English,
 * lower-cased: each maps to a column of the import. The API's names (`taxId`, …) are always taken too.
 */
const ALIASES: Record<ImportKind, Record<string, string>> = {
  companies: {
    'название компании': 'name',
    название: 'name',
    компания: 'name',
    наименование: 'name',
    инн: 'taxId',
    телефон: 'phone',
    'рабочий телефон': 'phone',
    'e-mail': 'email',
    'рабочий e-mail': 'email',
    'электронная почта': 'email',
    адрес: 'address',
    'фактический адрес': 'address',
    'юридический адрес': 'address',
    комментарий: 'comment',
    ответственный: 'responsible',
  },
  contacts: {
    фио: 'name',
    контакт: 'name',
    ...PERSON,
    должность: 'position',
    компания: 'company',
    комментарий: 'comment',
    ответственный: 'responsible',
  },
  deals: {
    'название сделки': 'title',
    название: 'title',
    сделка: 'title',
    воронка: 'pipeline',
    направление: 'pipeline',
    стадия: 'stage',
    'стадия сделки': 'stage',
    сумма: 'amount',
    валюта: 'currency',
    компания: 'company',
    контакт: 'contact',
    ответственный: 'responsible',
    комментарий: 'comment',
  },
  leads: {
    'название лида': 'title',
    название: 'title',
    лид: 'title',
    фио: 'name',
    контакт: 'name',
    ...PERSON,
    компания: 'company',
    'название компании': 'company',
    источник: 'source',
    стадия: 'stage',
    воронка: 'pipeline',
    направление: 'pipeline',
    сумма: 'amount',
    валюта: 'currency',
    ответственный: 'responsible',
    комментарий: 'comment',
  },
};

/** The import's column a header names, or undefined. */
export function columnOfHeader(
  kind: ImportKind,
  known: readonly string[],
  header: string,
): string | undefined {
  const name = header.trim().toLowerCase();
  return known.find((c) => c.toLowerCase() === name) ?? ALIASES[kind][name];
}
