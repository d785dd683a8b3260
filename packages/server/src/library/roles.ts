import type { Language } from './texts.ts';

/**
 * The titles of the roles the library's templates give tasks to, created on install where missing. A
 * role's name is what processes say (`role:hr`); its title is what people read.
 */
export const LIBRARY_ROLES: Record<string, Record<Language, string>> = {
  hr: { ru: 'Отдел кадров', en: 'HR' },
  accountant: { ru: 'Бухгалтер', en: 'Accountant' },
  sysadmin: { ru: 'Системный администратор', en: 'System administrator' },
  lawyer: { ru: 'Юрист', en: 'Lawyer' },
  procurement: { ru: 'Отдел закупок', en: 'Procurement' },
  'office-manager': { ru: 'Офис-менеджер', en: 'Office manager' },
  warehouse: { ru: 'Склад', en: 'Warehouse' },
  director: { ru: 'Директор', en: 'Director' },
};
