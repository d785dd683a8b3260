import { Button, FileButton } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';

/** A button opening the file picker; the picker is cleared after each choice, so a file may be chosen again. */
export function UploadButton(props: {
  label: string;
  multiple?: boolean;
  variant?: string;
  loading?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const reset = useRef<() => void>(null);
  const chosen = (files: File[]) => {
    if (files.length > 0) props.onFiles(files);
    reset.current?.();
  };
  const button = (open: { onClick: () => void }) => (
    <Button
      {...open}
      variant={props.variant ?? 'filled'}
      loading={props.loading}
      leftSection={<IconUpload size={16} aria-hidden />}
    >
      {props.label}
    </Button>
  );
  return props.multiple ? (
    <FileButton multiple resetRef={reset} onChange={chosen}>
      {button}
    </FileButton>
  ) : (
    <FileButton resetRef={reset} onChange={(file) => chosen(file ? [file] : [])}>
      {button}
    </FileButton>
  );
}
