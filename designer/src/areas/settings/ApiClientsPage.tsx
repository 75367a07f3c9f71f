import AddOutlined from '@mui/icons-material/AddOutlined';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ClientFormDialog } from './ClientFormDialog';
import { RevokeDialog, RotateDialog } from './ConfirmActionDialogs';
import { SecretDialog } from './SecretDialog';
import {
  createClient,
  listClients,
  revokeClient,
  rotateSecret,
  updateClient,
  type OAuthClient,
  type OAuthClientList,
  type OAuthClientWithSecret,
} from './oauth-clients-api';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'rotate' | 'revoke'; client: OAuthClient }
  | { kind: 'secret'; client: OAuthClientWithSecret };

function useClients() {
  const [list, setList] = useState<OAuthClientList>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(() => {
    listClients().then(
      (data) => {
        setList(data);
        setError(undefined);
      },
      (failure: unknown) => setError(failure),
    );
  }, []);
  useEffect(reload, [reload]);
  return { list, error, reload };
}

function AccessCell({ client }: { client: OAuthClient }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {client.roles.map((role) => (
        <Chip key={role} size="small" label={t(`roles.${role}`)} />
      ))}
      {client.scopes === null ? (
        <Chip size="small" variant="outlined" label={t('settings.clients.allOfRoles')} />
      ) : (
        client.scopes.map((scope) => (
          <Chip key={scope} size="small" variant="outlined" label={scope} sx={{ fontFamily: 'monospace' }} />
        ))
      )}
    </Box>
  );
}

/** Settings → API clients: the OAuth clients machines sign in with; create, change, rotate, revoke. */
export function ApiClientsPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const title = t('settings.clients.title');
  useDocumentTitle(title);
  const { list, error, reload } = useClients();
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  const date = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(i18n.resolvedLanguage, { dateStyle: 'short', timeStyle: 'short' })
      : '—';

  const action = (client: OAuthClient, kind: 'edit' | 'rotate' | 'revoke', Icon: typeof EditOutlined) => (
    <Tooltip title={t(`settings.clients.actions.${kind}`)}>
      <IconButton
        size="small"
        aria-label={`${t(`settings.clients.actions.${kind}`)}: ${client.name}`}
        onClick={() => setOpen({ kind, client })}
        data-testid={`client-${kind}-${client.clientId}`}
        color={kind === 'revoke' ? 'error' : 'default'}
      >
        <Icon fontSize="small" />
      </IconButton>
    </Tooltip>
  );

  return (
    <Box component="section" aria-labelledby="clients-title">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 1 }}>
        <Typography id="clients-title" variant="h2" component="h2" sx={{ flexGrow: 1, fontSize: '1.5rem' }}>
          {title}
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddOutlined />}
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="client-new"
        >
          {t('settings.clients.new')}
        </Button>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('settings.clients.description')}
      </Typography>
      {error !== undefined && <Alert severity="error">{errorMessage(error)}</Alert>}
      {!list && error === undefined && <LoadingIndicator />}
      {list && list.items.length === 0 && (
        <Paper variant="outlined" sx={{ p: 3, borderStyle: 'dashed' }} data-testid="clients-empty">
          <Typography sx={{ fontWeight: 500, mb: 1 }}>{t('settings.clients.empty.title')}</Typography>
          <Typography color="text.secondary">{t('settings.clients.empty.text')}</Typography>
        </Paper>
      )}
      {list && list.items.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table
            size="small"
            aria-labelledby="clients-title"
            data-testid="clients-table"
            sx={{ '& th, & td': { px: 1.5 } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('settings.clients.columns.client')}</TableCell>
                <TableCell>{t('settings.clients.columns.access')}</TableCell>
                <TableCell>{t('settings.clients.columns.dates')}</TableCell>
                <TableCell>{t('settings.clients.columns.status')}</TableCell>
                <TableCell align="right">{t('settings.clients.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.items.map((client) => (
                <TableRow key={client.clientId} data-testid={`client-row-${client.clientId}`}>
                  <TableCell sx={{ minWidth: '10rem' }}>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {client.name}
                    </Typography>
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
                    >
                      {client.clientId}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <AccessCell client={client} />
                  </TableCell>
                  <TableCell>
                    <Typography variant="caption" color="text.secondary" component="p">
                      {t('settings.clients.created')}
                    </Typography>
                    <Typography variant="body2" sx={{ whiteSpace: 'nowrap', mb: 0.5 }}>
                      {date(client.createdAt)}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" component="p">
                      {t('settings.clients.lastUsed')}
                    </Typography>
                    <Typography
                      variant="body2"
                      sx={{ whiteSpace: 'nowrap' }}
                      data-testid={`client-last-used-${client.clientId}`}
                    >
                      {client.lastUsedAt ? date(client.lastUsedAt) : t('settings.clients.neverUsed')}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={client.status === 'active' ? 'success' : 'default'}
                      label={t(`settings.clients.status.${client.status}`)}
                      data-testid={`client-status-${client.clientId}`}
                    />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {client.status === 'active' && (
                      <>
                        {action(client, 'edit', EditOutlined)}
                        {action(client, 'rotate', KeyOutlined)}
                        {action(client, 'revoke', BlockOutlined)}
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {list && (open?.kind === 'create' || open?.kind === 'edit') && (
        <ClientFormDialog
          client={open.kind === 'edit' ? open.client : undefined}
          catalog={list}
          onClose={close}
          onSubmit={async (input) => {
            if (open.kind === 'edit') {
              await updateClient(open.client.clientId, input);
              close();
            } else {
              setOpen({ kind: 'secret', client: await createClient(input) });
            }
            reload();
          }}
        />
      )}
      {open?.kind === 'rotate' && (
        <RotateDialog
          client={open.client}
          onClose={close}
          onRotate={async (grace) => {
            setOpen({ kind: 'secret', client: await rotateSecret(open.client.clientId, grace) });
            reload();
          }}
        />
      )}
      {open?.kind === 'revoke' && (
        <RevokeDialog
          client={open.client}
          onClose={close}
          onRevoke={async () => {
            await revokeClient(open.client.clientId);
            reload();
          }}
        />
      )}
      {open?.kind === 'secret' && <SecretDialog client={open.client} onClose={close} />}
    </Box>
  );
}
