import { Menu } from '@mantine/core';
import { IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentUrl, type DriveFile } from '../api/drive.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { DeleteFileDialog } from './DeleteFileDialog.tsx';
import { RenameFileDialog } from './RenameFileDialog.tsx';

/**
 * A file's "⋯": download; rename and delete for those who may change it (`onDeleted`: where to go once
 * it is gone, when the page showed it alone).
 */
export function FileActions({ file, onDeleted }: { file: DriveFile; onDeleted?: () => void }) {
  const { t } = useTranslation('drive');
  const [open, setOpen] = useState<'rename' | 'delete' | null>(null);
  return (
    <>
      <ActionsMenu label={t('file.actions', { name: file.name })}>
        <Menu.Item
          component="a"
          href={contentUrl(file.id)}
          download={file.name}
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('file.download')}
        </Menu.Item>
        {file.editable && (
          <>
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setOpen('rename')}>
              {t('file.rename')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setOpen('delete')}
            >
              {t('file.delete')}
            </Menu.Item>
          </>
        )}
      </ActionsMenu>
      {file.editable && (
        <>
          <RenameFileDialog file={file} opened={open === 'rename'} onClose={() => setOpen(null)} />
          <DeleteFileDialog
            file={file}
            opened={open === 'delete'}
            onClose={() => setOpen(null)}
            {...(onDeleted ? { onDeleted } : {})}
          />
        </>
      )}
    </>
  );
}
