import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from './request-types';

const colors: Record<RequestStatus, string> = {
  pending: 'yellow.9',
  accepted: 'green.9',
  declined: 'gray.8',
  withdrawn: 'gray.8',
  expired: 'gray.8',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={colors[status]}>
      {t(`requests.status.${status}`)}
    </Badge>
  );
}
