import SwapVertOutlined from '@mui/icons-material/SwapVertOutlined';
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
import { DefinitionAreaPage } from '../../components/definitions/DefinitionAreaPage';
import { useDefinitionList } from '../../components/definitions/useDefinitionList';
import { CalendarEditor } from './CalendarEditor';
import { PolicyOrderDialog } from './PolicyOrderDialog';
import { calendars, calendarsRoute, policiesRoute, slaPolicies } from './sla-api';
import { SlaPolicyEditor } from './SlaPolicyEditor';

type Tab = 'policies' | 'calendars';

function SlaPage({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const { hasPermission } = useAuth();
  const policies = useDefinitionList(slaPolicies);
  const calendarList = useDefinitionList(calendars);
  const { refresh: refreshPolicies } = policies;
  const { refresh: refreshCalendars } = calendarList;
  const onSaved = useCallback(() => {
    refreshPolicies();
    refreshCalendars();
  }, [refreshPolicies, refreshCalendars]);
  const [ordering, setOrdering] = useState(false);
  const title = t('areas.sla.title');

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
    <DefinitionAreaPage
      title={title}
      openId={id}
      list={list}
      header={
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
      }
    >
      {!id && <Typography color="text.secondary">{t('areas.sla.description')}</Typography>}
      {id && tab === 'policies' && (
        <SlaPolicyEditor key={id} id={id} calendarItems={calendarList.items} onSaved={onSaved} />
      )}
      {id && tab === 'calendars' && <CalendarEditor key={id} id={id} onSaved={onSaved} />}
    </DefinitionAreaPage>
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
