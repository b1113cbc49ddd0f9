import { useEffect, useRef } from 'react';
import { currentLocale, i18n } from '../i18n';
import type { Me } from '../session/use-me';

/** Once per signed-in user, switch to the language they saved (if any). */
export function useUserLocale(me: Me | null | undefined): void {
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me || appliedFor.current === me.user.id) return;
    appliedFor.current = me.user.id;
    const saved = me.user.locale;
    if (saved && saved !== currentLocale()) void i18n.changeLanguage(saved);
  }, [me]);
}
