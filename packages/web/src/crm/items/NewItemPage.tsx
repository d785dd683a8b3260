import { Anchor, Box } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import type { Pipeline } from '../../api/crm.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { pickPipeline } from '../board.ts';
import { useUrlParam } from '../url-params.ts';
import type { ItemFormProps } from './ItemFormCard.tsx';
import { boardPath, type ItemKind } from './item-kind.ts';
import { PipelinesGate, type PipelinesQuery } from './PipelinesGate.tsx';
import { type ItemCreation, useCreateItem } from './useCreateItem.ts';

/** How a new item is drafted and sent, and the form that edits the draft. */
interface NewItemProps<Draft, Body> {
  kind: ItemKind;
  create: ItemCreation<Body>;
  /** The draft in a pipeline's first stage with me responsible. */
  draftOf: (pipeline: Pipeline, me: string | null) => Draft;
  bodyOf: (draft: Draft) => Body;
  form: (props: ItemFormProps<Draft> & { pipelines: readonly Pipeline[] }) => ReactNode;
}

/**
 * A new item (`/crm/deals/new?pipeline=ID`): in that pipeline's first stage, with me responsible; created,
 * its card opens in place of this page.
 */
export function NewItemPage<Draft, Body>(props: NewItemProps<Draft, Body> & { pipelines: PipelinesQuery }) {
  const { kind } = props;
  const { t } = useTranslation(kind.ns);
  const [wanted] = useUrlParam('pipeline');
  const me = useMe().data?.user.id ?? null;
  const items = props.pipelines.data?.items ?? [];
  const pipeline = pickPipeline(items, wanted);
  return (
    <>
      <PageHeader
        title={t(`${kind.itemWords}newTitle`)}
        subtitle={
          <Anchor component={Link} to={pipeline ? boardPath(kind, pipeline.id) : kind.path} size="sm">
            {t(`${kind.itemWords}back`)}
          </Anchor>
        }
      />
      <PipelinesGate kind={kind} pipelines={props.pipelines} pipeline={pipeline}>
        {(chosen) => (
          <Box maw={760}>
            <NewItemForm {...props} pipelines={items} pipeline={chosen} me={me} />
          </Box>
        )}
      </PipelinesGate>
    </>
  );
}

function NewItemForm<Draft, Body>(
  props: NewItemProps<Draft, Body> & {
    pipelines: readonly Pipeline[];
    pipeline: Pipeline;
    me: string | null;
  },
) {
  const { create, ...form } = useCreateItem(props.kind, props.create);
  const [draft, setDraft] = useState(() => props.draftOf(props.pipeline, props.me));
  return props.form({
    ...form,
    draft,
    onChange: setDraft,
    pipelines: props.pipelines,
    onSubmit: () => create(props.bodyOf(draft)),
  });
}
