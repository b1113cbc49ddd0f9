import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

export function Brand() {
  return (
    <Anchor component={Link} to="/" fw={800} fz="xl" c="blue.9" underline="never">
      Klik
    </Anchor>
  );
}
