import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/useAuth';
import { DefinitionListPane } from '../../components/definitions/DefinitionListPane';
import { DefinitionAreaPage } from '../../components/definitions/DefinitionAreaPage';
import { useDefinitionList } from '../../components/definitions/useDefinitionList';
import { RuleSetEditor } from './RuleSetEditor';
import { ruleSets, rulesRoute } from './rules-api';

function RulesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { hasPermission } = useAuth();
  const { items, error, refresh } = useDefinitionList(ruleSets);
  return (
    <DefinitionAreaPage
      title={t('areas.rules.title')}
      openId={id}
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
        <RuleSetEditor key={id} id={id} onSaved={refresh} />
      ) : (
        <Typography color="text.secondary">{t('areas.rules.description')}</Typography>
      )}
    </DefinitionAreaPage>
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
