import { ActionIcon, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../i18n/format.ts';
import {
  fileKey,
  filesProblem,
  MAX_LETTER_BYTES,
  MAX_LETTER_FILES,
  totalSize,
  withFiles,
} from './letter-files.ts';

/**
 * The files going with a letter: "Attach files" adds some; each is listed with its size, a button
 * that removes it and the server's refusal of it (`errors`, by position). Too many files, or too
 * many bytes in all, is said at once, before sending.
 */
export function LetterFiles(props: {
  files: readonly File[];
  errors: readonly (string | undefined)[];
  onChange: (files: File[]) => void;
}) {
  const { t, i18n } = useTranslation('mail');
  const { files, errors, onChange } = props;
  // Cleared after each choice, so that a file removed may be chosen again.
  const reset = useRef<() => void>(null);
  const size = (bytes: number) => formatFileSize(bytes, i18n.language);
  const problem = filesProblem(files);
  const problems = {
    tooMany: t('compose.filesTooMany', { count: MAX_LETTER_FILES }),
    tooLarge: t('compose.filesTooLarge', { size: size(totalSize(files)), max: size(MAX_LETTER_BYTES) }),
  };
  return (
    <Stack gap={6}>
      {files.length > 0 && (
        <Stack
          component="ul"
          aria-label={t('compose.files')}
          gap={4}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {files.map((file, i) => (
            <li key={fileKey(file)} aria-label={file.name}>
              <Group gap="xs" wrap="nowrap">
                <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
                <Text size="sm" className="wrap-anywhere" style={{ flex: 1, minWidth: 0 }}>
                  {file.name}
                </Text>
                <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  {size(file.size)}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('compose.removeFile', { name: file.name })}
                  onClick={() => onChange(files.filter((f) => f !== file))}
                >
                  <IconX size={16} aria-hidden />
                </ActionIcon>
              </Group>
              {errors[i] && (
                <Text size="xs" c="red" className="wrap-anywhere">
                  {errors[i]}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problems[problem]}
        </Text>
      )}
      <FileButton
        multiple
        resetRef={reset}
        onChange={(chosen) => {
          onChange(withFiles(files, chosen));
          reset.current?.();
        }}
      >
        {(button) => (
          <Button
            {...button}
            variant="default"
            size="xs"
            w="fit-content"
            leftSection={<IconPaperclip size={14} aria-hidden />}
          >
            {t('compose.attach')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}
