import { Text } from '@mantine/core';
import { type FileHolder, heldFileOf, itemFileUrl, useItemFiles } from '../api/item-files.ts';
import { DownloadLink } from '../app/DownloadLink.tsx';

/**
 * A `file` field's value as read: the file's name, a link that downloads it from its holder; an
 * ellipsis while the holder's files load, the id alone should they not list it.
 */
export function ItemFileLink(props: { holder: FileHolder; fileId: string }) {
  const files = useItemFiles(props.holder);
  const file = heldFileOf(files.data?.items ?? [], props.fileId);
  if (file) return <DownloadLink href={itemFileUrl(props.holder, file.id)} fileName={file.name} />;
  return (
    <Text span size="sm" c="dimmed">
      {files.isPending ? '…' : props.fileId}
    </Text>
  );
}
