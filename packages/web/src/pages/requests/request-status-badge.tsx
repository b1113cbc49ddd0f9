import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail, RequestStatus } from './request-types';

const colors: Record<RequestStatus, string> = {
  pending: 'yellow.9',
  accepted: 'green.9',
  declined: 'gray.8',
  withdrawn: 'gray.8',
  expired: 'gray.8',
  closed: 'gray.8',
};

export function RequestStatusBadge({
  status,
  closedReason = null,
}: {
  status: RequestStatus;
  /** Why Klik closed it: a request closed because the mentor is full says so. */
  closedReason?: RequestDetail['closedReason'];
}) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={colors[status]}>
      {status === 'closed' && closedReason === 'mentor_full'
        ? t('attention.request.closedBadge')
        : t(`requests.status.${status}`)}
    </Badge>
  );
}
