import { Checkbox, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cellId, cellsOf, dayParts, days, slotsOf, type Slot } from './availability';

/** A week of mornings, afternoons and evenings; each box is labelled with its day and part. */
export function AvailabilityGrid({
  value,
  onChange,
}: {
  value: Slot[];
  onChange: (slots: Slot[]) => void;
}) {
  const { t } = useTranslation();
  const cells = cellsOf(value);
  const toggle = (id: string, checked: boolean) => {
    const next = new Set(cells);
    if (checked) next.add(id);
    else next.delete(id);
    onChange(slotsOf(next));
  };
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder withColumnBorders ta="center">
        <caption>
          <VisuallyHidden>{t('enrolment.availability')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Td />
            {days.map((day) => (
              <Table.Th key={day} scope="col" ta="center">
                {t(`enrolment.days.${day}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dayParts.map((part) => (
            <Table.Tr key={part.id}>
              <Table.Th scope="row">
                {t(`enrolment.dayParts.${part.id}`, { from: part.from, to: part.to })}
              </Table.Th>
              {days.map((day) => {
                const id = cellId(day, part.id);
                return (
                  <Table.Td key={id}>
                    <Checkbox
                      aria-label={t('enrolment.slotLabel', {
                        day: t(`enrolment.days.${day}`),
                        part: t(`enrolment.dayParts.${part.id}`, { from: part.from, to: part.to }),
                      })}
                      checked={cells.has(id)}
                      onChange={(event) => toggle(id, event.currentTarget.checked)}
                      styles={{ body: { justifyContent: 'center' } }}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
