import { Alert, Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type DefinitionDocument, usePublishedDefinition } from '../api/definitions.ts';
import { useStartInstance } from '../api/instances.ts';
import { useUploading } from '../api/process-files.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { FieldsForm } from '../forms/FieldsForm.tsx';
import { initialValues, missingRequired, type Values, valuesToSend } from '../forms/values.ts';

/** The start form of a template, generated from its parameters; the server's verdict shows per field. */
export function StartFormPage() {
  const { t } = useTranslation('start');
  const key = useParams().key ?? '';
  // Started from a record's page (a deal's "Start process"): the process is about that record.
  const documentRef = useSearchParams()[0].get('documentRef') ?? undefined;
  const definition = usePublishedDefinition(key);
  if (definition.isPending) return <Loading />;
  if (definition.isError) return <ErrorNotice error={definition.error} retry={() => definition.refetch()} />;
  if (definition.data.status !== 'published') return <Alert color="yellow">{t('form.notPublished')}</Alert>;
  return (
    <StartForm
      definitionKey={key}
      document={definition.data.definition as DefinitionDocument}
      documentRef={documentRef}
    />
  );
}

function StartForm({
  definitionKey,
  document,
  documentRef,
}: {
  definitionKey: string;
  document: DefinitionDocument;
  documentRef: string | undefined;
}) {
  const { t } = useTranslation('start');
  const navigate = useNavigate();
  const parameters = document.parameters ?? [];
  const [values, setValues] = useState<Values>(() => initialValues(parameters));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // One key per filled form: a double click or a retried request starts one process, not two.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const start = useStartInstance();
  const uploading = useUploading();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingRequired(parameters, values);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((id) => [id, t('form.required')])));
      setProblem(t('form.fixErrors'));
      return;
    }
    setErrors({});
    setProblem(null);
    start.mutate(
      { definitionKey, params: valuesToSend(parameters, values), idempotencyKey, documentRef },
      {
        onSuccess: (started) => {
          notifications.show({
            color: 'green',
            title: t('form.started'),
            message: document.name ?? definitionKey,
          });
          navigate(`/processes/${encodeURIComponent(started.id)}`);
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            setErrors(error.fieldErrors('params'));
            setProblem(
              error.errors.some((e) => e.path.startsWith('params.')) ? t('form.fixErrors') : error.message,
            );
          } else setProblem(String(error));
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={document.name ?? definitionKey}
        subtitle={
          <Anchor component={Link} to="/start" size="sm">
            {t('form.back')}
          </Anchor>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" maw={640}>
        {document.description && (
          <Text mb="md" className="wrap-anywhere">
            {document.description}
          </Text>
        )}
        <form
          onSubmit={submit}
          noValidate
          aria-label={t('form.label', { name: document.name ?? definitionKey })}
        >
          {problem && (
            <Alert color="red" mb="md" role="alert">
              {problem}
            </Alert>
          )}
          {parameters.length === 0 ? (
            <Text c="dimmed">{t('form.noParameters')}</Text>
          ) : (
            <FieldsForm
              fields={parameters}
              values={values}
              errors={errors}
              onChange={(id, value) => {
                setValues((v) => ({ ...v, [id]: value }));
                setErrors(({ [id]: _, ...rest }) => rest);
                setProblem(null);
              }}
            />
          )}
          <Group justify="flex-end" mt="lg">
            <Button type="submit" loading={start.isPending} disabled={uploading}>
              {t('form.submit')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
