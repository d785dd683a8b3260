import { Button, FileInput, Group, Stack } from '@mantine/core';
import { IconCheck, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormCard } from '../app/FormCard.tsx';
import { type ImportCounts, ImportOutcome } from './ImportOutcome.tsx';

/** What CsvUpload needs of the mutation sending the file: a TanStack mutation over `{ dryRun }`. */
export interface CsvRun {
  data: ImportCounts | undefined;
  error: unknown;
  isPending: boolean;
  variables: { dryRun: boolean } | undefined;
  reset(): void;
}

/**
 * A CSV file checked first (`dryRun`, nothing written) and then imported, and what came of it. What the
 * file is for goes above the file input (`children`); choosing another file forgets the last answer.
 */
export function CsvUpload(props: {
  label: string;
  run: CsvRun;
  onSend: (csv: string, dryRun: boolean) => void;
  /** In a dialog the form stands plain; on a page, in a bordered card. */
  inDialog?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('crmImport');
  const { run } = props;
  const [file, setFile] = useState<File | null>(null);
  const send = async (dryRun: boolean) => {
    if (file) props.onSend(await file.text(), dryRun);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  const fields = (
    <>
      <Stack gap="sm">
        {props.children}
        <FileInput
          label={t('file')}
          description={t('fileHint')}
          accept=".csv,text/csv"
          value={file}
          onChange={(next) => {
            setFile(next);
            run.reset();
          }}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          clearable
        />
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button
          variant="default"
          leftSection={<IconCheck size={16} aria-hidden />}
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun === true}
          onClick={() => void send(true)}
        >
          {t('check')}
        </Button>
        <Button
          type="submit"
          leftSection={<IconUpload size={16} aria-hidden />}
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun === false}
        >
          {t('import')}
        </Button>
      </Group>
    </>
  );
  return (
    <>
      {props.inDialog ? (
        <form onSubmit={submit} aria-label={props.label}>
          {fields}
        </form>
      ) : (
        <FormCard aria-label={props.label} onSubmit={submit}>
          {fields}
        </FormCard>
      )}
      <ImportOutcome result={run.data} error={run.error} />
    </>
  );
}
