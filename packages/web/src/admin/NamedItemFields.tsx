import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NamedItem } from './NamedItemCard.tsx';

/** The name, title and description of a new or an existing role or group, as typed. */
export function useNamedItemDraft(item: NamedItem | undefined) {
  const [name, setName] = useState(item?.name ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const text = description.trim() || null;
  return {
    name,
    setName,
    title,
    setTitle,
    description,
    setDescription,
    /** What a new item is created with; without a title the server shows the name. */
    created: { name: name.trim(), ...(title.trim() ? { title: title.trim() } : {}), description: text },
    /** What changed in `saved`; an emptied title keeps the old one. */
    changes: (saved: NamedItem): { title?: string; description?: string | null } => ({
      ...(title.trim() && title.trim() !== saved.title ? { title: title.trim() } : {}),
      ...(text !== saved.description ? { description: text } : {}),
    }),
  };
}

export type NamedItemDraft = ReturnType<typeof useNamedItemDraft>;

/**
 * The inputs of a role's or a group's name, title and description. An existing item's name is locked
 * (processes refer to it), so its title takes the focus.
 */
export function NamedItemFields(props: {
  kind: 'role' | 'group';
  draft: NamedItemDraft;
  editing: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('admin');
  const { draft, editing, errors } = props;
  const texts = `${props.kind}s`;
  return (
    <>
      <TextInput
        label={t(`${texts}.name`)}
        description={t(`${texts}.nameHint`)}
        required
        disabled={editing}
        autoCapitalize="none"
        spellCheck={false}
        value={draft.name}
        onChange={(e) => draft.setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus={editing ? undefined : true}
      />
      <TextInput
        label={t(`${texts}.title`)}
        description={editing ? undefined : t(`${texts}.titleHint`)}
        required={editing}
        value={draft.title}
        onChange={(e) => draft.setTitle(e.currentTarget.value)}
        error={errors.title}
        data-autofocus={editing ? true : undefined}
      />
      <Textarea
        label={t(`${texts}.description`)}
        autosize
        minRows={2}
        value={draft.description}
        onChange={(e) => draft.setDescription(e.currentTarget.value)}
        error={errors.description}
      />
    </>
  );
}
