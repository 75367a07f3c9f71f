import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/useAuth';
import { DefinitionListPane } from '../../components/definitions/DefinitionListPane';
import { EditorLayout } from '../../components/definitions/EditorLayout';
import { useDefinitionList } from '../../components/definitions/useDefinitionList';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { RuleSetEditor } from './RuleSetEditor';
import { ruleSets, rulesRoute } from './rules-api';

function RulesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { hasPermission } = useAuth();
  const [saves, setSaves] = useState(0);
  const { items, error } = useDefinitionList(ruleSets, saves);
  const onSaved = useCallback(() => setSaves((n) => n + 1), []);
  const title = t('areas.rules.title');
  useDocumentTitle(id ? `${id} · ${title}` : title);
  return (
    <Box component="section" aria-labelledby="area-title">
      <Typography id="area-title" variant="h1" component="h1" data-testid="area-title" gutterBottom>
        {title}
      </Typography>
      <EditorLayout
        list={
          <DefinitionListPane
            heading={t('editors.rules.listHeading')}
            items={items}
            error={error}
            selectedId={id}
            route={rulesRoute}
            canCreate={hasPermission('rules.write')}
            testId="rule-sets"
          />
        }
      >
        {id ? (
          <RuleSetEditor key={id} id={id} onSaved={onSaved} />
        ) : (
          <Typography color="text.secondary">{t('areas.rules.description')}</Typography>
        )}
      </EditorLayout>
    </Box>
  );
}

export default function RulesArea() {
  return (
    <Routes>
      <Route index element={<RulesPage />} />
      <Route path=":id" element={<RulesPage />} />
    </Routes>
  );
}
