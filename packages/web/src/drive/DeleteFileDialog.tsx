import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type DriveFile, useDeleteFile } from '../api/drive.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';

/** Asks before deleting a file with all its versions; `onDeleted` runs once it is gone. */
export function DeleteFileDialog(props: {
  file: DriveFile;
  opened: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation('drive');
  const remove = useDeleteFile();
  const { file } = props;
  return (
    <ConfirmDialog
      opened={props.opened}
      onClose={() => {
        remove.reset();
        props.onClose();
      }}
      title={t('file.deleteTitle', { name: file.name })}
      confirmLabel={t('file.delete')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(file.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('file.deleted', { name: file.name }) });
            props.onClose();
            props.onDeleted?.();
          },
        })
      }
    >
      {t('file.deleteConsequence')}
    </ConfirmDialog>
  );
}
