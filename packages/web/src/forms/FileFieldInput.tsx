import { Button, FileButton, Group, Input, Loader, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES, type UploadedFile, useUploadFile } from '../api/process-files.ts';
import { DownloadLink } from '../app/DownloadLink.tsx';
import { formatFileSize } from '../i18n/format.ts';
import { type AttachProblem, attachProblemOf, refusedUpload } from './attach-problem.ts';

export interface FileFieldInputProps {
  label: string;
  description?: string | undefined;
  required: boolean;
  error?: string | undefined;
  name: string;
  /** The id of the upload the field holds, or nothing. */
  value: unknown;
  onChange: (value: string) => void;
  /** The file the value names that the field's holder already keeps (a saved item's), if known. */
  held?: HeldFileView | undefined;
}

/** A file a holder keeps, as the field shows it: by name and size, the name a link that downloads it. */
export interface HeldFileView {
  id: string;
  name: string;
  size: number;
  href: string;
}

/**
 * A `file` field: "Attach file" uploads the chosen file at once and the field takes its id; then the
 * file's name and size, with buttons to replace and to remove it; a file its holder keeps already
 * (`held`) downloads from its name. Why a file was not taken is the field's error. The picker's button
 * stays one element throughout, so the keyboard's focus stays on it.
 */
export function FileFieldInput(props: FileFieldInputProps) {
  const { t, i18n } = useTranslation('forms');
  const { value, onChange } = props;
  const id = useId();
  const upload = useUploadFile();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [problem, setProblem] = useState<AttachProblem | null>(null);
  const reset = useRef<() => void>(null);
  const picker = useRef<HTMLButtonElement>(null);
  const pending = upload.isPending;
  const attached = typeof value === 'string' && value !== '' ? attachedAs(value, file, props.held) : null;
  const size = (bytes: number) => formatFileSize(bytes, i18n.language);
  const error = problem ? t(`file.problems.${problem}`, { max: size(MAX_UPLOAD_BYTES) }) : props.error;
  const describedBy = [error && `${id}-error`, props.description && `${id}-description`]
    .filter(Boolean)
    .join(' ');

  const choose = (chosen: File | null) => {
    reset.current?.();
    if (!chosen) return;
    const refused = attachProblemOf(chosen);
    setProblem(refused);
    if (refused) return;
    upload.mutate(chosen, {
      onSuccess: (uploaded) => {
        setFile(uploaded);
        onChange(uploaded.id);
      },
      onError: (failure) => setProblem(refusedUpload(failure)),
    });
  };

  const remove = () => {
    setFile(null);
    setProblem(null);
    onChange('');
    picker.current?.focus();
  };

  return (
    <Input.Wrapper
      id={id}
      labelElement="div"
      label={props.label}
      description={props.description}
      required={props.required}
      error={error}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy || undefined}
    >
      <FileButton name={props.name} resetRef={reset} onChange={choose}>
        {(open) => (
          <Group gap="xs" wrap="wrap" mt={4}>
            {attached && (
              <Group gap={6} wrap="nowrap" style={{ flex: '1 1 16rem', minWidth: 0 }}>
                {attached.href ? (
                  <DownloadLink href={attached.href} fileName={attached.name} />
                ) : (
                  <>
                    <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0 }} />
                    <Text size="sm" fw={500} className="wrap-anywhere">
                      {attached.name}
                    </Text>
                  </>
                )}
                {attached.size !== undefined && (
                  <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                    {size(attached.size)}
                  </Text>
                )}
              </Group>
            )}
            <Button
              ref={picker}
              variant="default"
              leftSection={pending ? <Loader size={14} /> : <IconPaperclip size={16} aria-hidden />}
              aria-disabled={pending || undefined}
              onClick={pending ? undefined : open.onClick}
            >
              {attached ? t('file.replace') : t('file.attach')}
            </Button>
            {attached && !pending && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconX size={16} aria-hidden />}
                aria-label={t('file.removeNamed', { name: attached.name })}
                onClick={remove}
              >
                {t('file.remove')}
              </Button>
            )}
            <Text size="sm" c="dimmed" role="status">
              {pending ? t('file.uploading', { name: upload.variables?.name ?? '' }) : ''}
            </Text>
          </Group>
        )}
      </FileButton>
    </Input.Wrapper>
  );
}

type Attached = { name: string; size?: number; href?: string };

/**
 * What the field shows of the upload it holds: the file its holder keeps, else the file chosen here,
 * else (a default, or a holder's file not listed yet) its id alone.
 */
const attachedAs = (value: string, file: UploadedFile | null, held: HeldFileView | undefined): Attached =>
  held?.id === value ? held : file?.id === value ? file : { name: value };
