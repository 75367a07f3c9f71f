import SwapVertOutlined from '@mui/icons-material/SwapVertOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/useAuth';
import { DefinitionListPane } from '../../components/definitions/DefinitionListPane';
import { EditorLayout } from '../../components/definitions/EditorLayout';
import { useDefinitionList } from '../../components/definitions/useDefinitionList';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CalendarEditor } from './CalendarEditor';
import { PolicyOrderDialog } from './PolicyOrderDialog';
import { calendars, calendarsRoute, policiesRoute, slaPolicies } from './sla-api';
import { SlaPolicyEditor } from './SlaPolicyEditor';

type Tab = 'policies' | 'calendars';

function SlaPage({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const { hasPermission } = useAuth();
  const [saves, setSaves] = useState(0);
  const onSaved = useCallback(() => setSaves((n) => n + 1), []);
  const policies = useDefinitionList(slaPolicies, saves);
  const calendarList = useDefinitionList(calendars, saves);
  const [ordering, setOrdering] = useState(false);
  const title = t('areas.sla.title');
  useDocumentTitle(id ? `${id} · ${title}` : title);

  const list =
    tab === 'policies' ? (
      <Stack spacing={1}>
        <DefinitionListPane
          heading={t('editors.sla.policies')}
          items={policies.items}
          error={policies.error}
          selectedId={id}
          route={policiesRoute}
          canCreate={hasPermission('sla.write')}
          testId="sla-policies"
        />
        <Button
          startIcon={<SwapVertOutlined />}
          disabled={!policies.items?.length}
          onClick={() => setOrdering(true)}
          data-testid="policy-order-open"
        >
          {t('editors.sla.reorder')}
        </Button>
        <PolicyOrderDialog
          open={ordering}
          items={policies.items ?? []}
          onClose={(changed) => {
            setOrdering(false);
            if (changed) onSaved();
          }}
        />
      </Stack>
    ) : (
      <DefinitionListPane
        heading={t('editors.calendar.calendars')}
        items={calendarList.items}
        error={calendarList.error}
        selectedId={id}
        route={calendarsRoute}
        canCreate={hasPermission('calendars.write')}
        testId="calendars"
      />
    );

  return (
    <Box component="section" aria-labelledby="area-title">
      <Typography id="area-title" variant="h1" component="h1" data-testid="area-title" gutterBottom>
        {title}
      </Typography>
      <Tabs value={tab} sx={{ mb: 2 }} aria-label={title}>
        <Tab
          value="policies"
          label={t('editors.sla.policies')}
          component={Link}
          to={policiesRoute}
          data-testid="tab-policies"
        />
        <Tab
          value="calendars"
          label={t('editors.calendar.calendars')}
          component={Link}
          to={calendarsRoute}
          data-testid="tab-calendars"
        />
      </Tabs>
      <EditorLayout list={list}>
        {!id && <Typography color="text.secondary">{t('areas.sla.description')}</Typography>}
        {id && tab === 'policies' && (
          <SlaPolicyEditor key={id} id={id} calendarItems={calendarList.items} onSaved={onSaved} />
        )}
        {id && tab === 'calendars' && <CalendarEditor key={id} id={id} onSaved={onSaved} />}
      </EditorLayout>
    </Box>
  );
}

export default function SlaArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="policies" replace />} />
      <Route path="policies" element={<SlaPage tab="policies" />} />
      <Route path="policies/:id" element={<SlaPage tab="policies" />} />
      <Route path="calendars" element={<SlaPage tab="calendars" />} />
      <Route path="calendars/:id" element={<SlaPage tab="calendars" />} />
    </Routes>
  );
}
