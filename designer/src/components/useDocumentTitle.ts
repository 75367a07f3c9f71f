import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title, which screen readers also announce after navigation. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
  }, [title, product]);
}
