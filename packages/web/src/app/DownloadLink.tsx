import { Anchor, Group } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A link that downloads `href` as `fileName`, with a download icon before its words (`children`, the
 * file's name by default). A plain link: the browser sends the session cookie and saves the file itself.
 */
export function DownloadLink(props: { href: string; fileName: string; children?: ReactNode }) {
  return (
    <Anchor href={props.href} download={props.fileName} size="sm" className="wrap-anywhere">
      {/* Inline, so a link stays on the line of its label ("Scan: …" on a phone's card). */}
      <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
        <IconFileDownload size={16} aria-hidden style={{ flexShrink: 0 }} />
        {props.children ?? props.fileName}
      </Group>
    </Anchor>
  );
}
