import { Anchor, Button, Grid, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pipeline, Stage } from '../../api/crm.ts';
import type { Deal } from '../../api/crm-deals.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { ItemActivities } from '../../crm-activities/ItemActivities.tsx';
import { ItemMail } from '../../crm-mail/ItemMail.tsx';
import type { MailClient } from '../../crm-mail/useClientAddress.ts';
import { ReadOnlyNote } from '../ReadOnlyNote.tsx';
import { DeleteItem, type ItemRemoval } from './DeleteItem.tsx';
import { type BoardItem, boardPath, type ItemKind } from './item-kind.ts';
import { StageBar } from './StageBar.tsx';
import { StageHistory } from './StageHistory.tsx';

/**
 * An item's card around its form: the header (with `actions` before Delete), `banner`, the stage bar,
 * the form with the way back to the board, and beside it its activities, its letters, the stage
 * history, then `aside`. An item the reader may only read (`stored.editable` false) says so, with no actions, delete
 * or moves.
 */
export function ItemEditorLayout<Item extends BoardItem>(props: {
  kind: ItemKind;
  /** From useItemEditing: the item as edited, the stage a move is on its way to, and the move. */
  editing: { base: Item; moving: string | null; moveTo: (stage: Stage) => void };
  /** The item as stored: its stage history, its manager, its client's address, whether the reader may change it. */
  stored: Pick<Deal, 'stages' | 'responsibleId' | 'editable'> & MailClient;
  pipelines: readonly Pipeline[];
  subtitle: string;
  actions?: ReactNode;
  banner?: ReactNode;
  form: ReactNode;
  aside: ReactNode;
  remove: ItemRemoval;
}) {
  const { kind, editing } = props;
  const { base } = editing;
  const { t } = useTranslation(kind.ns);
  const [deleting, setDeleting] = useState(false);
  const { editable } = props.stored;
  const pipeline = props.pipelines.find((p) => p.id === base.pipelineId);
  return (
    <>
      <PageHeader
        title={base.title}
        subtitle={props.subtitle}
        actions={
          editable && (
            <>
              {props.actions}
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleting(true)}
              >
                {t(`${kind.itemWords}delete`)}
              </Button>
            </>
          )
        }
      />
      {!editable && <ReadOnlyNote />}
      {props.banner}
      {pipeline && (
        <StageBar
          stages={pipeline.stages}
          current={base.stageId}
          moving={editing.moving}
          onMove={editing.moveTo}
          readOnly={!editable}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {props.form}
          <Anchor
            component={Link}
            to={boardPath(kind, base.pipelineId)}
            size="sm"
            mt="sm"
            display="inline-block"
          >
            {t(`${kind.itemWords}back`)}
          </Anchor>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ItemActivities dealId={base.id} responsibleId={props.stored.responsibleId} editable={editable} />
            <ItemMail dealId={base.id} client={props.stored} editable={editable} />
            <StageHistory deal={props.stored} pipelines={props.pipelines} />
            {props.aside}
          </Stack>
        </Grid.Col>
      </Grid>
      <DeleteItem
        kind={kind}
        item={base}
        remove={props.remove}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
