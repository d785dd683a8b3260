import { Alert, Badge, Center, Loader, Menu } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, definitionsApi, useDefinitions, useServiceActivities } from './api.ts';
import { type Doc, emptyDoc, toDoc } from './model/doc.ts';
import { withLayout } from './model/layout.ts';
import { Designer } from './ui/Designer.tsx';
import { NewTemplateModal } from './ui/NewTemplateModal.tsx';
import { notify } from './ui/notify.ts';
import '@xyflow/react/dist/style.css';
import './designer.css';

/**
 * Route `/designer/:key` (`new` = a new template; `?version=N` opens an old version read-only): loads the
 * template and hands it to the designer; saving, publishing and the version list talk to the server here.
 */
export default function DesignerPage() {
  const { t } = useTranslation('designer');
  const { key = 'new' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const requested = search.get('version');
  const isNew = key === 'new';
  const [created, setCreated] = useState<Doc | null>(null);

  const list = useDefinitions();
  // The plugins' activities are registered before the editor compiles a template that may use them; when
  // the server cannot list them, the designer opens with Baton's own.
  const services = useServiceActivities();
  const all = list.data?.items;
  const summary = all?.find((d) => d.key === key);
  const version: number | 'draft' | undefined = requested
    ? requested === 'draft'
      ? 'draft'
      : Number(requested)
    : summary?.status === 'draft'
      ? 'draft'
      : undefined;
  const definition = useQuery({
    queryKey: ['definition', key, version ?? 'latest'],
    queryFn: () => definitionsApi.get(key, version),
    enabled: !isNew && list.isSuccess,
    staleTime: Number.POSITIVE_INFINITY,
  });

  // The designer keeps its own state (undo history) once open: later refetches must not replace it.
  const frozen = useRef<{ id: string; doc: Doc } | null>(null);
  const designerId = `${key}@${requested ?? 'latest'}`;
  if (frozen.current?.id !== designerId) frozen.current = null;
  if (!frozen.current && definition.data)
    frozen.current = { id: designerId, doc: withLayout(toDoc({ ...definition.data.definition, key })) };
  if (!frozen.current && created && isNew) frozen.current = { id: designerId, doc: created };

  const latest = summary?.version;
  const viewed = definition.data?.version;
  const readOnly = !isNew && requested !== null && viewed !== undefined && viewed !== latest;

  const refresh = () => client.invalidateQueries({ queryKey: ['definitions'] });

  const onSave = async (doc: Doc): Promise<boolean> => {
    try {
      const saved = await definitionsApi.saveDraft(doc.key, doc);
      await refresh();
      const errors = saved.problems.filter((p) => p.severity === 'error').length;
      notify({
        color: errors ? 'yellow' : 'green',
        message: errors
          ? t('save.savedWithProblems', { version: saved.version, count: errors })
          : t('save.saved', { version: saved.version }),
      });
      if (isNew) navigate(`/designer/${encodeURIComponent(doc.key)}`, { replace: true });
      return true;
    } catch (error) {
      notify({
        color: 'red',
        title: t('save.failed'),
        message: String((error as Error).message),
      });
      return false;
    }
  };

  const onPublish = async (doc: Doc): Promise<boolean> => {
    try {
      await definitionsApi.saveDraft(doc.key, doc);
      const published = await definitionsApi.publish(doc.key);
      await refresh();
      notify({ color: 'green', message: t('publish.done', { version: published.version }) });
      if (isNew) navigate(`/designer/${encodeURIComponent(doc.key)}`, { replace: true });
      return true;
    } catch (error) {
      // A definition that does not compile is refused (422): the problems panel already lists why.
      const invalid = error instanceof ApiError && error.code === 'INVALID_DEFINITION';
      notify({
        color: 'red',
        title: t('publish.failed'),
        message: invalid ? t('publish.problems') : String((error as Error).message),
      });
      return false;
    }
  };

  const versions = useMemo(() => {
    if (!summary) return <Menu.Item disabled>{t('versions.none')}</Menu.Item>;
    const items = [];
    for (let v = summary.version; v >= 1; v--) {
      const draft = v === summary.version && summary.status === 'draft';
      items.push(
        <Menu.Item
          key={v}
          onClick={() =>
            navigate(v === summary.version ? `/designer/${encodeURIComponent(key)}` : `?version=${v}`)
          }
          data-testid={`version-${v}`}
          rightSection={v === viewed ? '✓' : null}
        >
          {draft ? t('versions.draft', { version: v }) : t('versions.published', { version: v })}
        </Menu.Item>,
      );
    }
    return items;
  }, [summary, key, navigate, viewed, t]);

  if (isNew && !created)
    return (
      <NewTemplateModal
        opened
        taken={(all ?? []).map((d) => d.key)}
        onClose={() => navigate('/designer')}
        onCreate={(name, newKey) => setCreated(emptyDoc(newKey, name))}
      />
    );
  if (!isNew && (list.isError || definition.isError))
    return (
      <Alert color="red" m="md" title={t('load.failed')}>
        {String((definition.error ?? list.error)?.message)}
      </Alert>
    );
  if (!isNew && list.isSuccess && !summary)
    return (
      <Alert color="red" m="md" title={t('load.failed')}>
        {t('load.notFound', { key })}
      </Alert>
    );
  if (!frozen.current || services.isPending)
    return (
      <Center h="60vh">
        <Loader />
      </Center>
    );

  const status = isNew ? (
    <Badge size="sm" variant="light" color="gray">
      {t('status.new')}
    </Badge>
  ) : readOnly ? (
    <Badge size="sm" variant="light" color="gray" data-testid="status">
      {t('status.readOnly', { version: viewed })}
    </Badge>
  ) : summary?.status === 'draft' ? (
    <Badge size="sm" variant="light" color="yellow" data-testid="status">
      {t('status.draft', { version: summary.version })}
    </Badge>
  ) : (
    <Badge size="sm" variant="light" color="green" data-testid="status">
      {t('status.published', { version: summary?.version })}
    </Badge>
  );

  return (
    <Designer
      key={designerId}
      initial={frozen.current.doc}
      stored={!isNew}
      readOnly={readOnly}
      status={status}
      versions={versions}
      onSave={onSave}
      onPublish={onPublish}
    />
  );
}
