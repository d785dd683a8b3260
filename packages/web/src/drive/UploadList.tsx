import { Anchor, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_FILE_BYTES } from '../api/drive.ts';
import { CardList, CardListItem } from '../app/CardList.tsx';
import { formatFileSize } from '../i18n/format.ts';
import { filePath } from './paths.ts';
import { driveProblem } from './problems.ts';
import { pending, type Upload, type UploadState } from './uploads.ts';

/** The files being uploaded and those just done: how far the batch is, and each one's state. */
export function UploadList(props: { uploads: readonly Upload[]; onClear: () => void }) {
  const { t } = useTranslation('drive');
  const { uploads } = props;
  const titleId = useId();
  if (uploads.length === 0) return null;
  const finished = uploads.filter((u) => !pending(u)).length;
  return (
    <Stack gap="xs" mb="md">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} id={titleId}>
          {t('uploads.progress', { done: finished, total: uploads.length })}
        </Text>
        {finished === uploads.length && (
          <Button size="compact-sm" variant="subtle" onClick={props.onClear}>
            {t('uploads.clear')}
          </Button>
        )}
      </Group>
      <Progress value={(finished / uploads.length) * 100} size="sm" aria-hidden />
      <CardList aria-labelledby={titleId}>
        {uploads.map((upload) => (
          <CardListItem key={upload.key} label={upload.name}>
            <UploadLine upload={upload} />
          </CardListItem>
        ))}
      </CardList>
    </Stack>
  );
}

function UploadLine({ upload }: { upload: Upload }) {
  const { t, i18n } = useTranslation('drive');
  const { state } = upload;
  const [icon, words] = stateOf(state, t, i18n.language);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      {icon}
      <Stack gap={0} style={{ minWidth: 0 }}>
        {state.phase === 'done' ? (
          <Anchor component={Link} to={filePath(state.file.id)} size="sm" className="wrap-anywhere">
            {upload.name}
          </Anchor>
        ) : (
          <Text size="sm" className="wrap-anywhere">
            {upload.name}
          </Text>
        )}
        <Text size="xs" c={state.phase === 'failed' || state.phase === 'refused' ? 'red' : 'dimmed'}>
          {words}
        </Text>
      </Stack>
    </Group>
  );
}

const iconProps = { size: 18, 'aria-hidden': true, style: { flexShrink: 0 } } as const;

/** An upload's state as an icon and words: a done one says whether it added a file or a version. */
function stateOf(state: UploadState, t: TFunction, language: string): [ReactNode, string] {
  switch (state.phase) {
    case 'waiting':
      return [<IconClock key="i" {...iconProps} color="gray" />, t('uploads.waiting')];
    case 'uploading':
      return [<Loader key="i" size={18} aria-hidden />, t('uploads.uploading')];
    case 'done':
      return [
        <IconCheck key="i" {...iconProps} color="green" />,
        state.file.version > 1
          ? t('uploads.newVersion', { version: state.file.version })
          : t('uploads.added'),
      ];
    case 'refused':
      return [
        <IconAlertTriangle key="i" {...iconProps} color="red" />,
        t(`uploads.${state.problem}`, { max: formatFileSize(MAX_FILE_BYTES, language) }),
      ];
    case 'failed':
      return [<IconAlertTriangle key="i" {...iconProps} color="red" />, driveProblem(state.error, t)];
  }
}
