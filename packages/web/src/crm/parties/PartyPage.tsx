import { Anchor, Button, Grid, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type Company, type PartyKind, useDeleteParty, useParty } from '../../api/crm-parties.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { ItemProcesses } from '../items/ItemProcesses.tsx';
import { ReadOnlyNote } from '../ReadOnlyNote.tsx';
import { CompanyContacts } from './CompanyContacts.tsx';
import { PartyForm } from './PartyForm.tsx';
import { RelatedDeals } from './RelatedDeals.tsx';

/** What processes about it are made for: templates' `documentType`, and the kind in its `documentRef`. */
const DOCUMENT_TYPE = { contacts: 'contact', companies: 'company' } as const;

/** Which deals a kind's page lists: a contact's by `contactId`, a company's by `companyId`. */
const DEAL_FILTER = { contacts: 'contactId', companies: 'companyId' } as const;

/**
 * A contact's or company's page: its fields to change, its deals (a company's people too), the processes
 * about it, delete; one the reader may only read says so, its fields disabled.
 */
function PartyPage({ kind }: { kind: PartyKind }) {
  const { t } = useTranslation('crm');
  const id = useParams().id ?? '';
  const record = useParty(kind, id);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteParty(kind);
  const navigate = useNavigate();
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorNotice error={record.error} retry={() => record.refetch()} />;
  const data = record.data;

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={
          <Anchor component={Link} to={`/crm/${kind}`} size="sm">
            {t(`${kind}.back`)}
          </Anchor>
        }
        actions={
          data.editable && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDeleting(true)}
            >
              {t(`${kind}.delete`)}
            </Button>
          )
        }
      />
      {!data.editable && <ReadOnlyNote />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <PartyForm key={data.id} kind={kind} record={data} readOnly={!data.editable} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <RelatedDeals filter={{ [DEAL_FILTER[kind]]: data.id }} />
            <ItemProcesses
              documentRef={`${DOCUMENT_TYPE[kind]}:${data.id}`}
              documentType={DOCUMENT_TYPE[kind]}
              ns="crm"
              prefix={`${kind}.processes`}
            />
            {kind === 'companies' && <CompanyContacts company={data as Company} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={deleting}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        title={t(`${kind}.deleteTitle`, { name: data.name })}
        confirmLabel={t(`${kind}.delete`)}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(data.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t(`${kind}.deleted`, { name: data.name }) });
              navigate(`/crm/${kind}`, { replace: true });
            },
          })
        }
      >
        {t(`${kind}.deleteConsequence`)}
      </ConfirmDialog>
    </>
  );
}

export const ContactPage = () => <PartyPage kind="contacts" />;
export const CompanyPage = () => <PartyPage kind="companies" />;
