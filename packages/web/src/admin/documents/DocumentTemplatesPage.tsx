import { Button } from '@mantine/core';
import { IconFilePlus, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth.ts';
import { useDocumentTemplates } from '../../api/documents.ts';
import { CardList } from '../../app/CardList.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../../app/feedback.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { SyntaxHelp } from './SyntaxHelp.tsx';
import { TemplateCard } from './TemplateCard.tsx';
import { type TemplateAction, TemplateDialogs } from './TemplateDialogs.tsx';

/**
 * The document templates processes fill, for process administrators: write a text one or upload a DOCX,
 * change, download, try and delete them.
 */
export function DocumentTemplatesPage() {
  const administer = useAbility('administerProcesses');
  // Anyone may read the list (the designer offers its keys); the page that changes it is the administrators'.
  return administer ? <Templates /> : <ErrorNotice error={FORBIDDEN} />;
}

function Templates() {
  const { t } = useTranslation('admin');
  const list = useDocumentTemplates();
  const [action, setAction] = useState<TemplateAction | null>(null);
  const templates = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('documents.title')}
        subtitle={t('documents.subtitle')}
        actions={
          <>
            <Button
              leftSection={<IconFilePlus size={16} aria-hidden />}
              onClick={() => setAction({ kind: 'text' })}
            >
              {t('documents.newText')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconFileUpload size={16} aria-hidden />}
              onClick={() => setAction({ kind: 'docx' })}
            >
              {t('documents.uploadDocx')}
            </Button>
          </>
        }
      />
      <SyntaxHelp />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : templates.length === 0 ? (
        <Empty>{t('documents.empty')}</Empty>
      ) : (
        <CardList aria-label={t('documents.listLabel')}>
          {templates.map((template) => (
            <TemplateCard key={template.key} template={template} onAction={setAction} />
          ))}
        </CardList>
      )}
      <TemplateDialogs
        action={action}
        taken={templates.map((template) => template.key)}
        onClose={() => setAction(null)}
      />
    </>
  );
}
