import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way back under a page's title: to every list, or to the list `name` at `to`. */
export function BackLink(props: { to?: string; name?: string }) {
  const { t } = useTranslation('lists');
  return (
    <Anchor component={Link} to={props.to ?? '/lists'} size="sm">
      {props.name === undefined ? t('back') : t('backTo', { name: props.name })}
    </Anchor>
  );
}
