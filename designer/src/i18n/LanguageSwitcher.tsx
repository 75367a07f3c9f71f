import Translate from '@mui/icons-material/Translate';
import Button, { type ButtonProps } from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, storeLanguage, supportedLanguages, toLanguage, type Language } from './languages';

/** Button + menu listing each language by its own name; the choice is remembered in localStorage. */
export function LanguageSwitcher({ color = 'inherit' }: { color?: ButtonProps['color'] }) {
  const { t, i18n } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const current = toLanguage(i18n.resolvedLanguage);
  const open = anchor !== null;

  const choose = (language: Language) => {
    setAnchor(null);
    storeLanguage(language);
    if (language !== current) void i18n.changeLanguage(language);
  };

  return (
    <>
      <Button
        color={color}
        startIcon={<Translate />}
        data-testid="language-switcher"
        aria-label={t('language.button', { language: languageNames[current] })}
        aria-haspopup="menu"
        aria-controls={open ? menuId : undefined}
        aria-expanded={open ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <span lang={current}>{languageNames[current]}</span>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={open}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': t('language.label') } }}
      >
        {supportedLanguages.map((language) => (
          <MenuItem
            key={language}
            lang={language}
            data-testid={`lang-${language}`}
            role="menuitemradio"
            aria-checked={language === current}
            selected={language === current}
            onClick={() => choose(language)}
          >
            {languageNames[language]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
