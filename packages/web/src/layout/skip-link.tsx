import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** Lets keyboard users jump past the header and navigation. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href="#main-content">
      {t('layout.skipToContent')}
    </a>
  );
}
