import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { DriveFile } from '../api/drive.ts';
import { FileIcon } from './FileIcon.tsx';
import { filePath } from './paths.ts';

/** A file's name with its type's icon, a link to its page. */
export function FileName({ file, id }: { file: DriveFile; id?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <span style={{ flexShrink: 0, lineHeight: 0, paddingTop: 1 }}>
        <FileIcon file={file} />
      </span>
      <Anchor component={Link} to={filePath(file.id)} fw={600} className="wrap-anywhere" id={id}>
        {file.name}
      </Anchor>
    </Group>
  );
}
