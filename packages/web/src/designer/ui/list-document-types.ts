import { useTranslation } from 'react-i18next';
import { useLists } from '../../api/lists.ts';
import { listDocumentType } from '../../lists/paths.ts';

/**
 * The document types of the company's lists (`list:<key>`), for a template made for a list's records:
 * one per list the designer's user reads, and `current` kept when it names a list not among them.
 */
export function useListDocumentTypes(current: string | undefined): { value: string; label: string }[] {
  const { t } = useTranslation('designer');
  const lists = useLists().data?.items ?? [];
  const types = lists.map((l) => ({
    value: listDocumentType(l.key),
    label: t('settings.documentTypes.list', { name: l.name }),
  }));
  if (current?.startsWith('list:') && !types.some((type) => type.value === current))
    types.push({ value: current, label: current });
  return types;
}
