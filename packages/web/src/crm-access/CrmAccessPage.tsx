import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { type Grant, useCrmAccess } from '../api/crm-access.ts';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { GrantForm } from './GrantForm.tsx';
import { grantsByRole } from './grants.ts';
import { RemoveGrant } from './RemoveGrant.tsx';
import { RoleGrantsCard } from './RoleGrantsCard.tsx';

type AccessDialog = { kind: 'new' } | { kind: 'remove'; grant: Grant };

/** CRM access by role (`/crm/access`): who reads or changes what beyond their own, for those who manage the CRM. */
export function CrmAccessPage() {
  const manage = useAbility('manageCrm');
  return manage ? <CrmAccess /> : <ErrorNotice error={FORBIDDEN} />;
}

function CrmAccess() {
  const { t } = useTranslation('crmAccess');
  const access = useCrmAccess();
  const [dialog, setDialog] = useState<AccessDialog | null>(null);
  const groups = grantsByRole(access.data?.items ?? []);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
            {t('add')}
          </Button>
        }
      />
      {access.isPending ? (
        <Loading />
      ) : access.isError ? (
        <ErrorNotice error={access.error} retry={() => access.refetch()} />
      ) : groups.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <Stack gap="md">
          {groups.map((group) => (
            <RoleGrantsCard
              key={group.role}
              group={group}
              onRemove={(grant) => setDialog({ kind: 'remove', grant })}
            />
          ))}
        </Stack>
      )}
      <FormModal opened={dialog?.kind === 'new'} onClose={close} title={t('form.title')}>
        {dialog?.kind === 'new' && <GrantForm onDone={close} />}
      </FormModal>
      {dialog?.kind === 'remove' && <RemoveGrant grant={dialog.grant} onClose={close} />}
    </>
  );
}
