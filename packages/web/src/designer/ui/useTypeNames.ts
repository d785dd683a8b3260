import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceActivities } from '../api.ts';
import { type TypeNames, typeNames } from '../model/type-names.ts';

/** Node type names in the interface language, plugins' activities included (once the server listed them). */
export function useTypeNames(): TypeNames {
  const { t, i18n } = useTranslation('designer');
  const services = useServiceActivities().data;
  return useMemo(() => typeNames(t, services ?? [], i18n.language), [t, services, i18n.language]);
}
