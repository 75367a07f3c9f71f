import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DragIndicatorOutlined from '@mui/icons-material/DragIndicatorOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import type { DefinitionSummary } from '../../components/definitions/definitions-api';
import { localized } from '../../components/definitions/localized-text';
import { moveItem } from '../../components/definitions/move-item';
import { slaPolicies } from './sla-api';
import { renumber, type SlaPolicy } from './sla-policy-model';

interface PolicyOrderDialogProps {
  open: boolean;
  items: DefinitionSummary[];
  onClose(changed: boolean): void;
}

async function loadPolicies(items: DefinitionSummary[]): Promise<SlaPolicy[]> {
  const documents = await Promise.all(items.map((item) => slaPolicies.get(item.id)));
  return documents
    .map((doc) => doc.draft ?? doc.published?.content)
    .filter((policy): policy is SlaPolicy => policy !== undefined && policy !== null)
    .sort((a, b) => a.order - b.order);
}

/** The order policies are tried in (the first that matches a record wins), changed by arrows or dragging. */
export function PolicyOrderDialog({ open, items, onClose }: PolicyOrderDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [dragged, setDragged] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let current = true;
    loadPolicies(items).then(
      (loaded) => current && setPolicies(loaded),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [open, items]);

  const save = async (publish: boolean) => {
    setBusy(true);
    setError(null);
    try {
      for (const policy of renumber(policies)) {
        await slaPolicies.saveDraft(policy.id, policy);
        if (publish) await slaPolicies.publish(policy.id);
      }
      onClose(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const dropOn = (index: number) => {
    if (dragged === null || dragged === index) return;
    const next = [...policies];
    const [moved] = next.splice(dragged, 1);
    next.splice(index, 0, moved!);
    setPolicies(next);
    setDragged(null);
  };

  return (
    <Dialog
      open={open}
      onClose={() => onClose(false)}
      fullWidth
      maxWidth="sm"
      aria-labelledby="policy-order-title"
    >
      <DialogTitle id="policy-order-title">{t('editors.sla.orderTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{t('editors.sla.orderExplain')}</DialogContentText>
        {error !== null && <Alert severity="error">{errorMessage(error)}</Alert>}
        <List dense data-testid="policy-order-list">
          {policies.map((policy, index) => (
            <ListItem
              key={policy.id}
              draggable
              onDragStart={() => setDragged(index)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => dropOn(index)}
              data-testid={`policy-order-${policy.id}`}
              secondaryAction={
                <>
                  <IconButton
                    aria-label={t('editors.conditions.moveUp')}
                    disabled={index === 0}
                    onClick={() => setPolicies(moveItem(policies, index, -1))}
                    data-testid={`policy-order-${policy.id}-up`}
                  >
                    <ArrowUpwardOutlined />
                  </IconButton>
                  <IconButton
                    aria-label={t('editors.conditions.moveDown')}
                    disabled={index === policies.length - 1}
                    onClick={() => setPolicies(moveItem(policies, index, 1))}
                  >
                    <ArrowDownwardOutlined />
                  </IconButton>
                </>
              }
              sx={{ cursor: 'grab', bgcolor: dragged === index ? 'action.selected' : undefined }}
            >
              <ListItemIcon sx={{ minWidth: 32 }}>
                <DragIndicatorOutlined />
              </ListItemIcon>
              <ListItemText
                primary={`${index + 1}. ${localized(policy.title, i18n.language, policy.id)}`}
                secondary={`${policy.id} · ${t('editors.sla.order')} ${policy.order}`}
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('editors.actions.cancel')}</Button>
        <Button disabled={busy} onClick={() => void save(false)}>
          {t('editors.sla.orderSaveDrafts')}
        </Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => void save(true)}
          data-testid="policy-order-publish"
        >
          {t('editors.sla.orderPublish')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
