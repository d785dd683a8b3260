import { Anchor, Button, Grid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pipeline, Stage } from '../../api/crm.ts';
import { type Deal, type DealItem, useUpdateDeal } from '../../api/crm-deals.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { formatMoney } from '../money.ts';
import { problemCode } from '../problems.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { DealFields } from './DealFields.tsx';
import { DealForm } from './DealForm.tsx';
import { DealProcesses } from './DealProcesses.tsx';
import { DeleteDeal } from './DeleteDeal.tsx';
import { changesOf, type DealDraft, draftOf, rebase } from './deal-draft.ts';
import { StageBar } from './StageBar.tsx';
import { StageHistory } from './StageHistory.tsx';

/**
 * A deal being worked on. The form edits the version it was opened at (`base`); saving and moving send
 * that version, so a change someone made meanwhile is never overwritten: the server refuses, and the
 * user loads the newer deal with their edits kept on top. The stage history is the stored deal's, read
 * again after every change.
 */
export function DealEditor(props: {
  /** The deal as last read from the server: at first the one opened, later newer when someone changed it. */
  stored: Deal;
  reload: () => Promise<Deal | undefined>;
  pipelines: readonly Pipeline[];
}) {
  const { t, i18n } = useTranslation('crm');
  const [base, setBase] = useState<DealItem>(props.stored);
  const [draft, setDraft] = useState<DealDraft>(() => draftOf(props.stored));
  const [deleting, setDeleting] = useState(false);
  const save = useUpdateDeal();
  const move = useUpdateDeal();
  const pipeline = props.pipelines.find((p) => p.id === base.pipelineId);
  const conflict = [save.error, move.error].some((e) => problemCode(e) === 'VERSION_CONFLICT');
  const stale = conflict || props.stored.version > base.version;

  /** Carries the draft over to a newer deal: what was edited stays edited. */
  const adopt = (next: DealItem) => {
    setDraft((current) => rebase(current, base, next));
    setBase(next);
  };
  const loadNewer = async () => {
    const next = await props.reload();
    if (!next) return;
    save.reset();
    move.reset();
    adopt(next);
  };
  const submit = () => {
    const changes = changesOf(base, draft);
    if (Object.keys(changes).length === 0) return;
    move.reset();
    save.mutate(
      { id: base.id, changes: { ...changes, version: base.version } },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setDraft(draftOf(saved));
          notifications.show({ color: 'green', message: t('deal.saved', { title: saved.title }) });
        },
      },
    );
  };
  const moveTo = (stage: Stage) => {
    save.reset();
    // Fields just filled in go along: a stage may require them (the server said so on the last try).
    const { fields } = changesOf(base, draft);
    move.mutate(
      { id: base.id, changes: { stageId: stage.id, version: base.version, ...(fields ? { fields } : {}) } },
      { onSuccess: adopt },
    );
  };

  return (
    <>
      <PageHeader
        title={base.title}
        subtitle={[
          pipeline?.name,
          base.amount !== null ? formatMoney(base.amount, base.currency, i18n.language) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setDeleting(true)}
          >
            {t('deal.delete')}
          </Button>
        }
      />
      {pipeline && (
        <StageBar
          stages={pipeline.stages}
          current={base.stageId}
          moving={move.isPending ? (move.variables?.changes.stageId ?? null) : null}
          onMove={moveTo}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DealForm
            label={t('deal.formLabel', { title: base.title })}
            draft={draft}
            onChange={setDraft}
            pipelines={props.pipelines}
            names={{ contact: base.contactName, company: base.companyName }}
            error={conflict ? null : (save.error ?? move.error)}
            pending={save.isPending}
            submitLabel={t('common:actions.save')}
            onSubmit={submit}
            notice={stale && <ConflictNotice refused={conflict} onLoad={loadNewer} />}
          />
          <Anchor
            component={Link}
            to={`/crm/deals?pipeline=${encodeURIComponent(base.pipelineId)}`}
            size="sm"
            mt="sm"
            display="inline-block"
          >
            {t('deal.back')}
          </Anchor>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <StageHistory deal={props.stored} pipelines={props.pipelines} />
            <DealProcesses dealId={base.id} />
            <DealFields fields={base.fields} />
          </Stack>
        </Grid.Col>
      </Grid>
      <DeleteDeal deal={base} opened={deleting} onClose={() => setDeleting(false)} />
    </>
  );
}
