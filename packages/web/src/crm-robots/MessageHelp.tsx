import { useTranslation } from 'react-i18next';
import type { CrmField } from '../api/crm-fields.ts';
import { PlaceholderHelp } from '../crm/PlaceholderHelp.tsx';
import { messageNames } from './message-names.ts';

/** Under the notice's text: the deal's names it may use, its own fields by label. */
export function MessageHelp(props: { fields: readonly CrmField[]; onInsert: (snippet: string) => void }) {
  const { t } = useTranslation('robots');
  const names = messageNames(props.fields).map(({ name, about }) => ({
    name,
    about: 'key' in about ? t(`help.names.${about.key}`) : about.label,
  }));
  return (
    <PlaceholderHelp
      label={t('help.title')}
      intro={t('help.intro')}
      names={names}
      onInsert={props.onInsert}
    />
  );
}
