import EditOutlined from '@mui/icons-material/EditOutlined';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { pointer, problemsUnder, type FieldProblem } from '../../components/definitions/json-pointer';
import { localized } from '../../components/definitions/localized-text';
import type { FieldModel } from './entity-schema';
import { RemoveButton } from '../../components/definitions/RowButtons';

interface FieldTableProps {
  fields: FieldModel[];
  problems: readonly FieldProblem[];
  onEdit(field: FieldModel): void;
  onRemove(field: FieldModel): void;
}

/** The type's fields at a glance, each with its flags and the server's problems, opened for editing on click. */
export function FieldTable({ fields, problems, onEdit, onRemove }: FieldTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('editors.dataModel.fields')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('editors.dataModel.field.name')}</TableCell>
            <TableCell>{t('editors.dataModel.field.label')}</TableCell>
            <TableCell>{t('editors.dataModel.field.type')}</TableCell>
            <TableCell>{t('editors.dataModel.field.flags')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => {
            const found = problemsUnder(problems, pointer('properties', field.name));
            return (
              <TableRow
                key={field.name}
                hover
                data-testid={`field-row-${field.name}`}
                data-pointer={pointer('properties', field.name)}
                selected={found.length > 0}
              >
                <TableCell sx={{ fontFamily: 'monospace' }}>{field.name}</TableCell>
                <TableCell>
                  {localized(field.label, i18n.language, field.name)}
                  {found.map((p, index) => (
                    <Typography key={index} color="error" variant="caption" sx={{ display: 'block' }}>
                      {p.path.split('/').slice(3).join('/') || field.name}: {p.message}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>
                  {t(`editors.dataModel.types.${field.type}`)}
                  {field.format ? ` · ${field.format}` : ''}
                  {field.relation ? ` → ${field.relation.target}` : ''}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    {field.required && (
                      <Chip size="small" color="primary" label={t('editors.dataModel.field.required')} />
                    )}
                    {field.index && <Chip size="small" variant="outlined" label={field.index} />}
                    {field.unique && (
                      <Chip size="small" variant="outlined" label={t('editors.dataModel.field.unique')} />
                    )}
                    {field.pii && <Chip size="small" color="warning" variant="outlined" label="PII" />}
                    {field.mask && (
                      <Chip size="small" variant="outlined" label={t('editors.dataModel.field.mask')} />
                    )}
                    {field.enum && (
                      <Chip
                        size="small"
                        variant="outlined"
                        label={`${field.enum.length} ${t('editors.dataModel.field.values')}`}
                      />
                    )}
                  </Stack>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton
                    aria-label={t('editors.dataModel.field.editTitle', { name: field.name })}
                    onClick={() => onEdit(field)}
                    data-testid={`field-edit-${field.name}`}
                  >
                    <EditOutlined fontSize="small" />
                  </IconButton>
                  <RemoveButton
                    label={t('editors.dataModel.field.remove', { name: field.name })}
                    onClick={() => onRemove(field)}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
