import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from './CardList.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { FormModal } from './FormModal.tsx';
import { Empty, ErrorNotice, Loading } from './feedback.tsx';
import { PageHeader } from './PageHeader.tsx';

/** What a card asks its page for: a new one, or to edit or delete itself. */
export type CardAction<T> = { kind: 'new' } | { kind: 'edit'; item: T } | { kind: 'delete'; item: T };

export interface ManagedCardsProps<T extends { id: string }> {
  /** The page's words: title, subtitle, new, empty, newTitle, editTitle, deleteTitle, delete, deleted, deleteConsequence. */
  ns: string;
  list: UseQueryResult<{ items: T[] }>;
  remove: UseMutationResult<unknown, Error, string>;
  /** The values an item's words name (`{{name}}`, `{{url}}`). */
  named: (item: T) => Record<string, string>;
  card: (item: T, onAction: (action: CardAction<T>) => void) => ReactNode;
  /** The form that makes one (no item) or changes one; `done` closes it. */
  form: (item: T | undefined, done: () => void) => ReactNode;
  /** Shown between the header and the list (help). */
  intro?: ReactNode;
}

/**
 * A page of things an administrator keeps as cards (web forms, webhooks): the list with its loading and
 * empty states, "New" and edit in a dialog, delete after a confirmation.
 */
export function ManagedCards<T extends { id: string }>(p: ManagedCardsProps<T>) {
  const { t } = useTranslation(p.ns);
  const [action, setAction] = useState<CardAction<T> | null>(null);
  const close = () => {
    p.remove.reset();
    setAction(null);
  };
  const items = p.list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAction({ kind: 'new' })}>
            {t('new')}
          </Button>
        }
      />
      {p.intro}
      {p.list.isPending ? (
        <Loading />
      ) : p.list.isError ? (
        <ErrorNotice error={p.list.error} retry={() => p.list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <CardList aria-label={t('title')}>{items.map((item) => p.card(item, setAction))}</CardList>
      )}
      <FormModal
        opened={action?.kind === 'new' || action?.kind === 'edit'}
        onClose={close}
        title={
          // A long name or URL breaks anywhere rather than widening the dialog past a phone's screen.
          <span className="wrap-anywhere">
            {action?.kind === 'edit' ? t('editTitle', p.named(action.item)) : t('newTitle')}
          </span>
        }
      >
        {action?.kind === 'new' && p.form(undefined, close)}
        {/* Keyed by the item, so editing another one starts its form afresh. */}
        {action?.kind === 'edit' && <Fragment key={action.item.id}>{p.form(action.item, close)}</Fragment>}
      </FormModal>
      {action?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('deleteTitle', p.named(action.item))}
          confirmLabel={t('delete')}
          pending={p.remove.isPending}
          error={p.remove.error}
          onConfirm={() =>
            p.remove.mutate(action.item.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('deleted', p.named(action.item)) });
                close();
              },
            })
          }
        >
          <span className="wrap-anywhere">{t('deleteConsequence', p.named(action.item))}</span>
        </ConfirmDialog>
      )}
    </>
  );
}
