import { Alert, Loader, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useDefinitions } from '../api/definitions.ts';
import { CardList } from '../app/CardList.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { notify } from '../designer/ui/notify.ts';
import { detectLanguage } from '../i18n/language.ts';
import { installTemplate, type LibraryItem, libraryKey, useLibrary } from './api.ts';
import { InstallKeyModal } from './InstallKeyModal.tsx';
import { LibraryCard } from './LibraryCard.tsx';

/**
 * The library of standard processes on the templates page: install one as a draft or published in one
 * click; one whose key a template already has asks for another key.
 */
export function LibrarySection() {
  const { t, i18n } = useTranslation('designer');
  // The app's language, which may differ from the user's locale: templates come in the words they read.
  const language = detectLanguage([i18n.language]);
  const client = useQueryClient();
  const library = useLibrary(language);
  const taken = (useDefinitions().data?.items ?? []).map((d) => d.key);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ item: LibraryItem; publish: boolean } | null>(null);

  const install = async (item: LibraryItem, publish: boolean, definitionKey?: string) => {
    setAsking(null);
    setBusy(item.key);
    try {
      const done = await installTemplate(item.key, {
        publish,
        language,
        ...(definitionKey && { definitionKey }),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['definitions'] }),
        client.invalidateQueries({ queryKey: libraryKey }),
      ]);
      const roles =
        done.rolesCreated.length > 0
          ? t('library.rolesCreated', { roles: done.rolesCreated.join(', ') })
          : '';
      const what = done.status === 'published' ? 'library.donePublished' : 'library.done';
      notify({ color: 'green', message: `${t(what, { name: item.name, key: done.key })} ${roles}`.trim() });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DEFINITION_EXISTS') setAsking({ item, publish });
      else
        notify({
          color: 'red',
          title: t('library.failed', { name: item.name }),
          message: String((error as Error).message),
        });
    } finally {
      setBusy(null);
    }
  };

  // Editors of single templates reach this page too; the library is the process administrators'.
  if (library.error instanceof ApiError && library.error.status === 403) return null;
  return (
    <SectionCard id="library-title" title={t('library.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('library.intro')}
      </Text>
      {library.isPending ? (
        <Loader size="sm" />
      ) : library.isError ? (
        <Alert color="red">{String(library.error.message)}</Alert>
      ) : (
        <CardList aria-labelledby="library-title">
          {library.data.items.map((item) => (
            <LibraryCard
              key={item.key}
              item={item}
              busy={busy === item.key}
              onInstall={(publish) => void install(item, publish)}
              onCopy={() => setAsking({ item, publish: false })}
            />
          ))}
        </CardList>
      )}
      {asking && (
        <InstallKeyModal
          item={asking.item}
          publish={asking.publish}
          taken={taken}
          onClose={() => setAsking(null)}
          onInstall={(key, publish) => void install(asking.item, publish, key)}
        />
      )}
    </SectionCard>
  );
}
