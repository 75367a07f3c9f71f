import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../api/useErrorMessage';
import type { DefinitionSummary } from './definitions-api';
import { localized } from './localized-text';

export const definitionIdPattern = /^[a-z0-9][a-z0-9._-]{0,79}$/;

interface DefinitionListPaneProps {
  heading: string;
  items: DefinitionSummary[] | undefined;
  error: unknown;
  selectedId: string | undefined;
  /** Route of the list; an item opens at `${route}/${id}`. */
  route: string;
  canCreate: boolean;
  testId: string;
  /** Definitions ids must match this pattern (C4 by default). */
  idPattern?: RegExp;
}

/** The definitions of one kind, each a link to its editor, and a "new" dialog asking for the id. */
export function DefinitionListPane(props: DefinitionListPaneProps) {
  const {
    heading,
    items,
    error,
    selectedId,
    route,
    canCreate,
    testId,
    idPattern = definitionIdPattern,
  } = props;
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [newId, setNewId] = useState('');
  const invalid = newId !== '' && !idPattern.test(newId);
  const taken = items?.some((item) => item.id === newId) ?? false;

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (newId === '' || invalid || taken) return;
    setCreating(false);
    setNewId('');
    void navigate(`${route}/${encodeURIComponent(newId)}`);
  };

  return (
    <Paper component="nav" aria-label={heading} variant="outlined" sx={{ p: 1 }} data-testid={testId}>
      <Stack direction="row" sx={{ alignItems: 'center', px: 1, mb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1, fontWeight: 600 }}>
          {heading}
        </Typography>
        {canCreate && (
          <Button
            size="small"
            startIcon={<AddOutlined />}
            onClick={() => setCreating(true)}
            data-testid={`${testId}-new`}
          >
            {t('editors.list.new')}
          </Button>
        )}
      </Stack>
      {error !== null && error !== undefined && <Alert severity="error">{errorMessage(error)}</Alert>}
      {items && items.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 1 }}>
          {t('editors.list.empty')}
        </Typography>
      )}
      <List dense>
        {items?.map((item) => (
          <ListItemButton
            key={item.id}
            component={Link}
            to={`${route}/${encodeURIComponent(item.id)}`}
            selected={item.id === selectedId}
            aria-current={item.id === selectedId ? 'page' : undefined}
            data-testid={`${testId}-item-${item.id}`}
          >
            <ListItemText primary={localized(item.title, i18n.language, item.id)} secondary={item.id} />
            {item.hasDraft && (
              <Chip size="small" variant="outlined" label={t('editors.status.draft')} sx={{ ml: 1 }} />
            )}
            {item.version !== null && <Chip size="small" label={`v${item.version}`} sx={{ ml: 1 }} />}
          </ListItemButton>
        ))}
      </List>
      <Dialog open={creating} onClose={() => setCreating(false)} aria-labelledby={`${testId}-new-title`}>
        <form onSubmit={create}>
          <DialogTitle id={`${testId}-new-title`}>{t('editors.list.newTitle')}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              label={t('editors.list.id')}
              value={newId}
              onChange={(event) => setNewId(event.target.value.trim())}
              error={invalid || taken}
              helperText={taken ? t('editors.list.idTaken') : t('editors.list.idHelp')}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-new-id` } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setCreating(false)}>{t('editors.actions.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              disabled={newId === '' || invalid || taken}
              data-testid={`${testId}-new-create`}
            >
              {t('editors.actions.create')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Paper>
  );
}
