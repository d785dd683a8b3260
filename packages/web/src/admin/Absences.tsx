import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import {
  type AbsenceInput,
  useAbsences,
  useRecordAbsence,
  useRemoveAbsence,
  useUserNames,
  useUsers,
} from '../api/org.ts';
import { CardList, CardListItem } from '../app/CardList.tsx';
import { FormCard } from '../app/FormCard.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { formatDate } from '../i18n/format.ts';

const KINDS: AbsenceInput['kind'][] = ['vacation', 'sickLeave', 'businessTrip', 'timeOff', 'other'];

const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Current and planned absences with their deputies; recording one moves the person's open tasks. */
export function Absences() {
  const { t, i18n } = useTranslation('admin');
  const today = localDay(new Date());
  const absences = useAbsences(today);
  const name = useUserNames();
  const remove = useRemoveAbsence();
  return (
    <Stack gap="md">
      <AbsenceForm />
      {absences.isPending ? (
        <Loading />
      ) : absences.isError ? (
        <ErrorNotice error={absences.error} />
      ) : absences.data.items.length === 0 ? (
        <Empty>{t('absences.empty')}</Empty>
      ) : (
        <CardList aria-label={t('absences.listLabel')}>
          {absences.data.items.map((a) => (
            <CardListItem key={a.id}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{name(a.userId)}</Text>
                    <Badge variant="light" tt="none">
                      {t(`absences.kinds.${a.kind}`, { defaultValue: a.kind })}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {t('absences.period', {
                      from: formatDate(a.from, i18n.language),
                      to: formatDate(a.to, i18n.language),
                    })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {a.deputyId ? t('absences.deputy', { name: name(a.deputyId) }) : t('absences.noDeputy')}
                  </Text>
                  {a.comment && (
                    <Text size="sm" fs="italic" className="wrap-anywhere">
                      {a.comment}
                    </Text>
                  )}
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('absences.remove', { name: name(a.userId) })}
                  loading={remove.isPending && remove.variables === a.id}
                  onClick={() => remove.mutate(a.id)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </CardListItem>
          ))}
        </CardList>
      )}
    </Stack>
  );
}

function AbsenceForm() {
  const { t } = useTranslation('admin');
  const users = (useUsers().data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const record = useRecordAbsence();
  const [userId, setUserId] = useState<string | null>(null);
  const [kind, setKind] = useState<AbsenceInput['kind']>('vacation');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [deputyId, setDeputyId] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const errors = record.error instanceof ApiError ? record.error.fieldErrors('body') : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    record.mutate(
      { userId, kind, from, to, deputyId, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('absences.recorded') });
          setUserId(null);
          setFrom('');
          setTo('');
          setDeputyId(null);
          setComment('');
        },
      },
    );
  };

  return (
    <FormCard onSubmit={submit} aria-label={t('absences.formLabel')}>
      <FormProblem error={record.error} shown={errors} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('absences.who')}
          data={users}
          value={userId}
          onChange={setUserId}
          searchable
          required
          error={errors.userId}
        />
        <Select
          label={t('absences.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`absences.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind((v as AbsenceInput['kind']) ?? 'vacation')}
          allowDeselect={false}
        />
        <Select
          label={t('absences.deputyLabel')}
          data={users.filter((u) => u.value !== userId)}
          value={deputyId}
          onChange={setDeputyId}
          searchable
          clearable
          error={errors.deputyId}
        />
        <TextInput
          label={t('absences.from')}
          type="date"
          required
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          label={t('absences.to')}
          type="date"
          required
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={errors.to}
        />
        <Textarea
          label={t('absences.comment')}
          autosize
          minRows={1}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" disabled={!userId || !from || !to} loading={record.isPending}>
          {t('absences.record')}
        </Button>
      </Group>
    </FormCard>
  );
}
