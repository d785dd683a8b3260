import {
  Alert,
  Box,
  Button,
  Center,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import {
  type FormField,
  type PublicForm,
  TooManySends,
  usePublicForm,
  useSendPublicForm,
} from '../api/crm-forms.ts';
import { minutesToWait } from './form-draft.ts';

/** Keeps the trap out of sight and out of reach, yet in the form for scripts that fill every input. */
const HIDDEN = {
  position: 'absolute',
  left: '-10000px',
  width: 1,
  height: 1,
  overflow: 'hidden',
} as const;

/**
 * A web form as a visitor sees it (`/forms/:token`): no sign-in, no menu, plain enough for an `<iframe>`
 * on the company's site; in the browser's language. What they send becomes a lead.
 */
export function PublicFormPage() {
  const { t } = useTranslation('webForms');
  const token = useParams().token ?? '';
  const form = usePublicForm(token);
  useEffect(() => {
    document.title = form.data?.title ?? t('public.pageTitle');
  }, [form.data, t]);
  return (
    <Center mih="100dvh" p={{ base: 'sm', sm: 'md' }} component="main">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} w="100%" maw={480}>
        {form.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common:loading')} />
          </Center>
        ) : form.isError ? (
          <Alert
            color={form.error instanceof ApiError && form.error.status === 404 ? 'gray' : 'red'}
            role="alert"
          >
            {form.error instanceof ApiError && form.error.status === 404
              ? t('public.notAvailable')
              : t('public.failed')}
          </Alert>
        ) : (
          <VisitorForm token={token} form={form.data} />
        )}
      </Paper>
    </Center>
  );
}

function VisitorForm({ token, form }: { token: string; form: PublicForm }) {
  const { t } = useTranslation('webForms');
  const send = useSendPublicForm(token);
  const [values, setValues] = useState<Partial<Record<FormField, string>>>({});
  const error = send.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors('body.values') : {};
  const labelOf = (field: string) => form.fields.find((f) => f.field === field)?.label ?? field;

  if (send.isSuccess)
    return (
      <Stack gap="sm">
        <Title order={1} size="h3">
          {form.title}
        </Title>
        <Alert color="green" role="status">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{send.data.successText}</Text>
        </Alert>
      </Stack>
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const website = String(new FormData(event.currentTarget).get('website') ?? '');
    send.mutate({ values, ...(website ? { website } : {}) });
  };
  const problem =
    error instanceof TooManySends
      ? t('public.tooMany', { count: minutesToWait(error.retryAfterSeconds) })
      : error instanceof ApiError && error.status === 404
        ? t('public.notAvailable')
        : error instanceof ApiError && error.code === 'FORM_INCOMPLETE'
          ? Object.keys(fieldErrors).length > 0
            ? null
            : t('public.empty')
          : error
            ? t('public.failed')
            : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="web-form-title">
      <Title order={1} size="h3" id="web-form-title" mb="md" className="wrap-anywhere">
        {form.title}
      </Title>
      {problem && (
        <Alert color="red" mb="sm" role="alert">
          {problem}
        </Alert>
      )}
      <Stack gap="sm">
        {form.fields.map((f) => {
          const props = {
            label: f.label,
            withAsterisk: f.required,
            value: values[f.field] ?? '',
            error: fieldErrors[f.field] ? t('public.needed', { label: labelOf(f.field) }) : undefined,
          };
          return f.field === 'comment' ? (
            <Textarea
              key={f.field}
              {...props}
              autosize
              minRows={3}
              maxRows={10}
              onChange={(e) => setValues({ ...values, [f.field]: e.currentTarget.value })}
            />
          ) : (
            <TextInput
              key={f.field}
              {...props}
              type={f.field === 'email' ? 'email' : f.field === 'phone' ? 'tel' : 'text'}
              autoComplete={AUTOCOMPLETE[f.field]}
              onChange={(e) => setValues({ ...values, [f.field]: e.currentTarget.value })}
            />
          );
        })}
        <Box style={HIDDEN} aria-hidden>
          <label>
            Website
            <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </Box>
        <Button type="submit" loading={send.isPending} fullWidth mt="xs">
          {t('public.send')}
        </Button>
      </Stack>
    </form>
  );
}

/** What browsers may fill in for a visitor. */
const AUTOCOMPLETE: Record<FormField, string> = {
  name: 'name',
  companyTitle: 'organization',
  phone: 'tel',
  email: 'email',
  comment: 'off',
};
