import {
  Badge,
  createTheme,
  DEFAULT_THEME,
  Table,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** A Mantine palette with a darker shade 9, used for text on that colour's light background. */
function withDarkText(name: keyof typeof DEFAULT_THEME.colors, shade9: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[9] = shade9;
  return shades as unknown as MantineColorsTuple;
}

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 9 keeps white text on filled buttons, and links on white or on light alerts, well
  // above 4.5:1 (WCAG AA).
  primaryShade: { light: 9, dark: 8 },
  // Light alerts and badges put shade 9 text on shade 1; Mantine's own green, yellow, orange
  // and red shade 9 fall short of 4.5:1 there.
  colors: {
    green: withDarkText('green', '#1e6b30'),
    yellow: withDarkText('yellow', '#7a4300'),
    orange: withDarkText('orange', '#a63c00'),
    red: withDarkText('red', '#a51d1d'),
  },
  defaultRadius: 'md',
  components: {
    // Sentence case reads better than Mantine's capitals, and a badge in a narrow table cell
    // should push the column wider rather than be cut off with an ellipsis.
    Badge: Badge.extend({
      defaultProps: { tt: 'none' },
      styles: { root: { minWidth: 'max-content' } },
    }),
    Table: Table.extend({ defaultProps: { captionSide: 'top' } }),
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
});

// Mantine's default dimmed text (gray 6) is 3.3:1 on white, too faint for WCAG AA.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    // Mantine draws some placeholders (FileInput, Select) as text, which axe measures too.
    '--mantine-color-placeholder': '#666d75',
    // Field errors in Mantine's default red reach 3.3:1 on white; the darkest red passes AA.
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});
