import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { abilitiesOf, type Abilities } from '../session/use-me';
import { useSignedIn } from '../session/use-signed-in';
import { PageHeader } from './page-header';

/** Shows the page only to roles that may use it; the server enforces the same rule. */
export function RequireAbility({
  ability,
  children,
}: {
  ability: keyof Abilities;
  children: ReactNode;
}) {
  const me = useSignedIn();
  const { t } = useTranslation();
  if (abilitiesOf(me)[ability]) return <>{children}</>;
  return (
    <>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Alert color="yellow">{t('errors.forbidden')}</Alert>
    </>
  );
}
