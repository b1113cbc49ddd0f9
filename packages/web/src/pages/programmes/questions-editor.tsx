import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newQuestionKey, type QuestionValues } from './designer-values';

/** The programme's own enrolment questions, each in Dutch and English. */
export function QuestionsEditor({
  questions,
  onChange,
  errorOf,
}: {
  questions: QuestionValues[];
  onChange: (questions: QuestionValues[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const update = (index: number, changes: Partial<QuestionValues>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...changes } : q)));
  return (
    <Stack gap="sm">
      {questions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('programmes.questions.none')}
        </Text>
      )}
      {questions.map((question, index) => (
        <Card withBorder key={question.key} padding="sm">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('programmes.questions.labelNl', { number: index + 1 })}
                value={question.labelNl}
                onChange={(event) => update(index, { labelNl: event.currentTarget.value })}
                error={errorOf(`questions.${index}.labelNl`)}
                required
              />
              <TextInput
                label={t('programmes.questions.labelEn', { number: index + 1 })}
                value={question.labelEn}
                onChange={(event) => update(index, { labelEn: event.currentTarget.value })}
                error={errorOf(`questions.${index}.labelEn`)}
                required
              />
            </SimpleGrid>
            <Group justify="space-between">
              <Checkbox
                label={t('programmes.questions.required')}
                checked={question.required}
                onChange={(event) => update(index, { required: event.currentTarget.checked })}
              />
              <ActionIcon
                variant="subtle"
                color="red.8"
                aria-label={t('programmes.questions.remove', { number: index + 1 })}
                onClick={() => onChange(questions.filter((_, i) => i !== index))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Stack>
        </Card>
      ))}
      <Button
        variant="default"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() =>
          onChange([
            ...questions,
            { key: newQuestionKey(), labelNl: '', labelEn: '', required: false },
          ])
        }
        style={{ alignSelf: 'flex-start' }}
        disabled={questions.length >= 20}
      >
        {t('programmes.questions.add')}
      </Button>
    </Stack>
  );
}
