import { Accordion, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The tags, as typed in every language; what each does is translated (`documents.syntax.<key>`). */
const TAGS = [
  ['{client}', 'placeholder'],
  ['{#items}…{/items}', 'loop'],
  ['{#paid}…{/paid}', 'condition'],
  ['{^paid}…{/paid}', 'inverted'],
] as const;
const TEXT_LINES = [
  ['# ', 'heading'],
  ['## ', 'subheading'],
  ['- ', 'item'],
] as const;

function Rows({ rows }: { rows: readonly (readonly [string, string])[] }) {
  const { t } = useTranslation('admin');
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0}>
      <Table.Tbody>
        {rows.map(([tag, key]) => (
          <Table.Tr key={key}>
            <Table.Td pr="sm" valign="top" style={{ whiteSpace: 'nowrap' }}>
              <Code>{tag}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`documents.syntax.${key}`)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** How to write a template, folded under the page's heading: the tags, a text template's lines, where it is used. */
export function SyntaxHelp() {
  const { t } = useTranslation('admin');
  return (
    <Accordion variant="contained" radius="md" mb="md">
      <Accordion.Item value="syntax">
        <Accordion.Control>{t('documents.syntax.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <Rows rows={TAGS} />
            <Text size="sm" fw={600}>
              {t('documents.syntax.textTitle')}
            </Text>
            <Rows rows={TEXT_LINES} />
            <Text size="sm">{t('documents.syntax.paragraph')}</Text>
            <Text size="sm">{t('documents.syntax.formats')}</Text>
            <Text size="sm">{t('documents.syntax.process')}</Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
