import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { useErrorMessage } from '../../api/useErrorMessage';
import {
  clientRoles,
  type ClientInput,
  type OAuthClient,
  type OAuthClientList,
  type Role,
} from './oauth-clients-api';

interface Props {
  /** The client being edited; none: a new client. */
  client?: OAuthClient;
  catalog: Pick<OAuthClientList, 'scopes' | 'usableScopes'>;
  onClose(): void;
  onSubmit(input: ClientInput): Promise<void>;
}

type FieldErrors = Partial<Record<'name' | 'roles' | 'scopes', string>>;

/** The server's field errors (paths like /name, /scopes/2) placed on the form's fields. */
function serverFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error)) return {};
  const errors: FieldErrors = {};
  for (const { path, message } of error.problem.errors ?? []) {
    const field = path?.split('/')[1];
    if (field === 'name' || field === 'roles' || field === 'scopes') errors[field] ??= message;
  }
  return errors;
}

/** Create or change a client: its name, roles and the scopes its tokens are limited to. */
export function ClientFormDialog({ client, catalog, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(client?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(client?.roles ?? ['integration']);
  const [limited, setLimited] = useState(client ? client.scopes !== null : true);
  const [scopes, setScopes] = useState<string[]>(client?.scopes ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const usable = new Set(roles.flatMap((role) => catalog.usableScopes[role] ?? []));
  const chosenScopes = scopes.filter((scope) => usable.has(scope));
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    if (name.trim() === '') local.name = t('settings.clients.form.nameRequired');
    if (roles.length === 0) local.roles = t('settings.clients.form.rolesRequired');
    if (limited && chosenScopes.length === 0) local.scopes = t('settings.clients.form.scopesRequired');
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      await onSubmit({ name: name.trim(), roles, scopes: limited ? chosenScopes : null });
    } catch (error) {
      setErrors(serverFieldErrors(error));
      setFailure(errorMessage(error));
      setSaving(false);
    }
  };

  const title = client ? t('settings.clients.form.editTitle') : t('settings.clients.form.createTitle');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="client-form-title">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="client-form">
        <DialogTitle id="client-form-title">{title}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
          {failure && (
            <Alert severity="error" data-testid="client-form-error">
              {failure}
            </Alert>
          )}
          <TextField
            label={t('settings.clients.form.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={Boolean(errors.name)}
            helperText={errors.name ?? t('settings.clients.form.nameHelp')}
            required
            autoFocus
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'client-name', maxLength: 200 } }}
            sx={{ mt: 1 }}
          />
          <FormControl error={Boolean(errors.roles)} component="fieldset">
            <FormLabel component="legend">{t('settings.clients.form.roles')}</FormLabel>
            <FormGroup row>
              {clientRoles.map((role) => (
                <FormControlLabel
                  key={role}
                  label={t(`roles.${role}`)}
                  control={
                    <Checkbox
                      checked={roles.includes(role)}
                      onChange={(e) => setRoles(toggle(roles, role, e.target.checked))}
                      slotProps={{ input: { 'data-testid': `client-role-${role}` } as object }}
                    />
                  }
                />
              ))}
            </FormGroup>
            <FormHelperText>{errors.roles ?? t('settings.clients.form.rolesHelp')}</FormHelperText>
          </FormControl>
          <FormControl error={Boolean(errors.scopes)} component="fieldset">
            <FormLabel component="legend">{t('settings.clients.form.access')}</FormLabel>
            <RadioGroup
              value={limited ? 'scopes' : 'roles'}
              onChange={(e) => setLimited(e.target.value === 'scopes')}
            >
              <FormControlLabel
                value="scopes"
                control={<Radio slotProps={{ input: { 'data-testid': 'client-limited' } as object }} />}
                label={t('settings.clients.form.limited')}
              />
              <FormControlLabel
                value="roles"
                control={<Radio slotProps={{ input: { 'data-testid': 'client-unlimited' } as object }} />}
                label={t('settings.clients.form.unlimited')}
              />
            </RadioGroup>
            {limited && (
              <FormGroup
                sx={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
                  pl: 3.5,
                }}
                aria-label={t('settings.clients.form.scopes')}
              >
                {catalog.scopes.map((scope) => (
                  <FormControlLabel
                    key={scope}
                    disabled={!usable.has(scope)}
                    label={<code>{scope}</code>}
                    control={
                      <Checkbox
                        size="small"
                        checked={chosenScopes.includes(scope)}
                        onChange={(e) => setScopes(toggle(scopes, scope, e.target.checked))}
                        slotProps={{ input: { 'data-testid': `client-scope-${scope}` } as object }}
                      />
                    }
                  />
                ))}
              </FormGroup>
            )}
            <FormHelperText>
              {errors.scopes ??
                (limited ? t('settings.clients.form.scopesHelp') : t('settings.clients.form.unlimitedHelp'))}
            </FormHelperText>
          </FormControl>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('settings.clients.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid="client-form-submit">
            {client ? t('settings.clients.form.save') : t('settings.clients.form.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
