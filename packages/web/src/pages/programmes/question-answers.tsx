import { Stack, Text } from '@mantine/core';

export interface QuestionAnswer {
  questionId: string;
  question: string;
  answer: string;
}

/** Answers to a programme's questions: each question, and under it the answer as it was written. */
export function QuestionAnswers({ items }: { items: readonly QuestionAnswer[] }) {
  return (
    <Stack component="dl" gap="xs" m={0}>
      {items.map((item) => (
        <div key={item.questionId}>
          <Text component="dt" size="sm" fw={600}>
            {item.question}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }}>
            {item.answer || '—'}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
