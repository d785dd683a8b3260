import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../api/client.ts';
import { filePath } from '../drive/paths.ts';
import { recordPath } from '../lists/paths.ts';
import { type AboutKind, readDocumentRef } from './about-ref.ts';

interface Item {
  name: string;
  /** Its page in the app. */
  to: string;
}

const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** How each kind of record is read for its name, and where its page is. */
const READ: Record<AboutKind, (id: string, signal: AbortSignal) => Promise<Item>> = {
  deal: async (id, signal) => ({
    name: (await call('GET /api/v1/crm/deals/{id}', { path: { id }, signal })).title,
    to: at('/crm/deals', id),
  }),
  lead: async (id, signal) => ({
    name: (await call('GET /api/v1/crm/leads/{id}', { path: { id }, signal })).title,
    to: at('/crm/leads', id),
  }),
  contact: async (id, signal) => ({
    name: (await call('GET /api/v1/crm/contacts/{id}', { path: { id }, signal })).name,
    to: at('/crm/contacts', id),
  }),
  company: async (id, signal) => ({
    name: (await call('GET /api/v1/crm/companies/{id}', { path: { id }, signal })).name,
    to: at('/crm/companies', id),
  }),
  record: async (id, signal) => {
    const record = await call('GET /api/v1/list-records/{id}', { path: { id }, signal });
    return { name: record.title, to: recordPath(record.listId, record.id) };
  },
  file: async (id, signal) => ({
    name: (await call('GET /api/v1/drive/files/{id}', { path: { id }, signal })).name,
    to: filePath(id),
  }),
};

/**
 * What a process is about — "About: deal Supply for Acme", its name a link to its page; the kind
 * alone while the name loads or when the reader may not see it; nothing for a process about nothing.
 */
export function AboutItem({ documentRef }: { documentRef: string | null }) {
  const { t } = useTranslation('processes');
  const ref = readDocumentRef(documentRef);
  const item = useQuery({
    queryKey: ['about', documentRef],
    queryFn: ({ signal }) => (ref ? READ[ref.kind](ref.id, signal) : null),
    enabled: ref !== null,
  });
  if (!ref) return null;
  return (
    <Text size="sm" className="wrap-anywhere">
      {t('about.label', { kind: t(`about.kinds.${ref.kind}`) })}
      {item.data && (
        <>
          {' '}
          <Anchor component={Link} to={item.data.to} size="sm">
            {item.data.name}
          </Anchor>
        </>
      )}
    </Text>
  );
}
