import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../session/use-me';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="blue.9">
      {t(`roles.${role}`)}
    </Badge>
  );
}
