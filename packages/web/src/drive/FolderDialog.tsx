import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type DriveFolder, useDeleteFolder } from '../api/drive.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FolderForm } from './FolderForm.tsx';
import { DRIVE_PATH, folderPath } from './paths.ts';

/**
 * A new folder's dialog, or an existing folder's settings with its deletion (asked first, in place of
 * the settings); a new folder opens once created, a deleted one leaves for the folders.
 */
export function FolderDialog(props: { folder?: DriveFolder; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('drive');
  const { folder } = props;
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteFolder();
  const close = () => {
    remove.reset();
    setConfirming(false);
    props.onClose();
  };
  return (
    <>
      <FormModal
        opened={props.opened && !confirming}
        onClose={close}
        title={folder ? t('folder.settingsOf', { name: folder.name }) : t('folder.newTitle')}
      >
        <FolderForm
          {...(folder ? { folder, onDelete: () => setConfirming(true) } : {})}
          onCancel={close}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: t('folder.saved', { name: saved.name }) });
            close();
            if (!folder) navigate(folderPath(saved.id));
          }}
        />
      </FormModal>
      {folder && (
        <ConfirmDialog
          opened={props.opened && confirming}
          onClose={() => {
            remove.reset();
            setConfirming(false);
          }}
          title={t('folder.deleteTitle', { name: folder.name })}
          confirmLabel={t('folder.delete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(folder.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('folder.deleted', { name: folder.name }) });
                close();
                navigate(DRIVE_PATH, { replace: true });
              },
            })
          }
        >
          {t('folder.deleteConsequence')}
        </ConfirmDialog>
      )}
    </>
  );
}
