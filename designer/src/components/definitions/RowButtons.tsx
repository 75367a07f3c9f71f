import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';

/** The bin icon that removes one row (an interval, a holiday, a parameter ...); `label` names what it removes. */
export function RemoveButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick(): void;
  testId?: string;
}) {
  return (
    <IconButton aria-label={label} onClick={onClick} data-testid={testId}>
      <DeleteOutlined fontSize="small" />
    </IconButton>
  );
}

/** The small "+ …" button under a list of rows. */
export function AddButton({ label, onClick, testId }: { label: string; onClick(): void; testId?: string }) {
  return (
    <Button size="small" startIcon={<AddOutlined />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
