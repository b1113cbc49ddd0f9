import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return isActive ? (
    <Badge variant="outline" color="green.9">
      {t('people.status.active')}
    </Badge>
  ) : (
    <Badge variant="outline" color="gray.8">
      {t('people.status.inactive')}
    </Badge>
  );
}
