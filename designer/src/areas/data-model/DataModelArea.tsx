import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/useAuth';
import { DefinitionListPane } from '../../components/definitions/DefinitionListPane';
import { DefinitionAreaPage } from '../../components/definitions/DefinitionAreaPage';
import { useDefinitionEditor } from '../../components/definitions/useDefinitionEditor';
import { EntityGraph } from './EntityGraph';
import { newEntitySchema, typeNamePattern } from './entity-schema';
import { dataModelRoute, entityTypes, listEntityTypes, type EntityTypeItem } from './entity-types-api';
import { EntityTypeEditor } from './EntityTypeEditor';

function SelectedType({
  name,
  types,
  onStored,
}: {
  name: string;
  types: EntityTypeItem[];
  onStored(): void;
}) {
  const editor = useDefinitionEditor(entityTypes, name, newEntitySchema, onStored);
  return (
    <>
      <EntityGraph types={types} selected={name} draft={editor.content} />
      <Box sx={{ mt: 2 }}>
        <EntityTypeEditor editor={editor} typeNames={types.map((t) => t.name)} onPublished={onStored} />
      </Box>
    </>
  );
}

function DataModelPage() {
  const { t } = useTranslation();
  const { name } = useParams();
  const { hasPermission } = useAuth();
  const [round, setRound] = useState(0);
  const [types, setTypes] = useState<EntityTypeItem[]>();
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    listEntityTypes().then(
      (items) => current && setTypes(items),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [round]);

  const items = types?.map((type) => ({
    id: type.name,
    version: type.version,
    hasDraft: type.hasDraft,
    title: type.label,
    updatedAt: '',
  }));
  return (
    <DefinitionAreaPage
      title={t('areas.dataModel.title')}
      openId={name}
      list={
        <DefinitionListPane
          heading={t('editors.dataModel.listHeading')}
          items={items}
          error={error}
          selectedId={name}
          route={dataModelRoute}
          canCreate={hasPermission('entitytypes.write')}
          testId="entity-types"
          idPattern={typeNamePattern}
        />
      }
    >
      {name ? (
        <SelectedType key={name} name={name} types={types ?? []} onStored={refresh} />
      ) : (
        <>
          <EntityGraph types={types ?? []} />
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {t('areas.dataModel.description')}
          </Typography>
        </>
      )}
    </DefinitionAreaPage>
  );
}

export default function DataModelArea() {
  return (
    <Routes>
      <Route index element={<DataModelPage />} />
      <Route path=":name" element={<DataModelPage />} />
    </Routes>
  );
}
